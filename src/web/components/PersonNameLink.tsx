import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PersonRef } from '../api/types';
import { otherScriptName, personName } from '../lib/people';
import { useLocale } from '../lib/useLocale';

/** A person's name linking to their page, with their name in the other script beneath when they have both. */
export function PersonNameLink({ person }: { person: PersonRef }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const name = personName(person, locale);
  const otherName = otherScriptName(person, locale);
  return (
    <>
      <Anchor component={Link} to={`/people/${person.id}`} size="sm" fw={500} fs={name ? undefined : 'italic'} data-testid="person-link">
        <bdi>{name || t('person.erasedName')}</bdi>
      </Anchor>
      {otherName && (
        <Text size="xs" c="dimmed">
          <bdi>{otherName}</bdi>
        </Text>
      )}
    </>
  );
}
