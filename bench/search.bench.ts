/**
 * Person-search benchmark: misspelled names, in either script, against a registry of 1,000,000 people.
 *
 *   npm run bench:search                                  # 1,000,000 people on a fresh database, dropped afterwards
 *   npm run bench:search -- --people 100000               # a quicker check
 *   npm run bench:search -- --keep                        # keep the database (its name is printed)
 *   npm run bench:search -- --keep-db tanzim_bench_ab12   # reuse a kept database: no generation, a quick rerun
 *   npm run bench:search -- --keep-db tanzim_bench_ab12 --naive 0 --misses 30   # tuning: no baseline, more misses
 *
 * 1. Generates people with Moroccan names in both scripts (bench/lib/moroccan-names.ts, seeded) on a
 *    fresh database of the server at TANZIM_BENCH_DATABASE_URL, inserted in batches with the search
 *    indexes dropped, then re-indexed and analyzed; search_tokens and name_tokens as the service fills them.
 * 2. Builds misspelled queries from random people (bench/lib/misspell.ts): Arabic or Latin script, given
 *    and family name or family name only, and Latin queries for people named in Arabic only.
 * 3. Times each query through PeopleService.list (the API's path) and a naive trigram query over the
 *    whole name, interleaved; recall@10 counts a hit when the person, or someone with exactly the same
 *    names as far as the query tells (same family name for a family-only query), is in the ten results.
 * 4. Times the service's steps one by one on the first queries, and says why each miss was missed.
 *
 * It prints figures and asserts nothing about speed or recall; it fails (exit 1) only on errors.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { inArray, sql } from 'drizzle-orm';
import pg from 'pg';
import { Scope } from '../src/modules/access/scope';
import { PeopleRepository } from '../src/modules/people/people.repository';
import { people } from '../src/modules/people/people.tables';
import { MAX_CANDIDATES, personSearchTokens, rankCandidate, searchPeople, type SearchTrace, type WordMatches } from '../src/modules/people/person-search';
import type { Person } from '../src/modules/people/people.schema';
import { openPlatform, type Platform } from '../src/server/start';
import { latinSpelling, nameLists, personGenerator, SHARES, type GeneratedPerson } from './lib/generated-people';
import { misspell, type Role } from './lib/misspell';
import { seeded, uuid, type Random } from './lib/random';

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/test';
const TARGET_P95_MS = 30;
const TARGET_RECALL = 0.98;
const LIMIT = 10;

// ---------------------------------------------------------------------------------------------
// Options

const USAGE =
  'usage: npm run bench:search -- [--people N (1000000)] [--queries N (500)] [--naive N|all (all)] [--breakdown N (100)] [--warmup N (20)] [--seed N] [--batch N (10000)] [--misses N (10)] [--keep] [--keep-db NAME]';

function options() {
  const { values } = parseArgs({
    options: {
      people: { type: 'string', default: '1000000' },
      queries: { type: 'string', default: '500' },
      naive: { type: 'string', default: 'all' },
      breakdown: { type: 'string', default: '100' },
      warmup: { type: 'string', default: '20' },
      seed: { type: 'string', default: '20240901' },
      batch: { type: 'string', default: '10000' },
      misses: { type: 'string', default: '10' },
      keep: { type: 'boolean', default: false },
      'keep-db': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  const keepDb = values['keep-db'];
  if (keepDb !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(keepDb)) throw new Error(`--keep-db: not a database name: ${keepDb}`);
  return {
    people: positiveInt(values.people, '--people'),
    queries: positiveInt(values.queries, '--queries'),
    naive: values.naive === 'all' ? Number.POSITIVE_INFINITY : positiveInt(values.naive, '--naive', true),
    breakdown: positiveInt(values.breakdown, '--breakdown', true),
    warmup: positiveInt(values.warmup, '--warmup', true),
    seed: positiveInt(values.seed, '--seed', true),
    batch: positiveInt(values.batch, '--batch'),
    misses: positiveInt(values.misses, '--misses', true),
    keep: values.keep,
    keepDb,
    help: values.help,
  };
}

function positiveInt(value: string | undefined, name: string, zeroOk = false): number {
  const n = Number(value?.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n < (zeroOk ? 0 : 1)) throw new Error(`${name} must be an integer ${zeroOk ? '>= 0' : '>= 1'}, got ${value}`);
  return n;
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
  console.log(`PostgreSQL server: TANZIM_BENCH_DATABASE_URL (default ${DEFAULT_URL}); a database tanzim_bench_<random> is created, and dropped unless --keep.`);
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------
// Formatting and measuring

const ns = () => process.hrtime.bigint();
const ms = (from: bigint, to: bigint) => Number(to - from) / 1e6;
const secs = (from: bigint, to: bigint) => `${(ms(from, to) / 1000).toFixed(1)} s`;
const f2 = (n: number) => n.toFixed(2);
const int = (n: number) => n.toLocaleString('en-US');
const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
const pad = (s: string, w: number) => s.padEnd(w);
const lpad = (s: string, w: number) => s.padStart(w);

interface Stats {
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

function stats(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), mean: sorted.reduce((a, b) => a + b, 0) / sorted.length };
}

/** The rows of a db.execute() result. */
function rowsOf<T>(result: unknown): T[] {
  const rows = (result as { rows?: unknown } | null)?.rows;
  if (!Array.isArray(rows)) throw new Error('db.execute() returned no rows array');
  return rows as T[];
}

