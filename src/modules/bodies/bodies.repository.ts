import { and, asc, eq, ilike, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import type { Scope } from '../access/scope';

import { territories } from '../territory/territory.tables';
import type { BodyKind, BodyStatus } from './body-kinds';
import { bodies, bodyEvents, mandates } from './bodies.tables';

export type BodyRow = typeof bodies.$inferSelect;
export type BodyEventRow = typeof bodyEvents.$inferSelect;

/** Rows of the subtree of a territory code ('MA' is the whole country). */
export function withinTerritory(code: string): SQL | undefined {
  if (code === 'MA') return undefined;
  return or(eq(territories.code, code), eq(territories.regionCode, code), eq(territories.provinceCode, code), eq(territories.parentCode, code));
}

const bodyWithTerritory = {
  body: bodies,
  territory: { code: territories.code, level: territories.level, nameAr: territories.nameAr, nameFr: territories.nameFr },
};

export class BodiesRepository {
  constructor(private readonly db: DbOrTx) {}

  async findById(id: string) {
    const [row] = await this.db.select(bodyWithTerritory).from(bodies).innerJoin(territories, eq(territories.code, bodies.territoryCode)).where(eq(bodies.id, id));
    return row;
  }

  async list(filter: { territory?: string | undefined; kind?: BodyKind | undefined; status?: BodyStatus | undefined; q?: string | undefined; includeDissolved: boolean; parentId?: string; limit: number; offset: number }, scope: Scope) {
    const conditions = [
      scope.condition(bodies.territoryCode),
      filter.territory ? withinTerritory(filter.territory) : undefined,
      filter.kind ? eq(bodies.kind, filter.kind) : undefined,
      filter.status ? eq(bodies.status, filter.status) : filter.includeDissolved ? undefined : ne(bodies.status, 'dissolved'),
      filter.parentId ? eq(bodies.parentId, filter.parentId) : undefined,
      filter.q ? or(ilike(bodies.nameAr, `%${escapeLike(filter.q)}%`), ilike(bodies.nameFr, `%${escapeLike(filter.q)}%`), ilike(territories.nameFr, `%${escapeLike(filter.q)}%`), ilike(territories.nameAr, `%${escapeLike(filter.q)}%`)) : undefined,
    ].filter((c): c is SQL => c !== undefined);
    const where = conditions.length ? and(...conditions) : undefined;
    const [rows, [count]] = await Promise.all([
      this.db
        .select(bodyWithTerritory)
        .from(bodies)
        .innerJoin(territories, eq(territories.code, bodies.territoryCode))
        .where(where)
        .orderBy(asc(territories.code), asc(bodies.kind), asc(bodies.createdAt))
        .limit(filter.limit)
        .offset(filter.offset),
      this.db.select({ n: sql<number>`count(*)::int` }).from(bodies).innerJoin(territories, eq(territories.code, bodies.territoryCode)).where(where),
    ]);
    return { rows, total: count?.n ?? 0 };
  }

  /** Active bodies of the given kinds on any of the given territories. */
  async activeOn(territoryCodes: string[], kinds: readonly BodyKind[]) {
    if (territoryCodes.length === 0) return [];
    return this.db
      .select()
      .from(bodies)
      .where(and(inArray(bodies.territoryCode, territoryCodes), inArray(bodies.kind, [...kinds]), ne(bodies.status, 'dissolved')));
  }

  async insert(values: typeof bodies.$inferInsert): Promise<BodyRow> {
    const [row] = await this.db.insert(bodies).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  }

  async update(id: string, values: Partial<typeof bodies.$inferInsert>): Promise<BodyRow> {
    const [row] = await this.db
      .update(bodies)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(bodies.id, id))
      .returning();
    if (!row) throw new Error('update matched no row');
    return row;
  }

  async addEvent(values: typeof bodyEvents.$inferInsert) {
    await this.db.insert(bodyEvents).values(values);
  }

  events(bodyIds: string[]) {
    return this.db.select().from(bodyEvents).where(inArray(bodyEvents.bodyId, bodyIds)).orderBy(asc(bodyEvents.at), asc(bodyEvents.id));
  }

  /** Ends every open mandate of a body on a date (when it is dissolved or succeeded). */
  async endOpenMandates(bodyId: string, on: string) {
    return this.db
      .update(mandates)
      .set({ endedOn: on })
      .where(and(eq(mandates.bodyId, bodyId), isNull(mandates.endedOn)))
      .returning({ id: mandates.id });
  }

  childrenOf(id: string, scope: Scope) {
    return this.db
      .select(bodyWithTerritory)
      .from(bodies)
      .innerJoin(territories, eq(territories.code, bodies.territoryCode))
      .where(and(eq(bodies.parentId, id), scope.condition(bodies.territoryCode)))
      .orderBy(asc(territories.code));
  }

  /** Coverage input: the active coverage bodies in the communes of a subtree. */
  async territoryOf(id: string): Promise<string | null> {
    const [row] = await this.db.select({ code: bodies.territoryCode }).from(bodies).where(eq(bodies.id, id));
    return row?.code ?? null;
  }

  coverageBodies(code: string, kinds: readonly BodyKind[]) {
    return this.db
      .select({ id: bodies.id, kind: bodies.kind, nameAr: bodies.nameAr, nameFr: bodies.nameFr, status: bodies.status, territoryCode: bodies.territoryCode })
      .from(bodies)
      .innerJoin(territories, eq(territories.code, bodies.territoryCode))
      .where(and(ne(bodies.status, 'dissolved'), inArray(bodies.kind, [...kinds]), eq(territories.level, 'commune'), withinTerritory(code)));
  }
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

