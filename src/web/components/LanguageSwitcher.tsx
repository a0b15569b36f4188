import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeLocale } from '../i18n';
import { isLocale, LOCALES } from '../i18n/direction';
import { useLocale } from '../lib/useLocale';

// Each language is named in itself, so that a reader who does not read the current one finds theirs.
const LABELS = { ar: 'ع', fr: 'FR', en: 'EN' } as const;
const FULL_NAMES = { ar: 'العربية', fr: 'Français', en: 'English' } as const;

export function LanguageSwitcher() {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <SegmentedControl
      size="xs"
      data-testid="language-switcher"
      aria-label={t('nav.language')}
      value={locale}
      onChange={(value) => {
        if (isLocale(value)) void changeLocale(value);
      }}
      data={LOCALES.map((code) => ({
        value: code,
        label: (
          <span lang={code} title={FULL_NAMES[code]} data-testid={`lang-${code}`}>
            {LABELS[code]}
          </span>
        ),
      }))}
    />
  );
}
