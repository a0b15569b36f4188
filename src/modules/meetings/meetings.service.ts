import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/database';
import { isUuid } from '../../lib/ids';
import { conflict, notFound, unprocessable } from '../../server/errors';
import { recordAudit, type Actor } from '../access/audit';
import type { Scope } from '../access/scope';
import type { BodyKind } from '../bodies/body-kinds';
import { PeopleRepository } from '../people/people.repository';
import type { TerritoryService } from '../territory/territory.service';
import { jitsiUrl, newJitsiRoom } from './jitsi';
import type { attendanceEntry, attendanceInput, createMeetingInput, Meeting, meetingDetail, updateMeetingInput } from './meetings.schema';
import { MeetingsRepository, type AgendaItemRow, type BodyRefRow, type MeetingRow, type PersonRefRow } from './meetings.repository';
import { computeQuorum, type Quorum } from './quorum';
import { instantOfInput, localDate, toZonedIso } from './times';

export type CreateMeetingInput = z.infer<typeof createMeetingInput>;
export type UpdateMeetingInput = z.infer<typeof updateMeetingInput>;
export type MeetingDetail = z.infer<typeof meetingDetail>;
export type AttendanceEntry = z.infer<typeof attendanceEntry>;
export type AttendanceInput = z.infer<typeof attendanceInput>;
export type MeetingChange = 'updated' | 'cancelled';

/** Who looks at a meeting: what they may read and write, and who they are in the registry. */
export interface MeetingViewer {
  read: Scope;
  write: Scope;
  isAdmin: boolean;
  personId: string | null;
}

export interface MeetingsServiceOptions {
  /** Called once a change or a cancellation is committed (to send updated or cancelled invitations). */
  afterChange?: (meetingId: string, kind: MeetingChange, actor: Actor) => Promise<void>;
}

export const toBodyRef = (b: BodyRefRow) => ({ ...b, kind: b.kind as BodyKind });

export function toMeeting(row: MeetingRow, body: BodyRefRow, isVideoShown: boolean): Meeting {
  return {
    id: row.id,
    bodyId: row.bodyId,
    territoryCode: row.territoryCode,
    kind: row.kind,
    title: row.title,
    purpose: row.purpose,
    convenedByPersonId: row.convenedByPersonId,
    convenedByBodyId: row.convenedByBodyId,
    chairPersonId: row.chairPersonId,
    secretaryPersonId: row.secretaryPersonId,
    startsAt: toZonedIso(row.startsAt, row.timeZone),
    endsAt: toZonedIso(row.endsAt, row.timeZone),
    timeZone: row.timeZone,
    mode: row.mode,
    place: row.place,
    address: row.address,
    status: row.status,
    sequence: row.sequence,
    body: toBodyRef(body),
    videoUrl: isVideoShown ? row.videoUrl : null,
  };
}

const toAgendaItem = (a: AgendaItemRow) => ({ id: a.id, position: a.position, title: a.title, description: a.description });

/** The meeting's day in its own time zone: the day mandates are counted on. */
export const meetingDay = (m: MeetingRow) => localDate(m.startsAt, m.timeZone);

/** Whether the scope covers one of a person's territories (residence, bodies of their mandates). */
export async function isPersonReadable(db: DbOrTx, personId: string, scope: Scope): Promise<boolean | null> {
  const codes = await new PeopleRepository(db).territoriesOf(personId);
  if (codes === null) return null;
  return scope.isAll || codes.some((c) => scope.covers(c));
}

/**
 * A person a meeting's record may name (in attendance, minutes, decisions): one the caller may read,
 * or one the meeting itself brings in — invited, chair, secretary, convener, or a member of the
 * organizing or convening body (the regional secretary general at a provincial meeting).
 */
export async function requireMeetingPerson(db: DbOrTx, meeting: MeetingRow, personId: string, viewer: MeetingViewer): Promise<void> {
  const readable = await isPersonReadable(db, personId, viewer.read);
  if (readable === null) throw unprocessable('person_not_found');
  if (readable) return;
  if ([meeting.chairPersonId, meeting.secretaryPersonId, meeting.convenedByPersonId].includes(personId)) return;
  const repo = new MeetingsRepository(db);
  if (await repo.isInvited(meeting.id, personId)) return;
  const bodyIds = [meeting.bodyId, ...(meeting.convenedByBodyId ? [meeting.convenedByBodyId] : [])];
  if ((await repo.memberIdsOn(bodyIds, meetingDay(meeting))).has(personId)) return;
  throw unprocessable('person_not_found');
}

