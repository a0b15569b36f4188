import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResourceKind, RouteScope } from '../../src/server/guard';
import { DEMO } from '../../src/demo/demo.seed';
import { ApiClient, createTestPlatform, type TestPlatform } from '../support/platform';

/**
 * Every API route × every role × a resource inside and outside the caller's territory. The routes
 * come from the running server (with the access and scope each one declares), so a new route joins
 * the matrix by existing. It fails on a leak (a resource or a row outside the scope answered) and on a
 * wrong refusal (a resource inside the scope refused).
 */

type Side = 'inside' | 'outside';
type Fixtures = Record<ResourceKind | 'user' | 'grant' | 'import', Record<Side, string>>;
type Caller = { name: string; api: ApiClient; kind: 'visitor' | 'admin' | 'officer' | 'reader'; scope: string | null };

const SEFROU = DEMO.codes.province;
let platform: TestPlatform;
let fixtures: Fixtures;
let callers: Caller[];

function paramKind(url: string, scope: RouteScope | null): ResourceKind | 'user' | 'grant' | 'import' | null {
  const param = url.match(/:(\w+)/)?.[1];
  if (!param) return null;
  if (Array.isArray(scope)) {
    const check = scope.find((c) => c.from === `params.${param}`);
    if (check) return check.resource;
  }
  // A route that names no check on its parameter is still called with a resource of the kind its path says.
  if (param === 'code') return 'territory';
  const byPath: Array<[string, ResourceKind | 'user' | 'grant' | 'import']> = [
    ['/api/users/', 'user'],
    ['/api/grants/', 'grant'],
    ['/api/bodies/', 'body'],
    ['/api/people/', 'person'],
    ['/api/mandates/', 'mandate'],
    ['/api/imports/', 'import'],
    ['/api/meetings/', 'meeting'],
    ['/api/decisions/', 'decision'],
    ['/api/actions/', 'action'],
    ['/api/communiques/', 'communique'],
  ];
  const found = byPath.find(([prefix]) => url.startsWith(prefix));
  if (found) return found[1];
  throw new Error(`the matrix does not know what ${url} takes as :${param}; declare a scope check on it`);
}

function requestFor(route: { method: string; url: string; scope: RouteScope | null }, side: Side) {
  const kind = paramKind(route.url, route.scope);
  const url = kind ? route.url.replace(/:\w+/, fixtures[kind][side]) : route.url;
  const body: Record<string, string> = {};
  if (Array.isArray(route.scope)) for (const check of route.scope) if (check.from.startsWith('body.')) body[check.from.slice(5)] = fixtures[check.resource][side];
  return { url, body };
}

async function call(caller: Caller, method: string, url: string, body: object) {
  return method === 'GET' ? caller.api.get(url) : caller.api.request(method as 'POST', url, body);
}

