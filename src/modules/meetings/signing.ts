import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/database';
import { InvitationsRepository } from './invitations.repository';

/**
 * Links that act without a session (answering an invitation) carry a token signed with HMAC-SHA256
 * under one key per instance. The key is created at first use and kept in the settings table, so every
 * server process on the same database signs and verifies alike.
 */
export const SIGNING_KEY_SETTING = 'signing_key';

export type SignedPurpose = 'rsvp';
export interface RsvpClaims {
  purpose: 'rsvp';
  invitationId: string;
}
type Claims = RsvpClaims;

const encode = (b: Buffer | string) => Buffer.from(b).toString('base64url');
const mac = (key: Buffer, body: string) => createHmac('sha256', key).update(body).digest();

/** `payload.signature`, both base64url: short enough for a link in an e-mail. */
export function signClaims(key: Buffer, claims: Claims): string {
  // Short field names keep the link short; the purpose is signed so a token made for one use cannot serve another.
  const body = encode(JSON.stringify({ p: claims.purpose, i: claims.invitationId }));
  return `${body}.${encode(mac(key, body))}`;
}

/** The claims of a token signed with `key` for `purpose`, or null when it is malformed, tampered or for another use. */
export function verifyClaims(key: Buffer, token: string, purpose: SignedPurpose): Claims | null {
  const [body, signature, ...rest] = token.split('.');
  if (!body || !signature || rest.length > 0) return null;
  const expected = mac(key, body);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const { p, i } = (value ?? {}) as { p?: unknown; i?: unknown };
  if (p !== purpose || typeof i !== 'string') return null;
  return { purpose, invitationId: i };
}

/** The instance's signing key, read once per process. */
export class SigningKey {
  private key: Promise<Buffer> | null = null;

  constructor(private readonly db: Db) {}

  get(): Promise<Buffer> {
    this.key ??= this.load().catch((err: unknown) => {
      this.key = null;
      throw err;
    });
    return this.key;
  }

  private async load(): Promise<Buffer> {
    // Two processes starting together may both propose a key: the first insert wins and both read it back.
    const value = await new InvitationsRepository(this.db).claimSetting(SIGNING_KEY_SETTING, randomBytes(32).toString('base64url'));
    return Buffer.from(value, 'base64url');
  }

  async sign(claims: Claims): Promise<string> {
    return signClaims(await this.get(), claims);
  }

  async verify(token: string, purpose: SignedPurpose): Promise<Claims | null> {
    return verifyClaims(await this.get(), token, purpose);
  }
}
