import { Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client';
import { ActiveBadge, RoleBadge } from '../components/AccessBadges';
import { EmptyText, ErrorAlert, Loading, SignInGate } from '../components/Feedback';
import { InviteUserModal } from '../components/InviteUserModal';
import { MandateGrantsSwitch } from '../components/MandateGrantsSwitch';
import { useTerritories } from '../lib/caches';
import { localName } from '../lib/format';
import { useApiData } from '../lib/useApiData';
import { useLocale } from '../lib/useLocale';

export function UsersPage() {
  return (
    <SignInGate audience="admins">
      <UsersView />
    </SignInGate>
  );
}

function UsersView() {
  const { t } = useTranslation();
  const locale = useLocale();
  const users = useApiData(() => api.users(), []);
  const [isInviting, setIsInviting] = useState(false);
  // A user without a territory holds their role on the whole country.
  const territories = useTerritories([...(users.data?.items ?? []).map((u) => u.scopeCode ?? 'MA')]);
  const sorted = [...(users.data?.items ?? [])].sort((a, b) => Number(b.isActive) - Number(a.isActive) || a.name.localeCompare(b.name, locale));

  return (
    <Stack gap="md" data-testid="users-page">
      <Group justify="space-between">
        <Title order={2}>{t('users.title')}</Title>
        <Button onClick={() => setIsInviting(true)} data-testid="invite-user">
          {t('users.invite')}
        </Button>
      </Group>
      {users.isLoading && !users.data && <Loading />}
      {users.error !== undefined && <ErrorAlert error={users.error} onRetry={users.reload} />}
      {users.data && sorted.length === 0 && <EmptyText>{t('users.none')}</EmptyText>}
      {users.data && sorted.length > 0 && (
        <Paper withBorder radius="md" className="tanzim-scroll-x">
          <Table highlightOnHover data-testid="users-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('users.name')}</Table.Th>
                <Table.Th>{t('auth.email')}</Table.Th>
                <Table.Th>{t('users.role')}</Table.Th>
                <Table.Th>{t('users.territory')}</Table.Th>
                <Table.Th>{t('users.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((user) => (
                <Table.Tr key={user.id} data-user-id={user.id} data-active={user.isActive}>
                  <Table.Td>
                    <Anchor component={Link} to={`/admin/users/${user.id}`} size="sm">
                      {user.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {/* An isolated left-to-right run that keeps to the cell's start in either direction. */}
                    <Text span size="sm" dir="ltr">
                      {user.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <RoleBadge role={user.role} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{user.role ? localName(territories.get(user.scopeCode ?? 'MA'), locale) || (user.scopeCode ?? '') : '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <ActiveBadge isActive={user.isActive} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <Paper withBorder p="md" radius="md" data-testid="access-settings">
        <Title order={3} size="h5" mb="sm">
          {t('settings.title')}
        </Title>
        <MandateGrantsSwitch onChanged={users.reload} />
      </Paper>
      <InviteUserModal opened={isInviting} onClose={() => setIsInviting(false)} onInvited={users.reload} />
    </Stack>
  );
}
