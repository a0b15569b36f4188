import { formatDate } from '../lib/dates';
import { useLocale } from '../lib/useLocale';

/** A calendar date written the Moroccan way, with the ISO date kept machine-readable. */
export function DateText({ value }: { value: string | null | undefined }) {
  const locale = useLocale();
  if (!value) return <span>—</span>;
  return <time dateTime={value.slice(0, 10)}>{formatDate(value, locale)}</time>;
}
