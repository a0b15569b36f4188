import { Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, meetingsApi } from '../api/client';
import type { MeetingDetail, MeetingInvitation } from '../api/types';
import { formatDateTime } from '../lib/dates';
import { formatNumber, localName } from '../lib/format';
import { personName } from '../lib/people';
import { useApiData } from '../lib/useApiData';
import { useLocale } from '../lib/useLocale';
import { EmptyText, ErrorAlert, Loading } from './Feedback';
import { RsvpBadge } from './MeetingBadges';

/**
 * Who is invited (the members of the organizing and invited bodies, and the guests), whether their
 * invitation went out, and what they answered. Sending again sends only what changed since.
 */
export function MeetingInvitations({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const invitations = useApiData(() => meetingsApi.invitations(meeting.id), [meeting.id, meeting.sequence]);
  const [isSending, setIsSending] = useState(false);

  if (invitations.isLoading && !invitations.data) return <Loading />;
  if (invitations.error !== undefined || !invitations.data) return <ErrorAlert error={invitations.error} onRetry={invitations.reload} />;
  const items = invitations.data.items;
  const counts = invitations.data.counts;
  const bodyNames = new Map([meeting.body, ...meeting.invitedBodies].map((body) => [body.id, localName(body, locale)]));
  const isUpToDate = counts.upToDate + counts.withoutEmail >= counts.invited;
  const hasSent = items.some((i) => i.sentAt);

  const send = async () => {
    setIsSending(true);
    try {
      const result = await meetingsApi.sendInvitations(meeting.id);
      if (!result.isMailConfigured) notifications.show({ color: 'orange', message: t('meeting.invitations.noMailServer') });
      else if (result.failed > 0) notifications.show({ color: 'orange', message: t('meeting.invitations.someFailed', { value: formatNumber(result.failed, locale) }) });
      else notifications.show({ color: 'green', message: t('meeting.invitations.sentCount', { value: formatNumber(result.sent + result.cancelled, locale) }) });
      invitations.reload();
    } catch (caught) {
      notifications.show({ color: 'red', message: errorMessage(caught) });
    } finally {
      setIsSending(false);
    }
  };

  return (
    <Stack gap="md" data-testid="meeting-invitations">
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" align="flex-start">
          <SimpleGrid cols={{ base: 3, sm: 6 }} spacing="md" data-testid="rsvp-counts">
            <Count label={t('meeting.invitations.invited')} value={counts.invited} testId="count-invited" />
            <Count label={t('meeting.invitations.upToDateCount')} value={counts.upToDate} testId="count-up-to-date" />
            <Count label={t('meeting.rsvp.yes')} value={counts.yes} color="green" testId="count-yes" />
            <Count label={t('meeting.rsvp.maybe')} value={counts.maybe} color="yellow.8" testId="count-maybe" />
            <Count label={t('meeting.rsvp.no')} value={counts.no} color="red" testId="count-no" />
            <Count label={t('meeting.rsvp.none')} value={counts.noAnswer} color="dimmed" testId="count-none" />
          </SimpleGrid>
          {meeting.canWrite && meeting.status === 'scheduled' && (
            <Stack gap={4} align="flex-end">
              <Button onClick={() => void send()} loading={isSending} data-testid="send-invitations">
                {hasSent ? t('meeting.invitations.resend') : t('meeting.invitations.send')}
              </Button>
              <Text size="xs" c="dimmed" data-testid="invitations-state">
                {hasSent && isUpToDate ? t('meeting.invitations.upToDate') : hasSent ? t('meeting.invitations.changesToSend') : t('meeting.invitations.notSentYet')}
              </Text>
            </Stack>
          )}
        </Group>
      </Paper>

      <Paper withBorder p="md" radius="md">
        {items.length === 0 ? (
          <EmptyText>{t('meeting.invitations.none')}</EmptyText>
        ) : (
          <Table className="tanzim-scroll-x" data-testid="invitations-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('person.one')}</Table.Th>
                <Table.Th>{t('meeting.invitations.as')}</Table.Th>
                <Table.Th>{t('meeting.invitations.sentAt')}</Table.Th>
                <Table.Th>{t('meeting.invitations.answer')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((invitation) => (
                <InvitationRow key={invitation.id} invitation={invitation} via={invitation.viaBodyId ? (bodyNames.get(invitation.viaBodyId) ?? '') : ''} />
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </Stack>
  );
}

function InvitationRow({ invitation, via }: { invitation: MeetingInvitation; via: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const isWithdrawn = !!invitation.withdrawnAt;
  return (
    <Table.Tr data-testid="invitation-row" data-person-id={invitation.person.id} data-rsvp={invitation.rsvp ?? 'none'} style={isWithdrawn ? { opacity: 0.55 } : undefined}>
      <Table.Td>
        <Text size="sm" td={isWithdrawn ? 'line-through' : undefined}>
          {personName(invitation.person, locale) || t('person.erasedName')}
        </Text>
      </Table.Td>
      <Table.Td>
        {invitation.isGuest ? (
          <Badge variant="outline" color="grape" tt="none" className="tanzim-badge">
            {t('meeting.guest')}
          </Badge>
        ) : (
          <Text size="sm">{via || '—'}</Text>
        )}
      </Table.Td>
      <Table.Td>
        {isWithdrawn ? (
          <Text size="xs" c="dimmed">
            {t('meeting.invitations.withdrawn')}
          </Text>
        ) : invitation.sentAt ? (
          <Text size="sm" className="tanzim-nowrap">
            {formatDateTime(invitation.sentAt, locale)}
          </Text>
        ) : !invitation.hasEmail ? (
          <Badge color="orange" variant="light" tt="none" className="tanzim-badge" data-testid="no-email">
            {t('meeting.invitations.noEmail')}
          </Badge>
        ) : (
          <Text size="xs" c="dimmed">
            {t('meeting.invitations.notSent')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <RsvpBadge answer={invitation.rsvp} />
          {invitation.rsvpAt && (
            <Text size="xs" c="dimmed" className="tanzim-nowrap">
              {formatDateTime(invitation.rsvpAt, locale)}
            </Text>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

function Count({ label, value, color, testId }: { label: string; value: number; color?: string; testId: string }) {
  const locale = useLocale();
  return (
    <div data-testid={testId} data-value={value}>
      <Text size="xl" fw={700} c={color}>
        {formatNumber(value, locale)}
      </Text>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </div>
  );
}
