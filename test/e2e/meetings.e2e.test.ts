import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/demo/demo.seed';
import { apiSignIn, launchChromium, screenshot, startDemoServer } from '../support/browser';
import { ApiClient, type TestPlatform } from '../support/platform';
import { startTestSmtp } from '../support/smtp';

// The whole meeting flow in the browser, in Arabic: the provincial secretary of Sefrou convenes a remote
// meeting, invites Immouzzer's local secretariat, sends the invitations, the local secretary answers
// from the e-mail's link, the meeting is recorded (attendance, minutes, a decision and its action),
// the chair approves the minutes; then the regional secretary general finds the action on his board.

let platform: TestPlatform;
let baseUrl: string;
let browser: Browser;
let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
let admin: ApiClient;

const LOCAL_SECRETARY_EMAIL = 'ouazzani@example.ma';
const TITLE = 'اجتماع الأمانة الإقليمية حول التحضير للاستحقاقات';
const AGENDA = 'تتبع تأسيس الهيئات بجماعات الإقليم';
const SPEECH = 'قدم الكاتب الإقليمي حصيلة تأسيس الهيئات بالجماعات ودعا إلى تسريع وتيرتها';
const DECISION = 'تأسيس لجنة تحضيرية في كل جماعة غير مغطاة قبل نهاية السنة';
const ACTION = 'تأسيس لجان تحضيرية بالجماعات غير المغطاة بدائرة إيموزار كندر';

/** The day `days` after today in Morocco, as a date input takes it. */
function moroccanDayIn(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Casablanca' }).format(new Date());
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'ar-MA' });
  return { context, page: await context.newPage() };
}

/** Opens a Mantine select (by its input) and picks the option with that text. */
async function pick(page: Page, input: Locator, option: string): Promise<void> {
  await input.click();
  await page.getByRole('option', { name: option }).first().click();
}

beforeAll(async () => {
  smtp = await startTestSmtp();
  ({ platform, baseUrl } = await startDemoServer({ smtpUrl: smtp.url }));
  browser = await launchChromium();
  admin = await new ApiClient(platform.app).signIn('admin@demo.tanzim.ma');
  // The local secretary of Immouzzer-Kandar (by his mandate) gets an e-mail address, so that his invitation can reach him.
  const immouzzer = (await admin.request('GET', `/api/bodies?territory=${DEMO.codes.immouzzer}`)).json().items.find((b: { kind: string }) => b.kind === 'local_secretariat');
  const mandates = (await admin.request('GET', `/api/bodies/${immouzzer.id}`)).json().mandates as Array<{ position: string; endedOn: string | null; person: { id: string } }>;
  const ouazzani = mandates.find((m) => m.position === 'local_secretary' && !m.endedOn)?.person;
  if (!ouazzani) throw new Error('the demo local secretary of Immouzzer-Kandar is missing');
  const res = await admin.request('PATCH', `/api/people/${ouazzani.id}`, { email: LOCAL_SECRETARY_EMAIL });
  expect(res.statusCode).toBe(200);
});
afterAll(async () => {
  await browser?.close();
  await platform?.close();
  await smtp?.close();
});