/** Modes that take place somewhere, and modes that need a video link. */
const NEEDS_PLACE = new Set(['in_person', 'hybrid']);
const NEEDS_VIDEO = new Set(['remote', 'hybrid']);
/** Fields whose change the invited must hear of: a new iCalendar sequence. */
const SCHEDULE_FIELDS = ['title', 'startsAt', 'endsAt', 'mode', 'place', 'address', 'videoUrl'] as const;

type MeetingFields = Omit<CreateMeetingInput, 'agenda' | 'invitedBodyIds' | 'guestPersonIds'>;

/**
 * Meetings of a body: convened (possibly from a level above), chaired, held in person, by video
 * conference or both, with an agenda, attendance and quorum. Minutes and decisions are in
 * MinutesService; invitations are sent by whoever listens to `afterChange`.
 */
export class MeetingsService {
  constructor(
    private readonly db: Db,
    private readonly territories: TerritoryService,
    private readonly options: MeetingsServiceOptions = {},
  ) {}

  /** The territory of a meeting, for scope checks; null when there is no such meeting. */
  async territoriesOf(id: string): Promise<string[] | null> {
    if (!isUuid(id)) return null;
    const code = await new MeetingsRepository(this.db).territoryOf(id);
    return code ? [code] : null;
  }

  /** The territory of a decision's meeting, for scope checks. */
  async decisionTerritoriesOf(id: string): Promise<string[] | null> {
    if (!isUuid(id)) return null;
    const code = await new MeetingsRepository(this.db).decisionTerritory(id);
    return code ? [code] : null;
  }

  /** The meeting row, or 404. */
  async require(id: string, db: DbOrTx = this.db): Promise<MeetingRow> {
    const row = await new MeetingsRepository(db).findById(id);
    if (!row) throw notFound('meeting_not_found');
    return row.meeting;
  }

  async list(query: { territory?: string | undefined; body?: string | undefined; from?: string | undefined; to?: string | undefined; status?: 'scheduled' | 'cancelled' | undefined; limit: number; offset: number }, viewer: MeetingViewer) {
    if (query.territory) this.territories.require(query.territory);
    const repo = new MeetingsRepository(this.db);
    const { rows, total } = await repo.list({ ...query, from: query.from ? new Date(query.from) : undefined, to: query.to ? new Date(query.to) : undefined }, viewer.read);
    const invited = viewer.personId ? await repo.meetingsInvitingPerson(rows.map((r) => r.meeting.id), viewer.personId) : new Set<string>();
    return { items: rows.map((r) => toMeeting(r.meeting, r.body as BodyRefRow, viewer.write.covers(r.meeting.territoryCode) || invited.has(r.meeting.id))), total };
  }

  async get(id: string, viewer: MeetingViewer): Promise<MeetingDetail> {
    const repo = new MeetingsRepository(this.db);
    const found = await repo.findById(id);
    if (!found) throw notFound('meeting_not_found');
    const m = found.meeting;
    const [agenda, invitedBodies, persons, bodyRefs] = await Promise.all([
      repo.agenda(id),
      repo.invitedBodies(id),
      repo.peopleRefs([m.convenedByPersonId, m.chairPersonId, m.secretaryPersonId].filter((p): p is string => p !== null)),
      repo.bodyRefs(m.convenedByBodyId ? [m.convenedByBodyId] : []),
    ]);
    const canWrite = viewer.write.covers(m.territoryCode);
    const isVideoShown = canWrite || (viewer.personId !== null && (await repo.isInvited(id, viewer.personId)));
    const ref = (pid: string | null): PersonRefRow | null => (pid ? (persons.get(pid) ?? null) : null);
    const convenedByBody = m.convenedByBodyId ? bodyRefs.get(m.convenedByBodyId) : undefined;
    return {
      ...toMeeting(m, found.body as BodyRefRow, isVideoShown),
      agenda: agenda.map(toAgendaItem),
      invitedBodies: invitedBodies.map(toBodyRef),
      convenedByPerson: ref(m.convenedByPersonId),
      convenedByBody: convenedByBody ? toBodyRef(convenedByBody) : null,
      chairPerson: ref(m.chairPersonId),
      secretaryPerson: ref(m.secretaryPersonId),
      canWrite,
      canApproveMinutes: canApproveMinutes(m, viewer),
    };
  }

