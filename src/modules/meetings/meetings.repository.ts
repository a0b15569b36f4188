import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lt, lte, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import type { Scope } from '../access/scope';
import { withinTerritory } from '../bodies/bodies.repository';
import { bodies, mandates } from '../bodies/bodies.tables';
import { people } from '../people/people.tables';
import { territories } from '../territory/territory.tables';
import { meetingAgendaItems, meetingAttendance, meetingDecisions, meetingInvitations, meetingInvitedBodies, meetingMinutes, meetings } from './meetings.tables';

export type MeetingRow = typeof meetings.$inferSelect;
export type AgendaItemRow = typeof meetingAgendaItems.$inferSelect;
export type MinutesRow = typeof meetingMinutes.$inferSelect;
export type DecisionRow = typeof meetingDecisions.$inferSelect;
export type AttendanceRow = typeof meetingAttendance.$inferSelect;

export const personRefColumns = {
  id: people.id,
  givenNameAr: people.givenNameAr,
  familyNameAr: people.familyNameAr,
  givenNameLatin: people.givenNameLatin,
  familyNameLatin: people.familyNameLatin,
  title: people.title,
};
export const bodyRefColumns = { id: bodies.id, kind: bodies.kind, nameAr: bodies.nameAr, nameFr: bodies.nameFr, territoryCode: bodies.territoryCode, status: bodies.status };
export type PersonRefRow = { id: string; givenNameAr: string | null; familyNameAr: string | null; givenNameLatin: string | null; familyNameLatin: string | null; title: string | null };
export type BodyRefRow = { id: string; kind: string; nameAr: string; nameFr: string; territoryCode: string; status: 'preparatory' | 'constituted' | 'dissolved' };

const meetingWithBody = { meeting: meetings, body: bodyRefColumns };

export interface MeetingFilter {
  territory?: string | undefined;
  body?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  status?: 'scheduled' | 'cancelled' | undefined;
  limit: number;
  offset: number;
}

/** Meetings, their agenda, invited bodies and guests, attendance, minutes and decisions. */
export class MeetingsRepository {
  constructor(private readonly db: DbOrTx) {}

  async findById(id: string) {
    const [row] = await this.db.select(meetingWithBody).from(meetings).innerJoin(bodies, eq(bodies.id, meetings.bodyId)).where(eq(meetings.id, id));
    return row;
  }

  /** The meeting row, locked until the transaction ends: writes to one meeting's parts take turns. */
  async lock(id: string): Promise<MeetingRow | undefined> {
    const [row] = await this.db.select().from(meetings).where(eq(meetings.id, id)).for('update');
    return row;
  }

  async territoryOf(id: string): Promise<string | null> {
    const [row] = await this.db.select({ code: meetings.territoryCode }).from(meetings).where(eq(meetings.id, id));
    return row?.code ?? null;
  }

  async list(filter: MeetingFilter, scope: Scope) {
    const conditions = [
      scope.condition(meetings.territoryCode),
      filter.territory ? withinTerritory(filter.territory) : undefined,
      filter.body ? eq(meetings.bodyId, filter.body) : undefined,
      // A calendar asks for the meetings that overlap its window.
      filter.from ? gt(meetings.endsAt, filter.from) : undefined,
      filter.to ? lt(meetings.startsAt, filter.to) : undefined,
      filter.status ? eq(meetings.status, filter.status) : undefined,
    ].filter((c): c is SQL => c !== undefined);
    const where = conditions.length ? and(...conditions) : undefined;
    const [rows, [count]] = await Promise.all([
      this.db
        .select(meetingWithBody)
        .from(meetings)
        .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
        .innerJoin(territories, eq(territories.code, meetings.territoryCode))
        .where(where)
        .orderBy(asc(meetings.startsAt), asc(meetings.id))
        .limit(filter.limit)
        .offset(filter.offset),
      this.db.select({ n: sql<number>`count(*)::int` }).from(meetings).innerJoin(territories, eq(territories.code, meetings.territoryCode)).where(where),
    ]);
    return { rows, total: count?.n ?? 0 };
  }

  async insert(values: typeof meetings.$inferInsert): Promise<MeetingRow> {
    const [row] = await this.db.insert(meetings).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  }

