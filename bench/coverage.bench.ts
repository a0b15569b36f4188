/**
 * Coverage benchmark: how long the coverage of Morocco (1,503 communes) takes with 10,000 bodies.
 *
 *   npm run bench                       # PostgreSQL at TANZIM_BENCH_DATABASE_URL (fresh database, dropped afterwards)
 *   npm run bench -- --pglite           # PGlite in memory
 *   npm run bench -- --runs 500 --seed 7
 *
 * It prints figures and asserts nothing about speed; it fails only when the platform answers wrongly.
 * See bench/README.md.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { getTableColumns, sql } from 'drizzle-orm';
import pg from 'pg';
import { z } from 'zod';
import { BodiesRepository } from '../src/modules/bodies/bodies.repository';
import { coverage as coverageSchema, type Coverage } from '../src/modules/bodies/bodies.schema';
import { bodies } from '../src/modules/bodies/bodies.tables';
import { BODY_KINDS, bodyKinds, type BodyKind, type BodyStatus, type Sector } from '../src/modules/bodies/body-kinds';
import type { Territory } from '../src/modules/territory/territory.schema';
import { Scope } from '../src/modules/access/scope';
import { buildApp } from '../src/server/app';
import { openPlatform, type Platform } from '../src/server/start';

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/test';
const TARGET_MS = 100;
const TOTAL_BODIES = 10_000;
const COVERAGE_KINDS: readonly BodyKind[] = BODY_KINDS.filter((k) => bodyKinds[k].isCoverage);

// ---------------------------------------------------------------------------------------------
// Options

const USAGE = 'usage: npm run bench -- [--pglite] [--people N (1,000,000; 100,000 with --pglite)] [--runs N (200)] [--warmup N (20)] [--seed N]';

function options() {
  const { values } = parseArgs({
    options: {
      pglite: { type: 'boolean', default: false },
      runs: { type: 'string', default: '200' },
      warmup: { type: 'string', default: '20' },
      seed: { type: 'string', default: '20240901' },
      people: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  return { ...values, people: values.people === undefined ? (values.pglite ? 100_000 : 1_000_000) : positiveInt(values.people, '--people', true), runs: positiveInt(values.runs, '--runs'), warmup: positiveInt(values.warmup, '--warmup', true), seed: positiveInt(values.seed, '--seed', true) };
}

let args: ReturnType<typeof options>;
try {
  args = options();
} catch (err) {
  console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
  process.exit(2);
}
if (args.help) {
  console.log(USAGE);
  console.log(`PostgreSQL server: TANZIM_BENCH_DATABASE_URL (default ${DEFAULT_URL}); a database tanzim_bench_<random> is created and dropped.`);
  process.exit(0);
}
const { runs: RUNS, warmup: WARMUP, seed: SEED } = args;

function positiveInt(value: string | undefined, name: string, zeroOk = false): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < (zeroOk ? 0 : 1)) throw new Error(`${name} must be an integer ${zeroOk ? '>= 0' : '>= 1'}, got ${value}`);
  return n;
}

// ---------------------------------------------------------------------------------------------
// Seeded randomness, so two runs measure the same data.

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(SEED);
const chance = (p: number) => rand() < p;
function pick<T>(list: readonly T[]): T {
  const item = list[Math.floor(rand() * list.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}
function uuid(): string {
  const b = Array.from({ length: 16 }, () => Math.floor(rand() * 256));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = b.map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
/** A day between `from` and `to` (ISO dates). */
function day(from = '2012-01-01', to = '2025-06-30'): string {
  const a = Date.parse(from);
  const b = Date.parse(to);
  return new Date(a + Math.floor(rand() * ((b - a) / 86_400_000 + 1)) * 86_400_000).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// The organization: 10,000 bodies over the official map.

type BodyInsert = typeof bodies.$inferInsert;

interface Generated {
  rows: BodyInsert[];
  /** What the coverage must say, commune by commune. */
  expected: Map<string, 'constituted' | 'preparatory' | 'none'>;
}

const SECTOR_LABEL: Record<Sector, { ar: string; fr: string }> = { youth: { ar: 'الشبيبة', fr: 'jeunesse' }, women: { ar: 'النساء', fr: 'femmes' } };

function generate(map: { regions: Territory[]; provinces: Territory[]; communes: Territory[] }): Generated {
  const rows: BodyInsert[] = [];
  const expected = new Map<string, 'constituted' | 'preparatory' | 'none'>();
  const add = (kind: BodyKind, t: Territory, status: BodyStatus, statusSince: string, extra: Partial<BodyInsert> = {}, suffix = { ar: '', fr: '' }): string => {
    const id = uuid();
    const label = bodyKinds[kind].label;
    rows.push({
      id,
      kind,
      territoryCode: t.code,
      // The names the service gives by default ("Secrétariat local de Tanger").
      nameAr: `${label.ar}${suffix.ar} ${t.nameAr}`,
      nameFr: `${label.fr}${suffix.fr} de ${t.nameFr}`,
      status,
      statusSince,
      ...extra,
    });
    return id;
  };

  const country = { code: 'MA', nameAr: 'المغرب', nameFr: 'Maroc' } as Territory;
  const national = add('national_secretariat', country, 'constituted', '2010-03-01');
  const regional = new Map<string, string>();
  for (const r of map.regions) regional.set(r.code, add('regional_secretariat', r, 'constituted', day('2010-06-01', '2012-12-31'), { parentId: national }));
  const provincial = new Map<string, string>();
  for (const p of map.provinces) {
    provincial.set(p.code, add('provincial_secretariat', p, 'constituted', day('2011-01-01', '2014-12-31'), { parentId: regional.get(p.regionCode ?? p.parentCode ?? '') ?? null }));
  }
  const parentOf = (c: Territory) => {
    const id = provincial.get(c.provinceCode ?? c.parentCode ?? '');
    if (!id) throw new Error(`commune ${c.code} has no province in the generated organization`);
    return id;
  };

  // Communes: ~35% constituted (a local secretariat, often after a dissolved committee), ~30% with a
  // preparatory committee, the rest uncovered (some with a dissolved body left behind).
  const localSecretariat = new Map<string, string>();
  for (const c of map.communes) {
    const parentId = parentOf(c);
    const u = rand();
    if (u < 0.35) {
      let predecessorId: string | null = null;
      const since = day('2014-01-01', '2025-06-30');
      // An earlier secretariat, dissolved: the partial unique index allows it next to the active one.
      if (chance(0.05)) add('local_secretariat', c, 'dissolved', day('2012-01-01', since), { parentId }, { ar: ' السابقة', fr: ' (ancien)' });
      // The committee that prepared it, dissolved the day the secretariat was constituted.
      if (chance(0.45)) predecessorId = add('preparatory_committee', c, 'dissolved', since, { parentId });
      localSecretariat.set(c.code, add('local_secretariat', c, 'constituted', since, { parentId, predecessorId }));
      expected.set(c.code, 'constituted');
    } else if (u < 0.65) {
      if (chance(0.1)) add('preparatory_committee', c, 'dissolved', day('2013-01-01', '2019-12-31'), { parentId }, { ar: ' السابقة', fr: ' (ancien)' });
      add('preparatory_committee', c, 'preparatory', day('2020-01-01', '2025-06-30'), { parentId });
      expected.set(c.code, 'preparatory');
    } else {
      if (chance(0.12)) add('preparatory_committee', c, 'dissolved', day(), { parentId });
      if (chance(0.04)) add('local_secretariat', c, 'dissolved', day(), { parentId });
      expected.set(c.code, 'none');
    }
  }

  // The rest: youth and women sector bodies, mostly in communes, some in provinces, some dissolved.
  const counter = new Map<string, number>();
  while (rows.length < TOTAL_BODIES) {
    const atProvince = chance(0.25);
    const t = atProvince ? pick(map.provinces) : pick(map.communes);
    const sector = pick<Sector>(['youth', 'women']);
    const key = `${t.code}:${sector}`;
    const n = (counter.get(key) ?? 0) + 1;
    counter.set(key, n);
    const parentId = atProvince ? (provincial.get(t.code) ?? null) : (localSecretariat.get(t.code) ?? parentOf(t));
    const s = rand();
    const status: BodyStatus = s < 0.12 ? 'dissolved' : s < 0.22 ? 'preparatory' : 'constituted';
    const label = SECTOR_LABEL[sector];
    add('sector_body', t, status, day(), { parentId, sector }, { ar: ` ${label.ar} ${n}`, fr: ` ${label.fr} n°${n}` });
  }
  return { rows, expected };
}

/**
 * One statement for all rows: they travel as one JSON parameter and json_populate_recordset turns them
 * into rows (10,000 in a fraction of a second; drizzle's builder alone needs ~0.2 s per 1,000-row batch).
 * Foreign keys are checked at the end of the statement, so parents and predecessors may come in the same one.
 */
async function insertAll(db: Platform['database']['db'], rows: BodyInsert[]) {
  const columns = getTableColumns(bodies);
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))] as Array<keyof typeof columns>;
  const names = keys.map((k) => columns[k].name);
  const records = rows.map((r) => Object.fromEntries(keys.map((k, i) => [names[i], r[k] ?? null])));
  const list = sql.raw(names.map((n) => `"${n}"`).join(', '));
  await db.execute(sql`insert into bodies (${list}) select ${list} from json_populate_recordset(null::bodies, ${JSON.stringify(records)}::json)`);
}

