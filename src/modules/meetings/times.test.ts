import { describe, expect, it } from 'vitest';
import { localDate, toZonedIso } from './times';

describe('meeting times in Africa/Casablanca', () => {
  it('answers UTC+1 outside Ramadan', () => {
    expect(toZonedIso(new Date('2020-06-21T15:00:00Z'))).toBe('2020-06-21T16:00:00+01:00');
    expect(toZonedIso(new Date('2026-01-10T09:30:00Z'))).toBe('2026-01-10T10:30:00+01:00');
  });

  it('answers UTC+0 during Ramadan (17 May 2020 was in Ramadan)', () => {
    expect(toZonedIso(new Date('2020-05-17T16:00:00Z'))).toBe('2020-05-17T16:00:00+00:00');
  });

  it('gives the local date, which may differ from the UTC date', () => {
    expect(localDate(new Date('2020-06-21T23:30:00Z'))).toBe('2020-06-22');
    expect(localDate(new Date('2020-05-17T23:30:00Z'))).toBe('2020-05-17');
  });

  it('writes midnight as 00, not 24', () => {
    expect(toZonedIso(new Date('2020-06-20T23:00:00Z'))).toBe('2020-06-21T00:00:00+01:00');
  });
});
