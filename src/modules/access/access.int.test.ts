import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createTestPlatform, type TestPlatform } from '../../../test/support/platform';

let platform: TestPlatform;

beforeAll(async () => {
  platform = await createTestPlatform({ demo: true });
});
afterAll(() => platform?.close());

const newCommittee = { kind: 'preparatory_committee', territoryCode: '034510501', nameAr: 'اللجنة التحضيرية', nameFr: 'Comité préparatoire', statusDate: '2020-06-01' };

describe('sign-in and sessions', () => {
  it('signs in, tells who is signed in, and signs out', async () => {
    const api = new ApiClient(platform.app);
    expect((await api.get('/api/auth/me')).statusCode).toBe(401);
    await api.signIn('amimi@demo.tanzim.ma');
    const me = (await api.get('/api/auth/me')).json();
    expect(me.user).toMatchObject({ email: 'amimi@demo.tanzim.ma', role: 'officer', scopeCode: '03451' });
    expect(me.user).not.toHaveProperty('passwordHash');
    expect((await api.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await api.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('sets an HTTP-only session cookie and gives a new token at each sign-in', async () => {
    const first = await platform.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'x-tanzim-csrf': '1' }, payload: { email: 'amimi@demo.tanzim.ma', password: 'tanzim-demo-2020' } });
    const second = await platform.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'x-tanzim-csrf': '1' }, payload: { email: 'amimi@demo.tanzim.ma', password: 'tanzim-demo-2020' } });
    const c1 = first.cookies.find((c) => c.name === 'tanzim_session');
    const c2 = second.cookies.find((c) => c.name === 'tanzim_session');
    expect(c1?.httpOnly).toBe(true);
    expect(c1?.sameSite).toBe('Lax');
    expect(c1?.value).not.toBe(c2?.value);
  });

  it('refuses a wrong password with the same message as an unknown account', async () => {
    const api = new ApiClient(platform.app, 'fr');
    const wrong = await api.post('/api/auth/login', { email: 'amimi@demo.tanzim.ma', password: 'not-the-password' });
    const unknown = await api.post('/api/auth/login', { email: 'nobody@demo.tanzim.ma', password: 'not-the-password' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.message).toBe('Adresse e-mail ou mot de passe incorrect.');
  });

  it('marks the cookie Secure when the platform is served over HTTPS', async () => {
    const previous = process.env.TANZIM_PUBLIC_URL;
    process.env.TANZIM_PUBLIC_URL = 'https://tanzim.example.ma';
    try {
      const res = await platform.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'x-tanzim-csrf': '1' }, payload: { email: 'amimi@demo.tanzim.ma', password: 'tanzim-demo-2020' } });
      expect(res.cookies.find((c) => c.name === 'tanzim_session')?.secure).toBe(true);
    } finally {
      if (previous === undefined) delete process.env.TANZIM_PUBLIC_URL;
      else process.env.TANZIM_PUBLIC_URL = previous;
    }
  });

  it('ends a session idle for more than two hours, and any session after twelve', async () => {
    const { sql } = await import('drizzle-orm');
    const idle = await new ApiClient(platform.app).signIn('amimi@demo.tanzim.ma');
    await platform.database.db.execute(sql`update sessions set last_seen_at = now() - interval '3 hours'`);
    expect((await idle.get('/api/auth/me')).statusCode).toBe(401);
    const old = await new ApiClient(platform.app).signIn('amimi@demo.tanzim.ma');
    expect((await old.get('/api/auth/me')).statusCode).toBe(200);
    await platform.database.db.execute(sql`update sessions set expires_at = now() - interval '1 second'`);
    expect((await old.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('stores passwords as argon2id hashes', async () => {
    const row = await platform.database.db.query.users.findFirst();
    expect(row?.passwordHash?.startsWith('$argon2id$')).toBe(true);
  });
});

describe('writes', () => {
  it('need a signed-in user', async () => {
    const res = await new ApiClient(platform.app).post('/api/bodies', newCommittee);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
  });

  it('need the CSRF header even with a valid session', async () => {
    const login = await platform.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'x-tanzim-csrf': '1' }, payload: { email: 'admin@demo.tanzim.ma', password: 'tanzim-demo-2020' } });
    const cookie = `tanzim_session=${login.cookies.find((c) => c.name === 'tanzim_session')?.value}`;
    const res = await platform.app.inject({ method: 'POST', url: '/api/bodies', headers: { cookie, 'content-type': 'application/json' }, payload: newCommittee });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_header_missing');
  });

  it('are refused to a reader', async () => {
    await platform.services.access.createUser({ userId: null, ip: null }, { email: 'reader@example.ma', name: 'Reader', password: 'reader-password-1', role: 'reader', scopeCode: '03451' });
    const api = await new ApiClient(platform.app).signIn('reader@example.ma', 'reader-password-1');
    const res = await api.post('/api/bodies', newCommittee);
    expect(res.statusCode).toBe(403);
  });

  it('are audited with who, from where, before and after', async () => {
    const api = await new ApiClient(platform.app).signIn('admin@demo.tanzim.ma');
    const created = (await api.post('/api/bodies', { ...newCommittee, territoryCode: '034510503' })).json();
    await api.patch(`/api/bodies/${created.id}`, { nameFr: 'Comité préparatoire renommé' });
    const rows = await platform.database.db.query.auditLog.findMany({ where: (a, { eq }) => eq(a.resourceId, created.id), orderBy: (a, { asc }) => asc(a.id) });
    expect(rows.map((r) => r.action)).toEqual(['create', 'update']);
    expect(rows[1]?.userId).toBeTruthy();
    expect(rows[1]?.ip).toBeTruthy();
    expect((rows[1]?.before as { nameFr: string }).nameFr).toBe('Comité préparatoire');
    expect((rows[1]?.after as { nameFr: string }).nameFr).toBe('Comité préparatoire renommé');
  });
});

