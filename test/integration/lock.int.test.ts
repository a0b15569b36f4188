import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, HttpSession, killAll, onPostgres, removeDir, runCli, startServer, tempDataDir, type ServerProcess } from '../support/process';

/**
 * Two processes on one PGlite directory would corrupt it: a second process must refuse the directory
 * a running server holds, quickly and clearly, and leave the first one and its data alone.
 */

const ADMIN = { email: 'admin@lock.test', name: 'Lock Test Admin', password: 'lock-test-password' };

describe.skipIf(onPostgres)('the data directory lock', () => {
  let dataDir: string;
  let first: ServerProcess;
  let pidFile: string;

  beforeAll(async () => {
    dataDir = tempDataDir();
    pidFile = path.join(dataDir, 'tanzim.pid');
    first = await startServer('serve', ['--data-dir', dataDir]);
    // Some data to find intact afterwards: the first administrator, made through the setup link.
    const token = (await first.waitForOutput(/\/setup\?token=([\w-]+)/))[1];
    const res = await new HttpSession(first.url).post('/api/setup', { token, ...ADMIN });
    expect(res.status).toBe(201);
  }, 180_000);

  afterAll(async () => {
    await killAll();
    removeDir(dataDir);
  });

  it('refuses a second server on the directory, quickly and with a clear message', { timeout: 90_000 }, async () => {
    const port = await freePort();
    const second = await runCli(['serve', '--data-dir', dataDir, '--port', String(port)], { timeoutMs: 60_000 });
    expect(second.signal).toBeNull(); // it ended on its own, not killed by the time limit
    expect(second.code).not.toBe(0);
    expect(second.stderr).toMatch(/in use/i);
    expect(second.stderr).toContain(dataDir);
    expect(second.stderr).toContain(String(first.pid));
    expect(second.stderr).not.toMatch(/^\s+at /m); // a message, not a stack trace
    expect(second.ms).toBeLessThan(45_000);
    // It never served anything.
    await expect(fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(2_000) })).rejects.toThrow();
  });

  it('refuses `user add` on the directory while the server holds it', { timeout: 90_000 }, async () => {
    const res = await runCli(['user', 'add', '--email', 'reader@lock.test', '--name', 'Reader', '--role', 'reader', '--password-stdin', '--data-dir', dataDir], {
      input: 'reader-password-123\n',
      timeoutMs: 60_000,
    });
    expect(res.code).not.toBe(0);
    expect(res.stderr).toMatch(/in use/i);
    expect(res.stderr).toContain(dataDir);
  });

  it('leaves the first server running, its lock in place and its data intact', { timeout: 60_000 }, async () => {
    expect(first.isRunning()).toBe(true);
    expect(fs.readFileSync(pidFile, 'utf8').trim()).toBe(String(first.pid));

    const api = new HttpSession(first.url);
    const health = await api.get('/api/health');
    expect(health.status).toBe(200);
    expect(health.json()).toMatchObject({ status: 'ok', database: 'pglite' });

    expect((await api.get('/api/setup')).json()).toEqual({ needed: false });
    await api.signIn(ADMIN.email, ADMIN.password);
    const me = await api.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.json().user).toMatchObject({ email: ADMIN.email, role: 'admin', scopeCode: null });
    // The refused `user add` wrote nothing.
    const refused = await new HttpSession(first.url).post('/api/auth/login', { email: 'reader@lock.test', password: 'reader-password-123' });
    expect(refused.status).toBe(401);
  });
});
