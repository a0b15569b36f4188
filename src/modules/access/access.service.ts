import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Db } from '../../db/database';
import { todayInMorocco } from '../../lib/dates';
import type { Mailer } from '../../lib/mailer';
import { AppError, conflict, notFound, unprocessable } from '../../server/errors';
import type { Locale } from '../../server/locale';
import type { TerritoryService } from '../territory/territory.service';
import { accountMails } from './access.mail';
import { AccessRepository, type GrantRow, type UserRow } from './access.repository';
import type { Grant, User, UserDetail } from './access.schema';
import { recordAudit, type Actor } from './audit';
import { loadAccessRights, MANDATE_GRANTS_SETTING, primaryGrant, type AccessRights } from './grants';
import type { Role } from './roles';

export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
export const INVITATION_DAYS = 7;
export const RESET_MINUTES = 60;
/** Sign-in limits: failures within the window, per account and per address. */
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 20;
const SETUP_TOKEN_KEY = 'setup_token_hash';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

// A hash computed once so that an unknown e-mail costs as much time as a wrong password.
let dummyHash: Promise<string> | undefined;

export interface SessionUser extends User {
  sessionTokenHash: string;
  personId: string | null;
  rights: AccessRights;
}

/** What the audit keeps of a user: never the password hash. */
const auditUser = (u: UserRow) => ({ id: u.id, email: u.email, name: u.name, personId: u.personId, isActive: u.isActive });
const toGrant = (g: GrantRow): Grant => ({ id: g.id, role: g.role, scopeCode: g.scopeCode, startsOn: g.startsOn, endsOn: g.endsOn });

export class AccessService {
  /** Where links in e-mails point; set once the server knows its address. */
  publicUrl = process.env.TANZIM_PUBLIC_URL ?? 'http://127.0.0.1:8080';

  constructor(
    private readonly db: Db,
    private readonly territories: TerritoryService,
    private readonly mailer: Mailer,
  ) {}

  private repo() {
    return new AccessRepository(this.db);
  }

  hashPassword(password: string): Promise<string> {
    return hash(password);
  }

  async isMandateGrantsEnabled(): Promise<boolean> {
    return (await this.repo().getSetting<boolean>(MANDATE_GRANTS_SETTING)) ?? true;
  }

  async setMandateGrantsEnabled(actor: Actor, enabled: boolean) {
    const before = await this.isMandateGrantsEnabled();
    await this.db.transaction(async (tx) => {
      await new AccessRepository(tx).setSetting(MANDATE_GRANTS_SETTING, enabled);
      await recordAudit(tx, actor, { action: 'update', resource: 'setting', resourceId: MANDATE_GRANTS_SETTING, before, after: enabled });
    });
  }

  async rightsOf(user: { id: string; personId: string | null }): Promise<AccessRights> {
    return loadAccessRights(this.db, user, todayInMorocco(), {
      isMandateGrantsEnabled: await this.isMandateGrantsEnabled(),
      tree: this.territories,
    });
  }

  private async describe(row: UserRow, rights?: AccessRights): Promise<User> {
    const r = rights ?? (await this.rightsOf(row));
    const primary = primaryGrant(r);
    return { id: row.id, email: row.email, name: row.name, role: primary?.role ?? null, scopeCode: primary?.scopeCode ?? null, isActive: row.isActive };
  }

  private assertScopeCode(code: string) {
    if (!this.territories.get(code)) throw unprocessable('territory_not_found', { code });
  }