  async update(id: string, values: Partial<typeof meetings.$inferInsert>): Promise<MeetingRow> {
    const [row] = await this.db
      .update(meetings)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(meetings.id, id))
      .returning();
    if (!row) throw new Error('update matched no row');
    return row;
  }

  agenda(meetingId: string): Promise<AgendaItemRow[]> {
    return this.db.select().from(meetingAgendaItems).where(eq(meetingAgendaItems.meetingId, meetingId)).orderBy(asc(meetingAgendaItems.position));
  }

  async insertAgendaItems(values: Array<typeof meetingAgendaItems.$inferInsert>) {
    if (values.length) await this.db.insert(meetingAgendaItems).values(values);
  }

  async updateAgendaItem(id: string, values: { title: string; description: string | null }) {
    await this.db.update(meetingAgendaItems).set(values).where(eq(meetingAgendaItems.id, id));
  }

  /** Removes the items after a position (decisions under them keep no item). */
  async deleteAgendaItemsAfter(meetingId: string, position: number) {
    await this.db.delete(meetingAgendaItems).where(and(eq(meetingAgendaItems.meetingId, meetingId), gt(meetingAgendaItems.position, position)));
  }

  invitedBodies(meetingId: string): Promise<BodyRefRow[]> {
    return this.db
      .select(bodyRefColumns)
      .from(meetingInvitedBodies)
      .innerJoin(bodies, eq(bodies.id, meetingInvitedBodies.bodyId))
      .where(eq(meetingInvitedBodies.meetingId, meetingId))
      .orderBy(asc(bodies.territoryCode), asc(bodies.kind)) as Promise<BodyRefRow[]>;
  }

  async setInvitedBodies(meetingId: string, bodyIds: string[]) {
    await this.db.delete(meetingInvitedBodies).where(eq(meetingInvitedBodies.meetingId, meetingId));
    if (bodyIds.length) await this.db.insert(meetingInvitedBodies).values(bodyIds.map((bodyId) => ({ meetingId, bodyId })));
  }

  /** The named guests still invited. */
  async guestIds(meetingId: string): Promise<string[]> {
    const rows = await this.db
      .select({ personId: meetingInvitations.personId })
      .from(meetingInvitations)
      .where(and(eq(meetingInvitations.meetingId, meetingId), eq(meetingInvitations.isGuest, true), isNull(meetingInvitations.withdrawnAt)));
    return rows.map((r) => r.personId);
  }

  /**
   * Makes the named guests exactly these people: new ones are invited (or invited again), the others
   * are withdrawn rather than deleted, so that they can be told of it.
   */
  async setGuests(meetingId: string, personIds: string[]) {
    const now = new Date();
    await this.db
      .update(meetingInvitations)
      .set({ withdrawnAt: now })
      .where(
        and(
          eq(meetingInvitations.meetingId, meetingId),
          eq(meetingInvitations.isGuest, true),
          isNull(meetingInvitations.withdrawnAt),
          personIds.length ? notInArray(meetingInvitations.personId, personIds) : undefined,
        ),
      );
    if (personIds.length === 0) return;
    // Invited again after a withdrawal (and perhaps a cancellation): the next sending starts afresh.
    await this.db
      .update(meetingInvitations)
      .set({ withdrawnAt: null, sentSequence: null, sentAt: null })
      .where(and(eq(meetingInvitations.meetingId, meetingId), eq(meetingInvitations.isGuest, true), isNotNull(meetingInvitations.withdrawnAt), inArray(meetingInvitations.personId, personIds)));
    // Someone already invited as a member stays so; the others become guests.
    await this.db
      .insert(meetingInvitations)
      .values(personIds.map((personId) => ({ meetingId, personId, isGuest: true })))
      .onConflictDoNothing();
  }

  /** Of these meetings, those the person is invited to. */
  async meetingsInvitingPerson(meetingIds: string[], personId: string): Promise<Set<string>> {
    if (meetingIds.length === 0) return new Set();
    const rows = await this.db
      .select({ meetingId: meetingInvitations.meetingId })
      .from(meetingInvitations)
      .where(and(inArray(meetingInvitations.meetingId, meetingIds), eq(meetingInvitations.personId, personId), isNull(meetingInvitations.withdrawnAt)));
    return new Set(rows.map((r) => r.meetingId));
  }

  async peopleRefs(ids: string[]): Promise<Map<string, PersonRefRow>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.db.select(personRefColumns).from(people).where(inArray(people.id, unique));
    return new Map(rows.map((r) => [r.id, r]));
  }

  async bodyRefs(ids: string[]): Promise<Map<string, BodyRefRow>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = (await this.db.select(bodyRefColumns).from(bodies).where(inArray(bodies.id, unique))) as BodyRefRow[];
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** The people holding a mandate in one of these bodies on a day (a mandate that ended that day no longer counts). */
  async memberIdsOn(bodyIds: string[], day: string): Promise<Set<string>> {
    if (bodyIds.length === 0) return new Set();
    const rows = await this.db
      .selectDistinct({ personId: mandates.personId })
      .from(mandates)
      .where(and(inArray(mandates.bodyId, bodyIds), lte(mandates.startedOn, day), or(isNull(mandates.endedOn), gt(mandates.endedOn, day))));
    return new Set(rows.map((r) => r.personId));
  }

  /** Whether the person is invited to the meeting (and not withdrawn). */
  async isInvited(meetingId: string, personId: string): Promise<boolean> {
    return (await this.meetingsInvitingPerson([meetingId], personId)).has(meetingId);
  }

  attendance(meetingId: string) {
    return this.db
      .select({ entry: meetingAttendance, person: personRefColumns })
      .from(meetingAttendance)
      .innerJoin(people, eq(people.id, meetingAttendance.personId))
      .where(eq(meetingAttendance.meetingId, meetingId))
      .orderBy(asc(meetingAttendance.isGuest), asc(meetingAttendance.recordedAt), asc(people.familyNameAr), asc(people.familyNameLatin));
  }

  async upsertAttendance(values: Array<typeof meetingAttendance.$inferInsert>) {
    if (values.length === 0) return;
    await this.db
      .insert(meetingAttendance)
      .values(values)
      .onConflictDoUpdate({
        target: [meetingAttendance.meetingId, meetingAttendance.personId],
        set: { presence: sql`excluded.presence`, isGuest: sql`excluded.is_guest`, title: sql`excluded.title` },
      });
  }

  minutesVersions(meetingId: string): Promise<MinutesRow[]> {
    return this.db.select().from(meetingMinutes).where(eq(meetingMinutes.meetingId, meetingId)).orderBy(desc(meetingMinutes.version));
  }

  async latestMinutes(meetingId: string): Promise<MinutesRow | undefined> {
    const [row] = await this.db.select().from(meetingMinutes).where(eq(meetingMinutes.meetingId, meetingId)).orderBy(desc(meetingMinutes.version)).limit(1);
    return row;
  }

  async insertMinutes(values: typeof meetingMinutes.$inferInsert): Promise<MinutesRow> {
    const [row] = await this.db.insert(meetingMinutes).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  }

  async updateMinutes(id: string, values: Partial<typeof meetingMinutes.$inferInsert>): Promise<MinutesRow> {
    const [row] = await this.db
      .update(meetingMinutes)
      .set({ ...values, updatedAt: new Date() })
      .where(and(eq(meetingMinutes.id, id), eq(meetingMinutes.status, 'draft')))
      .returning();
    // Only drafts change: an approved version is never written again.
    if (!row) throw new Error('update matched no draft');
    return row;
  }

  decisions(meetingId: string): Promise<DecisionRow[]> {
    return this.db.select().from(meetingDecisions).where(eq(meetingDecisions.meetingId, meetingId)).orderBy(asc(meetingDecisions.position));
  }

  async findDecision(id: string) {
    const [row] = await this.db.select({ decision: meetingDecisions, meeting: meetings }).from(meetingDecisions).innerJoin(meetings, eq(meetings.id, meetingDecisions.meetingId)).where(eq(meetingDecisions.id, id));
    return row;
  }

  async decisionTerritory(id: string): Promise<string | null> {
    const [row] = await this.db.select({ code: meetings.territoryCode }).from(meetingDecisions).innerJoin(meetings, eq(meetings.id, meetingDecisions.meetingId)).where(eq(meetingDecisions.id, id));
    return row?.code ?? null;
  }

  async nextDecisionPosition(meetingId: string): Promise<number> {
    const [row] = await this.db.select({ max: sql<number | null>`max(${meetingDecisions.position})` }).from(meetingDecisions).where(eq(meetingDecisions.meetingId, meetingId));
    return (row?.max ?? 0) + 1;
  }

  async insertDecision(values: typeof meetingDecisions.$inferInsert): Promise<DecisionRow> {
    const [row] = await this.db.insert(meetingDecisions).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  }

  async updateDecision(id: string, values: Partial<typeof meetingDecisions.$inferInsert>): Promise<DecisionRow> {
    const [row] = await this.db.update(meetingDecisions).set(values).where(eq(meetingDecisions.id, id)).returning();
    if (!row) throw new Error('update matched no row');
    return row;
  }

  async deleteDecision(id: string) {
    await this.db.delete(meetingDecisions).where(eq(meetingDecisions.id, id));
  }

  /** Whether a person exists (erased people exist, anonymized). */
  async personExists(id: string): Promise<boolean> {
    const [row] = await this.db.select({ id: people.id }).from(people).where(eq(people.id, id));
    return row !== undefined;
  }
}