  async create(actor: Actor, viewer: MeetingViewer, input: CreateMeetingInput): Promise<MeetingDetail> {
    const id = await this.db.transaction(async (tx) => {
      const repo = new MeetingsRepository(tx);
      const organizer = await repo.bodyRefs([input.bodyId]);
      const body = organizer.get(input.bodyId);
      if (!body) throw unprocessable('body_not_found');
      if (body.status === 'dissolved') throw unprocessable('meeting_body_dissolved');
      const fields = await this.checkFields(tx, viewer, body, input, null);
      const row = await repo.insert({ ...fields, bodyId: body.id, territoryCode: body.territoryCode, createdBy: actor.userId });
      const agenda = input.agenda ?? [];
      await repo.insertAgendaItems(agenda.map((a, i) => ({ meetingId: row.id, position: i + 1, title: a.title, description: a.description ?? null })));
      const invitedBodyIds = await this.checkInvitedBodies(tx, viewer, body, input.invitedBodyIds ?? []);
      await repo.setInvitedBodies(row.id, invitedBodyIds);
      const guestPersonIds = await this.checkGuests(tx, viewer, input.guestPersonIds ?? []);
      await repo.setGuests(row.id, guestPersonIds);
      await recordAudit(tx, actor, { action: 'create', resource: 'meeting', resourceId: row.id, territoryCode: row.territoryCode, after: { ...row, agenda, invitedBodyIds, guestPersonIds } });
      return row.id;
    });
    return this.get(id, viewer);
  }

  async update(actor: Actor, viewer: MeetingViewer, id: string, input: UpdateMeetingInput): Promise<MeetingDetail> {
    const hasChanged = await this.db.transaction(async (tx) => {
      const repo = new MeetingsRepository(tx);
      const current = await repo.lock(id);
      if (!current) throw notFound('meeting_not_found');
      if (current.status === 'cancelled') throw conflict('meeting_cancelled');
      const body = (await repo.bodyRefs([current.bodyId])).get(current.bodyId);
      if (!body) throw new Error('meeting without its body');
      const merged: MeetingFields = {
        bodyId: current.bodyId,
        kind: input.kind ?? current.kind,
        title: input.title ?? current.title,
        purpose: input.purpose !== undefined ? input.purpose : current.purpose,
        convenedByPersonId: input.convenedByPersonId !== undefined ? input.convenedByPersonId : current.convenedByPersonId,
        convenedByBodyId: input.convenedByBodyId !== undefined ? input.convenedByBodyId : current.convenedByBodyId,
        chairPersonId: input.chairPersonId !== undefined ? input.chairPersonId : current.chairPersonId,
        secretaryPersonId: input.secretaryPersonId !== undefined ? input.secretaryPersonId : current.secretaryPersonId,
        startsAt: input.startsAt ?? current.startsAt.toISOString(),
        endsAt: input.endsAt ?? current.endsAt.toISOString(),
        mode: input.mode ?? current.mode,
        place: input.place !== undefined ? input.place : current.place,
        address: input.address !== undefined ? input.address : current.address,
        // A Jitsi room made here is kept while the meeting stays remote or hybrid; a pasted link replaces it.
        videoUrl: input.videoUrl !== undefined ? input.videoUrl : current.videoRoom ? null : current.videoUrl,
      };
      const fields = await this.checkFields(tx, viewer, body, merged, current);
      const changes: Partial<MeetingRow> = {};
      for (const [key, value] of Object.entries(fields) as Array<[keyof typeof fields, unknown]>) {
        const before = current[key];
        const isSame = before instanceof Date && value instanceof Date ? before.getTime() === value.getTime() : before === value;
        if (!isSame) Object.assign(changes, { [key]: value });
      }
      const agendaBefore = await repo.agenda(id);
      const isAgendaChanged = input.agenda !== undefined && (await this.replaceAgenda(repo, id, agendaBefore, input.agenda));
      const invitedBefore = (await repo.invitedBodies(id)).map((b) => b.id);
      const guestsBefore = await repo.guestIds(id);
      const invitedBodyIds = input.invitedBodyIds !== undefined ? await this.checkInvitedBodies(tx, viewer, body, input.invitedBodyIds, invitedBefore) : invitedBefore;
      const guestPersonIds = input.guestPersonIds !== undefined ? await this.checkGuests(tx, viewer, input.guestPersonIds, guestsBefore) : guestsBefore;
      const isInvitedChanged = !sameSet(invitedBefore, invitedBodyIds);
      const isGuestsChanged = !sameSet(guestsBefore, guestPersonIds);
      if (isInvitedChanged) await repo.setInvitedBodies(id, invitedBodyIds);
      if (isGuestsChanged) await repo.setGuests(id, guestPersonIds);
      if (Object.keys(changes).length === 0 && !isAgendaChanged && !isInvitedChanged && !isGuestsChanged) return false;

      const isRescheduled = isAgendaChanged || SCHEDULE_FIELDS.some((f) => f in changes);
      const row = await repo.update(id, { ...changes, ...(isRescheduled ? { sequence: current.sequence + 1 } : {}) });
      await recordAudit(tx, actor, {
        action: 'update',
        resource: 'meeting',
        resourceId: id,
        territoryCode: row.territoryCode,
        before: { ...current, agenda: agendaBefore.map(toAgendaItem), invitedBodyIds: invitedBefore, guestPersonIds: guestsBefore },
        after: { ...row, agenda: (await repo.agenda(id)).map(toAgendaItem), invitedBodyIds, guestPersonIds },
      });
      return true;
    });
    if (hasChanged) await this.options.afterChange?.(id, 'updated', actor);
    return this.get(id, viewer);
  }

