import { describe, expect, it } from 'vitest';
import { formatDateAr, formatDateFr, formatTime, instantAt, MONTHS_AR, MONTHS_FR, WEEKDAYS_AR, WEEKDAYS_FR } from './moroccan-date';

const TZ = 'Africa/Casablanca';

describe('Moroccan dates', () => {
  it('names the twelve months the Moroccan way, in Arabic and in French', () => {
    const ar = Array.from({ length: 12 }, (_, m) => formatDateAr(new Date(Date.UTC(2021, m, 15, 12)), TZ).split(' ')[2]);
    expect(ar).toEqual(['يناير', 'فبراير', 'مارس', 'أبريل', 'ماي', 'يونيو', 'يوليوز', 'غشت', 'شتنبر', 'أكتوبر', 'نونبر', 'دجنبر']);
    const fr = Array.from({ length: 12 }, (_, m) => formatDateFr(new Date(Date.UTC(2021, m, 15, 12)), TZ).split(' ')[2]);
    expect(fr).toEqual(['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre']);
    expect(MONTHS_AR).toHaveLength(12);
    expect(MONTHS_FR).toHaveLength(12);
  });

  it('names the seven weekdays, from Sunday 17 May 2020 to Saturday 23 May 2020', () => {
    const days = Array.from({ length: 7 }, (_, i) => new Date(Date.UTC(2020, 4, 17 + i, 12)));
    expect(days.map((d) => formatDateAr(d, TZ))).toEqual([
      'الأحد 17 ماي 2020',
      'الإثنين 18 ماي 2020',
      'الثلاثاء 19 ماي 2020',
      'الأربعاء 20 ماي 2020',
      'الخميس 21 ماي 2020',
      'الجمعة 22 ماي 2020',
      'السبت 23 ماي 2020',
    ]);
    expect(days.map((d) => formatDateFr(d, TZ))).toEqual([
      'dimanche 17 mai 2020',
      'lundi 18 mai 2020',
      'mardi 19 mai 2020',
      'mercredi 20 mai 2020',
      'jeudi 21 mai 2020',
      'vendredi 22 mai 2020',
      'samedi 23 mai 2020',
    ]);
    expect(WEEKDAYS_AR).toHaveLength(7);
    expect(WEEKDAYS_FR).toHaveLength(7);
  });

  it('writes the first of the month as «1er» in French', () => {
    expect(formatDateFr(new Date('2020-05-01T12:00:00Z'), TZ)).toBe('vendredi 1er mai 2020');
    expect(formatDateAr(new Date('2020-05-01T12:00:00Z'), TZ)).toBe('الجمعة 1 ماي 2020');
  });

  it('takes the date in Morocco, whose offset was UTC+0 in Ramadan 2020 and UTC+1 after it', () => {
    // 23:30 UTC is still the 17th in Casablanca during Ramadan 2020, but already the 18th a month later.
    expect(formatDateAr(new Date('2020-05-17T23:30:00Z'), TZ)).toBe('الأحد 17 ماي 2020');
    expect(formatDateAr(new Date('2020-06-17T23:30:00Z'), TZ)).toBe('الخميس 18 يونيو 2020');
    expect(formatTime(new Date('2020-05-17T16:00:00Z'), TZ, 'ar')).toBe('16:00');
    expect(formatTime(new Date('2020-06-17T16:00:00Z'), TZ, 'ar')).toBe('17:00');
    expect(formatTime(new Date('2020-05-17T16:05:00Z'), TZ, 'fr')).toBe('16 h 05');
  });

  it('finds the instant of a local time from the time zone database', () => {
    expect(instantAt('2020-05-17', '16:00', TZ).toISOString()).toBe('2020-05-17T16:00:00.000Z');
    expect(instantAt('2020-06-17', '16:00', TZ).toISOString()).toBe('2020-06-17T15:00:00.000Z');
    expect(instantAt('2020-01-05', '09:30', 'Europe/Paris').toISOString()).toBe('2020-01-05T08:30:00.000Z');
  });
});
