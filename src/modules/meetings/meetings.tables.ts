import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../access/access.tables';
import { bodies } from '../bodies/bodies.tables';
import { people } from '../people/people.tables';
import { territories } from '../territory/territory.tables';

export const MEETING_KINDS = ['internal', 'outreach', 'general_assembly'] as const;
export const MEETING_MODES = ['in_person', 'remote', 'hybrid'] as const;
export const MEETING_STATUSES = ['scheduled', 'cancelled'] as const;
export const RSVP_ANSWERS = ['yes', 'no', 'maybe'] as const;
export const PRESENCES = ['in_person', 'remote', 'excused', 'absent'] as const;
export const MINUTES_STATUSES = ['draft', 'approved'] as const;
export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'dropped'] as const;

/**
 * A meeting organized by a body, on that body's territory (copied here so lists filter by scope in one
 * index). Times are instants; `timeZone` says how they are shown and written into calendar files.
 * `sequence` is the iCalendar SEQUENCE: it grows with every change sent to the invited.
 */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    territoryCode: text('territory_code')
      .notNull()
      .references(() => territories.code),
    kind: text('kind', { enum: MEETING_KINDS }).notNull(),
    title: text('title').notNull(),
    purpose: text('purpose'),
    convenedByPersonId: uuid('convened_by_person_id').references(() => people.id),
    convenedByBodyId: uuid('convened_by_body_id').references(() => bodies.id),
    chairPersonId: uuid('chair_person_id').references(() => people.id),
    secretaryPersonId: uuid('secretary_person_id').references(() => people.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    timeZone: text('time_zone').notNull().default('Africa/Casablanca'),
    mode: text('mode', { enum: MEETING_MODES }).notNull(),
    place: text('place'),
    address: text('address'),
    /** The video conference link: a Jitsi room made by Tanzim (`videoRoom` set) or any link pasted. */
    videoUrl: text('video_url'),
    videoRoom: text('video_room'),
    status: text('status', { enum: MEETING_STATUSES }).notNull().default('scheduled'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    sequence: integer('sequence').notNull().default(0),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('meetings_territory_starts_idx').on(t.territoryCode, t.startsAt), index('meetings_body_idx').on(t.bodyId), index('meetings_starts_idx').on(t.startsAt)],
);

/** Agenda items in order. */
export const meetingAgendaItems = pgTable(
  'meeting_agenda_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    description: text('description'),
  },
  (t) => [uniqueIndex('meeting_agenda_items_position').on(t.meetingId, t.position)],
);

/** Bodies whose members are invited besides the organizing body's. */
export const meetingInvitedBodies = pgTable(
  'meeting_invited_bodies',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.bodyId] })],
);

/**
 * One invited person: a member of an invited body (`viaBodyId`) or a named guest. `sentSequence` is
 * the meeting sequence last sent to them; `rsvp` their answer through the signed link.
 */
export const meetingInvitations = pgTable(
  'meeting_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    isGuest: boolean('is_guest').notNull().default(false),
    viaBodyId: uuid('via_body_id').references(() => bodies.id),
    rsvp: text('rsvp', { enum: RSVP_ANSWERS }),
    rsvpAt: timestamp('rsvp_at', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    sentSequence: integer('sent_sequence'),
    /** Set when the person is no longer invited (left the body, withdrew consent); they get a cancellation. */
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('meeting_invitations_person').on(t.meetingId, t.personId), index('meeting_invitations_person_idx').on(t.personId)],
);

/** Who attended and how; guests are kept apart from the quorum. `title` is how the minutes name them. */
export const meetingAttendance = pgTable(
  'meeting_attendance',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    presence: text('presence', { enum: PRESENCES }).notNull(),
    isGuest: boolean('is_guest').notNull().default(false),
    title: text('title'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.personId] })],
);

/**
 * Versions of a meeting's minutes. The secretary drafts (one open draft at most), the chair approves;
 * an approved version is never changed — a change after approval is a new version.
 * `content`: per agenda item, the speakers with a summary of what they said, and the decisions' text.
 */
export const meetingMinutes = pgTable(
  'meeting_minutes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    status: text('status', { enum: MINUTES_STATUSES }).notNull().default('draft'),
    content: jsonb('content').notNull(),
    draftedBy: uuid('drafted_by').references(() => users.id),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('meeting_minutes_version').on(t.meetingId, t.version), uniqueIndex('meeting_minutes_one_draft').on(t.meetingId).where(sql`status = 'draft'`)],
);

/** A decision of a meeting, under an agenda item. */
export const meetingDecisions = pgTable(
  'meeting_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    agendaItemId: uuid('agenda_item_id').references(() => meetingAgendaItems.id, { onDelete: 'set null' }),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    /** Who gave it, when it is a directive of someone ("directives of the regional secretary general"). */
    byPersonId: uuid('by_person_id').references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('meeting_decisions_meeting_idx').on(t.meetingId)],
);

/**
 * An action that follows from a decision: what, owner (a person or a body), due date, status.
 * `territoryCode` is where it rolls up: the owner body's territory, else the meeting's.
 */
export const actions = pgTable(
  'actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id').references(() => meetings.id),
    decisionId: uuid('decision_id').references(() => meetingDecisions.id, { onDelete: 'set null' }),
    territoryCode: text('territory_code')
      .notNull()
      .references(() => territories.code),
    title: text('title').notNull(),
    ownerPersonId: uuid('owner_person_id').references(() => people.id),
    ownerBodyId: uuid('owner_body_id').references(() => bodies.id),
    dueOn: date('due_on', { mode: 'string' }),
    status: text('status', { enum: ACTION_STATUSES }).notNull().default('open'),
    statusNote: text('status_note'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('actions_territory_status_idx').on(t.territoryCode, t.status), index('actions_meeting_idx').on(t.meetingId), index('actions_due_idx').on(t.dueOn)],
);

/** A user's calendar feed (webcal): only the token's hash is kept; a new token replaces the old. */
export const calendarFeeds = pgTable('calendar_feeds', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
