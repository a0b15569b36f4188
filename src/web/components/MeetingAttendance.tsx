import { Alert, Badge, Button, Group, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, meetingsApi } from '../api/client';
import { PRESENCES, type Attendance, type MeetingDetail, type MeetingInvitation, type Presence, type Quorum } from '../api/types';
import { formatNumber } from '../lib/format';
import { attendanceRows, countPresences, type AttendanceRow } from '../lib/meetings';
import { personName } from '../lib/people';
import { useApiData } from '../lib/useApiData';
import { useLocale } from '../lib/useLocale';
import { EmptyText, ErrorAlert, Loading } from './Feedback';
import { MeetingPersonSelect } from './MeetingPersonSelect';

const PRESENCE_COLOR: Record<Presence, string> = { in_person: 'teal', remote: 'indigo', excused: 'yellow', absent: 'gray' };

/** The attendance sheet: each invited person present in person, remotely, excused or absent; guests apart; the quorum. */
export function MeetingAttendance({ meeting }: { meeting: MeetingDetail }) {
  const loaded = useApiData(async () => {
    const [attendance, invitations] = await Promise.all([meetingsApi.attendance(meeting.id), meetingsApi.invitations(meeting.id).catch(() => ({ items: [] as MeetingInvitation[], total: 0 }))]);
    return { attendance, invitations: invitations.items };
  }, [meeting.id]);
  if (loaded.isLoading && !loaded.data) return <Loading />;
  if (loaded.error !== undefined || !loaded.data) return <ErrorAlert error={loaded.error} onRetry={loaded.reload} />;
  // A new answer from the server starts the sheet again from what is recorded.
  const key = JSON.stringify(loaded.data.attendance.items.map((e) => [e.person.id, e.presence, e.title]));
  return <AttendanceSheet key={key} meeting={meeting} attendance={loaded.data.attendance} invitations={loaded.data.invitations} onSaved={loaded.reload} />;
}

