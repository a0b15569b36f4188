import { sql } from 'drizzle-orm';
import { bigserial, date, index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { territories } from '../territory/territory.tables';

/**
 * A member, cadre or sympathizer. Names are kept in both scripts (Moroccan identity cards carry both);
 * a person may have only one. `searchTokens` holds the normalized name tokens the search matches on.
 */
export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    givenNameAr: text('given_name_ar'),
    familyNameAr: text('family_name_ar'),
    givenNameLatin: text('given_name_latin'),
    familyNameLatin: text('family_name_latin'),
    title: text('title'),
    gender: text('gender', { enum: ['female', 'male'] }).notNull(),
    birthDate: date('birth_date', { mode: 'string' }),
    birthYear: integer('birth_year'),
    cin: text('cin'),
    phones: text('phones').array().notNull().default(sql`'{}'::text[]`),
    email: text('email'),
    communeCode: text('commune_code').references(() => territories.code),
    status: text('status', { enum: ['sympathizer', 'member', 'cadre'] }).notNull().default('member'),
    joinedOn: date('joined_on', { mode: 'string' }),
    leftOn: date('left_on', { mode: 'string' }),
    sectors: text('sectors').array().notNull().default(sql`'{}'::text[]`),
    competences: text('competences').array().notNull().default(sql`'{}'::text[]`),
    notes: text('notes'),
    searchTokens: text('search_tokens').array().notNull().default(sql`'{}'::text[]`),
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('people_commune_idx').on(t.communeCode),
    uniqueIndex('people_cin_unique').on(t.cin).where(sql`cin is not null`),
    index('people_search_tokens_idx').using('gin', t.searchTokens),
    // People named in one script only, whom a query in the other script reaches by phonetic keys alone.
    index('people_arabic_only_search_tokens_idx')
      .using('gin', t.searchTokens)
      .where(sql`${t.givenNameLatin} is null and ${t.familyNameLatin} is null`),
    index('people_latin_only_search_tokens_idx')
      .using('gin', t.searchTokens)
      .where(sql`${t.givenNameAr} is null and ${t.familyNameAr} is null`),
  ],
);

/** Membership fees paid, one row per person and year. */
export const personFees = pgTable(
  'person_fees',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    year: integer('year').notNull(),
    amount: numeric('amount', { precision: 10, scale: 2 }).notNull(),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
  },
  (t) => [uniqueIndex('person_fees_person_year').on(t.personId, t.year)],
);

/** Consent to processing for a purpose, how it was given, and when it was withdrawn (law 09-08). */
export const personConsents = pgTable(
  'person_consents',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    purpose: text('purpose').notNull(),
    channel: text('channel').notNull(),
    givenOn: date('given_on', { mode: 'string' }).notNull(),
    withdrawnOn: date('withdrawn_on', { mode: 'string' }),
  },
  (t) => [index('person_consents_person_idx').on(t.personId)],
);

/**
 * The distinct normalized name tokens of the registry with how many people carry each (about 400,000
 * for a million people, half of them whole double family names): a misspelled query is matched against
 * it first, before the people holding the matched tokens are fetched through the GIN index on
 * `search_tokens`.
 */
export const nameTokens = pgTable(
  'name_tokens',
  {
    token: text('token').primaryKey(),
    people: integer('people').notNull().default(0),
  },
  (t) => [
    // Each token with its one-letter deletions, close letters folded (function name_token_variants,
    // migration 0007): a query word's deletions looked up here find the tokens one or two edits away.
    index('name_tokens_variants_idx').using('gin', sql`name_token_variants(${t.token})`),
    index('name_tokens_prefix_idx').using('btree', sql`${t.token} text_pattern_ops`),
  ],
);
