import { eq, inArray } from 'drizzle-orm';
import ICAL from 'ical.js';
import { jwtVerify } from 'jose';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createTestPlatform, type TestPlatform } from '../../../test/support/platform';
import { startTestSmtp } from '../../../test/support/smtp';
import { auditLog } from '../access/access.tables';
import { bodies } from '../bodies/bodies.tables';
import { instantAt } from '../newsroom/moroccan-date';
import { people } from '../people/people.tables';
import { offsetMinutes } from './ics';

const ZONE = 'Africa/Casablanca';
const PUBLIC_URL = 'https://tanzim.example.ma';

let platform: TestPlatform;
let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
let admin: ApiClient;
let amimi: ApiClient;
const ids: Record<string, string> = {};
const emails = {
  amimi: 'driss.amimi@example.ma',
  alaoui: 'nezha.alaoui@example.ma',
  benmoussa: 'abdellah.benmoussa@example.ma',
  chraibi: 'ayoub.chraibi@example.ma',
  elHajira: 'mohamed.elhajira@example.ma',
  ouazzani: 'abderrahim.ouazzani@example.ma',
};
const savedEnv = { appId: process.env.JITSI_APP_ID, secret: process.env.JITSI_APP_SECRET, base: process.env.JITSI_BASE_URL };