  async cancel(actor: Actor, viewer: MeetingViewer, id: string): Promise<MeetingDetail> {
    await this.db.transaction(async (tx) => {
      const repo = new MeetingsRepository(tx);
      const current = await repo.lock(id);
      if (!current) throw notFound('meeting_not_found');
      if (current.status === 'cancelled') throw conflict('meeting_cancelled');
      const row = await repo.update(id, { status: 'cancelled', cancelledAt: new Date(), sequence: current.sequence + 1 });
      await recordAudit(tx, actor, { action: 'cancel', resource: 'meeting', resourceId: id, territoryCode: row.territoryCode, before: current, after: row });
    });
    await this.options.afterChange?.(id, 'cancelled', actor);
    return this.get(id, viewer);
  }

  async attendance(id: string): Promise<{ items: AttendanceEntry[]; quorum: Quorum }> {
    const repo = new MeetingsRepository(this.db);
    const meeting = await this.require(id);
    const [rows, members] = await Promise.all([repo.attendance(id), repo.memberIdsOn([meeting.bodyId], meetingDay(meeting))]);
    return {
      items: rows.map((r) => ({ person: r.person, presence: r.entry.presence, isGuest: r.entry.isGuest, title: r.entry.title })),
      quorum: computeQuorum(members, rows.map((r) => r.entry)),
    };
  }

  /** Records presence per person (an entry for someone already recorded replaces theirs). */
  async recordAttendance(actor: Actor, viewer: MeetingViewer, id: string, input: AttendanceInput) {
    await this.db.transaction(async (tx) => {
      const repo = new MeetingsRepository(tx);
      const meeting = await repo.lock(id);
      if (!meeting) throw notFound('meeting_not_found');
      if (meeting.status === 'cancelled') throw conflict('meeting_cancelled');
      const entries = [...new Map(input.entries.map((e) => [e.personId, e])).values()];
      for (const e of entries) await requireMeetingPerson(tx, meeting, e.personId, viewer);
      const guests = new Set(await repo.guestIds(id));
      const before = (await repo.attendance(id)).map((r) => r.entry).filter((e) => entries.some((n) => n.personId === e.personId));
      const values = entries.map((e) => ({ meetingId: id, personId: e.personId, presence: e.presence, isGuest: e.isGuest ?? guests.has(e.personId), title: e.title ?? null }));
      await repo.upsertAttendance(values);
      await recordAudit(tx, actor, { action: 'update', resource: 'meeting_attendance', resourceId: id, territoryCode: meeting.territoryCode, before, after: values });
    });
    return this.attendance(id);
  }

