import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { GrantSource, Role } from '../api/types';

const ROLE_COLOR: Record<Role, string> = { admin: 'red', officer: 'blue', reader: 'gray' };

export function RoleBadge({ role }: { role: Role | null }) {
  const { t } = useTranslation();
  if (!role) {
    return (
      <Badge color="gray" variant="outline" tt="none" className="tanzim-badge" data-testid="role-badge" data-role="none">
        {t('role.none')}
      </Badge>
    );
  }
  return (
    <Badge color={ROLE_COLOR[role]} variant="light" tt="none" className="tanzim-badge" data-testid="role-badge" data-role={role}>
      {t(`role.${role}`)}
    </Badge>
  );
}

export function ActiveBadge({ isActive }: { isActive: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={isActive ? 'green' : 'gray'}
      variant={isActive ? 'light' : 'outline'}
      tt="none"
      className="tanzim-badge"
      data-testid="active-badge"
      data-active={isActive}
    >
      {isActive ? t('users.active') : t('users.inactive')}
    </Badge>
  );
}

export function GrantSourceBadge({ source }: { source: GrantSource }) {
  const { t } = useTranslation();
  return (
    <Badge color={source === 'mandate' ? 'grape' : 'gray'} variant="light" tt="none" className="tanzim-badge" data-source={source}>
      {t(`grantSource.${source}`)}
    </Badge>
  );
}
