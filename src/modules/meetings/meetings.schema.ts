import { z } from 'zod';
import { isoDate } from '../../server/http';
import { bodyRef, personRef } from '../bodies/bodies.schema';
import { ACTION_STATUSES, MEETING_KINDS, MEETING_MODES, MEETING_STATUSES, MINUTES_STATUSES, PRESENCES, RSVP_ANSWERS } from './meetings.tables';

/**
 * The meetings API. Instants are ISO 8601 with an offset (`2020-05-17T16:00:00+01:00`): a client
 * may send any offset, the server answers in the meeting's time zone (Africa/Casablanca by default).
 */
export const isoInstant = z.iso.datetime({ offset: true });
/**
 * A meeting's start or end as a client sends it: an instant with an offset, or the wall-clock time of
 * the meeting's time zone without one (`2026-12-06T16:00`), which the server converts with its own
 * time-zone data — so a browser with other data about Morocco's clock cannot shift a meeting by an hour.
 */
export const meetingTimeInput = z.iso.datetime({ offset: true, local: true });
export const meetingKind = z.enum(MEETING_KINDS);
export const meetingMode = z.enum(MEETING_MODES);
export const meetingStatus = z.enum(MEETING_STATUSES);
export const rsvpAnswer = z.enum(RSVP_ANSWERS);
export const presence = z.enum(PRESENCES);
export const minutesStatus = z.enum(MINUTES_STATUSES);
export const actionStatus = z.enum(ACTION_STATUSES);
const text = (max: number) => z.string().trim().min(1).max(max);

export const idParams = z.strictObject({ id: z.string().uuid() });

export const agendaItem = z.object({ id: z.string().uuid(), position: z.number().int(), title: z.string(), description: z.string().nullable() }).meta({ id: 'AgendaItem' });
export const agendaItemInput = z.strictObject({ title: text(500), description: z.string().trim().max(5000).nullable().optional() });

export const meeting = z
  .object({
    id: z.string().uuid(),
    bodyId: z.string().uuid(),
    territoryCode: z.string(),
    kind: meetingKind,
    title: z.string(),
    purpose: z.string().nullable(),
    convenedByPersonId: z.string().uuid().nullable(),
    convenedByBodyId: z.string().uuid().nullable(),
    chairPersonId: z.string().uuid().nullable(),
    secretaryPersonId: z.string().uuid().nullable(),
    startsAt: isoInstant,
    endsAt: isoInstant,
    timeZone: z.string(),
    mode: meetingMode,
    place: z.string().nullable(),
    address: z.string().nullable(),
    status: meetingStatus,
    sequence: z.number().int(),
    body: bodyRef,
    /** The video link: only for the invited, the organizing body's officers and administrators; null for anyone else. */
    videoUrl: z.string().nullable(),
  })
  .meta({ id: 'Meeting' });
export type Meeting = z.infer<typeof meeting>;

const meetingFields = {
  bodyId: z.string().uuid(),
  kind: meetingKind,
  title: text(300),
  purpose: z.string().trim().max(5000).nullable().optional(),
  convenedByPersonId: z.string().uuid().nullable().optional(),
  convenedByBodyId: z.string().uuid().nullable().optional(),
  chairPersonId: z.string().uuid().nullable().optional(),
  secretaryPersonId: z.string().uuid().nullable().optional(),
  startsAt: meetingTimeInput,
  endsAt: meetingTimeInput,
  mode: meetingMode,
  place: z.string().trim().max(300).nullable().optional(),
  address: z.string().trim().max(500).nullable().optional(),
  /** Another tool's link pasted; without it a remote or hybrid meeting gets a Jitsi room. */
  videoUrl: z.string().url().max(1000).nullable().optional(),
  agenda: z.array(agendaItemInput).max(50).optional(),
  /** Bodies whose current members are invited, besides the organizing body's. */
  invitedBodyIds: z.array(z.string().uuid()).max(50).optional(),
  /** Named guests. */
  guestPersonIds: z.array(z.string().uuid()).max(500).optional(),
};
export const createMeetingInput = z.strictObject(meetingFields);
export const updateMeetingInput = z.strictObject(meetingFields).omit({ bodyId: true }).partial();

