import { Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { PersonRef } from '../api/types';
import { otherScriptName, personName } from '../lib/people';
import { useLocale } from '../lib/useLocale';

interface MeetingPersonSelectProps {
  value: string | null;
  onChange: (person: PersonRef | null) => void;
  label: string;
  /** People to offer before anything is typed: the mandates of the organizing body and of the bodies above it. */
  suggestions: readonly PersonRef[];
  /** The person chosen, when the form starts from a saved meeting (to show their name). */
  initial?: PersonRef | null;
  error?: string | null;
  description?: string;
  testId: string;
  /** People not to offer again (already chosen elsewhere in the list). */
  exclude?: readonly string[];
}

const SEARCH_SIZE = 20;

/**
 * Picks a person: the people of the bodies concerned first, and anyone in the registry by name in either
 * script (the server's tolerant search). The regional secretary general who convenes a provincial meeting
 * is offered through his mandate even where the registry search would not reach him.
 */
export function MeetingPersonSelect({ value, onChange, label, suggestions, initial, error, description, testId, exclude = [] }: MeetingPersonSelectProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [found, setFound] = useState<PersonRef[]>([]);
  const [chosen, setChosen] = useState<PersonRef | null>(initial ?? null);

  useEffect(() => {
    const q = debounced.trim();
    if (!q || (chosen && q === personName(chosen, locale))) {
      setFound([]);
      return;
    }
    let isCurrent = true;
    api.people({ q, limit: SEARCH_SIZE }).then(
      (answer) => isCurrent && setFound(answer.items.filter((person) => !person.isErased)),
      () => isCurrent && setFound([]),
    );
    return () => {
      isCurrent = false;
    };
  }, [debounced, chosen, locale]);

  const byId = useMemo(() => {
    const map = new Map<string, PersonRef>();
    const q = debounced.trim();
    // Suggestions stay listed while typing; Select's own filter is off, so they are narrowed here.
    for (const person of suggestions) {
      if (!q || personName(person, locale).includes(q) || otherScriptName(person, locale).toLowerCase().includes(q.toLowerCase())) map.set(person.id, person);
    }
    for (const person of found) map.set(person.id, person);
    if (chosen) map.set(chosen.id, chosen);
    for (const id of exclude) if (id !== value) map.delete(id);
    return map;
  }, [suggestions, found, chosen, debounced, locale, exclude, value]);

  return (
    <Select
      data-testid={testId}
      label={label}
      description={description}
      placeholder={t('person.searchPlaceholder')}
      error={error}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      data={[...byId.values()].map((person) => ({ value: person.id, label: personName(person, locale) || t('person.erasedName') }))}
      value={value}
      nothingFoundMessage={t('common.noResults')}
      onChange={(id) => {
        const person = id ? (byId.get(id) ?? null) : null;
        setChosen(person);
        onChange(person);
      }}
      renderOption={({ option }) => {
        const person = byId.get(option.value);
        const other = person ? otherScriptName(person, locale) : '';
        return (
          <div data-person-id={option.value}>
            <Text size="sm">{option.label}</Text>
            {other && (
              <Text size="xs" c="dimmed">
                <bdi>{other}</bdi>
              </Text>
            )}
          </div>
        );
      }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
