import { ApiError } from '../api/client';
import type {
  Action,
  ActionSort,
  ActionStatus,
  AgendaItem,
  AttendanceEntry,
  Meeting,
  MeetingDetail,
  MeetingInput,
  MeetingInvitation,
  MeetingKind,
  MeetingMode,
  Minutes,
  MinutesContent,
  MinutesItem,
  PersonRef,
  Presence,
} from '../api/types';
import type { Locale } from '../i18n/direction';
import { formatDate, moroccoOffset } from './dates';

// Meetings are placed, shown and entered on Moroccan time whatever the browser's zone: a calendar day
// here is a `YYYY-MM-DD` string of Africa/Casablanca, and day arithmetic is done on the calendar, not on instants.

export type CalendarView = 'month' | 'week';

export const CALENDAR_VIEWS: readonly CalendarView[] = ['month', 'week'];

/** Monday first, as calendars in Morocco print the week. Index 0 is Monday, 6 Sunday. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const MOROCCO_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Africa/Casablanca',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ZONED = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?[+-]\d{2}:\d{2}$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The Moroccan calendar day and time of day of an instant: `{ day: '2020-05-17', time: '16:00' }`. */
export function moroccoDayTime(instant: string | Date): { day: string; time: string } {
  // The API writes a meeting's times on Moroccan time with their offset: read them as written, since
  // the browser's time-zone data about Morocco may differ from the server's.
  const written = typeof instant === 'string' ? ZONED.exec(instant) : null;
  if (written) return { day: written[1]!, time: written[2]! };
  const date = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(date.getTime())) return { day: '', time: '' };
  const parts = Object.fromEntries(MOROCCO_PARTS.formatToParts(date).map((p) => [p.type, p.value]));
  return { day: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** Today's date in Morocco, `YYYY-MM-DD`. */
export function moroccoToday(now: Date = new Date()): string {
  return moroccoDayTime(now).day;
}

/**
 * The instant of a Moroccan day and time of day, ISO 8601 with Morocco's offset of that moment
 * (`2020-05-17T16:00:00+01:00`; `+00:00` during Ramadan). Null when either is unreadable.
 */
export function moroccoInstant(day: string, time: string): string | null {
  if (!isDay(day) || !TIME.test(time)) return null;
  // The offset is read at the wall-clock time taken as UTC, then checked at the instant it gives:
  // near a change of offset the second reading is the right one.
  let offset = moroccoOffset(new Date(`${day}T${time}:00Z`));
  const candidate = new Date(`${day}T${time}:00${offset}`);
  if (Number.isNaN(candidate.getTime())) return null;
  const checked = moroccoOffset(candidate);
  if (checked !== offset && moroccoDayTime(new Date(`${day}T${time}:00${checked}`)).time === time) offset = checked;
  return `${day}T${time}:00${offset}`;
}

/** `2020-05-17T16:00:00`: a Moroccan day and time of day as the API takes them; '' when unreadable. */
export function moroccoWallTime(day: string, time: string): string {
  return isDay(day) && TIME.test(time) ? `${day}T${time}:00` : '';
}

const utcOf = (day: string): Date => {
  const match = DAY.exec(day);
  if (!match) return new Date(NaN);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
};
const dayOf = (date: Date): string => date.toISOString().slice(0, 10);

export function isDay(value: string | null | undefined): value is string {
  return !!value && DAY.test(value) && !Number.isNaN(utcOf(value).getTime()) && dayOf(utcOf(value)) === value;
}

export function addDays(day: string, count: number): string {
  const date = utcOf(day);
  date.setUTCDate(date.getUTCDate() + count);
  return dayOf(date);
}

/** The same day of another month, or that month's last day when it is shorter (31 March + 1 → 30 April). */
export function addMonths(day: string, count: number): string {
  const date = utcOf(day);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + count, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return dayOf(target);
}

/** 0 for Monday … 6 for Sunday. */
export function weekdayIndex(day: string): number {
  return (utcOf(day).getUTCDay() + 6) % 7;
}

export function weekdayOf(day: string): Weekday {
  return WEEKDAYS[weekdayIndex(day)] ?? 'mon';
}

export function startOfWeek(day: string): string {
  return addDays(day, -weekdayIndex(day));
}

export interface CalendarDay {
  day: string;
  weekday: Weekday;
  isInMonth: boolean;
  isToday: boolean;
}

const calendarDay = (day: string, month: string, today: string): CalendarDay => ({
  day,
  weekday: weekdayOf(day),
  isInMonth: day.slice(0, 7) === month,
  isToday: day === today,
});

/** The weeks (Monday to Sunday) that hold the month of `anchor`, with the neighbouring months' days to fill them. */
export function monthGrid(anchor: string, today: string): CalendarDay[][] {
  const month = anchor.slice(0, 7);
  const first = `${month}-01`;
  const last = addDays(addMonths(first, 1), -1);
  const weeks: CalendarDay[][] = [];
  for (let start = startOfWeek(first); start <= last; start = addDays(start, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => calendarDay(addDays(start, i), month, today)));
  }
  return weeks;
}

