import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../demo/demo.seed';
import { ApiClient, createTestPlatform, type TestPlatform } from '../../../test/support/platform';

let platform: TestPlatform;
let api: ApiClient;

beforeAll(async () => {
  platform = await createTestPlatform({ demo: true });
  api = await new ApiClient(platform.app).signIn('admin@demo.tanzim.ma');
});
afterAll(() => platform?.close());

describe('coverage', () => {
  it('reads 3 of 23 communes for Sefrou in the demo: 1 constituted, 2 preparatory', async () => {
    const res = await api.get(`/api/territories/${DEMO.codes.province}/coverage`);
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect(c.totals).toMatchObject({ communes: 23, constituted: 1, preparatory: 2, none: 20, coveredShare: 0.1304 });
    const byCode = Object.fromEntries(c.communes.map((x: { code: string; status: string }) => [x.code, x.status]));
    expect(byCode[DEMO.codes.immouzzer]).toBe('constituted');
    expect(byCode[DEMO.codes.bhalil]).toBe('preparatory');
    expect(byCode[DEMO.codes.birTamTam]).toBe('preparatory');
    // Where to go next: the uncovered communes, the most populous first.
    const pops = c.uncovered.map((u: { population: number }) => u.population);
    expect(c.uncovered).toHaveLength(20);
    expect(pops).toEqual([...pops].sort((a: number, b: number) => b - a));
    expect(c.uncovered[0].code).toBe(DEMO.codes.sefrouCity);
  });

  it('gives per-province totals for a region and per-region totals for the country', async () => {
    const region = (await api.get('/api/territories/03/coverage')).json();
    expect(region.children).toHaveLength(9);
    const sefrou = region.children.find((ch: { code: string }) => ch.code === DEMO.codes.province);
    expect(sefrou.totals).toMatchObject({ communes: 23, constituted: 1, preparatory: 2 });
    expect(region.totals.communes).toBe(194);
    const country = (await api.get('/api/territories/MA/coverage')).json();
    expect(country.children).toHaveLength(12);
    // Sefrou's three plus the local secretariat of Oulad Tayeb (Fès).
    expect(country.totals).toMatchObject({ communes: 1503, constituted: 2, preparatory: 2, none: 1499 });
  });

  it('counts a new committee at once, and stops counting a dissolved one', async () => {
    const admin = api;
    const created = await admin.post('/api/bodies', { kind: 'preparatory_committee', territoryCode: '034510501', nameAr: 'اللجنة التحضيرية', nameFr: 'Comité préparatoire', statusDate: '2020-06-01' });
    expect(created.statusCode).toBe(201);
    expect((await api.get('/api/territories/03451/coverage')).json().totals).toMatchObject({ constituted: 1, preparatory: 3, none: 19 });
    await admin.post(`/api/bodies/${created.json().id}/status`, { status: 'dissolved', date: '2020-07-01' });
    expect((await api.get('/api/territories/03451/coverage')).json().totals).toMatchObject({ constituted: 1, preparatory: 2, none: 20 });
  });
});

describe('coverage within a scope', () => {
  it('is not shown to a visitor who has not signed in', async () => {
    expect((await new ApiClient(platform.app).get('/api/territories/03451/coverage')).statusCode).toBe(401);
  });

  it("counts only the provincial secretary's province, even on the region's page", async () => {
    const amimi = await new ApiClient(platform.app).signIn('amimi@demo.tanzim.ma');
    const region = (await amimi.get('/api/territories/03/coverage')).json();
    expect(region.totals.communes).toBe(23);
    expect(region.children.map((c: { code: string }) => c.code)).toEqual([DEMO.codes.province]);
    expect(region.communes.every((c: { code: string }) => c.code.startsWith('03451'))).toBe(true);
    const fes = await amimi.get(`/api/territories/${DEMO.codes.fesPrefecture}/coverage`);
    expect(fes.statusCode).toBe(404);
  });

  it('shows the regional secretary general every province of the region', async () => {
    const elHajira = await new ApiClient(platform.app).signIn('elhajira@demo.tanzim.ma');
    const region = (await elHajira.get('/api/territories/03/coverage')).json();
    expect(region.totals.communes).toBe(194);
    expect(region.children).toHaveLength(9);
    expect((await elHajira.get('/api/territories/MA/coverage')).json().totals.communes).toBe(194);
  });
});

describe('members counted in coverage', () => {
  const count = async (code: string) => {
    const { sql } = await import('drizzle-orm');
    const result = await platform.database.db.execute(sql`
      select count(*) filter (where status in ('member','cadre'))::int as members,
             count(*) filter (where status in ('member','cadre') and gender = 'female')::int as women
      from people where commune_code = ${code} and erased_at is null and (left_on is null or left_on > current_date)`);
    return (result as unknown as { rows: Array<{ members: number; women: number }> }).rows[0];
  };

  it('gives members, women and youth per commune and in the totals, as the registry holds them', async () => {
    const c = (await api.get(`/api/territories/${DEMO.codes.province}/coverage`)).json();
    expect(c.totals.members).toBeGreaterThan(200);
    expect(c.totals.women).toBeGreaterThan(0);
    expect(c.totals.youth).toBeGreaterThan(0);
    expect(c.totals.women).toBeLessThan(c.totals.members);
    const sum = c.communes.reduce((s: number, x: { counts: { members: number } }) => s + x.counts.members, 0);
    expect(sum).toBe(c.totals.members);
    const bhalil = c.communes.find((x: { code: string }) => x.code === DEMO.codes.bhalil);
    expect(bhalil.counts).toMatchObject((await count(DEMO.codes.bhalil)) ?? {});
    const region = (await api.get('/api/territories/03/coverage')).json();
    expect(region.children.find((ch: { code: string }) => ch.code === DEMO.codes.province).totals.members).toBe(c.totals.members);
  });

  it('follows every write at once: a new woman member, a move, an erasure', async () => {
    const commune = '034510303';
    const before = (await api.get(`/api/territories/${commune}/coverage`)).json().totals;
    expect(before).toMatchObject({ members: 0, women: 0 });
    const created = (await api.post('/api/people', { givenNameLatin: 'Houda', familyNameLatin: 'Filali', gender: 'female', birthDate: '2001-02-03', communeCode: commune, status: 'member' })).json();
    expect((await api.get(`/api/territories/${commune}/coverage`)).json().totals).toMatchObject({ members: 1, women: 1, youth: 1 });
    await api.patch(`/api/people/${created.id}`, { communeCode: DEMO.codes.bhalil });
    expect((await api.get(`/api/territories/${commune}/coverage`)).json().totals).toMatchObject({ members: 0, women: 0, youth: 0 });
    await api.post(`/api/people/${created.id}/erase`);
    const bhalil = (await api.get(`/api/territories/${DEMO.codes.bhalil}/coverage`)).json().totals;
    expect(bhalil.members).toBe((await count(DEMO.codes.bhalil))?.members);
  });
});