beforeAll(async () => {
  platform = await createTestPlatform({ demo: true });
  const admin = await new ApiClient(platform.app).signIn('admin@demo.tanzim.ma');
  const id = async (url: string) => (await admin.get(url)).json().items[0].id as string;
  const actor = { userId: null, ip: null };
  await platform.services.access.createUser(actor, { email: 'reader@demo.tanzim.ma', name: 'Reader', password: DEMO.password, role: 'reader', scopeCode: SEFROU });
  // The administrators' routes act on a user of their own, since the matrix deactivates it and ends its grant.
  const target = await platform.services.access.createUser(actor, { email: 'target@demo.tanzim.ma', name: 'Target', password: DEMO.password, role: 'reader', scopeCode: SEFROU });
  const targetGrant = (await admin.get(`/api/users/${target.id}`)).json().grants[0].id as string;
  const insideBody = await id(`/api/bodies?territory=${DEMO.codes.bhalil}`);
  const outsideBody = await id(`/api/bodies?territory=${DEMO.codes.ouladTayeb}`);
  const provincial = (await admin.get(`/api/bodies?territory=${SEFROU}&kind=provincial_secretariat`)).json().items[0].id as string;
  const amimiPerson = (await admin.get(`/api/mandates?body=${provincial}`)).json().items.find((m: { position: string }) => m.position === 'provincial_secretary').personId as string;
  // A meeting on each side with its record: a draft to approve (Sefrou's chaired by its provincial secretary), a decision, an action, a communiqué.
  const meetings = { inside: await newMeeting(admin, insideBody, amimiPerson), outside: await newMeeting(admin, outsideBody, null) };
  const record = async (side: Side) => {
    const meetingId = meetings[side];
    await created(admin.request('PUT' as 'POST', `/api/meetings/${meetingId}/minutes`, { items: [] }), 200);
    const decisionId = await created(admin.post(`/api/meetings/${meetingId}/decisions`, { text: 'Matrix' }));
    const actionId = await created(admin.post('/api/actions', { decisionId, title: 'Matrix', ownerBodyId: side === 'inside' ? insideBody : outsideBody }));
    const communiqueId = await created(admin.post(`/api/meetings/${meetingId}/communique`));
    return { decisionId, actionId, communiqueId };
  };
  const inside = await record('inside');
  const outside = await record('outside');
  fixtures = {
    territory: { inside: '034510103', outside: DEMO.codes.ouladTayeb },
    body: { inside: insideBody, outside: outsideBody },
    person: { inside: await id(`/api/people?territory=${DEMO.codes.bhalil}`), outside: await id(`/api/people?territory=${DEMO.codes.ouladTayeb}`) },
    mandate: { inside: await id(`/api/mandates?body=${insideBody}`), outside: await id(`/api/mandates?body=${outsideBody}`) },
    // An import belongs to whoever uploaded it: Sefrou's secretary's own, and the regional secretary's.
    import: {
      inside: await uploadAs('amimi@demo.tanzim.ma', DEMO.codes.bhalil),
      outside: await uploadAs('elhajira@demo.tanzim.ma', DEMO.codes.ouladTayeb),
    },
    user: { inside: target.id, outside: target.id },
    grant: { inside: targetGrant, outside: targetGrant },
    meeting: meetings,
    decision: { inside: inside.decisionId, outside: outside.decisionId },
    action: { inside: inside.actionId, outside: outside.actionId },
    communique: { inside: inside.communiqueId, outside: outside.communiqueId },
  };
  callers = [
    { name: 'visitor', api: new ApiClient(platform.app), kind: 'visitor', scope: null },
    { name: 'national administrator', api: admin, kind: 'admin', scope: 'MA' },
    { name: 'officer of Sefrou (by mandate)', api: await new ApiClient(platform.app).signIn('amimi@demo.tanzim.ma'), kind: 'officer', scope: SEFROU },
    { name: 'reader of Sefrou', api: await new ApiClient(platform.app).signIn('reader@demo.tanzim.ma'), kind: 'reader', scope: SEFROU },
    { name: 'officer of Immouzzer-Kandar (by mandate)', api: await new ApiClient(platform.app).signIn('immouzzer@demo.tanzim.ma'), kind: 'officer', scope: DEMO.codes.immouzzer },
  ];
});
afterAll(() => platform?.close());

/**
 * Routes that destroy or close what they act on get a resource of their own for every call, and the
 * shared fixture is put back afterwards: erasing a person, cancelling a meeting, removing a decision.
 */
const DESTRUCTIVE: Array<{ method: string; url: RegExp; kind: keyof Fixtures; make: (side: Side) => Promise<string> }> = [
  { method: 'POST', url: /\/erase$/, kind: 'person', make: (side) => newPersonIn(fixtures.territory[side]) },
  { method: 'POST', url: /^\/api\/meetings\/:id\/cancel$/, kind: 'meeting', make: async (side) => newMeeting(callers[1]!.api, (await meetingOf(side)).bodyId, null) },
  { method: 'DELETE', url: /^\/api\/decisions\/:id$/, kind: 'decision', make: (side) => created(callers[1]!.api.post(`/api/meetings/${fixtures.meeting[side]}/decisions`, { text: 'Matrix' })) },
];

async function created(res: Promise<{ statusCode: number; body: string; json(): { id?: string } }>, status = 201): Promise<string> {
  const r = await res;
  if (r.statusCode !== status) throw new Error(`fixture not created: ${r.statusCode} ${r.body.slice(0, 300)}`);
  return r.json().id ?? '';
}

async function newMeeting(admin: ApiClient, bodyId: string, chairPersonId: string | null): Promise<string> {
  const input = { bodyId, kind: 'internal', title: 'Matrix', chairPersonId, startsAt: '2020-05-17T16:00:00Z', endsAt: '2020-05-17T18:00:00Z', mode: 'remote', agenda: [{ title: 'Matrix' }] };
  return created(admin.post('/api/meetings', input));
}

