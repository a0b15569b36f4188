import { sql } from 'drizzle-orm';
import { bigserial, date, index, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { people } from '../people/people.tables';
import { territories } from '../territory/territory.tables';

export const bodies = pgTable(
  'bodies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    sector: text('sector'),
    territoryCode: text('territory_code')
      .notNull()
      .references(() => territories.code),
    parentId: uuid('parent_id').references((): AnyPgColumn => bodies.id),
    nameAr: text('name_ar').notNull(),
    nameFr: text('name_fr').notNull(),
    status: text('status', { enum: ['preparatory', 'constituted', 'dissolved'] }).notNull(),
    statusSince: date('status_since', { mode: 'string' }).notNull(),
    predecessorId: uuid('predecessor_id').references((): AnyPgColumn => bodies.id),
    successorId: uuid('successor_id').references((): AnyPgColumn => bodies.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('bodies_territory_idx').on(t.territoryCode),
    index('bodies_parent_idx').on(t.parentId),
    // The database keeps the rule too, so two concurrent requests cannot both create one.
    uniqueIndex('bodies_one_active_local_secretariat')
      .on(t.territoryCode)
      .where(sql`kind = 'local_secretariat' and status <> 'dissolved'`),
  ],
);

/** A body's history: creation, each status change with its date, renaming, succession. */
export const bodyEvents = pgTable(
  'body_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    at: date('at', { mode: 'string' }).notNull(),
    type: text('type', { enum: ['created', 'status_changed', 'renamed', 'constituted_from', 'succeeded_by'] }).notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    note: text('note'),
    relatedBodyId: uuid('related_body_id'),
    userId: uuid('user_id'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('body_events_body_idx').on(t.bodyId)],
);

/** A person holding a position in a body over a period. An open mandate has no end date. */
export const mandates = pgTable(
  'mandates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    position: text('position').notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('mandates_body_idx').on(t.bodyId), index('mandates_person_idx').on(t.personId)],
);
