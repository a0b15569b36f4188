import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createTestPlatform, type TestPlatform } from '../../../test/support/platform';
import { DEMO } from '../../demo/demo.seed';
import { auditLog } from '../access/access.tables';
import { systemActor } from '../access/audit';
import { Scope } from '../access/scope';
import { MeetingsService, type MeetingChange } from './meetings.service';

/**
 * The meeting of the seed document: Sefrou's provincial secretariat meets by video conference at the
 * invitation of the regional secretary general; attendance, quorum, minutes approved by the chair.
 */
let platform: TestPlatform;
let admin: ApiClient;
let amimi: ApiClient;
let elHajira: ApiClient;
let immouzzer: ApiClient;
let fesOfficer: ApiClient;
let sefrouReader: ApiClient;
let invitedReader: ApiClient;
const ids = {} as Record<'provincial' | 'regional' | 'fesProvincial' | 'amimi' | 'elHajira' | 'treasurer' | 'member' | 'bhalilPresident' | 'tazi' | 'invitedPerson', string>;
let meetingId: string;
let agendaItemId: string;

const { codes } = DEMO;
const put = (api: ApiClient, url: string, body: unknown) => api.request('PUT' as 'POST', url, body);

async function audits(resource: string, resourceId: string) {
  return platform.database.db.select().from(auditLog).where(and(eq(auditLog.resource, resource), eq(auditLog.resourceId, resourceId))).orderBy(asc(auditLog.id));
}

const seedMeeting = () => ({
  bodyId: ids.provincial,
  kind: 'internal',
  title: 'اجتماع الأمانة الإقليمية بصفرو',
  purpose: 'تدارس الوضع التنظيمي وآفاق الحزب بالإقليم',
  convenedByBodyId: ids.regional,
  convenedByPersonId: ids.elHajira,
  chairPersonId: ids.amimi,
  secretaryPersonId: ids.member,
  // 16:00 in Morocco on Sunday 17 May 2020, during Ramadan (UTC+0).
  startsAt: '2020-05-17T16:00:00Z',
  endsAt: '2020-05-17T18:00:00Z',
  mode: 'remote',
  agenda: [{ title: 'الوضع التنظيمي وآفاق الحزب بالإقليم' }],
});

beforeAll(async () => {
  platform = await createTestPlatform({ demo: true });
  const { access, people } = platform.services;
  admin = await new ApiClient(platform.app).signIn('admin@demo.tanzim.ma');
  amimi = await new ApiClient(platform.app).signIn('amimi@demo.tanzim.ma');
  elHajira = await new ApiClient(platform.app).signIn('elhajira@demo.tanzim.ma');
  immouzzer = await new ApiClient(platform.app).signIn('immouzzer@demo.tanzim.ma');
  const body = async (territory: string, kind: string) => (await admin.get(`/api/bodies?territory=${territory}&kind=${kind}`)).json().items.find((b: { territoryCode: string }) => b.territoryCode === territory).id as string;
  ids.provincial = await body(codes.province, 'provincial_secretariat');
  ids.regional = await body(codes.region, 'regional_secretariat');
  ids.fesProvincial = await body(codes.fesPrefecture, 'provincial_secretariat');
  const holder = async (bodyId: string, position: string) => (await admin.get(`/api/mandates?body=${bodyId}`)).json().items.find((m: { position: string }) => m.position === position).personId as string;
  ids.amimi = await holder(ids.provincial, 'provincial_secretary');
  ids.treasurer = await holder(ids.provincial, 'treasurer');
  ids.member = await holder(ids.provincial, 'member');
  ids.elHajira = await holder(ids.regional, 'regional_secretary_general');
  ids.tazi = await holder(ids.fesProvincial, 'provincial_secretary');
  ids.bhalilPresident = await holder(await body(codes.bhalil, 'preparatory_committee'), 'committee_president');
  ids.invitedPerson = (await people.create(systemActor, { givenNameLatin: 'Salma', familyNameLatin: 'Invitee', gender: 'female', communeCode: codes.sefrouCity })).id;
  await access.createUser(systemActor, { email: 'fes@demo.tanzim.ma', name: 'Fès', password: DEMO.password, role: 'officer', scopeCode: codes.fesPrefecture });
  await access.createUser(systemActor, { email: 'reader@demo.tanzim.ma', name: 'Reader', password: DEMO.password, role: 'reader', scopeCode: codes.province });
  await access.createUser(systemActor, { email: 'salma@demo.tanzim.ma', name: 'Salma', password: DEMO.password, role: 'reader', scopeCode: codes.province, personId: ids.invitedPerson });
  fesOfficer = await new ApiClient(platform.app).signIn('fes@demo.tanzim.ma');
  sefrouReader = await new ApiClient(platform.app).signIn('reader@demo.tanzim.ma');
  invitedReader = await new ApiClient(platform.app).signIn('salma@demo.tanzim.ma');
});
afterAll(() => platform?.close());

