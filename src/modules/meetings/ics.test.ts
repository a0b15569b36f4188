import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendar, meetingUid, offsetChanges, vtimezone, wallClock, type CalendarEvent } from './ics';

const ZONE = 'Africa/Casablanca';

const event = (over: Partial<CalendarEvent> = {}): CalendarEvent => ({
  uid: 'meeting-1@tanzim.example.ma',
  sequence: 0,
  isCancelled: false,
  // Sunday 17 May 2020, 16:00 in Sefrou: during Ramadan, when Morocco was on UTC+0.
  startsAt: new Date('2020-05-17T16:00:00Z'),
  endsAt: new Date('2020-05-17T18:00:00Z'),
  timeZone: ZONE,
  summary: 'اجتماع الأمانة الإقليمية بصفرو',
  description: 'الوضع التنظيمي والآفاق المستقبلية للحزب بالإقليم\nhttps://meet.jit.si/Tanzim-abc',
  location: 'https://meet.jit.si/Tanzim-abc',
  url: 'https://meet.jit.si/Tanzim-abc',
  organizer: { name: 'الأمانة الإقليمية بصفرو', email: 'no-reply@tanzim.example.ma' },
  attendee: { name: 'إدريس عميمي', email: 'amimi@example.ma', answer: null },
  ...over,
});

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

describe('meeting calendar files', () => {
  it('writes an invitation an independent parser reads back, at the local time of Ramadan 2020 (UTC+0)', () => {
    const { calendar, vevent, event: e } = parse(buildCalendar('REQUEST', [event({ sequence: 3 })]));
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(e.uid).toBe('meeting-1@tanzim.example.ma');
    expect(e.sequence).toBe(3);
    expect(e.summary).toBe('اجتماع الأمانة الإقليمية بصفرو');
    expect(vevent.getFirstProperty('dtstart')?.getParameter('tzid')).toBe(ZONE);
    expect([e.startDate.hour, e.startDate.minute, e.startDate.day, e.startDate.month]).toEqual([16, 0, 17, 5]);
    expect(e.startDate.toJSDate().toISOString()).toBe('2020-05-17T16:00:00.000Z');
    expect(e.endDate.toJSDate().toISOString()).toBe('2020-05-17T18:00:00.000Z');
    const attendee = vevent.getFirstProperty('attendee');
    expect(String(attendee?.getFirstValue()).toLowerCase()).toBe('mailto:amimi@example.ma');
    expect(attendee?.getParameter('rsvp')).toBe('TRUE');
    expect(attendee?.getParameter('partstat')).toBe('NEEDS-ACTION');
    expect(attendee?.getParameter('cn')).toBe('إدريس عميمي');
    expect(String(vevent.getFirstPropertyValue('organizer')).toLowerCase()).toBe('mailto:no-reply@tanzim.example.ma');
    expect(e.description).toContain('https://meet.jit.si/Tanzim-abc');
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    // DTSTAMP is an instant in UTC, as RFC 5545 requires.
    expect(vevent.getFirstProperty('dtstamp')?.toICALString()).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/);
  });

  it('writes a date outside Ramadan at UTC+1', () => {
    // Sunday 14 June 2020, 16:00 in Morocco is 15:00 UTC.
    const { event: e } = parse(buildCalendar('REQUEST', [event({ startsAt: new Date('2020-06-14T15:00:00Z'), endsAt: new Date('2020-06-14T17:00:00Z') })]));
    expect([e.startDate.hour, e.startDate.day, e.startDate.month]).toEqual([16, 14, 6]);
    expect(e.startDate.toJSDate().toISOString()).toBe('2020-06-14T15:00:00.000Z');
  });

  it('cancels with METHOD:CANCEL and STATUS:CANCELLED, and publishes without asking for an answer', () => {
    const cancel = parse(buildCalendar('CANCEL', [event({ sequence: 4 })]));
    expect(cancel.calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(cancel.vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(cancel.event.sequence).toBe(4);
    const publish = parse(buildCalendar('PUBLISH', [event({ attendee: undefined, isCancelled: true })]));
    expect(publish.calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(publish.vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(publish.vevent.getFirstProperty('attendee')).toBeNull();
  });

  it('writes the invited person’s answer as their participation status', () => {
    const { vevent } = parse(buildCalendar('REQUEST', [event({ attendee: { name: 'A', email: 'a@example.ma', answer: 'maybe' } })]));
    expect(vevent.getFirstProperty('attendee')?.getParameter('partstat')).toBe('TENTATIVE');
  });

  it('names the meeting by a UID that stays the same and carries the platform’s host', () => {
    expect(meetingUid('0b9d', 'https://tanzim.example.ma:8443/')).toBe('meeting-0b9d@tanzim.example.ma');
    expect(meetingUid('0b9d', 'not a url')).toBe('meeting-0b9d@tanzim.invalid');
  });
});

describe('the VTIMEZONE of Africa/Casablanca', () => {
  it('follows the Ramadan changes of 2020: UTC+0 from 19 April 03:00 to 31 May 02:00', () => {
    const changes = offsetChanges(ZONE, new Date('2020-01-01T00:00:00Z'), new Date('2021-01-01T00:00:00Z'));
    expect(changes.map((c) => [c.at.toISOString(), c.from, c.to])).toEqual([
      ['2020-04-19T02:00:00.000Z', 60, 0],
      ['2020-05-31T02:00:00.000Z', 0, 60],
    ]);
    const text = vtimezone(ZONE, 2020, 2020);
    expect(text).toContain('DTSTART:20200419T030000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000');
    expect(text).toContain('DTSTART:20200531T020000\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100');
  });

  it('gives an independent parser the same local time as the time zone database, every six hours from 2019 to 2026', () => {
    const component = new ICAL.Component(ICAL.parse(`BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:test\r\n${vtimezone(ZONE, 2019, 2026)}\r\nEND:VCALENDAR`));
    const zone = new ICAL.Timezone(component.getFirstSubcomponent('vtimezone') ?? undefined);
    let mismatches = 0;
    for (let t = Date.UTC(2019, 0, 1); t < Date.UTC(2027, 0, 1); t += 6 * 3600_000) {
      const at = new Date(t);
      const local = ICAL.Time.fromJSDate(at, true).convertToZone(zone);
      const expected = wallClock(ZONE, at);
      if (local.hour !== expected.hour || local.day !== expected.day) mismatches += 1;
    }
    expect(mismatches).toBe(0);
  });
});
