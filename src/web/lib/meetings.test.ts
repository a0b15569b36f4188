import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import type { Action, AgendaItem, MeetingDetail, MeetingInvitation, PersonRef } from '../api/types';
import {
  addMonths,
  attendanceRows,
  cleanMinutes,
  countPresences,
  filterActions,
  formatMonth,
  isActionOverdue,
  emptyMeetingForm,
  isDay,
  isWebLink,
  meetingFieldErrors,
  meetingFormOf,
  meetingInputOf,
  meetingsByDay,
  minutesDraftOf,
  monthGrid,
  moroccoDayTime,
  moroccoInstant,
  moroccoWallTime,
  moroccoToday,
  moveItem,
  scheduleProblem,
  shiftAnchor,
  sortActions,
  timeRange,
  visibleDays,
  weekGrid,
} from './meetings';

const person = (id: string, givenNameAr = 'إدريس'): PersonRef => ({ id, givenNameAr, familyNameAr: 'عميمي', givenNameLatin: null, familyNameLatin: null, title: null });

describe('Moroccan time', () => {
  it('writes a day and a time of day with the offset Morocco had then', () => {
    // Ramadan 2020: Morocco was on UTC from 19 April to 31 May.
    expect(moroccoInstant('2020-05-17', '16:00')).toBe('2020-05-17T16:00:00+00:00');
    expect(moroccoInstant('2020-06-15', '16:00')).toBe('2020-06-15T16:00:00+01:00');
    expect(moroccoInstant('2024-01-10', '09:30')).toBe('2024-01-10T09:30:00+01:00');
    expect(moroccoInstant('2020-13-01', '16:00')).toBeNull();
    expect(moroccoInstant('2020-05-17', '25:00')).toBeNull();
  });

  it('reads an instant back on Moroccan time, whatever offset it was written with', () => {
    expect(moroccoDayTime('2020-05-17T16:00:00+00:00')).toEqual({ day: '2020-05-17', time: '16:00' });
    expect(moroccoDayTime('2020-06-15T15:00:00Z')).toEqual({ day: '2020-06-15', time: '16:00' });
    // Late evening in UTC is already the next day in Morocco.
    expect(moroccoDayTime('2024-01-10T23:30:00Z')).toEqual({ day: '2024-01-11', time: '00:30' });
    expect(moroccoToday(new Date('2024-01-10T23:30:00Z'))).toBe('2024-01-11');
    expect(moroccoDayTime('nonsense')).toEqual({ day: '', time: '' });
  });

  it('round-trips every hour of a year through the form fields', () => {
    const repeated: string[] = [];
    for (let hour = 0; hour < 366 * 24; hour += 1) {
      const instant = new Date(Date.UTC(2020, 0, 1, hour));
      const { day, time } = moroccoDayTime(instant);
      const written = moroccoInstant(day, time) ?? '';
      expect(moroccoDayTime(written)).toEqual({ day, time });
      if (new Date(written).getTime() !== instant.getTime()) repeated.push(`${day} ${time}`);
    }
    // Only the hour the clocks went back at the start of Ramadan reads twice; the later one is taken.
    expect(repeated).toEqual(['2020-04-19 02:00']);
  });

  it('reads the API\'s Moroccan times as written, whatever the browser thinks of Morocco\'s offset', () => {
    expect(moroccoDayTime('2026-12-06T16:00:00+01:00')).toEqual({ day: '2026-12-06', time: '16:00' });
    expect(moroccoDayTime('2020-05-17T16:00:00.000+00:00')).toEqual({ day: '2020-05-17', time: '16:00' });
    expect(moroccoWallTime('2026-12-06', '16:00')).toBe('2026-12-06T16:00:00');
    expect(moroccoWallTime('2026-13-06', '16:00')).toBe('');
  });

  it('writes a time range', () => {
    expect(timeRange('2020-05-17T16:00:00+00:00', '2020-05-17T18:30:00+00:00')).toBe('16:00 – 18:30');
  });
});