/** The seven days, Monday to Sunday, of the week of `anchor`. */
export function weekGrid(anchor: string, today: string): CalendarDay[] {
  const start = startOfWeek(anchor);
  return Array.from({ length: 7 }, (_, i) => calendarDay(addDays(start, i), anchor.slice(0, 7), today));
}

/** The first and last day a view shows around `anchor`. */
export function visibleDays(view: CalendarView, anchor: string): { first: string; last: string } {
  if (view === 'week') {
    const first = startOfWeek(anchor);
    return { first, last: addDays(first, 6) };
  }
  const weeks = monthGrid(anchor, '');
  return { first: weeks[0]?.[0]?.day ?? anchor, last: weeks.at(-1)?.[6]?.day ?? anchor };
}

/** The anchor one page earlier (-1) or later (+1): a month or a week. */
export function shiftAnchor(view: CalendarView, anchor: string, step: number): string {
  return view === 'week' ? addDays(anchor, 7 * step) : addMonths(anchor, step);
}

/** "ماي 2020", "mai 2020", "May 2020": the month of a day, with the month names used in Morocco. */
export function formatMonth(day: string, locale: Locale): string {
  // formatDate writes "1 ماي 2020" for the first of the month: the day is dropped.
  return formatDate(`${day.slice(0, 7)}-01`, locale).replace(/^1 /, '');
}

/** Meetings by the Moroccan day they start on, each day's in order of starting time. */
export function meetingsByDay<T extends Pick<Meeting, 'startsAt'>>(meetings: readonly T[]): Map<string, T[]> {
  const byDay = new Map<string, T[]>();
  const ordered = [...meetings].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  for (const meeting of ordered) {
    const { day } = moroccoDayTime(meeting.startsAt);
    const list = byDay.get(day);
    if (list) list.push(meeting);
    else byDay.set(day, [meeting]);
  }
  return byDay;
}

/** "16:00 – 18:00" on Moroccan time. */
export function timeRange(startsAt: string, endsAt: string): string {
  return `${moroccoDayTime(startsAt).time} – ${moroccoDayTime(endsAt).time}`;
}

// Actions

const OPEN_STATUSES: ReadonlySet<ActionStatus> = new Set(['open', 'in_progress']);

/** Open or in progress with a due date before today (both Moroccan days), as the server flags it. */
export function isActionOverdue(action: Pick<Action, 'status' | 'dueOn'>, today: string): boolean {
  return OPEN_STATUSES.has(action.status) && !!action.dueOn && action.dueOn < today;
}

export interface ActionFilter {
  status?: ActionStatus | null;
  isOverdue?: boolean | null;
  /** A person's or a body's id. */
  owner?: string | null;
}

export function filterActions(actions: readonly Action[], filter: ActionFilter): Action[] {
  return actions.filter(
    (action) =>
      (!filter.status || action.status === filter.status) &&
      (filter.isOverdue === null || filter.isOverdue === undefined || action.isOverdue === filter.isOverdue) &&
      (!filter.owner || action.ownerPersonId === filter.owner || action.ownerBodyId === filter.owner),
  );
}

