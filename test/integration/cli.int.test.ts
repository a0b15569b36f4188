import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPostgresDatabase,
  HttpSession,
  killAll,
  onPostgres,
  removeDir,
  runCli,
  startServer,
  tempDataDir,
  type ServerProcess,
} from '../support/process';

/**
 * The command line as an operator uses it: `tanzim serve` on an empty database prints a one-time setup
 * link, `tanzim user add` adds users while no server runs, and the server then signs them in. On PGlite
 * in a data directory by default; on a fresh database of the PostgreSQL server of
 * TANZIM_TEST_DATABASE_URL (through DATABASE_URL) when it is set.
 */

const engine = onPostgres ? 'postgres' : 'pglite';
const ADMIN = { email: 'first-admin@cli.test', name: 'First Admin', password: 'first-admin-password' };
const OFFICER = { email: 'officer@cli.test', name: 'Sefrou Officer', password: 'officer-password-1' };

let dataDir: string | undefined;
let dropDatabase: (() => Promise<void>) | undefined;
/** What points a command at the database under test. */
let target: { args: string[]; env: Record<string, string> };

beforeAll(async () => {
  if (onPostgres) {
    const db = await createPostgresDatabase();
    dropDatabase = db.drop;
    target = { args: [], env: { DATABASE_URL: db.url } };
  } else {
    dataDir = tempDataDir();
    target = { args: ['--data-dir', dataDir], env: {} };
  }
});

afterAll(async () => {
  await killAll();
  removeDir(dataDir);
  await dropDatabase?.();
});

const userAdd = (opts: { email: string; name: string; role: string; scope?: string }, password: string) =>
  runCli(
    ['user', 'add', '--email', opts.email, '--name', opts.name, '--role', opts.role, ...(opts.scope ? ['--scope', opts.scope] : []), '--password-stdin', ...target.args],
    { input: `${password}\n`, env: target.env, timeoutMs: 90_000 },
  );

const expectNoStackTrace = (stderr: string) => expect(stderr).not.toMatch(/^\s+at /m);

