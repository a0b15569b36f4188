import { Button, Group, Pagination, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client';
import type { PeopleQuery, Person } from '../api/types';
import { EmptyText, ErrorAlert, Loading, SignInGate, WriteGate } from '../components/Feedback';
import { PeopleExportButtons } from '../components/PeopleExportButtons';
import { PeopleFilters } from '../components/PeopleFilters';
import { PersonNameLink } from '../components/PersonNameLink';
import { PersonAgeText } from '../components/PersonAgeText';
import { PersonSectorBadges, PersonStatusBadge } from '../components/PersonStatusBadge';
import { formatNumber, formatShare, localName } from '../lib/format';
import { PEOPLE_FILTER_KEYS, peopleQueryOf, withParam } from '../lib/people';
import { useApiData } from '../lib/useApiData';
import { useLocale } from '../lib/useLocale';

const PAGE_SIZE = 50;

export function PeoplePage() {
  return (
    <SignInGate>
      <PeopleList />
    </SignInGate>
  );
}

function PeopleList() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  // Typing in the search box or a filter updates the address at once; the list follows once typing pauses.
  const [debouncedParams] = useDebouncedValue(params.toString(), 300);
  const query = peopleQueryOf(new URLSearchParams(debouncedParams));
  const page = Math.max(1, Number(new URLSearchParams(debouncedParams).get('page')) || 1);
  const queryKey = JSON.stringify(query);
  const people = useApiData(() => api.people({ ...query, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }), [queryKey, page]);

  // Any change of search or filters starts again from the first page.
  const update = (changes: Record<string, string | number | null>) => {
    let next = withParam(params, 'page', null);
    for (const [key, value] of Object.entries(changes)) next = withParam(next, key, value);
    setParams(next, { replace: true });
  };
  const clearFilters = () => {
    let next = withParam(params, 'page', null);
    for (const key of PEOPLE_FILTER_KEYS) next = withParam(next, key, null);
    setParams(next, { replace: true });
  };
  const formQuery = peopleQueryOf(params);

  return (
    <Stack gap="md" data-testid="people-page">
      <Group justify="space-between">
        <Title order={2}>{t('person.many')}</Title>
        <WriteGate>
          <Group gap="xs">
            <Button component={Link} to="/people/retention" variant="default" data-testid="people-retention-link">
              {t('retention.link')}
            </Button>
            <Button component={Link} to="/people/new" data-testid="new-person">
              {t('person.new')}
            </Button>
          </Group>
        </WriteGate>
      </Group>
      <TextInput
        label={t('common.search')}
        placeholder={t('person.searchPlaceholder')}
        value={params.get('q') ?? ''}
        onChange={(event) => update({ q: event.currentTarget.value })}
        data-testid="people-search"
      />
      <PeopleFilters query={formQuery} onChange={update} onClear={clearFilters} />
      {/* Export buttons of the filtered list go here. */}
      <div data-testid="people-export-slot">
        <PeopleExportButtons filters={{ ...query }} />
      </div>
      <PeopleCounts query={query} total={people.data?.total} />
      {people.isLoading && !people.data && <Loading />}
      {people.error !== undefined && <ErrorAlert error={people.error} onRetry={people.reload} />}
      {people.data && people.data.items.length === 0 && <EmptyText>{t('common.noResults')}</EmptyText>}
      {people.data && people.data.items.length > 0 && (
        <Paper withBorder radius="md" className="tanzim-scroll-x">
          <PeopleTable people={people.data.items} />
          <Group justify="space-between" p="sm">
            <Text size="xs" c="dimmed" data-testid="people-shown">
              {t('common.shownOf', { shown: people.data.items.length, total: people.data.total })}
            </Text>
            {people.data.total > PAGE_SIZE && (
              <Pagination
                size="sm"
                total={Math.ceil(people.data.total / PAGE_SIZE)}
                value={page}
                onChange={(next) => setParams(withParam(params, 'page', next > 1 ? next : null))}
                data-testid="people-pagination"
              />
            )}
          </Group>
        </Paper>
      )}
    </Stack>
  );
}

/** How many of the listed people are women and how many are young, asked of the server with the same filters. */
function PeopleCounts({ query, total }: { query: PeopleQuery; total: number | undefined }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const counts = useApiData(
    () =>
      Promise.all([api.people({ ...query, gender: 'female', limit: 1 }), api.people({ ...query, ageBand: 'youth', limit: 1 })]).then(
        ([women, youth]) => ({ women: women.total, youth: youth.total }),
      ),
    [JSON.stringify(query)],
  );
  if (total === undefined || !counts.data) return null;
  const share = (part: number) => formatShare(total > 0 ? part / total : 0, locale);
  return (
    <Text size="sm" data-testid="people-counts" data-women={counts.data.women} data-youth={counts.data.youth}>
      {t('person.countLine', {
        total: formatNumber(total, locale),
        women: formatNumber(counts.data.women, locale),
        womenShare: share(counts.data.women),
        youth: formatNumber(counts.data.youth, locale),
        youthShare: share(counts.data.youth),
      })}
    </Text>
  );
}

function PeopleTable({ people }: { people: Person[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Table highlightOnHover verticalSpacing="xs" data-testid="people-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('person.name')}</Table.Th>
          <Table.Th>{t('person.commune')}</Table.Th>
          <Table.Th>{t('person.status')}</Table.Th>
          <Table.Th>{t('person.sectors')}</Table.Th>
          <Table.Th>{t('person.age')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {people.map((person) => (
          <Table.Tr key={person.id} data-person-id={person.id}>
            <Table.Td>
              <PersonNameLink person={person} />
            </Table.Td>
            <Table.Td>
              <Text size="sm">{person.commune ? localName(person.commune, locale) : '—'}</Text>
            </Table.Td>
            <Table.Td>
              <PersonStatusBadge status={person.status} />
            </Table.Td>
            <Table.Td>
              <Group gap={4}>
                <PersonSectorBadges sectors={person.sectors} />
              </Group>
            </Table.Td>
            <Table.Td className="tanzim-nowrap">
              <PersonAgeText person={person} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