// ---------------------------------------------------------------------------------------------
// Measuring

interface Stats {
  name: string;
  p50: number;
  p95: number;
  mean: number;
  min: number;
  max: number;
}

const ns = () => process.hrtime.bigint();
const ms = (from: bigint, to: bigint) => Number(to - from) / 1e6;

interface Case {
  name: string;
  /** One timed call; answers are checked outside the timed span. */
  run(): Promise<number>;
}

function timed<T>(name: string, fn: () => Promise<T>, check?: (answer: T) => void): Case {
  return timedAfter(name, () => undefined, fn, check);
}

/** Like timed, with an input made afresh before each call, outside the timed span. */
function timedAfter<P, T>(name: string, prepare: () => P, fn: (input: P) => Promise<T>, check?: (answer: T) => void): Case {
  return {
    name,
    run: async () => {
      const input = prepare();
      const t0 = ns();
      const answer = await fn(input);
      const elapsed = ms(t0, ns());
      check?.(answer);
      return elapsed;
    },
  };
}

/**
 * Rounds of every case, interleaved (each round starts one case further), so that a burst of load on the
 * machine or a garbage collection falls on all of them alike and the ratios stay fair. The first WARMUP
 * rounds are not counted.
 */
async function measureAll(cases: Case[]): Promise<Stats[]> {
  const samples = cases.map(() => [] as number[]);
  for (let round = 0; round < WARMUP + RUNS; round++) {
    for (let j = 0; j < cases.length; j++) {
      const i = (round + j) % cases.length;
      const elapsed = await (cases[i] as Case).run();
      if (round >= WARMUP) samples[i]?.push(elapsed);
    }
  }
  return cases.map((c, i) => stats(c.name, samples[i] ?? []));
}

