import { Alert, Anchor, Button, Group, Modal, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { errorMessage, meetingsApi } from '../api/client';
import type { MeetingDetail } from '../api/types';
import { ErrorAlert, Loading, SignInGate } from '../components/Feedback';
import { MeetingActions } from '../components/MeetingActions';
import { MeetingAttendance } from '../components/MeetingAttendance';
import { MeetingModeBadge, MeetingStatusBadge, MeetingWhen } from '../components/MeetingBadges';
import { MeetingCommunique } from '../components/MeetingCommunique';
import { MeetingInvitations } from '../components/MeetingInvitations';
import { MeetingOverview } from '../components/MeetingOverview';
import { MeetingMinutes } from '../components/MinutesEditor';
import { localName } from '../lib/format';
import { moroccoDayTime } from '../lib/meetings';
import { withParam } from '../lib/people';
import { useApiData } from '../lib/useApiData';
import { useLocale } from '../lib/useLocale';

const TABS = ['overview', 'invitations', 'attendance', 'minutes', 'actions', 'communique'] as const;
type Tab = (typeof TABS)[number];

export function MeetingPage() {
  return (
    <SignInGate>
      <MeetingLoader />
    </SignInGate>
  );
}

function MeetingLoader() {
  const { id = '' } = useParams();
  const meeting = useApiData(() => meetingsApi.meeting(id), [id]);
  if (meeting.isLoading && !meeting.data) return <Loading />;
  if (meeting.error !== undefined || !meeting.data) return <ErrorAlert error={meeting.error} onRetry={meeting.reload} isScoped />;
  return <MeetingView meeting={meeting.data} reload={meeting.reload} />;
}

function MeetingView({ meeting, reload }: { meeting: MeetingDetail; reload: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  // The tab lives in the address, so that a link (from an e-mail, from the board) opens the right one.
  const tab: Tab = (TABS as readonly string[]).includes(requested ?? '') ? (requested as Tab) : 'overview';
  const [isCancelling, setIsCancelling] = useState(false);
  const { day } = moroccoDayTime(meeting.startsAt);

  return (
    <Stack gap="md" data-testid="meeting-page" data-meeting-id={meeting.id}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Anchor component={Link} to={`/meetings?date=${day}`} size="sm" data-testid="meeting-calendar-link">
            {t('meeting.backToCalendar')}
          </Anchor>
          <Group gap="sm" mt={4}>
            <Title order={2} data-testid="meeting-title-heading">
              <bdi>{meeting.title}</bdi>
            </Title>
            <MeetingStatusBadge status={meeting.status} />
          </Group>
          <Group gap="xs" mt={4}>
            <Text size="sm">{localName(meeting.body, locale)}</Text>
            <Text size="sm" c="dimmed">
              ·
            </Text>
            <Text size="sm">
              <MeetingWhen startsAt={meeting.startsAt} endsAt={meeting.endsAt} />
            </Text>
            <MeetingModeBadge mode={meeting.mode} />
          </Group>
        </div>
        {meeting.canWrite && meeting.status === 'scheduled' && (
          <Group gap="xs" data-testid="meeting-buttons">
            <Button component={Link} to={`/meetings/${meeting.id}/edit`} variant="default" size="xs" data-testid="meeting-edit">
              {t('common.edit')}
            </Button>
            <Button variant="subtle" color="red" size="xs" onClick={() => setIsCancelling(true)} data-testid="meeting-cancel">
              {t('meeting.cancel')}
            </Button>
          </Group>
        )}
      </Group>

      <Tabs value={tab} onChange={(value) => setParams(withParam(params, 'tab', value === 'overview' ? null : value), { replace: true })} keepMounted={false}>
        <Tabs.List className="tanzim-no-print">
          {TABS.map((name) => (
            <Tabs.Tab key={name} value={name} data-testid={`meeting-tab-${name}`}>
              {t(`meeting.tabs.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <MeetingOverview meeting={meeting} />
        </Tabs.Panel>
        <Tabs.Panel value="invitations" pt="md">
          <MeetingInvitations meeting={meeting} />
        </Tabs.Panel>
        <Tabs.Panel value="attendance" pt="md">
          <MeetingAttendance meeting={meeting} />
        </Tabs.Panel>
        <Tabs.Panel value="minutes" pt="md">
          <MeetingMinutes meeting={meeting} />
        </Tabs.Panel>
        <Tabs.Panel value="actions" pt="md">
          <MeetingActions meeting={meeting} />
        </Tabs.Panel>
        <Tabs.Panel value="communique" pt="md">
          <MeetingCommunique meeting={meeting} />
        </Tabs.Panel>
      </Tabs>
      <CancelModal meeting={meeting} opened={isCancelling} onClose={() => setIsCancelling(false)} onDone={reload} />
    </Stack>
  );
}

function CancelModal({ meeting, opened, onClose, onDone }: { meeting: MeetingDetail; opened: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const cancel = async () => {
    setError(null);
    setIsSaving(true);
    try {
      await meetingsApi.cancelMeeting(meeting.id);
      onClose();
      onDone();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setIsSaving(false);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('meeting.cancelTitle')}>
      <Stack gap="sm">
        <Text size="sm">{t('meeting.cancelText')}</Text>
        {error && (
          <Alert color="red" data-testid="form-error">
            <Text size="sm">{error}</Text>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button color="red" onClick={() => void cancel()} loading={isSaving} data-testid="meeting-cancel-confirm">
            {t('meeting.cancel')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
