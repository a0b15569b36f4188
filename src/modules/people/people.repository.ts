import { and, arrayContains, arrayOverlaps, asc, desc, eq, exists, gt, inArray, isNotNull, isNull, lte, notExists, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import type { Scope } from '../access/scope';
import { bodies, mandates } from '../bodies/bodies.tables';
import { territories } from '../territory/territory.tables';
import { nameTokens, people, personConsents, personFees } from './people.tables';
import type { PersonListQuery } from './people.schema';

export type PersonRow = typeof people.$inferSelect;

/** What the search ranks a person by. */
export type SearchCandidate = Pick<PersonRow, 'id' | 'givenNameAr' | 'familyNameAr' | 'givenNameLatin' | 'familyNameLatin' | 'searchTokens'>;

/** A query word's condition on search_tokens: one of `any`, or both tokens of one of `all`. */
export interface TokenCondition {
  any: string[];
  all: string[][];
}

/** One fetch of search candidates: a condition per query word, and whose names are in one script only. */
export interface CandidateFetch {
  /** Alternatives, each a condition per query word. */
  arms: TokenCondition[][];
  /**
   * When more people may match than the limit takes, which first: per word, the score of the first band
   * whose tokens a person holds (or `otherwise`), summed, best first.
   */
  order: Array<{ bands: Array<{ tokens: string[]; score: number }>; otherwise: number }>;
  /**
   * Instead of the limit for the whole fetch, at most `perToken` people holding each of `tokens` (and
   * meeting the arms): a sample of every spelling, when one of them alone has more people than are
   * worth ranking.
   */
  sample?: { tokens: string[]; perToken: number };
  /** With the order, no more than `perSpelling` people of each of `tokens` before those of the others. */
  spread?: { tokens: string[]; perSpelling: number };
  onlyScript: 'arabic' | 'latin' | null;
  limit: number;
}

/** Selects an arm of a candidate fetch may expand into, one per choice of pairs. */
const MAX_ARM_CHOICES = 16;

/** Dictionary tokens taken per prefix of a name typed halfway. */
const PREFIX_TOKENS = 64;

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** A text[] parameter: every element quoted, so that none is read as NULL or split. */
const textArray = (items: readonly string[]) => sql`${`{${items.map((t) => `"${t.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`;

const personWithCommune = {
  person: people,
  commune: { code: territories.code, level: territories.level, nameAr: territories.nameAr, nameFr: territories.nameFr },
};

/** Filters of a people list besides the name search. */
export interface PeopleFilter extends Omit<PersonListQuery, 'q' | 'limit' | 'offset'> {
  /** The birth date before which a person is no longer young (youth = born after it). */
  youthBornAfter?: string;
}

export class PeopleRepository {
  constructor(private readonly db: DbOrTx) {}

  async findById(id: string) {
    const [row] = await this.db.select(personWithCommune).from(people).leftJoin(territories, eq(territories.code, people.communeCode)).where(eq(people.id, id));
    return row;
  }

  findByCin(cin: string) {
    return this.db.query.people.findFirst({ where: eq(people.cin, cin) });
  }

  /** People the scope covers: living in it, or holding (or having held) a mandate in a body of it. */
  private inScope(scope: Scope): SQL | undefined {
    const byCommune = scope.condition(people.communeCode);
    if (!byCommune) return undefined;
    const byMandate = exists(
      this.db
        .select({ one: sql`1` })
        .from(mandates)
        .innerJoin(bodies, eq(bodies.id, mandates.bodyId))
        .where(and(eq(mandates.personId, people.id), scope.condition(bodies.territoryCode))),
    );
    return or(byCommune, byMandate);
  }

  /** Commune of residence and the territories of the bodies of the person's mandates. */
  async territoriesOf(id: string): Promise<string[] | null> {
    const [person] = await this.db.select({ communeCode: people.communeCode }).from(people).where(eq(people.id, id));
    if (!person) return null;
    const held = await this.db.selectDistinct({ code: bodies.territoryCode }).from(mandates).innerJoin(bodies, eq(bodies.id, mandates.bodyId)).where(eq(mandates.personId, id));
    return [...(person.communeCode ? [person.communeCode] : []), ...held.map((h) => h.code)];
  }

  /** The conditions of a filtered people list within a scope, shared by the list, the search and the export. */
  filterConditions(filter: PeopleFilter, scope: Scope): SQL[] {
    const youth = filter.youthBornAfter
      ? or(gt(people.birthDate, filter.youthBornAfter), and(isNull(people.birthDate), gt(people.birthYear, Number(filter.youthBornAfter.slice(0, 4)))))
      : undefined;
    const consentInForce = exists(
      this.db
        .select({ one: sql`1` })
        .from(personConsents)
        .where(and(eq(personConsents.personId, people.id), eq(personConsents.purpose, 'invitations'), isNull(personConsents.withdrawnOn))),
    );
    const paid = (y: number) => exists(this.db.select({ one: sql`1` }).from(personFees).where(and(eq(personFees.personId, people.id), eq(personFees.year, y))));
    return [
      isNull(people.erasedAt),
      this.inScope(scope),
      filter.territory && filter.territory !== 'MA' ? scopeOfTerritory(filter.territory) : undefined,
      filter.status ? eq(people.status, filter.status) : undefined,
      filter.gender ? eq(people.gender, filter.gender) : undefined,
      filter.sector ? arrayContains(people.sectors, [filter.sector]) : undefined,
      filter.competence ? arrayContains(people.competences, [filter.competence]) : undefined,
      filter.ageBand === 'youth' ? youth : filter.ageBand === 'adult' && youth ? sql`not (${youth})` : undefined,
      filter.feeYear ? paid(filter.feeYear) : undefined,
      filter.feeUnpaidYear ? notExists(this.db.select({ one: sql`1` }).from(personFees).where(and(eq(personFees.personId, people.id), eq(personFees.year, filter.feeUnpaidYear)))) : undefined,
      filter.consent === 'given' ? consentInForce : filter.consent === 'withdrawn' ? sql`not (${consentInForce})` : undefined,
    ].filter((c): c is SQL => c !== undefined);
  }

  async list(filter: PeopleFilter & { limit: number; offset: number }, scope: Scope) {
    const where = and(...this.filterConditions(filter, scope));
    const [rows, [count]] = await Promise.all([
      this.db
        .select(personWithCommune)
        .from(people)
        .leftJoin(territories, eq(territories.code, people.communeCode))
        .where(where)
        .orderBy(asc(people.familyNameLatin), asc(people.givenNameLatin), asc(people.id))
        .limit(filter.limit)
        .offset(filter.offset),
      this.db.select({ n: sql<number>`count(*)::int` }).from(people).where(where),
    ]);
    return { rows, total: count?.n ?? 0 };
  }

  /**
   * Runs a search's queries in one transaction, for the planner settings the dictionary lookup makes
   * for those that follow it.
   */
  searching<T>(search: (repo: PeopleRepository) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => search(new PeopleRepository(tx)));
  }

  /**
   * Tokens of the dictionary found for a search: equal to one of `exact`, sharing a member of their
   * deletion neighbourhood with `variants` (the GIN index on name_token_variants), or starting with one
   * of `prefixes` (a few per prefix, for names typed halfway); and about how many people there are.
   * Run it first in `searching`.
   */
  async dictionaryTokens(probe: { exact: string[]; variants: string[]; prefixes: string[] }): Promise<{ tokens: Array<{ token: string; people: number }>; population: number }> {
    const parts: SQL[] = [];
    const lookups = [
      probe.exact.length > 0 ? sql`token = any(${textArray(probe.exact)})` : undefined,
      probe.variants.length > 0 ? sql`name_token_variants(token) && ${textArray(probe.variants)}` : undefined,
    ].filter((c): c is SQL => c !== undefined);
    if (lookups.length > 0) parts.push(sql`(select token, people from name_tokens where people > 0 and (${sql.join(lookups, sql` or `)}))`);
    for (const prefix of probe.prefixes) {
      parts.push(sql`(select token, people from name_tokens where token like ${`${prefix.replace(/[\\%_]/g, '\\$&')}%`} and people > 0 limit ${PREFIX_TOKENS})`);
    }
    // The planner's row count of people (reltuples, -1 before the first analyze) comes along in the same
    // round trip, and so do the settings of the fetches that follow, for the rest of the transaction: the
    // planner prices an overlap with a long token array like any operator, so it may prefer reading the
    // whole table until enough rows pass it, far slower than the GIN lookups it passes over; and parallel
    // workers cost more to start than the few hundred rows of a fetch take to read. set_config being
    // parallel-unsafe, this lookup itself starts none either.
    parts.push(sql`(select null, (select reltuples::bigint from pg_class where oid = 'people'::regclass) where set_config('enable_seqscan', 'off', true) || set_config('max_parallel_workers_per_gather', '0', true) is not null)`);
    const rows = rowsOf<{ token: string | null; people: number | string }>(await this.db.execute(sql.join(parts, sql` union all `)));
    const tokens = new Map<string, number>();
    let population = 0;
    for (const r of rows) {
      if (r.token === null) population = Number(r.people);
      else tokens.set(r.token, Number(r.people));
    }
    return { tokens: [...tokens].map(([token, people]) => ({ token, people })), population };
  }

  /**
   * People holding, for every query word of one of the arms, one of its tokens or both tokens of one of
   * its pairs (GIN index on search_tokens), leaving out those already fetched; several fetches in one
   * round trip. With
   * `onlyScript`, people whose names are written in that script only (partial GIN indexes), whom a query
   * in the other script reaches through phonetic keys alone.
   */
  async searchCandidates(fetches: CandidateFetch[], filter: PeopleFilter, scope: Scope, exclude: string[]): Promise<SearchCandidate[][]> {
    const filters = this.filterConditions(filter, scope);
    // One select per arm, and per choice of each word's tokens or one of its pairs: plain conjunctions of
    // && and @>, which the planner reads all through the GIN index, where an OR among them would make it
    // read one through the index and test the others on every row that passes.
    const choices = (w: TokenCondition): SQL[] => [
      ...(w.any.length > 0 ? [arrayOverlaps(people.searchTokens, w.any)] : []),
      ...w.all.map((pair) => arrayContains(people.searchTokens, pair)),
    ];
    const expand = (arm: TokenCondition[]): SQL[][] =>
      arm.reduce<SQL[][]>((partial, w) => partial.flatMap((conds) => choices(w).map((c) => [...conds, c])).slice(0, MAX_ARM_CHOICES), [[]]);
    const parts = fetches.flatMap((f, n) => {
      const script =
        f.onlyScript === 'arabic'
          ? sql`${people.givenNameLatin} is null and ${people.familyNameLatin} is null`
          : f.onlyScript === 'latin'
            ? sql`${people.givenNameAr} is null and ${people.familyNameAr} is null`
            : undefined;
      const scores = f.order
        .filter((w) => w.bands.length > 0)
        .map((w) => sql`case ${sql.join(w.bands.map((b) => sql`when ${people.searchTokens} && ${textArray(b.tokens)} then ${sql.raw(String(Math.round(b.score)))}`), sql` `)} else ${sql.raw(String(Math.round(w.otherwise)))} end`);
      const score = scores.length > 0 ? sql.join(scores, sql` + `) : sql`0`;
      const order = scores.length > 0 ? sql`order by ${score} desc` : sql``;
      const columns = sql`${people.id}, ${people.givenNameAr}, ${people.familyNameAr}, ${people.givenNameLatin}, ${people.familyNameLatin}, ${people.searchTokens}`;
      return f.arms.flatMap(expand).map((conds) => {
        const where = and(...filters, script, ...conds, exclude.length > 0 ? notInArray(people.id, exclude) : undefined);
        if (f.spread) {
          // The first people of each spelling first, then the others, each part by score.
          const spelling = sql`(select t from unnest(${people.searchTokens}) t where t = any(${textArray(f.spread.tokens)}) limit 1)`;
          return sql`(select ${n}::int as fetch, id, given_name_ar, family_name_ar, given_name_latin, family_name_latin, search_tokens from (
              select ${columns}, ${score} as score, row_number() over (partition by ${spelling} order by ${score} desc) as nth from ${people} where ${where}) ranked
            order by nth > ${f.spread.perSpelling}, score desc limit ${f.limit})`;
        }
        if (!f.sample) return sql`(select ${n}::int as fetch, ${columns} from ${people} where ${where} ${order} limit ${f.limit})`;
        return sql`(select ${n}::int as fetch, c.* from unnest(${textArray(f.sample.tokens)}) as s(token)
          cross join lateral (select ${columns} from ${people} where ${people.searchTokens} @> array[s.token] and ${where} limit ${f.sample.perToken}) c)`;
      });
    });
    const out = fetches.map((): SearchCandidate[] => []);
    if (parts.length === 0) return out;
    const rows = rowsOf<{ fetch: number; id: string; given_name_ar: string | null; family_name_ar: string | null; given_name_latin: string | null; family_name_latin: string | null; search_tokens: string[] }>(
      await this.db.execute(sql.join(parts, sql` union all `)),
    );
    const seen = new Set<string>();
    for (const r of rows) {
      const list = out[r.fetch];
      if (!list || list.length >= (fetches[r.fetch]?.limit ?? 0) || seen.has(r.id)) continue;
      seen.add(r.id);
      list.push({ id: r.id, givenNameAr: r.given_name_ar, familyNameAr: r.family_name_ar, givenNameLatin: r.given_name_latin, familyNameLatin: r.family_name_latin, searchTokens: r.search_tokens });
    }
    return out;
  }

  /** People by id with their commune, in the order of `ids`. */
  async findManyById(ids: string[]) {
    if (ids.length === 0) return [];
    const rows = await this.db.select(personWithCommune).from(people).leftJoin(territories, eq(territories.code, people.communeCode)).where(inArray(people.id, ids));
    const byId = new Map(rows.map((r) => [r.person.id, r]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async insert(values: typeof people.$inferInsert): Promise<PersonRow> {
    const [row] = await this.db.insert(people).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    await this.countTokens(row.searchTokens, 1);
    return row;
  }

  /** Many people at once, with the token dictionary counted once for the whole batch. */
  async insertMany(values: Array<typeof people.$inferInsert>): Promise<PersonRow[]> {
    const rows: PersonRow[] = [];
    for (let i = 0; i < values.length; i += 500) rows.push(...(await this.db.insert(people).values(values.slice(i, i + 500)).returning()));
    const counts = new Map<string, number>();
    for (const row of rows) for (const t of row.searchTokens) counts.set(t, (counts.get(t) ?? 0) + 1);
    const byCount = new Map<number, string[]>();
    for (const [token, n] of counts) byCount.set(n, [...(byCount.get(n) ?? []), token]);
    for (const [n, tokens] of byCount) await this.countTokens(tokens, n);
    return rows;
  }

  async update(id: string, values: Partial<typeof people.$inferInsert>, previousTokens: readonly string[]): Promise<PersonRow> {
    const [row] = await this.db
      .update(people)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(people.id, id))
      .returning();
    if (!row) throw new Error('update matched no row');
    const next = new Set(row.searchTokens);
    const before = new Set(previousTokens);
    await this.countTokens([...next].filter((t) => !before.has(t)), 1);
    await this.countTokens([...before].filter((t) => !next.has(t)), -1);
    return row;
  }

  /** Keeps the token dictionary's counts in step with the people who carry each token. */
  async countTokens(tokens: readonly string[], delta: 1 | -1 | number) {
    if (tokens.length === 0) return;
    await this.db
      .insert(nameTokens)
      .values(tokens.map((token) => ({ token, people: Math.max(delta, 0) })))
      .onConflictDoUpdate({ target: nameTokens.token, set: { people: sql`${nameTokens.people} + ${delta}` } });
  }

  fees(personId: string) {
    return this.db.select().from(personFees).where(eq(personFees.personId, personId)).orderBy(desc(personFees.year));
  }

  async upsertFee(personId: string, fee: { year: number; amount: number; paidOn: string }) {
    await this.db
      .insert(personFees)
      .values({ personId, year: fee.year, amount: String(fee.amount), paidOn: fee.paidOn })
      .onConflictDoUpdate({ target: [personFees.personId, personFees.year], set: { amount: String(fee.amount), paidOn: fee.paidOn } });
  }

  async insertFees(rows: Array<{ personId: string; year: number; amount: number; paidOn: string }>) {
    for (let i = 0; i < rows.length; i += 1000) await this.db.insert(personFees).values(rows.slice(i, i + 1000).map((r) => ({ ...r, amount: String(r.amount) })));
  }

  async insertConsents(rows: Array<{ personId: string; purpose: string; channel: string; givenOn: string }>) {
    for (let i = 0; i < rows.length; i += 1000) await this.db.insert(personConsents).values(rows.slice(i, i + 1000));
  }

  consents(personId: string) {
    return this.db.select().from(personConsents).where(eq(personConsents.personId, personId)).orderBy(desc(personConsents.givenOn));
  }

  async addConsent(personId: string, c: { purpose: string; channel: string; givenOn: string }) {
    const [row] = await this.db.insert(personConsents).values({ personId, ...c }).returning();
    return row;
  }

  async withdrawConsents(personId: string, withdrawnOn: string, purpose?: string) {
    return this.db
      .update(personConsents)
      .set({ withdrawnOn })
      .where(and(eq(personConsents.personId, personId), isNull(personConsents.withdrawnOn), purpose ? eq(personConsents.purpose, purpose) : undefined))
      .returning();
  }

  /** People who left before a date and are not erased yet: the retention list. */
  leftBefore(date: string, scope: Scope) {
    return this.db
      .select(personWithCommune)
      .from(people)
      .leftJoin(territories, eq(territories.code, people.communeCode))
      .where(and(isNull(people.erasedAt), isNotNull(people.leftOn), lte(people.leftOn, date), this.inScope(scope)))
      .orderBy(asc(people.leftOn));
  }
}

/** A territory filter on the commune of residence. */
function scopeOfTerritory(code: string): SQL {
  return inArray(
    people.communeCode,
    sql`(select code from territories where code = ${code} or province_code = ${code} or region_code = ${code})`,
  );
}