describe('the calendar grid', () => {
  it('gives the weeks of May 2020, Monday first, with the days of the neighbouring months', () => {
    const weeks = monthGrid('2020-05-17', '2020-05-17');
    expect(weeks).toHaveLength(5);
    expect(weeks[0]?.[0]).toMatchObject({ day: '2020-04-27', weekday: 'mon', isInMonth: false });
    expect(weeks[0]?.[4]).toMatchObject({ day: '2020-05-01', weekday: 'fri', isInMonth: true });
    expect(weeks[2]?.[6]).toMatchObject({ day: '2020-05-17', weekday: 'sun', isToday: true });
    expect(weeks[4]?.[6]).toMatchObject({ day: '2020-05-31', isInMonth: true });
    expect(weeks.flat().filter((d) => d.isToday)).toHaveLength(1);
  });

  it('gives six weeks when the month needs them, and four for a February that fits', () => {
    expect(monthGrid('2020-08-01', '')).toHaveLength(6);
    expect(monthGrid('2021-02-10', '')).toHaveLength(4);
  });

  it('gives the week of a day, Monday to Sunday, across a month end', () => {
    expect(weekGrid('2020-05-31', '').map((d) => d.day)).toEqual(['2020-05-25', '2020-05-26', '2020-05-27', '2020-05-28', '2020-05-29', '2020-05-30', '2020-05-31']);
    expect(weekGrid('2020-06-01', '')[0]?.day).toBe('2020-06-01');
  });

  it('names the days a view shows, for the API filter', () => {
    expect(visibleDays('month', '2020-05-17')).toEqual({ first: '2020-04-27', last: '2020-05-31' });
    expect(visibleDays('week', '2020-05-17')).toEqual({ first: '2020-05-11', last: '2020-05-17' });
  });

  it('moves by a month or a week', () => {
    expect(shiftAnchor('month', '2020-05-17', 1)).toBe('2020-06-17');
    expect(shiftAnchor('month', '2020-03-31', 1)).toBe('2020-04-30');
    expect(shiftAnchor('month', '2020-01-15', -1)).toBe('2019-12-15');
    expect(shiftAnchor('week', '2020-05-28', 1)).toBe('2020-06-04');
    expect(addMonths('2020-01-31', 1)).toBe('2020-02-29');
  });

  it('writes the month with the Moroccan names', () => {
    expect(formatMonth('2020-05-17', 'ar')).toBe('ماي 2020');
    expect(formatMonth('2020-08-01', 'ar')).toBe('غشت 2020');
    expect(formatMonth('2020-05-17', 'fr')).toBe('mai 2020');
  });

  it('tells a real day from a malformed one', () => {
    expect(isDay('2020-02-29')).toBe(true);
    expect(isDay('2021-02-29')).toBe(false);
    expect(isDay('17/05/2020')).toBe(false);
    expect(isDay(null)).toBe(false);
  });

  it('places meetings on the Moroccan day they start, in order of time', () => {
    const byDay = meetingsByDay([
      { id: 'late', startsAt: '2024-01-10T23:30:00Z' },
      { id: 'b', startsAt: '2020-05-17T18:00:00+00:00' },
      { id: 'a', startsAt: '2020-05-17T16:00:00+00:00' },
    ]);
    expect(byDay.get('2020-05-17')?.map((m) => m.id)).toEqual(['a', 'b']);
    expect(byDay.get('2024-01-11')?.map((m) => m.id)).toEqual(['late']);
    expect(byDay.has('2024-01-10')).toBe(false);
  });
});

const action = (over: Partial<Action>): Action => ({
  id: over.id ?? 'x',
  meetingId: null,
  decisionId: null,
  territoryCode: '03451',
  title: over.title ?? 'x',
  ownerPersonId: null,
  ownerBodyId: null,
  ownerPerson: null,
  ownerBody: null,
  dueOn: null,
  status: 'open',
  statusNote: null,
  isOverdue: false,
  createdAt: '2020-05-17T18:00:00Z',
  updatedAt: '2020-05-17T18:00:00Z',
  ...over,
});

