import { parse } from 'csv-parse/sync';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createTestPlatform, type TestPlatform } from '../../../test/support/platform';
import { DEMO } from '../../demo/demo.seed';
import { todayInMorocco } from '../../lib/dates';
import { auditLog } from '../access/access.tables';
import { systemActor } from '../access/audit';

/**
 * The directives of the regional secretary general become actions that the levels above follow: the
 * region sees Sefrou's open actions next to its other provinces, the province commune by commune.
 */
let platform: TestPlatform;
let admin: ApiClient;
let amimi: ApiClient;
let elHajira: ApiClient;
let fesOfficer: ApiClient;
let sefrouReader: ApiClient;
type Counts = { open: number; inProgress: number; overdue: number; done: number; dropped?: number };
type Board = { totals: Counts; byTerritory: Array<Counts & { code: string }>; byOwner: Array<Counts & { ownerBody: { id: string } | null; ownerPerson: { id: string } | null }> };
// The boards before this file's actions: the demo may hold actions of its own.
let regionBefore: Board;
let provinceBefore: Board;
const ids = {} as Record<'provincial' | 'regional' | 'bhalil' | 'women' | 'fesProvincial' | 'amimi' | 'elHajira' | 'tazi' | 'meeting' | 'fesMeeting' | 'decision' | 'fesDecision', string>;
const { codes } = DEMO;

