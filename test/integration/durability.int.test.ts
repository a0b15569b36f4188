import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HttpSession, killAll, onPostgres, removeDir, startServer, tempDataDir, type ServerProcess } from '../support/process';

/**
 * PGlite keeps the data in a directory of the server's own process: a commit the API acknowledged must
 * survive a kill -9 of that process, and the pid file the killed process leaves behind must not lock
 * the data out.
 */

const SEFROU = '03451';
const EL_MENZEL = '034510501'; // a commune of Sefrou province with no body in the demo
const committee = {
  kind: 'preparatory_committee',
  territoryCode: EL_MENZEL,
  nameAr: 'اللجنة التحضيرية بالمنزل',
  nameFr: 'Comité préparatoire d’El Menzel',
  statusDate: '2020-06-01',
};

let dataDir: string | undefined;
afterAll(async () => {
  await killAll();
  removeDir(dataDir);
});

describe.skipIf(onPostgres)('PGlite durability across a kill -9', () => {
  let first: ServerProcess;
  let createdId: string;

  it('acknowledges a new preparatory committee on the demo data', { timeout: 180_000 }, async () => {
    dataDir = tempDataDir();
    first = await startServer('demo', ['--data-dir', dataDir]);
    expect(first.stdout()).toContain('demo data loaded');

    const api = await new HttpSession(first.url).signIn('amimi@demo.tanzim.ma', 'tanzim-demo-2020');
    const before = await api.get(`/api/territories/${SEFROU}/coverage`);
    expect(before.status).toBe(200);
    expect(before.json().totals).toMatchObject({ constituted: 1, preparatory: 2 });

    const res = await api.post('/api/bodies', committee);
    expect(res.status).toBe(201);
    createdId = res.json().id;
    expect(createdId).toBeTruthy();
  });

  it('keeps it after kill -9 of the server process, and restarts on the same directory', { timeout: 180_000 }, async () => {
    expect(createdId, 'the first test created the body').toBeTruthy();
    // The node process spawned directly is the one that holds the database: it wrote its pid in the lock file.
    const pidFile = path.join(dataDir!, 'tanzim.pid');
    expect(fs.readFileSync(pidFile, 'utf8').trim()).toBe(String(first.pid));

    const exit = await first.kill();
    expect(exit.signal).toBe('SIGKILL');
    // Nothing ran on the way out: the killed process's pid file is still there, stale.
    expect(fs.readFileSync(pidFile, 'utf8').trim()).toBe(String(first.pid));

    const second = await startServer('demo', ['--data-dir', dataDir!]);
    expect(second.stderr()).not.toMatch(/in use|lock/i);
    expect(second.stdout()).toContain('existing data kept');
    expect(second.stdout()).not.toContain('Loading the demo scenario');
    expect(fs.readFileSync(pidFile, 'utf8').trim()).toBe(String(second.pid));

    const api = await new HttpSession(second.url).signIn('amimi@demo.tanzim.ma', 'tanzim-demo-2020');
    const coverage = await api.get(`/api/territories/${SEFROU}/coverage`);
    expect(coverage.status).toBe(200);
    expect(coverage.json().totals).toMatchObject({ constituted: 1, preparatory: 3 });
    const elMenzel = coverage.json().communes.find((c: { code: string }) => c.code === EL_MENZEL);
    expect(elMenzel?.status).toBe('preparatory');

    await api.signIn('amimi@demo.tanzim.ma', 'tanzim-demo-2020');
    const list = await api.get(`/api/bodies?territory=${EL_MENZEL}`);
    expect(list.status).toBe(200);
    expect(list.json().total).toBe(1);
    expect(list.json().items).toEqual([
      expect.objectContaining({ id: createdId, kind: 'preparatory_committee', status: 'preparatory', territoryCode: EL_MENZEL, nameAr: committee.nameAr, nameFr: committee.nameFr }),
    ]);
    // The demo was not loaded a second time over the existing data.
    const sefrou = await api.get(`/api/bodies?territory=${SEFROU}&kind=provincial_secretariat`);
    expect(sefrou.json().total).toBe(1);

    const stopped = await second.stop();
    expect(stopped.code).toBe(0);
    expect(fs.existsSync(pidFile)).toBe(false);
  });
});
