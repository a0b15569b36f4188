import { Anchor, Button, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { meetingsApi } from '../api/client';
import { PRESENCES, type Attendance, type Decision, type MeetingDetail, type Minutes } from '../api/types';
import { formatDate, formatDateTime } from '../lib/dates';
import { formatNumber, localName } from '../lib/format';
import { moroccoDayTime, timeRange, weekdayOf } from '../lib/meetings';
import { personName } from '../lib/people';
import { useApiData } from '../lib/useApiData';
import { useLocale } from '../lib/useLocale';
import { ErrorAlert, Loading, SignInGate } from './Feedback';
import { convenerOf } from './MeetingOverview';
import { meetingPeople } from './MinutesEditor';
import { MinutesView } from './MinutesView';

/**
 * `/meetings/:id/minutes/print`: the minutes laid out for paper (the print stylesheet hides the
 * application around them): the body's name, the date written the Moroccan way, who attended, the
 * items with what was said and decided, and the approval line with room for signatures.
 */
export function MinutesPrintPage() {
  return (
    <SignInGate>
      <MinutesPrintLoader />
    </SignInGate>
  );
}

function MinutesPrintLoader() {
  const { id = '' } = useParams();
  const loaded = useApiData(async () => {
    const [meeting, attendance, minutes, decisions] = await Promise.all([meetingsApi.meeting(id), meetingsApi.attendance(id), meetingsApi.minutes(id), meetingsApi.decisions(id)]);
    // The approved version is the one to print; a draft prints marked as such when nothing is approved yet.
    const approved = minutes.items.find((m) => m.status === 'approved') ?? null;
    return { meeting, attendance, minutes: approved ?? minutes.items[0] ?? null, decisions: decisions.items };
  }, [id]);
  if (loaded.isLoading && !loaded.data) return <Loading />;
  if (loaded.error !== undefined || !loaded.data) return <ErrorAlert error={loaded.error} onRetry={loaded.reload} isScoped />;
  return <PrintedMinutes {...loaded.data} />;
}

function PrintedMinutes({ meeting, attendance, minutes, decisions }: { meeting: MeetingDetail; attendance: Attendance; minutes: Minutes | null; decisions: Decision[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const people = meetingPeople(meeting, attendance.items);
  const titles = new Map(attendance.items.filter((e) => e.title).map((e) => [e.person.id, e.title ?? '']));
  const { day } = moroccoDayTime(meeting.startsAt);
  const date = `${t(`calendar.weekday.${weekdayOf(day)}`)} ${formatDate(day, locale)}`;
  const name = (person: MeetingDetail['chairPerson']) => (person ? personName(person, locale) : '');
  const convener = convenerOf(meeting, locale);
  const isApproved = minutes?.status === 'approved';
  const members = attendance.items.filter((e) => !e.isGuest);
  const guests = attendance.items.filter((e) => e.isGuest);
  const named = (entry: Attendance['items'][number]) => {
    const who = personName(entry.person, locale) || t('person.erasedName');
    return entry.title ? `${who} (${entry.title})` : who;
  };

  return (
    <div className="tanzim-print-page" data-testid="minutes-print" data-minutes-status={minutes?.status ?? 'none'}>
      <Group justify="space-between" mb="md" className="tanzim-no-print">
        <Anchor component={Link} to={`/meetings/${meeting.id}?tab=minutes`} size="sm">
          {t('meeting.minutes.backToMeeting')}
        </Anchor>
        <Button onClick={() => window.print()} data-testid="minutes-print-button">
          {t('meeting.minutes.printNow')}
        </Button>
      </Group>

      <header className="tanzim-print-header">
        <Text fw={700} size="lg" ta="center" data-testid="print-body-name">
          {localName(meeting.body, locale)}
        </Text>
        <Title order={1} size="h2" ta="center" mt="xs">
          {t('meeting.minutes.printTitle')}
        </Title>
        <Text ta="center" fw={600} mt={4} dir="auto">
          {meeting.title}
        </Text>
        {!isApproved && (
          <Text ta="center" c="red" fw={700} mt="xs" data-testid="print-draft-mark">
            {minutes ? t('meeting.minutes.draftMark') : t('meeting.minutes.notStarted')}
          </Text>
        )}
      </header>

      <Table withRowBorders={false} verticalSpacing={2} mt="md" className="tanzim-print-facts">
        <Table.Tbody>
          <Fact label={t('meeting.minutes.printDate')} value={<span data-testid="print-date">{date}</span>} />
          <Fact label={t('meeting.minutes.printTime')} value={<span dir="ltr">{timeRange(meeting.startsAt, meeting.endsAt)}</span>} />
          <Fact label={t('meeting.mode')} value={meeting.mode === 'in_person' ? [meeting.place, meeting.address].filter(Boolean).join('، ') || t('meetingMode.in_person') : t(`meeting.minutes.printMode.${meeting.mode}`)} />
          {convener && <Fact label={t('meeting.convenedBy')} value={convener} />}
          {meeting.chairPerson && <Fact label={t('meeting.chair')} value={name(meeting.chairPerson)} />}
          {meeting.secretaryPerson && <Fact label={t('meeting.secretary')} value={name(meeting.secretaryPerson)} />}
        </Table.Tbody>
      </Table>

      {meeting.purpose && (
        <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }} dir="auto">
          {meeting.purpose}
        </Text>
      )}

      <section className="tanzim-print-section" data-testid="print-attendance">
        <Title order={2} size="h4" mt="lg" mb="xs">
          {t('meeting.minutes.printAttendance')}
        </Title>
        {PRESENCES.map((presence) => {
          const list = members.filter((e) => e.presence === presence);
          if (list.length === 0) return null;
          return (
            <Text key={presence} size="sm" mb={4} data-presence={presence}>
              <Text span fw={700}>
                {t(`meeting.minutes.printPresence.${presence}`)} ({formatNumber(list.length, locale)}):{' '}
              </Text>
              {list.map(named).join('، ')}
            </Text>
          );
        })}
        {guests.length > 0 && (
          <Text size="sm" mb={4}>
            <Text span fw={700}>
              {t('meeting.attendance.guests')} ({formatNumber(guests.length, locale)}):{' '}
            </Text>
            {guests.map((e) => `${named(e)} — ${t(`presence.${e.presence}`)}`).join('، ')}
          </Text>
        )}
        <Text size="sm" data-testid="print-quorum">
          {t(attendance.quorum.isReached ? 'meeting.minutes.printQuorumReached' : 'meeting.minutes.printQuorumNotReached', {
            present: formatNumber(attendance.quorum.present, locale),
            members: formatNumber(attendance.quorum.members, locale),
            required: formatNumber(attendance.quorum.required, locale),
          })}
        </Text>
      </section>

      <section className="tanzim-print-section">
        <Title order={2} size="h4" mt="lg" mb="xs">
          {t('meeting.agenda')}
        </Title>
        <List type="ordered" size="sm">
          {[...meeting.agenda]
            .sort((a, b) => a.position - b.position)
            .map((item) => (
              <List.Item key={item.id}>
                <bdi>{item.title}</bdi>
              </List.Item>
            ))}
        </List>
      </section>

      <section className="tanzim-print-section">
        <Title order={2} size="h4" mt="lg" mb="sm">
          {t('meeting.minutes.printProceedings')}
        </Title>
        <MinutesView agenda={meeting.agenda} content={minutes?.content ?? { items: [] }} decisions={decisions} people={people} titles={titles} />
      </section>

      <footer className="tanzim-print-approval" data-testid="print-approval">
        <Text size="sm" mt="xl" fw={600}>
          {isApproved && minutes?.approvedAt
            ? t('meeting.minutes.printApproved', { date: formatDateTime(minutes.approvedAt, locale), version: minutes.version })
            : t('meeting.minutes.printNotApproved')}
        </Text>
        <Group justify="space-between" mt="lg" grow>
          <Signature label={t('meeting.chair')} name={name(meeting.chairPerson)} />
          <Signature label={t('meeting.secretary')} name={name(meeting.secretaryPerson)} />
        </Group>
      </footer>
    </div>
  );
}

function Fact({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <Table.Tr>
      <Table.Td w="30%" fw={700} fz="sm" style={{ verticalAlign: 'top' }}>
        {label}
      </Table.Td>
      <Table.Td fz="sm">{value}</Table.Td>
    </Table.Tr>
  );
}

function Signature({ label, name }: { label: string; name: string }) {
  return (
    <Stack gap={2} align="center">
      <Text size="sm" fw={700}>
        {label}
      </Text>
      <Text size="sm">{name || ' '}</Text>
      <div className="tanzim-signature-line" />
    </Stack>
  );
}