async function meetingOf(side: Side): Promise<{ bodyId: string }> {
  return (await callers[1]!.api.get(`/api/meetings/${fixtures.meeting[side]}`)).json();
}

async function uploadAs(email: string, communeCode: string): Promise<string> {
  const api = await new ApiClient(platform.app).signIn(email);
  const csv = `Prénom,Nom,Genre,Commune\nAmina,Matrix,female,${communeCode}\n`;
  const res = await api.upload('/api/imports?fileName=matrix.csv', csv, 'text/csv');
  if (res.statusCode !== 201) throw new Error(`upload failed: ${res.statusCode} ${res.body.slice(0, 200)}`);
  return res.json().id as string;
}

/** Every row of a list, following its pages (offset or the audit's cursor), with the total it announced. */
async function fetchAll(api: ApiClient, url: string): Promise<{ statusCode: number; items: Array<Record<string, unknown>>; total: number }> {
  const first = await api.get(`${url}?limit=200`);
  if (first.statusCode === 400) {
    const plain = await api.get(url);
    const isJson = String(plain.headers['content-type'] ?? '').includes('json');
    return { statusCode: plain.statusCode, ...(plain.statusCode === 200 && isJson ? plain.json() : { items: [], total: 0 }) };
  }
  // A file download (an export) is checked by its own tests.
  if (!String(first.headers['content-type'] ?? '').includes('json')) return { statusCode: first.statusCode, items: [], total: 0 };
  if (first.statusCode !== 200) return { statusCode: first.statusCode, items: [], total: 0 };
  const body = first.json() as { items: Array<Record<string, unknown>>; total: number; nextBefore?: number | null };
  const items = [...body.items];
  let next = body;
  while (next.items.length === 200) {
    const more = await api.get(next.nextBefore !== undefined ? `${url}?limit=200&before=${next.nextBefore}` : `${url}?limit=200&offset=${items.length}`);
    next = more.json();
    items.push(...next.items);
  }
  return { statusCode: 200, items, total: body.total };
}
async function newPersonIn(communeCode: string): Promise<string> {
  const created = await platform.services.people.create({ userId: null, ip: null }, { givenNameLatin: 'Matrix', familyNameLatin: 'Fixture', gender: 'female', communeCode });
  return created.id;
}

const covers = (scope: string, code: string) =>
  scope === 'MA' || code === scope || platform.services.territories.contains(scope, code);
const REFUSED = [401, 403, 404];