function restore(name: string, value: string | undefined) {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

const recipientsOf = (m: ParsedMail) => (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).flatMap((a) => a.value.map((v) => v.address));
const mailsTo = (address: string) => smtp.messages.filter((m) => recipientsOf(m).includes(address));

/** The calendar attachment of a mail, parsed by ical.js (an independent implementation). */
function calendarOf(mail: ParsedMail) {
  const attachment = mail.attachments.find((a) => a.filename === 'invite.ics');
  if (!attachment) throw new Error('no invite.ics attached');
  const calendar = new ICAL.Component(ICAL.parse(attachment.content.toString('utf8')));
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  return { attachment, calendar, vevent, event: new ICAL.Event(vevent) };
}

/** The token of the "yes" link of an invitation e-mail. */
function rsvpTokenOf(mail: ParsedMail): string {
  const match = /https:\/\/tanzim\.example\.ma\/rsvp\?token=([^&\s]+)&answer=yes/.exec(mail.text ?? '');
  if (!match?.[1]) throw new Error('no answer link in the e-mail');
  return decodeURIComponent(match[1]);
}

/** A local date at least a month ahead on which Morocco is on UTC+1 (outside Ramadan). */
function futureDateOutsideRamadan(): string {
  for (let days = 40; ; days += 1) {
    const day = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    if (offsetMinutes(ZONE, instantAt(day, '16:00', ZONE)) === 60 && offsetMinutes(ZONE, instantAt(day, '00:00', ZONE)) === 60) return day;
  }
}

async function personId(familyNameLatin: string) {
  const [row] = await platform.database.db.select({ id: people.id }).from(people).where(eq(people.familyNameLatin, familyNameLatin));
  if (!row) throw new Error(`no demo person ${familyNameLatin}`);
  return row.id;
}

beforeAll(async () => {
  process.env.JITSI_APP_ID = 'tanzim-test';
  process.env.JITSI_APP_SECRET = 'a-secret-shared-with-the-jitsi-server';
  process.env.JITSI_BASE_URL = 'https://visio.example.ma';
  smtp = await startTestSmtp();
  platform = await createTestPlatform({ demo: true, smtpUrl: smtp.url });
  platform.services.access.publicUrl = PUBLIC_URL;
  admin = await new ApiClient(platform.app).signIn('admin@demo.tanzim.ma');
  amimi = await new ApiClient(platform.app).signIn('amimi@demo.tanzim.ma');
  const names = { amimi: 'Amimi', alaoui: 'Alaoui', benmoussa: 'Benmoussa', chraibi: 'Chraibi', elHajira: 'El Hajira', ouazzani: 'Ouazzani', bennani: 'Bennani' } as const;
  for (const [key, family] of Object.entries(names)) ids[key] = await personId(family);
  for (const [key, email] of Object.entries(emails)) expect((await admin.patch(`/api/people/${ids[key]}`, { email })).statusCode).toBe(200);
  const bodyRows = await platform.database.db.select({ id: bodies.id, nameFr: bodies.nameFr }).from(bodies).where(inArray(bodies.nameFr, ['Secrétariat provincial de Sefrou', 'Organisation des jeunes PAM de Sefrou', 'Organisation des femmes PAM de Sefrou']));
  for (const b of bodyRows) ids[b.nameFr] = b.id;
  // Benmoussa, a member of the provincial secretariat, withdrew his consent to be invited.
  expect((await admin.post(`/api/people/${ids.benmoussa}/consents`, { purpose: 'invitations', channel: 'paper_form', givenOn: '2019-01-01' })).statusCode).toBe(201);
  expect((await admin.post(`/api/people/${ids.benmoussa}/consents/withdraw`, { purpose: 'invitations', withdrawnOn: '2020-01-10' })).statusCode).toBe(200);
});

afterAll(async () => {
  await platform?.close();
  await smtp?.close();
  restore('JITSI_APP_ID', savedEnv.appId);
  restore('JITSI_APP_SECRET', savedEnv.secret);
  restore('JITSI_BASE_URL', savedEnv.base);
});

describe('the meeting of Sunday 17 May 2020 (Ramadan: Morocco on UTC+0)', () => {
  let meetingId: string;

  it('e-mails the members of the organizing and invited bodies and the guests, with a calendar file at 16:00 local time', async () => {
    // Convened by the regional secretary general, who names himself a guest.
    const elHajira = await new ApiClient(platform.app).signIn('elhajira@demo.tanzim.ma');
    const created = await elHajira.post('/api/meetings', {
      bodyId: ids['Secrétariat provincial de Sefrou'],
      kind: 'internal',
      title: 'اجتماع الأمانة الإقليمية بصفرو',
      purpose: 'الوضع التنظيمي والآفاق المستقبلية للحزب بالإقليم',
      startsAt: '2020-05-17T16:00:00+00:00',
      endsAt: '2020-05-17T18:00:00+00:00',
      mode: 'remote',
      agenda: [{ title: 'الوضع التنظيمي والآفاق المستقبلية للحزب بالإقليم' }],
      invitedBodyIds: [ids['Organisation des jeunes PAM de Sefrou']],
      guestPersonIds: [ids.elHajira],
    });
    expect(created.statusCode, created.body).toBe(201);
    meetingId = created.json().id;

    const sent = await amimi.post(`/api/meetings/${meetingId}/invitations/send`);
    expect(sent.statusCode, sent.body).toBe(200);
    // Amimi and Alaoui (provincial secretariat), Chraibi (youth), El Hajira (guest); not Benmoussa.
    expect(sent.json()).toMatchObject({ invited: 4, sent: 4, failed: 0, withoutEmail: 0, isMailConfigured: true });

    const mail = await smtp.waitFor(emails.amimi);
    expect(mail.subject).toContain('اجتماع الأمانة الإقليمية بصفرو');
    expect(mail.html).toContain('dir="rtl"');
    expect(mail.text).toContain('الأحد 17 ماي 2020');
    expect(mail.text).toContain('dimanche 17 mai 2020, de 16 h 00 à 18 h 00');
    const { attachment, calendar, vevent, event } = calendarOf(mail);
    const contentType = attachment.headers.get('content-type') as { value: string; params: Record<string, string> };
    expect(contentType.value).toBe('text/calendar');
    expect(contentType.params).toMatchObject({ method: 'REQUEST', charset: 'UTF-8' });
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.uid).toBe(`meeting-${meetingId}@tanzim.example.ma`);
    expect(event.sequence).toBe(0);
    expect(vevent.getFirstProperty('dtstart')?.getParameter('tzid')).toBe(ZONE);
    expect([event.startDate.hour, event.startDate.minute, event.startDate.day, event.startDate.month, event.startDate.year]).toEqual([16, 0, 17, 5, 2020]);
    expect(event.startDate.toJSDate().toISOString()).toBe('2020-05-17T16:00:00.000Z');
    const attendee = vevent.getFirstProperty('attendee');
    expect(String(attendee?.getFirstValue()).toLowerCase()).toBe(`mailto:${emails.amimi}`);
    expect(attendee?.getParameter('rsvp')).toBe('TRUE');
  });

  it('sends nothing to a member who withdrew consent, and lists who is invited with their answers', async () => {
    expect(mailsTo(emails.benmoussa)).toHaveLength(0);
    const list = await amimi.get(`/api/meetings/${meetingId}/invitations`);
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body.items.map((i: { person: { id: string } }) => i.person.id).sort()).toEqual([ids.amimi, ids.alaoui, ids.chraibi, ids.elHajira].sort());
    expect(body.items.find((i: { person: { id: string } }) => i.person.id === ids.elHajira)).toMatchObject({ isGuest: true, sentSequence: 0 });
    expect(body.items.find((i: { person: { id: string } }) => i.person.id === ids.chraibi)).toMatchObject({ isGuest: false, viaBodyId: ids['Organisation des jeunes PAM de Sefrou'] });
    expect(body.counts).toMatchObject({ invited: 4, upToDate: 4, withdrawn: 0, noAnswer: 4 });
  });

  it('sends nothing again when nothing changed', async () => {
    const before = smtp.messages.length;
    expect((await amimi.post(`/api/meetings/${meetingId}/invitations/send`)).json()).toMatchObject({ sent: 0, cancelled: 0 });
    expect(smtp.messages.length).toBe(before);
  });

  it('no longer takes answers once the meeting is over', async () => {
    const token = rsvpTokenOf(await smtp.waitFor(emails.alaoui));
    const view = await new ApiClient(platform.app).get(`/api/rsvp?token=${encodeURIComponent(token)}`);
    expect(view.json()).toMatchObject({ isOpen: false, answer: null });
    const res = await new ApiClient(platform.app).post('/api/rsvp', { token, answer: 'yes' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('rsvp_meeting_over');
  });
});

describe('a meeting to come, outside Ramadan (UTC+1)', () => {
  const day = futureDateOutsideRamadan();
  let meetingId: string;
  let token: string;

  it('writes 16:00 local time as 15:00 UTC and gives each invited person a signed Jitsi link', async () => {
    const created = await amimi.post('/api/meetings', {
      bodyId: ids['Secrétariat provincial de Sefrou'],
      kind: 'internal',
      title: 'اجتماع تحضيري للاستحقاقات',
      startsAt: `${day}T16:00:00+01:00`,
      endsAt: `${day}T18:00:00+01:00`,
      mode: 'remote',
      guestPersonIds: [ids.ouazzani, ids.bennani],
    });
    expect(created.statusCode, created.body).toBe(201);
    meetingId = created.json().id;
    const before = smtp.messages.length;
    const sent = await amimi.post(`/api/meetings/${meetingId}/invitations/send`);
    // Bennani has no e-mail address: invited, but nothing can be sent to her.
    expect(sent.json()).toMatchObject({ invited: 4, sent: 3, withoutEmail: 1 });
    expect(smtp.messages.length).toBe(before + 3);

    const mail = mailsTo(emails.ouazzani).at(-1);
    if (!mail) throw new Error('no mail');
    const { event } = calendarOf(mail);
    expect([event.startDate.hour, event.startDate.minute]).toEqual([16, 0]);
    expect(event.startDate.toJSDate().toISOString()).toBe(`${day}T15:00:00.000Z`);

    const link = /https:\/\/visio\.example\.ma\/Tanzim-[a-z2-7]+\?jwt=([\w.-]+)/.exec(mail.text ?? '');
    expect(link).not.toBeNull();
    const { payload } = await jwtVerify(link?.[1] ?? '', new TextEncoder().encode('a-secret-shared-with-the-jitsi-server'), { audience: 'jitsi', issuer: 'tanzim-test' });
    expect(payload.sub).toBe('visio.example.ma');
    expect(String(payload.room)).toMatch(/^tanzim-[a-z2-7]+$/);
    expect(payload.context).toEqual({ user: { name: 'عبد الرحيم الوزاني' } });
    expect(payload.exp).toBe(Math.floor(new Date(`${day}T17:00:00.000Z`).getTime() / 1000) + 2 * 3600);
    expect(event.description).toContain(link?.[0]);
    token = rsvpTokenOf(mail);
  });

  it('answers through the link without signing in, and records the answer', async () => {
    const anonymous = new ApiClient(platform.app, 'fr');
    const view = await anonymous.get(`/api/rsvp?token=${encodeURIComponent(token)}`);
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json()).toMatchObject({ meeting: { title: 'اجتماع تحضيري للاستحقاقات', mode: 'remote', status: 'scheduled' }, firstNameAr: 'عبد الرحيم', firstNameLatin: 'Abderrahim', answer: null, isOpen: true });
    expect(view.body).not.toContain('Ouazzani');
    // Opening the link changes nothing (mail scanners open links); only the POST does.
    const answered = await anonymous.post('/api/rsvp', { token, answer: 'yes' });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ answer: 'yes' });
    const list = (await amimi.get(`/api/meetings/${meetingId}/invitations`)).json();
    expect(list.items.find((i: { person: { id: string } }) => i.person.id === ids.ouazzani)).toMatchObject({ rsvp: 'yes' });
    expect(list.counts).toMatchObject({ yes: 1, noAnswer: 3 });
    const audit = await platform.database.db.select().from(auditLog).where(eq(auditLog.action, 'rsvp'));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ userId: null, resource: 'meeting_invitation' });
  });

  it('refuses a tampered or foreign link with a clear message, and needs the CSRF header to answer', async () => {
    const [body = '', signature = ''] = token.split('.');
    const forged = `${Buffer.from(JSON.stringify({ p: 'rsvp', i: ids.amimi })).toString('base64url')}.${signature}`;
    for (const bad of [`${body}.${signature.slice(0, -4)}AAAA`, forged, 'not-a-token-at-all']) {
      const res = await new ApiClient(platform.app, 'fr').post('/api/rsvp', { token: bad, answer: 'no' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toEqual({ code: 'rsvp_link_invalid', message: expect.stringContaining('lien de réponse') });
      expect((await new ApiClient(platform.app).get(`/api/rsvp?token=${encodeURIComponent(bad)}`)).statusCode).toBe(400);
    }
    const noHeader = await platform.app.inject({ method: 'POST', url: '/api/rsvp', payload: { token, answer: 'no' } });
    expect(noHeader.statusCode).toBe(403);
  });

  it('sends the change as a REQUEST with the next SEQUENCE to those already sent it', async () => {
    const before = mailsTo(emails.amimi).length;
    const changed = await amimi.patch(`/api/meetings/${meetingId}`, { startsAt: `${day}T17:00:00+01:00`, endsAt: `${day}T19:00:00+01:00` });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().sequence).toBe(1);
    const mails = mailsTo(emails.amimi);
    expect(mails).toHaveLength(before + 1);
    const { calendar, event } = calendarOf(mails.at(-1) as ParsedMail);
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.sequence).toBe(1);
    expect(event.uid).toBe(`meeting-${meetingId}@tanzim.example.ma`);
    expect(event.startDate.hour).toBe(17);
    // The answer given so far travels with the update.
    const ouazzani = calendarOf(mailsTo(emails.ouazzani).at(-1) as ParsedMail);
    expect(ouazzani.event.sequence).toBe(1);
    expect(ouazzani.vevent.getFirstProperty('attendee')?.getParameter('partstat')).toBe('ACCEPTED');
  });

  it('sends a cancellation to a guest taken off the list', async () => {
    const changed = await amimi.patch(`/api/meetings/${meetingId}`, { guestPersonIds: [ids.bennani] });
    expect(changed.statusCode, changed.body).toBe(200);
    const last = mailsTo(emails.ouazzani).at(-1) as ParsedMail;
    const { calendar, vevent, attachment } = calendarOf(last);
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect((attachment.headers.get('content-type') as { params: Record<string, string> }).params.method).toBe('CANCEL');
    const res = await new ApiClient(platform.app).post('/api/rsvp', { token, answer: 'no' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('rsvp_not_invited');
    const list = (await amimi.get(`/api/meetings/${meetingId}/invitations`)).json();
    expect(list.counts).toMatchObject({ invited: 3, withdrawn: 1 });
  });

  it('sends METHOD:CANCEL with a higher SEQUENCE when the meeting is cancelled', async () => {
    const before = { amimi: mailsTo(emails.amimi).length, ouazzani: mailsTo(emails.ouazzani).length };
    const cancelled = await amimi.post(`/api/meetings/${meetingId}/cancel`);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const mails = mailsTo(emails.amimi);
    expect(mails).toHaveLength(before.amimi + 1);
    const { calendar, vevent, event } = calendarOf(mails.at(-1) as ParsedMail);
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event.sequence).toBe(2);
    // The guest taken off earlier already had a cancellation.
    expect(mailsTo(emails.ouazzani)).toHaveLength(before.ouazzani);
    const amimiToken = rsvpTokenOf(mailsTo(emails.amimi).find((m) => calendarOf(m).event.uid === `meeting-${meetingId}@tanzim.example.ma`) as ParsedMail);
    const view = (await new ApiClient(platform.app).get(`/api/rsvp?token=${encodeURIComponent(amimiToken)}`)).json();
    expect(view).toMatchObject({ isOpen: false, meeting: { status: 'cancelled' } });
    const res = await new ApiClient(platform.app).post('/api/rsvp', { token: amimiToken, answer: 'yes' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('rsvp_meeting_cancelled');
  });

  it('gives a webcal feed of the meetings a user is invited to or may read, which ical.js parses', async () => {
    const created = await amimi.post('/api/calendar/feed');
    expect(created.statusCode, created.body).toBe(200);
    const { url, httpsUrl } = created.json();
    expect(url).toMatch(/^webcal:\/\/tanzim\.example\.ma\/api\/calendar\/[\w-]+\.ics$/);
    expect(httpsUrl).toBe(url.replace('webcal:', 'https:'));
    const path = new URL(httpsUrl).pathname;
    const feed = await platform.app.inject({ method: 'GET', url: path });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    const calendar = new ICAL.Component(ICAL.parse(feed.body));
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    // The 2020 meeting is older than 60 days; the cancelled one is there, marked so.
    const mine = events.find((e) => e.uid === `meeting-${meetingId}@tanzim.example.ma`);
    expect(mine).toBeDefined();
    expect(mine?.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(mine?.startDate.toJSDate().toISOString()).toBe(`${day}T16:00:00.000Z`);
    expect(events.some((e) => e.startDate.year === 2020)).toBe(false);

    // A new address replaces the old one.
    const again = (await amimi.post('/api/calendar/feed')).json();
    expect((await platform.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    expect((await platform.app.inject({ method: 'GET', url: new URL(again.httpsUrl).pathname.replace(/\.ics$/, '') })).statusCode).toBe(200);
  });

  it('puts a meeting outside the user’s territory in their feed when they are invited to it', async () => {
    // The local secretary of Immouzzer reads only his commune; he is a guest of a provincial meeting.
    const created = await amimi.post('/api/meetings', {
      bodyId: ids['Secrétariat provincial de Sefrou'],
      kind: 'outreach',
      title: 'لقاء تواصلي',
      startsAt: `${day}T10:00:00+01:00`,
      endsAt: `${day}T12:00:00+01:00`,
      mode: 'in_person',
      place: 'مقر الحزب بصفرو',
      guestPersonIds: [ids.ouazzani],
    });
    expect(created.statusCode, created.body).toBe(201);
    const immouzzer = await new ApiClient(platform.app).signIn('immouzzer@demo.tanzim.ma');
    const { httpsUrl } = (await immouzzer.post('/api/calendar/feed')).json();
    const feed = await platform.app.inject({ method: 'GET', url: new URL(httpsUrl).pathname });
    const events = new ICAL.Component(ICAL.parse(feed.body)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.summary)).toEqual(['لقاء تواصلي']);
    expect(events[0]?.location).toBe('مقر الحزب بصفرو');
  });

  it('downloads one meeting as a calendar file', async () => {
    const res = await amimi.get(`/api/meetings/${meetingId}/ics`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    const calendar = new ICAL.Component(ICAL.parse(res.body));
    expect(new ICAL.Event(calendar.getFirstSubcomponent('vevent') ?? undefined).uid).toBe(`meeting-${meetingId}@tanzim.example.ma`);
  });
});
