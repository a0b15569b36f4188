import { Anchor, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { meetingFiles } from '../api/client';
import type { MeetingDetail } from '../api/types';
import type { Locale } from '../i18n/direction';
import { localName } from '../lib/format';
import { personName } from '../lib/people';
import { useLocale } from '../lib/useLocale';
import { EmptyText } from './Feedback';
import { MeetingModeBadge, MeetingWhen } from './MeetingBadges';

/** "الدكتور محمد الحجيرة (الأمانة الجهوية لجهة فاس مكناس)": who convened, and from which body; '' when nobody is named. */
export function convenerOf(meeting: Pick<MeetingDetail, 'convenedByPerson' | 'convenedByBody'>, locale: Locale): string {
  const person = meeting.convenedByPerson ? personName(meeting.convenedByPerson, locale) : '';
  const body = meeting.convenedByBody ? localName(meeting.convenedByBody, locale) : '';
  return person && body ? `${person} (${body})` : person || body;
}

export function MeetingFact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

/** The meeting as the invited read it: who, when, where or how to join, and the agenda. */
export function MeetingOverview({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const person = (p: MeetingDetail['chairPerson']) => (p ? personName(p, locale) || t('person.erasedName') : '—');
  const convener = convenerOf(meeting, locale) || '—';
  const hasVideo = meeting.mode !== 'in_person';

  return (
    <Stack gap="md" data-testid="meeting-overview">
      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
          <MeetingFact label={t('meeting.body')}>
            <Anchor component={Link} to={`/bodies/${meeting.bodyId}`} data-testid="meeting-body-link">
              {localName(meeting.body, locale)}
            </Anchor>
          </MeetingFact>
          <MeetingFact label={t('meeting.kind')}>{t(`meetingKind.${meeting.kind}`)}</MeetingFact>
          <MeetingFact label={t('meeting.dateAndTime')}>
            <MeetingWhen startsAt={meeting.startsAt} endsAt={meeting.endsAt} />
            <Text span size="xs" c="dimmed">
              {' '}
              ({t('meeting.moroccanTimeShort')})
            </Text>
          </MeetingFact>
          <MeetingFact label={t('meeting.convenedBy')} testId="meeting-convener">
            {convener}
          </MeetingFact>
          <MeetingFact label={t('meeting.chair')} testId="meeting-chair-name">
            {person(meeting.chairPerson)}
          </MeetingFact>
          <MeetingFact label={t('meeting.secretary')}>{person(meeting.secretaryPerson)}</MeetingFact>
          <MeetingFact label={t('meeting.mode')}>
            <MeetingModeBadge mode={meeting.mode} />
          </MeetingFact>
          {meeting.mode !== 'remote' && (
            <MeetingFact label={t('meeting.place')}>
              {meeting.place || '—'}
              {meeting.address && (
                <Text size="xs" c="dimmed">
                  {meeting.address}
                </Text>
              )}
            </MeetingFact>
          )}
          {meeting.invitedBodies.length > 0 && (
            <MeetingFact label={t('meeting.invitedBodies')} testId="meeting-invited-bodies-list">
              {meeting.invitedBodies.map((body) => localName(body, locale)).join('، ')}
            </MeetingFact>
          )}
        </SimpleGrid>
        <Group gap="xs" mt="md">
          {hasVideo && meeting.videoUrl && (
            <Button component="a" href={meeting.videoUrl} target="_blank" rel="noopener noreferrer" color="indigo" data-testid="meeting-video-link" disabled={meeting.status === 'cancelled'}>
              {t('meeting.joinVideo')}
            </Button>
          )}
          <Button component="a" href={meetingFiles.ics(meeting.id)} download variant="default" data-testid="meeting-ics">
            {t('meeting.downloadIcs')}
          </Button>
        </Group>
        {hasVideo && !meeting.videoUrl && (
          <Text size="xs" c="dimmed" mt="xs" data-testid="meeting-video-hidden">
            {t('meeting.videoForInvited')}
          </Text>
        )}
      </Paper>

      {meeting.purpose && (
        <Paper withBorder p="md" radius="md">
          <Title order={3} size="h5" mb="xs">
            {t('meeting.purpose')}
          </Title>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} dir="auto" data-testid="meeting-purpose-text">
            {meeting.purpose}
          </Text>
        </Paper>
      )}

      <Paper withBorder p="md" radius="md">
        <Title order={3} size="h5" mb="xs">
          {t('meeting.agenda')}
        </Title>
        {meeting.agenda.length === 0 ? (
          <EmptyText>{t('meeting.noAgenda')}</EmptyText>
        ) : (
          <List type="ordered" spacing="xs" data-testid="meeting-agenda">
            {[...meeting.agenda]
              .sort((a, b) => a.position - b.position)
              .map((item) => (
                <List.Item key={item.id} data-agenda-item-id={item.id}>
                  <Text size="sm" fw={500} dir="auto">
                    {item.title}
                  </Text>
                  {item.description && (
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }} dir="auto">
                      {item.description}
                    </Text>
                  )}
                </List.Item>
              ))}
          </List>
        )}
      </Paper>
    </Stack>
  );
}
