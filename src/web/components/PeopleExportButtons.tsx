import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The filters of a people list, as GET /api/people takes them (limit and offset are left out). */
export type PeopleExportFilters = Record<string, string | number | null | undefined>;

/**
 * Download the people list with its current filters as CSV or XLSX, in the interface language, within
 * the user's territories (the server applies the same filters and scope as the list, and audits it).
 */
export function PeopleExportButtons({ filters }: { filters: PeopleExportFilters }) {
  const { t, i18n } = useTranslation();
  const href = (format: 'csv' | 'xlsx') => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(filters)) {
      if (key === 'limit' || key === 'offset' || value === null || value === undefined || value === '') continue;
      params.set(key, String(value));
    }
    params.set('format', format);
    params.set('lang', i18n.language === 'fr' || i18n.language === 'en' ? i18n.language : 'ar');
    return `/api/people/export?${params.toString()}`;
  };
  return (
    <Group gap="xs" data-testid="people-export">
      <Button component="a" href={href('csv')} download variant="light" size="xs" data-testid="people-export-csv">
        {t('peopleExport.csv')}
      </Button>
      <Button component="a" href={href('xlsx')} download variant="light" size="xs" data-testid="people-export-xlsx">
        {t('peopleExport.xlsx')}
      </Button>
    </Group>
  );
}
