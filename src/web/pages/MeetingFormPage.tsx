import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { meetingsApi } from '../api/client';
import type { MeetingDetail, MeetingInput, PersonRef } from '../api/types';
import { ErrorAlert, Loading, SignInGate, WriteGate } from '../components/Feedback';
import { MeetingForm } from '../components/MeetingForm';
import { emptyMeetingForm, isDay, meetingFormOf, meetingInputOf, moroccoToday } from '../lib/meetings';
import { useApiData } from '../lib/useApiData';

/** `/meetings/new` (`?body=` and `?date=` preset the organizing body and the day). */
export function MeetingNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const initial = emptyMeetingForm(moroccoToday(), params.get('body'));
  const day = params.get('date');
  if (isDay(day)) initial.day = day;
  return (
    <Stack gap="md" data-testid="meeting-new-page">
      <Title order={2}>{t('meeting.new')}</Title>
      <WriteGate>
        <Paper withBorder p="md" radius="md" maw={900}>
          <MeetingForm
            initial={initial}
            isNew
            submitLabel={t('common.create')}
            onSubmit={async (input) => {
              const meeting = await meetingsApi.createMeeting(input);
              navigate(`/meetings/${meeting.id}`);
            }}
            onCancel={() => navigate(-1)}
          />
        </Paper>
      </WriteGate>
    </Stack>
  );
}

/** `/meetings/:id/edit`: a change is sent to the invited as an update of their calendar entry. */
export function MeetingEditPage() {
  return (
    <SignInGate>
      <MeetingEditLoader />
    </SignInGate>
  );
}

function MeetingEditLoader() {
  const { id = '' } = useParams();
  const loaded = useApiData(async () => {
    const meeting = await meetingsApi.meeting(id);
    // The guests are the invitations made by name; an officer who cannot list them edits the rest.
    const invitations = await meetingsApi.invitations(id).catch(() => null);
    const guests = invitations?.items.filter((i) => i.isGuest && !i.withdrawnAt).map((i) => i.person) ?? null;
    return { meeting, guests };
  }, [id]);
  if (loaded.isLoading && !loaded.data) return <Loading />;
  if (loaded.error !== undefined || !loaded.data) return <ErrorAlert error={loaded.error} onRetry={loaded.reload} isScoped />;
  return <MeetingEdit key={loaded.data.meeting.id} meeting={loaded.data.meeting} guests={loaded.data.guests} />;
}

function MeetingEdit({ meeting, guests }: { meeting: MeetingDetail; guests: PersonRef[] | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const initial = { ...meetingFormOf(meeting), guests: guests ?? [] };
  const before = meetingInputOf(initial);
  return (
    <Stack gap="md" data-testid="meeting-edit-page">
      <Title order={2}>{t('meeting.editTitle', { title: meeting.title })}</Title>
      {!meeting.canWrite ? (
        <Alert color="orange" data-testid="forbidden">
          <Text size="sm">{t('meeting.readOnly')}</Text>
        </Alert>
      ) : (
        <Paper withBorder p="md" radius="md" maw={900}>
          <MeetingForm
            initial={initial}
            isNew={false}
            submitLabel={t('common.save')}
            onSubmit={async (input) => {
              // Only what changed is sent: an agenda left alone keeps its items (and the minutes written on them).
              await meetingsApi.updateMeeting(meeting.id, changedFields(before, input, guests !== null));
              navigate(`/meetings/${meeting.id}`);
            }}
            onCancel={() => navigate(`/meetings/${meeting.id}`)}
          />
        </Paper>
      )}
    </Stack>
  );
}

function changedFields(before: ReturnType<typeof meetingInputOf>, after: MeetingInput, areGuestsKnown: boolean): Partial<Omit<MeetingInput, 'bodyId'>> {
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    if (key === 'bodyId' || (key === 'guestPersonIds' && !areGuestsKnown)) continue;
    if (JSON.stringify(value) !== JSON.stringify(before[key as keyof typeof before])) changes[key] = value;
  }
  return changes as Partial<Omit<MeetingInput, 'bodyId'>>;
}
