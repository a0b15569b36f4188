import { Anchor, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client';
import type { TerritoryLevel } from '../api/types';
import { EmptyText, ErrorAlert, Loading } from '../components/Feedback';
import { LevelBadge } from '../components/LevelBadge';
import { territoryContext } from '../components/TerritoryPicker';
import { useUpperTerritories } from '../lib/caches';
import { formatNumber, localName } from '../lib/format';
import { useApiData } from '../lib/useApiData';
import { useLocale } from '../lib/useLocale';

const LEVELS: TerritoryLevel[] = ['region', 'province', 'commune'];
const isLevel = (value: string | null): value is TerritoryLevel => LEVELS.includes(value as TerritoryLevel);
const RESULT_LIMIT = 100;

export function TerritoriesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const upper = useUpperTerritories();
  // Search and filter live in the address, so that a result list can be shared and survives "back".
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const levelParam = params.get('level');
  const level = isLevel(levelParam) ? levelParam : null;
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);

  // Without a search, the list starts from the regions (or the whole chosen level).
  const results = useApiData(
    () =>
      api.territories({
        q: debouncedQ || null,
        level: level ?? (debouncedQ ? null : 'region'),
        limit: RESULT_LIMIT,
      }),
    [debouncedQ, level],
  );

  const update = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <Stack gap="md" data-testid="territories-page">
      <Title order={2}>{t('territory.browserTitle')}</Title>
      <Group align="flex-end" gap="sm">
        <TextInput
          data-testid="territory-search"
          label={t('common.search')}
          placeholder={t('territory.searchPlaceholder')}
          value={q}
          onChange={(event) => update('q', event.currentTarget.value)}
          className="tanzim-grow"
        />
        <Select
          data-testid="territory-level-filter"
          label={t('territory.level')}
          placeholder={t('common.all')}
          clearable
          value={level}
          onChange={(value) => update('level', value)}
          data={LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))}
          w={180}
        />
      </Group>
      {results.isLoading && !results.data && <Loading />}
      {results.error !== undefined && <ErrorAlert error={results.error} onRetry={results.reload} />}
      {results.data && results.data.items.length === 0 && <EmptyText>{t('common.noResults')}</EmptyText>}
      {results.data && results.data.items.length > 0 && (
        <Paper withBorder radius="md">
          <Table highlightOnHover data-testid="territory-results">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('territory.name')}</Table.Th>
                <Table.Th>{t('territory.level')}</Table.Th>
                <Table.Th>{t('territory.within')}</Table.Th>
                <Table.Th className="tanzim-num">{t('territory.population')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {results.data.items.map((territory) => (
                <Table.Tr key={territory.code} data-code={territory.code}>
                  <Table.Td>
                    <Anchor component={Link} to={`/territories/${territory.code}`} size="sm">
                      {localName(territory, locale)}
                    </Anchor>
                    <Text size="xs" c="dimmed" lang={locale === 'ar' ? 'fr' : 'ar'}>
                      {locale === 'ar' ? territory.nameFr : territory.nameAr}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <LevelBadge level={territory.level} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{territoryContext(territory, upper, locale)}</Text>
                  </Table.Td>
                  <Table.Td className="tanzim-num">{formatNumber(territory.population, locale)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {results.data.total > results.data.items.length && (
            <Text size="xs" c="dimmed" p="sm">
              {t('common.shownOf', { shown: results.data.items.length, total: results.data.total })}
            </Text>
          )}
        </Paper>
      )}
    </Stack>
  );
}
