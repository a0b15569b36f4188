/**
 * Dates as a Moroccan communiqué writes them: «الأحد 17 ماي 2020», «dimanche 17 mai 2020». Morocco
 * names the months after the French ones (ماي, يوليوز, غشت), not the Levantine or Egyptian names that
 * Intl's Arabic locales give, so the names are declared here once.
 */
export const MONTHS_AR = ['يناير', 'فبراير', 'مارس', 'أبريل', 'ماي', 'يونيو', 'يوليوز', 'غشت', 'شتنبر', 'أكتوبر', 'نونبر', 'دجنبر'] as const;
export const MONTHS_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'] as const;
/** Sunday first, as `Date.getUTCDay()` counts. */
export const WEEKDAYS_AR = ['الأحد', 'الإثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت'] as const;
export const WEEKDAYS_FR = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'] as const;

export interface LocalDateTime {
  year: number;
  /** 1 to 12. */
  month: number;
  day: number;
  /** 0 (Sunday) to 6. */
  weekday: number;
  hour: number;
  minute: number;
}

/** The wall-clock date and time of an instant in a time zone, from the time zone database (Morocco's offset changes around Ramadan). */
export function localDateTime(instant: Date, timeZone: string): LocalDateTime {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const year = part('year');
  const month = part('month');
  const day = part('day');
  return { year, month, day, weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(), hour: part('hour'), minute: part('minute') };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** «الأحد 17 ماي 2020» */
export function formatDateAr(instant: Date, timeZone: string): string {
  const d = localDateTime(instant, timeZone);
  return `${WEEKDAYS_AR[d.weekday]} ${d.day} ${MONTHS_AR[d.month - 1]} ${d.year}`;
}

/** «dimanche 17 mai 2020», «vendredi 1er mai 2020» */
export function formatDateFr(instant: Date, timeZone: string): string {
  const d = localDateTime(instant, timeZone);
  return `${WEEKDAYS_FR[d.weekday]} ${d.day === 1 ? '1er' : d.day} ${MONTHS_FR[d.month - 1]} ${d.year}`;
}

/** «16:00» in Arabic text, «16 h 00» in French. */
export function formatTime(instant: Date, timeZone: string, locale: 'ar' | 'fr'): string {
  const d = localDateTime(instant, timeZone);
  return locale === 'ar' ? `${pad(d.hour)}:${pad(d.minute)}` : `${d.hour} h ${pad(d.minute)}`;
}

/**
 * The instant at which the clocks of a time zone read a local date and time: the offset is looked up
 * for that very moment, so a date in Ramadan 2020 (Morocco on UTC+0) and one outside (UTC+1) both come out right.
 */
export function instantAt(date: string, time: string, timeZone: string): Date {
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const asUtc = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0);
  const offsetAt = (ms: number) => {
    const l = localDateTime(new Date(ms), timeZone);
    return Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute) - ms;
  };
  const first = asUtc - offsetAt(asUtc);
  // Near a change of offset the first guess can sit on the other side of it: look again from there.
  return new Date(asUtc - offsetAt(first));
}