function stats(name: string, samples: number[]): Stats {
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.max(0, Math.ceil(q * samples.length) - 1))] ?? NaN;
  return { name, p50: at(0.5), p95: at(0.95), mean: samples.reduce((a, b) => a + b, 0) / samples.length, min: samples[0] ?? NaN, max: samples[samples.length - 1] ?? NaN };
}

const f2 = (n: number) => n.toFixed(2);
const int = (n: number) => n.toLocaleString('en-US');
const pad = (s: string, w: number) => s.padEnd(w);
const lpad = (s: string, w: number) => s.padStart(w);

function table(rows: Stats[], baseline: Stats, breakdownFrom: number) {
  const w = Math.max(...rows.map((r) => r.name.length)) + 2;
  const head = `${pad('measurement', w)}${lpad('p50 ms', 9)}${lpad('p95 ms', 9)}${lpad('mean ms', 9)}${lpad('p50/SQL', 10)}${lpad('p95/SQL', 10)}`;
  console.log(head);
  console.log('-'.repeat(head.length));
  rows.forEach((r, i) => {
    if (i === breakdownFrom) console.log(`${pad('breakdown of the national coverage:', w)}`);
    console.log(`${pad(r.name, w)}${lpad(f2(r.p50), 9)}${lpad(f2(r.p95), 9)}${lpad(f2(r.mean), 9)}${lpad(`${f2(r.p50 / baseline.p50)}×`, 10)}${lpad(`${f2(r.p95 / baseline.p95)}×`, 10)}`);
  });
}

