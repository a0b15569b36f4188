import { date, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { territories } from '../territory/territory.tables';

/**
 * Members counted per commune, kept up to date by statement-level triggers on `people` (see the
 * migration commune_counts_triggers): coverage reads 1,503 rows instead of grouping a million people.
 * `youth` depends on the date, so the counts are recomputed once a day (`asOf`).
 */
export const communeCounts = pgTable('commune_counts', {
  communeCode: text('commune_code')
    .primaryKey()
    .references(() => territories.code),
  /** Active people (not erased, not left): members, cadres and sympathizers. */
  people: integer('people').notNull().default(0),
  /** Members and cadres. */
  members: integer('members').notNull().default(0),
  /** Women among the members. */
  women: integer('women').notNull().default(0),
  /** Young members (under the configured age on `asOf`). */
  youth: integer('youth').notNull().default(0),
  asOf: date('as_of', { mode: 'string' }),
});