function AttendanceSheet({ meeting, attendance, invitations, onSaved }: { meeting: MeetingDetail; attendance: Attendance; invitations: MeetingInvitation[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const initialRows = useMemo(() => attendanceRows(attendance.items, invitations), [attendance, invitations]);
  const [rows, setRows] = useState<AttendanceRow[]>(initialRows);
  const [isSaving, setIsSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const isEditable = meeting.canWrite;
  const counts = countPresences(rows);
  const members = rows.filter((row) => !row.isGuest);
  const guests = rows.filter((row) => row.isGuest);
  const isChanged = JSON.stringify(rows) !== JSON.stringify(initialRows);

  const update = (personId: string, changes: Partial<AttendanceRow>) => setRows((current) => current.map((row) => (row.personId === personId ? { ...row, ...changes } : row)));

  const save = async () => {
    const entries = rows
      .filter((row): row is AttendanceRow & { presence: Presence } => row.presence !== null)
      .map((row) => ({ personId: row.personId, presence: row.presence, isGuest: row.isGuest, title: row.title.trim() || null }));
    if (entries.length === 0) {
      setError(t('meeting.attendance.nothingToSave'));
      return;
    }
    setError(null);
    setIsSaving(true);
    try {
      await meetingsApi.recordAttendance(meeting.id, entries);
      notifications.show({ color: 'green', message: t('meeting.attendance.saved') });
      onSaved();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <Stack gap="md" data-testid="meeting-attendance">
      <QuorumPanel quorum={attendance.quorum} />
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" mb="sm">
          <Title order={3} size="h5">
            {t('meeting.attendance.members')}
          </Title>
          <Text size="xs" c="dimmed" data-testid="presence-counts">
            {PRESENCES.map((p) => `${t(`presence.${p}`)}: ${formatNumber(counts.members[p], locale)}`).join(' · ')}
          </Text>
        </Group>
        <AttendanceTable rows={members} isEditable={isEditable} onChange={update} testId="attendance-members" />
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" mb="sm">
          <Title order={3} size="h5">
            {t('meeting.attendance.guests')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('meeting.attendance.guestsApart')}
          </Text>
        </Group>
        <AttendanceTable rows={guests} isEditable={isEditable} onChange={update} testId="attendance-guests" />
        {isEditable && (
          <div style={{ maxInlineSize: 420 }}>
            <MeetingPersonSelect
              testId="attendance-add-guest"
              label={t('meeting.attendance.addGuest')}
              value={null}
              suggestions={[]}
              exclude={rows.map((row) => row.personId)}
              onChange={(person) => person && setRows((current) => [...current, { personId: person.id, person, presence: 'in_person', isGuest: true, title: '' }])}
            />
          </div>
        )}
      </Paper>
      {error && (
        <Alert color="red" data-testid="form-error">
          <Text size="sm">{error}</Text>
        </Alert>
      )}
      {isEditable && (
        <Group justify="flex-end">
          <Button onClick={() => void save()} loading={isSaving} disabled={!isChanged} data-testid="attendance-save">
            {t('meeting.attendance.save')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function AttendanceTable({ rows, isEditable, onChange, testId }: { rows: AttendanceRow[]; isEditable: boolean; onChange: (personId: string, changes: Partial<AttendanceRow>) => void; testId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (rows.length === 0) return <EmptyText>{t('meeting.attendance.none')}</EmptyText>;
  return (
    <Table.ScrollContainer minWidth={640} mb="sm">
      <Table data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('person.one')}</Table.Th>
            <Table.Th>{t('meeting.attendance.titleInMinutes')}</Table.Th>
            <Table.Th>{t('meeting.attendance.presence')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.personId} data-testid="attendance-row" data-person-id={row.personId} data-presence={row.presence ?? 'none'}>
              <Table.Td>
                <Text size="sm">{personName(row.person, locale) || t('person.erasedName')}</Text>
              </Table.Td>
              <Table.Td>
                {isEditable ? (
                  <TextInput
                    size="xs"
                    value={row.title}
                    placeholder={t('meeting.attendance.titlePlaceholder')}
                    dir="auto"
                    onChange={(e) => onChange(row.personId, { title: e.currentTarget.value })}
                    aria-label={t('meeting.attendance.titleInMinutes')}
                    data-testid="attendance-title"
                  />
                ) : (
                  <Text size="sm" dir="auto">
                    {row.title || '—'}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {isEditable ? (
                  <SegmentedControl
                    size="xs"
                    value={row.presence ?? ''}
                    onChange={(value) => onChange(row.personId, { presence: value as Presence })}
                    data={PRESENCES.map((p) => ({ value: p, label: t(`presence.${p}`) }))}
                    data-testid="attendance-presence"
                    color={row.presence ? PRESENCE_COLOR[row.presence] : undefined}
                  />
                ) : row.presence ? (
                  <Badge color={PRESENCE_COLOR[row.presence]} variant="light" tt="none" className="tanzim-badge">
                    {t(`presence.${row.presence}`)}
                  </Badge>
                ) : (
                  <Text size="xs" c="dimmed">
                    {t('meeting.attendance.notRecorded')}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The quorum: the body's current members on the meeting's day, how many attended, how many were required. */
export function QuorumPanel({ quorum }: { quorum: Quorum }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Paper withBorder p="md" radius="md" data-testid="quorum" data-reached={quorum.isReached}>
      <Group justify="space-between">
        <SimpleGrid cols={3} spacing="xl">
          <div>
            <Text size="xl" fw={700} data-testid="quorum-present">
              {formatNumber(quorum.present, locale)}
            </Text>
            <Text size="xs" c="dimmed">
              {t('meeting.quorum.present')}
            </Text>
          </div>
          <div>
            <Text size="xl" fw={700}>
              {formatNumber(quorum.members, locale)}
            </Text>
            <Text size="xs" c="dimmed">
              {t('meeting.quorum.members')}
            </Text>
          </div>
          <div>
            <Text size="xl" fw={700}>
              {formatNumber(quorum.required, locale)}
            </Text>
            <Text size="xs" c="dimmed">
              {t('meeting.quorum.required')}
            </Text>
          </div>
        </SimpleGrid>
        <Badge size="lg" color={quorum.isReached ? 'green' : 'orange'} variant="light" tt="none" className="tanzim-badge" data-testid="quorum-state">
          {quorum.isReached ? t('meeting.quorum.reached') : t('meeting.quorum.notReached')}
        </Badge>
      </Group>
    </Paper>
  );
}