describe(`tanzim user add and serve (${engine})`, () => {
  describe('refuses a wrong `user add`', () => {
    it('with an unknown role', { timeout: 60_000 }, async () => {
      const res = await userAdd({ ...OFFICER, role: 'chief' }, OFFICER.password);
      expect(res.code).not.toBe(0);
      expect(res.signal).toBeNull();
      expect(res.stderr).toContain('chief');
      expect(res.stderr).toMatch(/admin, officer, reader/);
      expectNoStackTrace(res.stderr);
    });

    it('with a password shorter than 10 characters', { timeout: 60_000 }, async () => {
      const res = await userAdd({ ...OFFICER, role: 'officer', scope: '03451' }, 'short-pw');
      expect(res.code).not.toBe(0);
      expect(res.stderr).toMatch(/at least 10 characters/);
      expectNoStackTrace(res.stderr);
    });

    it('with an unknown scope code, releasing the data directory', { timeout: 90_000 }, async () => {
      const res = await userAdd({ ...OFFICER, role: 'officer', scope: '99999' }, OFFICER.password);
      expect(res.code).not.toBe(0);
      expect(res.stderr).toContain('No territory has the code 99999');
      expectNoStackTrace(res.stderr);
      if (dataDir) expect(fs.existsSync(path.join(dataDir, 'tanzim.pid'))).toBe(false);
    });
  });

  describe('on an empty database', () => {
    let server: ServerProcess;
    let token: string;

    it('`tanzim serve` prints a one-time setup link and reports its database', { timeout: 180_000 }, async () => {
      server = await startServer('serve', target.args, { env: target.env });
      token = (await server.waitForOutput(/\/setup\?token=([\w-]+)/))[1]!;
      expect(token.length).toBeGreaterThanOrEqual(32);
      expect(server.stdout()).toContain(`database: ${engine}`);

      const api = new HttpSession(server.url);
      const health = await api.get('/api/health');
      expect(health.status).toBe(200);
      expect(health.json()).toMatchObject({ status: 'ok', database: engine });
      expect((await api.get('/api/setup')).json()).toEqual({ needed: true });
    });

    it('the setup link creates the first administrator and signs them in, once', { timeout: 60_000 }, async () => {
      const api = new HttpSession(server.url);
      const wrong = await api.post('/api/setup', { ...ADMIN, token: `${token}x` });
      expect(wrong.status).toBeGreaterThanOrEqual(400);
      expect(wrong.status).toBeLessThan(500);

      const res = await api.post('/api/setup', { token, ...ADMIN });
      expect(res.status).toBe(201);
      expect(res.json().user).toMatchObject({ email: ADMIN.email, role: 'admin', scopeCode: null });
      expect(api.signedIn).toBe(true);
      const me = await api.get('/api/auth/me');
      expect(me.status).toBe(200);
      expect(me.json().user).toMatchObject({ email: ADMIN.email, role: 'admin' });

      const again = await new HttpSession(server.url).post('/api/setup', { token, email: 'second-admin@cli.test', name: 'Second', password: 'second-admin-password' });
      expect(again.status).toBeGreaterThanOrEqual(400);
      expect(again.status).toBeLessThan(500);
      expect(again.json().error).toEqual({ code: expect.any(String), message: expect.any(String) });
      expect((await new HttpSession(server.url).get('/api/setup')).json()).toEqual({ needed: false });
    });

    it('stops on SIGTERM and releases the data directory', { timeout: 30_000 }, async () => {
      const exit = await server.stop();
      expect(exit).toEqual({ code: 0, signal: null });
      if (dataDir) expect(fs.existsSync(path.join(dataDir, 'tanzim.pid'))).toBe(false);
    });
  });

  describe('a user added while no server runs', () => {
    let server: ServerProcess;

    it('`tanzim user add` adds an officer of Sefrou province', { timeout: 90_000 }, async () => {
      const res = await userAdd({ ...OFFICER, role: 'officer', scope: '03451' }, OFFICER.password);
      // Exit 0 also shows the refused attempts with this e-mail wrote nothing (it would be taken).
      expect(res.code).toBe(0);
      expect(res.stderr).toBe('');
      expect(res.stdout).toMatch(/added with role officer on 03451/);
    });

    it('`tanzim user grant` adds a role on another territory for a period, and refuses an unknown user', { timeout: 90_000 }, async () => {
      const res = await runCli(['user', 'grant', '--email', OFFICER.email, '--role', 'reader', '--scope', '03', '--until', '2099-12-31', ...target.args], { env: target.env, timeoutMs: 90_000 });
      expect(res.code).toBe(0);
      expect(res.stdout).toMatch(/Granted reader on 03 from \d{4}-\d{2}-\d{2} until 2099-12-31/);
      const unknown = await runCli(['user', 'grant', '--email', 'nobody@example.ma', '--role', 'reader', '--scope', '03', ...target.args], { env: target.env, timeoutMs: 90_000 });
      expect(unknown.code).not.toBe(0);
      expect(unknown.stderr).toMatch(/User not found/);
      expectNoStackTrace(unknown.stderr);
    });

    it('signs in on the next `tanzim serve` with their role and scope', { timeout: 180_000 }, async () => {
      server = await startServer('serve', target.args, { env: target.env });
      await server.waitForOutput(/Tanzim is running at/);
      expect(server.stdout()).not.toContain('/setup?token=');

      const api = await new HttpSession(server.url).signIn(OFFICER.email, OFFICER.password);
      const me = await api.get('/api/auth/me');
      expect(me.status).toBe(200);
      expect(me.json().user).toMatchObject({ email: OFFICER.email, name: OFFICER.name, role: 'officer', scopeCode: '03451' });
      expect(me.json().user).not.toHaveProperty('passwordHash');
      expect(me.json().user.grants).toEqual(
        expect.arrayContaining([expect.objectContaining({ role: 'reader', scopeCode: '03', source: 'grant', endsOn: '2099-12-31' })]),
      );

      // The administrator made through the setup link is still there.
      const admin = await new HttpSession(server.url).signIn(ADMIN.email, ADMIN.password);
      expect((await admin.get('/api/auth/me')).json().user).toMatchObject({ role: 'admin' });
      expect((await server.stop()).code).toBe(0);
    });
  });
});