describe('a remote meeting of the provincial secretariat of Sefrou, from convening to the regional board', () => {
  let context: BrowserContext;
  let page: Page;
  let meetingUrl = '';
  let rsvpLink = '';
  const day = moroccanDayIn(7);

  beforeAll(async () => {
    ({ context, page } = await newPage());
    await apiSignIn(context, baseUrl, 'amimi@demo.tanzim.ma');
  });
  afterAll(() => context?.close());

  it('is created by the provincial secretary, remote, with an agenda and an invited body', async () => {
    await page.goto(`${baseUrl}/meetings/new`);
    await page.getByTestId('meeting-form').waitFor({ timeout: 30_000 });
    // The organizing body offered first is the province's secretariat, the one she may write on.
    await expect.poll(() => page.getByTestId('meeting-body').inputValue(), { timeout: 15_000 }).toBe('الأمانة الإقليمية بصفرو');
    await page.getByTestId('meeting-title').fill(TITLE);
    await page.getByTestId('meeting-purpose').fill('تدارس الوضع التنظيمي للحزب بالإقليم والتحضير للاستحقاقات المقبلة');
    // At the invitation of the regional secretary general, of the body above: known from the secretariat's earlier meetings.
    await pick(page, page.getByTestId('meeting-convened-by-body'), 'الأمانة الجهوية لجهة فاس مكناس');
    await pick(page, page.getByTestId('meeting-convened-by-person'), 'محمد الحجيرة');
    await pick(page, page.getByTestId('meeting-chair'), 'إدريس عميمي');
    await pick(page, page.getByTestId('meeting-secretary'), 'عبد الله بنموسى');
    await page.getByTestId('meeting-day').fill(day);
    await page.getByTestId('meeting-start').fill('16:00');
    await page.getByTestId('meeting-end').fill('18:00');
    await page.getByTestId('meeting-mode-input').getByText('عن بعد', { exact: true }).click();
    await page.getByTestId('agenda-title').first().fill(AGENDA);
    await page.getByTestId('agenda-add').click();
    await page.getByTestId('agenda-title').nth(1).fill('التحضير للاستحقاقات الانتخابية المقبلة');
    await pick(page, page.getByTestId('meeting-invited-bodies'), 'الأمانة المحلية بإيموزار كندر (إيموزار كندر)');
    await page.keyboard.press('Escape');
    await screenshot(page, 'meeting-form-ar');
    await page.getByTestId('meeting-submit').click();

    await page.getByTestId('meeting-page').waitFor({ timeout: 15_000 });
    meetingUrl = page.url().replace(/\?.*$/, '');
    const id = await page.getByTestId('meeting-page').getAttribute('data-meeting-id');
    const saved = (await admin.request('GET', `/api/meetings/${id}`)).json();
    expect(saved).toMatchObject({ title: TITLE, mode: 'remote', kind: 'internal', body: { nameAr: 'الأمانة الإقليمية بصفرو' }, convenedByBody: { nameAr: 'الأمانة الجهوية لجهة فاس مكناس' }, convenedByPerson: { familyNameLatin: 'El Hajira' } });
    // 16:00 in Morocco that day, as the server places it (the browser sends the wall-clock time only).
    expect(saved.startsAt).toMatch(new RegExp(`^${day}T16:00:00[+-]\\d{2}:\\d{2}$`));
    expect(saved.endsAt).toMatch(new RegExp(`^${day}T18:00:00[+-]\\d{2}:\\d{2}$`));
    expect(saved.agenda.map((a: { title: string }) => a.title)).toEqual([AGENDA, 'التحضير للاستحقاقات الانتخابية المقبلة']);
    expect(saved.invitedBodies.map((b: { nameAr: string }) => b.nameAr)).toEqual(['الأمانة المحلية بإيموزار كندر']);

    // A remote meeting gets its video room; the chair sees the link.
    expect(await page.getByTestId('meeting-video-link').getAttribute('href')).toMatch(/^https:\/\//);
    expect(await page.getByTestId('meeting-chair-name').innerText()).toContain('إدريس عميمي');
    expect(await page.getByTestId('meeting-agenda').innerText()).toContain(AGENDA);
    await screenshot(page, 'meeting-page-ar');
  });

  it('shows in the calendar, on its day', async () => {
    await page.goto(`${baseUrl}/meetings?date=${day}`);
    const chip = page.locator(`[data-testid="calendar-day"][data-day="${day}"] [data-testid="calendar-meeting"]`);
    await chip.first().waitFor({ timeout: 15_000 });
    expect(await chip.first().innerText()).toContain('16:00');
    await screenshot(page, 'meetings-calendar-month-ar');
    // Her own calendar address, to subscribe from a phone.
    await page.getByTestId('calendar-subscribe').click();
    await page.getByTestId('calendar-feed-create').click();
    await expect.poll(() => page.getByTestId('calendar-feed-webcal').inputValue(), { timeout: 10_000 }).toMatch(/^webcal:\/\//);
    await page.keyboard.press('Escape');
    await page.getByTestId('calendar-view').getByText('أسبوع', { exact: true }).click();
    await expect.poll(() => page.getByTestId('calendar-grid').getAttribute('data-view')).toBe('week');
    await chip.first().waitFor();
    await screenshot(page, 'meetings-calendar-week-ar');
    await chip.first().click();
    await page.getByTestId('meeting-page').waitFor();
    expect(page.url().replace(/\?.*$/, '')).toBe(meetingUrl);
  });

  it('sends the invitations: the local secretary receives his with a calendar file and answer links', async () => {
    await page.goto(`${meetingUrl}?tab=invitations`);
    await page.getByTestId('send-invitations').click();
    const mail = await smtp.waitFor(LOCAL_SECRETARY_EMAIL, 15_000);
    expect(mail.subject).toContain(TITLE);
    const ics = mail.attachments.find((a) => a.filename === 'invite.ics');
    expect(ics?.content.toString('utf8')).toContain('METHOD:REQUEST');
    rsvpLink = mail.text?.match(/https?:\/\/\S+\/rsvp\?token=[^\s&]+&answer=yes/)?.[0] ?? '';
    expect(rsvpLink.startsWith(baseUrl)).toBe(true);
    const row = page.locator('[data-testid="invitation-row"]', { hasText: 'عبد الرحيم الوزاني' });
    await expect.poll(async () => (await row.innerText()).includes('لم ترسل'), { timeout: 10_000 }).toBe(false);
  });

  it('is answered by the local secretary from the link, without signing in', async () => {
    const visitor = await newPage();
    await visitor.page.goto(rsvpLink);
    await answerRsvp(visitor.page);
    await screenshot(visitor.page, 'rsvp-answer-ar');
    await visitor.context.close();

    await page.goto(`${meetingUrl}?tab=invitations`);
    const row = page.locator('[data-testid="invitation-row"]', { hasText: 'عبد الرحيم الوزاني' });
    await expect.poll(() => row.getAttribute('data-rsvp'), { timeout: 15_000 }).toBe('yes');
    await expect.poll(() => page.getByTestId('count-yes').getAttribute('data-value')).toBe('1');
    await screenshot(page, 'meeting-invitations-ar');
  });

  it('is changed, and the change reaches the invited as an update of their calendar entry', async () => {
    await page.goto(`${meetingUrl}/edit`);
    await page.getByTestId('meeting-form').waitFor({ timeout: 15_000 });
    await expect.poll(() => page.getByTestId('meeting-title').inputValue()).toBe(TITLE);
    await page.getByTestId('meeting-end').fill('18:30');
    await page.getByTestId('meeting-submit').click();
    await page.getByTestId('meeting-page').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('meeting-when').first().innerText()).toContain('16:00 – 18:30');
    const updates = () => smtp.messages.filter((m) => JSON.stringify(m.to).includes(LOCAL_SECRETARY_EMAIL));
    await expect.poll(() => updates().length, { timeout: 15_000 }).toBe(2);
    const ics = updates()[1]?.attachments.find((a) => a.filename === 'invite.ics')?.content.toString('utf8') ?? '';
    expect(ics).toContain('METHOD:REQUEST');
    expect(ics).toMatch(/SEQUENCE:1\r?\n/);
  });

  it('records the attendance, with the quorum of the secretariat', async () => {
    await page.goto(`${meetingUrl}?tab=attendance`);
    await page.getByTestId('attendance-members').waitFor({ timeout: 15_000 });
    const row = (name: string) => page.locator('[data-testid="attendance-row"]', { hasText: name });
    await row('إدريس عميمي').getByText('حاضر عن بعد', { exact: true }).click();
    await row('عبد الله بنموسى').getByText('حاضر عن بعد', { exact: true }).click();
    await row('نزهة العلوي').getByText('معتذر', { exact: true }).click();
    await row('عبد الرحيم الوزاني').getByText('حاضر عن بعد', { exact: true }).click();
    await row('عبد الرحيم الوزاني').getByTestId('attendance-title').fill('الكاتب المحلي بإيموزار كندر');
    await page.getByTestId('attendance-save').click();
    const recorded = async () => (await admin.request('GET', `${new URL(meetingUrl).pathname.replace('/meetings/', '/api/meetings/')}/attendance`)).json();
    const presencesOf = (attendance: { items: Array<{ person: { familyNameLatin: string }; presence: string }> }) => Object.fromEntries(attendance.items.map((e) => [e.person.familyNameLatin, e.presence]));
    await expect.poll(async () => presencesOf(await recorded()), { timeout: 10_000 }).toEqual({ Amimi: 'remote', Benmoussa: 'remote', Alaoui: 'excused', Ouazzani: 'remote' });
    // The quorum counts the secretariat's members present, remotely included; the page shows the server's count.
    const { quorum } = await recorded();
    expect(quorum.present).toBe(2);
    await expect.poll(() => page.getByTestId('quorum-present').innerText(), { timeout: 10_000 }).toBe('2');
    await expect.poll(() => page.getByTestId('attendance-save').isDisabled()).toBe(true);
    await screenshot(page, 'meeting-attendance-ar');
  });

  it('records the minutes with a decision, and the chair approves them', async () => {
    await page.goto(`${meetingUrl}?tab=minutes`);
    const item = page.getByTestId('minutes-item-form').first();
    await item.waitFor({ timeout: 15_000 });
    await item.getByTestId('speech-add').click();
    await pick(page, item.getByTestId('speech-person'), 'إدريس عميمي');
    await item.getByTestId('speech-summary').fill(SPEECH);
    await page.getByTestId('minutes-save').click();
    await expect.poll(() => page.getByTestId('meeting-minutes').getAttribute('data-minutes-status'), { timeout: 10_000 }).toBe('draft');

    await page.getByTestId('minutes-item-form').first().getByTestId('decision-text').fill(DECISION);
    await page.getByTestId('minutes-item-form').first().getByTestId('decision-add').click();
    await page.getByTestId('decision-line').filter({ hasText: DECISION }).waitFor({ timeout: 10_000 });
    await screenshot(page, 'meeting-minutes-draft-ar');

    await page.getByTestId('minutes-approve').click();
    await page.getByTestId('minutes-approve-confirm').click();
    await expect.poll(() => page.getByTestId('meeting-minutes').getAttribute('data-minutes-status'), { timeout: 10_000 }).toBe('approved');
    // Approved minutes are locked: shown, not editable, with the way to a new version.
    expect(await page.getByTestId('minutes-form').count()).toBe(0);
    expect(await page.getByTestId('minutes-view').innerText()).toContain(SPEECH);
    await page.getByTestId('minutes-amend').waitFor();
    await screenshot(page, 'meeting-minutes-approved-ar');
  });

  it('turns the decision into an action owned by Immouzzer-Kandar', async () => {
    await page.goto(`${meetingUrl}?tab=actions`);
    const decision = page.locator('[data-testid="decision-actions"]', { hasText: DECISION });
    await decision.getByTestId('action-new').click();
    await page.getByTestId('action-title').fill(ACTION);
    await page.getByTestId('action-owner-kind').getByText('هيئة', { exact: true }).click();
    await pick(page, page.getByTestId('action-owner-body'), 'الأمانة المحلية بإيموزار كندر');
    await page.getByTestId('action-due').fill(moroccanDayIn(60));
    await page.getByTestId('action-submit').click();
    await decision.locator('[data-testid="action-row"]', { hasText: ACTION }).waitFor({ timeout: 10_000 });
    expect(await decision.locator('[data-testid="action-row"]').first().getAttribute('data-status')).toBe('open');
    await screenshot(page, 'meeting-actions-ar');
  });

  it('prints the approved minutes in Arabic', async () => {
    await page.goto(`${meetingUrl}/minutes/print`);
    const sheet = page.getByTestId('minutes-print');
    await sheet.waitFor({ timeout: 15_000 });
    expect(await sheet.getAttribute('data-minutes-status')).toBe('approved');
    expect(await page.getByTestId('print-body-name').innerText()).toBe('الأمانة الإقليمية بصفرو');
    const [year, month, date] = day.split('-').map(Number);
    const months = ['يناير', 'فبراير', 'مارس', 'أبريل', 'ماي', 'يونيو', 'يوليوز', 'غشت', 'شتنبر', 'أكتوبر', 'نونبر', 'دجنبر'];
    expect(await page.getByTestId('print-date').innerText()).toContain(`${date} ${months[(month ?? 1) - 1]} ${year}`);
    expect(await sheet.innerText()).toContain(DECISION);
    expect(await page.getByTestId('print-approval').innerText()).toContain('صودق على هذا المحضر');
    await page.emulateMedia({ media: 'print' });
    // On paper the application's header and menu are gone.
    expect(await page.locator('.mantine-AppShell-navbar').isVisible()).toBe(false);
    expect(await page.getByTestId('minutes-print-button').isVisible()).toBe(false);
    await screenshot(page, 'meeting-minutes-print-ar');
    await page.emulateMedia({ media: 'screen' });
  });
});

describe('the demo meeting of 17 May 2020', () => {
  it('is in the calendar of May 2020, with its approved minutes and its communiqué draft', async () => {
    const { context, page } = await newPage();
    await apiSignIn(context, baseUrl, 'amimi@demo.tanzim.ma');
    await page.goto(`${baseUrl}/meetings?date=2020-05-17`);
    expect(await page.getByTestId('calendar-heading').innerText()).toBe('ماي 2020');
    const chip = page.locator('[data-testid="calendar-day"][data-day="2020-05-17"] [data-testid="calendar-meeting"]');
    await chip.waitFor({ timeout: 15_000 });
    // Ramadan 2020: Morocco was on UTC, and the meeting began at 16:00 there.
    expect(await chip.innerText()).toContain('16:00');
    await chip.click();
    await page.getByTestId('meeting-page').waitFor();
    expect(await page.getByTestId('meeting-when').first().innerText()).toContain('الأحد 17 ماي 2020');

    await page.getByTestId('meeting-tab-communique').click();
    const body = page.getByTestId('communique-body-ar');
    await body.waitFor({ timeout: 15_000 });
    expect(await body.inputValue()).toContain('الأحد 17 ماي 2020');
    expect(await body.inputValue()).toContain('عن بعد عبر تقنية التناظر المرئي');
    await screenshot(page, 'demo-meeting-communique-ar');

    await page.goto(`${page.url().replace(/\?.*$/, '')}/minutes/print`);
    await page.getByTestId('minutes-print').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('minutes-print').getAttribute('data-minutes-status')).toBe('approved');
    expect(await page.getByTestId('print-date').innerText()).toBe('الأحد 17 ماي 2020');
    expect(await page.getByTestId('print-attendance').innerText()).toContain('الدكتور محمد الحجيرة');
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'demo-meeting-minutes-print-ar');
    await context.close();
  });
});

