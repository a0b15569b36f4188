import type { Locale } from '../i18n/direction';

// Moroccan usage keeps Western digits in Arabic text.
const NUMBER_LOCALES: Record<Locale, string> = { ar: 'ar-MA-u-nu-latn', fr: 'fr-MA', en: 'en-GB' };

export function formatNumber(value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return new Intl.NumberFormat(NUMBER_LOCALES[locale]).format(value);
}

/** A share between 0 and 1 as a percentage: "43 %" / "43%"; a small share keeps one decimal so that it does not read as zero. */
export function formatShare(share: number | null | undefined, locale: Locale): string {
  if (share === null || share === undefined || Number.isNaN(share)) return '—';
  const digits = share > 0 && share < 0.1 ? 1 : 0;
  return new Intl.NumberFormat(NUMBER_LOCALES[locale], { style: 'percent', maximumFractionDigits: digits }).format(share);
}

interface Named {
  nameAr: string;
  nameFr: string;
}

/** Arabic interface shows the Arabic name; French and English show the French (Latin-script) name. */
export function localName(entity: Named | null | undefined, locale: Locale): string {
  if (!entity) return '';
  return locale === 'ar' ? entity.nameAr || entity.nameFr : entity.nameFr || entity.nameAr;
}
