import { Alert, Button, Center, Group, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { ApiError, errorMessage } from '../api/client';
import { useSession } from '../lib/session';
import { useCanWrite } from '../lib/useCanWrite';
import type { ReactNode } from 'react';

export function Loading() {
  const { t } = useTranslation();
  return (
    <Center py="xl" data-testid="loading">
      <Loader size="sm" aria-label={t('common.loading')} />
    </Center>
  );
}

/**
 * An error answered by the API, in the user's language. `isScoped`: the page shows a resource of a
 * territory, which the server answers as not found when it lies outside the user's territories.
 */
export function ErrorAlert({ error, onRetry, isScoped = false }: { error: unknown; onRetry?: () => void; isScoped?: boolean }) {
  const { t } = useTranslation();
  const { user } = useSession();
  // A page a visitor may not read invites them to sign in rather than showing an error.
  if (error instanceof ApiError && error.status === 401) return <SignInAlert message={error.message} />;
  if (isScoped && user && error instanceof ApiError && error.status === 404) return <OutOfScopeAlert />;
  return (
    <Alert color="red" title={t('error.title')} data-testid="error-alert">
      <Text size="sm">{errorMessage(error)}</Text>
      {onRetry && (
        <Button variant="subtle" color="red" size="xs" mt="xs" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  );
}

export function EmptyText({ children }: { children: ReactNode }) {
  return (
    <Text c="dimmed" size="sm" py="md" data-testid="empty">
      {children}
    </Text>
  );
}

/**
 * Shows its children to those who may write — on `territory` (a code, or the codes of a resource that
 * spans several) when given, else anywhere — a sign-in invitation to visitors, and nothing to others.
 */
export function WriteGate({ children, territory }: { children: ReactNode; territory?: string | readonly (string | null | undefined)[] }) {
  const { user, canWriteSomewhere, isKnown } = useSession();
  const canWriteHere = useCanWrite(territory ?? null);
  if (!isKnown) return null;
  if (territory === undefined ? canWriteSomewhere : canWriteHere) return <>{children}</>;
  if (user) return null;
  return <SignInPrompt />;
}

function SignInPrompt() {
  const { t } = useTranslation();
  const location = useLocation();
  const next = encodeURIComponent(location.pathname + location.search);
  return (
    <Group gap="xs" data-testid="sign-in-prompt">
      <Text size="sm" c="dimmed">
        {t('auth.signInToEdit')}
      </Text>
      <Button component={Link} to={`/login?next=${next}`} variant="light" size="xs">
        {t('auth.signIn')}
      </Button>
    </Group>
  );
}

type Audience = 'members' | 'auditors' | 'admins';

/**
 * A page of the organization's own data: visitors are invited to sign in (the territories and their
 * maps stay public); `audience` narrows it to those who read the audit log, or to administrators.
 */
export function SignInGate({ children, audience = 'members' }: { children: ReactNode; audience?: Audience }) {
  const { t } = useTranslation();
  const { user, isKnown, isAdmin, canReadAudit } = useSession();
  if (!isKnown) return <Loading />;
  if (!user) return <SignInAlert message={t('auth.signInToSee')} withPublicLink />;
  const isAllowed = audience === 'members' || (audience === 'admins' ? isAdmin : canReadAudit);
  if (!isAllowed) {
    return (
      <Alert color="orange" title={t('access.forbiddenTitle')} data-testid="forbidden">
        <Text size="sm">{audience === 'admins' ? t('access.adminsOnly') : t('access.auditorsOnly')}</Text>
      </Alert>
    );
  }
  return <>{children}</>;
}

/** A resource outside the user's territories answers as not found: say both, and lead back home. */
export function OutOfScopeAlert() {
  const { t } = useTranslation();
  const { homeCode, grants } = useSession();
  // Without any role today there is no territory to go back to.
  const hasRole = grants.length > 0;
  return (
    <Alert color="orange" title={t('scope.outsideTitle')} data-testid="out-of-scope">
      <Text size="sm">{hasRole ? t('scope.outside') : t('scope.noRole')}</Text>
      {hasRole && (
        <Button component={Link} to={`/coverage/${homeCode}`} size="xs" variant="light" mt="xs" data-testid="back-to-my-territory">
          {t('scope.backHome')}
        </Button>
      )}
    </Alert>
  );
}

function SignInAlert({ message, withPublicLink = false }: { message: string; withPublicLink?: boolean }) {
  const { t } = useTranslation();
  const location = useLocation();
  const next = encodeURIComponent(location.pathname + location.search);
  return (
    <Alert color="blue" data-testid="sign-in-prompt">
      <Text size="sm">{message}</Text>
      <Group gap="xs" mt="xs">
        <Button component={Link} to={`/login?next=${next}`} size="xs">
          {t('auth.signIn')}
        </Button>
        {withPublicLink && (
          <Button component={Link} to="/territories" size="xs" variant="subtle">
            {t('auth.browseTerritories')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
