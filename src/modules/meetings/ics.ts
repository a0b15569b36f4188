import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus, type ICalLuxonDateTimeStub } from 'ical-generator';
import type { RSVP_ANSWERS } from './meetings.tables';

/**
 * iCalendar files for meetings: invitations (REQUEST), cancellations (CANCEL) and published calendars
 * (PUBLISH, the per-user feed and downloads). Times are written in the meeting's time zone with a
 * VTIMEZONE computed from the runtime's time zone database, because Morocco's rules cannot be written
 * as a yearly rule: the country is at UTC+1 except during Ramadan, whose dates follow the lunar calendar.
 */

type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterOf(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(zone, f);
  }
  return f;
}

/** The date and time a clock in `zone` shows at an instant. */
export function wallClock(zone: string, at: Date): WallClock {
  const parts: Record<string, number> = {};
  for (const p of formatterOf(zone).formatToParts(at)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0, hour: parts.hour ?? 0, minute: parts.minute ?? 0, second: parts.second ?? 0 };
}

/** The zone's offset from UTC at an instant, in minutes. */
export function offsetMinutes(zone: string, at: Date): number {
  const w = wallClock(zone, at);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const icsDateTime = (w: WallClock) => `${pad(w.year, 4)}${pad(w.month)}${pad(w.day)}T${pad(w.hour)}${pad(w.minute)}${pad(w.second)}`;
const icsOffset = (minutes: number) => `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}${pad(Math.abs(minutes) % 60)}`;
const offsetName = (minutes: number) => (minutes % 60 === 0 ? `${minutes < 0 ? '-' : '+'}${pad(Math.abs(minutes) / 60)}` : icsOffset(minutes));
/** The wall clock of an offset (not of a zone): what a clock at that offset shows at an instant. */
const clockAtOffset = (at: Date, minutes: number): WallClock => {
  const d = new Date(at.getTime() + minutes * 60_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
};

export interface OffsetChange {
  at: Date;
  from: number;
  to: number;
}

/** Every change of the zone's offset in [from, to), to the second. */
export function offsetChanges(zone: string, from: Date, to: Date): OffsetChange[] {
  const changes: OffsetChange[] = [];
  const step = 6 * 3600_000; // no zone changes its offset twice within six hours
  let t = from.getTime();
  let current = offsetMinutes(zone, from);
  while (t < to.getTime()) {
    const next = Math.min(t + step, to.getTime());
    const offset = offsetMinutes(zone, new Date(next));
    if (offset !== current) {
      // The change lies in (t, next]: narrow it down to the second.
      let lo = t;
      let hi = next;
      while (hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
        if (offsetMinutes(zone, new Date(mid)) === current) lo = mid;
        else hi = mid;
      }
      changes.push({ at: new Date(hi), from: current, to: offset });
      current = offset;
    }
    t = next;
  }
  return changes;
}

/**
 * A VTIMEZONE for `zone` valid from 1 January of `fromYear` to the end of `toYear`: one observance per
 * offset change, each with its own DTSTART (no RRULE), so it is exact for rules no yearly pattern
 * describes. The smaller offset is written as STANDARD time, the other as DAYLIGHT.
 */
export function vtimezone(zone: string, fromYear: number, toYear: number): string {
  const start = new Date(Date.UTC(fromYear, 0, 1) - 14 * 3600_000);
  const end = new Date(Date.UTC(toYear + 1, 0, 1) + 14 * 3600_000);
  const initial = offsetMinutes(zone, start);
  const changes = offsetChanges(zone, start, end);
  const lowest = Math.min(initial, ...changes.map((c) => c.to));
  const observance = (from: number, to: number, localStart: WallClock) =>
    [
      `BEGIN:${to === lowest ? 'STANDARD' : 'DAYLIGHT'}`,
      `DTSTART:${icsDateTime(localStart)}`,
      `TZOFFSETFROM:${icsOffset(from)}`,
      `TZOFFSETTO:${icsOffset(to)}`,
      `TZNAME:${offsetName(to)}`,
      `END:${to === lowest ? 'STANDARD' : 'DAYLIGHT'}`,
    ].join('\r\n');
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${zone}`,
    `X-LIC-LOCATION:${zone}`,
    observance(initial, initial, clockAtOffset(start, initial)),
    // An observance starts at the local time of the offset in force before it (RFC 5545, 3.6.5).
    ...changes.map((c) => observance(c.from, c.to, clockAtOffset(c.at, c.from))),
    'END:VTIMEZONE',
  ].join('\r\n');
}

/** An instant shown in a time zone, in the shape ical-generator accepts for zoned times (Luxon's). */
class ZonedTime implements ICalLuxonDateTimeStub {
  readonly zone = { type: 'iana' };
  constructor(
    private readonly at: Date,
    private readonly timeZone: string,
  ) {}
  get isValid() {
    return !Number.isNaN(this.at.getTime());
  }
  setZone(zone?: string): ZonedTime {
    return new ZonedTime(this.at, zone ?? this.timeZone);
  }
  toFormat(fmt: string): string {
    const isUtc = this.timeZone.toLowerCase() === 'utc';
    const text = icsDateTime(isUtc ? clockAtOffset(this.at, 0) : wallClock(this.timeZone, this.at));
    if (fmt === 'yyyyLLdd') return text.slice(0, 8);
    if (fmt === 'HHmmss') return text.slice(9);
    throw new Error(`unsupported format ${fmt}`);
  }
  toJSDate(): Date {
    return this.at;
  }
  toJSON(): string {
    return this.at.toISOString();
  }
}

export type RsvpAnswerValue = (typeof RSVP_ANSWERS)[number];

export interface CalendarPerson {
  name: string;
  email: string;
}

/** One meeting as a calendar event. */
export interface CalendarEvent {
  uid: string;
  sequence: number;
  isCancelled: boolean;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  summary: string;
  description: string;
  location: string | null;
  url: string | null;
  organizer: CalendarPerson;
  /** The invited person the file is addressed to, with their answer so far. */
  attendee?: (CalendarPerson & { answer: RsvpAnswerValue | null }) | undefined;
  createdAt?: Date | undefined;
  updatedAt?: Date | undefined;
}

export type CalendarMethod = 'REQUEST' | 'CANCEL' | 'PUBLISH';

const METHODS: Record<CalendarMethod, ICalCalendarMethod> = { REQUEST: ICalCalendarMethod.REQUEST, CANCEL: ICalCalendarMethod.CANCEL, PUBLISH: ICalCalendarMethod.PUBLISH };
const PARTSTAT: Record<RsvpAnswerValue, ICalAttendeeStatus> = { yes: ICalAttendeeStatus.ACCEPTED, no: ICalAttendeeStatus.DECLINED, maybe: ICalAttendeeStatus.TENTATIVE };

/** The stable UID of a meeting, the same in every file about it so calendars update one event. */
export function meetingUid(meetingId: string, publicUrl: string): string {
  let host = 'tanzim.invalid';
  try {
    host = new URL(publicUrl).hostname || host;
  } catch {
    // keep the default
  }
  return `meeting-${meetingId}@${host}`;
}

/** Writes an iCalendar file. A cancellation marks every event CANCELLED, whatever its own status. */
export function buildCalendar(method: CalendarMethod, events: readonly CalendarEvent[], options: { name?: string; now?: Date; refreshSeconds?: number } = {}): string {
  const now = options.now ?? new Date();
  const years = events.flatMap((e) => [wallClock(e.timeZone, e.startsAt).year, wallClock(e.timeZone, e.endsAt).year]);
  const fromYear = Math.min(...years);
  const toYear = Math.max(...years);
  const calendar = ical({
    prodId: { company: 'Tanzim', product: 'Tanzim', language: 'AR' },
    method: METHODS[method],
    ...(options.name ? { name: options.name } : {}),
    // How often a subscribed calendar should fetch the feed again.
    ...(options.refreshSeconds ? { ttl: options.refreshSeconds } : {}),
  });
  // The VTIMEZONE goes in without naming a calendar-wide zone, so DTSTAMP and the like stay in UTC.
  if (events.length > 0) calendar.timezone({ name: null, generator: (zone) => vtimezone(zone, fromYear, toYear) });
  for (const e of events) {
    const isCancelled = method === 'CANCEL' || e.isCancelled;
    calendar.createEvent({
      id: e.uid,
      sequence: e.sequence,
      stamp: now,
      start: new ZonedTime(e.startsAt, e.timeZone),
      end: new ZonedTime(e.endsAt, e.timeZone),
      timezone: e.timeZone,
      summary: e.summary,
      description: e.description,
      location: e.location,
      url: e.url,
      organizer: { name: e.organizer.name, email: e.organizer.email },
      status: isCancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      ...(e.createdAt ? { created: e.createdAt } : {}),
      ...(e.updatedAt ? { lastModified: e.updatedAt } : {}),
      attendees: e.attendee
        ? [
            {
              name: e.attendee.name,
              email: e.attendee.email,
              role: ICalAttendeeRole.REQ,
              rsvp: method === 'REQUEST',
              status: e.attendee.answer ? PARTSTAT[e.attendee.answer] : ICalAttendeeStatus.NEEDSACTION,
            },
          ]
        : [],
    });
  }
  return calendar.toString();
}
