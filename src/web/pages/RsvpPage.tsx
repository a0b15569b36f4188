import { Alert, Button, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { errorMessage, rsvpApi } from '../api/client';
import { RSVP_ANSWERS, type RsvpAnswer, type RsvpView } from '../api/types';
import { ErrorAlert, Loading } from '../components/Feedback';
import { MeetingModeBadge, MeetingStatusBadge, MeetingWhen, RsvpBadge } from '../components/MeetingBadges';
import { useApiData } from '../lib/useApiData';
import { useLocale } from '../lib/useLocale';

const isAnswer = (value: string | null): value is RsvpAnswer => (RSVP_ANSWERS as readonly string[]).includes(value ?? '');

/**
 * The page an invitation e-mail's answer links open. Opening it changes nothing — mail programs and
 * scanners open links on their own — so the answer is recorded only when the person confirms.
 */
export function RsvpPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const linkAnswer = params.get('answer');
  const view = useApiData(token ? () => rsvpApi.view(token) : null, [token]);
  const [answered, setAnswered] = useState<RsvpView | null>(null);
  const [choice, setChoice] = useState<RsvpAnswer | null>(isAnswer(linkAnswer) ? linkAnswer : null);
  const [isSaving, setIsSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const current = answered ?? view.data;

  const confirm = async () => {
    if (!choice) return;
    setIsSaving(true);
    setError(null);
    try {
      setAnswered(await rsvpApi.answer(token, choice));
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setIsSaving(false);
    }
  };

  let content;
  if (!token) {
    content = (
      <Alert color="orange" data-testid="link-missing">
        <Text size="sm">{t('rsvpPage.linkMissing')}</Text>
      </Alert>
    );
  } else if (view.isLoading && !current) {
    content = <Loading />;
  } else if (!current) {
    content = <ErrorAlert error={view.error} />;
  } else {
    const { meeting } = current;
    const firstName = locale === 'ar' ? (current.firstNameAr ?? current.firstNameLatin) : (current.firstNameLatin ?? current.firstNameAr);
    content = (
      <Stack gap="sm">
        <Text size="sm">{firstName ? t('rsvpPage.greeting', { name: firstName }) : t('rsvpPage.greetingNoName')}</Text>
        <Text size="sm" c="dimmed" data-testid="rsvp-body">
          {locale === 'ar' ? meeting.bodyNameAr : meeting.bodyNameFr}
        </Text>
        <Title order={3} data-testid="rsvp-meeting-title">
          {meeting.title}
        </Title>
        <Group gap="xs">
          <MeetingModeBadge mode={meeting.mode} />
          <MeetingStatusBadge status={meeting.status} />
        </Group>
        <Text size="sm">
          <MeetingWhen startsAt={meeting.startsAt} endsAt={meeting.endsAt} />
        </Text>
        {meeting.place && <Text size="sm">{meeting.place}</Text>}
        <Group gap="xs">
          <Text size="sm">{t('rsvpPage.currentAnswer')}</Text>
          <RsvpBadge answer={current.answer} />
        </Group>
        {answered ? (
          <Alert color="green" data-testid="rsvp-recorded">
            <Text size="sm">{t('rsvpPage.recorded', { answer: t(`meeting.rsvp.${answered.answer ?? 'none'}`) })}</Text>
          </Alert>
        ) : null}
        {current.isOpen ? (
          <Stack gap="xs">
            <Text size="sm" fw={500}>
              {t('rsvpPage.question')}
            </Text>
            <SegmentedControl
              value={choice ?? ''}
              onChange={(value) => setChoice(isAnswer(value) ? value : null)}
              data={RSVP_ANSWERS.map((a) => ({ value: a, label: t(`meeting.rsvp.${a}`) }))}
              data-testid="rsvp-choice"
            />
            <Group>
              <Button onClick={() => void confirm()} loading={isSaving} disabled={!choice} data-testid="rsvp-confirm">
                {choice ? t('rsvpPage.confirm', { answer: t(`meeting.rsvp.${choice}`) }) : t('rsvpPage.choose')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Alert color="gray" data-testid="rsvp-closed">
            <Text size="sm">{meeting.status === 'cancelled' ? t('rsvpPage.cancelled') : t('rsvpPage.closed')}</Text>
          </Alert>
        )}
        {error && (
          <Alert color="red" data-testid="form-error">
            <Text size="sm">{error}</Text>
          </Alert>
        )}
      </Stack>
    );
  }

  return (
    <Stack align="center" pt="xl" data-testid="rsvp-page">
      <Paper withBorder p="lg" radius="md" w="100%" maw={520}>
        <Title order={2} mb="sm">
          {t('rsvpPage.title')}
        </Title>
        {content}
      </Paper>
    </Stack>
  );
}