describe('bad input', () => {
  let api: ApiClient;
  beforeAll(async () => {
    api = await new ApiClient(platform.app, 'ar').signIn('admin@demo.tanzim.ma');
  });
  const countBodies = async () => (await api.get('/api/bodies?limit=1&includeDissolved=true')).json().total as number;

  it('malformed JSON gets 400 malformed_json and writes nothing', async () => {
    const before = await countBodies();
    const res = await platform.app.inject({
      method: 'POST',
      url: '/api/bodies',
      headers: { 'content-type': 'application/json', 'x-tanzim-csrf': '1', cookie: (await loginCookie()) },
      payload: '{"kind": "preparatory_committee",',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('malformed_json');
    expect(res.json().error.message).toMatch(/[\u0600-\u06FF]/);
    expect(await countBodies()).toBe(before);
  });

  it('unknown fields and wrong types get 400 invalid_request naming the field', async () => {
    const unknownField = await api.post('/api/bodies', { ...newCommittee, color: 'blue' });
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json().error.code).toBe('invalid_request');
    const wrongType = await api.post('/api/bodies', { ...newCommittee, nameAr: 42 });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error.message).toContain('nameAr');
    const badDate = await api.post('/api/bodies', { ...newCommittee, statusDate: '2020-02-31' });
    expect(badDate.statusCode).toBe(400);
  });

  it('an oversize body gets 413', async () => {
    const res = await api.post('/api/bodies', { ...newCommittee, nameAr: 'ا'.repeat(400_000) });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
  });

  it('an unknown route gets 404 in the error shape, never a stack trace', async () => {
    const res = await api.get('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('route_not_found');
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
  });

  async function loginCookie() {
    const res = await platform.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'x-tanzim-csrf': '1' }, payload: { email: 'admin@demo.tanzim.ma', password: 'tanzim-demo-2020' } });
    const c = res.cookies.find((x) => x.name === 'tanzim_session');
    return `tanzim_session=${c?.value}`;
  }
});

describe('validation messages', () => {
  it('come in the language asked, naming what was sent', async () => {
    const fr = await new ApiClient(platform.app, 'fr').signIn('admin@demo.tanzim.ma');
    const res = await fr.post('/api/bodies', { ...newCommittee, nameAr: 42 });
    expect(res.json().error.message).toContain('body.nameAr');
    expect(res.json().error.message).toMatch(/Entrée invalide/);
    expect(res.json().error.message).not.toContain('indéfini');
    const ar = await new ApiClient(platform.app, 'ar').signIn('admin@demo.tanzim.ma');
    const unknown = await ar.post('/api/bodies', { ...newCommittee, color: 'blue' });
    expect(unknown.json().error.message).toContain('"color"');
    expect(unknown.json().error.message).toMatch(/[\u0600-\u06FF]/);
  });
});
