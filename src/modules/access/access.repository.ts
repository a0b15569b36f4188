import { and, asc, desc, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { grants, sessions, settings, signInAttempts, users, userTokens } from './access.tables';
import type { Role } from './roles';

export type UserRow = typeof users.$inferSelect;
export type GrantRow = typeof grants.$inferSelect;

export class AccessRepository {
  constructor(private readonly db: DbOrTx) {}

  findUserByEmail(email: string) {
    return this.db.query.users.findFirst({ where: eq(users.email, email) });
  }

  findUserById(id: string) {
    return this.db.query.users.findFirst({ where: eq(users.id, id) });
  }

  listUsers() {
    return this.db.select().from(users).orderBy(asc(users.name));
  }

  async countUsers(): Promise<number> {
    const [row] = await this.db.select({ n: sql<number>`count(*)::int` }).from(users);
    return row?.n ?? 0;
  }

  async insertUser(values: { email: string; name: string; passwordHash: string | null; personId?: string | null }): Promise<UserRow> {
    const [row] = await this.db.insert(users).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  }

  async updateUser(id: string, values: Partial<typeof users.$inferInsert>): Promise<UserRow> {
    const [row] = await this.db.update(users).set(values).where(eq(users.id, id)).returning();
    if (!row) throw new Error('update matched no row');
    return row;
  }

  grantsOf(userId: string) {
    return this.db.select().from(grants).where(eq(grants.userId, userId)).orderBy(desc(grants.startsOn));
  }

  findGrant(id: string) {
    return this.db.query.grants.findFirst({ where: eq(grants.id, id) });
  }

  async insertGrant(values: { userId: string; role: Role; scopeCode: string; startsOn: string; endsOn?: string | null; createdBy: string | null }): Promise<GrantRow> {
    const [row] = await this.db.insert(grants).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  }

  async endGrant(id: string, endsOn: string): Promise<GrantRow> {
    const [row] = await this.db.update(grants).set({ endsOn }).where(eq(grants.id, id)).returning();
    if (!row) throw new Error('update matched no row');
    return row;
  }

  async insertSession(values: { tokenHash: string; userId: string; expiresAt: Date }) {
    await this.db.insert(sessions).values(values);
  }

  async findSession(tokenHash: string) {
    const rows = await this.db.select({ session: sessions, user: users }).from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(eq(sessions.tokenHash, tokenHash)).limit(1);
    return rows[0];
  }

  async touchSession(tokenHash: string, at: Date) {
    await this.db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.tokenHash, tokenHash));
  }

  async deleteSession(tokenHash: string) {
    await this.db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
  }

  async deleteSessionsOf(userId: string) {
    await this.db.delete(sessions).where(eq(sessions.userId, userId));
  }

  async deleteExpiredSessions(now: Date) {
    await this.db.delete(sessions).where(lt(sessions.expiresAt, now));
  }

  async insertToken(values: { tokenHash: string; purpose: 'invitation' | 'password_reset'; userId: string; expiresAt: Date }) {
    await this.db.insert(userTokens).values(values);
  }

  /** Takes a one-time token: returns it only if unused and unexpired, and marks it used in the same statement. */
  async consumeToken(tokenHash: string, purpose: 'invitation' | 'password_reset', now: Date) {
    const [row] = await this.db
      .update(userTokens)
      .set({ usedAt: now })
      .where(and(eq(userTokens.tokenHash, tokenHash), eq(userTokens.purpose, purpose), isNull(userTokens.usedAt), gt(userTokens.expiresAt, now)))
      .returning();
    return row;
  }

  async recordSignInAttempt(values: { emailHash: string; ip: string | null; isSuccess: boolean }) {
    await this.db.insert(signInAttempts).values(values);
  }

  /** Failed attempts since `since` and after the last success, for one account or one address. */
  async recentFailures(by: { emailHash: string } | { ip: string }, since: Date): Promise<{ count: number; oldest: Date | null }> {
    const key = 'emailHash' in by ? eq(signInAttempts.emailHash, by.emailHash) : eq(signInAttempts.ip, by.ip);
    const [lastSuccess] = await this.db
      .select({ at: signInAttempts.at })
      .from(signInAttempts)
      .where(and(key, eq(signInAttempts.isSuccess, true), gt(signInAttempts.at, since)))
      .orderBy(desc(signInAttempts.at))
      .limit(1);
    const from = lastSuccess && lastSuccess.at > since ? lastSuccess.at : since;
    const [row] = await this.db
      .select({ n: sql<number>`count(*)::int`, oldest: sql<string | null>`min(${signInAttempts.at})` })
      .from(signInAttempts)
      .where(and(key, eq(signInAttempts.isSuccess, false), gt(signInAttempts.at, from)));
    return { count: row?.n ?? 0, oldest: row?.oldest ? new Date(row.oldest) : null };
  }

  async getSetting<T>(key: string): Promise<T | undefined> {
    const row = await this.db.query.settings.findFirst({ where: eq(settings.key, key) });
    return row?.value as T | undefined;
  }

  async setSetting(key: string, value: unknown) {
    await this.db
      .insert(settings)
      .values({ key, value })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
  }

  async deleteSetting(key: string) {
    await this.db.delete(settings).where(eq(settings.key, key));
  }
}
