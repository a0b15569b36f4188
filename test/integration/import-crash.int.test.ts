import { spawn } from 'node:child_process';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database';
import { writeSampleCsv } from '../../src/modules/people/import/sample-people';
import { readTerritoryFile } from '../../src/modules/territory/map-data';
import { createPostgresDatabase, onPostgres, removeDir, repoRoot, runCli, tempDataDir } from '../support/process';

/**
 * An import killed with kill -9 in the middle of writing leaves whole batches (valid lines mode) or
 * nothing (all or nothing), never a half batch nor a person twice; `tanzim import people --resume`
 * then finishes it, and the registry ends with exactly the people of the file.
 */

const ROWS = 50_000;
const BATCH = 2_500;
// The pause after each batch makes the kill land half-way on any machine (progress is printed at most
// a few times a second, and a fast machine writes the whole file between two prints).
const env = { TANZIM_IMPORT_BATCH: String(BATCH), TANZIM_IMPORT_LEASE_MS: '2000' };
const killEnv = { ...env, TANZIM_IMPORT_BATCH_PAUSE_MS: '400' };

let dir: string;
let file: string;
let database: { url: string; drop(): Promise<void> } | undefined;

beforeAll(async () => {
  dir = tempDataDir();
  file = path.join(dir, 'adherents.csv');
  const communes = readTerritoryFile()
    .rows.filter((t) => t.level === 'commune')
    .slice(0, 200)
    .map((t) => t.code);
  await writeSampleCsv(file, { rows: ROWS, seed: 11, communes });
}, 60_000);
afterAll(async () => {
  removeDir(dir);
  await database?.drop();
});

/** The registry's state, read the way the next process would find it. */
async function registry(dataDir: string): Promise<{ people: number; cards: number; tokens: number; tokenUses: number; job: { status: string; written_through_line: number } | undefined }> {
  const query = `select (select count(*)::int from people) as people, (select count(distinct cin)::int from people) as cards,
      (select coalesce(sum(people), 0)::int from name_tokens) as tokens, (select coalesce(sum(cardinality(search_tokens)), 0)::int from people) as "tokenUses",
      (select row_to_json(j) from (select status, written_through_line from import_jobs order by created_at desc limit 1) j) as job`;
  if (database) {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query(query)).rows[0];
    } finally {
      await client.end();
    }
  }
  const db = await openDatabase({ kind: 'pglite', dataDir });
  try {
    return ((await db.db.execute(sql.raw(query))) as unknown as { rows: Array<Awaited<ReturnType<typeof registry>>> }).rows[0]!;
  } finally {
    await db.close();
  }
}

/** Starts `tanzim import people` and kills it (SIGKILL) once `written` rows are reported written. */
function importAndKill(dataDir: string, args: string[], written: number): Promise<{ signal: NodeJS.Signals | null; stderr: string }> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'tanzim.js'), 'import', 'people', file, '--data-dir', dataDir, ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...killEnv, ...(database ? { DATABASE_URL: database.url } : { DATABASE_URL: '' }), NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  return new Promise((resolve) => {
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      stderr += s;
      const counts = [...stderr.matchAll(/writing\s+([\d,]+)\/[\d,]+ rows written/g)].map((m) => Number(m[1]!.replace(/,/g, '')));
      if (counts.some((n) => n >= written) && child.exitCode === null) child.kill('SIGKILL');
    });
    child.stdout.resume();
    const timer = setTimeout(() => child.kill('SIGKILL'), 170_000);
    child.once('close', (_code, signal) => {
      clearTimeout(timer);
      resolve({ signal, stderr });
    });
  });
}

describe.each([
  ['valid lines, in batches', 'valid'],
  ['all or nothing', 'all'],
])('an import killed half-way: %s', (_label, mode) => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = path.join(dir, `data-${mode}`);
    if (onPostgres) {
      await database?.drop();
      database = await createPostgresDatabase();
    }
  });

  it('leaves the registry as before or whole batches, never a person twice', { timeout: 200_000 }, async () => {
    const killed = await importAndKill(dataDir, ['--mode', mode, '--duplicates', 'import'], 4 * BATCH);
    expect(killed.signal, killed.stderr.slice(-2000)).toBe('SIGKILL');
    const after = await registry(dataDir);
    if (mode === 'all') expect(after.people).toBe(0);
    else {
      expect(after.people).toBeGreaterThanOrEqual(4 * BATCH);
      expect(after.people).toBeLessThan(ROWS);
      expect(after.people % BATCH).toBe(0);
      // The checkpoint went with the batches it covers (on PostgreSQL, where two batches are written at
      // once, it may stay a batch behind: resuming writes that batch again, creating nobody twice).
      if (onPostgres) expect(after.job!.written_through_line).toBeLessThanOrEqual(after.people + 1);
      else expect(after.job?.written_through_line).toBe(after.people + 1);
    }
    expect(after.cards).toBe(after.people);
    expect(after.tokens).toBe(after.tokenUses);
    expect(after.job?.status).toBe('running');
  });

  it('is finished by --resume with exactly the people of the file', { timeout: 200_000 }, async () => {
    await new Promise((r) => setTimeout(r, 2_500)); // the dead process's lease runs out (PostgreSQL)
    const resumed = await runCli(['import', 'people', '--resume', '--data-dir', dataDir], { env: { ...env, ...(database ? { DATABASE_URL: database.url } : {}) }, timeoutMs: 180_000 });
    expect(resumed.code, resumed.stderr.slice(-2000) + resumed.stdout).toBe(0);
    expect(resumed.stdout).toMatch(/Created 50,000 people/);
    const after = await registry(dataDir);
    expect(after).toMatchObject({ people: ROWS, cards: ROWS, job: { status: 'done' } });
    expect(after.tokens).toBe(after.tokenUses);
  });
});
