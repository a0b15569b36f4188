import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../demo/demo.seed';
import { ApiClient, createTestPlatform, type TestPlatform } from '../../../test/support/platform';

// A commune without bodies, hence without generated demo members: segment counts there are this file's own.
const EL_MENZEL = '034510103';
let platform: TestPlatform;
let admin: ApiClient;

beforeAll(async () => {
  platform = await createTestPlatform({ demo: true });
  admin = await new ApiClient(platform.app, 'fr').signIn('admin@demo.tanzim.ma');
});
afterAll(() => platform?.close());

const firstFamilyName = async (q: string) => {
  const res = await admin.get(`/api/people?q=${encodeURIComponent(q)}&limit=10`);
  expect(res.statusCode).toBe(200);
  return (res.json().items as Array<{ familyNameLatin: string | null; familyNameAr: string | null }>).map((p) => p.familyNameLatin ?? p.familyNameAr);
};

describe('the registry', () => {
  it('keeps a person with identity card, phones in E.164, sectors and competences', async () => {
    const res = await admin.post('/api/people', {
      givenNameAr: 'سلمى',
      familyNameAr: 'الإدريسي',
      givenNameLatin: 'Salma',
      familyNameLatin: 'Idrissi',
      gender: 'female',
      birthDate: '1996-04-12',
      cin: 'cd 123456',
      phones: ['0612-345678', '+212 5 35 66 77 88'],
      email: 'Salma.Idrissi@Example.ma',
      communeCode: EL_MENZEL,
      status: 'cadre',
      joinedOn: '2019-09-01',
      sectors: ['youth', 'women'],
      competences: ['Lawyer'],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ cin: 'CD123456', phones: ['+212612345678', '+212535667788'], email: 'salma.idrissi@example.ma', birthYear: 1996, competences: ['lawyer'] });
  });

  it('refuses a malformed identity card or phone, and a second person with the same card', async () => {
    const base = { givenNameLatin: 'Test', familyNameLatin: 'Person', gender: 'male' };
    expect((await admin.post('/api/people', { ...base, cin: '12345' })).json().error.message).toContain('cin');
    expect((await admin.post('/api/people', { ...base, phones: ['12'] })).statusCode).toBe(400);
    const dup = await admin.post('/api/people', { ...base, cin: 'CD123456' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('cin_taken');
    expect((await admin.post('/api/people', { gender: 'male', givenNameLatin: 'Only' })).statusCode).toBe(400);
  });

  it.each([
    ['Amimi', 'Amimi'],
    ['عميمي', 'Amimi'],
    ['اعميمي', 'Amimi'],
    ['amimy', 'Amimi'],
    ['الحجيرة', 'El Hajira'],
    ['حجيره', 'El Hajira'],
    ['Hajira Mohammed', 'El Hajira'],
    ['chraibi', 'Chraibi'],
    ['Shraybi', 'Chraibi'],
    ['بنانى', 'Bennani'],
    ['Benani', 'Bennani'],
    ['Wazzani', 'Ouazzani'],
    ['idrisi salma', 'Idrissi'],
  ])('finds %s', async (q, family) => {
    expect((await firstFamilyName(q))[0]).toBe(family);
  });

  it('finds a person written only in Arabic from a Latin query', async () => {
    const res = await admin.post('/api/people', { givenNameAr: 'مريم', familyNameAr: 'البقالي', gender: 'female', communeCode: DEMO.codes.bhalil });
    expect(res.statusCode).toBe(201);
    const found = (await admin.get('/api/people?q=Meryem%20Bakkali')).json().items;
    expect(found[0]?.id).toBe(res.json().id);
  });

  it('filters by segment: women, youth, sector, competence', async () => {
    const women = (await admin.get(`/api/people?territory=${DEMO.codes.province}&gender=female&limit=500`)).json().items;
    expect(women.length).toBeGreaterThan(0);
    expect(women.every((p: { gender: string }) => p.gender === 'female')).toBe(true);
    const youth = (await admin.get('/api/people?ageBand=youth&limit=500')).json().items as Array<{ birthYear: number }>;
    expect(youth.map((p) => p.birthYear).every((y) => y > new Date().getUTCFullYear() - 36)).toBe(true);
    expect(youth.length).toBeGreaterThan(0);
    expect((await admin.get(`/api/people?territory=${EL_MENZEL}&competence=lawyer`)).json().items.map((p: { familyNameLatin: string }) => p.familyNameLatin)).toEqual(['Idrissi']);
    expect((await admin.get(`/api/people?territory=${EL_MENZEL}&sector=women`)).json().total).toBe(1);
    expect((await admin.get(`/api/people?territory=${EL_MENZEL}&sector=farmers`)).json().total).toBe(0);
  });
});
