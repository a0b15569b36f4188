import { Group, Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Territory, TerritoryLevel } from '../api/types';
import { useUpperTerritories } from '../lib/caches';
import { localName } from '../lib/format';
import { useLocale } from '../lib/useLocale';
import type { Locale } from '../i18n/direction';

interface TerritoryPickerProps {
  value: string | null;
  onChange: (code: string | null, territory: Territory | null) => void;
  /** Only these levels are offered; all when absent. */
  levels?: readonly TerritoryLevel[];
  label?: string;
  placeholder?: string;
  description?: string;
  error?: string | null;
  required?: boolean;
  clearable?: boolean;
  disabled?: boolean;
  testId?: string;
}

/** "Sefrou · Fès-Meknès": a territory's name followed by the names of its province and region. */
export function territoryContext(territory: Territory, upper: Map<string, Territory>, locale: Locale): string {
  const parents = [territory.provinceCode, territory.regionCode]
    .filter((code): code is string => !!code && code !== territory.code)
    .map((code) => upper.get(code))
    .filter((t): t is Territory => t !== undefined)
    .map((t) => localName(t, locale));
  return parents.join(' · ');
}

export function TerritoryPicker({
  value,
  onChange,
  levels,
  label,
  placeholder,
  description,
  error,
  required,
  clearable = true,
  disabled,
  testId = 'territory-picker',
}: TerritoryPickerProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const upper = useUpperTerritories();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [results, setResults] = useState<Territory[]>([]);
  const [selected, setSelected] = useState<Territory | null>(null);
  const [isSearching, setIsSearching] = useState(false);
  const levelKey = levels?.join(',') ?? '';

  // A value set from outside (a link, a form default) is looked up once to show its name.
  useEffect(() => {
    if (!value) {
      setSelected(null);
      return;
    }
    if (selected?.code === value) return;
    let isCurrent = true;
    api.territory(value).then(
      (territory) => {
        if (isCurrent) setSelected(territory);
      },
      () => undefined,
    );
    return () => {
      isCurrent = false;
    };
  }, [value, selected?.code]);

  useEffect(() => {
    const q = debounced.trim();
    if (q.length < 2 || (selected && q === localName(selected, locale))) {
      setResults([]);
      return;
    }
    let isCurrent = true;
    setIsSearching(true);
    const singleLevel = levels && levels.length === 1 ? levels[0] : undefined;
    api.territories({ q, level: singleLevel, limit: 30 }).then(
      (answer) => {
        if (!isCurrent) return;
        setResults(levels ? answer.items.filter((item) => levels.includes(item.level)) : answer.items);
        setIsSearching(false);
      },
      () => {
        if (!isCurrent) return;
        setResults([]);
        setIsSearching(false);
      },
    );
    return () => {
      isCurrent = false;
    };
    // levelKey stands for `levels`, whose identity changes on every render of the caller.
  }, [debounced, levelKey, locale]);

  const byCode = useMemo(() => {
    const map = new Map<string, Territory>();
    for (const item of results) map.set(item.code, item);
    if (selected) map.set(selected.code, selected);
    return map;
  }, [results, selected]);

  const data = useMemo(
    () => [...byCode.values()].map((item) => ({ value: item.code, label: localName(item, locale) })),
    [byCode, locale],
  );

  return (
    <Select
      data-testid={testId}
      label={label}
      placeholder={placeholder ?? t('territory.searchPlaceholder')}
      description={description}
      error={error}
      required={required}
      disabled={disabled}
      clearable={clearable}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      data={data}
      value={value}
      nothingFoundMessage={
        search.trim().length < 2 ? t('territory.typeToSearch') : isSearching ? t('common.loading') : t('common.noResults')
      }
      onChange={(code) => {
        const territory = code ? (byCode.get(code) ?? null) : null;
        setSelected(territory);
        onChange(code, territory);
      }}
      renderOption={({ option }) => {
        const territory = byCode.get(option.value);
        return (
          <Group gap="xs" wrap="nowrap">
            <div>
              <Text size="sm">{option.label}</Text>
              {territory && (
                <Text size="xs" c="dimmed">
                  {t(`level.${territory.level}`)}
                  {territoryContext(territory, upper, locale) ? ` · ${territoryContext(territory, upper, locale)}` : ''}
                </Text>
              )}
            </div>
          </Group>
        );
      }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
