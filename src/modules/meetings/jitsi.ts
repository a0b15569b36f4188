import { randomBytes } from 'node:crypto';

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