  /** Adds a user with a password and a first grant (command line, demo, set-up). */
  async createUser(
    actor: Actor,
    input: { email: string; name: string; password: string; role?: Role | undefined; scopeCode?: string | null; personId?: string | null },
  ): Promise<User> {
    const scopeCode = input.scopeCode ?? 'MA';
    this.assertScopeCode(scopeCode);
    const role = input.role;
    const passwordHash = await this.hashPassword(input.password);
    const row = await this.db.transaction(async (tx) => {
      const repo = new AccessRepository(tx);
      if (await repo.findUserByEmail(input.email)) throw conflict('email_taken');
      const created = await repo.insertUser({ email: input.email, name: input.name, passwordHash, personId: input.personId ?? null });
      await recordAudit(tx, actor, { action: 'create', resource: 'user', resourceId: created.id, after: auditUser(created) });
      // Without a role the user's rights come from their mandates only.
      if (role) {
        const grant = await repo.insertGrant({ userId: created.id, role, scopeCode, startsOn: todayInMorocco(), createdBy: actor.userId });
        await recordAudit(tx, actor, { action: 'create', resource: 'grant', resourceId: grant.id, territoryCode: scopeCode, after: toGrant(grant) });
      }
      return created;
    });
    return this.describe(row);
  }

  async grant(actor: Actor, input: { userId?: string; email?: string; role: Role; scopeCode: string; startsOn?: string | undefined; endsOn?: string | null | undefined }): Promise<Grant> {
    this.assertScopeCode(input.scopeCode);
    const startsOn = input.startsOn ?? todayInMorocco();
    if (input.endsOn && input.endsOn < startsOn) throw unprocessable('end_before_start');
    return this.db.transaction(async (tx) => {
      const repo = new AccessRepository(tx);
      const user = input.userId ? await repo.findUserById(input.userId) : input.email ? await repo.findUserByEmail(input.email) : undefined;
      if (!user) throw notFound('user_not_found');
      const row = await repo.insertGrant({ userId: user.id, role: input.role, scopeCode: input.scopeCode, startsOn, endsOn: input.endsOn ?? null, createdBy: actor.userId });
      await recordAudit(tx, actor, { action: 'create', resource: 'grant', resourceId: row.id, territoryCode: input.scopeCode, after: toGrant(row) });
      return toGrant(row);
    });
  }

  async endGrant(actor: Actor, grantId: string, endsOn: string = todayInMorocco()): Promise<Grant> {
    return this.db.transaction(async (tx) => {
      const repo = new AccessRepository(tx);
      const current = await repo.findGrant(grantId);
      if (!current) throw notFound('grant_not_found');
      if (endsOn < current.startsOn) throw unprocessable('end_before_start');
      const row = await repo.endGrant(grantId, endsOn);
      await recordAudit(tx, actor, { action: 'update', resource: 'grant', resourceId: grantId, territoryCode: current.scopeCode, before: toGrant(current), after: toGrant(row) });
      return toGrant(row);
    });
  }

  async listUsers(): Promise<User[]> {
    const rows = await this.repo().listUsers();
    return Promise.all(rows.map((r) => this.describe(r)));
  }

  async getUser(id: string): Promise<UserDetail> {
    const repo = this.repo();
    const row = await repo.findUserById(id);
    if (!row) throw notFound('user_not_found');
    const rights = await this.rightsOf(row);
    return {
      ...(await this.describe(row, rights)),
      personId: row.personId,
      grants: (await repo.grantsOf(id)).map(toGrant),
      effectiveGrants: rights.grants.map((g) => ({ role: g.role, scopeCode: g.scopeCode, source: g.source, endsOn: g.endsOn })),
    };
  }