/** The rows of a db.execute() result: node-postgres and PGlite both answer with `{ rows }`. */
function rowsOf<T = Record<string, unknown>>(result: unknown): T[] {
  const rows = (result as { rows?: unknown } | null)?.rows;
  if (!Array.isArray(rows)) throw new Error('db.execute() returned no rows array');
  return rows as T[];
}

function fail(message: string): never {
  throw new Error(`wrong answer: ${message}`);
}

function checkTotals(label: string, got: Coverage, communes: Territory[], expected: Generated['expected']) {
  const want = { communes: communes.length, constituted: 0, preparatory: 0, none: 0 };
  for (const c of communes) want[expected.get(c.code) ?? 'none']++;
  const t = got.totals;
  if (t.communes !== want.communes || t.constituted !== want.constituted || t.preparatory !== want.preparatory || t.none !== want.none) {
    fail(`${label} totals ${JSON.stringify(t)}, expected ${JSON.stringify(want)}`);
  }
  for (const c of got.communes) if (c.status !== (expected.get(c.code) ?? 'none')) fail(`${label}: commune ${c.code} is ${c.status}, expected ${expected.get(c.code)}`);
}

// ---------------------------------------------------------------------------------------------
// Engine: a fresh database on the PostgreSQL server, or PGlite in memory.

interface Engine {
  label: string;
  platform: Platform;
  cleanup(): Promise<void>;
}