describe('access matrix', () => {
  it('covers every route of the OpenAPI document', async () => {
    const doc = (await new ApiClient(platform.app).get('/api/openapi.json')).json();
    const documented = Object.keys(doc.paths).length;
    expect(platform.app.apiRoutes.length).toBeGreaterThanOrEqual(documented);
    expect(platform.app.apiRoutes.length).toBeGreaterThan(25);
  });

  it('refuses and admits each caller on each route, inside and outside their territory', async () => {
    const failures: string[] = [];
    const expectThat = (ok: boolean, what: string) => {
      if (!ok) failures.push(what);
    };
    for (const route of platform.app.apiRoutes) {
      if (route.access === 'public' || route.url === '/api/auth/logout') continue;
      for (const side of ['inside', 'outside'] as const) {
        for (const caller of callers) {
          const destructive = DESTRUCTIVE.find((d) => d.method === route.method && d.url.test(route.url));
          const kept = destructive ? fixtures[destructive.kind][side] : null;
          if (destructive) fixtures[destructive.kind][side] = await destructive.make(side);
          const { url, body } = requestFor(route, side);
          const res = await call(caller, route.method, url, body);
          if (destructive && kept !== null) fixtures[destructive.kind][side] = kept;
          const label = `${route.method} ${url} (${side}) as ${caller.name} → ${res.statusCode}`;
          if (caller.kind === 'visitor') {
            expectThat(res.statusCode === 401, `${label}: a visitor must get 401`);
            continue;
          }
          if (route.access === 'admin') {
            expectThat(caller.kind === 'admin' ? !REFUSED.includes(res.statusCode) : res.statusCode === 403, `${label}: administrators only`);
            continue;
          }
          if (route.access === 'write' && caller.kind === 'reader') {
            expectThat([403, 404].includes(res.statusCode), `${label}: a reader cannot write`);
            continue;
          }
          if (route.scope === 'owner') {
            // Inside: the caller's own resource (the administrator sees everyone's); outside: another's.
            const isOwn = caller.kind === 'admin' || (side === 'inside' && caller.name.startsWith('officer of Sefrou'));
            // A 400 from validation comes before any lookup, so it says nothing of another's resource either.
            expectThat(isOwn ? !REFUSED.includes(res.statusCode) : [400, 404].includes(res.statusCode), `${label}: ${isOwn ? 'the owner is refused' : "another's resource is disclosed"}`);
            continue;
          }
          if (route.scope === 'self') {
            expectThat(!route.url.includes(':'), `${label}: a route that names a resource in its path cannot act on the caller only`);
            expectThat(!REFUSED.includes(res.statusCode), `${label}: the caller's own route`);
            continue;
          }
          if (route.scope === 'list') {
            if (route.url.includes(':')) {
              // A list of one territory (coverage): answered inside the scope, 404 outside.
              const code = requestFor(route, side).url.match(/\d{5,9}/)?.[0] ?? '';
              const isInside = caller.scope !== null && covers(caller.scope, code);
              expectThat(isInside ? res.statusCode === 200 : res.statusCode === 404, `${label}: expected ${isInside ? 200 : 404}`);
            } else {
              expectThat(!REFUSED.includes(res.statusCode), `${label}: lists answer, filtered`);
            }
            continue;
          }
          const code = fixtures.territory[side];
          const isInside = caller.scope !== null && covers(caller.scope, code);
          if (isInside) expectThat(!REFUSED.includes(res.statusCode), `${label}: wrongly refused inside the scope`);
          else {
            const kind = paramKind(route.url, route.scope);
            const hidesExistence = kind !== null && kind !== 'territory';
            expectThat(hidesExistence ? res.statusCode === 404 : [403, 404].includes(res.statusCode), `${label}: leak outside the scope`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('filters every list, and its count, to the caller’s territory', async () => {
    const failures: string[] = [];
    const admin = callers.find((c) => c.kind === 'admin');
    const territoryOf = (item: Record<string, unknown>): string | null =>
      (item.territoryCode as string | undefined) ?? (item.communeCode as string | undefined) ?? ((item.body as { territoryCode?: string } | undefined)?.territoryCode ?? null);
    for (const route of platform.app.apiRoutes.filter((r) => r.scope === 'list' && !r.url.includes(':') && r.method === 'GET')) {
      const all = await fetchAll(admin!.api, route.url);
      expect(all.statusCode, `${route.url} as administrator`).toBe(200);
      // A summary rather than a list (the actions board) is checked by its own tests.
      if (!Array.isArray(all.items)) continue;
      // A file download (an export) is checked by its own tests.
      if (route.url.endsWith('/export')) continue;
      // Lists of the organization's settings (saved import mappings) hold nothing of a territory.
      if (route.url === '/api/import-mappings') continue;
      expect(all.items.length, `${route.url} as administrator`).toBeGreaterThan(0);
      for (const caller of callers.filter((c) => c.kind !== 'visitor' && c.kind !== 'admin')) {
        const page = await fetchAll(caller.api, route.url);
        if (route.access === 'write' && caller.kind === 'reader') {
          if (page.statusCode !== 403) failures.push(`${route.url} as ${caller.name}: ${page.statusCode}, expected 403`);
          continue;
        }
        const outside = page.items.filter((item) => !covers(caller.scope ?? '', territoryOf(item) ?? ''));
        if (outside.length) failures.push(`${route.url} as ${caller.name}: ${outside.length} rows outside the scope`);
        if (page.total !== page.items.length) failures.push(`${route.url} as ${caller.name}: total ${page.total} for ${page.items.length} rows`);
        const expected = (all.items as Array<Record<string, unknown>>).filter((item) => covers(caller.scope ?? '', territoryOf(item) ?? '')).length;
        // A person may also be in the scope through a mandate there; the demo's office holders live where they serve.
        if (page.items.length !== expected) failures.push(`${route.url} as ${caller.name}: ${page.items.length} rows, ${expected} expected`);
      }
    }
    expect(failures).toEqual([]);
  });
});
