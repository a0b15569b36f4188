export type Locale = 'ar' | 'fr' | 'en';
export type Direction = 'rtl' | 'ltr';

export const LOCALES: readonly Locale[] = ['ar', 'fr', 'en'];

const RTL_LOCALES: ReadonlySet<string> = new Set(['ar', 'he', 'fa', 'ur']);

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The one place that decides writing direction: from the locale's base language. */
export function directionOf(locale: string): Direction {
  const base = locale.toLowerCase().split('-')[0] ?? '';
  return RTL_LOCALES.has(base) ? 'rtl' : 'ltr';
}

/** Sets `<html dir lang>` so that the browser, the CSS logical properties and Mantine agree. */
export function applyDocumentDirection(locale: string): Direction {
  const dir = directionOf(locale);
  if (typeof document !== 'undefined') {
    document.documentElement.dir = dir;
    document.documentElement.lang = locale;
  }
  return dir;
}