export const meetingListQuery = z.strictObject({
  territory: z.string().optional(),
  body: z.string().uuid().optional(),
  from: isoInstant.optional(),
  to: isoInstant.optional(),
  status: meetingStatus.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const invitation = z
  .object({
    id: z.string().uuid(),
    person: personRef,
    isGuest: z.boolean(),
    viaBodyId: z.string().uuid().nullable(),
    rsvp: rsvpAnswer.nullable(),
    rsvpAt: isoInstant.nullable(),
    sentAt: isoInstant.nullable(),
    sentSequence: z.number().int().nullable(),
    withdrawnAt: isoInstant.nullable(),
    /** Why no e-mail went out, when none did (no e-mail address). */
    hasEmail: z.boolean(),
  })
  .meta({ id: 'Invitation' });

export const attendanceEntry = z
  .object({ person: personRef, presence, isGuest: z.boolean(), title: z.string().nullable() })
  .meta({ id: 'AttendanceEntry' });
export const attendanceInput = z.strictObject({
  entries: z.array(z.strictObject({ personId: z.string().uuid(), presence, isGuest: z.boolean().optional(), title: z.string().trim().max(300).nullable().optional() })).min(1).max(1000),
});
export const quorum = z
  .object({
    /** Current mandates of the organizing body on the meeting's day. */
    members: z.number().int(),
    present: z.number().int(),
    required: z.number().int(),
    isReached: z.boolean(),
  })
  .meta({ id: 'Quorum' });

export const minutesSpeech = z.object({ personId: z.string().uuid().nullable(), speaker: z.string().nullable().optional(), summary: z.string() });
export const minutesItem = z.object({ agendaItemId: z.string().uuid(), speeches: z.array(minutesSpeech), notes: z.string().nullable().optional() });
export const minutesContent = z.object({ items: z.array(minutesItem) });
export const minutesInput = z.strictObject({
  items: z
    .array(
      z.strictObject({
        agendaItemId: z.string().uuid(),
        speeches: z.array(z.strictObject({ personId: z.string().uuid().nullable().optional(), speaker: z.string().trim().max(300).nullable().optional(), summary: text(20_000) })).max(100),
        notes: z.string().trim().max(20_000).nullable().optional(),
      }),
    )
    .max(50),
});
export const minutes = z
  .object({
    id: z.string().uuid(),
    meetingId: z.string().uuid(),
    version: z.number().int(),
    status: minutesStatus,
    content: minutesContent,
    approvedAt: isoInstant.nullable(),
    createdAt: isoInstant,
    updatedAt: isoInstant,
  })
  .meta({ id: 'Minutes' });

export const decision = z
  .object({ id: z.string().uuid(), meetingId: z.string().uuid(), agendaItemId: z.string().uuid().nullable(), position: z.number().int(), text: z.string(), byPersonId: z.string().uuid().nullable() })
  .meta({ id: 'Decision' });
export const decisionInput = z.strictObject({ agendaItemId: z.string().uuid().nullable().optional(), text: text(5000), byPersonId: z.string().uuid().nullable().optional() });

export const action = z
  .object({
    id: z.string().uuid(),
    meetingId: z.string().uuid().nullable(),
    decisionId: z.string().uuid().nullable(),
    territoryCode: z.string(),
    title: z.string(),
    ownerPersonId: z.string().uuid().nullable(),
    ownerBodyId: z.string().uuid().nullable(),
    ownerPerson: personRef.nullable(),
    ownerBody: bodyRef.nullable(),
    dueOn: isoDate.nullable(),
    status: actionStatus,
    statusNote: z.string().nullable(),
    /** Open or in progress past its due date (in Africa/Casablanca). */
    isOverdue: z.boolean(),
    createdAt: isoInstant,
    updatedAt: isoInstant,
  })
  .meta({ id: 'Action' });
export const createActionInput = z.strictObject({
  decisionId: z.string().uuid(),
  title: text(1000),
  ownerPersonId: z.string().uuid().nullable().optional(),
  ownerBodyId: z.string().uuid().nullable().optional(),
  dueOn: isoDate.nullable().optional(),
});
export const updateActionInput = z.strictObject({
  title: text(1000).optional(),
  ownerPersonId: z.string().uuid().nullable().optional(),
  ownerBodyId: z.string().uuid().nullable().optional(),
  dueOn: isoDate.nullable().optional(),
  status: actionStatus.optional(),
  statusNote: z.string().trim().max(5000).nullable().optional(),
});
export const actionListQuery = z.strictObject({
  territory: z.string().optional(),
  status: z.union([actionStatus, z.array(actionStatus)]).optional(),
  isOverdue: z.enum(['true', 'false']).optional(),
  owner: z.string().uuid().optional(),
  meeting: z.string().uuid().optional(),
  sort: z.enum(['dueOn', '-dueOn', 'updatedAt', '-updatedAt', 'status']).default('dueOn'),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});
/** The roll-up board: open actions of a territory's children (provinces of a region…) and by owner. */
export const actionBoard = z
  .object({
    territory: z.object({ code: z.string(), nameAr: z.string(), nameFr: z.string(), level: z.string() }),
    totals: z.object({ open: z.number().int(), inProgress: z.number().int(), done: z.number().int(), dropped: z.number().int(), overdue: z.number().int() }),
    byTerritory: z.array(z.object({ code: z.string(), nameAr: z.string(), nameFr: z.string(), open: z.number().int(), inProgress: z.number().int(), overdue: z.number().int(), done: z.number().int() })),
    byOwner: z.array(z.object({ ownerPerson: personRef.nullable(), ownerBody: bodyRef.nullable(), open: z.number().int(), inProgress: z.number().int(), overdue: z.number().int() })),
  })
  .meta({ id: 'ActionBoard' });

export const meetingDetail = meeting.extend({
  agenda: z.array(agendaItem),
  invitedBodies: z.array(bodyRef),
  convenedByPerson: personRef.nullable(),
  convenedByBody: bodyRef.nullable(),
  chairPerson: personRef.nullable(),
  secretaryPerson: personRef.nullable(),
  /** What the caller may do here. */
  canWrite: z.boolean(),
  canApproveMinutes: z.boolean(),
});

export const updateDecisionInput = decisionInput.partial();
export const attendanceResponse = z.object({ items: z.array(attendanceEntry), quorum }).meta({ id: 'Attendance' });
export const actionBoardQuery = z.strictObject({
  /** Defaults to the caller's territory (the country for a national role or several territories). */
  territory: z.string().optional(),
});
export const actionExportQuery = actionListQuery.omit({ limit: true, offset: true }).extend({
  format: z.enum(['csv', 'xlsx']).default('csv'),
  lang: z.enum(['ar', 'fr', 'en']).optional().describe('language of the headers and values (else Accept-Language)'),
});
