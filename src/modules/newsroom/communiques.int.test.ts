import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createTestPlatform, type TestPlatform } from '../../../test/support/platform';
import { DEMO } from '../../demo/demo.seed';
import { DEMO_MEETING } from '../../demo/demo.meeting';
import { communiques } from './communiques.tables';

let platform: TestPlatform;
let amimi: ApiClient;
let elHajira: ApiClient;
let fes: ApiClient;
let meetingId: string;

type Communique = { id: string; meetingId: string; status: string; territoryCode: string; titleAr: string; bodyAr: string; titleFr: string; bodyFr: string; body: { nameAr: string } };

beforeAll(async () => {
  platform = await createTestPlatform({ demo: true });
  amimi = await new ApiClient(platform.app, 'ar').signIn('amimi@demo.tanzim.ma');
  elHajira = await new ApiClient(platform.app).signIn('elhajira@demo.tanzim.ma');
  await platform.services.access.createUser(
    { userId: null, ip: null },
    { email: 'fes@demo.tanzim.ma', name: 'Fès', password: DEMO.password, role: 'officer', scopeCode: DEMO.codes.fesPrefecture },
  );
  fes = await new ApiClient(platform.app).signIn('fes@demo.tanzim.ma');
  const meetings = (await amimi.get(`/api/meetings?territory=${DEMO.codes.province}`)).json() as { items: Array<{ id: string; startsAt: string }> };
  const found = meetings.items.find((m) => m.startsAt.startsWith(DEMO_MEETING.date));
  if (!found) throw new Error('the demo meeting of 17 May 2020 is missing');
  meetingId = found.id;
});
afterAll(() => platform?.close());

describe('the demo meeting of 17 May 2020', () => {
  it('is convened by the regional secretary general, chaired by the provincial secretary, by video conference in Ramadan time', async () => {
    const meeting = (await amimi.get(`/api/meetings/${meetingId}`)).json();
    expect(meeting).toMatchObject({
      kind: 'internal',
      mode: 'remote',
      status: 'scheduled',
      territoryCode: DEMO.codes.province,
      // Morocco was on UTC+0 during Ramadan 2020.
      startsAt: '2020-05-17T16:00:00+00:00',
      endsAt: '2020-05-17T18:00:00+00:00',
      timeZone: 'Africa/Casablanca',
      purpose: `تدارس ${DEMO_MEETING.agenda}`,
      body: { nameAr: 'الأمانة الإقليمية بصفرو' },
      convenedByPerson: { familyNameLatin: 'El Hajira', title: 'الدكتور' },
      convenedByBody: { kind: 'regional_secretariat' },
      chairPerson: { familyNameLatin: 'Amimi' },
      agenda: [{ position: 1, title: DEMO_MEETING.agenda }],
      canApproveMinutes: true,
    });
    expect(meeting.videoUrl).toMatch(/^https:\/\/.+\/.{16,}$/);
  });

  it('records who attended, the approved minutes, the directives and their actions', async () => {
    const attendance = (await amimi.get(`/api/meetings/${meetingId}/attendance`)).json() as { items: Array<{ person: { familyNameLatin: string }; presence: string; isGuest: boolean; title: string | null }> };
    expect(attendance.items).toHaveLength(9);
    expect(attendance.items.every((a) => a.presence === 'remote')).toBe(true);
    expect(attendance.items.filter((a) => a.isGuest).map((a) => a.person.familyNameLatin)).toEqual(['El Hajira']);
    expect(attendance.items.map((a) => a.person.familyNameLatin).sort()).toEqual(['Ait Taleb', 'Alaoui', 'Amimi', 'Benmoussa', 'Bennani', 'Chraibi', 'El Amrani', 'El Hajira', 'Ouazzani']);

    const minutes = (await amimi.get(`/api/meetings/${meetingId}/minutes`)).json() as { items: Array<{ version: number; status: string; content: { items: Array<{ speeches: unknown[] }> } }> };
    expect(minutes.items.find((m) => m.version === 1)).toMatchObject({ status: 'approved' });
    expect(minutes.items.find((m) => m.version === 1)?.content.items[0]?.speeches).toHaveLength(6);

    const decisions = (await amimi.get(`/api/meetings/${meetingId}/decisions`)).json() as { items: Array<{ text: string; byPersonId: string | null }> };
    const directives = decisions.items.slice(0, 3);
    expect(directives.map((d) => d.text)).toEqual([
      'ضمان حضور الحزب في كل جماعة من جماعات الإقليم بتشكيل هيئة له في كل جماعة',
      'الانفتاح على الشباب والنساء واستقطاب طاقات وكفاءات جديدة',
      'التحضير الجيد للاستحقاقات الانتخابية المقبلة بشريا ولوجستيكيا',
    ]);
    expect(new Set(directives.map((d) => d.byPersonId)).size).toBe(1);

    const actions = (await elHajira.get(`/api/actions?meeting=${meetingId}`)).json() as { items: Array<{ title: string; ownerBody: { nameFr: string }; dueOn: string; status: string; isOverdue: boolean }> };
    expect(actions.items.map((a) => [a.ownerBody.nameFr, a.dueOn]).sort()).toEqual([
      ['Organisation des femmes PAM de Sefrou', '2020-09-30'],
      ['Organisation des jeunes PAM de Sefrou', '2020-09-30'],
      ['Secrétariat provincial de Sefrou', '2020-10-31'],
      ['Secrétariat provincial de Sefrou', '2020-12-31'],
    ]);
    expect(actions.items.every((a) => a.status === 'open' && a.isOverdue)).toBe(true);
  });

  it('leaves its writes in the audit log, as if typed in', async () => {
    const audit = async (resource: string) => ((await amimi.get(`/api/audit?resource=${resource}`)).json() as { items: Array<{ action: string }> }).items.map((a) => a.action);
    expect(await audit('meeting')).toContain('create');
    expect(await audit('meeting_attendance')).toContain('update');
    expect(await audit('meeting_minutes')).toEqual(expect.arrayContaining(['create', 'approve']));
    expect(await audit('meeting_decision')).toHaveLength(3);
    expect(await audit('action')).toHaveLength(4);
    expect(await audit('communique')).toEqual(['create']);
  });
});

