import { Alert, Anchor, Button, Grid, Group, Modal, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, errorMessage } from '../api/client';
import type { Grant, Role, UserDetail } from '../api/types';
import { ActiveBadge, GrantSourceBadge, RoleBadge } from '../components/AccessBadges';
import { DateText } from '../components/DateText';
import { EmptyText, ErrorAlert, Loading, SignInGate } from '../components/Feedback';
import { ROLES, territoryLevelsFor } from '../components/InviteUserModal';
import { MandateGrantsSwitch } from '../components/MandateGrantsSwitch';
import { TerritoryPicker } from '../components/TerritoryPicker';
import { useTerritories } from '../lib/caches';
import { todayIso } from '../lib/dates';
import { localName } from '../lib/format';
import { useSession } from '../lib/session';
import { useApiData } from '../lib/useApiData';
import { useLocale } from '../lib/useLocale';

export function UserPage() {
  return (
    <SignInGate audience="admins">
      <UserLoader />
    </SignInGate>
  );
}

function UserLoader() {
  const { id = '' } = useParams();
  const user = useApiData(() => api.user(id), [id]);
  if (user.isLoading && !user.data) return <Loading />;
  if (user.error !== undefined || !user.data) return <ErrorAlert error={user.error} onRetry={user.reload} />;
  return <UserView user={user.data} reload={user.reload} />;
}

/** A grant is still in force, or yet to come, until the day it ends has passed. */
const isOpen = (grant: Grant, today: string) => grant.endsOn === null || grant.endsOn >= today;
/** A grant can be ended (again, earlier) unless it already ends today or before. */
const canEnd = (grant: Grant, today: string) => grant.endsOn === null || grant.endsOn > today;

