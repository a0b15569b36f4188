import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, moroccoDayBound, todayIso } from './dates';

describe('formatDate', () => {
  it('writes the Moroccan Arabic month names with Western digits', () => {
    expect(formatDate('2020-05-17', 'ar')).toBe('17 ماي 2020');
    expect(formatDate('2020-07-01', 'ar')).toBe('1 يوليوز 2020');
    expect(formatDate('2020-08-09', 'ar')).toBe('9 غشت 2020');
    expect(formatDate('2021-09-30', 'ar')).toBe('30 شتنبر 2021');
    expect(formatDate('2021-11-02', 'ar')).toBe('2 نونبر 2021');
    expect(formatDate('2021-12-31', 'ar')).toBe('31 دجنبر 2021');
  });

  it('writes French and English dates', () => {
    expect(formatDate('2020-05-17', 'fr')).toBe('17 mai 2020');
    expect(formatDate('2020-08-01', 'fr')).toBe('1 août 2020');
    expect(formatDate('2020-05-17', 'en')).toBe('17 May 2020');
  });

  it('keeps the calendar day of a timestamp', () => {
    expect(formatDate('2020-05-17T23:30:00.000Z', 'fr')).toBe('17 mai 2020');
  });

  it('reads a Date in local time', () => {
    expect(formatDate(new Date(2020, 4, 17), 'ar')).toBe('17 ماي 2020');
  });

  it('returns an empty string for missing or unreadable values', () => {
    expect(formatDate(null, 'ar')).toBe('');
    expect(formatDate(undefined, 'fr')).toBe('');
    expect(formatDate('', 'fr')).toBe('');
    expect(formatDate('17/05/2020', 'fr')).toBe('');
    expect(formatDate('2020-13-01', 'fr')).toBe('');
  });
});

describe('todayIso', () => {
  it('pads month and day', () => {
    expect(todayIso(new Date(2020, 4, 7))).toBe('2020-05-07');
  });
});

describe('formatDateTime', () => {
  it('writes the instant on Moroccan time with the Moroccan month names', () => {
    // Morocco keeps UTC+1 outside Ramadan.
    expect(formatDateTime('2026-11-25T00:22:02.880Z', 'ar')).toBe('25 نونبر 2026، 01:22');
    expect(formatDateTime('2026-11-24T23:30:00.000Z', 'fr')).toBe('25 novembre 2026, 00:30');
    expect(formatDateTime('2020-05-17T13:05:00Z', 'en')).toBe('17 May 2020, 13:05');
  });

  it('returns an empty string for missing or unreadable values', () => {
    expect(formatDateTime(null, 'ar')).toBe('');
    expect(formatDateTime('soon', 'fr')).toBe('');
  });
});

describe('moroccoDayBound', () => {
  it('bounds a Moroccan day with the offset in force that day', () => {
    expect(moroccoDayBound('2026-11-25', 'start')).toBe('2026-11-25T00:00:00+01:00');
    expect(moroccoDayBound('2026-11-25', 'end')).toBe('2026-11-25T23:59:59.999+01:00');
    // Ramadan 2020 (24 April – 23 May): Morocco went back to UTC.
    expect(moroccoDayBound('2020-05-10', 'start')).toBe('2020-05-10T00:00:00+00:00');
  });
});
