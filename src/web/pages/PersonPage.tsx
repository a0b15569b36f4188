import { Alert, Anchor, Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import type { PersonDetail } from '../api/types';
import { DateText } from '../components/DateText';
import { EmptyText, ErrorAlert, Loading, SignInGate } from '../components/Feedback';
import { PersonConsents } from '../components/PersonConsents';
import { PersonDataPanel } from '../components/PersonDataPanel';
import { PersonFees } from '../components/PersonFees';
import { PersonForm } from '../components/PersonForm';
import { PersonSectorBadges, PersonStatusBadge } from '../components/PersonStatusBadge';
import { localName } from '../lib/format';
import { ageOf, arabicName, formatPhone, latinName, otherScriptName, personInputOf, personName } from '../lib/people';
import { useApiData } from '../lib/useApiData';
import { useCanWrite } from '../lib/useCanWrite';
import { useLocale } from '../lib/useLocale';

export function PersonPage() {
  const { id = '' } = useParams();
  return (
    <SignInGate>
      <PersonLoader id={id} />
    </SignInGate>
  );
}

function PersonLoader({ id }: { id: string }) {
  const person = useApiData(() => api.person(id), [id]);
  if (person.isLoading && !person.data) return <Loading />;
  if (person.error !== undefined || !person.data) return <ErrorAlert error={person.error} onRetry={person.reload} isScoped />;
  return <PersonView person={person.data} reload={person.reload} />;
}

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <div>{children}</div>
    </div>
  );
}

const valueOrDash = (value: string | null | undefined) => (
  <Text size="sm" fw={500}>
    {value || '—'}
  </Text>
);

