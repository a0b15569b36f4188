import { Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Person } from '../api/types';
import { localName } from '../lib/format';
import { otherScriptName, personName } from '../lib/people';
import { useLocale } from '../lib/useLocale';

interface PersonPickerProps {
  value: string | null;
  onChange: (id: string | null, person: Person | null) => void;
  label?: string;
  error?: string | null;
  required?: boolean;
  /** Lists people of this territory first when nothing is typed yet. */
  territoryCode?: string | null;
}

const PICKER_SIZE = 30;

export function PersonPicker({ value, onChange, label, error, required, territoryCode }: PersonPickerProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [results, setResults] = useState<Person[]>([]);
  const [selected, setSelected] = useState<Person | null>(null);

  useEffect(() => {
    const q = debounced.trim();
    if (selected && q === personName(selected, locale)) return;
    let isCurrent = true;
    // Before anything is typed, offer the people of the body's territory, or anyone when it has none yet.
    // `q` is the server's tolerant search: either script, usual misspellings, best matches first.
    const load = async () => {
      if (q || !territoryCode) return (await api.people({ q: q || null, limit: PICKER_SIZE })).items;
      const local = await api.people({ territory: territoryCode, limit: PICKER_SIZE });
      return local.items.length > 0 ? local.items : (await api.people({ limit: PICKER_SIZE })).items;
    };
    load().then(
      // An erased person has no name left to pick by.
      (items) => isCurrent && setResults(items.filter((person) => !person.isErased)),
      () => isCurrent && setResults([]),
    );
    return () => {
      isCurrent = false;
    };
  }, [debounced, territoryCode, locale, selected]);

  const byId = useMemo(() => {
    const map = new Map<string, Person>();
    for (const person of results) map.set(person.id, person);
    if (selected) map.set(selected.id, selected);
    return map;
  }, [results, selected]);

  return (
    <Select
      data-testid="person-picker"
      label={label ?? t('person.one')}
      placeholder={t('person.searchPlaceholder')}
      error={error}
      required={required}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      data={[...byId.values()].map((person) => ({ value: person.id, label: personName(person, locale) }))}
      value={value}
      nothingFoundMessage={t('common.noResults')}
      onChange={(id) => {
        const person = id ? (byId.get(id) ?? null) : null;
        setSelected(person);
        onChange(id, person);
      }}
      renderOption={({ option }) => {
        const person = byId.get(option.value);
        const otherName = person ? otherScriptName(person, locale) : '';
        const commune = person?.commune ? localName(person.commune, locale) : '';
        return (
          <div data-person-id={option.value}>
            <Text size="sm">{option.label}</Text>
            {(otherName || commune) && (
              <Text size="xs" c="dimmed">
                {otherName && <bdi>{otherName}</bdi>}
                {otherName && commune ? ' · ' : ''}
                {commune}
              </Text>
            )}
          </div>
        );
      }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