  /** Creates the account without a password and e-mails a one-time link to set it. */
  async invite(actor: Actor, locale: Locale, input: { email: string; name: string; role: Role; scopeCode: string; personId?: string | null | undefined }) {
    this.assertScopeCode(input.scopeCode);
    const token = newToken();
    const user = await this.db.transaction(async (tx) => {
      const repo = new AccessRepository(tx);
      if (await repo.findUserByEmail(input.email)) throw conflict('email_taken');
      const created = await repo.insertUser({ email: input.email, name: input.name, passwordHash: null, personId: input.personId ?? null });
      await recordAudit(tx, actor, { action: 'invite', resource: 'user', resourceId: created.id, after: auditUser(created) });
      const grant = await repo.insertGrant({ userId: created.id, role: input.role, scopeCode: input.scopeCode, startsOn: todayInMorocco(), createdBy: actor.userId });
      await recordAudit(tx, actor, { action: 'create', resource: 'grant', resourceId: grant.id, territoryCode: input.scopeCode, after: toGrant(grant) });
      await repo.insertToken({ tokenHash: sha256(token), purpose: 'invitation', userId: created.id, expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000) });
      return created;
    });
    const link = `${this.publicUrl}/invitation?token=${token}`;
    const mail = accountMails.invitation(locale, { name: input.name, link, days: INVITATION_DAYS });
    const isEmailSent = await this.mailer.send({ to: input.email, ...mail });
    return { user: await this.describe(user), isEmailSent, link };
  }

  async acceptInvitation(input: { token: string; password: string }): Promise<{ user: User; token: string }> {
    const passwordHash = await this.hashPassword(input.password);
    const user = await this.db.transaction(async (tx) => {
      const repo = new AccessRepository(tx);
      const used = await repo.consumeToken(sha256(input.token), 'invitation', new Date());
      if (!used) throw new AppError(400, 'link_invalid');
      const before = await repo.findUserById(used.userId);
      if (!before?.isActive) throw new AppError(400, 'link_invalid');
      const row = await repo.updateUser(used.userId, { passwordHash });
      await recordAudit(tx, { userId: row.id, ip: null }, { action: 'accept_invitation', resource: 'user', resourceId: row.id, before: auditUser(before), after: auditUser(row) });
      return row;
    });
    return { user: await this.describe(user), token: await this.openSession(user.id) };
  }

  /** Always answers the same, whether the address is known or not. */
  async requestPasswordReset(locale: Locale, email: string): Promise<void> {
    const repo = this.repo();
    const user = await repo.findUserByEmail(email);
    if (!user?.isActive || !user.passwordHash) return;
    const token = newToken();
    await repo.insertToken({ tokenHash: sha256(token), purpose: 'password_reset', userId: user.id, expiresAt: new Date(Date.now() + RESET_MINUTES * 60_000) });
    const link = `${this.publicUrl}/reset-password?token=${token}`;
    await this.mailer.send({ to: user.email, ...accountMails.passwordReset(locale, { name: user.name, link, minutes: RESET_MINUTES }) });
  }

  /** Sets the new password and ends every session of the account. */
  async completePasswordReset(ip: string | null, input: { token: string; password: string }): Promise<void> {
    const passwordHash = await this.hashPassword(input.password);
    await this.db.transaction(async (tx) => {
      const repo = new AccessRepository(tx);
      const used = await repo.consumeToken(sha256(input.token), 'password_reset', new Date());
      if (!used) throw new AppError(400, 'link_invalid');
      const row = await repo.updateUser(used.userId, { passwordHash });
      await repo.deleteSessionsOf(row.id);
      await recordAudit(tx, { userId: row.id, ip }, { action: 'reset_password', resource: 'user', resourceId: row.id });
    });
  }

  /** Deactivation takes effect at once: the user's sessions are deleted in the same transaction. */
  async setActive(actor: Actor, userId: string, isActive: boolean): Promise<User> {
    const row = await this.db.transaction(async (tx) => {
      const repo = new AccessRepository(tx);
      const before = await repo.findUserById(userId);
      if (!before) throw notFound('user_not_found');
      if (!isActive && userId === actor.userId) throw unprocessable('cannot_deactivate_self');
      const after = await repo.updateUser(userId, { isActive });
      if (!isActive) await repo.deleteSessionsOf(userId);
      await recordAudit(tx, actor, { action: isActive ? 'activate' : 'deactivate', resource: 'user', resourceId: userId, before: auditUser(before), after: auditUser(after) });
      return after;
    });
    return this.describe(row);
  }

  private async openSession(userId: string): Promise<string> {
    const token = newToken();
    await this.repo().insertSession({ tokenHash: sha256(token), userId, expiresAt: new Date(Date.now() + SESSION_ABSOLUTE_MS) });
    return token;
  }

  /** Checks the limits, then the password; opens a new session (a new token at every sign-in). */
  async login(email: string, password: string, ip: string | null): Promise<{ user: User; token: string }> {
    const repo = this.repo();
    const normalized = email.trim().toLowerCase();
    const emailHash = sha256(normalized);
    const since = new Date(Date.now() - SIGN_IN_WINDOW_MS);
    for (const [by, max] of [[{ emailHash }, MAX_FAILURES_PER_ACCOUNT], ...(ip ? [[{ ip }, MAX_FAILURES_PER_IP]] : [])] as Array<[{ emailHash: string } | { ip: string }, number]>) {
      const { count, oldest } = await repo.recentFailures(by, since);
      if (count >= max) {
        const seconds = Math.max(1, Math.ceil(((oldest?.getTime() ?? Date.now()) + SIGN_IN_WINDOW_MS - Date.now()) / 1000));
        throw new AppError(429, 'too_many_attempts', { seconds });
      }
    }
    const row = await repo.findUserByEmail(normalized);
    let isValid = false;
    if (row?.isActive && row.passwordHash) {
      isValid = await verify(row.passwordHash, password).catch(() => false);
    } else {
      dummyHash ??= hash('not-a-real-password');
      await verify(await dummyHash, password).catch(() => false);
    }
    await repo.recordSignInAttempt({ emailHash, ip, isSuccess: isValid });
    if (!isValid || !row) throw new AppError(401, 'invalid_credentials');
    return { user: await this.describe(row), token: await this.openSession(row.id) };
  }

  async logout(token: string) {
    await this.repo().deleteSession(sha256(token));
  }

  /** The signed-in user of a session token with today's rights, or null when unknown, expired, idle too long or deactivated. */
  async resolveSession(token: string): Promise<SessionUser | null> {
    const tokenHash = sha256(token);
    const repo = this.repo();
    const found = await repo.findSession(tokenHash);
    if (!found) return null;
    const now = Date.now();
    const { session, user } = found;
    if (!user.isActive || session.expiresAt.getTime() <= now || now - session.lastSeenAt.getTime() > SESSION_IDLE_MS) {
      await repo.deleteSession(tokenHash);
      return null;
    }
    // Refresh the idle clock at most once a minute, not on every request.
    if (now - session.lastSeenAt.getTime() > 60_000) await repo.touchSession(tokenHash, new Date(now));
    const rights = await this.rightsOf(user);
    return { ...(await this.describe(user, rights)), sessionTokenHash: tokenHash, personId: user.personId, rights };
  }

  async isSetupNeeded(): Promise<boolean> {
    return (await this.repo().countUsers()) === 0;
  }

  /** Makes a one-time setup link token for an empty instance; only its hash is stored. */
  async issueSetupToken(): Promise<string | null> {
    if (!(await this.isSetupNeeded())) return null;
    const token = newToken();
    await this.repo().setSetting(SETUP_TOKEN_KEY, sha256(token));
    return token;
  }

  async completeSetup(actorIp: string | null, input: { token: string; email: string; name: string; password: string }) {
    const repo = this.repo();
    if (!(await this.isSetupNeeded())) throw new AppError(409, 'setup_not_needed');
    const stored = await repo.getSetting<string>(SETUP_TOKEN_KEY);
    const given = Buffer.from(sha256(input.token));
    if (!stored || !timingSafeEqual(Buffer.from(stored), given)) throw new AppError(403, 'setup_token_invalid');
    await repo.deleteSetting(SETUP_TOKEN_KEY);
    await this.createUser({ userId: null, ip: actorIp }, { ...input, role: 'admin', scopeCode: 'MA' });
    return this.login(input.email, input.password, actorIp);
  }
}
