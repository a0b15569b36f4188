import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signClaims, verifyClaims } from './signing';

describe('signed links', () => {
  const key = randomBytes(32);
  const claims = { purpose: 'rsvp' as const, invitationId: '7c1f3f9e-3f43-4a39-9d8e-2d7c2f1c6f10' };

  it('verifies what it signed', () => {
    expect(verifyClaims(key, signClaims(key, claims), 'rsvp')).toEqual(claims);
  });

  it('refuses a token signed with another key, tampered, truncated or malformed', () => {
    const token = signClaims(key, claims);
    const [body = '', signature = ''] = token.split('.');
    expect(verifyClaims(randomBytes(32), token, 'rsvp')).toBeNull();
    const other = Buffer.from(JSON.stringify({ p: 'rsvp', i: '00000000-0000-4000-8000-000000000000' })).toString('base64url');
    expect(verifyClaims(key, `${other}.${signature}`, 'rsvp')).toBeNull();
    const flipped = signature.slice(0, -2) + (signature.endsWith('AA') ? 'BB' : 'AA');
    expect(verifyClaims(key, `${body}.${flipped}`, 'rsvp')).toBeNull();
    expect(verifyClaims(key, `${body}.${signature.slice(0, 10)}`, 'rsvp')).toBeNull();
    expect(verifyClaims(key, body, 'rsvp')).toBeNull();
    expect(verifyClaims(key, `${token}.x`, 'rsvp')).toBeNull();
    expect(verifyClaims(key, '', 'rsvp')).toBeNull();
  });

  it('keeps a token to the purpose it was signed for', () => {
    const body = Buffer.from(JSON.stringify({ p: 'feed', i: claims.invitationId })).toString('base64url');
    const forged = `${body}.${signClaims(key, claims).split('.')[1]}`;
    expect(verifyClaims(key, forged, 'rsvp')).toBeNull();
  });
});
