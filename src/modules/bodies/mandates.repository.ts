import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import type { Scope } from '../access/scope';
import { people } from '../people/people.tables';
import { bodies, mandates } from './bodies.tables';

export type MandateRow = typeof mandates.$inferSelect;

const mandateWithRefs = {
  mandate: mandates,
  person: { id: people.id, givenNameAr: people.givenNameAr, familyNameAr: people.familyNameAr, givenNameLatin: people.givenNameLatin, familyNameLatin: people.familyNameLatin, title: people.title },
  body: { id: bodies.id, kind: bodies.kind, nameAr: bodies.nameAr, nameFr: bodies.nameFr, territoryCode: bodies.territoryCode, status: bodies.status },
};

export class MandatesRepository {
  constructor(private readonly db: DbOrTx) {}

  list(filter: { bodyId?: string | undefined; personId?: string | undefined; currentOnly?: boolean }, scope: Scope) {
    const where = and(
      scope.condition(bodies.territoryCode),
      filter.bodyId ? eq(mandates.bodyId, filter.bodyId) : undefined,
      filter.personId ? eq(mandates.personId, filter.personId) : undefined,
      filter.currentOnly ? isNull(mandates.endedOn) : undefined,
    );
    return this.db
      .select(mandateWithRefs)
      .from(mandates)
      .innerJoin(people, eq(people.id, mandates.personId))
      .innerJoin(bodies, eq(bodies.id, mandates.bodyId))
      .where(where)
      .orderBy(sql`${mandates.endedOn} desc nulls first`, desc(mandates.startedOn));
  }

  async findById(id: string) {
    const [row] = await this.db.select(mandateWithRefs).from(mandates).innerJoin(people, eq(people.id, mandates.personId)).innerJoin(bodies, eq(bodies.id, mandates.bodyId)).where(eq(mandates.id, id));
    return row;
  }

  async territoryOf(id: string): Promise<string | null> {
    const [row] = await this.db.select({ code: bodies.territoryCode }).from(mandates).innerJoin(bodies, eq(bodies.id, mandates.bodyId)).where(eq(mandates.id, id));
    return row?.code ?? null;
  }

  openOf(bodyId: string, position: string) {
    return this.db
      .select()
      .from(mandates)
      .where(and(eq(mandates.bodyId, bodyId), eq(mandates.position, position), isNull(mandates.endedOn)));
  }

  async insert(values: typeof mandates.$inferInsert): Promise<MandateRow> {
    const [row] = await this.db.insert(mandates).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  }

  async end(id: string, endedOn: string): Promise<MandateRow> {
    const [row] = await this.db.update(mandates).set({ endedOn }).where(eq(mandates.id, id)).returning();
    if (!row) throw new Error('update matched no row');
    return row;
  }
}
