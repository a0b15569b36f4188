import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ActionStatus } from '../api/types';

const STATUS_COLOR: Record<ActionStatus, string> = { open: 'blue', in_progress: 'orange', done: 'green', dropped: 'gray' };

/** An action's status, and a red "overdue" flag beside it when it is late (readable without colour too). */
export function ActionStatusBadges({ status, isOverdue }: { status: ActionStatus; isOverdue: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={STATUS_COLOR[status]} variant="light" tt="none" className="tanzim-badge" data-testid="action-status" data-status={status}>
        {t(`actionStatus.${status}`)}
      </Badge>
      {isOverdue && (
        <Badge color="red" variant="filled" tt="none" className="tanzim-badge" data-testid="action-overdue">
          {t('actions.overdue')}
        </Badge>
      )}
    </Group>
  );
}
