import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, meetingsApi } from '../api/client';
import type { Communique, MeetingDetail } from '../api/types';
import { formatDateTime } from '../lib/dates';
import { useApiData } from '../lib/useApiData';
import { useLocale } from '../lib/useLocale';
import { ErrorAlert, Loading } from './Feedback';

/**
 * The communiqué draft: written by the server from the meeting's record (who chaired, who attended,
 * the date the Moroccan way, the substance, the directives), then edited here in Arabic and French.
 */
export function MeetingCommunique({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const drafts = useApiData(() => meetingsApi.communiques(meeting.id), [meeting.id]);
  const [isGenerating, setIsGenerating] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (drafts.isLoading && !drafts.data) return <Loading />;
  if (drafts.error !== undefined || !drafts.data) return <ErrorAlert error={drafts.error} onRetry={drafts.reload} />;
  const latest = [...drafts.data.items].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0] ?? null;

  const generate = async () => {
    setError(null);
    setIsGenerating(true);
    try {
      await meetingsApi.generateCommunique(meeting.id);
      drafts.reload();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setIsGenerating(false);
    }
  };

  return (
    <Stack gap="md" data-testid="meeting-communique">
      <Paper withBorder p="sm" radius="md">
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {latest ? t('meeting.communique.intro') : t('meeting.communique.none')}
          </Text>
          {meeting.canWrite && (
            <Button variant={latest ? 'default' : 'filled'} onClick={() => void generate()} loading={isGenerating} data-testid="communique-generate">
              {latest ? t('meeting.communique.regenerate') : t('meeting.communique.generate')}
            </Button>
          )}
        </Group>
        {error && (
          <Alert color="red" mt="sm" data-testid="form-error">
            <Text size="sm">{error}</Text>
          </Alert>
        )}
      </Paper>
      {latest && <CommuniqueEditor key={`${latest.id}-${latest.updatedAt}`} communique={latest} canWrite={meeting.canWrite} onSaved={drafts.reload} />}
    </Stack>
  );
}

function CommuniqueEditor({ communique, canWrite, onSaved }: { communique: Communique; canWrite: boolean; onSaved: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [titleAr, setTitleAr] = useState(communique.titleAr);
  const [bodyAr, setBodyAr] = useState(communique.bodyAr);
  const [titleFr, setTitleFr] = useState(communique.titleFr ?? '');
  const [bodyFr, setBodyFr] = useState(communique.bodyFr ?? '');
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const isChanged = titleAr !== communique.titleAr || bodyAr !== communique.bodyAr || titleFr !== (communique.titleFr ?? '') || bodyFr !== (communique.bodyFr ?? '');

  const save = async () => {
    setError(null);
    setIsSaving(true);
    try {
      await meetingsApi.updateCommunique(communique.id, { titleAr: titleAr.trim(), bodyAr: bodyAr.trim(), titleFr: titleFr.trim() || null, bodyFr: bodyFr.trim() || null });
      notifications.show({ color: 'green', message: t('common.saved') });
      onSaved();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <Paper withBorder p="md" radius="md" data-testid="communique-editor" data-communique-id={communique.id}>
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <Title order={3} size="h5">
            {t('meeting.communique.title')}
          </Title>
          <Badge color="yellow" variant="light" tt="none" className="tanzim-badge">
            {t(`meeting.communique.status.${communique.status}`)}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {t('meeting.communique.updatedAt', { value: formatDateTime(communique.updatedAt, locale) })}
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Stack gap="xs" lang="ar" dir="rtl">
          <Text size="sm" fw={600}>
            {t('meeting.communique.arabic')}
          </Text>
          <TextInput label={t('meeting.communique.headline')} value={titleAr} onChange={(e) => setTitleAr(e.currentTarget.value)} readOnly={!canWrite} data-testid="communique-title-ar" dir="rtl" />
          <Textarea label={t('meeting.communique.text')} value={bodyAr} onChange={(e) => setBodyAr(e.currentTarget.value)} readOnly={!canWrite} autosize minRows={10} data-testid="communique-body-ar" dir="rtl" styles={{ input: { lineHeight: 1.8 } }} />
        </Stack>
        <Stack gap="xs" lang="fr" dir="ltr">
          <Text size="sm" fw={600}>
            {t('meeting.communique.french')}
          </Text>
          <TextInput label={t('meeting.communique.headline')} value={titleFr} onChange={(e) => setTitleFr(e.currentTarget.value)} readOnly={!canWrite} data-testid="communique-title-fr" dir="ltr" />
          <Textarea label={t('meeting.communique.text')} value={bodyFr} onChange={(e) => setBodyFr(e.currentTarget.value)} readOnly={!canWrite} autosize minRows={10} data-testid="communique-body-fr" dir="ltr" />
        </Stack>
      </SimpleGrid>
      {error && (
        <Alert color="red" mt="sm" data-testid="form-error">
          <Text size="sm">{error}</Text>
        </Alert>
      )}
      {canWrite && (
        <Group justify="flex-end" mt="sm">
          <Button onClick={() => void save()} loading={isSaving} disabled={!isChanged || !titleAr.trim() || !bodyAr.trim()} data-testid="communique-save">
            {t('common.save')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}
