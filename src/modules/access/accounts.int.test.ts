import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../demo/demo.seed';
import { ApiClient, createTestPlatform, type TestPlatform } from '../../../test/support/platform';
import { startTestSmtp } from '../../../test/support/smtp';

let platform: TestPlatform;
let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
let admin: ApiClient;
const log: string[] = [];

beforeAll(async () => {
  smtp = await startTestSmtp();
  const logStream = new PassThrough();
  logStream.on('data', (chunk: Buffer) => log.push(chunk.toString('utf8')));
  platform = await createTestPlatform({ demo: true, smtpUrl: smtp.url, logStream });
  platform.services.access.publicUrl = 'http://tanzim.test';
  admin = await new ApiClient(platform.app, 'fr').signIn('admin@demo.tanzim.ma');
});
afterAll(async () => {
  await platform?.close();
  await smtp?.close();
});

/** The one-time link in a received message, as a path with its token. */
function linkIn(text: string | undefined, path: string): string {
  const match = text?.match(new RegExp(`http://tanzim\\.test${path}\\?token=([\\w-]+)`));
  if (!match?.[1]) throw new Error(`no ${path} link in the message`);
  return match[1];
}

describe('invitations', () => {
  it('e-mails a one-time link that creates a working account with the role on the territory', async () => {
    const res = await admin.post('/api/users/invitations', { email: 'nadia@example.ma', name: 'Nadia Berrada', role: 'officer', scopeCode: DEMO.codes.bhalil });
    expect(res.statusCode).toBe(201);
    expect(res.json().isEmailSent).toBe(true);
    const mail = await smtp.waitFor('nadia@example.ma');
    expect(mail.subject).toBe('Invitation à Tanzim');
    const token = linkIn(mail.text, '/invitation');

    // Before accepting, the account cannot sign in.
    expect((await new ApiClient(platform.app).post('/api/auth/login', { email: 'nadia@example.ma', password: 'a-new-password-1' })).statusCode).toBe(401);
    const invited = new ApiClient(platform.app);
    const accepted = await invited.post('/api/invitations/accept', { token, password: 'a-new-password-1' });
    expect(accepted.statusCode).toBe(200);
    const me = (await invited.get('/api/auth/me')).json().user;
    expect(me).toMatchObject({ email: 'nadia@example.ma', role: 'officer', scopeCode: DEMO.codes.bhalil });
    // The link works once.
    expect((await new ApiClient(platform.app).post('/api/invitations/accept', { token, password: 'another-password-2' })).json().error.code).toBe('link_invalid');
    // The new officer sees Bhalil's bodies and nothing of Immouzzer's.
    const bodies = (await invited.get(`/api/bodies?territory=${DEMO.codes.province}`)).json();
    expect(bodies.items.every((b: { territoryCode: string }) => b.territoryCode === DEMO.codes.bhalil)).toBe(true);
    expect(bodies.total).toBe(bodies.items.length);
  });

  it('is for administrators only', async () => {
    const amimi = await new ApiClient(platform.app).signIn('amimi@demo.tanzim.ma');
    expect((await amimi.post('/api/users/invitations', { email: 'x@example.ma', name: 'X', role: 'reader', scopeCode: DEMO.codes.province })).statusCode).toBe(403);
  });
});

describe('password reset', () => {
  it('e-mails a link that sets a new password and ends the old sessions', async () => {
    const old = await new ApiClient(platform.app).signIn('immouzzer@demo.tanzim.ma');
    expect((await old.get('/api/auth/me')).statusCode).toBe(200);
    const res = await new ApiClient(platform.app, 'ar').post('/api/auth/password-reset', { email: 'immouzzer@demo.tanzim.ma' });
    expect(res.statusCode).toBe(202);
    const unknown = await new ApiClient(platform.app).post('/api/auth/password-reset', { email: 'nobody@example.ma' });
    expect(unknown.statusCode).toBe(202);
    const mail = await smtp.waitFor('immouzzer@demo.tanzim.ma');
    expect(mail.subject).toBe('إعادة تعيين كلمة المرور في تنظيم');
    const token = linkIn(mail.text, '/reset-password');
    expect((await new ApiClient(platform.app).post('/api/auth/password-reset/complete', { token, password: 'the-new-password-3' })).statusCode).toBe(204);
    expect((await old.get('/api/auth/me')).statusCode).toBe(401);
    await new ApiClient(platform.app).signIn('immouzzer@demo.tanzim.ma', 'the-new-password-3');
    expect((await new ApiClient(platform.app).post('/api/auth/login', { email: 'immouzzer@demo.tanzim.ma', password: DEMO.password })).statusCode).toBe(401);
  });
});

