import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import { EmptyText, ErrorAlert, Loading } from '../components/Feedback';
import { LevelBadge } from '../components/LevelBadge';
import { TerritoryBreadcrumb } from '../components/TerritoryBreadcrumb';
import { formatNumber, localName } from '../lib/format';
import { useApiData } from '../lib/useApiData';
import { useLocale } from '../lib/useLocale';

export function TerritoryPage() {
  const { code = 'MA' } = useParams();
  const { t } = useTranslation();
  const locale = useLocale();
  const detail = useApiData(() => api.territory(code), [code]);
  const children = useApiData(() => api.territories({ parent: code, limit: 500 }), [code]);

  if (detail.isLoading) return <Loading />;
  if (detail.error || !detail.data) return <ErrorAlert error={detail.error} onRetry={detail.reload} />;
  const territory = detail.data;
  const facts: { label: string; value: string }[] = [
    { label: t('territory.nameAr'), value: territory.nameAr },
    { label: t('territory.nameFr'), value: territory.nameFr },
    { label: t('territory.code'), value: territory.code },
    { label: t('territory.type'), value: territory.type ? t(`territoryType.${territory.type}`, { defaultValue: territory.type }) : '—' },
    { label: t('territory.population'), value: formatNumber(territory.population, locale) },
    { label: t('territory.households'), value: formatNumber(territory.households, locale) },
  ];

  return (
    <Stack gap="md" data-testid="territory-page" data-code={territory.code}>
      <TerritoryBreadcrumb ancestors={territory.ancestors} current={territory} hrefOf={(c) => `/territories/${c}`} />
      <Group justify="space-between" align="flex-end">
        <Group gap="sm">
          <Title order={2}>{localName(territory, locale)}</Title>
          <LevelBadge level={territory.level} />
        </Group>
        <Group gap="xs">
          <Button component={Link} to={`/coverage/${territory.code}`} data-testid="territory-coverage-link">
            {t('territory.coverage')}
          </Button>
          <Button component={Link} to={`/bodies?territory=${territory.code}`} variant="default" data-testid="territory-bodies-link">
            {t('territory.bodies')}
          </Button>
        </Group>
      </Group>

      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm" data-testid="territory-facts">
          {facts.map((fact) => (
            <div key={fact.label}>
              <Text size="xs" c="dimmed">
                {fact.label}
              </Text>
              <Text size="sm" fw={500}>
                {fact.value}
              </Text>
            </div>
          ))}
        </SimpleGrid>
        {territory.aliases.length > 0 && (
          <Text size="xs" c="dimmed" mt="sm">
            {t('territory.aliases')}: {territory.aliases.join('، ')}
          </Text>
        )}
      </Paper>

      {territory.level !== 'commune' && (
        <Paper withBorder p="md" radius="md">
          <Title order={3} size="h5" mb="sm">
            {t('territory.children', { value: territory.childrenCount })}
          </Title>
          {children.isLoading && <Loading />}
          {children.error !== undefined && <ErrorAlert error={children.error} onRetry={children.reload} />}
          {children.data && children.data.items.length === 0 && <EmptyText>{t('common.noResults')}</EmptyText>}
          {children.data && children.data.items.length > 0 && (
            <Table highlightOnHover data-testid="territory-children">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('territory.name')}</Table.Th>
                  <Table.Th>{t('territory.level')}</Table.Th>
                  <Table.Th className="tanzim-num">{t('territory.population')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {children.data.items.map((child) => (
                  <Table.Tr key={child.code} data-code={child.code}>
                    <Table.Td>
                      <Anchor component={Link} to={`/territories/${child.code}`} size="sm">
                        {localName(child, locale)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <LevelBadge level={child.level} />
                    </Table.Td>
                    <Table.Td className="tanzim-num">{formatNumber(child.population, locale)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      )}
    </Stack>
  );
}
