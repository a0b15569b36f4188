import { bigserial, boolean, date, index, inet, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { people } from '../people/people.tables';
import { territories } from '../territory/territory.tables';

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  /** Null until an invited user sets a password. */
  passwordHash: text('password_hash'),
  personId: uuid('person_id').references(() => people.id),
  isActive: boolean('is_active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A role on a territory's subtree over a period: `admin` on MA for national administrators, `officer`
 * (read and write) or `reader` on a region, province or commune. Roles implied by mandates are not
 * stored: they are derived while the mandate lasts (see access/grants.ts).
 */
export const grants = pgTable(
  'grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role', { enum: ['admin', 'officer', 'reader'] }).notNull(),
    scopeCode: text('scope_code')
      .notNull()
      .references(() => territories.code),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('grants_user_idx').on(t.userId)],
);

/** One-time links sent by e-mail: an invitation to create an account, or a password reset. Only the token's hash is kept. */
export const userTokens = pgTable(
  'user_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    purpose: text('purpose', { enum: ['invitation', 'password_reset'] }).notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('user_tokens_user_idx').on(t.userId)],
);

/** Sign-in attempts, for the per-account and per-address limits; the e-mail is kept only as a hash. */
export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    emailHash: text('email_hash').notNull(),
    ip: inet('ip'),
    isSuccess: boolean('is_success').notNull(),
  },
  (t) => [index('sign_in_attempts_email_idx').on(t.emailHash, t.at), index('sign_in_attempts_ip_idx').on(t.ip, t.at)],
);

/** Sessions are looked up by the SHA-256 of the cookie token, so a leaked table cannot be replayed. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Append-only record of every write: who, when, from where, what, before and after. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: uuid('user_id'),
    ip: inet('ip'),
    action: text('action').notNull(),
    resource: text('resource').notNull(),
    resourceId: text('resource_id').notNull(),
    /** The territory the written resource belongs to, so officers can read the audit of their territory. */
    territoryCode: text('territory_code'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [index('audit_resource_idx').on(t.resource, t.resourceId), index('audit_at_idx').on(t.at), index('audit_territory_idx').on(t.territoryCode), index('audit_user_idx').on(t.userId)],
);

/** Small instance-wide values: the map data version loaded, the one-time setup token. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