describe('the communiqué draft of the demo meeting', () => {
  it('is listed for the meeting, in the words of the seed document', async () => {
    const res = await amimi.get(`/api/communiques?meeting=${meetingId}`);
    expect(res.statusCode).toBe(200);
    const { items, total } = res.json() as { items: Communique[]; total: number };
    expect(total).toBe(1);
    const [draft] = items;
    expect(draft?.status).toBe('draft');
    expect(draft?.meetingId).toBe(meetingId);
    expect(draft?.territoryCode).toBe(DEMO.codes.province);
    expect(draft?.body.nameAr).toBe('الأمانة الإقليمية بصفرو');
    expect(draft?.titleAr).toBe(
      'تحت رئاسة الأمين الإقليمي إدريس عميمي وبحضور الأمين الجهوي الدكتور محمد الحجيرة، الأمانة الإقليمية لحزب الأصالة والمعاصرة بصفرو تعقد اجتماعا عن بعد لتدارس الوضع التنظيمي للحزب بالإقليم وآفاقه المستقبلية',
    );
    const text = draft?.bodyAr ?? '';
    for (const part of [
      'بدعوة من الأمين الجهوي للحزب بجهة فاس مكناس وعضو مجلس النواب الدكتور محمد الحجيرة',
      'يوم الأحد 17 ماي 2020 على الساعة 16:00',
      'عن بعد عبر تقنية التناظر المرئي',
      'ترأسه الأمين الإقليمي بصفرو إدريس عميمي',
      DEMO_MEETING.agenda,
      '- الأمين المحلي بإيموزار كندر عبد الرحيم الوزاني',
      '- رئيس اللجنة التحضيرية بالبهاليل حسن العمراني',
      '- رئيس اللجنة التحضيرية ببئر طم طم محمد آيت الطالب',
      '- منسقة منظمة نساء الأصالة والمعاصرة بصفرو فاطمة الزهراء بناني',
      'وفي كلمته، أكد الأمين الإقليمي إدريس عميمي أن الإقليم عرف، في ظرف وجيز، تأسيس أمانة محلية',
      'وشدد على أن الأمانة الإقليمية تطمح إلى تحقيق نتائج مشرفة',
      'ومن جهته، عبر الأمين المحلي بإيموزار كندر عبد الرحيم الوزاني عن انخراط مناضلي إيموزار كندر',
      'كما نوه بتعيين الدكتور محمد الحجيرة أمينا جهويا',
      'وفي ختام الاجتماع، قدم الأمين الجهوي الدكتور محمد الحجيرة توجيهاته، التي تمثلت في:',
      '- ضمان حضور الحزب في كل جماعة من جماعات الإقليم',
      '- الانفتاح على الشباب والنساء',
      '- التحضير الجيد للاستحقاقات الانتخابية المقبلة بشريا ولوجستيكيا',
    ]) {
      expect(text).toContain(part);
    }
    // The order of a communiqué: invitation, attendance, substance, directives.
    const at = (s: string) => text.indexOf(s);
    expect(at('بدعوة من')).toBe(0);
    expect(at('وقد حضر هذا الاجتماع كل من:')).toBeGreaterThan(at('بدعوة من'));
    expect(at('وفي كلمته')).toBeGreaterThan(at('وقد حضر'));
    expect(at('وفي ختام الاجتماع')).toBeGreaterThan(at('وفي كلمته'));
    expect(draft?.bodyFr).toContain('le dimanche 17 mai 2020 à 16 h 00, une réunion par visioconférence');
    expect(draft?.bodyFr).toContain("À l'invitation du Dr Mohamed El Hajira, secrétaire général régional de Fès-Meknès");
  });

  it('is seen by the regional secretary general, and by no officer of Fès', async () => {
    expect((await elHajira.get(`/api/communiques?meeting=${meetingId}`)).json().total).toBe(1);
    const [draft] = (await amimi.get(`/api/communiques?meeting=${meetingId}`)).json().items as Communique[];
    const mine = (await fes.get('/api/communiques')).json() as { items: Communique[]; total: number };
    expect(mine).toEqual({ items: [], total: 0 });
    expect((await fes.get(`/api/communiques?meeting=${meetingId}`)).json()).toEqual({ items: [], total: 0 });
    expect((await fes.get(`/api/communiques/${draft?.id}`)).statusCode).toBe(404);
    expect((await fes.patch(`/api/communiques/${draft?.id}`, { titleAr: 'عنوان' })).statusCode).toBe(404);
    expect((await fes.post(`/api/meetings/${meetingId}/communique`)).statusCode).toBe(404);
    expect((await amimi.get(`/api/communiques/${draft?.id}`)).json().titleAr).toBe(draft?.titleAr);
  });
});