/** The answer page, opened from the e-mail's "yes" link: the answer is recorded once the invited person confirms it. */
async function answerRsvp(page: Page): Promise<void> {
  await page.getByTestId('rsvp-meeting-title').waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('rsvp-meeting-title').innerText()).toBe(TITLE);
  // The link's answer is chosen already; nothing is recorded by opening it.
  expect(await page.getByTestId('rsvp-answer').getAttribute('data-rsvp')).toBe('none');
  await page.getByTestId('rsvp-choice').getByText('سيحضر', { exact: true }).click();
  await page.getByTestId('rsvp-confirm').click();
  await page.getByTestId('rsvp-recorded').waitFor({ timeout: 15_000 });
  await expect.poll(() => page.getByTestId('rsvp-answer').getAttribute('data-rsvp')).toBe('yes');
}

describe('the regional secretary general', () => {
  it('sees the action on the regional board, under Sefrou', async () => {
    const { context, page } = await newPage();
    await apiSignIn(context, baseUrl, 'elhajira@demo.tanzim.ma');
    await page.goto(`${baseUrl}/actions`);
    await page.getByTestId('board-by-territory').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('actions-board-page').getAttribute('data-territory')).toBe(DEMO.codes.region);
    const sefrou = page.locator(`[data-testid="board-territory-row"][data-territory-code="${DEMO.codes.province}"]`);
    // The four actions of the demo meeting of 17 May 2020 and the new one are open in Sefrou.
    await expect.poll(async () => Number(await sefrou.getAttribute('data-open'))).toBeGreaterThanOrEqual(5);
    const row = page.locator('[data-testid="action-row"]', { hasText: ACTION });
    await row.waitFor({ timeout: 15_000 });
    expect(await row.getAttribute('data-overdue')).toBe('false');
    // The demo's actions were due in 2020 and are flagged overdue.
    expect(await page.locator('[data-testid="action-row"][data-overdue="true"]').count()).toBeGreaterThan(0);
    await screenshot(page, 'actions-board-region-ar');

    // Sefrou's own board: its communes.
    await sefrou.getByRole('button').click();
    await expect.poll(() => page.getByTestId('actions-board-page').getAttribute('data-territory')).toBe(DEMO.codes.province);
    await page.locator(`[data-testid="board-territory-row"][data-territory-code="${DEMO.codes.immouzzer}"]`).waitFor({ timeout: 15_000 });
    await context.close();
  });
});
