import { and, arrayContains, arrayOverlaps, asc, desc, eq, exists, gt, inArray, isNotNull, isNull, lte, notExists, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import type { Scope } from '../access/scope';
import { bodies, mandates } from '../bodies/bodies.tables';
import { territories } from '../territory/territory.tables';
import { nameTokens, people, personConsents, personFees } from './people.tables';
import type { PersonListQuery } from './people.schema';
import type { QueryWord } from './person-search';

export type PersonRow = typeof people.$inferSelect;

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

  /** Tokens of the dictionary close to a query word: the exact keys, its phonetic key, and trigram neighbours. */
  async matchingTokens(word: QueryWord, limit = 40): Promise<string[]> {
    const exact = [...word.keys, ...(word.phonetic ? [word.phonetic] : [])];
    const near = await this.db
      .select({ token: nameTokens.token })
      .from(nameTokens)
      .where(or(sql`${nameTokens.token} % ${word.fuzzy}`, word.fuzzy.length >= 3 ? sql`${nameTokens.token} like ${`${word.fuzzy.replace(/[\\%_]/g, '')}%`}` : undefined))
      .orderBy(sql`similarity(${nameTokens.token}, ${word.fuzzy}) desc`)
      .limit(limit);
    return [...new Set([...exact, ...near.map((n) => n.token)])];
  }

  /** People holding, for every query word, one of that word's tokens (GIN index on search_tokens). */
  async candidates(tokenSets: string[][], filter: PeopleFilter, scope: Scope, limit: number) {
    const where = and(...this.filterConditions(filter, scope), ...tokenSets.map((set) => arrayOverlaps(people.searchTokens, set)));
    return this.db.select(personWithCommune).from(people).leftJoin(territories, eq(territories.code, people.communeCode)).where(where).limit(limit);
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

