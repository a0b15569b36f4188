import type { Locale } from '../i18n/direction';

// The month names used in Morocco, which Intl's ar-MA data does not reliably give.
const MONTHS: Record<Locale, readonly string[]> = {
  ar: ['يناير', 'فبراير', 'مارس', 'أبريل', 'ماي', 'يونيو', 'يوليوز', 'غشت', 'شتنبر', 'أكتوبر', 'نونبر', 'دجنبر'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

const DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})/;

/**
 * "17 ماي 2020", "17 mai 2020", "17 May 2020", with Western digits.
 * A `YYYY-MM-DD…` string keeps its calendar day (no time-zone shift); a Date is read in local time.
 * Returns '' for a missing or unreadable value.
 */
export function formatDate(value: string | Date | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || value === '') return '';
  let year: number;
  let month: number;
  let day: number;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    year = value.getFullYear();
    month = value.getMonth() + 1;
    day = value.getDate();
  } else {
    const match = DATE_PREFIX.exec(value);
    if (!match) return '';
    year = Number(match[1]);
    month = Number(match[2]);
    day = Number(match[3]);
  }
  const monthName = MONTHS[locale][month - 1];
  if (monthName === undefined || day < 1 || day > 31) return '';
  return `${day} ${monthName} ${year}`;
}

/** Today's date as `YYYY-MM-DD` in local time, the format date inputs and the API use. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// Times of day are shown, and days of a filter bounded, on Moroccan time whatever the browser's zone.
const MOROCCO_TIME_ZONE = 'Africa/Casablanca';

const MOROCCO_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: MOROCCO_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const DATE_TIME_SEPARATOR: Record<Locale, string> = { ar: '، ', fr: ', ', en: ', ' };

/** "17 ماي 2020، 14:05": an instant written the Moroccan way, on Moroccan time. '' when unreadable. */
export function formatDateTime(value: string | Date | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || value === '') return '';
  const instant = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(instant.getTime())) return '';
  const parts = Object.fromEntries(MOROCCO_PARTS.formatToParts(instant).map((p) => [p.type, p.value]));
  const date = formatDate(`${parts.year}-${parts.month}-${parts.day}`, locale);
  return `${date}${DATE_TIME_SEPARATOR[locale]}${parts.hour}:${parts.minute}`;
}

const MOROCCO_OFFSET = new Intl.DateTimeFormat('en-US', { timeZone: MOROCCO_TIME_ZONE, timeZoneName: 'longOffset' });

/** Morocco's offset from UTC at an instant, as "+01:00" ("+00:00" during Ramadan). */
export function moroccoOffset(instant: Date): string {
  const name = MOROCCO_OFFSET.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-]\d{2}:\d{2})/.exec(name);
  return match?.[1] ?? '+00:00';
}

/** The first or last instant of a Moroccan calendar day (`YYYY-MM-DD`), with its offset, for an API filter. */
export function moroccoDayBound(day: string, bound: 'start' | 'end'): string {
  const offset = moroccoOffset(new Date(`${day}T12:00:00Z`));
  return bound === 'start' ? `${day}T00:00:00${offset}` : `${day}T23:59:59.999${offset}`;
}