async function openEngine(): Promise<Engine> {
  if (args.pglite) {
    const platform = await openPlatform({ target: { kind: 'memory' } });
    return { label: 'pglite (in memory)', platform, cleanup: () => platform.database.close() };
  }
  const serverUrl = process.env.TANZIM_BENCH_DATABASE_URL ?? DEFAULT_URL;
  const name = `tanzim_bench_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    try {
      return await c.query(statement);
    } finally {
      await c.end();
    }
  };
  const version = (await admin('show server_version')).rows[0]?.server_version as string | undefined;
  await admin(`create database ${name}`);
  const drop = async () => {
    await admin(`drop database if exists ${name} with (force)`);
  };
  dropOnSignal = drop;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let platform: Platform;
  try {
    platform = await openPlatform({ target: { kind: 'postgres', url: url.toString() } });
  } catch (err) {
    await drop();
    throw err;
  }
  return {
    label: `postgres ${version ?? ''} (${url.host}, database ${name})`,
    platform,
    cleanup: async () => {
      try {
        await platform.database.close();
      } finally {
        await drop();
      }
    },
  };
}

let dropOnSignal: (() => Promise<void>) | null = null;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: dropping the bench database`);
    void (dropOnSignal?.() ?? Promise.resolve()).finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const tStart = ns();
  const engine = await openEngine();
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  try {
    const { platform } = engine;
    const { db } = platform.database;
    const { territories, coverage } = platform.services;
    const tOpened = ns();

    // --- data
    const regions = territories.children('MA');
    const provinces = regions.flatMap((r) => territories.children(r.code));
    const communes = territories.communesWithin('MA');
    if (regions.length !== 12 || provinces.length !== 75 || communes.length !== 1503) fail(`map has ${regions.length} regions, ${provinces.length} provinces, ${communes.length} communes`);
    const { rows, expected } = generate({ regions, provinces, communes });
    await insertAll(db, rows);
    // Close the succession links (committee -> secretariat), as the service does when it constitutes one.
    await db.execute(sql`update bodies c set successor_id = s.id from bodies s where s.predecessor_id = c.id`);
    await db.execute(sql`analyze bodies`);
    await db.execute(sql`analyze territories`);
    const tLoaded = ns();

    const counts = await db.execute(sql`select kind, status, count(*)::int as n from bodies group by kind, status order by kind, status`);
    const byKind = new Map<string, { total: number; active: number }>();
    let total = 0;
    let dissolved = 0;
    for (const r of rowsOf<{ kind: string; status: string; n: number }>(counts)) {
      const k = byKind.get(r.kind) ?? { total: 0, active: 0 };
      k.total += r.n;
      if (r.status !== 'dissolved') k.active += r.n;
      else dissolved += r.n;
      byKind.set(r.kind, k);
      total += r.n;
    }
    if (total !== TOTAL_BODIES) fail(`${total} bodies in the database, expected ${TOTAL_BODIES}`);

    // --- the membership: people spread over the communes, counted into commune_counts by the triggers
    const tPeople = ns();
    await db.execute(sql`select setseed(0.42)`);
    for (let done = 0; done < args.people; done += 200_000) {
      const n = Math.min(200_000, args.people - done);
      await db.execute(sql`
        with codes as (select array_agg(code order by code) as a from territories where level = 'commune')
        insert into people (given_name_latin, family_name_latin, gender, birth_year, commune_code, status)
        select 'Bench', 'P' || g, case when random() < 0.35 then 'female' else 'male' end, 1950 + floor(random() * 55)::int,
               a[1 + floor(random() * array_length(a, 1))::int], case when random() < 0.8 then 'member' else 'sympathizer' end
        from generate_series(1, ${n}) g, codes`);
    }
    console.log(`people     ${args.people.toLocaleString('en')} generated and counted by the triggers in ${(Number(ns() - tPeople) / 1e9).toFixed(2)} s`);
    // What the aggregates replace: counting the registry at every request.
    const plainGroupBy = () =>
      db.execute(sql`select commune_code, count(*) filter (where status in ('member','cadre')) as members,
        count(*) filter (where status in ('member','cadre') and gender = 'female') as women,
        count(*) filter (where status in ('member','cadre') and birth_year > extract(year from current_date)::int - 35) as youth
        from people where erased_at is null and (left_on is null or left_on > current_date) group by commune_code`);

    // --- the baseline: the rows coverageBodies('MA', coverage kinds) fetches, as bare SQL
    const [kindA, kindB] = COVERAGE_KINDS;
    if (COVERAGE_KINDS.length !== 2 || !kindA || !kindB) fail(`coverage kinds changed: ${COVERAGE_KINDS.join(', ')}`);
    const bareSql = () =>
      db.execute(sql`select b.id, b.kind, b.name_ar, b.name_fr, b.status, b.territory_code
        from bodies b inner join territories t on t.code = b.territory_code
        where b.status <> ${'dissolved'} and b.kind in (${kindA}, ${kindB}) and t.level = ${'commune'}`);
    const repo = new BodiesRepository(db);
    const [bareRows, drizzleRows] = [rowsOf(await bareSql()).length, (await repo.coverageBodies('MA', COVERAGE_KINDS)).length];
    if (bareRows !== drizzleRows) fail(`bare SQL returns ${bareRows} rows, coverageBodies ${drizzleRows}`);

    // --- correctness first: the figures mean nothing if the answer is wrong
    // As a national administrator sees it: the whole country.
    const wholeCountry = Scope.all(territories);
    const national = await coverage.compute('MA', wholeCountry);
    checkTotals('MA', national, communes, expected);
    checkTotals('03', await coverage.compute('03', wholeCountry), territories.communesWithin('03'), expected);
    checkTotals('03451', await coverage.compute('03451', wholeCountry), territories.communesWithin('03451'), expected);
    app = await buildApp(platform.services);
    const httpApp = app;
    const benchPassword = randomBytes(12).toString('hex');
    await platform.services.access.createUser({ userId: null, ip: null }, { email: 'bench@tanzim.invalid', name: 'Bench', password: benchPassword, role: 'admin' });
    const { token } = await platform.services.access.login('bench@tanzim.invalid', benchPassword, null);
    const headers = { cookie: `tanzim_session=${token}` };
    const probe = await httpApp.inject({ method: 'GET', url: '/api/territories/MA/coverage', headers });
    if (probe.statusCode !== 200) fail(`GET /api/territories/MA/coverage answered ${probe.statusCode}: ${probe.body.slice(0, 300)}`);
    const probeBody = probe.json() as Coverage;
    if (probeBody.totals.communes !== 1503) fail(`HTTP totals.communes = ${probeBody.totals.communes}, expected 1503`);
    checkTotals('HTTP MA', probeBody, communes, expected);
    const httpBytes = probe.rawPayload.byteLength;
    const partBytes = (['communes', 'uncovered', 'children'] as const).map((k) => `${k} ${int(Math.round(Buffer.byteLength(JSON.stringify(national[k])) / 1024))} KiB`).join(', ');
    const httpGzip = gzipSync(probe.rawPayload).byteLength;

    // --- server-side time of the baseline query (no network, no parsing on our side)
    const plan = await explainAnalyze(db, kindA, kindB);

    // --- timings
    const http = () => httpApp.inject({ method: 'GET', url: '/api/territories/MA/coverage', headers });
    const checkHttp = (res: Awaited<ReturnType<typeof http>>) => {
      if (res.statusCode !== 200) fail(`GET /api/territories/MA/coverage answered ${res.statusCode}`);
      if ((JSON.parse(res.body) as Coverage).totals.communes !== 1503) fail('HTTP totals.communes !== 1503');
    };
    const loadStart = os.loadavg()[0]?.toFixed(2);
    const tMeasure = ns();
    const results = await measureAll([
      timed('bare SQL: coverage rows of MA (baseline)', bareSql),
      timed("coverage.compute('MA', wholeCountry)  national, service", () => coverage.compute('MA', wholeCountry)),
      timed('GET /api/territories/MA/coverage  (inject)', http, checkHttp),
      timed("coverage.compute('03', wholeCountry)  region Fès-Meknès", () => coverage.compute('03', wholeCountry)),
      timed("coverage.compute('03451', wholeCountry)  province Sefrou", () => coverage.compute('03451', wholeCountry)),
      // Where the national figure goes: the query through drizzle, then what the HTTP serializer does.
      timed("  coverageBodies('MA') through drizzle", () => repo.coverageBodies('MA', COVERAGE_KINDS)),
      timed('  zod encode + JSON.stringify of the result', async () => {
        const encoded = z.safeEncode(coverageSchema, national);
        if (!encoded.success) fail('the coverage does not match its response schema');
        return JSON.stringify(encoded.data);
      }),
      // Fastify measures the string for content-length, then the socket (or inject) encodes it. The string must be
      // fresh: JSON.stringify builds a rope that the first UTF-8 pass flattens, and that is most of the cost.
      timedAfter(
        '  content-length + UTF-8 encoding of that JSON',
        () => JSON.stringify(national),
        async (json) => Buffer.byteLength(json, 'utf8') + Buffer.from(json, 'utf8').byteLength,
      ),
      // What the member counts per commune would cost without commune_counts.
      timed('plain GROUP BY of the members per commune (what commune_counts replaces)', plainGroupBy),
    ]);
    const tDone = ns();

    // --- report
    const fmtKind = (k: string) => {
      const c = byKind.get(k) ?? { total: 0, active: 0 };
      return `${k} ${int(c.total)}${c.active !== c.total ? ` (${int(c.active)} active)` : ''}`;
    };
    const nat = national.totals;
    console.log('Tanzim coverage benchmark');
    console.log(`engine     ${engine.label}`);
    console.log(`map        ${int(territories.children('MA').length + provinces.length + communes.length + 1)} territories: 12 regions, 75 provinces, ${int(communes.length)} communes`);
    console.log(`bodies     ${int(total)} (seed ${SEED}): ${BODY_KINDS.map(fmtKind).join(', ')}; ${int(dissolved)} dissolved`);
    console.log(
      `coverage   MA: ${int(nat.communes)} communes, ${int(nat.constituted)} constituted, ${int(nat.preparatory)} preparatory, ${int(nat.none)} none (${(nat.coveredShare * 100).toFixed(1)}% covered); coverage query returns ${int(bareRows)} rows`,
    );
    console.log(`http       GET /api/territories/MA/coverage: ${int(httpBytes)} bytes of JSON (${int(httpGzip)} gzipped): ${partBytes}`);
    console.log(`baseline   ${plan}`);
    console.log(`runs       ${RUNS} timed after ${WARMUP} warm-up, per measurement, in interleaved rounds`);
    console.log(`setup      open + migrate + map ${f2(ms(tStart, tOpened) / 1000)} s, generate + insert ${f2(ms(tOpened, tLoaded) / 1000)} s, measuring ${f2(ms(tMeasure, tDone) / 1000)} s`);
    console.log(`host       ${os.cpus().length} CPUs, load average ${loadStart} before measuring, ${os.loadavg()[0]?.toFixed(2)} after (figures are noisy when it exceeds the CPUs)`);
    console.log('');
    const [baseline, svc, viaHttp, , , viaDrizzle, serialize, utf8] = results;
    if (!baseline || !svc || !viaHttp || !viaDrizzle || !serialize || !utf8) throw new Error('missing measurement');
    table(results, baseline, 5);
    console.log('');
    console.log(
      `national p50: SQL ${f2(baseline.p50)} + drizzle ${f2(viaDrizzle.p50 - baseline.p50)} + in-memory computation ${f2(svc.p50 - viaDrizzle.p50)} = service ${f2(svc.p50)} ms;` +
        ` + zod/JSON ${f2(serialize.p50)} + content-length/UTF-8 ${f2(utf8.p50)} + rest of fastify/inject ${f2(viaHttp.p50 - svc.p50 - serialize.p50 - utf8.p50)} = HTTP ${f2(viaHttp.p50)} ms` +
        ' (differences of medians: indicative, can be negative)',
    );
    console.log(`coverage MA p95 = ${f2(svc.p95)} ms (target < ${TARGET_MS} ms), ${f2(svc.p95 / baseline.p95)}× bare SQL; over HTTP p95 = ${f2(viaHttp.p95)} ms`);
    const groupBy = results.find((r) => r.name.includes('plain GROUP BY'));
    if (groupBy) console.log(`with member counts over ${args.people.toLocaleString('en')} people: national coverage p95 = ${f2(svc.p95)} ms (target < 50 ms); a plain GROUP BY of the people p95 = ${f2(groupBy.p95)} ms`);
  } finally {
    if (app) await app.close();
    await engine.cleanup();
    dropOnSignal = null;
  }
}

async function explainAnalyze(db: Platform['database']['db'], kindA: string, kindB: string): Promise<string> {
  const res = await db.execute(sql`explain (analyze, format json)
    select b.id, b.kind, b.name_ar, b.name_fr, b.status, b.territory_code
    from bodies b inner join territories t on t.code = b.territory_code
    where b.status <> ${'dissolved'} and b.kind in (${kindA}, ${kindB}) and t.level = ${'commune'}`);
  const cell = Object.values(rowsOf(res)[0] ?? {})[0];
  const parsed = (typeof cell === 'string' ? JSON.parse(cell) : cell) as Array<{ Plan: { 'Node Type': string; 'Join Type'?: string }; 'Planning Time': number; 'Execution Time': number }>;
  const top = parsed[0];
  if (!top) return 'EXPLAIN ANALYZE gave no plan';
  const node = `${top.Plan['Join Type'] ? `${top.Plan['Join Type']} ` : ''}${top.Plan['Node Type']}`;
  return `EXPLAIN ANALYZE of the bare query: planning ${f2(top['Planning Time'])} ms, execution ${f2(top['Execution Time'])} ms (${node})`;
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