function PersonView({ person, reload }: { person: PersonDetail; reload: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [isEditing, setIsEditing] = useState(false);
  // A person belongs to their commune and to the territories of their mandates.
  const canWrite = useCanWrite([person.communeCode, ...person.mandates.map((m) => m.body.territoryCode)]);
  const mandates = [...person.mandates].sort((a, b) => b.startedOn.localeCompare(a.startedOn));
  const name = personName(person, locale);
  const otherName = otherScriptName(person, locale);
  const canEdit = canWrite && !person.isErased;

  return (
    <Stack gap="md" data-testid="person-page" data-person-id={person.id} data-erased={person.isErased}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm">
            <Title order={2} data-testid="person-name" fs={name ? undefined : 'italic'}>
              <bdi>{name || t('person.erasedName')}</bdi>
            </Title>
            <PersonStatusBadge status={person.status} />
          </Group>
          {otherName && (
            <Text c="dimmed" data-testid="person-other-name">
              <bdi>{otherName}</bdi>
            </Text>
          )}
        </div>
        {canEdit && (
          <Button variant="default" size="xs" onClick={() => setIsEditing(true)} data-testid="edit-person">
            {t('common.edit')}
          </Button>
        )}
      </Group>

      {person.isErased && (
        <Alert color="gray" title={t('person.erasedTitle')} data-testid="person-erased">
          <Text size="sm">{t('person.erasedText')}</Text>
        </Alert>
      )}

      <Paper withBorder p="md" radius="md" data-testid="person-facts">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
          <Stack gap="sm">
            <Title order={3} size="h6" c="dimmed">
              {t('person.identity')}
            </Title>
            <Fact label={t('person.nameAr')}>
              <Text size="sm" fw={500}>
                <bdi lang="ar">{arabicName(person) || '—'}</bdi>
              </Text>
            </Fact>
            <Fact label={t('person.nameLatin')}>
              <Text size="sm" fw={500}>
                <bdi lang="fr">{latinName(person) || '—'}</bdi>
              </Text>
            </Fact>
            {person.title && <Fact label={t('person.title')}>{valueOrDash(person.title)}</Fact>}
            <Fact label={t('person.gender')}>{valueOrDash(t(`gender.${person.gender}`))}</Fact>
            <Fact label={t('person.birth')} testId="person-birth-value">
              <Text size="sm" fw={500}>
                {person.birthDate ? (
                  <>
                    <DateText value={person.birthDate} /> · {t('person.ageValue', { value: ageOf(person) })}
                  </>
                ) : person.birthYear ? (
                  t('person.bornIn', { value: person.birthYear })
                ) : (
                  '—'
                )}
              </Text>
            </Fact>
            <Fact label={t('person.cin')} testId="person-cin-value">
              <Text size="sm" fw={500}>
                <bdi>{person.cin ?? '—'}</bdi>
              </Text>
            </Fact>
          </Stack>

          <Stack gap="sm">
            <Title order={3} size="h6" c="dimmed">
              {t('person.contact')}
            </Title>
            <Fact label={t('person.phones')} testId="person-phones-value">
              {person.phones.length === 0
                ? valueOrDash(null)
                : person.phones.map((phone) => (
                    <div key={phone}>
                      <Anchor href={`tel:${phone}`} size="sm">
                        <bdi dir="ltr">{formatPhone(phone)}</bdi>
                      </Anchor>
                    </div>
                  ))}
            </Fact>
            <Fact label={t('person.email')}>
              {person.email ? (
                <Anchor href={`mailto:${person.email}`} size="sm">
                  <bdi>{person.email}</bdi>
                </Anchor>
              ) : (
                valueOrDash(null)
              )}
            </Fact>
            <Fact label={t('person.commune')}>{valueOrDash(person.commune ? localName(person.commune, locale) : null)}</Fact>
          </Stack>

          <Stack gap="sm">
            <Title order={3} size="h6" c="dimmed">
              {t('person.membership')}
            </Title>
            <Fact label={t('person.joinedOn')}>
              <Text size="sm" fw={500}>
                <DateText value={person.joinedOn} />
              </Text>
            </Fact>
            {person.leftOn && (
              <Fact label={t('person.leftOn')}>
                <Text size="sm" fw={500}>
                  <DateText value={person.leftOn} />
                </Text>
              </Fact>
            )}
            <Fact label={t('person.sectors')}>
              {person.sectors.length === 0 ? (
                valueOrDash(null)
              ) : (
                <Group gap={4}>
                  <PersonSectorBadges sectors={person.sectors} />
                </Group>
              )}
            </Fact>
            <Fact label={t('person.competences')} testId="person-competences-value">
              {person.competences.length === 0 ? (
                valueOrDash(null)
              ) : (
                <Group gap={4}>
                  {person.competences.map((competence) => (
                    <Badge key={competence} variant="default" tt="none" size="sm" className="tanzim-badge">
                      {competence}
                    </Badge>
                  ))}
                </Group>
              )}
            </Fact>
          </Stack>
        </SimpleGrid>
        {person.notes && (
          <Fact label={t('person.notes')}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} mt="sm">
              {person.notes}
            </Text>
          </Fact>
        )}
      </Paper>

      <Paper withBorder p="md" radius="md">
        <Title order={3} size="h5" mb="sm">
          {t('mandate.many')}
        </Title>
        {mandates.length === 0 ? (
          <EmptyText>{t('mandate.none')}</EmptyText>
        ) : (
          <Table data-testid="person-mandates">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('mandate.position')}</Table.Th>
                <Table.Th>{t('body.one')}</Table.Th>
                <Table.Th>{t('mandate.startedOn')}</Table.Th>
                <Table.Th>{t('mandate.endedOn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {mandates.map((mandate) => (
                <Table.Tr key={mandate.id} data-current={mandate.endedOn === null}>
                  <Table.Td>{t(`position.${mandate.position}`)}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/bodies/${mandate.bodyId}`} size="sm">
                      {localName(mandate.body, locale)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <DateText value={mandate.startedOn} />
                  </Table.Td>
                  <Table.Td>{mandate.endedOn ? <DateText value={mandate.endedOn} /> : t('mandate.ongoing')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>

      <PersonFees personId={person.id} fees={person.fees} canWrite={canEdit} onChange={reload} />
      <PersonConsents personId={person.id} consents={person.consents} canWrite={canEdit} onChange={reload} />

      {canWrite && <PersonDataPanel personId={person.id} name={name} isErased={person.isErased} onErased={reload} />}

      <Modal opened={isEditing} onClose={() => setIsEditing(false)} title={t('common.edit')} size="xl" closeButtonProps={{ 'aria-label': t('common.close') }}>
        <PersonForm
          initial={personInputOf(person)}
          submitLabel={t('common.save')}
          onCancel={() => setIsEditing(false)}
          onSubmit={async (input) => {
            await api.updatePerson(person.id, input);
            notifications.show({ color: 'green', message: t('common.saved') });
            setIsEditing(false);
            reload();
          }}
        />
      </Modal>
    </Stack>
  );
}
