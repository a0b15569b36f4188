import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Person } from '../api/types';
import { ageOf } from '../lib/people';

/** "34 سنة" from a birth date; "مواليد 1990" when only the year is known. */
export function PersonAgeText({ person }: { person: Pick<Person, 'birthDate' | 'birthYear'> }) {
  const { t } = useTranslation();
  if (person.birthDate) return <Text size="sm">{t('person.ageValue', { value: ageOf(person) })}</Text>;
  if (person.birthYear) return <Text size="sm">{t('person.bornIn', { value: person.birthYear })}</Text>;
  return <Text size="sm">—</Text>;
}