describe('deactivation', () => {
  it('ends the sessions of the user at once', async () => {
    await platform.services.access.createUser({ userId: null, ip: null }, { email: 'leaving@example.ma', name: 'Leaving', password: 'leaving-password-1', role: 'reader', scopeCode: DEMO.codes.province });
    const leaving = await new ApiClient(platform.app).signIn('leaving@example.ma', 'leaving-password-1');
    expect((await leaving.get('/api/bodies')).statusCode).toBe(200);
    const id = (await admin.get('/api/users')).json().items.find((u: { email: string }) => u.email === 'leaving@example.ma').id;
    const res = await admin.post(`/api/users/${id}/deactivate`);
    expect(res.json()).toMatchObject({ isActive: false });
    expect((await leaving.get('/api/bodies')).statusCode).toBe(401);
    expect((await new ApiClient(platform.app).post('/api/auth/login', { email: 'leaving@example.ma', password: 'leaving-password-1' })).statusCode).toBe(401);
  });
});

describe('rights from mandates', () => {
  it('last as long as the mandate', async () => {
    const committee = (await admin.get(`/api/bodies?territory=${DEMO.codes.birTamTam}&kind=preparatory_committee`)).json().items[0];
    const personId = (await admin.get(`/api/mandates?body=${committee.id}`)).json().items[0].personId;
    await platform.services.access.createUser({ userId: null, ip: null }, { email: 'president@example.ma', name: 'President', password: 'president-password-1', personId });
    const president = await new ApiClient(platform.app).signIn('president@example.ma', 'president-password-1');
    const me = (await president.get('/api/auth/me')).json().user;
    expect(me).toMatchObject({ role: 'officer', scopeCode: DEMO.codes.birTamTam });
    expect(me.grants[0].source).toBe('mandate');
    expect((await president.get('/api/bodies')).json().total).toBeGreaterThan(0);
    const mandate = (await admin.get(`/api/mandates?person=${personId}`)).json().items[0];
    expect((await admin.post(`/api/mandates/${mandate.id}/end`, { endedOn: '2021-01-01' })).statusCode).toBe(200);
    const after = (await president.get('/api/auth/me')).json().user;
    expect(after.role).toBeNull();
    expect((await president.get('/api/bodies')).json().total).toBe(0);
  });
});

describe('sign-in limits', () => {
  it('refuse an account after repeated failures, with a clear message, even with the right password', async () => {
    const api = new ApiClient(platform.app, 'fr');
    for (let i = 0; i < 5; i++) expect((await api.post('/api/auth/login', { email: 'elhajira@demo.tanzim.ma', password: `wrong-${i}` })).statusCode).toBe(401);
    const blocked = await api.post('/api/auth/login', { email: 'elhajira@demo.tanzim.ma', password: DEMO.password });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.message).toMatch(/Trop de tentatives\. Réessayez dans \d+ secondes\./);
  });

  it('refuse an address after repeated failures on many accounts', async () => {
    const headers = { 'x-forwarded-for': '203.0.113.9' };
    let last = 0;
    for (let i = 0; i < 21; i++) {
      const res = await platform.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '203.0.113.9', headers: { 'x-tanzim-csrf': '1', ...headers }, payload: { email: `guess${i}@example.ma`, password: 'wrong-password' } });
      last = res.statusCode;
    }
    expect(last).toBe(429);
  });
});

describe('the audit log', () => {
  it('records every write of the demo with before and after, and keeps personal data from the logs', async () => {
    const created = await admin.post('/api/people', { givenNameAr: 'ليلى', familyNameAr: 'الفاسي', givenNameLatin: 'Leila', familyNameLatin: 'Zerhouni', gender: 'female', birthYear: 1990, communeCode: DEMO.codes.bhalil });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    await admin.patch(`/api/people/${id}`, { birthYear: 1991 });
    const audit = (await admin.get(`/api/audit?resource=person&id=${id}`)).json();
    expect(audit.items.map((r: { action: string }) => r.action)).toEqual(['update', 'create']);
    expect(audit.items[0].before.birthYear).toBe(1990);
    expect(audit.items[0].after.birthYear).toBe(1991);
    expect(audit.items[0].ip).toBeTruthy();

    const text = log.join('');
    expect(text).toContain('"route":"/api/people"');
    for (const secret of ['Zerhouni', 'ليلى', 'nadia@example.ma', 'immouzzer@demo.tanzim.ma', 'leaving-password-1']) expect(text).not.toContain(secret);
  });

  it('shows officers the audit of their territory only', async () => {
    const amimi = await new ApiClient(platform.app).signIn('amimi@demo.tanzim.ma');
    const rows = (await amimi.get('/api/audit?limit=200')).json();
    expect(rows.items.length).toBeGreaterThan(0);
    expect(rows.items.every((r: { territoryCode: string }) => r.territoryCode?.startsWith('03451'))).toBe(true);
    const readerRes = await (async () => {
      await platform.services.access.createUser({ userId: null, ip: null }, { email: 'reader2@example.ma', name: 'R', password: 'reader-password-2', role: 'reader', scopeCode: DEMO.codes.province });
      return (await new ApiClient(platform.app).signIn('reader2@example.ma', 'reader-password-2')).get('/api/audit');
    })();
    expect(readerRes.statusCode).toBe(403);
  });

  it('is append-only in the database itself', async () => {
    const { sql } = await import('drizzle-orm');
    await expect(platform.database.db.execute(sql`update audit_log set action = 'x'`)).rejects.toThrow();
    await expect(platform.database.db.execute(sql`delete from audit_log`)).rejects.toThrow();
  });
});
