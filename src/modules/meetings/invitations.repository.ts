import { and, asc, eq, gt, gte, inArray, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { settings, users } from '../access/access.tables';
import type { Scope } from '../access/scope';
import { bodies, mandates } from '../bodies/bodies.tables';
import { people, personConsents } from '../people/people.tables';
import { calendarFeeds, meetingAgendaItems, meetingInvitations, meetingInvitedBodies, meetings } from './meetings.tables';

export type InvitationRow = typeof meetingInvitations.$inferSelect;
export type MeetingRow = typeof meetings.$inferSelect;

/** What an invitation needs of the invited person: names for the greeting and the list, the address to write to. */
const invitee = {
  id: people.id,
  givenNameAr: people.givenNameAr,
  familyNameAr: people.familyNameAr,
  givenNameLatin: people.givenNameLatin,
  familyNameLatin: people.familyNameLatin,
  title: people.title,
  email: people.email,
};
export type InviteeRow = { id: string; givenNameAr: string | null; familyNameAr: string | null; givenNameLatin: string | null; familyNameLatin: string | null; title: string | null; email: string | null };

/** Consent purposes whose withdrawal means the person is not invited any more. */
const BLOCKING_PURPOSES = ['invitations', 'membership'];

/**
 * A person who withdrew consent for invitations (or to membership) and gave none again since, for that
 * purpose: such people are not invited.
 */
const hasWithdrawnConsent = sql<boolean>`exists (
  select 1 from ${personConsents} w
  where w.person_id = ${people.id} and w.purpose in (${sql.join(
    BLOCKING_PURPOSES.map((p) => sql`${p}`),
    sql`, `,
  )}) and w.withdrawn_on is not null
    and not exists (select 1 from ${personConsents} g where g.person_id = w.person_id and g.purpose = w.purpose and g.withdrawn_on is null)
)`;

/** Invitations, the people and meetings they concern, RSVP answers, calendar feeds and the signing key. */
export class InvitationsRepository {
  constructor(private readonly db: DbOrTx) {}

  /** Stores `value` under `key` unless a value is there already; answers the value kept. */
  async claimSetting(key: string, value: string): Promise<string> {
    await this.db.insert(settings).values({ key, value }).onConflictDoNothing({ target: settings.key });
    const [row] = await this.db.select({ value: settings.value }).from(settings).where(eq(settings.key, key));
    if (typeof row?.value !== 'string') throw new Error(`setting ${key} is not a string`);
    return row.value;
  }

  async meeting(id: string) {
    const [row] = await this.db
      .select({ meeting: meetings, body: { id: bodies.id, nameAr: bodies.nameAr, nameFr: bodies.nameFr } })
      .from(meetings)
      .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
      .where(eq(meetings.id, id));
    return row;
  }

  /** Locks the meeting row until the transaction ends, so two sendings of one meeting take turns. */
  async lockMeeting(id: string): Promise<MeetingRow | undefined> {
    const [row] = await this.db.select().from(meetings).where(eq(meetings.id, id)).for('update');
    return row;
  }

  /** Whether anything was ever sent for the meeting. */
  async hasSent(meetingId: string): Promise<boolean> {
    const [row] = await this.db.select({ id: meetingInvitations.id }).from(meetingInvitations).where(and(eq(meetingInvitations.meetingId, meetingId), isNotNull(meetingInvitations.sentSequence))).limit(1);
    return row !== undefined;
  }

  agendaTitles(meetingId: string) {
    return this.db.select({ title: meetingAgendaItems.title }).from(meetingAgendaItems).where(eq(meetingAgendaItems.meetingId, meetingId)).orderBy(asc(meetingAgendaItems.position));
  }

  async invitedBodyIds(meetingId: string): Promise<string[]> {
    const rows = await this.db.select({ bodyId: meetingInvitedBodies.bodyId }).from(meetingInvitedBodies).where(eq(meetingInvitedBodies.meetingId, meetingId));
    return rows.map((r) => r.bodyId);
  }

  /**
   * The current members on `day` of the bodies (open mandates then; one that ended that day no longer
   * counts), each once, with the first of the bodies (in the order given) that makes them a member.
   */
  async membersOn(bodyIds: string[], day: string): Promise<Array<{ personId: string; bodyId: string }>> {
    if (bodyIds.length === 0) return [];
    const rows = await this.db
      .select({ personId: mandates.personId, bodyId: mandates.bodyId })
      .from(mandates)
      .where(and(inArray(mandates.bodyId, bodyIds), lte(mandates.startedOn, day), or(isNull(mandates.endedOn), gt(mandates.endedOn, day))));
    const rank = (bodyId: string) => bodyIds.indexOf(bodyId);
    const byPerson = new Map<string, string>();
    for (const r of rows.sort((a, b) => rank(a.bodyId) - rank(b.bodyId))) if (!byPerson.has(r.personId)) byPerson.set(r.personId, r.bodyId);
    return [...byPerson].map(([personId, bodyId]) => ({ personId, bodyId }));
  }

  /** Of these people, those who may not be invited: erased, or who withdrew their consent. */
  async excludedOf(personIds: string[]): Promise<Set<string>> {
    if (personIds.length === 0) return new Set();
    const rows = await this.db
      .select({ id: people.id })
      .from(people)
      .where(and(inArray(people.id, personIds), or(isNotNull(people.erasedAt), hasWithdrawnConsent)));
    return new Set(rows.map((r) => r.id));
  }

  /** The agenda titles of several meetings, in order, by meeting. */
  async agendaTitlesOf(meetingIds: string[]): Promise<Map<string, string[]>> {
    const byMeeting = new Map<string, string[]>();
    if (meetingIds.length === 0) return byMeeting;
    const rows = await this.db
      .select({ meetingId: meetingAgendaItems.meetingId, title: meetingAgendaItems.title })
      .from(meetingAgendaItems)
      .where(inArray(meetingAgendaItems.meetingId, meetingIds))
      .orderBy(asc(meetingAgendaItems.meetingId), asc(meetingAgendaItems.position));
    for (const r of rows) byMeeting.set(r.meetingId, [...(byMeeting.get(r.meetingId) ?? []), r.title]);
    return byMeeting;
  }

  async person(id: string): Promise<InviteeRow | undefined> {
    const [row] = await this.db.select(invitee).from(people).where(eq(people.id, id));
    return row;
  }

  invitations(meetingId: string) {
    return this.db
      .select({ invitation: meetingInvitations, person: invitee })
      .from(meetingInvitations)
      .innerJoin(people, eq(people.id, meetingInvitations.personId))
      .where(eq(meetingInvitations.meetingId, meetingId))
      .orderBy(asc(meetingInvitations.isGuest), sql`${meetingInvitations.withdrawnAt} nulls first`, asc(people.familyNameAr), asc(people.familyNameLatin), asc(people.id));
  }

  async findInvitation(id: string) {
    const [row] = await this.db.select({ invitation: meetingInvitations, person: invitee }).from(meetingInvitations).innerJoin(people, eq(people.id, meetingInvitations.personId)).where(eq(meetingInvitations.id, id));
    return row;
  }

  async insertInvitations(values: Array<typeof meetingInvitations.$inferInsert>) {
    if (values.length) await this.db.insert(meetingInvitations).values(values).onConflictDoNothing();
  }

  async setViaBody(id: string, viaBodyId: string) {
    await this.db.update(meetingInvitations).set({ viaBodyId }).where(eq(meetingInvitations.id, id));
  }

  async withdraw(ids: string[], at: Date) {
    if (ids.length) await this.db.update(meetingInvitations).set({ withdrawnAt: at }).where(and(inArray(meetingInvitations.id, ids), isNull(meetingInvitations.withdrawnAt)));
  }

  /** Invites again people withdrawn before; what was sent to them no longer holds, so they get the invitation anew. */
  async reinstate(ids: string[]) {
    if (ids.length) await this.db.update(meetingInvitations).set({ withdrawnAt: null, sentSequence: null, sentAt: null }).where(inArray(meetingInvitations.id, ids));
  }

  /**
   * Takes the sending of one message to an invitation at `sequence`, unless another process took it or
   * sent it meanwhile: only one process mails each person each version.
   */
  async claimSending(id: string, previous: { sentSequence: number | null; sentAt: Date | null }, sequence: number, at: Date): Promise<boolean> {
    const rows = await this.db
      .update(meetingInvitations)
      .set({ sentSequence: sequence, sentAt: at })
      .where(
        and(
          eq(meetingInvitations.id, id),
          previous.sentSequence === null ? isNull(meetingInvitations.sentSequence) : eq(meetingInvitations.sentSequence, previous.sentSequence),
          previous.sentAt === null ? isNull(meetingInvitations.sentAt) : eq(meetingInvitations.sentAt, previous.sentAt),
        ),
      )
      .returning({ id: meetingInvitations.id });
    return rows.length === 1;
  }

  /** Gives back a claim whose message could not be sent, so the next sending tries again. */
  async releaseSending(id: string, previous: { sentSequence: number | null; sentAt: Date | null }, at: Date) {
    await this.db
      .update(meetingInvitations)
      .set({ sentSequence: previous.sentSequence, sentAt: previous.sentAt })
      .where(and(eq(meetingInvitations.id, id), eq(meetingInvitations.sentAt, at)));
  }

  async setRsvp(id: string, answer: 'yes' | 'no' | 'maybe', at: Date): Promise<InvitationRow> {
    const [row] = await this.db.update(meetingInvitations).set({ rsvp: answer, rsvpAt: at }).where(eq(meetingInvitations.id, id)).returning();
    if (!row) throw new Error('update matched no row');
    return row;
  }

  async feedOwner(tokenHash: string) {
    const [row] = await this.db
      .select({ userId: users.id, personId: users.personId, isActive: users.isActive })
      .from(calendarFeeds)
      .innerJoin(users, eq(users.id, calendarFeeds.userId))
      .where(eq(calendarFeeds.tokenHash, tokenHash));
    return row;
  }

  async setFeed(userId: string, tokenHash: string) {
    await this.db
      .insert(calendarFeeds)
      .values({ userId, tokenHash })
      .onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenHash, createdAt: new Date() } });
  }

  /**
   * The meetings of a calendar feed from `since` on: those the person is invited to (and not withdrawn
   * from), and those in the territories of `scope`, with whether the person is invited.
   */
  async feedMeetings(personId: string | null, scope: Scope, since: Date, limit: number) {
    const invited = personId
      ? sql<boolean>`exists (select 1 from ${meetingInvitations} i where i.meeting_id = ${meetings.id} and i.person_id = ${personId} and i.withdrawn_at is null)`
      : sql<boolean>`false`;
    const inScope = scope.condition(meetings.territoryCode) ?? sql`true`;
    const visible: SQL | undefined = or(invited, inScope);
    return this.db
      .select({ meeting: meetings, body: { id: bodies.id, nameAr: bodies.nameAr, nameFr: bodies.nameFr }, isInvited: invited })
      .from(meetings)
      .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
      .where(and(gte(meetings.endsAt, since), visible))
      .orderBy(asc(meetings.startsAt), asc(meetings.id))
      .limit(limit);
  }
}
