import {
  ActionIcon,
  Alert,
  Button,
  Fieldset,
  Group,
  Input,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/client';
import { PERSON_SECTORS, PERSON_STATUSES, type Gender, type PersonInput, type PersonSector, type PersonStatus } from '../api/types';
import { cleanPersonInput, fieldErrorsOf } from '../lib/people';
import { TerritoryPicker } from './TerritoryPicker';

type FieldErrors = Partial<Record<keyof PersonInput, string>>;

const MAX_PHONES = 5;
// How numbers may be typed; the server stores them as E.164.
const PHONE_EXAMPLES = '06…, +212 6…, 00212…';
const COMPETENCE_SEPARATORS = [',', '،', ';'];

/** Pasted or blurred text is not split by the input: "Comptabilité, droit" becomes two lowercase tags here. */
function competenceTags(values: string[]): string[] {
  const tags = values.flatMap((value) => value.split(/[,،;]/)).map((tag) => tag.trim().toLowerCase());
  return [...new Set(tags.filter(Boolean))];
}

/** The fields of a person, for creating one and for editing one. Refused fields are marked where they are. */
export function PersonForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial: PersonInput;
  submitLabel: string;
  onSubmit: (input: PersonInput) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [person, setPerson] = useState<PersonInput>(initial);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [isSaving, setIsSaving] = useState(false);
  const set = <K extends keyof PersonInput>(key: K, value: PersonInput[K]) => {
    setPerson((p) => ({ ...p, [key]: value }));
    setFieldErrors(({ [key]: _fixed, ...others }) => others);
  };
  const text = (key: 'givenNameAr' | 'familyNameAr' | 'givenNameLatin' | 'familyNameLatin' | 'title' | 'cin' | 'email' | 'notes') => ({
    value: person[key] ?? '',
    error: fieldErrors[key],
    onChange: (event: { currentTarget: { value: string } }) => set(key, event.currentTarget.value),
  });
  const date = (key: 'birthDate' | 'joinedOn' | 'leftOn') => ({
    type: 'date',
    dir: 'ltr',
    value: person[key] ?? '',
    error: fieldErrors[key],
    onChange: (event: { currentTarget: { value: string } }) => set(key, event.currentTarget.value || null),
  });
  const phones = person.phones.length > 0 ? person.phones : [''];
  const setPhone = (index: number, value: string) => set('phones', phones.map((p, i) => (i === index ? value : p)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setFieldErrors({});
    setIsSaving(true);
    try {
      await onSubmit(cleanPersonInput(person));
    } catch (caught) {
      const byField = fieldErrorsOf(caught);
      setFieldErrors(byField);
      // The message stays above the buttons too when no field took it, or when the field is out of sight.
      setError(errorMessage(caught));
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} data-testid="person-form">
      <Stack gap="md">
        <Fieldset legend={t('person.names')} variant="unstyled">
          <Text size="xs" c="dimmed" mb="xs">
            {t('person.namesHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('person.givenNameAr')} dir="rtl" lang="ar" {...text('givenNameAr')} data-testid="person-given-ar" />
            <TextInput label={t('person.familyNameAr')} dir="rtl" lang="ar" {...text('familyNameAr')} data-testid="person-family-ar" />
            <TextInput label={t('person.givenNameLatin')} dir="ltr" lang="fr" {...text('givenNameLatin')} data-testid="person-given-latin" />
            <TextInput label={t('person.familyNameLatin')} dir="ltr" lang="fr" {...text('familyNameLatin')} data-testid="person-family-latin" />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('person.identity')} variant="unstyled">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput label={t('person.title')} description={t('person.titleHint')} {...text('title')} data-testid="person-title" />
            <Select
              label={t('person.gender')}
              required
              allowDeselect={false}
              value={person.gender}
              onChange={(value) => value && set('gender', value as Gender)}
              data={(['female', 'male'] as const).map((g) => ({ value: g, label: t(`gender.${g}`) }))}
              error={fieldErrors.gender}
              data-testid="person-gender"
            />
            <TextInput
              label={t('person.cin')}
              description={t('person.cinHint')}
              dir="ltr"
              autoCapitalize="characters"
              {...text('cin')}
              data-testid="person-cin"
            />
            <TextInput label={t('person.birthDate')} description={t('person.birthDateHint')} {...date('birthDate')} data-testid="person-birth-date" />
            <NumberInput
              label={t('person.birthYear')}
              description={t('person.birthYearHint')}
              min={1900}
              max={new Date().getFullYear()}
              allowDecimal={false}
              thousandSeparator={false}
              disabled={!!person.birthDate}
              value={person.birthDate ? Number(person.birthDate.slice(0, 4)) : (person.birthYear ?? '')}
              onChange={(value) => set('birthYear', typeof value === 'number' ? value : null)}
              error={fieldErrors.birthYear}
              data-testid="person-birth-year"
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('person.contact')} variant="unstyled">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Input.Wrapper
              label={t('person.phones')}
              description={
                <>
                  {t('person.phonesHint')} <bdi dir="ltr">{PHONE_EXAMPLES}</bdi>
                </>
              }
              error={fieldErrors.phones}
              data-testid="person-phones"
            >
              <Stack gap={6} mt={4}>
                {phones.map((phone, index) => (
                  <Group key={index} gap={6} wrap="nowrap">
                    <TextInput
                      className="tanzim-grow"
                      type="tel"
                      dir="ltr"
                      placeholder="06 12 34 56 78"
                      aria-label={t('person.phoneNumber', { value: index + 1 })}
                      value={phone}
                      error={!!fieldErrors.phones}
                      onChange={(event) => setPhone(index, event.currentTarget.value)}
                      data-testid={`person-phone-${index}`}
                    />
                    {phones.length > 1 && (
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={t('person.phoneRemove')}
                        title={t('person.phoneRemove')}
                        onClick={() => set('phones', phones.filter((_, i) => i !== index))}
                        data-testid={`person-phone-remove-${index}`}
                      >
                        ×
                      </ActionIcon>
                    )}
                  </Group>
                ))}
                {phones.length < MAX_PHONES && (
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    style={{ alignSelf: 'flex-start' }}
                    onClick={() => set('phones', [...phones, ''])}
                    data-testid="person-phone-add"
                  >
                    {t('person.phoneAdd')}
                  </Button>
                )}
              </Stack>
            </Input.Wrapper>
            <TextInput label={t('person.email')} type="email" dir="ltr" {...text('email')} data-testid="person-email" />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('person.membership')} variant="unstyled">
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <Select
                label={t('person.status')}
                required
                allowDeselect={false}
                value={person.status}
                onChange={(value) => value && set('status', value as PersonStatus)}
                data={PERSON_STATUSES.map((s) => ({ value: s, label: t(`personStatus.${s}`) }))}
                error={fieldErrors.status}
                data-testid="person-status"
              />
              <TextInput label={t('person.joinedOn')} {...date('joinedOn')} data-testid="person-joined-on" />
              <TextInput label={t('person.leftOn')} {...date('leftOn')} data-testid="person-left-on" />
            </SimpleGrid>
            <TerritoryPicker
              label={t('person.commune')}
              levels={['commune']}
              value={person.communeCode}
              onChange={(code) => set('communeCode', code)}
              error={fieldErrors.communeCode}
              testId="person-commune"
            />
            <MultiSelect
              label={t('person.sectors')}
              data={PERSON_SECTORS.map((s) => ({ value: s, label: t(`sector.${s}`) }))}
              value={person.sectors}
              onChange={(values) => set('sectors', values as PersonSector[])}
              clearable
              error={fieldErrors.sectors}
              data-testid="person-sectors"
              comboboxProps={{ withinPortal: true }}
            />
            <TagsInput
              label={t('person.competences')}
              description={t('person.competencesHint')}
              value={person.competences}
              onChange={(values) => set('competences', competenceTags(values))}
              splitChars={COMPETENCE_SEPARATORS}
              maxTags={20}
              clearable
              error={fieldErrors.competences}
              data-testid="person-competences"
            />
          </Stack>
        </Fieldset>

        <Textarea label={t('person.notes')} autosize minRows={2} maxRows={8} {...text('notes')} data-testid="person-notes" />

        {error && (
          <Alert color="red" data-testid="form-error">
            <Text size="sm">{error}</Text>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={isSaving} data-testid="person-submit">
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
