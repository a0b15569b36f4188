import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/demo/demo.seed';
import { ApiClient, createTestPlatform, type TestPlatform } from '../support/platform';

/** An officer imports into the communes of their territory only, and their imports are theirs. */

let platform: TestPlatform;
let admin: ApiClient;
let amimi: ApiClient;
let immouzzer: ApiClient;

beforeAll(async () => {
  platform = await createTestPlatform({ demo: true });
  admin = await new ApiClient(platform.app, 'fr').signIn('admin@demo.tanzim.ma');
  amimi = await new ApiClient(platform.app, 'fr').signIn('amimi@demo.tanzim.ma');
  immouzzer = await new ApiClient(platform.app, 'fr').signIn('immouzzer@demo.tanzim.ma');
});
afterAll(() => platform?.close());

async function upload(client: ApiClient, fileName: string, body: string) {
  return platform.app.inject({
    method: 'POST',
    url: `/api/imports?fileName=${encodeURIComponent(fileName)}`,
    headers: { cookie: client['cookie'], 'x-tanzim-csrf': '1', 'content-type': 'text/csv', 'accept-language': 'fr' },
    payload: body,
  });
}

async function settle(client: ApiClient, id: string) {
  for (let i = 0; i < 600; i++) {
    const job = (await client.get(`/api/imports/${id}`)).json();
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

async function withCin(cin: string): Promise<number> {
  const result = (await platform.database.db.execute(sql`select count(*)::int as n from people where cin = ${cin}`)) as unknown as { rows: Array<{ n: number }> };
  return result.rows[0]!.n;
}

describe("the provincial secretary of Sefrou imports members", () => {
  let id: string;
  let fesPerson: string;

  beforeAll(async () => {
    fesPerson = (
      await admin.post('/api/people', { givenNameLatin: 'Kenza', familyNameLatin: 'Fassi', gender: 'female', cin: 'QF600000', communeCode: DEMO.codes.fesCity })
    ).json().id;
    const file = [
      'Nom,Prénom,Sexe,CIN,Commune',
      `Oudghiri,Hafsa,F,QF600001,${DEMO.codes.bhalil}`, // 2: Sefrou province
      `Oudghiri,Ikram,F,QF600002,${DEMO.codes.fesCity}`, // 3: Fès, outside
      'Oudghiri,Loubna,F,QF600003,', // 4: no commune
      'Oudghiri,Asmae,F,QF600004,Immouzzer Kandar', // 5: Sefrou province, by name
      `Oudghiri,Chaimae,F,QF600000,${DEMO.codes.bhalil}`, // 6: the identity card of someone in Fès
    ].join('\n');
    const res = await upload(amimi, 'sefrou.csv', file);
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    expect((await amimi.post(`/api/imports/${id}/dry-run`, {})).statusCode).toBe(202);
    expect(await settle(amimi, id)).toMatchObject({ status: 'done', rows: { total: 5, valid: 3, invalid: 2 } });
  });

  it('refuses the lines outside the territory, each with its reason', async () => {
    const problems = (await amimi.get(`/api/imports/${id}/problems`)).json().items;
    expect(problems).toEqual([
      expect.objectContaining({ line: 3, column: 'Commune', code: 'outside_scope', reason: `La commune « ${DEMO.codes.fesCity} » est hors de votre territoire.` }),
      expect.objectContaining({ line: 4, column: null, code: 'commune_required_for_scope' }),
    ]);
  });

  it("reports a person outside the territory as a duplicate without naming them", async () => {
    const groups = (await amimi.get(`/api/imports/${id}/duplicates`)).json().items;
    const cin = groups.find((g: { kind: string }) => g.kind === 'cin');
    expect(cin).toMatchObject({ rows: [expect.objectContaining({ line: 6 })], registry: [{ id: null, name: null, communeCode: null, birthDate: null }], canImport: false });
    // The administrator, who may read that person, sees who it is.
    const forAdmin = (await admin.get(`/api/imports/${id}/duplicates`)).json().items.find((g: { kind: string }) => g.kind === 'cin');
    expect(forAdmin.registry).toEqual([expect.objectContaining({ id: fesPerson, name: 'Kenza Fassi' })]);
  });

  it('imports the lines of the territory only', async () => {
    expect((await amimi.post(`/api/imports/${id}/run`, { mode: 'valid' })).statusCode).toBe(202);
    expect(await settle(amimi, id)).toMatchObject({ status: 'done', createdCount: 2 });
    expect(await withCin('QF600001')).toBe(1);
    expect(await withCin('QF600004')).toBe(1);
    expect(await withCin('QF600002')).toBe(0);
    expect(await withCin('QF600003')).toBe(0);
    const asmae = (await amimi.get('/api/people?q=Asmae%20Oudghiri')).json().items.find((p: { cin: string }) => p.cin === 'QF600004');
    expect(asmae.communeCode).toBe(DEMO.codes.immouzzer);
  });

  it('keeps the import to its author and the administrators', async () => {
    for (const path of ['', '/problems', '/duplicates', '/rejects.csv']) {
      const res = await immouzzer.get(`/api/imports/${id}${path}`);
      expect(res.statusCode, path).toBe(404);
      expect(res.json().error.code).toBe('import_not_found');
    }
    expect((await immouzzer.post(`/api/imports/${id}/run`, { mode: 'valid' })).statusCode).toBe(404);
    expect((await immouzzer.get('/api/imports')).json().items.map((j: { id: string }) => j.id)).not.toContain(id);
    expect((await admin.get(`/api/imports/${id}`)).statusCode).toBe(200);
    expect((await amimi.get('/api/imports')).json().items.map((j: { id: string }) => j.id)).toContain(id);
  });

  it('lets the local secretary import into their own commune only', async () => {
    const res = await upload(immouzzer, 'immouzzer.csv', ['Nom,Prénom,Sexe,Commune', `Jazouli,Najat,F,${DEMO.codes.immouzzer}`, `Jazouli,Samira,F,${DEMO.codes.bhalil}`].join('\n'));
    const job = res.json().id;
    expect((await immouzzer.post(`/api/imports/${job}/run`, { mode: 'all' })).statusCode).toBe(202);
    expect(await settle(immouzzer, job)).toMatchObject({ status: 'failed', createdCount: 0, rows: { valid: 1, invalid: 1 }, error: { code: 'import_invalid_rows' } });
  });

  it('needs a signed-in user with a write role', async () => {
    const anonymous = await platform.app.inject({ method: 'POST', url: '/api/imports?fileName=a.csv', headers: { 'x-tanzim-csrf': '1', 'content-type': 'text/csv' }, payload: 'Nom\nX' });
    expect(anonymous.statusCode).toBe(401);
  });
});
