import { Alert, Button, CopyButton, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../api/client';
import type { InvitationResult, Role, TerritoryLevel } from '../api/types';
import { TerritoryPicker } from './TerritoryPicker';

export const ROLES: readonly Role[] = ['admin', 'officer', 'reader'];

/** An administrator's role is national: the country is the only territory offered for it, and only for it. */
export function territoryLevelsFor(role: Role): readonly TerritoryLevel[] {
  return role === 'admin' ? ['country'] : ['region', 'province', 'commune'];
}

export function InviteUserModal({ opened, onClose, onInvited }: { opened: boolean; onClose: () => void; onInvited: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('officer');
  const [scopeCode, setScopeCode] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const [result, setResult] = useState<InvitationResult | null>(null);

  const close = () => {
    setName('');
    setEmail('');
    setRole('officer');
    setScopeCode(null);
    setError(null);
    setResult(null);
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!scopeCode) {
      setError(t('users.territoryRequired'));
      return;
    }
    setError(null);
    setIsSaving(true);
    try {
      const answer = await api.inviteUser({ name: name.trim(), email: email.trim(), role, scopeCode });
      setResult(answer);
      onInvited();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <Modal opened={opened} onClose={close} title={t('users.invite')} size="lg" data-testid="invite-modal" closeButtonProps={{ 'aria-label': t('common.close') }}>
      {result ? (
        <Stack gap="sm" data-testid="invite-result">
          <Alert color="green">
            <Text size="sm">{t('users.invited', { name: result.user.name, email: result.user.email })}</Text>
            <Text size="sm">{result.isEmailSent ? t('users.emailSent') : t('users.noMailServer')}</Text>
          </Alert>
          {!result.isEmailSent && (
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <TextInput
                className="tanzim-grow"
                label={t('users.invitationLink')}
                description={t('users.invitationLinkHint')}
                readOnly
                dir="ltr"
                value={result.link}
                onFocus={(event) => event.currentTarget.select()}
                data-testid="invite-link"
              />
              <CopyButton value={result.link}>
                {({ copied, copy }) => (
                  <Button variant={copied ? 'filled' : 'light'} color={copied ? 'green' : undefined} onClick={copy} data-testid="invite-link-copy">
                    {copied ? t('common.copied') : t('common.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
          )}
          <Group justify="flex-end">
            <Button onClick={close} data-testid="invite-done">
              {t('common.close')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={(event) => void submit(event)}>
          <Stack gap="sm">
            <TextInput label={t('users.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} data-testid="invite-name" />
            <TextInput
              label={t('auth.email')}
              type="email"
              dir="ltr"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              data-testid="invite-email"
            />
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
              data-testid="invite-role"
              comboboxProps={{ withinPortal: true }}
            />
            <TerritoryPicker
              label={t('users.territory')}
              description={role === 'admin' ? t('users.adminIsNational') : t('users.territoryHint')}
              required
              levels={territoryLevelsFor(role)}
              value={scopeCode}
              onChange={(code) => setScopeCode(code)}
              testId="invite-territory"
            />
            {error && (
              <Alert color="red" data-testid="form-error">
                <Text size="sm">{error}</Text>
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={isSaving} data-testid="invite-submit">
                {t('users.sendInvitation')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