describe('actions', () => {
  it('is overdue when open or in progress past its due day', () => {
    expect(isActionOverdue({ status: 'open', dueOn: '2020-06-30' }, '2020-07-01')).toBe(true);
    expect(isActionOverdue({ status: 'in_progress', dueOn: '2020-06-30' }, '2020-07-01')).toBe(true);
    expect(isActionOverdue({ status: 'open', dueOn: '2020-07-01' }, '2020-07-01')).toBe(false);
    expect(isActionOverdue({ status: 'done', dueOn: '2020-06-30' }, '2020-07-01')).toBe(false);
    expect(isActionOverdue({ status: 'open', dueOn: null }, '2020-07-01')).toBe(false);
  });

  it('filters by status, lateness and owner (person or body)', () => {
    const list = [
      action({ id: 'a', status: 'open', isOverdue: true, ownerPersonId: 'p1' }),
      action({ id: 'b', status: 'done', ownerBodyId: 'b1' }),
      action({ id: 'c', status: 'open', ownerBodyId: 'b1' }),
    ];
    expect(filterActions(list, { status: 'open' }).map((a) => a.id)).toEqual(['a', 'c']);
    expect(filterActions(list, { isOverdue: true }).map((a) => a.id)).toEqual(['a']);
    expect(filterActions(list, { isOverdue: false }).map((a) => a.id)).toEqual(['b', 'c']);
    expect(filterActions(list, { owner: 'b1' }).map((a) => a.id)).toEqual(['b', 'c']);
    expect(filterActions(list, {}).map((a) => a.id)).toEqual(['a', 'b', 'c']);
  });

  it('sorts by due day with undated last, either way, and by status with the overdue first', () => {
    const list = [
      action({ id: 'none', dueOn: null }),
      action({ id: 'june', dueOn: '2020-06-30' }),
      action({ id: 'may', dueOn: '2020-05-31' }),
      action({ id: 'done', dueOn: '2020-05-01', status: 'done' }),
      action({ id: 'late', dueOn: '2020-06-01', isOverdue: true }),
    ];
    expect(sortActions(list, 'dueOn').map((a) => a.id)).toEqual(['done', 'may', 'late', 'june', 'none']);
    expect(sortActions(list, '-dueOn').map((a) => a.id)).toEqual(['june', 'late', 'may', 'done', 'none']);
    expect(sortActions(list, 'status').map((a) => a.id)).toEqual(['late', 'may', 'june', 'none', 'done']);
  });
});

const invitation = (over: Partial<MeetingInvitation> & { person: PersonRef }): MeetingInvitation => ({
  id: over.person.id,
  isGuest: false,
  viaBodyId: null,
  rsvp: null,
  rsvpAt: null,
  sentAt: null,
  sentSequence: null,
  withdrawnAt: null,
  hasEmail: true,
  ...over,
});

describe('invitations and attendance', () => {
  it('lists the recorded, then the invited not recorded yet, guests last', () => {
    const rows = attendanceRows(
      [{ person: person('guest'), presence: 'remote', isGuest: true, title: 'ضيف' }, { person: person('chair'), presence: 'remote', isGuest: false, title: null }],
      [invitation({ person: person('chair') }), invitation({ person: person('member') }), invitation({ person: person('gone'), withdrawnAt: '2020-05-16T10:00:00Z' })],
    );
    expect(rows.map((r) => [r.personId, r.presence, r.isGuest])).toEqual([
      ['chair', 'remote', false],
      ['member', null, false],
      ['guest', 'remote', true],
    ]);
    expect(countPresences(rows)).toEqual({ members: { in_person: 0, remote: 1, excused: 0, absent: 0 }, guests: { in_person: 0, remote: 1, excused: 0, absent: 0 } });
  });
});

describe('minutes', () => {
  const agenda: AgendaItem[] = [
    { id: 'second', position: 2, title: 'التوجيهات', description: null },
    { id: 'first', position: 1, title: 'الوضع التنظيمي', description: null },
  ];

  it('follows the agenda, keeping what was saved', () => {
    const draft = minutesDraftOf(agenda, { content: { items: [{ agendaItemId: 'second', speeches: [{ personId: 'p', summary: 'دعا إلى…' }], notes: 'ملاحظة' }] } });
    expect(draft.items.map((i) => i.agendaItemId)).toEqual(['first', 'second']);
    expect(draft.items[1]).toEqual({ agendaItemId: 'second', speeches: [{ personId: 'p', summary: 'دعا إلى…' }], notes: 'ملاحظة' });
    expect(minutesDraftOf(agenda, null).items[0]).toEqual({ agendaItemId: 'first', speeches: [], notes: '' });
  });

  it('drops empty speeches and blank notes before saving', () => {
    expect(
      cleanMinutes({ items: [{ agendaItemId: 'first', speeches: [{ personId: null, speaker: '  ', summary: ' ' }, { personId: 'p', summary: ' قدم تقريرا ' }], notes: '  ' }] }),
    ).toEqual({ items: [{ agendaItemId: 'first', speeches: [{ personId: 'p', speaker: null, summary: 'قدم تقريرا' }], notes: null }] });
  });
});

describe('the meeting form', () => {
  it('moves an agenda item', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, 5)).toEqual(['a', 'b', 'c']);
  });

  it('checks the schedule', () => {
    expect(scheduleProblem('2020-05-17', '16:00', '18:00')).toBeNull();
    expect(scheduleProblem('2020-05-17', '16:00', '15:00')).toBe('endBeforeStart');
    expect(scheduleProblem('2020-05-17', '16:00', '16:00')).toBe('endBeforeStart');
    expect(scheduleProblem('', '16:00', '18:00')).toBe('date');
    expect(scheduleProblem('2020-05-17', '', '18:00')).toBe('startTime');
  });
});

