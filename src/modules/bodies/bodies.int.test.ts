import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../demo/demo.seed';
import { ApiClient, createTestPlatform, type TestPlatform } from '../../../test/support/platform';

let platform: TestPlatform;
let api: ApiClient;
let provincialId: string;

const { codes } = DEMO;
const ELMENZEL = '034510501'; // a commune of Sefrou province with no body in the demo
const FES_COMMUNE = '003231010'; // a commune outside Sefrou province

beforeAll(async () => {
  platform = await createTestPlatform({ demo: true });
  api = await new ApiClient(platform.app).signIn('admin@demo.tanzim.ma');
  const list = await api.get(`/api/bodies?territory=${codes.province}&kind=provincial_secretariat`);
  provincialId = list.json().items[0].id;
});
afterAll(() => platform?.close());

const committee = (territoryCode: string, extra: object = {}) => ({
  kind: 'preparatory_committee',
  territoryCode,
  parentId: provincialId,
  nameAr: 'اللجنة التحضيرية',
  nameFr: 'Comité préparatoire',
  statusDate: '2020-06-01',
  ...extra,
});

describe('bodies', () => {
  it('lists the demo bodies of Sefrou province', async () => {
    const res = await api.get(`/api/bodies?territory=${codes.province}`);
    expect(res.statusCode).toBe(200);
    const kinds = res.json().items.map((b: { kind: string }) => b.kind).sort();
    expect(kinds).toEqual(['local_secretariat', 'preparatory_committee', 'preparatory_committee', 'provincial_secretariat', 'sector_body', 'sector_body']);
  });

  it('creates a preparatory committee and records its history and audit', async () => {
    const res = await api.post('/api/bodies', committee(ELMENZEL));
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ kind: 'preparatory_committee', status: 'preparatory', statusSince: '2020-06-01', territoryCode: ELMENZEL, parentId: provincialId });
    const detail = (await api.get(`/api/bodies/${created.id}`)).json();
    expect(detail.history.map((e: { type: string }) => e.type)).toEqual(['created']);
    expect(detail.parent.id).toBe(provincialId);
  });

  it('finds the parent itself when none is given', async () => {
    const res = await api.post('/api/bodies', committee('034510301', { parentId: undefined }));
    expect(res.statusCode).toBe(201);
    expect(res.json().parentId).toBe(provincialId);
  });

  it('refuses a body at the wrong level', async () => {
    const res = await api.post('/api/bodies', committee(codes.province));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('wrong_level');
    expect(res.json().error.message).toContain('commune');
  });

  it('refuses a parent whose territory does not contain the body', async () => {
    const res = await api.post('/api/bodies', committee(FES_COMMUNE));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('parent_outside_territory');
  });

  it('refuses a second active local secretariat in a commune', async () => {
    const res = await api.post('/api/bodies', { ...committee(codes.immouzzer), kind: 'local_secretariat' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('local_secretariat_exists');
  });

  it('refuses an unknown territory and writes nothing', async () => {
    const before = (await api.get('/api/bodies?territory=MA&limit=1000')).json().total;
    const res = await api.post('/api/bodies', committee('039999999'));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('territory_not_found');
    expect((await api.get('/api/bodies?territory=MA&limit=1000')).json().total).toBe(before);
  });

  it('answers errors in the language asked', async () => {
    const ar = new ApiClient(platform.app, 'ar');
    await ar.signIn('admin@demo.tanzim.ma');
    const res = await ar.post('/api/bodies', committee(codes.province));
    expect(res.json().error.message).toMatch(/[\u0600-\u06FF]/);
    const fr = await new ApiClient(platform.app, 'fr').signIn('admin@demo.tanzim.ma');
    expect((await fr.post('/api/bodies', committee(codes.province))).json().error.message).toContain('Comité préparatoire');
  });

  it('constitutes a local secretariat from a committee in one step, keeping the committee history', async () => {
    const bhalil = (await api.get(`/api/bodies?territory=${codes.bhalil}&kind=preparatory_committee`)).json().items[0];
    const res = await api.post(`/api/bodies/${bhalil.id}/constitute`, { date: '2020-09-12' });
    expect(res.statusCode).toBe(201);
    const secretariat = res.json();
    expect(secretariat).toMatchObject({ kind: 'local_secretariat', status: 'constituted', statusSince: '2020-09-12', predecessorId: bhalil.id });
    const detail = (await api.get(`/api/bodies/${secretariat.id}`)).json();
    const types = detail.history.map((e: { type: string; bodyId: string }) => `${e.bodyId === bhalil.id ? 'committee' : 'secretariat'}:${e.type}`);
    expect(types).toEqual(['committee:created', 'committee:succeeded_by', 'secretariat:created', 'secretariat:constituted_from']);
    const closed = (await api.get(`/api/bodies/${bhalil.id}`)).json();
    expect(closed).toMatchObject({ status: 'dissolved', successorId: secretariat.id });
    // The committee president's mandate ended that day; the history still shows who held it.
    expect(closed.mandates[0]).toMatchObject({ position: 'committee_president', endedOn: '2020-09-12' });
  });

  it('moves status forward only, with dates in order', async () => {
    const created = (await api.post('/api/bodies', committee('034510303'))).json();
    const back = await api.post(`/api/bodies/${created.id}/status`, { status: 'constituted', date: '2020-07-01' });
    expect(back.statusCode).toBe(422);
    const early = await api.post(`/api/bodies/${created.id}/status`, { status: 'dissolved', date: '2019-01-01' });
    expect(early.json().error.code).toBe('date_before_status');
    const ok = await api.post(`/api/bodies/${created.id}/status`, { status: 'dissolved', date: '2020-12-01', note: 'merged' });
    expect(ok.statusCode).toBe(200);
    const again = await api.post(`/api/bodies/${created.id}/status`, { status: 'preparatory', date: '2020-12-02' });
    expect(again.json().error.code).toBe('status_transition_invalid');
  });
});

describe('mandates', () => {
  it('keeps who held a single position before', async () => {
    const provincial = (await api.get(`/api/bodies/${provincialId}`)).json();
    const current = provincial.mandates.find((m: { position: string; endedOn: string | null }) => m.position === 'provincial_secretary' && !m.endedOn);
    expect(current.person.familyNameLatin).toBe('Amimi');
    const newcomer = (
      await api.post('/api/people', { givenNameAr: 'سعاد', familyNameAr: 'المنصوري', givenNameLatin: 'Souad', familyNameLatin: 'Mansouri', gender: 'female', birthYear: 1980, communeCode: codes.sefrouCity })
    ).json();
    const res = await api.post('/api/mandates', { bodyId: provincialId, personId: newcomer.id, position: 'provincial_secretary', startedOn: '2021-01-10' });
    expect(res.statusCode).toBe(201);
    const after = (await api.get(`/api/mandates?body=${provincialId}`)).json().items.filter((m: { position: string }) => m.position === 'provincial_secretary');
    expect(after.map((m: { person: { familyNameLatin: string }; endedOn: string | null }) => [m.person.familyNameLatin, m.endedOn])).toEqual([
      ['Mansouri', null],
      ['Amimi', '2021-01-10'],
    ]);
  });

  it('refuses a position the body kind does not have', async () => {
    const person = (await api.get('/api/people?q=Amimi')).json().items[0];
    const res = await api.post('/api/mandates', { bodyId: provincialId, personId: person.id, position: 'committee_president', startedOn: '2021-01-10' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('position_not_allowed');
  });
});
