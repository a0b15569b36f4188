import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, meetingsApi } from '../api/client';
import type { Action, BodyRef, Decision, MeetingDetail } from '../api/types';
import { sortActions } from '../lib/meetings';
import { useApiData } from '../lib/useApiData';
import { ActionStatusModal, NewActionModal } from './ActionsModals';
import { ActionsTable } from './ActionsTable';
import { EmptyText, ErrorAlert, Loading } from './Feedback';
import { meetingPeople } from './MinutesEditor';

/** The decisions of the meeting, each with the actions that follow from it, and their follow-up. */
export function MeetingActions({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const loaded = useApiData(async () => {
    const [decisions, actions, attendance, bodies] = await Promise.all([
      meetingsApi.decisions(meeting.id),
      meetingsApi.actions({ meeting: meeting.id, limit: 1000 }),
      meetingsApi.attendance(meeting.id),
      meeting.canWrite ? api.bodies({ territory: meeting.territoryCode }).catch(() => ({ items: [] })) : Promise.resolve({ items: [] }),
    ]);
    const owners = new Map<string, BodyRef>();
    for (const body of [meeting.body, ...meeting.invitedBodies, ...bodies.items]) if (body.status !== 'dissolved') owners.set(body.id, body);
    return { decisions: decisions.items, actions: actions.items, people: [...meetingPeople(meeting, attendance.items).values()], bodies: [...owners.values()] };
  }, [meeting.id]);
  const [newFor, setNewFor] = useState<Decision | null>(null);
  const [changing, setChanging] = useState<Action | null>(null);

  if (loaded.isLoading && !loaded.data) return <Loading />;
  if (loaded.error !== undefined || !loaded.data) return <ErrorAlert error={loaded.error} onRetry={loaded.reload} />;
  const { decisions, actions, people, bodies } = loaded.data;
  const agendaTitle = new Map(meeting.agenda.map((item) => [item.id, item.title]));
  const orderOf = new Map(meeting.agenda.map((item) => [item.id, item.position]));
  const ordered = [...decisions].sort((a, b) => (orderOf.get(a.agendaItemId ?? '') ?? 1e6) - (orderOf.get(b.agendaItemId ?? '') ?? 1e6) || a.position - b.position);
  const loose = actions.filter((action) => !action.decisionId || !decisions.some((d) => d.id === action.decisionId));

  return (
    <Stack gap="md" data-testid="meeting-actions">
      {ordered.length === 0 && <EmptyText>{t('actions.noDecisions')}</EmptyText>}
      {ordered.map((decision) => (
        <Paper key={decision.id} withBorder p="md" radius="md" data-testid="decision-actions" data-decision-id={decision.id}>
          <Group justify="space-between" align="flex-start" mb="xs">
            <div style={{ flex: 1 }}>
              <Text size="sm" fw={600} dir="auto">
                {decision.text}
              </Text>
              {decision.agendaItemId && agendaTitle.get(decision.agendaItemId) && (
                <Text size="xs" c="dimmed" dir="auto">
                  {agendaTitle.get(decision.agendaItemId)}
                </Text>
              )}
            </div>
            {meeting.canWrite && (
              <Button size="xs" variant="light" onClick={() => setNewFor(decision)} data-testid="action-new">
                {t('actions.new')}
              </Button>
            )}
          </Group>
          <ActionsTable actions={sortActions(actions.filter((a) => a.decisionId === decision.id), 'dueOn')} onChange={meeting.canWrite ? setChanging : undefined} testId="decision-actions-table" />
        </Paper>
      ))}
      {loose.length > 0 && (
        <Paper withBorder p="md" radius="md">
          <Title order={3} size="h5" mb="xs">
            {t('actions.otherActions')}
          </Title>
          <ActionsTable actions={sortActions(loose, 'dueOn')} onChange={meeting.canWrite ? setChanging : undefined} />
        </Paper>
      )}
      <NewActionModal key={newFor?.id ?? 'none'} decision={newFor} people={people} bodies={bodies} onClose={() => setNewFor(null)} onDone={loaded.reload} />
      <ActionStatusModal key={changing?.id ?? 'none'} action={changing} onClose={() => setChanging(null)} onDone={loaded.reload} />
    </Stack>
  );
}