const PAST = '2020-06-30';
const FUTURE = (() => {
  const d = new Date(`${todayInMorocco()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 60);
  return d.toISOString().slice(0, 10);
})();

const meetingOf = (bodyId: string, chairPersonId: string) => ({
  bodyId,
  kind: 'internal',
  title: 'اجتماع',
  chairPersonId,
  startsAt: '2020-05-17T16:00:00Z',
  endsAt: '2020-05-17T18:00:00Z',
  mode: 'remote',
  agenda: [{ title: 'الوضع التنظيمي' }],
});

beforeAll(async () => {
  platform = await createTestPlatform({ demo: true });
  const { access } = platform.services;
  admin = await new ApiClient(platform.app).signIn('admin@demo.tanzim.ma');
  amimi = await new ApiClient(platform.app).signIn('amimi@demo.tanzim.ma');
  elHajira = await new ApiClient(platform.app).signIn('elhajira@demo.tanzim.ma');
  await access.createUser(systemActor, { email: 'fes@demo.tanzim.ma', name: 'Fès', password: DEMO.password, role: 'officer', scopeCode: codes.fesPrefecture });
  await access.createUser(systemActor, { email: 'reader@demo.tanzim.ma', name: 'Reader', password: DEMO.password, role: 'reader', scopeCode: codes.province });
  fesOfficer = await new ApiClient(platform.app).signIn('fes@demo.tanzim.ma');
  sefrouReader = await new ApiClient(platform.app).signIn('reader@demo.tanzim.ma');
  const body = async (territory: string, kind: string) => (await admin.get(`/api/bodies?territory=${territory}&kind=${kind}`)).json().items.find((b: { territoryCode: string }) => b.territoryCode === territory).id as string;
  ids.provincial = await body(codes.province, 'provincial_secretariat');
  ids.regional = await body(codes.region, 'regional_secretariat');
  ids.bhalil = await body(codes.bhalil, 'preparatory_committee');
  ids.fesProvincial = await body(codes.fesPrefecture, 'provincial_secretariat');
  ids.women = (await admin.get(`/api/bodies?territory=${codes.province}&kind=sector_body`)).json().items.find((b: { sector: string }) => b.sector === 'women').id;
  const holder = async (bodyId: string, position: string) => (await admin.get(`/api/mandates?body=${bodyId}`)).json().items.find((m: { position: string }) => m.position === position).personId as string;
  ids.amimi = await holder(ids.provincial, 'provincial_secretary');
  ids.elHajira = await holder(ids.regional, 'regional_secretary_general');
  ids.tazi = await holder(ids.fesProvincial, 'provincial_secretary');

  const idOf = async (res: Promise<{ statusCode: number; body: string; json(): { id: string } }>) => {
    const r = await res;
    if (r.statusCode !== 201) throw new Error(`${r.statusCode} ${r.body}`);
    return r.json().id;
  };
  // At the invitation of the regional secretary general, whose directives are the decisions.
  ids.meeting = await idOf(amimi.post('/api/meetings', { ...meetingOf(ids.provincial, ids.amimi), convenedByBodyId: ids.regional, convenedByPersonId: ids.elHajira }));
  ids.decision = await idOf(amimi.post(`/api/meetings/${ids.meeting}/decisions`, { text: 'تأسيس هيئة للحزب في كل جماعة', byPersonId: ids.elHajira }));
  ids.fesMeeting = await idOf(fesOfficer.post('/api/meetings', meetingOf(ids.fesProvincial, ids.tazi)));
  ids.fesDecision = await idOf(fesOfficer.post(`/api/meetings/${ids.fesMeeting}/decisions`, { text: 'قرار' }));
  regionBefore = (await elHajira.get(`/api/actions/board?territory=${codes.region}`)).json();
  provinceBefore = (await amimi.get('/api/actions/board')).json();
});
afterAll(() => platform?.close());

/** What this file's actions added to a line of the board. */
function added(after: Counts | undefined, before: Counts | undefined): Counts {
  const zero = { open: 0, inProgress: 0, overdue: 0, done: 0 };
  const a = { ...zero, ...after };
  const b = { ...zero, ...before };
  return { open: a.open - b.open, inProgress: a.inProgress - b.inProgress, overdue: a.overdue - b.overdue, done: a.done - b.done };
}
const lineOf = (board: Board, code: string) => board.byTerritory.find((t) => t.code === code);
const ownerOf = (board: Board, id: string) => board.byOwner.find((o) => o.ownerBody?.id === id || o.ownerPerson?.id === id);

async function create(api: ApiClient, input: object) {
  const res = await api.post('/api/actions', input);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('actions', () => {
  const created: Record<string, { id: string }> = {};

  it("turns decisions into actions that roll up to the owner body's territory, else the meeting's", async () => {
    created.bhalil = await create(amimi, { decisionId: ids.decision, title: 'تأسيس أمانة محلية بالبهاليل', ownerBodyId: ids.bhalil, dueOn: PAST });
    expect(created.bhalil).toMatchObject({ territoryCode: codes.bhalil, meetingId: ids.meeting, decisionId: ids.decision, status: 'open', isOverdue: true, ownerBody: { id: ids.bhalil, kind: 'preparatory_committee' }, ownerPerson: null });
    created.amimi = await create(amimi, { decisionId: ids.decision, title: 'جرد الجماعات بدون هيئة', ownerPersonId: ids.amimi, dueOn: FUTURE });
    expect(created.amimi).toMatchObject({ territoryCode: codes.province, isOverdue: false, ownerPerson: { id: ids.amimi, familyNameLatin: 'Amimi' } });
    created.women = await create(amimi, { decisionId: ids.decision, title: 'الانفتاح على النساء', ownerBodyId: ids.women, dueOn: PAST });
    created.noDue = await create(amimi, { decisionId: ids.decision, title: 'بدون أجل', ownerBodyId: ids.bhalil });
    expect(created.noDue).toMatchObject({ dueOn: null, isOverdue: false });
    created.fes = await create(fesOfficer, { decisionId: ids.fesDecision, title: 'Fès', ownerPersonId: ids.tazi, dueOn: PAST });
    expect(created.fes).toMatchObject({ territoryCode: codes.fesPrefecture, isOverdue: true });

    const [audit] = await platform.database.db.select().from(auditLog).where(and(eq(auditLog.resource, 'action'), eq(auditLog.resourceId, created.bhalil!.id)));
    expect(audit).toMatchObject({ action: 'create', territoryCode: codes.bhalil });
  });

  it('refuses an action without owner, or from a decision or for an owner outside the scope', async () => {
    const noOwner = await amimi.post('/api/actions', { decisionId: ids.decision, title: 'x' });
    expect(noOwner.statusCode).toBe(422);
    expect(noOwner.json().error.code).toBe('action_owner_required');
    const fesDecision = await amimi.post('/api/actions', { decisionId: ids.fesDecision, title: 'x', ownerPersonId: ids.amimi });
    expect(fesDecision.statusCode).toBe(404);
    expect(fesDecision.json().error.code).toBe('decision_not_found');
    const fesOwner = await amimi.post('/api/actions', { decisionId: ids.decision, title: 'x', ownerPersonId: ids.tazi });
    expect(fesOwner.statusCode).toBe(404);
    expect(fesOwner.json().error.code).toBe('person_not_found');
    expect((await sefrouReader.post('/api/actions', { decisionId: ids.decision, title: 'x', ownerPersonId: ids.amimi })).statusCode).toBe(403);
  });

  it('changes status with a note, audited, and flags lateness from the date in Morocco', async () => {
    const res = await amimi.patch(`/api/actions/${created.women!.id}`, { status: 'in_progress', statusNote: 'لقاء مع المنظمة النسائية يوم السبت' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'in_progress', statusNote: 'لقاء مع المنظمة النسائية يوم السبت', isOverdue: true });
    const rows = await platform.database.db.select().from(auditLog).where(and(eq(auditLog.resource, 'action'), eq(auditLog.resourceId, created.women!.id)));
    const update = rows.find((r) => r.action === 'update');
    expect(update?.before).toMatchObject({ status: 'open', statusNote: null });
    expect(update?.after).toMatchObject({ status: 'in_progress', statusNote: 'لقاء مع المنظمة النسائية يوم السبت' });

    const done = await create(amimi, { decisionId: ids.decision, title: 'منجز', ownerPersonId: ids.amimi, dueOn: PAST });
    const finished = (await amimi.patch(`/api/actions/${done.id}`, { status: 'done' })).json();
    expect(finished).toMatchObject({ status: 'done', isOverdue: false, statusNote: null });
    created.done = finished;

    const overdue = (await amimi.get(`/api/actions?isOverdue=true&meeting=${ids.meeting}`)).json();
    expect(overdue.items.map((a: { id: string }) => a.id).sort()).toEqual([created.bhalil!.id, created.women!.id].sort());
    expect(overdue.total).toBe(2);
    const pending = (await amimi.get(`/api/actions?status=open&status=in_progress&sort=dueOn&meeting=${ids.meeting}`)).json();
    expect(pending.items.map((a: { title: string }) => a.title)).toEqual(['تأسيس أمانة محلية بالبهاليل', 'الانفتاح على النساء', 'جرد الجماعات بدون هيئة', 'بدون أجل']);
    const owned = (await amimi.get(`/api/actions?owner=${ids.bhalil}&meeting=${ids.meeting}`)).json();
    expect(owned.total).toBe(2);
  });

  it('keeps actions within the scope: 404 outside, lists and counts filtered', async () => {
    const hidden = await fesOfficer.get(`/api/actions/${created.bhalil!.id}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe('action_not_found');
    expect((await fesOfficer.patch(`/api/actions/${created.bhalil!.id}`, { status: 'done' })).statusCode).toBe(404);
    expect((await amimi.get(`/api/actions/${created.fes!.id}`)).statusCode).toBe(404);
    const { territories } = platform.services;
    const fes = (await fesOfficer.get('/api/actions')).json();
    expect(fes.items.map((a: { id: string }) => a.id)).toContain(created.fes!.id);
    expect(fes.items.every((a: { territoryCode: string }) => territories.contains(codes.fesPrefecture, a.territoryCode))).toBe(true);
    expect(fes.total).toBe(fes.items.length);
    const sefrou = (await sefrouReader.get('/api/actions')).json();
    expect(sefrou.items.every((a: { territoryCode: string }) => territories.contains(codes.province, a.territoryCode))).toBe(true);
    expect(sefrou.total).toBe(sefrou.items.length);
    expect((await sefrouReader.get(`/api/actions?meeting=${ids.meeting}`)).json().total).toBe(5);
    expect((await sefrouReader.get(`/api/actions?meeting=${ids.fesMeeting}`)).json()).toEqual({ items: [], total: 0 });
    expect((await elHajira.get('/api/actions')).json().total).toBe(sefrou.total + fes.total);
    expect((await elHajira.get(`/api/actions?meeting=${ids.fesMeeting}`)).json().total).toBe(1);
  });

  it("shows the regional secretary general the region's open actions by province and by owner", async () => {
    const res = await elHajira.get(`/api/actions/board?territory=${codes.region}`);
    expect(res.statusCode, res.body).toBe(200);
    const board = res.json();
    expect(board.territory).toMatchObject({ code: codes.region, level: 'region' });
    expect(added(board.totals, regionBefore.totals)).toEqual({ open: 4, inProgress: 1, done: 1, overdue: 3 });
    expect(board.totals.dropped).toBe(regionBefore.totals.dropped);
    // Every province of the region, those with nothing pending included.
    expect(board.byTerritory.map((t: { code: string }) => t.code)).toEqual(platform.services.territories.children(codes.region).map((t) => t.code));
    expect(added(lineOf(board, codes.province), lineOf(regionBefore, codes.province))).toEqual({ open: 3, inProgress: 1, overdue: 2, done: 1 });
    expect(added(lineOf(board, codes.fesPrefecture), lineOf(regionBefore, codes.fesPrefecture))).toEqual({ open: 1, inProgress: 0, overdue: 1, done: 0 });
    const others = board.byTerritory.filter((t: { code: string }) => t.code !== codes.province && t.code !== codes.fesPrefecture);
    for (const t of others) expect(t).toMatchObject({ open: 0, inProgress: 0, overdue: 0, done: 0 });
    expect(added(ownerOf(board, ids.bhalil), ownerOf(regionBefore, ids.bhalil))).toMatchObject({ open: 2, inProgress: 0, overdue: 1 });
    expect(added(ownerOf(board, ids.women), ownerOf(regionBefore, ids.women))).toMatchObject({ open: 0, inProgress: 1, overdue: 1 });
    expect(added(ownerOf(board, ids.amimi), ownerOf(regionBefore, ids.amimi))).toMatchObject({ open: 1, overdue: 0 });
    expect(ownerOf(board, ids.tazi)).toMatchObject({ open: 1, overdue: 1 });
  });

  it('shows the provincial secretary his province commune by commune, and nothing of Fès', async () => {
    const board = (await amimi.get('/api/actions/board')).json();
    expect(board.territory.code).toBe(codes.province);
    expect(board.byTerritory).toHaveLength(platform.services.territories.children(codes.province).length);
    expect(added(lineOf(board, codes.bhalil), lineOf(provinceBefore, codes.bhalil))).toMatchObject({ open: 2, overdue: 1 });
    // The women's organization and the provincial secretary act at the province's level, above its communes.
    expect(added(board.totals, provinceBefore.totals)).toEqual({ open: 3, inProgress: 1, done: 1, overdue: 2 });
    const region = (await amimi.get(`/api/actions/board?territory=${codes.region}`)).json();
    expect(region.byTerritory.map((t: { code: string }) => t.code)).toEqual([codes.province]);
    expect(region.totals).toEqual(board.totals);
    expect(region.byOwner.some((o: { ownerPerson: { id: string } | null }) => o.ownerPerson?.id === ids.tazi)).toBe(false);
    const fes = await amimi.get(`/api/actions/board?territory=${codes.fesPrefecture}`);
    expect(fes.statusCode).toBe(404);
  });

  it('exports the filtered list as CSV and XLSX, audited', async () => {
    const csv = await amimi.get(`/api/actions/export?format=csv&territory=${codes.province}&sort=dueOn&meeting=${ids.meeting}`);
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const rows: string[][] = parse(csv.body.replace(/^\ufeff/, ''));
    expect(rows[0]?.slice(0, 4)).toEqual(['Action', 'Status', 'Overdue', 'Due on']);
    expect(rows).toHaveLength(6);
    expect(rows[1]?.slice(0, 4)).toEqual(['تأسيس أمانة محلية بالبهاليل', 'Open', 'Yes', PAST]);

    const xlsx = await new ApiClient(platform.app, 'ar').signIn('amimi@demo.tanzim.ma');
    const file = await xlsx.get(`/api/actions/export?format=xlsx&isOverdue=true&meeting=${ids.meeting}`);
    expect(file.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('الإجراء');
    expect(sheet.rowCount).toBe(3);

    const exports = await platform.database.db.select().from(auditLog).where(and(eq(auditLog.resource, 'actions'), eq(auditLog.action, 'export')));
    expect(exports.map((e) => (e.after as { count: number }).count)).toEqual([5, 2]);
    // Nothing of Fès in Sefrou's export, even when asked for.
    const fes = await amimi.get(`/api/actions/export?format=csv&meeting=${ids.fesMeeting}`);
    expect(parse(fes.body.replace(/^\ufeff/, ''))).toHaveLength(1);
  });
});
