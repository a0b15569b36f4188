/**
 * Import benchmark: generates a members' file (plausible Moroccan names in both scripts, unique identity
 * cards and phones, communes all over the map), imports it end to end through the import service (read,
 * validate every line with the API's schema, stage, find duplicates, write in batches with checkpoints)
 * and compares the time with a bare COPY of the same file into a scratch table of text columns.
 *
 *   npm run bench:import                      # PostgreSQL, 1,000,000 rows
 *   npm run bench:import -- --pglite          # PGlite in memory, 100,000 rows
 *   npm run bench:import -- --rows 200000 --seed 7
 *
 * On PostgreSQL it connects to TANZIM_BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test),
 * creates a fresh database and drops it at the end. The file is written to bench/.data/ (never committed).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { sql } from 'drizzle-orm';
import { systemActor } from '../src/modules/access/audit';
import { Scope } from '../src/modules/access/scope';
import { ImportService } from '../src/modules/people/import/import.service';
import { writeSampleCsv } from '../src/modules/people/import/sample-people';
import { openPlatform, type Platform } from '../src/server/start';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const isPglite = flag('pglite');
const ROWS = option('rows', isPglite ? 100_000 : 1_000_000);
const SEED = option('seed', 1);
const serverUrl = process.env.TANZIM_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const dataDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '.data');

const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const mb = (bytes: number) => `${fmt(bytes / 1024 / 1024, 0)} MB`;

/** Peak resident memory of this process, sampled every 50 ms. */
function watchMemory() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  return { peak: () => peak, stop: () => clearInterval(timer) };
}

async function main() {
  console.log(`host: ${os.cpus().length} CPUs, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}, node ${process.version}`);
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, `people-${ROWS}-${SEED}.csv`);
  if (!fs.existsSync(file)) {
    const t = performance.now();
    const platform = await openPlatform({ target: { kind: 'memory' } });
    const communes = platform.services.territories.communesWithin('MA').map((c) => c.code);
    await platform.database.close();
    await writeSampleCsv(file, { rows: ROWS, seed: SEED, communes });
    console.log(`generated ${file} (${mb(fs.statSync(file).size)}) in ${fmt((performance.now() - t) / 1000)} s`);
  }
  const size = fs.statSync(file).size;

  let platform: Platform;
  let drop = async () => undefined as void;
  if (isPglite) {
    platform = await openPlatform({ target: { kind: 'memory' } });
  } else {
    const name = `tanzim_bench_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    platform = await openPlatform({ target: { kind: 'postgres', url: url.toString() } });
    drop = async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  process.once('SIGINT', () => void drop().finally(() => process.exit(130)));

  try {
    const { database, services } = platform;
    console.log(`engine: ${database.engine}, rows: ${fmt(ROWS, 0)}, file: ${mb(size)}`);

    // Baseline: the same file into a scratch table of text columns, with COPY and nothing else.
    await database.db.execute(sql.raw(`create table bench_copy (${Array.from({ length: 11 }, (_, i) => `c${i} text`).join(', ')})`));
    let t = performance.now();
    if (database.engine === 'postgres') {
      const pool = (database.db as unknown as { $client: pg.Pool }).$client;
      const client = await pool.connect();
      try {
        await pipeline(fs.createReadStream(file), client.query(copyFrom('copy bench_copy from stdin with (format csv, header true)')));
      } finally {
        client.release();
      }
    } else {
      const client = (database.db as unknown as { $client: { query: (q: string, p: unknown[], o: unknown) => Promise<unknown> } }).$client;
      await client.query("copy bench_copy from '/dev/blob' with (format csv, header true)", [], { blob: new Blob([fs.readFileSync(file)]) });
    }
    const copyMs = performance.now() - t;
    await database.db.execute(sql`drop table bench_copy`);
    console.log(`COPY of the file into a scratch table: ${fmt(copyMs / 1000, 2)} s (${fmt(ROWS / (copyMs / 1000), 0)} rows/s)`);

    const imports = new ImportService(database, services.territories, { filesDir: dataDir });
    const viewer = { userId: null, isAdmin: true };
    const memory = watchMemory();
    const rssBefore = process.memoryUsage().rss;
    t = performance.now();
    const stages: Array<[string, number]> = [];
    const { job } = await imports.createJob(viewer, { fileName: path.basename(file), filePath: file, format: 'csv', size });
    await imports.startRun(systemActor, viewer, Scope.all(services.territories), job.id, { mode: 'valid', defaultDecision: 'import' });
    let stage = '';
    for (;;) {
      const now = imports.view(await imports.job(job.id, viewer), 'en');
      const current = now.stage ?? now.status;
      if (current !== stage) {
        stages.push([current, performance.now() - t]);
        stage = current;
      }
      if (now.status === 'done' || now.status === 'failed') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await imports.whenIdle();
    const importMs = performance.now() - t;
    memory.stop();
    const final = imports.view(await imports.job(job.id, viewer), 'en');
    const [count] = ((await database.db.execute(sql`select count(*)::int as n from people`)) as unknown as { rows: Array<{ n: number }> }).rows;
    if (final.status !== 'done' || count?.n !== ROWS) {
      console.error(`import ended ${final.status} (${final.error?.message ?? ''}) with ${count?.n} people instead of ${ROWS}`);
      process.exitCode = 1;
    }
    const timeline = stages.map(([s, ms], i) => `${s} ${fmt(((stages[i + 1]?.[1] ?? importMs) - ms) / 1000)} s`).join(', ');
    console.log(`stages: ${timeline}`);
    console.log(`duplicate groups reported: ${fmt(final.duplicateGroups, 0)} (imported anyway)`);
    console.log(
      `import ${fmt(ROWS, 0)} rows on ${database.engine}: ${fmt(importMs / 1000, 2)} s, ${fmt(ROWS / (importMs / 1000), 0)} rows/s, peak RSS ${mb(memory.peak())} (${mb(rssBefore)} before), ${fmt(importMs / copyMs, 1)}× the bare COPY`,
    );
    await imports.stop();
  } finally {
    await platform.database.close();
    await drop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
