import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../access/access.tables';
import { bodies } from '../bodies/bodies.tables';
import { meetings } from '../meetings/meetings.tables';
import { territories } from '../territory/territory.tables';

export const COMMUNIQUE_STATUSES = ['draft', 'published'] as const;

/**
 * A communiqué (بلاغ): for now drafts generated from a meeting's record and edited by hand; publishing
 * them on the public newsroom comes with that module. Arabic first, French beside it.
 */
export const communiques = pgTable(
  'communiques',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id').references(() => meetings.id),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    territoryCode: text('territory_code')
      .notNull()
      .references(() => territories.code),
    status: text('status', { enum: COMMUNIQUE_STATUSES }).notNull().default('draft'),
    titleAr: text('title_ar').notNull(),
    bodyAr: text('body_ar').notNull(),
    titleFr: text('title_fr'),
    bodyFr: text('body_fr'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('communiques_meeting_idx').on(t.meetingId), index('communiques_territory_idx').on(t.territoryCode)],
);
