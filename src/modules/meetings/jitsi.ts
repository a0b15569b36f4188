import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** RFC 4648 base32 in lower case: Jitsi lowercases room names, so case must carry no entropy. */
function base32(bytes: Buffer): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** A room name nobody can guess: 128 random bits. */
export function newJitsiRoom(): string {
  return `Tanzim-${base32(randomBytes(16))}`;
}

/** The room's address on the organization's Jitsi Meet server (JITSI_BASE_URL), or the public one. */
export function jitsiUrl(room: string): string {
  const base = (process.env.JITSI_BASE_URL || 'https://meet.jit.si').replace(/\/+$/, '');
  return `${base}/${room}`;
}

/** Whether the Jitsi server authenticates with tokens (JITSI_APP_ID and JITSI_APP_SECRET set). */
export function isJitsiTokenAuth(): boolean {
  return Boolean(process.env.JITSI_APP_ID && process.env.JITSI_APP_SECRET);
}

/**
 * The room's address for one invited person. Where the organization runs its own Jitsi with token
 * authentication, the link carries a JWT (HS256, the claims of Jitsi's token plugin) for that room and
 * person, valid until `validUntil`; otherwise it is the plain room address.
 */
export async function personalJitsiUrl(room: string, user: { name: string }, validUntil: Date): Promise<string> {
  const url = jitsiUrl(room);
  const appId = process.env.JITSI_APP_ID;
  const secret = process.env.JITSI_APP_SECRET;
  if (!appId || !secret) return url;
  const jwt = await new SignJWT({ room: room.toLowerCase(), context: { user: { name: user.name } } })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setAudience('jitsi')
    .setIssuer(appId)
    .setSubject(new URL(url).hostname)
    .setIssuedAt()
    .setExpirationTime(Math.floor(validUntil.getTime() / 1000))
    .sign(new TextEncoder().encode(secret));
  return `${url}?jwt=${jwt}`;
}