describe('generating and editing drafts', () => {
  it('writes a new draft from the record as it stands, from the approved minutes rather than a later draft', async () => {
    const agenda = (await amimi.get(`/api/meetings/${meetingId}`)).json().agenda as Array<{ id: string }>;
    // A new version of the minutes, not approved: the communiqué keeps to the approved one.
    const saved = await amimi.request('PUT' as 'POST', `/api/meetings/${meetingId}/minutes`, {
      items: [{ agendaItemId: agenda[0]?.id, speeches: [{ speaker: 'مقرر الجلسة', summary: 'أن هذه صيغة لم يصادق عليها بعد' }] }],
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ version: 2, status: 'draft' });
    // A decision taken since the first draft.
    expect((await amimi.post(`/api/meetings/${meetingId}/decisions`, { agendaItemId: agenda[0]?.id, text: 'عقد الاجتماع المقبل للأمانة الإقليمية في شهر يونيو' })).statusCode).toBe(201);

    const res = await amimi.post(`/api/meetings/${meetingId}/communique`);
    expect(res.statusCode).toBe(201);
    const second = res.json() as Communique;
    expect(second.status).toBe('draft');
    expect(second.bodyAr).toContain('كما نوه بتعيين الدكتور محمد الحجيرة');
    expect(second.bodyAr).not.toContain('صيغة لم يصادق عليها');
    expect(second.bodyAr).toContain('كما قرر المجتمعون:\n- عقد الاجتماع المقبل للأمانة الإقليمية في شهر يونيو');
    const list = (await amimi.get(`/api/communiques?meeting=${meetingId}`)).json() as { items: Communique[]; total: number };
    expect(list.total).toBe(2);
    expect(list.items[0]?.id).toBe(second.id);

    const audit = (await amimi.get(`/api/audit?resource=communique&id=${second.id}`)).json() as { items: Array<{ action: string; after: { meetingId: string } }> };
    expect(audit.items.map((a) => a.action)).toEqual(['create']);
    expect(audit.items[0]?.after.meetingId).toBe(meetingId);
  });

  it('edits the text of a draft, audited before and after; a published one is not edited', async () => {
    const [draft] = (await amimi.get(`/api/communiques?meeting=${meetingId}`)).json().items as Communique[];
    const id = draft?.id ?? '';
    const bodyAr = `${draft?.bodyAr}\n\nوالسلام.`;
    const res = await amimi.patch(`/api/communiques/${id}`, { bodyAr, titleFr: 'Réunion du secrétariat provincial de Sefrou' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id, bodyAr, titleFr: 'Réunion du secrétariat provincial de Sefrou', titleAr: draft?.titleAr, status: 'draft' });
    expect((await amimi.get(`/api/communiques/${id}`)).json().bodyAr).toBe(bodyAr);

    const audit = (await amimi.get(`/api/audit?resource=communique&id=${id}`)).json() as { items: Array<{ action: string; before: { bodyAr: string }; after: { bodyAr: string; titleFr: string } }> };
    const update = audit.items.find((a) => a.action === 'update');
    expect(update?.before.bodyAr).toBe(draft?.bodyAr);
    expect(update?.after.bodyAr).toBe(bodyAr);

    expect((await amimi.patch(`/api/communiques/${id}`, { bodyAr: '  ' })).statusCode).toBe(400);
    expect((await amimi.patch(`/api/communiques/${id}`, { status: 'published' })).statusCode).toBe(400);

    // Publishing belongs to the newsroom; here a published communiqué only has to stay as published.
    await platform.database.db.update(communiques).set({ status: 'published' }).where(eq(communiques.id, id));
    const refused = await amimi.patch(`/api/communiques/${id}`, { bodyAr: 'نص آخر' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('communique_not_draft');
    expect(refused.json().error.message).toBe('هذا البلاغ منشور؛ لا تعدل إلا مسودات البلاغات.');
  });

  it('answers 404 for a communiqué or a meeting that does not exist', async () => {
    const none = '00000000-0000-4000-8000-000000000000';
    expect((await amimi.get(`/api/communiques/${none}`)).json().error.code).toBe('communique_not_found');
    expect((await amimi.post(`/api/meetings/${none}/communique`)).statusCode).toBe(404);
  });
});

