import { Button, Group, NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PERSON_SECTORS, PERSON_STATUSES, type PeopleQuery } from '../api/types';
import { activeFilterCount, type PeopleFilterKey } from '../lib/people';
import { TerritoryPicker } from './TerritoryPicker';

type FeeState = 'paid' | 'unpaid';

interface PeopleFiltersProps {
  query: PeopleQuery;
  /** Sets one filter (null removes it); several at once for the fee, which is a state and a year. */
  onChange: (changes: Partial<Record<PeopleFilterKey, string | number | null>>) => void;
  onClear: () => void;
}

/** The people list's filter bar. It holds no state: the filters live in the page's address. */
export function PeopleFilters({ query, onChange, onClear }: PeopleFiltersProps) {
  const { t } = useTranslation();
  const feeState: FeeState | null = query.feeYear ? 'paid' : query.feeUnpaidYear ? 'unpaid' : null;
  const feeYear = query.feeYear ?? query.feeUnpaidYear ?? null;
  const setFee = (state: FeeState | null, year: number | null) =>
    onChange({
      feeYear: state === 'paid' ? year : null,
      feeUnpaidYear: state === 'unpaid' ? year : null,
    });
  const count = activeFilterCount(query);

  return (
    <div data-testid="people-filters">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
        <TerritoryPicker
          label={t('peopleFilters.territory')}
          value={query.territory ?? null}
          onChange={(code) => onChange({ territory: code })}
          testId="people-territory-filter"
        />
        <Select
          label={t('person.status')}
          placeholder={t('common.all')}
          clearable
          value={query.status ?? null}
          onChange={(value) => onChange({ status: value })}
          data={PERSON_STATUSES.map((s) => ({ value: s, label: t(`personStatus.${s}`) }))}
          data-testid="people-status-filter"
        />
        <Select
          label={t('person.gender')}
          placeholder={t('common.all')}
          clearable
          value={query.gender ?? null}
          onChange={(value) => onChange({ gender: value })}
          data={(['female', 'male'] as const).map((g) => ({ value: g, label: t(`gender.${g}`) }))}
          data-testid="people-gender-filter"
        />
        <Select
          label={t('peopleFilters.ageBand')}
          placeholder={t('common.all')}
          clearable
          value={query.ageBand ?? null}
          onChange={(value) => onChange({ ageBand: value })}
          data={(['youth', 'adult'] as const).map((band) => ({ value: band, label: t(`ageBand.${band}`) }))}
          data-testid="people-age-filter"
        />
        <Select
          label={t('peopleFilters.sector')}
          placeholder={t('common.all')}
          clearable
          value={query.sector ?? null}
          onChange={(value) => onChange({ sector: value })}
          data={PERSON_SECTORS.map((s) => ({ value: s, label: t(`sector.${s}`) }))}
          data-testid="people-sector-filter"
        />
        <TextInput
          label={t('peopleFilters.competence')}
          placeholder={t('peopleFilters.competencePlaceholder')}
          value={query.competence ?? ''}
          onChange={(event) => onChange({ competence: event.currentTarget.value })}
          data-testid="people-competence-filter"
        />
        <Group gap="xs" wrap="nowrap" align="flex-end">
          <Select
            className="tanzim-grow"
            label={t('peopleFilters.fee')}
            placeholder={t('common.all')}
            clearable
            value={feeState}
            onChange={(value) => setFee(value as FeeState | null, feeYear ?? new Date().getFullYear())}
            data={(['paid', 'unpaid'] as const).map((state) => ({ value: state, label: t(`peopleFilters.fee_${state}`) }))}
            data-testid="people-fee-filter"
          />
          <NumberInput
            w={72}
            hideControls
            aria-label={t('peopleFilters.feeYear')}
            placeholder={t('peopleFilters.feeYear')}
            min={1990}
            max={2100}
            allowDecimal={false}
            thousandSeparator={false}
            disabled={!feeState}
            value={feeYear ?? ''}
            onChange={(value) => typeof value === 'number' && value >= 1990 && setFee(feeState, value)}
            data-testid="people-fee-year-filter"
          />
        </Group>
        <Select
          label={t('peopleFilters.consent')}
          placeholder={t('common.all')}
          clearable
          value={query.consent ?? null}
          onChange={(value) => onChange({ consent: value })}
          data={(['given', 'withdrawn'] as const).map((state) => ({ value: state, label: t(`peopleFilters.consent_${state}`) }))}
          data-testid="people-consent-filter"
        />
      </SimpleGrid>
      {count > 0 && (
        <Group justify="flex-end" mt="xs">
          <Button variant="subtle" size="compact-sm" onClick={onClear} data-testid="people-filters-clear">
            {t('peopleFilters.clear', { value: count })}
          </Button>
        </Group>
      )}
    </div>
  );
}
