import { Anchor, Group, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client';
import { DateText } from '../components/DateText';
import { EmptyText, ErrorAlert, Loading, SignInGate } from '../components/Feedback';
import { PersonNameLink } from '../components/PersonNameLink';
import { PersonStatusBadge } from '../components/PersonStatusBadge';
import { localName } from '../lib/format';
import { withParam } from '../lib/people';
import { useApiData } from '../lib/useApiData';
import { useLocale } from '../lib/useLocale';

/** Law 09-08 keeps personal data no longer than needed: people who left long ago are reviewed for erasure. */
const DEFAULT_YEARS = 5;

export function PeopleRetentionPage() {
  return (
    <SignInGate>
      <RetentionList />
    </SignInGate>
  );
}

function RetentionList() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('years'));
  const years = Number.isInteger(asked) && asked >= 1 ? asked : DEFAULT_YEARS;
  const [debouncedYears] = useDebouncedValue(years, 300);
  const people = useApiData(() => api.peopleToReview(debouncedYears), [debouncedYears]);

  return (
    <Stack gap="md" data-testid="people-retention-page">
      <Group justify="space-between">
        <Title order={2}>{t('retention.title')}</Title>
        <Anchor component={Link} to="/people" size="sm">
          {t('retention.backToPeople')}
        </Anchor>
      </Group>
      <Text size="sm" c="dimmed">
        {t('retention.intro')}
      </Text>
      <NumberInput
        label={t('retention.years')}
        maw={320}
        min={1}
        max={50}
        allowDecimal={false}
        value={years}
        onChange={(value) => setParams(withParam(params, 'years', typeof value === 'number' && value !== DEFAULT_YEARS ? value : null), { replace: true })}
        data-testid="retention-years"
      />
      {people.isLoading && !people.data && <Loading />}
      {people.error !== undefined && <ErrorAlert error={people.error} onRetry={people.reload} />}
      {people.data && people.data.items.length === 0 && <EmptyText>{t('retention.none', { value: debouncedYears })}</EmptyText>}
      {people.data && people.data.items.length > 0 && (
        <Paper withBorder radius="md" className="tanzim-scroll-x">
          <Text size="sm" p="sm" data-testid="retention-total">
            {t('retention.total', { total: people.data.total, value: debouncedYears })}
          </Text>
          <Table highlightOnHover data-testid="retention-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('person.name')}</Table.Th>
                <Table.Th>{t('person.commune')}</Table.Th>
                <Table.Th>{t('person.status')}</Table.Th>
                <Table.Th>{t('person.leftOn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {people.data.items.map((person) => (
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
                    <DateText value={person.leftOn} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