describe('meetings', () => {
  it("convenes a remote meeting of Sefrou's provincial secretariat at the invitation of the regional secretariat", async () => {
    const res = await amimi.post('/api/meetings', seedMeeting());
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json();
    meetingId = m.id;
    agendaItemId = m.agenda[0].id;
    expect(m).toMatchObject({
      territoryCode: codes.province,
      status: 'scheduled',
      sequence: 0,
      timeZone: 'Africa/Casablanca',
      startsAt: '2020-05-17T16:00:00+00:00',
      endsAt: '2020-05-17T18:00:00+00:00',
      convenedByBody: { id: ids.regional, kind: 'regional_secretariat' },
      convenedByPerson: { id: ids.elHajira, familyNameLatin: 'El Hajira' },
      chairPerson: { id: ids.amimi },
      secretaryPerson: { id: ids.member },
      body: { id: ids.provincial },
      canWrite: true,
      canApproveMinutes: true,
    });
    expect(m.videoUrl).toMatch(/^https:\/\/meet\.jit\.si\/Tanzim-[a-z2-7]{26}$/);
    const [created] = await audits('meeting', m.id);
    expect(created).toMatchObject({ action: 'create', territoryCode: codes.province });
  });

  it('answers times with the offset Morocco had on that day: UTC+1 outside Ramadan', async () => {
    const res = await amimi.post('/api/meetings', { ...seedMeeting(), title: 'June', startsAt: '2020-06-21T15:00:00Z', endsAt: '2020-06-21T17:00:00+01:00', mode: 'in_person', place: 'Sefrou' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ startsAt: '2020-06-21T16:00:00+01:00', endsAt: '2020-06-21T17:00:00+01:00', videoUrl: null, place: 'Sefrou' });
    const june = await amimi.get(`/api/meetings?territory=${codes.province}&from=2020-06-01T00:00:00Z&to=2020-07-01T00:00:00Z`);
    expect(june.json().items.map((x: { title: string }) => x.title)).toEqual(['June']);
    expect(june.json().total).toBe(1);
  });

  it('places a time sent without an offset on Moroccan time, with the server\'s time-zone data', async () => {
    const res = await amimi.post('/api/meetings', { ...seedMeeting(), title: 'Wall clock', startsAt: '2020-06-21T16:00', endsAt: '2020-06-21T18:00:00', mode: 'in_person', place: 'Sefrou' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ startsAt: '2020-06-21T16:00:00+01:00', endsAt: '2020-06-21T18:00:00+01:00' });
    const ramadan = await amimi.post('/api/meetings', { ...seedMeeting(), title: 'Ramadan', startsAt: '2020-05-17T16:00', endsAt: '2020-05-17T18:00', mode: 'in_person', place: 'Sefrou' });
    expect(ramadan.json()).toMatchObject({ startsAt: '2020-05-17T16:00:00+00:00', endsAt: '2020-05-17T18:00:00+00:00' });
  });

  it('refuses, with clear messages, a meeting that breaks the rules', async () => {
    const fr = await new ApiClient(platform.app, 'fr').signIn('amimi@demo.tanzim.ma');
    const ends = await fr.post('/api/meetings', { ...seedMeeting(), endsAt: '2020-05-17T15:00:00Z' });
    expect(ends.statusCode).toBe(422);
    expect(ends.json().error).toEqual({ code: 'meeting_ends_before_start', message: 'La réunion doit finir après son début.' });
    const place = await amimi.post('/api/meetings', { ...seedMeeting(), mode: 'hybrid' });
    expect(place.json().error.code).toBe('meeting_place_required');
    // Fès's secretariat is not above Sefrou's.
    const convening = await admin.post('/api/meetings', { ...seedMeeting(), convenedByBodyId: ids.fesProvincial, convenedByPersonId: null });
    expect(convening.json().error.code).toBe('convening_body_invalid');
    // Amimi cannot read Fès's provincial secretary, so cannot make her chair.
    const chair = await amimi.post('/api/meetings', { ...seedMeeting(), chairPersonId: ids.tazi });
    expect(chair.statusCode).toBe(422);
    expect(chair.json().error.code).toBe('person_not_found');
    // A convener from the level above must belong to the convening body.
    const convener = await amimi.post('/api/meetings', { ...seedMeeting(), convenedByPersonId: ids.tazi });
    expect(convener.json().error.code).toBe('person_not_found');
    const outside = await fesOfficer.post('/api/meetings', seedMeeting());
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error.code).toBe('body_not_found');
  });

  it('shows the video link only to writers of the territory and to the invited', async () => {
    const link = (await amimi.get(`/api/meetings/${meetingId}`)).json().videoUrl;
    expect((await elHajira.get(`/api/meetings/${meetingId}`)).json().videoUrl).toBe(link);
    expect((await admin.get(`/api/meetings/${meetingId}`)).json().videoUrl).toBe(link);
    const read = (await sefrouReader.get(`/api/meetings/${meetingId}`)).json();
    expect(read).toMatchObject({ videoUrl: null, canWrite: false, canApproveMinutes: false });
    expect((await invitedReader.get(`/api/meetings/${meetingId}`)).json().videoUrl).toBeNull();

    const patched = await amimi.patch(`/api/meetings/${meetingId}`, { guestPersonIds: [ids.invitedPerson] });
    expect(patched.statusCode, patched.body).toBe(200);
    // Inviting someone changes nothing the already invited must hear of.
    expect(patched.json().sequence).toBe(0);
    expect((await invitedReader.get(`/api/meetings/${meetingId}`)).json().videoUrl).toBe(link);
    const listed = (await invitedReader.get(`/api/meetings?body=${ids.provincial}`)).json().items;
    expect(listed.find((x: { id: string }) => x.id === meetingId).videoUrl).toBe(link);
    expect((await sefrouReader.get(`/api/meetings?body=${ids.provincial}`)).json().items.every((x: { videoUrl: unknown }) => x.videoUrl === null)).toBe(true);
  });

  it('hides the meeting outside the scope, and filters lists and counts', async () => {
    for (const api of [fesOfficer, immouzzer]) {
      const res = await api.get(`/api/meetings/${meetingId}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('meeting_not_found');
      expect((await api.get(`/api/meetings/${meetingId}/attendance`)).statusCode).toBe(404);
      expect((await api.patch(`/api/meetings/${meetingId}`, { title: 'x' })).statusCode).toBe(404);
    }
    const fesMeeting = await fesOfficer.post('/api/meetings', { ...seedMeeting(), bodyId: ids.fesProvincial, convenedByPersonId: null, chairPersonId: ids.tazi, secretaryPersonId: null, title: 'Fès' });
    expect(fesMeeting.statusCode, fesMeeting.body).toBe(201);
    const fesList = (await fesOfficer.get('/api/meetings')).json();
    expect(fesList.items.map((x: { title: string }) => x.title)).toEqual(['Fès']);
    expect(fesList.total).toBe(1);
    const sefrouList = (await amimi.get('/api/meetings')).json();
    expect(sefrouList.items.every((x: { territoryCode: string }) => x.territoryCode === codes.province)).toBe(true);
    expect(sefrouList.total).toBe(sefrouList.items.length);
    const regionList = (await elHajira.get('/api/meetings')).json();
    expect(regionList.total).toBe(sefrouList.total + 1);
  });

  it('counts a new sequence for changes the invited must hear of, and keeps agenda items in place', async () => {
    const purpose = await amimi.patch(`/api/meetings/${meetingId}`, { purpose: 'تدارس الوضع التنظيمي وآفاق الحزب بالإقليم.' });
    expect(purpose.json().sequence).toBe(0);
    const agenda = await amimi.patch(`/api/meetings/${meetingId}`, { agenda: [{ title: 'الوضع التنظيمي وآفاق الحزب بالإقليم' }, { title: 'توجيهات الأمين الجهوي' }] });
    expect(agenda.json().sequence).toBe(1);
    expect(agenda.json().agenda.map((a: { id: string; position: number }) => [a.id === agendaItemId, a.position])).toEqual([
      [true, 1],
      [false, 2],
    ]);
    const moved = await amimi.patch(`/api/meetings/${meetingId}`, { startsAt: '2020-05-17T15:30:00Z' });
    expect(moved.json()).toMatchObject({ sequence: 2, startsAt: '2020-05-17T15:30:00+00:00' });
    // The Jitsi room stays with the meeting.
    expect(moved.json().videoUrl).toBe((await amimi.get(`/api/meetings/${meetingId}`)).json().videoUrl);
    const rows = await audits('meeting', meetingId);
    expect(rows.map((r) => r.action)).toEqual(['create', 'update', 'update', 'update', 'update']);
  });

  it('records attendance and computes the quorum from the mandates of the day, guests apart', async () => {
    const res = await put(amimi, `/api/meetings/${meetingId}/attendance`, {
      entries: [
        { personId: ids.amimi, presence: 'remote', title: 'الأمين الإقليمي' },
        { personId: ids.elHajira, presence: 'remote', title: 'الأمين الجهوي' },
        { personId: ids.treasurer, presence: 'excused' },
        { personId: ids.member, presence: 'remote' },
        { personId: ids.invitedPerson, presence: 'remote' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    // Members: the three mandates of the provincial secretariat; the regional secretary general is not one of them.
    expect(body.quorum).toEqual({ members: 3, present: 2, required: 2, isReached: true });
    expect(body.items).toHaveLength(5);
    // Named as a guest, she is recorded as one.
    expect(body.items.find((e: { person: { id: string } }) => e.person.id === ids.invitedPerson).isGuest).toBe(true);
    expect(body.items.find((e: { person: { id: string } }) => e.person.id === ids.elHajira)).toMatchObject({ presence: 'remote', title: 'الأمين الجهوي', isGuest: false });

    const absent = await put(amimi, `/api/meetings/${meetingId}/attendance`, { entries: [{ personId: ids.member, presence: 'absent' }] });
    expect(absent.json().quorum).toEqual({ members: 3, present: 1, required: 2, isReached: false });
    const asGuest = await put(amimi, `/api/meetings/${meetingId}/attendance`, { entries: [{ personId: ids.member, presence: 'in_person', isGuest: true }] });
    expect(asGuest.json().quorum.present).toBe(1);
    await put(amimi, `/api/meetings/${meetingId}/attendance`, { entries: [{ personId: ids.member, presence: 'remote', isGuest: false }] });
    expect((await sefrouReader.get(`/api/meetings/${meetingId}/attendance`)).json().quorum.isReached).toBe(true);

    const stranger = await put(amimi, `/api/meetings/${meetingId}/attendance`, { entries: [{ personId: ids.tazi, presence: 'remote' }] });
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json().error.code).toBe('person_not_found');
    expect((await put(sefrouReader, `/api/meetings/${meetingId}/attendance`, { entries: [{ personId: ids.amimi, presence: 'remote' }] })).statusCode).toBe(403);
    expect((await audits('meeting_attendance', meetingId)).length).toBe(4);
  });

  it('drafts the minutes, has them approved by the chair only, locks them, and versions later changes', async () => {
    const draft = {
      items: [
        {
          agendaItemId,
          speeches: [
            { personId: ids.amimi, summary: 'استعرض الأمين الإقليمي حصيلة الإقليم: أمانة محلية ولجان تحضيرية ودورات تكوينية.' },
            { personId: ids.elHajira, summary: 'هنأ الحاضرون الأمين الجهوي على تعيينه.' },
          ],
        },
      ],
    };
    const first = await put(amimi, `/api/meetings/${meetingId}/minutes`, draft);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ version: 1, status: 'draft', approvedAt: null });
    const edited = await put(amimi, `/api/meetings/${meetingId}/minutes`, { items: [{ ...draft.items[0], notes: 'بالإجماع' }] });
    expect(edited.json()).toMatchObject({ id: first.json().id, version: 1, status: 'draft' });

    // The regional secretary general may write in Sefrou, but he did not chair.
    const refused = await elHajira.post(`/api/meetings/${meetingId}/minutes/approve`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toEqual({ code: 'minutes_approve_chair_only', message: 'Only the chair of the meeting or an administrator may approve the minutes.' });
    expect((await sefrouReader.post(`/api/meetings/${meetingId}/minutes/approve`)).statusCode).toBe(403);

    const approved = await amimi.post(`/api/meetings/${meetingId}/minutes/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ version: 1, status: 'approved' });
    expect(approved.json().approvedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    expect((await amimi.post(`/api/meetings/${meetingId}/minutes/approve`)).statusCode).toBe(409);

    // A change after approval is a new version; the approved one stays as it was.
    const second = await put(amimi, `/api/meetings/${meetingId}/minutes`, { items: [{ agendaItemId, speeches: [{ speaker: 'الكاتب', summary: 'تصحيح' }] }] });
    expect(second.json()).toMatchObject({ version: 2, status: 'draft' });
    const versions = (await sefrouReader.get(`/api/meetings/${meetingId}/minutes`)).json();
    expect(versions.items.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
      [2, 'draft'],
      [1, 'approved'],
    ]);
    expect(versions.items[1].content.items[0].notes).toBe('بالإجماع');
    expect(versions.items[1].content.items[0].speeches).toHaveLength(2);
    expect((await admin.post(`/api/meetings/${meetingId}/minutes/approve`)).json()).toMatchObject({ version: 2, status: 'approved' });

    const foreign = await put(amimi, `/api/meetings/${meetingId}/minutes`, { items: [{ agendaItemId: ids.provincial, speeches: [] }] });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().error.code).toBe('agenda_item_unknown');

    const v1 = await audits('meeting_minutes', first.json().id);
    expect(v1.map((r) => r.action)).toEqual(['create', 'update', 'approve']);
    expect((await audits('meeting_minutes', second.json().id)).map((r) => r.action)).toEqual(['create', 'approve']);
  });

  it('records decisions in order, under agenda items', async () => {
    const texts = ['تأسيس هيئة للحزب في كل جماعة من جماعات الإقليم', 'الانفتاح على الشباب والنساء', 'الإعداد للاستحقاقات المقبلة بشريا ولوجستيكيا'];
    for (const text of texts) {
      const res = await amimi.post(`/api/meetings/${meetingId}/decisions`, { text, agendaItemId, byPersonId: ids.elHajira });
      expect(res.statusCode, res.body).toBe(201);
    }
    const list = (await sefrouReader.get(`/api/meetings/${meetingId}/decisions`)).json();
    expect(list.items.map((d: { position: number; text: string }) => [d.position, d.text])).toEqual(texts.map((t, i) => [i + 1, t]));
    const extra = (await amimi.post(`/api/meetings/${meetingId}/decisions`, { text: 'مؤقت' })).json();
    expect((await amimi.patch(`/api/decisions/${extra.id}`, { text: 'مؤقت بعد التعديل' })).json().text).toBe('مؤقت بعد التعديل');
    expect((await fesOfficer.request('DELETE', `/api/decisions/${extra.id}`)).statusCode).toBe(404);
    expect((await amimi.request('DELETE', `/api/decisions/${extra.id}`)).statusCode).toBe(204);
    expect((await amimi.get(`/api/meetings/${meetingId}/decisions`)).json().total).toBe(3);
    expect((await audits('meeting_decision', extra.id)).map((r) => r.action)).toEqual(['create', 'update', 'delete']);
  });

  it('calls the change hook after updates and cancellations, and refuses changes to a cancelled meeting', async () => {
    const calls: Array<[string, MeetingChange]> = [];
    const { territories } = platform.services;
    const service = new MeetingsService(platform.database.db, territories, { afterChange: async (id, kind) => void calls.push([id, kind]) });
    const viewer = { read: Scope.all(territories), write: Scope.all(territories), isAdmin: true, personId: null };
    const created = await service.create(systemActor, viewer, { ...seedMeeting(), kind: 'internal', mode: 'remote', title: 'To cancel' });
    await service.update(systemActor, viewer, created.id, { title: 'To cancel, renamed' });
    // Nothing changed: nobody is told.
    await service.update(systemActor, viewer, created.id, { title: 'To cancel, renamed' });
    const cancelled = await amimi.post(`/api/meetings/${created.id}/cancel`);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', sequence: 2 });
    await expect(service.cancel(systemActor, viewer, created.id)).rejects.toMatchObject({ status: 409, code: 'meeting_cancelled' });
    expect(calls).toEqual([[created.id, 'updated']]);
    const mine = await service.create(systemActor, viewer, { ...seedMeeting(), kind: 'internal', mode: 'remote', title: 'Mine' });
    await service.cancel(systemActor, viewer, mine.id);
    expect(calls).toEqual([
      [created.id, 'updated'],
      [mine.id, 'cancelled'],
    ]);
    expect((await amimi.patch(`/api/meetings/${created.id}`, { title: 'x' })).json().error.code).toBe('meeting_cancelled');
    expect((await amimi.post(`/api/meetings/${created.id}/cancel`)).statusCode).toBe(409);
    expect((await audits('meeting', created.id)).map((r) => r.action)).toEqual(['create', 'update', 'cancel']);
  });
});
