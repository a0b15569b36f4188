import { Anchor, Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Action } from '../api/types';
import { localName } from '../lib/format';
import { personName } from '../lib/people';
import { useLocale } from '../lib/useLocale';
import { ActionStatusBadges } from './ActionsStatus';
import { DateText } from './DateText';
import { EmptyText } from './Feedback';

/** Who answers for an action: a person, or a body. */
export function ActionOwner({ action }: { action: Pick<Action, 'ownerPerson' | 'ownerBody'> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (action.ownerPerson) return <>{personName(action.ownerPerson, locale) || t('person.erasedName')}</>;
  if (action.ownerBody) return <>{localName(action.ownerBody, locale)}</>;
  return <>—</>;
}

/**
 * Actions with their owner, due date and status; an overdue one is flagged and tinted. `onChange`
 * offers a status change per row; `withMeeting` links each action to the meeting it came from.
 */
export function ActionsTable({ actions, onChange, withMeeting = false, testId = 'actions-table' }: { actions: Action[]; onChange?: (action: Action) => void; withMeeting?: boolean; testId?: string }) {
  const { t } = useTranslation();
  if (actions.length === 0) return <EmptyText>{t('actions.none')}</EmptyText>;
  return (
    <Table className="tanzim-scroll-x" data-testid={testId} verticalSpacing="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('actions.title')}</Table.Th>
          <Table.Th>{t('actions.owner')}</Table.Th>
          <Table.Th>{t('actions.dueOn')}</Table.Th>
          <Table.Th>{t('actions.status')}</Table.Th>
          {withMeeting && <Table.Th>{t('actions.meeting')}</Table.Th>}
          {onChange && <Table.Th aria-label={t('common.actions')} />}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {actions.map((action) => (
          <Table.Tr
            key={action.id}
            data-testid="action-row"
            data-action-id={action.id}
            data-status={action.status}
            data-overdue={action.isOverdue}
            bg={action.isOverdue ? 'var(--mantine-color-red-light)' : undefined}
          >
            <Table.Td>
              <Text size="sm" dir="auto">
                {action.title}
              </Text>
              {action.statusNote && (
                <Text size="xs" c="dimmed" dir="auto" data-testid="action-note">
                  {action.statusNote}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Text size="sm">
                <ActionOwner action={action} />
              </Text>
            </Table.Td>
            <Table.Td className="tanzim-nowrap">
              <DateText value={action.dueOn} />
            </Table.Td>
            <Table.Td>
              <ActionStatusBadges status={action.status} isOverdue={action.isOverdue} />
            </Table.Td>
            {withMeeting && (
              <Table.Td>
                {action.meetingId ? (
                  <Anchor component={Link} to={`/meetings/${action.meetingId}?tab=actions`} size="sm">
                    {t('actions.openMeeting')}
                  </Anchor>
                ) : (
                  '—'
                )}
              </Table.Td>
            )}
            {onChange && (
              <Table.Td>
                <Button size="compact-xs" variant="subtle" onClick={() => onChange(action)} data-testid="action-change">
                  {t('actions.change')}
                </Button>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
