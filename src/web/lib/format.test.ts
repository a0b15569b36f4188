import { describe, expect, it } from 'vitest';
import { formatShare, localName } from './format';

describe('localName', () => {
  const sefrou = { nameAr: 'صفرو', nameFr: 'Sefrou' };
  it('shows the Arabic name in Arabic and the French name otherwise', () => {
    expect(localName(sefrou, 'ar')).toBe('صفرو');
    expect(localName(sefrou, 'fr')).toBe('Sefrou');
    expect(localName(sefrou, 'en')).toBe('Sefrou');
  });
});

describe('formatShare', () => {
  it('keeps Western digits in Arabic', () => {
    expect(formatShare(0.13, 'ar')).toMatch(/13/);
  });
  it('does not round a small share down to zero', () => {
    expect(formatShare(3 / 1503, 'en')).toBe('0.2%');
    expect(formatShare(0, 'en')).toBe('0%');
  });
});