  /**
   * Checks the fields of a meeting against the rules and returns them as stored: times, place,
   * who convened (from the organizing body's level or above), who chairs and takes the minutes, and
   * the video link (a new Jitsi room unless one exists or another link was pasted).
   */
  private async checkFields(db: DbOrTx, viewer: MeetingViewer, body: BodyRefRow, input: MeetingFields, current: MeetingRow | null) {
    const startsAt = instantOfInput(input.startsAt, current?.timeZone);
    const endsAt = instantOfInput(input.endsAt, current?.timeZone);
    if (endsAt.getTime() <= startsAt.getTime()) throw unprocessable('meeting_ends_before_start');
    const place = input.place || null;
    if (NEEDS_PLACE.has(input.mode) && !place) throw unprocessable('meeting_place_required');

    const repo = new MeetingsRepository(db);
    let convenedByBodyId = input.convenedByBodyId ?? null;
    if (convenedByBodyId) {
      const convening = (await repo.bodyRefs([convenedByBodyId])).get(convenedByBodyId);
      if (!convening || !this.territories.contains(convening.territoryCode, body.territoryCode)) throw unprocessable('convening_body_invalid');
      convenedByBodyId = convening.id;
    }
    for (const [personId, kept] of [
      [input.chairPersonId, current?.chairPersonId],
      [input.secretaryPersonId, current?.secretaryPersonId],
    ]) {
      // Someone already named stays, even if another writer named them from a wider scope.
      if (!personId || personId === kept) continue;
      if (!(await isPersonReadable(db, personId, viewer.read))) throw unprocessable('person_not_found');
    }
    const convenerId = input.convenedByPersonId ?? null;
    if (convenerId) {
      // The convener may come from the level above, where the caller cannot read: a member of the convening body.
      const readable = await isPersonReadable(db, convenerId, viewer.read);
      const day = localDate(startsAt);
      const isConveningMember = readable === false && convenedByBodyId !== null && (await repo.memberIdsOn([convenedByBodyId], day)).has(convenerId);
      if (!readable && !isConveningMember && convenerId !== current?.convenedByPersonId) throw unprocessable('person_not_found');
    }

    let videoUrl: string | null = null;
    let videoRoom: string | null = null;
    if (NEEDS_VIDEO.has(input.mode)) {
      if (input.videoUrl) videoUrl = input.videoUrl;
      else {
        videoRoom = current?.videoRoom ?? newJitsiRoom();
        videoUrl = jitsiUrl(videoRoom);
      }
    }
    return {
      kind: input.kind,
      title: input.title,
      purpose: input.purpose || null,
      convenedByPersonId: convenerId,
      convenedByBodyId,
      chairPersonId: input.chairPersonId ?? null,
      secretaryPersonId: input.secretaryPersonId ?? null,
      startsAt,
      endsAt,
      mode: input.mode,
      place: NEEDS_PLACE.has(input.mode) ? place : null,
      address: NEEDS_PLACE.has(input.mode) ? input.address || null : null,
      videoUrl,
      videoRoom,
    };
  }

  /** Invited bodies: ones the caller may read, or the bodies above the organizing one. */
  private async checkInvitedBodies(db: DbOrTx, viewer: MeetingViewer, organizer: BodyRefRow, ids: string[], kept: string[] = []): Promise<string[]> {
    const unique = [...new Set(ids)].filter((b) => b !== organizer.id);
    const found = await new MeetingsRepository(db).bodyRefs(unique);
    for (const id of unique) {
      if (kept.includes(id)) continue;
      const b = found.get(id);
      if (!b || (!viewer.read.covers(b.territoryCode) && !this.territories.contains(b.territoryCode, organizer.territoryCode))) throw unprocessable('body_not_found');
    }
    return unique;
  }

  private async checkGuests(db: DbOrTx, viewer: MeetingViewer, ids: string[], kept: string[] = []): Promise<string[]> {
    const unique = [...new Set(ids)];
    for (const id of unique) if (!kept.includes(id) && !(await isPersonReadable(db, id, viewer.read))) throw unprocessable('person_not_found');
    return unique;
  }

  /** Replaces the agenda; an item keeps its id (and its decisions) where its position stays. Whether anything changed. */
  private async replaceAgenda(repo: MeetingsRepository, meetingId: string, before: AgendaItemRow[], agenda: NonNullable<UpdateMeetingInput['agenda']>): Promise<boolean> {
    let isChanged = before.length !== agenda.length;
    const inserts: Array<{ meetingId: string; position: number; title: string; description: string | null }> = [];
    for (const [i, item] of agenda.entries()) {
      const position = i + 1;
      const description = item.description ?? null;
      const existing = before.find((a) => a.position === position);
      if (!existing) inserts.push({ meetingId, position, title: item.title, description });
      else if (existing.title !== item.title || existing.description !== description) {
        await repo.updateAgendaItem(existing.id, { title: item.title, description });
        isChanged = true;
      }
    }
    await repo.deleteAgendaItemsAfter(meetingId, agenda.length);
    await repo.insertAgendaItems(inserts);
    return isChanged;
  }
}

export function canApproveMinutes(meeting: MeetingRow, viewer: MeetingViewer): boolean {
  return viewer.isAdmin || (viewer.personId !== null && viewer.personId === meeting.chairPersonId);
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
