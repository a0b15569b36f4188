import { instantAt } from '../newsroom/moroccan-date';
/**
 * Instants as the API answers them: ISO 8601 with the offset of the meeting's time zone on that
 * instant, read from the platform's time zone database (Morocco is UTC+1, except UTC+0 during
 * Ramadan — a rule no fixed offset can follow).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export const MEETING_TIME_ZONE = 'Africa/Casablanca';

/** `2020-05-17T16:00:00+00:00`: the local time in `timeZone` with its offset. */
export function toZonedIso(instant: Date, timeZone: string = MEETING_TIME_ZONE): string {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(instant)) parts[p.type] = p.value;
  // longOffset reads "GMT+01:00", or plain "GMT" at offset zero.
  const offset = (parts.timeZoneName ?? 'GMT').replace('GMT', '') || '+00:00';
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}

/** The local date (YYYY-MM-DD) of an instant in `timeZone`. */
export function localDate(instant: Date, timeZone: string = MEETING_TIME_ZONE): string {
  return toZonedIso(instant, timeZone).slice(0, 10);
}

/**
 * The instant a client's time stands for: as written when it carries an offset (or Z), else the
 * wall-clock time of `timeZone` read with the server's time-zone data.
 */
export function instantOfInput(value: string, timeZone: string = MEETING_TIME_ZONE): Date {
  if (/(?:[zZ]|[+-]\d{2}(?::?\d{2})?)$/.test(value)) return new Date(value);
  const [day = '', time = '00:00'] = value.split('T');
  return instantAt(day, time.slice(0, 5), timeZone);
}
