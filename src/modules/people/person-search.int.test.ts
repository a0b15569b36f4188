import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../demo/demo.seed';
import { foldForLookup, letterDeletions } from '../../lib/names';
import { ApiClient, createTestPlatform, type TestPlatform } from '../../../test/support/platform';
import { Scope } from '../access/scope';
import { PeopleRepository } from './people.repository';
import { MAX_FUZZY_TOKEN } from './person-search';

let platform: TestPlatform;
let admin: ApiClient;
const ids: Record<string, string> = {};

type Found = { id: string; familyNameLatin: string | null; familyNameAr: string | null };
const search = async (client: ApiClient, q: string, page = '&limit=10') => {
  const res = await client.get(`/api/people?q=${encodeURIComponent(q)}${page}`);
  expect(res.statusCode).toBe(200);
  return res.json() as { items: Found[]; total: number };
};

beforeAll(async () => {
  platform = await createTestPlatform({ demo: true });
  admin = await new ApiClient(platform.app, 'fr').signIn('admin@demo.tanzim.ma');
  const add = async (key: string, body: Record<string, unknown>) => {
    const res = await admin.post('/api/people', { gender: 'female', communeCode: DEMO.codes.bhalil, ...body });
    expect(res.statusCode).toBe(201);
    ids[key] = res.json().id;
  };
  await add('benkhabir', { givenNameLatin: 'Ghizlane', familyNameLatin: 'Benkhabir', givenNameAr: 'غزلان', familyNameAr: 'بنخبير' });
  await add('benkhabbar', { givenNameLatin: 'Hayat', familyNameLatin: 'Benkhabbar', givenNameAr: 'حياة', familyNameAr: 'بنخبار' });
  await add('arabicOnly', { givenNameAr: 'عبد اللطيف', familyNameAr: 'حميل', gender: 'male' });
  await add('hakil', { givenNameLatin: 'Abdellatif', familyNameLatin: 'Hakil', gender: 'male' });
  await add('abderrahim', { givenNameAr: 'عبد الرحيم', familyNameAr: 'المطروقي', givenNameLatin: 'Abderrahim', familyNameLatin: 'El Matrouki', gender: 'male' });
  for (const given of ['Adil', 'Fatima', 'Hamza', 'Omar']) await add(`halmouni${given}`, { givenNameLatin: given, familyNameLatin: 'Halmouni', communeCode: DEMO.codes.fesCity });
  await add('zalmouli', { givenNameLatin: 'Hiba', familyNameLatin: 'Zalmouli', communeCode: DEMO.codes.fesCity });
});
afterAll(() => platform?.close());

describe('the token dictionary', () => {
  it("indexes each token's folded deletions in SQL exactly as the search looks them up", async () => {
    const rows = (await platform.database.db.execute(sql`select token, name_token_variants(token) as variants from name_tokens`)) as unknown as {
      rows: Array<{ token: string; variants: string[] }>;
    };
    expect(rows.rows.length).toBeGreaterThan(100);
    for (const { token, variants } of rows.rows) {
      const mark = token.startsWith('~') ? '~' : '';
      const base = foldForLookup(token.slice(mark.length));
      const length = [...base].length;
      const expected = [base, ...(length >= 3 && length <= MAX_FUZZY_TOKEN ? letterDeletions(base) : [])].map((v) => mark + v);
      expect([...variants].sort(), token).toEqual([...new Set(expected)].sort());
    }
  });
});

describe('the search', () => {
  it('finds a name with two misspellings in one word', async () => {
    expect((await search(admin, 'Benkhebyr')).items[0]?.id).toBe(ids.benkhabir);
    expect((await search(admin, 'Ghizlan Benkhebyr')).items[0]?.id).toBe(ids.benkhabir);
  });

  it('finds Arabic misspellings: a letter left out and a close letter, a compound without its space', async () => {
    expect((await search(admin, 'المتروكي')).items[0]?.id).toBe(ids.abderrahim);
    expect((await search(admin, 'عبدالرحيم المطروقى')).items[0]?.id).toBe(ids.abderrahim);
  });

  it('finds a person written only in Arabic from the Latin spelling of a compound name', async () => {
    const found = (await search(admin, 'Abdellatif Hamil')).items.map((p) => p.id);
    expect(found[0]).toBe(ids.arabicOnly);
    expect(found).toContain(ids.hakil);
  });

  it('shows the other spellings of a misspelled name before more people of one spelling', async () => {
    const found = (await search(admin, 'Zalmouni')).items.map((p) => p.id);
    expect(found.indexOf(ids.zalmouli!)).toBeGreaterThanOrEqual(0);
    expect(found.indexOf(ids.zalmouli!)).toBeLessThanOrEqual(2);
  });

  it('pages through the results without losing or repeating anyone', async () => {
    const all = await search(admin, 'Halmouni');
    const first = await search(admin, 'Halmouni', '&limit=2&offset=0');
    const second = await search(admin, 'Halmouni', '&limit=2&offset=2');
    expect(all.total).toBeGreaterThanOrEqual(4);
    expect([...first.items, ...second.items].map((p) => p.id)).toEqual(all.items.slice(0, 4).map((p) => p.id));
  });

  it('samples a few people of each spelling, or spreads them, when one spelling has many people', async () => {
    const repo = new PeopleRepository(platform.database.db);
    const scope = Scope.all(platform.services.territories);
    const [sampled] = await repo.searchCandidates([{ arms: [[]], order: [], onlyScript: null, limit: 10, sample: { tokens: ['halmuni', 'zalmuli'], perToken: 2 } }], {}, scope, []);
    expect(sampled?.map((p) => p.familyNameLatin).sort()).toEqual(['Halmouni', 'Halmouni', 'Zalmouli']);
    const order = [{ bands: [{ tokens: ['halmuni'], score: 100 }, { tokens: ['zalmuli'], score: 75 }], otherwise: 0 }];
    const spreadOut = (perSpelling: number) =>
      repo.searchCandidates([{ arms: [[{ any: ['halmuni', 'zalmuli'], all: [] }]], order, onlyScript: null, limit: 3, spread: { tokens: ['halmuni', 'zalmuli'], perSpelling } }], {}, scope, []);
    // One Halmouni first, then Zalmouli before the other Halmounis; without spreading, the best band first.
    expect((await spreadOut(1))[0]?.map((p) => p.familyNameLatin)).toEqual(['Halmouni', 'Zalmouli', 'Halmouni']);
    expect((await spreadOut(10))[0]?.map((p) => p.familyNameLatin)).toEqual(['Halmouni', 'Halmouni', 'Halmouni']);
  });

  it("keeps to the caller's scope", async () => {
    const local = await new ApiClient(platform.app, 'fr').signIn('immouzzer@demo.tanzim.ma');
    const halmounis = Object.entries(ids).filter(([key]) => key.startsWith('halmouni')).map(([, id]) => id);
    expect((await search(admin, 'Halmouni')).items.map((p) => p.id)).toEqual(expect.arrayContaining(halmounis));
    // Fès is outside Immouzzer-Kandar: whoever is found there lives in the commune.
    const found = (await search(local, 'Halmouni')).items;
    expect(found.filter((p) => halmounis.includes(p.id))).toEqual([]);
    expect(found.every((p) => (p as Found & { communeCode: string }).communeCode === DEMO.codes.immouzzer)).toBe(true);
  });
});