function UserView({ user, reload }: { user: UserDetail; reload: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const session = useSession();
  const [isConfirming, setIsConfirming] = useState(false);
  const [endingGrant, setEndingGrant] = useState<Grant | null>(null);
  const today = todayIso();
  const territories = useTerritories([...user.grants.map((g) => g.scopeCode), ...user.effectiveGrants.map((g) => g.scopeCode)]);
  const territoryName = (code: string) => localName(territories.get(code), locale) || code;
  const grants = [...user.grants].sort((a, b) => b.startsOn.localeCompare(a.startsOn));
  const isSelf = session.user?.id === user.id;

  return (
    <Stack gap="md" data-testid="user-page" data-user-id={user.id}>
      <Anchor component={Link} to="/admin/users" size="sm">
        {t('users.backToList')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm">
            <Title order={2} data-testid="user-title">
              {user.name}
            </Title>
            <RoleBadge role={user.role} />
            <ActiveBadge isActive={user.isActive} />
          </Group>
          <Text size="sm" c="dimmed">
            <Text span dir="ltr" inherit>
              {user.email}
            </Text>
          </Text>
        </div>
        <Group gap="xs">
          <Button component={Link} to={`/audit?user=${user.id}`} variant="default" size="xs" data-testid="user-audit-link">
            {t('users.auditOf')}
          </Button>
          {user.isActive ? (
            // An administrator cannot lock themselves out.
            !isSelf && (
              <Button color="red" variant="light" size="xs" onClick={() => setIsConfirming(true)} data-testid="deactivate-user">
                {t('users.deactivate')}
              </Button>
            )
          ) : (
            <Button color="green" variant="light" size="xs" onClick={() => setIsConfirming(true)} data-testid="activate-user">
              {t('users.activate')}
            </Button>
          )}
        </Group>
      </Group>

      {user.personId && (
        <Text size="sm">
          {t('users.person')}:{' '}
          <Anchor component={Link} to={`/people/${user.personId}`} data-testid="user-person-link">
            {t('users.openPerson')}
          </Anchor>
        </Text>
      )}

      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Paper withBorder p="md" radius="md">
              <Title order={3} size="h5" mb="sm">
                {t('grants.title')}
              </Title>
              {grants.length === 0 ? (
                <EmptyText>{t('grants.none')}</EmptyText>
              ) : (
                <Table data-testid="grants-table" className="tanzim-scroll-x">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('users.role')}</Table.Th>
                      <Table.Th>{t('users.territory')}</Table.Th>
                      <Table.Th>{t('grants.startsOn')}</Table.Th>
                      <Table.Th>{t('grants.endsOn')}</Table.Th>
                      <Table.Th aria-label={t('common.actions')} />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {grants.map((grant) => (
                      <Table.Tr key={grant.id} data-grant-id={grant.id} data-open={isOpen(grant, today)}>
                        <Table.Td>
                          <RoleBadge role={grant.role} />
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{territoryName(grant.scopeCode)}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" className="tanzim-nowrap">
                            <DateText value={grant.startsOn} />
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" className="tanzim-nowrap">
                            {grant.endsOn ? <DateText value={grant.endsOn} /> : t('grants.open')}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          {canEnd(grant, today) && (
                            <Button size="compact-xs" variant="subtle" color="red" onClick={() => setEndingGrant(grant)} data-testid="end-grant">
                              {t('grants.end')}
                            </Button>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Paper>
            <AddGrantForm userId={user.id} onAdded={reload} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="md" radius="md">
            <Title order={3} size="h5" mb={4}>
              {t('grants.effective')}
            </Title>
            <Text size="xs" c="dimmed" mb="sm">
              {t('grants.effectiveHint')}
            </Text>
            {user.effectiveGrants.length === 0 ? (
              <EmptyText>{t('grants.noneEffective')}</EmptyText>
            ) : (
              <Stack gap="xs" data-testid="effective-grants">
                {user.effectiveGrants.map((grant, index) => (
                  <Group key={`${grant.source}-${grant.role}-${grant.scopeCode}-${index}`} gap="xs" data-source={grant.source}>
                    <RoleBadge role={grant.role} />
                    <Text size="sm">{territoryName(grant.scopeCode)}</Text>
                    <GrantSourceBadge source={grant.source} />
                    {grant.endsOn && (
                      <Text size="xs" c="dimmed">
                        {t('grants.until')} <DateText value={grant.endsOn} />
                      </Text>
                    )}
                  </Group>
                ))}
              </Stack>
            )}
            <Paper withBorder p="sm" radius="md" mt="md" bg="var(--mantine-color-gray-0)">
              <MandateGrantsSwitch onChanged={reload} />
            </Paper>
          </Paper>
        </Grid.Col>
      </Grid>

      <ActiveConfirmModal user={user} opened={isConfirming} onClose={() => setIsConfirming(false)} onDone={reload} />
      <EndGrantModal key={endingGrant?.id ?? 'none'} grant={endingGrant} territoryName={territoryName} onClose={() => setEndingGrant(null)} onDone={reload} />
    </Stack>
  );
}

function ActiveConfirmModal({ user, opened, onClose, onDone }: { user: UserDetail; opened: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const isDeactivating = user.isActive;

  const confirm = async () => {
    setError(null);
    setIsSaving(true);
    try {
      await (isDeactivating ? api.deactivateUser(user.id) : api.activateUser(user.id));
      notifications.show({ color: 'green', message: isDeactivating ? t('users.deactivated') : t('users.activated') });
      onClose();
      onDone();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={isDeactivating ? t('users.deactivate') : t('users.activate')}
      data-testid="active-confirm-modal"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="sm">
        <Text size="sm">{isDeactivating ? t('users.deactivateConfirm', { name: user.name }) : t('users.activateConfirm', { name: user.name })}</Text>
        {error && (
          <Alert color="red" data-testid="form-error">
            <Text size="sm">{error}</Text>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color={isDeactivating ? 'red' : 'green'} loading={isSaving} onClick={() => void confirm()} data-testid="confirm-active-change">
            {isDeactivating ? t('users.deactivate') : t('users.activate')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function EndGrantModal({
  grant,
  territoryName,
  onClose,
  onDone,
}: {
  grant: Grant | null;
  territoryName: (code: string) => string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [endsOn, setEndsOn] = useState(todayIso());
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!grant) return;
    setError(null);
    setIsSaving(true);
    try {
      await api.endGrant(grant.id, endsOn);
      notifications.show({ color: 'green', message: t('grants.ended') });
      onClose();
      onDone();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <Modal opened={grant !== null} onClose={onClose} title={t('grants.end')} data-testid="end-grant-modal" closeButtonProps={{ 'aria-label': t('common.close') }}>
      {grant && (
        <form onSubmit={(event) => void submit(event)}>
          <Stack gap="sm">
            <Group gap="xs">
              <RoleBadge role={grant.role} />
              <Text size="sm">{territoryName(grant.scopeCode)}</Text>
            </Group>
            <TextInput type="date" label={t('grants.endsOn')} required value={endsOn} onChange={(e) => setEndsOn(e.currentTarget.value)} data-testid="end-grant-date" />
            {error && (
              <Alert color="red" data-testid="form-error">
                <Text size="sm">{error}</Text>
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="red" loading={isSaving} data-testid="end-grant-submit">
                {t('grants.end')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

function AddGrantForm({ userId, onAdded }: { userId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role>('officer');
  const [scopeCode, setScopeCode] = useState<string | null>(null);
  const [startsOn, setStartsOn] = useState(todayIso());
  const [endsOn, setEndsOn] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!scopeCode) {
      setError(t('users.territoryRequired'));
      return;
    }
    setError(null);
    setIsSaving(true);
    try {
      await api.addGrant(userId, { role, scopeCode, startsOn, endsOn: endsOn || null });
      notifications.show({ color: 'green', message: t('grants.added') });
      setScopeCode(role === 'admin' ? 'MA' : null);
      setEndsOn('');
      onAdded();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <Paper withBorder p="md" radius="md">
      <Title order={3} size="h5" mb="sm">
        {t('grants.add')}
      </Title>
      <form onSubmit={(event) => void submit(event)} data-testid="add-grant-form">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('users.role')}
              required
              allowDeselect={false}
              value={role}
              onChange={(value) => {
                if (!value) return;
                const next = value as Role;
                setRole(next);
                setScopeCode(next === 'admin' ? 'MA' : scopeCode === 'MA' ? null : scopeCode);
              }}
              data={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
              data-testid="grant-role"
            />
            <TerritoryPicker
              label={t('users.territory')}
              required
              levels={territoryLevelsFor(role)}
              value={scopeCode}
              onChange={(code) => setScopeCode(code)}
              testId="grant-territory"
            />
            <TextInput type="date" label={t('grants.startsOn')} required value={startsOn} onChange={(e) => setStartsOn(e.currentTarget.value)} data-testid="grant-starts-on" />
            <TextInput
              type="date"
              label={t('grants.endsOn')}
              description={t('grants.endsOnHint')}
              value={endsOn}
              onChange={(e) => setEndsOn(e.currentTarget.value)}
              data-testid="grant-ends-on"
            />
          </SimpleGrid>
          {error && (
            <Alert color="red" data-testid="form-error">
              <Text size="sm">{error}</Text>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={isSaving} data-testid="add-grant">
              {t('grants.addSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
