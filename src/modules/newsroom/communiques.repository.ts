import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import type { Scope } from '../access/scope';
import { withinTerritory } from '../bodies/bodies.repository';
import { bodies, mandates } from '../bodies/bodies.tables';
import { meetingAgendaItems, meetingAttendance, meetingDecisions, meetingMinutes, meetings } from '../meetings/meetings.tables';
import { people } from '../people/people.tables';
import { territories } from '../territory/territory.tables';
import { communiques } from './communiques.tables';

export type CommuniqueRow = typeof communiques.$inferSelect;
export type MeetingRow = typeof meetings.$inferSelect;

const bodyColumns = { id: bodies.id, kind: bodies.kind, nameAr: bodies.nameAr, nameFr: bodies.nameFr, territoryCode: bodies.territoryCode, status: bodies.status, parentId: bodies.parentId };
export type BodyRow = { id: string; kind: string; nameAr: string; nameFr: string; territoryCode: string; status: 'preparatory' | 'constituted' | 'dissolved'; parentId: string | null };
const communiqueWithBody = { communique: communiques, body: bodyColumns };

export interface CommuniqueFilter {
  meetingId?: string | undefined;
  territory?: string | undefined;
  status?: CommuniqueRow['status'] | undefined;
  limit: number;
  offset: number;
}

/** Communiqués, and the parts of a meeting's record a communiqué is written from. */
export class CommuniquesRepository {
  constructor(private readonly db: DbOrTx) {}

  async findById(id: string) {
    const [row] = await this.db.select(communiqueWithBody).from(communiques).innerJoin(bodies, eq(bodies.id, communiques.bodyId)).where(eq(communiques.id, id));
    return row;
  }

  async territoryOf(id: string): Promise<string | null> {
    const [row] = await this.db.select({ code: communiques.territoryCode }).from(communiques).where(eq(communiques.id, id));
    return row?.code ?? null;
  }

  async list(filter: CommuniqueFilter, scope: Scope) {
    const conditions = [
      scope.condition(communiques.territoryCode),
      filter.meetingId ? eq(communiques.meetingId, filter.meetingId) : undefined,
      filter.status ? eq(communiques.status, filter.status) : undefined,
      filter.territory ? withinTerritory(filter.territory) : undefined,
    ].filter((c): c is SQL => c !== undefined);
    const where = conditions.length ? and(...conditions) : undefined;
    const [rows, [count]] = await Promise.all([
      this.db
        .select(communiqueWithBody)
        .from(communiques)
        .innerJoin(bodies, eq(bodies.id, communiques.bodyId))
        .innerJoin(territories, eq(territories.code, communiques.territoryCode))
        .where(where)
        .orderBy(desc(communiques.createdAt), desc(communiques.id))
        .limit(filter.limit)
        .offset(filter.offset),
      this.db.select({ n: sql<number>`count(*)::int` }).from(communiques).innerJoin(territories, eq(territories.code, communiques.territoryCode)).where(where),
    ]);
    return { rows, total: count?.n ?? 0 };
  }

  async insert(values: typeof communiques.$inferInsert): Promise<CommuniqueRow> {
    const [row] = await this.db.insert(communiques).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  }

  async update(id: string, values: Partial<typeof communiques.$inferInsert>): Promise<CommuniqueRow> {
    const [row] = await this.db
      .update(communiques)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(communiques.id, id))
      .returning();
    if (!row) throw new Error('update matched no row');
    return row;
  }

  /** The row locked until the transaction ends, so two edits of one draft take turns. */
  async lock(id: string): Promise<CommuniqueRow | undefined> {
    const [row] = await this.db.select().from(communiques).where(eq(communiques.id, id)).for('update');
    return row;
  }

  // The meeting's record.

  async meeting(id: string): Promise<MeetingRow | undefined> {
    const [row] = await this.db.select().from(meetings).where(eq(meetings.id, id));
    return row;
  }

  bodies(ids: readonly string[]): Promise<BodyRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.select(bodyColumns).from(bodies).where(inArray(bodies.id, [...ids]));
  }

  people(ids: readonly string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db
      .select({
        id: people.id,
        givenNameAr: people.givenNameAr,
        familyNameAr: people.familyNameAr,
        givenNameLatin: people.givenNameLatin,
        familyNameLatin: people.familyNameLatin,
        title: people.title,
        gender: people.gender,
      })
      .from(people)
      .where(inArray(people.id, [...ids]));
  }

  /** Mandates of these people in force on a day, with their bodies. */
  mandatesOn(personIds: readonly string[], day: string) {
    if (personIds.length === 0) return Promise.resolve([]);
    return this.db
      .select({ personId: mandates.personId, position: mandates.position, body: bodyColumns })
      .from(mandates)
      .innerJoin(bodies, eq(bodies.id, mandates.bodyId))
      .where(and(inArray(mandates.personId, [...personIds]), lte(mandates.startedOn, day), or(isNull(mandates.endedOn), gte(mandates.endedOn, day))));
  }

  attendance(meetingId: string) {
    return this.db.select().from(meetingAttendance).where(eq(meetingAttendance.meetingId, meetingId)).orderBy(asc(meetingAttendance.recordedAt));
  }

  agenda(meetingId: string) {
    return this.db.select().from(meetingAgendaItems).where(eq(meetingAgendaItems.meetingId, meetingId)).orderBy(asc(meetingAgendaItems.position));
  }

  /** The minutes the communiqué is written from: the last approved version, else the last draft. */
  async minutesOf(meetingId: string) {
    const [row] = await this.db
      .select()
      .from(meetingMinutes)
      .where(eq(meetingMinutes.meetingId, meetingId))
      .orderBy(sql`case when ${meetingMinutes.status} = 'approved' then 0 else 1 end`, desc(meetingMinutes.version))
      .limit(1);
    return row;
  }

  decisions(meetingId: string) {
    return this.db.select().from(meetingDecisions).where(eq(meetingDecisions.meetingId, meetingId)).orderBy(asc(meetingDecisions.position), asc(meetingDecisions.createdAt));
  }
}
