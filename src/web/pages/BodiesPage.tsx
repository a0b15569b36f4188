import { Anchor, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client';
import type { BodyKind, BodyStatus } from '../api/types';
import { DateText } from '../components/DateText';
import { EmptyText, ErrorAlert, Loading, SignInGate, WriteGate } from '../components/Feedback';
import { BodyStatusBadge } from '../components/StatusBadge';
import { TerritoryPicker } from '../components/TerritoryPicker';
import { BODY_KINDS, BODY_STATUSES } from '../lib/bodies';
import { localName } from '../lib/format';
import { useApiData } from '../lib/useApiData';
import { useLocale } from '../lib/useLocale';

export function BodiesPage() {
  return (
    <SignInGate>
      <BodiesList />
    </SignInGate>
  );
}

function BodiesList() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const territory = params.get('territory');
  const kind = params.get('kind') as BodyKind | null;
  const status = params.get('status') as BodyStatus | null;
  const q = params.get('q') ?? '';
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);

  const bodies = useApiData(
    // Dissolved bodies are left out of lists unless they are asked for.
    () => api.bodies({ territory, kind, status, q: debouncedQ || null, includeDissolved: status === 'dissolved' ? 'true' : null }),
    [territory, kind, status, debouncedQ],
  );

  const update = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <Stack gap="md" data-testid="bodies-page">
      <Group justify="space-between">
        <Title order={2}>{t('body.many')}</Title>
        <WriteGate territory={territory ?? undefined}>
          <Button component={Link} to={territory ? `/bodies/new?territory=${territory}` : '/bodies/new'} data-testid="new-body">
            {t('body.new')}
          </Button>
        </WriteGate>
      </Group>
      <Group align="flex-end" gap="sm">
        <div className="tanzim-grow">
          <TerritoryPicker
            label={t('body.territory')}
            value={territory}
            onChange={(code) => update('territory', code)}
            testId="bodies-territory-filter"
          />
        </div>
        <Select
          data-testid="bodies-kind-filter"
          label={t('body.kind')}
          placeholder={t('common.all')}
          clearable
          value={kind}
          onChange={(value) => update('kind', value)}
          data={BODY_KINDS.map((k) => ({ value: k, label: t(`bodyKind.${k}`) }))}
          w={220}
        />
        <Select
          data-testid="bodies-status-filter"
          label={t('body.status')}
          placeholder={t('common.all')}
          clearable
          value={status}
          onChange={(value) => update('status', value)}
          data={BODY_STATUSES.map((s) => ({ value: s, label: t(`bodyStatus.${s}`) }))}
          w={160}
        />
        <TextInput
          data-testid="bodies-search"
          label={t('common.search')}
          value={q}
          onChange={(event) => update('q', event.currentTarget.value)}
          w={200}
        />
      </Group>
      {bodies.isLoading && !bodies.data && <Loading />}
      {bodies.error !== undefined && <ErrorAlert error={bodies.error} onRetry={bodies.reload} />}
      {bodies.data && bodies.data.items.length === 0 && <EmptyText>{t('body.none')}</EmptyText>}
      {bodies.data && bodies.data.items.length > 0 && (
        <Paper withBorder radius="md" className="tanzim-scroll-x">
          <Table highlightOnHover data-testid="bodies-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('body.name')}</Table.Th>
                <Table.Th>{t('body.kind')}</Table.Th>
                <Table.Th>{t('body.territory')}</Table.Th>
                <Table.Th>{t('body.status')}</Table.Th>
                <Table.Th>{t('body.since')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {bodies.data.items.map((body) => (
                <Table.Tr key={body.id} data-body-id={body.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/bodies/${body.id}`} size="sm">
                      {localName(body, locale)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {t(`bodyKind.${body.kind}`)}
                      {body.sector ? ` · ${t(`sector.${body.sector}`)}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/coverage/${body.territoryCode}`} size="sm">
                      {localName(body.territory, locale)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <BodyStatusBadge status={body.status} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      <DateText value={body.statusSince} />
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {bodies.data.total > bodies.data.items.length && (
            <Text size="xs" c="dimmed" p="sm">
              {t('common.shownOf', { shown: bodies.data.items.length, total: bodies.data.total })}
            </Text>
          )}
        </Paper>
      )}
    </Stack>
  );
}