const body = { id: 'b1', kind: 'provincial_secretariat' as const, nameAr: 'الأمانة الإقليمية بصفرو', nameFr: 'Secrétariat provincial de Sefrou', territoryCode: '03451', status: 'constituted' as const };
const detail: MeetingDetail = {
  id: 'm1',
  bodyId: 'b1',
  territoryCode: '03451',
  kind: 'internal',
  title: 'اجتماع الأمانة الإقليمية بصفرو',
  purpose: null,
  convenedByPersonId: 'elhajira',
  convenedByBodyId: 'regional',
  chairPersonId: 'amimi',
  secretaryPersonId: null,
  startsAt: '2020-05-17T16:00:00+00:00',
  endsAt: '2020-05-17T18:00:00+00:00',
  timeZone: 'Africa/Casablanca',
  mode: 'remote',
  place: null,
  address: null,
  status: 'scheduled',
  sequence: 0,
  body,
  videoUrl: 'https://meet.jit.si/Tanzim-abc',
  agenda: [
    { id: 'a2', position: 2, title: 'التوجيهات', description: null },
    { id: 'a1', position: 1, title: 'الوضع التنظيمي', description: 'تقرير الكاتب الإقليمي' },
  ],
  invitedBodies: [{ ...body, id: 'immouzzer' }],
  convenedByPerson: person('elhajira', 'محمد'),
  convenedByBody: { ...body, id: 'regional' },
  chairPerson: person('amimi'),
  secretaryPerson: null,
  canWrite: true,
  canApproveMinutes: true,
};

describe('the meeting form and the API', () => {
  it('starts a new meeting the day after today, at 16:00 for two hours', () => {
    expect(emptyMeetingForm('2020-05-16', 'b1')).toMatchObject({ bodyId: 'b1', day: '2020-05-17', startTime: '16:00', endTime: '18:00', mode: 'in_person' });
  });

  it('reads a saved meeting back into the form on Moroccan time, the agenda in order', () => {
    const form = meetingFormOf(detail);
    expect(form).toMatchObject({ day: '2020-05-17', startTime: '16:00', endTime: '18:00', convenedByBodyId: 'regional', invitedBodyIds: ['immouzzer'] });
    expect(form.agenda.map((line) => [line.title, line.description])).toEqual([
      ['الوضع التنظيمي', 'تقرير الكاتب الإقليمي'],
      ['التوجيهات', ''],
    ]);
  });

  it('sends what the form says, on Moroccan wall-clock time, and only the fields of the chosen mode', () => {
    const form = { ...meetingFormOf(detail), place: 'مقر الحزب', agenda: [...meetingFormOf(detail).agenda, { key: 'empty', title: '  ', description: '' }] };
    const remote = meetingInputOf(form);
    expect(remote).toMatchObject({ startsAt: '2020-05-17T16:00:00', endsAt: '2020-05-17T18:00:00', place: null, videoUrl: 'https://meet.jit.si/Tanzim-abc', convenedByPersonId: 'elhajira', chairPersonId: 'amimi' });
    expect(remote.agenda).toEqual([
      { title: 'الوضع التنظيمي', description: 'تقرير الكاتب الإقليمي' },
      { title: 'التوجيهات', description: null },
    ]);
    const inPerson = meetingInputOf({ ...form, mode: 'in_person', videoUrl: 'https://example.org/room' });
    expect(inPerson).toMatchObject({ place: 'مقر الحزب', videoUrl: null });
  });

  it('places the server\'s refusals at their fields', () => {
    const refused = new ApiError(400, 'invalid_request', 'Invalid request', [
      { path: 'body.title', message: 'Too short' },
      { path: 'body.agenda.0.title', message: 'Required' },
      { path: 'body.convenedByBodyId', message: 'Invalid UUID' },
    ]);
    expect(meetingFieldErrors(refused)).toEqual({ title: 'Too short', agenda: 'Required', convenedByBody: 'Invalid UUID' });
    expect(meetingFieldErrors(new ApiError(422, 'meeting_place_required', 'المكان مطلوب'))).toEqual({ place: 'المكان مطلوب' });
    expect(meetingFieldErrors(new ApiError(422, 'meeting_ends_before_start', 'ينتهي قبل أن يبدأ'))).toEqual({ endTime: 'ينتهي قبل أن يبدأ' });
    expect(meetingFieldErrors(new Error('network'))).toEqual({});
  });

  it('takes a pasted video link only when it is a web address', () => {
    expect(isWebLink('https://zoom.us/j/123')).toBe(true);
    expect(isWebLink('zoom.us/j/123')).toBe(false);
    expect(isWebLink('javascript:alert(1)')).toBe(false);
  });
});