const STATUS_ORDER: Record<ActionStatus, number> = { open: 0, in_progress: 1, done: 2, dropped: 3 };

/** The board's orders: by due date (undated last), by last change, or by status (overdue first within each). */
export function sortActions(actions: readonly Action[], sort: ActionSort): Action[] {
  const byDue = (a: Action, b: Action) => {
    if (a.dueOn === b.dueOn) return 0;
    if (!a.dueOn) return 1;
    if (!b.dueOn) return -1;
    return a.dueOn < b.dueOn ? -1 : 1;
  };
  const byUpdate = (a: Action, b: Action) => Date.parse(a.updatedAt) - Date.parse(b.updatedAt);
  const compare: Record<ActionSort, (a: Action, b: Action) => number> = {
    dueOn: byDue,
    '-dueOn': (a, b) => (!a.dueOn || !b.dueOn ? byDue(a, b) : -byDue(a, b)),
    updatedAt: byUpdate,
    '-updatedAt': (a, b) => -byUpdate(a, b),
    status: (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || Number(b.isOverdue) - Number(a.isOverdue) || byDue(a, b),
  };
  return [...actions].sort((a, b) => compare[sort](a, b) || a.title.localeCompare(b.title));
}

/** The owners found in a list of actions, once each, to filter by: persons and bodies. */
export function actionOwners(actions: readonly Action[]): { id: string; person: Action['ownerPerson']; body: Action['ownerBody'] }[] {
  const seen = new Map<string, { id: string; person: Action['ownerPerson']; body: Action['ownerBody'] }>();
  for (const action of actions) {
    if (action.ownerPerson && !seen.has(action.ownerPerson.id)) seen.set(action.ownerPerson.id, { id: action.ownerPerson.id, person: action.ownerPerson, body: null });
    if (action.ownerBody && !seen.has(action.ownerBody.id)) seen.set(action.ownerBody.id, { id: action.ownerBody.id, person: null, body: action.ownerBody });
  }
  return [...seen.values()];
}

// Invitations and attendance

/** One line per person of the attendance sheet, as the form edits it. */
export interface AttendanceRow {
  personId: string;
  person: AttendanceEntry['person'];
  presence: Presence | null;
  isGuest: boolean;
  title: string;
}

/**
 * The attendance sheet: who was recorded, then every other invited person not recorded yet (no presence
 * chosen), members before guests. A guest is recorded apart from the quorum.
 */
export function attendanceRows(recorded: readonly AttendanceEntry[], invitations: readonly MeetingInvitation[]): AttendanceRow[] {
  const rows = new Map<string, AttendanceRow>();
  for (const entry of recorded) {
    rows.set(entry.person.id, { personId: entry.person.id, person: entry.person, presence: entry.presence, isGuest: entry.isGuest, title: entry.title ?? '' });
  }
  for (const invitation of invitations) {
    if (invitation.withdrawnAt || rows.has(invitation.person.id)) continue;
    rows.set(invitation.person.id, { personId: invitation.person.id, person: invitation.person, presence: null, isGuest: invitation.isGuest, title: '' });
  }
  return [...rows.values()].sort((a, b) => Number(a.isGuest) - Number(b.isGuest));
}

export type PresenceCounts = Record<Presence, number>;

/** How many members and guests were present in person, remotely, excused or absent. */
export function countPresences(rows: readonly Pick<AttendanceRow, 'presence' | 'isGuest'>[]): { members: PresenceCounts; guests: PresenceCounts } {
  const empty = (): PresenceCounts => ({ in_person: 0, remote: 0, excused: 0, absent: 0 });
  const members = empty();
  const guests = empty();
  for (const row of rows) if (row.presence) (row.isGuest ? guests : members)[row.presence] += 1;
  return { members, guests };
}

// Minutes

/** The minutes as the form edits them: one item per agenda item in the agenda's order, whatever was saved. */
export function minutesDraftOf(agenda: readonly AgendaItem[], minutes: Pick<Minutes, 'content'> | null): MinutesContent {
  const saved = new Map((minutes?.content.items ?? []).map((item) => [item.agendaItemId, item]));
  const ordered = [...agenda].sort((a, b) => a.position - b.position);
  return {
    items: ordered.map((item): MinutesItem => {
      const found = saved.get(item.id);
      return { agendaItemId: item.id, speeches: found?.speeches.map((s) => ({ ...s })) ?? [], notes: found?.notes ?? '' };
    }),
  };
}

/** What the minutes form sends: speeches without a summary are dropped, blank texts become null. */
export function cleanMinutes(content: MinutesContent): MinutesContent {
  return {
    items: content.items.map((item) => ({
      agendaItemId: item.agendaItemId,
      speeches: item.speeches
        .filter((speech) => speech.summary.trim())
        .map((speech) => ({ personId: speech.personId ?? null, speaker: speech.speaker?.trim() || null, summary: speech.summary.trim() })),
      notes: item.notes?.trim() || null,
    })),
  };
}

/** Whether two minutes' contents say the same once cleaned (to tell an unsaved change). */
export function isSameMinutes(a: MinutesContent, b: MinutesContent): boolean {
  return JSON.stringify(cleanMinutes(a)) === JSON.stringify(cleanMinutes(b));
}

// The meeting form

/** `list` with the element at `from` moved to `to` (agenda reordering). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= list.length || to >= list.length) return [...list];
  const next = [...list];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved as T);
  return next;
}

/** Checks the form can make before asking the server: the times must read and the end come after the start. */
export function scheduleProblem(day: string, startTime: string, endTime: string): 'date' | 'startTime' | 'endTime' | 'endBeforeStart' | null {
  if (!isDay(day)) return 'date';
  if (!TIME.test(startTime)) return 'startTime';
  if (!TIME.test(endTime)) return 'endTime';
  return endTime <= startTime ? 'endBeforeStart' : null;
}

/** Whether a link is an http(s) address, as the server accepts a pasted video link. */
export function isWebLink(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** One agenda line of the form; `key` keeps React's identity while lines move. */
export interface AgendaLine {
  key: string;
  title: string;
  description: string;
}

/** The meeting form's fields, as the user edits them. */
export interface MeetingForm {
  bodyId: string | null;
  kind: MeetingKind;
  title: string;
  purpose: string;
  convenedByPerson: PersonRef | null;
  convenedByBodyId: string | null;
  chair: PersonRef | null;
  secretary: PersonRef | null;
  day: string;
  startTime: string;
  endTime: string;
  mode: MeetingMode;
  place: string;
  address: string;
  videoUrl: string;
  agenda: AgendaLine[];
  invitedBodyIds: string[];
  guests: PersonRef[];
}

let lineCount = 0;
export function agendaLine(title = '', description = ''): AgendaLine {
  lineCount += 1;
  return { key: `line-${lineCount}`, title, description };
}

/** A new meeting: two hours from 16:00 the day after `today`, with one empty agenda line. */
export function emptyMeetingForm(today: string, bodyId: string | null = null): MeetingForm {
  return {
    bodyId,
    kind: 'internal',
    title: '',
    purpose: '',
    convenedByPerson: null,
    convenedByBodyId: null,
    chair: null,
    secretary: null,
    day: addDays(today, 1),
    startTime: '16:00',
    endTime: '18:00',
    mode: 'in_person',
    place: '',
    address: '',
    videoUrl: '',
    agenda: [agendaLine()],
    invitedBodyIds: [],
    guests: [],
  };
}

/** The form as it starts from a saved meeting (the guests are not part of the meeting's detail). */
export function meetingFormOf(meeting: MeetingDetail): MeetingForm {
  const start = moroccoDayTime(meeting.startsAt);
  const end = moroccoDayTime(meeting.endsAt);
  return {
    bodyId: meeting.bodyId,
    kind: meeting.kind,
    title: meeting.title,
    purpose: meeting.purpose ?? '',
    convenedByPerson: meeting.convenedByPerson,
    convenedByBodyId: meeting.convenedByBodyId,
    chair: meeting.chairPerson,
    secretary: meeting.secretaryPerson,
    day: start.day,
    startTime: start.time,
    endTime: end.time,
    mode: meeting.mode,
    place: meeting.place ?? '',
    address: meeting.address ?? '',
    videoUrl: meeting.videoUrl ?? '',
    agenda: [...meeting.agenda].sort((a, b) => a.position - b.position).map((item) => agendaLine(item.title, item.description ?? '')),
    invitedBodyIds: meeting.invitedBodies.map((body) => body.id),
    guests: [],
  };
}

const orNull = (value: string) => value.trim() || null;

/**
 * What the form sends. Place and address go only with a meeting held somewhere, the video link only
 * with a remote or hybrid one (left empty, the server opens a video room). Empty agenda lines are dropped.
 */
export function meetingInputOf(form: MeetingForm): Omit<MeetingInput, 'bodyId'> & { bodyId: string | null } {
  const hasPlace = form.mode !== 'remote';
  const hasVideo = form.mode !== 'in_person';
  return {
    bodyId: form.bodyId,
    kind: form.kind,
    title: form.title.trim(),
    purpose: orNull(form.purpose),
    convenedByPersonId: form.convenedByPerson?.id ?? null,
    convenedByBodyId: form.convenedByBodyId,
    chairPersonId: form.chair?.id ?? null,
    secretaryPersonId: form.secretary?.id ?? null,
    // Wall-clock time without an offset: the server places it on Moroccan time with its own data.
    startsAt: moroccoWallTime(form.day, form.startTime),
    endsAt: moroccoWallTime(form.day, form.endTime),
    mode: form.mode,
    place: hasPlace ? orNull(form.place) : null,
    address: hasPlace ? orNull(form.address) : null,
    videoUrl: hasVideo ? orNull(form.videoUrl) : null,
    agenda: form.agenda.filter((line) => line.title.trim()).map((line) => ({ title: line.title.trim(), description: orNull(line.description) })),
    invitedBodyIds: form.invitedBodyIds,
    guestPersonIds: form.guests.map((person) => person.id),
  };
}

/** The form's fields an API refusal can point at. */
export type MeetingField =
  | 'bodyId'
  | 'kind'
  | 'title'
  | 'purpose'
  | 'convenedByPerson'
  | 'convenedByBody'
  | 'chair'
  | 'secretary'
  | 'day'
  | 'startTime'
  | 'endTime'
  | 'mode'
  | 'place'
  | 'address'
  | 'videoUrl'
  | 'agenda'
  | 'invitedBodyIds'
  | 'guests';

const FIELD_OF_INPUT: Record<string, MeetingField> = {
  bodyId: 'bodyId',
  kind: 'kind',
  title: 'title',
  purpose: 'purpose',
  convenedByPersonId: 'convenedByPerson',
  convenedByBodyId: 'convenedByBody',
  chairPersonId: 'chair',
  secretaryPersonId: 'secretary',
  startsAt: 'startTime',
  endsAt: 'endTime',
  mode: 'mode',
  place: 'place',
  address: 'address',
  videoUrl: 'videoUrl',
  agenda: 'agenda',
  invitedBodyIds: 'invitedBodyIds',
  guestPersonIds: 'guests',
};

// Refusals of the rules that belong to one field rather than to the whole form.
const FIELD_OF_CODE: Record<string, MeetingField> = {
  meeting_ends_before_start: 'endTime',
  meeting_body_dissolved: 'bodyId',
  body_not_found: 'bodyId',
  meeting_place_required: 'place',
  convening_body_invalid: 'convenedByBody',
};

/** The server's refusals by form field (`body.agenda.0.title` → agenda), to show beside the inputs. */
export function meetingFieldErrors(error: unknown): Partial<Record<MeetingField, string>> {
  const found: Partial<Record<MeetingField, string>> = {};
  if (!(error instanceof ApiError)) return found;
  const add = (field: MeetingField, message: string) => {
    found[field] = found[field] ? `${found[field]} · ${message}` : message;
  };
  const byCode = FIELD_OF_CODE[error.code];
  if (byCode) add(byCode, error.message);
  for (const issue of error.issues) {
    const [root, name] = issue.path.split('.');
    const field = root === 'body' && name ? FIELD_OF_INPUT[name] : undefined;
    if (field) add(field, issue.message);
  }
  return found;
}