// ---------------------------------------------------------------------------------------------
// The database: a fresh one on the server, or one kept from an earlier run.

const serverUrl = process.env.TANZIM_BENCH_DATABASE_URL ?? DEFAULT_URL;

function databaseUrl(name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T extends pg.QueryResultRow>(statement: string, values: unknown[] = []): Promise<pg.QueryResult<T>> {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    return await c.query<T>(statement, values);
  } finally {
    await c.end();
  }
}

interface Engine {
  name: string;
  url: string;
  label: string;
  fresh: boolean;
  platform: Platform;
  cleanup(): Promise<void>;
}

let dropOnSignal: (() => Promise<void>) | null = null;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: ${dropOnSignal ? 'dropping the bench database' : 'stopping'}`);
    void (dropOnSignal?.() ?? Promise.resolve()).finally(() => process.exit(130));
  });
}

async function openEngine(): Promise<Engine> {
  const version = (await admin<{ server_version: string }>('show server_version')).rows[0]?.server_version ?? '';
  const host = new URL(serverUrl).host;
  if (args.keepDb) {
    const exists = await admin('select 1 from pg_database where datname = $1', [args.keepDb]);
    if (exists.rowCount === 0) throw new Error(`--keep-db: no database ${args.keepDb} on ${host}`);
    const url = databaseUrl(args.keepDb);
    const platform = await openPlatform({ target: { kind: 'postgres', url } });
    return { name: args.keepDb, url, label: `postgres ${version} (${host}, database ${args.keepDb}, kept from an earlier run)`, fresh: false, platform, cleanup: () => platform.database.close() };
  }
  const name = `tanzim_bench_${randomBytes(6).toString('hex')}`;
  await admin(`create database ${name}`);
  const drop = async () => {
    await admin(`drop database if exists ${name} with (force)`);
  };
  if (!args.keep) dropOnSignal = drop;
  const url = databaseUrl(name);
  let platform: Platform;
  try {
    platform = await openPlatform({ target: { kind: 'postgres', url } });
  } catch (err) {
    await drop();
    throw err;
  }
  return {
    name,
    url,
    label: `postgres ${version} (${host}, database ${name}${args.keep ? ', kept' : ''})`,
    fresh: true,
    platform,
    cleanup: async () => {
      try {
        await platform.database.close();
      } finally {
        if (!args.keep) await drop();
        dropOnSignal = null;
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Loading: generated people, inserted in batches with the search indexes dropped, then indexed.

/** Indexes dropped during the load and re-created after it, from their own definitions. */
const LOAD_INDEXES = ['people_search_tokens_idx', 'people_arabic_only_search_tokens_idx', 'people_latin_only_search_tokens_idx', 'name_tokens_variants_idx', 'name_tokens_prefix_idx', 'people_commune_idx'];

const INSERT_PEOPLE = `insert into people (id, given_name_ar, family_name_ar, given_name_latin, family_name_latin, gender, birth_year, commune_code, status, search_tokens)
  select id, given_ar, family_ar, given_latin, family_latin, gender, birth_year, commune_code, status, search_tokens::text[]
  from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[], $9::text[], $10::text[])
    as t(id, given_ar, family_ar, given_latin, family_latin, gender, birth_year, commune_code, status, search_tokens)`;

/** A PostgreSQL array literal: every element quoted, so no token is read as NULL or split. */
const arrayLiteral = (items: readonly string[]) => `{${items.map((t) => `"${t.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

/**
 * personSearchTokens works field by field (the tokens of a person are the union of each name field's
 * tokens, in field order), so each distinct field value is computed once. Every 997th person is checked
 * against a direct call; should the function ever look across fields, the memo is dropped.
 */
function searchTokensMemo() {
  const byField = new Map<string, readonly string[]>();
  let direct = false;
  let checked = 0;
  const field = (value: string | null): readonly string[] => {
    if (!value) return [];
    let tokens = byField.get(value);
    if (!tokens) {
      tokens = personSearchTokens({ givenNameAr: value });
      byField.set(value, tokens);
    }
    return tokens;
  };
  return {
    get direct() {
      return direct;
    },
    tokens(p: GeneratedPerson): string[] {
      if (direct) return personSearchTokens(p);
      const set = new Set<string>();
      for (const value of [p.givenNameAr, p.familyNameAr, p.givenNameLatin, p.familyNameLatin]) for (const t of field(value)) set.add(t);
      const tokens = [...set];
      if (++checked % 997 === 0) {
        const reference = personSearchTokens(p);
        if (reference.length !== tokens.length || reference.some((t, i) => t !== tokens[i])) {
          direct = true;
          return reference;
        }
      }
      return tokens;
    },
  };
}

interface LoadReport {
  generateInsert: string;
  nameTokens: string;
  indexes: string[];
  analyze: string;
  total: string;
  memo: string;
}

async function load(url: string, communes: readonly string[], count: number): Promise<LoadReport> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const t0 = ns();
    await client.query(`set maintenance_work_mem = '1GB'`);
    await client.query('set synchronous_commit = off');
    const defs = (await client.query<{ indexname: string; indexdef: string }>('select indexname, indexdef from pg_indexes where indexname = any($1)', [LOAD_INDEXES])).rows;
    for (const d of defs) await client.query(`drop index ${d.indexname}`);

    const generate = personGenerator(seeded(args.seed), communes);
    const memo = searchTokensMemo();
    const counts = new Map<string, number>();
    let pending: Promise<unknown> = Promise.resolve();
    for (let done = 0; done < count; done += args.batch) {
      const n = Math.min(args.batch, count - done);
      const cols: Array<Array<string | number | null>> = Array.from({ length: 10 }, () => new Array(n));
      for (let i = 0; i < n; i++) {
        const p = generate();
        const tokens = memo.tokens(p);
        for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
        const row = [p.id, p.givenNameAr, p.familyNameAr, p.givenNameLatin, p.familyNameLatin, p.gender, p.birthYear, p.communeCode, p.status, arrayLiteral(tokens)];
        row.forEach((v, c) => ((cols[c] as Array<string | number | null>)[i] = v));
      }
      // The next batch is generated while the server inserts this one.
      await pending;
      pending = client.query(INSERT_PEOPLE, cols);
      if (done > 0 && (done / args.batch) % 20 === 0) process.stderr.write(`  ${int(done)} people inserted, ${secs(t0, ns())}\n`);
    }
    await pending;
    const t1 = ns();

    const entries = [...counts];
    for (let i = 0; i < entries.length; i += 10_000) {
      const slice = entries.slice(i, i + 10_000);
      await client.query('insert into name_tokens (token, people) select * from unnest($1::text[], $2::int[])', [slice.map((e) => e[0]), slice.map((e) => e[1])]);
    }
    const t2 = ns();

    const indexes: string[] = [];
    for (const d of defs) {
      const s = ns();
      await client.query(d.indexdef);
      indexes.push(`${d.indexname} ${secs(s, ns())}`);
    }
    const t3 = ns();
    await client.query('analyze people');
    await client.query('analyze name_tokens');
    const t4 = ns();
    return {
      generateInsert: secs(t0, t1),
      nameTokens: `${secs(t1, t2)} (${int(entries.length)} tokens)`,
      indexes,
      analyze: secs(t3, t4),
      total: secs(t0, t4),
      memo: memo.direct ? 'personSearchTokens called per person (it no longer works field by field)' : 'personSearchTokens once per distinct name field, checked against direct calls',
    };
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------
// Queries: real people's names, misspelled.

type Kind = 'ar' | 'latin' | 'cross';

interface Target {
  id: string;
  given_name_ar: string | null;
  family_name_ar: string | null;
  given_name_latin: string | null;
  family_name_latin: string | null;
  search_tokens: string[];
}

interface Query {
  q: string;
  kind: Kind;
  familyOnly: boolean;
  edits: string[];
  target: Target;
  /** The names the query was made from, unmisspelled. */
  source: { given: string | null; family: string };
  /** Whether a returned person has the same names as the target, as far as the query can tell. */
  sameNames(p: Pick<Person, 'givenNameAr' | 'familyNameAr' | 'givenNameLatin' | 'familyNameLatin'>): boolean;
}

const TARGET_CONDITION: Record<Kind, string> = {
  ar: 'given_name_ar is not null and family_name_ar is not null',
  latin: 'given_name_latin is not null and family_name_latin is not null',
  cross: 'given_name_latin is null and family_name_latin is null and given_name_ar is not null and family_name_ar is not null',
};

async function findTarget(db: Platform['database']['db'], rand: Random, kind: Kind): Promise<Target> {
  const select = (from: string | null) =>
    db.execute(
      sql`select id, given_name_ar, family_name_ar, given_name_latin, family_name_latin, search_tokens from people
          where erased_at is null and ${sql.raw(TARGET_CONDITION[kind])} ${from ? sql`and id >= ${from}` : sql``} order by id limit 1`,
    );
  const rows = rowsOf<Target>(await select(uuid(rand)));
  const row = rows[0] ?? rowsOf<Target>(await select(null))[0];
  if (!row) throw new Error(`no person to search for (${kind})`);
  return row;
}

async function makeQueries(db: Platform['database']['db'], count: number, rand: Random): Promise<Query[]> {
  const { latinOf } = nameLists();
  const queries: Query[] = [];
  let skipped = 0;
  const skip = (why: string) => {
    if (++skipped > 1000) throw new Error(`cannot make queries: ${why}`);
  };
  while (queries.length < count) {
    const u = rand();
    const kind: Kind = u < 0.1 ? 'cross' : u < 0.55 ? 'ar' : 'latin';
    const familyOnly = rand() < 0.3;
    const target = await findTarget(db, rand, kind);
    let given: string | null;
    let family: string | null;
    if (kind === 'ar') [given, family] = [target.given_name_ar, target.family_name_ar];
    else if (kind === 'latin') [given, family] = [target.given_name_latin, target.family_name_latin];
    else {
      given = target.given_name_ar ? latinSpelling(latinOf, target.given_name_ar) : null;
      family = target.family_name_ar ? latinSpelling(latinOf, target.family_name_ar) : null;
    }
    // A database kept from an older version of the lists may hold names they no longer spell.
    if (!given || !family) {
      skip(`no ${kind} spelling of the names of person ${target.id}`);
      continue;
    }
    if (familyOnly) given = null;
    const parts: Array<{ text: string; role: Role }> = [...(given ? [{ text: given, role: 'given' as const }] : []), { text: family, role: 'family' }];
    // Cross-script queries are already a transliteration away from what is stored: one misspelling more.
    const edits = kind === 'cross' ? 1 : rand() < 0.6 ? 1 : 2;
    const m = misspell(parts, kind === 'ar' ? 'ar' : 'latin', edits, rand);
    if (m.edits.length === 0) {
      skip(`no misspelling applies to "${parts.map((p) => p.text).join(' ')}"`);
      continue;
    }
    const arSame = (p: Pick<Person, 'givenNameAr' | 'familyNameAr'>) => p.familyNameAr === target.family_name_ar && (familyOnly || p.givenNameAr === target.given_name_ar);
    const latinSame = (p: Pick<Person, 'givenNameLatin' | 'familyNameLatin'>, g: string | null, f: string | null) => p.familyNameLatin === f && (familyOnly || p.givenNameLatin === g);
    const source = { given, family };
    const sourceGiven = kind === 'cross' ? latinSpelling(latinOf, target.given_name_ar ?? '') : given;
    queries.push({
      q: m.parts.join(' '),
      kind,
      familyOnly,
      edits: m.edits,
      target,
      source,
      sameNames:
        kind === 'ar'
          ? arSame
          : kind === 'latin'
            ? (p) => latinSame(p, target.given_name_latin, target.family_name_latin)
            : (p) => arSame(p) || latinSame(p, sourceGiven, family),
    });
  }
  return queries;
}

// ---------------------------------------------------------------------------------------------
// The naive baseline: one trigram index over the whole name, both scripts.

const NAIVE_EXPR = `(coalesce(given_name_latin,'')||' '||coalesce(family_name_latin,'')||' '||coalesce(given_name_ar,'')||' '||coalesce(family_name_ar,''))`;
const NAIVE_INDEX = 'people_naive_trgm_bench_idx';

// ---------------------------------------------------------------------------------------------

type Named = Pick<Person, 'id' | 'givenNameAr' | 'familyNameAr' | 'givenNameLatin' | 'familyNameLatin'>;

const nameOf = (p: { givenNameAr: string | null; familyNameAr: string | null; givenNameLatin: string | null; familyNameLatin: string | null }) =>
  [[p.givenNameLatin, p.familyNameLatin], [p.givenNameAr, p.familyNameAr]]
    .map((pair) => pair.filter(Boolean).join(' '))
    .filter(Boolean)
    .join(' / ');
const targetNamed = (t: Target): Named => ({ id: t.id, givenNameAr: t.given_name_ar, familyNameAr: t.family_name_ar, givenNameLatin: t.given_name_latin, familyNameLatin: t.family_name_latin });

interface Outcome {
  ours: number;
  hit: boolean;
  top: Named[];
  /** For the queries the baseline ran too. */
  naive?: { ms: number; hit: boolean };
}

const isHit = (query: Query, found: readonly Named[]) => found.some((p) => p.id === query.target.id || query.sameNames(p));

async function main() {
  const tStart = ns();
  const engine = await openEngine();
  const { db } = engine.platform.database;
  const { territories } = engine.platform.services;
  const service = engine.platform.services.people;
  const scope = Scope.all(territories);
  let naiveIndexBuilt = false;
  try {
    // --- data
    let loadReport: LoadReport | null = null;
    if (engine.fresh) {
      const communes = territories.communesWithin('MA').map((c) => c.code);
      if (communes.length === 0 || communes.some((c) => !/^\d{9}$/.test(c))) throw new Error('the map has no 9-digit commune codes');
      loadReport = await load(engine.url, communes, args.people);
    }
    const tLoaded = ns();
    const [facts] = rowsOf<{ total: number; ar_only: number; latin_only: number; families_ar: number; families_latin: number; tokens_avg: number }>(
      await db.execute(sql`select count(*)::int as total,
        count(*) filter (where given_name_latin is null)::int as ar_only,
        count(*) filter (where given_name_ar is null)::int as latin_only,
        count(distinct family_name_ar)::int as families_ar,
        count(distinct family_name_latin)::int as families_latin,
        avg(cardinality(search_tokens))::float as tokens_avg
        from people`),
    );
    const [homonyms] = rowsOf<{ names: number; shared: number }>(
      await db.execute(sql`select count(*)::int as names, coalesce(sum(n) filter (where n > 1), 0)::int as shared
        from (select count(*) as n from people group by coalesce(given_name_ar, given_name_latin), coalesce(family_name_ar, family_name_latin)) g`),
    );
    const [dictionary] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from name_tokens`));
    if (!facts || facts.total === 0 || !homonyms || !dictionary) throw new Error(`database ${engine.name} holds no people`);
    const tFacts = ns();

    // --- queries
    const rand = seeded(args.seed + 1);
    const all = await makeQueries(db, args.warmup + args.queries, rand);
    const warmup = all.slice(0, args.warmup);
    const queries = all.slice(args.warmup);
    const naiveCount = Math.min(args.naive, queries.length);
    const tQueries = ns();

    // --- the baseline's index (created for this run, dropped at the end)
    const tIndex = ns();
    if (naiveCount > 0) {
      const c = new pg.Client({ connectionString: engine.url });
      await c.connect();
      try {
        await c.query(`set maintenance_work_mem = '1GB'`);
        await c.query(`drop index if exists ${NAIVE_INDEX}`);
        naiveIndexBuilt = true;
        await c.query(`create index ${NAIVE_INDEX} on people using gin (${NAIVE_EXPR} gin_trgm_ops)`);
      } finally {
        await c.end();
      }
    }
    const naiveIndexTime = naiveCount > 0 ? secs(tIndex, ns()) : 'not built';

    const ours = (q: string) => service.list({ q, limit: LIMIT, offset: 0 }, scope);
    const naive = async (q: string) => rowsOf<{ id: string }>(await db.execute(sql`select id from people where ${sql.raw(NAIVE_EXPR)} % ${q} order by similarity(${sql.raw(NAIVE_EXPR)}, ${q}) desc limit ${LIMIT}`));
    const namesOf = async (ids: string[]): Promise<Named[]> => {
      if (ids.length === 0) return [];
      return db
        .select({ id: people.id, givenNameAr: people.givenNameAr, familyNameAr: people.familyNameAr, givenNameLatin: people.givenNameLatin, familyNameLatin: people.familyNameLatin })
        .from(people)
        .where(inArray(people.id, ids));
    };

    // --- measuring: each query through the service and through the naive query, alternately first
    const loadBefore = os.loadavg()[0]?.toFixed(2);
    for (const w of warmup) {
      await ours(w.q);
      if (naiveCount > 0) await naive(w.q);
    }
    const tMeasure = ns();
    const outcomes: Outcome[] = [];
    for (const [i, query] of queries.entries()) {
      const runOurs = async () => {
        const t0 = ns();
        const answer = await ours(query.q);
        return { elapsed: ms(t0, ns()), answer };
      };
      const runNaive = async () => {
        const t0 = ns();
        const answer = await naive(query.q);
        return { elapsed: ms(t0, ns()), answer };
      };
      let a: Awaited<ReturnType<typeof runOurs>>;
      let b: Awaited<ReturnType<typeof runNaive>> | undefined;
      if (i >= naiveCount) a = await runOurs();
      else if (i % 2 === 0) {
        a = await runOurs();
        b = await runNaive();
      } else {
        b = await runNaive();
        a = await runOurs();
      }
      if (a.answer.items.length > LIMIT) throw new Error(`people.list returned ${a.answer.items.length} items for limit ${LIMIT}`);
      const naiveOutcome = b ? { ms: b.elapsed, hit: isHit(query, await namesOf(b.answer.map((r) => r.id))) } : undefined;
      outcomes.push({ ours: a.elapsed, hit: isHit(query, a.answer.items), top: a.answer.items, ...(naiveOutcome ? { naive: naiveOutcome } : {}) });
    }
    const tMeasured = ns();
    const loadAfter = os.loadavg()[0]?.toFixed(2);

    // --- where the time goes, and why the misses are missed: the search again, with its trace
    const repo = new PeopleRepository(db);
    const filter = { youthBornAfter: service.youthBornAfter() };
    const phases = { dictionary: [] as number[], candidates: [] as number[], ranking: [] as number[] };
    let capped = 0;
    let candidateTotal = 0;
    let tokenTotal = 0;
    let fetchTotal = 0;
    const why = new Map<number, string>();
    const exactOther = new Set<number>();
    let brokenDown = 0;
    for (const [i, query] of queries.entries()) {
      const timedHere = i < args.breakdown;
      if (!timedHere && outcomes[i]?.hit) continue;
      const trace: SearchTrace = { dictionaryMs: 0, candidatesMs: 0, rankingMs: 0, tokens: 0, fetches: 0 };
      await searchPeople(repo, query.q, filter, scope, { offset: 0, limit: LIMIT }, trace);
      const ranked = trace.ranked ?? [];
      if (timedHere) {
        brokenDown++;
        phases.dictionary.push(trace.dictionaryMs);
        phases.candidates.push(trace.candidatesMs);
        phases.ranking.push(trace.rankingMs);
        if (ranked.length >= MAX_CANDIDATES) capped++;
        candidateTotal += ranked.length;
        tokenTotal += trace.tokens;
        fetchTotal += trace.fetches;
      }
      if (outcomes[i]?.hit) continue;
      const { plan, matches } = trace;
      if (!plan || !matches) {
        why.set(i, 'no search word left in the query');
        continue;
      }
      // A misspelling can land on another person's exact name: no search can tell, short of guessing.
      if ((ranked[0]?.score ?? 0) >= 100 * plan.words.length) exactOther.add(i);
      const t = query.target;
      const own = rankCandidate(plan, matches, {
        id: t.id,
        givenNameAr: t.given_name_ar,
        familyNameAr: t.family_name_ar,
        givenNameLatin: t.given_name_latin,
        familyNameLatin: t.family_name_latin,
        searchTokens: t.search_tokens,
      });
      if (own.score === 0) {
        const mine = new Set(t.search_tokens);
        const holds = (m: WordMatches | undefined) => !!m && ([...m.scores.keys()].some((k) => mine.has(k)) || m.pairs.some((p) => p.tokens.every((k) => mine.has(k))));
        const unmatched = plan.words.filter((_, k) => !holds(matches.words[k]) && !holds(matches.joins[k - 1]) && !holds(matches.joins[k]));
        why.set(
          i,
          `${unmatched.length ? unmatched.map((w) => `word "${w.keys[0]?.key}"`).join(', ') : 'a word'} matches none of the person's tokens among the ${int(trace.tokens)} dictionary tokens found` +
            ` (person's tokens: ${t.search_tokens.filter((k) => !k.startsWith('~')).join(' ')} | ${t.search_tokens.filter((k) => k.startsWith('~')).join(' ')})`,
        );
      } else {
        const at = ranked.findIndex((r) => r.candidate.id === t.id);
        const tenth = ranked[LIMIT - 1];
        if (at < 0) why.set(i, `the person scores ${own.score} (unmatched words ${own.unmatched}) but was not fetched: ${int(ranked.length)} candidates in ${trace.fetches} fetches, 10th: ${tenth?.score ?? '-'}`);
        else why.set(i, `fetched among ${int(ranked.length)} candidates, ranked #${at + 1} with score ${own.score}, unmatched words ${own.unmatched} (10th: ${tenth?.score ?? '-'}, ${tenth?.unmatched ?? '-'})`);
      }
    }

    // --- report
    const oursStats = stats(outcomes.map((o) => o.ours));
    const naiveStats = stats(outcomes.flatMap((o) => (o.naive ? [o.naive.ms] : [])));
    const recall = (sel: (q: Query) => boolean, which: 'hit' | 'naiveHit') => {
      const hitOf = (o: Outcome | undefined) => (which === 'hit' ? o?.hit : o?.naive?.hit);
      const idx = queries.map((q, i) => [q, i] as const).filter(([q, i]) => sel(q) && hitOf(outcomes[i]) !== undefined);
      return { n: idx.length, r: idx.length === 0 ? NaN : idx.filter(([, i]) => hitOf(outcomes[i])).length / idx.length };
    };
    const kinds = queries.reduce((m, q) => m.set(q.kind, (m.get(q.kind) ?? 0) + 1), new Map<Kind, number>());
    const byEdits = (n: number) => queries.filter((q) => q.edits.length === n).length;

    console.log('Tanzim person-search benchmark');
    console.log(`engine     ${engine.label}`);
    console.log(
      `people     ${int(facts.total)}${engine.fresh ? ` (seed ${args.seed})` : ''}: ${int(facts.ar_only)} with Arabic names only, ${int(facts.latin_only)} with Latin names only;` +
        ` ${nameLists().givenCount} given names, ${int(facts.families_latin)} distinct family names in Latin script, ${int(facts.families_ar)} in Arabic` +
        ` (${pct(SHARES.doubleFamily)} double);` +
        ` ${int(homonyms.names)} distinct full names, ${pct(homonyms.shared / facts.total)} of people share theirs with someone`,
    );
    console.log(`tokens     ${int(dictionary.n)} in the name_tokens dictionary; ${facts.tokens_avg.toFixed(1)} search tokens per person`);
    if (loadReport) {
      console.log(
        `load       ${loadReport.total}: generate + insert ${loadReport.generateInsert} (batches of ${int(args.batch)}), name_tokens ${loadReport.nameTokens},` +
          ` indexes ${loadReport.indexes.join(', ')}, analyze ${loadReport.analyze}; ${loadReport.memo}`,
      );
    } else console.log('load       none: database kept from an earlier run');
    console.log(
      `queries    ${queries.length} (seed ${args.seed}) after ${warmup.length} warm-up: ${kinds.get('ar') ?? 0} Arabic, ${kinds.get('latin') ?? 0} Latin, ${kinds.get('cross') ?? 0} cross-script (Latin for a person named in Arabic only);` +
        ` ${queries.filter((q) => q.familyOnly).length} family name only; ${byEdits(1)} with one misspelling, ${byEdits(2)} with two`,
    );
    console.log(
      naiveCount === 0
        ? 'baseline   naive trigram: not measured (--naive 0)'
        : `baseline   naive trigram: gin (whole name in both scripts, gin_trgm_ops), built in ${naiveIndexTime}; where expr % q order by similarity desc limit ${LIMIT};` +
            ` ${naiveCount < queries.length ? `run on the first ${naiveCount} queries (--naive all for every query)` : 'run on every query'}`,
    );
    console.log(`search     people.list({ q, limit: ${LIMIT}, offset: 0 }, whole country): one dictionary lookup (exact keys, deletion variants, phonetic keys), then people fetched through the GIN index in tiers, best tokens first (at most ${MAX_CANDIDATES}), ranked in JS`);
    console.log(
      `setup      open + load ${secs(tStart, tLoaded)}, statistics ${secs(tLoaded, tFacts)}, making the queries ${secs(tFacts, tQueries)}, baseline index ${naiveIndexTime},` +
        ` measuring ${secs(tMeasure, tMeasured)}, breakdown and misses ${secs(tMeasured, ns())}`,
    );
    console.log(`host       ${os.cpus().length} CPUs, load average ${loadBefore} before measuring, ${loadAfter} after (figures are noisy when it exceeds the CPUs)`);
    console.log('');

    const rows: Array<[string, Stats, string, string]> = [
      ['people.list({ q }): our search', oursStats, pct(recall(() => true, 'hit').r), naiveCount > 0 ? `${f2(oursStats.p95 / naiveStats.p95)}×` : ''],
      ['  1. dictionary: tokens found and scored', stats(phases.dictionary), '', ''],
      [`  2. candidates: GIN on search_tokens, in tiers`, stats(phases.candidates), '', ''],
      ['  3. scoring and sorting in JS', stats(phases.ranking), '', ''],
      ...(naiveCount > 0 ? [['naive trigram query (baseline)', naiveStats, pct(recall(() => true, 'naiveHit').r), '1.00×'] as [string, Stats, string, string]] : []),
    ];
    const w = Math.max(...rows.map((r) => r[0].length)) + 2;
    const head = `${pad('measurement', w)}${lpad('p50 ms', 9)}${lpad('p95 ms', 9)}${lpad('p99 ms', 9)}${lpad('mean ms', 9)}${lpad('recall@10', 11)}${lpad('p95/naive', 11)}`;
    console.log(head);
    console.log('-'.repeat(head.length));
    for (const [name, s, r, ratio] of rows) console.log(`${pad(name, w)}${lpad(f2(s.p50), 9)}${lpad(f2(s.p95), 9)}${lpad(f2(s.p99), 9)}${lpad(f2(s.mean), 9)}${lpad(r, 11)}${lpad(ratio, 11)}`);
    console.log(
      `(steps 1-3: the search's steps timed in a second pass over the first ${brokenDown} queries: ${(tokenTotal / Math.max(1, brokenDown)).toFixed(0)} dictionary tokens found` +
        ` per query, ${(fetchTotal / Math.max(1, brokenDown)).toFixed(1)} fetches, ${(candidateTotal / Math.max(1, brokenDown)).toFixed(0)} candidates on average, ${capped} of ${brokenDown} queries reached the ${MAX_CANDIDATES}-candidate cap)`,
    );
    console.log('');

    const groups: Array<[string, (q: Query) => boolean]> = [
      ['Arabic', (q) => q.kind === 'ar'],
      ['Latin', (q) => q.kind === 'latin'],
      ['cross-script', (q) => q.kind === 'cross'],
      ['given + family', (q) => !q.familyOnly],
      ['family only', (q) => q.familyOnly],
      ['one misspelling', (q) => q.edits.length === 1],
      ['two misspellings', (q) => q.edits.length === 2],
    ];
    const gw = Math.max(...groups.map((g) => g[0].length)) + 2;
    const partial = naiveCount > 0 && naiveCount < queries.length;
    const naiveCell = (n: { n: number; r: number }) => (naiveCount === 0 ? '' : `${lpad(n.n ? pct(n.r) : '-', 9)}${partial ? lpad(`(${n.n})`, 7) : ''}`);
    const ghead = `${pad('recall@10 by query kind', gw + 10)}${lpad('queries', 9)}${lpad('ours', 9)}${naiveCount > 0 ? lpad('naive', 9) : ''}${partial ? `  (naive: of the first ${naiveCount})` : ''}`;
    console.log(ghead);
    console.log('-'.repeat(ghead.length));
    for (const [name, sel] of groups) {
      const o = recall(sel, 'hit');
      const n = recall(sel, 'naiveHit');
      console.log(`${pad(name, gw + 10)}${lpad(String(o.n), 9)}${lpad(o.n ? pct(o.r) : '-', 9)}${naiveCell(n)}`);
    }
    const editNames = [...new Set(queries.flatMap((q) => q.edits))].sort();
    for (const e of editNames) {
      const o = recall((q) => q.edits.includes(e), 'hit');
      const n = recall((q) => q.edits.includes(e), 'naiveHit');
      console.log(`${pad(`  with ${e}`, gw + 10)}${lpad(String(o.n), 9)}${lpad(pct(o.r), 9)}${naiveCell(n)}`);
    }
    console.log('');

    // Misses, taken in turn from each kind so that the examples cover them all.
    const missed = queries.map((q, i) => ({ q, i })).filter(({ i }) => !outcomes[i]?.hit);
    const byKind = new Map<string, typeof missed>();
    for (const m of missed) {
      const key = `${m.q.kind}${m.q.familyOnly ? ' family' : ''}`;
      byKind.set(key, [...(byKind.get(key) ?? []), m]);
    }
    const examples: typeof missed = [];
    for (let round = 0; examples.length < Math.min(args.misses, missed.length); round++) {
      for (const list of byKind.values()) if (list[round] && examples.length < args.misses) examples.push(list[round] as (typeof missed)[number]);
    }
    console.log(
      `misses: ${missed.length} of ${queries.length}, of which ${exactOther.size} where the misspelled query is exactly another person's name` +
        ` (recall without those: ${pct(1 - (missed.length - exactOther.size) / (queries.length - exactOther.size))})${examples.length ? `; ${examples.length} examples:` : ''}`,
    );
    for (const [n, { q, i }] of examples.entries()) {
      const kind = `${q.kind === 'ar' ? 'Arabic' : q.kind === 'latin' ? 'Latin' : 'cross-script'}${q.familyOnly ? ', family only' : ''}`;
      const source = [q.source.given, q.source.family].filter(Boolean).join(' ');
      console.log(`${lpad(String(n + 1), 3)}. [${kind}; ${q.edits.join(' + ')}] "${q.q}" (from "${source}")`);
      console.log(`     expected: ${nameOf(targetNamed(q.target))}`);
      const top = outcomes[i]?.top.slice(0, 3) ?? [];
      console.log(`     got:      ${top.length ? top.map((p, k) => `${k + 1}. ${nameOf(p)}`).join('   ') : '(nothing)'}`);
      console.log(`     why:      ${exactOther.has(i) ? "the query is exactly another person's name; " : ''}${why.get(i) ?? '?'}`);
    }
    const slowest = outcomes
      .map((o, i) => ({ ms: o.ours, q: queries[i]?.q ?? '' }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 5);
    console.log(`slowest:   ${slowest.map((o) => `"${o.q}" ${f2(o.ms)} ms`).join(', ')}`);
    console.log('');
    console.log(
      `search p95 = ${f2(oursStats.p95)} ms (target < ${TARGET_P95_MS} ms), recall@10 = ${pct(recall(() => true, 'hit').r)} (target ≥ ${TARGET_RECALL * 100}%), naive trigram p95 = ${naiveCount > 0 ? `${f2(naiveStats.p95)} ms` : 'not measured (--naive 0)'}`,
    );
    if (args.keep || !engine.fresh) console.log(`database   ${engine.name} kept: rerun with  npm run bench:search -- --keep-db ${engine.name}`);
  } finally {
    if (naiveIndexBuilt) await db.execute(sql.raw(`drop index if exists ${NAIVE_INDEX}`)).catch(() => undefined);
    await engine.cleanup();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
