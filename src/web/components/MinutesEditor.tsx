import { Alert, Badge, Button, CloseButton, Group, Modal, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage, meetingsApi } from '../api/client';
import type { AgendaItem, Decision, MeetingDetail, Minutes, MinutesContent, PersonRef } from '../api/types';
import { formatDateTime } from '../lib/dates';
import { cleanMinutes, isSameMinutes, minutesDraftOf } from '../lib/meetings';
import { personName } from '../lib/people';
import { useApiData } from '../lib/useApiData';
import { useLocale } from '../lib/useLocale';
import { ErrorAlert, Loading } from './Feedback';
import { MinutesView } from './MinutesView';

/** The people of a meeting by id, to name speakers and the authors of decisions: the attendance and the officers. */
export function meetingPeople(meeting: MeetingDetail, attendees: readonly { person: PersonRef }[]): Map<string, PersonRef> {
  const people = new Map<string, PersonRef>();
  for (const person of [meeting.chairPerson, meeting.secretaryPerson, meeting.convenedByPerson]) if (person) people.set(person.id, person);
  for (const entry of attendees) people.set(entry.person.id, entry.person);
  return people;
}

/**
 * The minutes tab: the secretary drafts item by item and records the decisions; the chair approves,
 * which locks that version. A change after approval starts a new version; the earlier ones stay readable.
 */
export function MeetingMinutes({ meeting }: { meeting: MeetingDetail }) {
  const loaded = useApiData(async () => {
    const [minutes, decisions, attendance] = await Promise.all([meetingsApi.minutes(meeting.id), meetingsApi.decisions(meeting.id), meetingsApi.attendance(meeting.id)]);
    return { minutes, decisions: decisions.items, attendance };
  }, [meeting.id]);
  if (loaded.isLoading && !loaded.data) return <Loading />;
  if (loaded.error !== undefined || !loaded.data) return <ErrorAlert error={loaded.error} onRetry={loaded.reload} />;
  const { minutes, decisions, attendance } = loaded.data;
  // Newest first: the draft being written, or the last approved version.
  const current = minutes.items[0] ?? null;
  const titles = new Map(attendance.items.filter((e) => e.title).map((e) => [e.person.id, e.title ?? '']));
  return (
    <MinutesPanel
      key={`${current?.id ?? 'none'}-${current?.updatedAt ?? ''}`}
      meeting={meeting}
      current={current}
      versions={minutes.items}
      decisions={decisions}
      people={meetingPeople(meeting, attendance.items)}
      titles={titles}
      reload={loaded.reload}
    />
  );
}

function MinutesPanel({
  meeting,
  current,
  versions,
  decisions,
  people,
  titles,
  reload,
}: {
  meeting: MeetingDetail;
  current: Minutes | null;
  versions: Minutes[];
  decisions: Decision[];
  people: Map<string, PersonRef>;
  titles: Map<string, string>;
  reload: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const isApproved = current?.status === 'approved';
  const [isAmending, setIsAmending] = useState(false);
  const isEditing = meeting.canWrite && (!isApproved || isAmending);

  return (
    <Stack gap="md" data-testid="meeting-minutes" data-minutes-status={current?.status ?? 'none'} data-minutes-version={current?.version ?? 0}>
      <Paper withBorder p="sm" radius="md">
        <Group justify="space-between">
          <Group gap="xs">
            {current ? (
              <>
                <Badge color={isApproved ? 'green' : 'yellow'} variant="light" tt="none" className="tanzim-badge" data-testid="minutes-status">
                  {isApproved ? t('meeting.minutes.approved') : t('meeting.minutes.draft')}
                </Badge>
                <Text size="sm">{t('meeting.minutes.version', { value: current.version })}</Text>
                {current.approvedAt && (
                  <Text size="sm" c="dimmed" data-testid="minutes-approved-at">
                    {t('meeting.minutes.approvedOn', { value: formatDateTime(current.approvedAt, locale) })}
                  </Text>
                )}
                {isApproved && (
                  <Text size="xs" c="dimmed">
                    🔒 {t('meeting.minutes.locked')}
                  </Text>
                )}
              </>
            ) : (
              <Text size="sm" c="dimmed">
                {t('meeting.minutes.notStarted')}
              </Text>
            )}
          </Group>
          <Group gap="xs">
            <Button component={Link} to={`/meetings/${meeting.id}/minutes/print`} variant="default" size="xs" data-testid="minutes-print-link">
              {t('meeting.minutes.print')}
            </Button>
            {meeting.canWrite && isApproved && !isAmending && (
              <Button variant="light" size="xs" onClick={() => setIsAmending(true)} data-testid="minutes-amend">
                {t('meeting.minutes.amend')}
              </Button>
            )}
          </Group>
        </Group>
      </Paper>

      {isEditing ? (
        <MinutesForm meeting={meeting} current={current} decisions={decisions} people={people} onSaved={reload} />
      ) : current ? (
        <Paper withBorder p="md" radius="md">
          <MinutesView agenda={meeting.agenda} content={current.content} decisions={decisions} people={people} titles={titles} />
        </Paper>
      ) : (
        <Paper withBorder p="md" radius="md">
          <Text size="sm" c="dimmed">
            {t('meeting.minutes.notStarted')}
          </Text>
        </Paper>
      )}

      <VersionHistory versions={versions} currentId={current?.id ?? null} agenda={meeting.agenda} decisions={decisions} people={people} />
    </Stack>
  );
}

function MinutesForm({ meeting, current, decisions, people, onSaved }: { meeting: MeetingDetail; current: Minutes | null; decisions: Decision[]; people: Map<string, PersonRef>; onSaved: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const saved = useMemo(() => minutesDraftOf(meeting.agenda, current), [meeting.agenda, current]);
  const [draft, setDraft] = useState<MinutesContent>(saved);
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const [isApproving, setIsApproving] = useState(false);
  const [isConfirming, setIsConfirming] = useState(false);
  const isChanged = !isSameMinutes(draft, saved) || current?.status === 'approved';
  const canApprove = meeting.canApproveMinutes && current?.status === 'draft' && !isChanged;
  const speakerOptions = [...people.values()].map((p) => ({ value: p.id, label: personName(p, locale) || t('person.erasedName') }));
  const ordered = [...meeting.agenda].sort((a, b) => a.position - b.position);

  const setItem = (index: number, change: (item: MinutesContent['items'][number]) => MinutesContent['items'][number]) =>
    setDraft((d) => ({ items: d.items.map((item, i) => (i === index ? change(item) : item)) }));

  const save = async () => {
    setError(null);
    setIsSaving(true);
    try {
      await meetingsApi.saveMinutes(meeting.id, cleanMinutes(draft));
      notifications.show({ color: 'green', message: t('meeting.minutes.saved') });
      onSaved();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setIsSaving(false);
    }
  };

  const approve = async () => {
    setError(null);
    setIsApproving(true);
    try {
      await meetingsApi.approveMinutes(meeting.id);
      notifications.show({ color: 'green', message: t('meeting.minutes.approvedNotice') });
      setIsConfirming(false);
      onSaved();
    } catch (caught) {
      setError(errorMessage(caught));
      setIsConfirming(false);
    } finally {
      setIsApproving(false);
    }
  };

  if (ordered.length === 0) {
    return (
      <Alert color="orange" data-testid="minutes-no-agenda">
        <Text size="sm">{t('meeting.minutes.needsAgenda')}</Text>
      </Alert>
    );
  }

  return (
    <Stack gap="md" data-testid="minutes-form">
      {ordered.map((agendaItem, index) => {
        const item = draft.items[index];
        if (!item) return null;
        return (
          <Paper key={agendaItem.id} withBorder p="md" radius="md" data-testid="minutes-item-form" data-agenda-item-id={agendaItem.id}>
            <Title order={3} size="h5" mb="sm">
              {index + 1}. <bdi>{agendaItem.title}</bdi>
            </Title>
            <Stack gap="sm">
              {item.speeches.map((speech, speechIndex) => (
                <Paper key={speechIndex} withBorder p="xs" radius="sm" bg="gray.0" data-testid="speech-form">
                  <Group gap="xs" align="flex-start" wrap="nowrap">
                    <Stack gap={6} style={{ flex: 1 }}>
                      <Group gap="xs" grow>
                        <Select
                          size="xs"
                          label={t('meeting.minutes.speaker')}
                          searchable
                          clearable
                          value={speech.personId}
                          data={speakerOptions}
                          onChange={(value) => setItem(index, (it) => ({ ...it, speeches: it.speeches.map((s, i) => (i === speechIndex ? { ...s, personId: value } : s)) }))}
                          data-testid="speech-person"
                          comboboxProps={{ withinPortal: true }}
                        />
                        {!speech.personId && (
                          <TextInput
                            size="xs"
                            label={t('meeting.minutes.speakerName')}
                            dir="auto"
                            value={speech.speaker ?? ''}
                            onChange={(e) => {
                              const value = e.currentTarget.value;
                              setItem(index, (it) => ({ ...it, speeches: it.speeches.map((s, i) => (i === speechIndex ? { ...s, speaker: value } : s)) }));
                            }}
                            data-testid="speech-speaker"
                          />
                        )}
                      </Group>
                      <Textarea
                        size="sm"
                        label={t('meeting.minutes.summary')}
                        dir="auto"
                        autosize
                        minRows={2}
                        value={speech.summary}
                        onChange={(e) => {
                          const value = e.currentTarget.value;
                          setItem(index, (it) => ({ ...it, speeches: it.speeches.map((s, i) => (i === speechIndex ? { ...s, summary: value } : s)) }));
                        }}
                        data-testid="speech-summary"
                      />
                    </Stack>
                    <CloseButton
                      aria-label={t('meeting.minutes.removeSpeech')}
                      onClick={() => setItem(index, (it) => ({ ...it, speeches: it.speeches.filter((_, i) => i !== speechIndex) }))}
                      data-testid="speech-remove"
                    />
                  </Group>
                </Paper>
              ))}
              <Group>
                <Button variant="light" size="xs" onClick={() => setItem(index, (it) => ({ ...it, speeches: [...it.speeches, { personId: null, speaker: '', summary: '' }] }))} data-testid="speech-add">
                  {t('meeting.minutes.addSpeech')}
                </Button>
              </Group>
              <Textarea
                label={t('meeting.minutes.notes')}
                dir="auto"
                autosize
                minRows={1}
                value={item.notes ?? ''}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setItem(index, (it) => ({ ...it, notes: value }));
                }}
                data-testid="minutes-notes-input"
              />
              <DecisionsEditor meetingId={meeting.id} agendaItem={agendaItem} decisions={decisions.filter((d) => d.agendaItemId === agendaItem.id)} people={people} onAdded={onSaved} />
            </Stack>
          </Paper>
        );
      })}
      {error && (
        <Alert color="red" data-testid="form-error">
          <Text size="sm">{error}</Text>
        </Alert>
      )}
      <Group justify="flex-end" gap="xs">
        {isChanged && (
          <Text size="xs" c="orange" data-testid="minutes-unsaved">
            {t('meeting.minutes.unsaved')}
          </Text>
        )}
        <Button variant="default" onClick={() => void save()} loading={isSaving} disabled={!isChanged} data-testid="minutes-save">
          {t('meeting.minutes.saveDraft')}
        </Button>
        {meeting.canApproveMinutes && (
          <Button color="green" onClick={() => setIsConfirming(true)} disabled={!canApprove} data-testid="minutes-approve">
            {t('meeting.minutes.approve')}
          </Button>
        )}
      </Group>
      {meeting.canApproveMinutes && !canApprove && current?.status === 'draft' && (
        <Text size="xs" c="dimmed" ta="end">
          {t('meeting.minutes.saveBeforeApproving')}
        </Text>
      )}
      <Modal opened={isConfirming} onClose={() => setIsConfirming(false)} title={t('meeting.minutes.approveTitle')}>
        <Stack gap="sm">
          <Text size="sm">{t('meeting.minutes.approveText')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setIsConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="green" onClick={() => void approve()} loading={isApproving} data-testid="minutes-approve-confirm">
              {t('meeting.minutes.approve')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

/** The decisions under one agenda item, and a line to add one (recorded at once, apart from the minutes' text). */
function DecisionsEditor({ meetingId, agendaItem, decisions, people, onAdded }: { meetingId: string; agendaItem: AgendaItem; decisions: Decision[]; people: Map<string, PersonRef>; onAdded: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [text, setText] = useState('');
  const [byPersonId, setByPersonId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  const add = async () => {
    if (!text.trim()) return;
    setError(null);
    setIsSaving(true);
    try {
      await meetingsApi.addDecision(meetingId, { agendaItemId: agendaItem.id, text: text.trim(), byPersonId });
      setText('');
      setByPersonId(null);
      onAdded();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <Stack gap={6} data-testid="decisions-editor">
      <Text size="sm" fw={600}>
        {t('meeting.minutes.decisions')}
      </Text>
      {decisions.length > 0 && (
        <Stack gap={4}>
          {decisions
            .sort((a, b) => a.position - b.position)
            .map((decision, i) => (
              <Text key={decision.id} size="sm" data-testid="decision-line" data-decision-id={decision.id}>
                {i + 1}. <bdi>{decision.text}</bdi>
                {decision.byPersonId && people.get(decision.byPersonId) && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    — {personName(people.get(decision.byPersonId) ?? null, locale)}
                  </Text>
                )}
              </Text>
            ))}
        </Stack>
      )}
      <Group gap="xs" align="flex-end" wrap="wrap">
        <Textarea
          className="tanzim-grow"
          size="xs"
          autosize
          minRows={1}
          label={t('meeting.minutes.newDecision')}
          dir="auto"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={error}
          data-testid="decision-text"
        />
        <Select
          size="xs"
          w={220}
          label={t('meeting.minutes.decisionBy')}
          clearable
          searchable
          value={byPersonId}
          onChange={setByPersonId}
          data={[...people.values()].map((p) => ({ value: p.id, label: personName(p, locale) }))}
          data-testid="decision-by"
          comboboxProps={{ withinPortal: true }}
        />
        <Button size="xs" variant="light" onClick={() => void add()} loading={isSaving} disabled={!text.trim()} data-testid="decision-add">
          {t('meeting.minutes.addDecision')}
        </Button>
      </Group>
    </Stack>
  );
}

function VersionHistory({
  versions,
  currentId,
  agenda,
  decisions,
  people,
}: {
  versions: Minutes[];
  currentId: string | null;
  agenda: AgendaItem[];
  decisions: Decision[];
  people: Map<string, PersonRef>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [shown, setShown] = useState<Minutes | null>(null);
  const earlier = versions.filter((v) => v.id !== currentId).sort((a, b) => b.version - a.version);
  if (earlier.length === 0) return null;
  return (
    <Paper withBorder p="md" radius="md" data-testid="minutes-versions">
      <Title order={3} size="h5" mb="xs">
        {t('meeting.minutes.history')}
      </Title>
      <Stack gap={4}>
        {earlier.map((version) => (
          <Group key={version.id} gap="xs" data-testid="minutes-version" data-version={version.version}>
            <Text size="sm">{t('meeting.minutes.version', { value: version.version })}</Text>
            <Badge color={version.status === 'approved' ? 'green' : 'yellow'} variant="light" tt="none" className="tanzim-badge">
              {version.status === 'approved' ? t('meeting.minutes.approved') : t('meeting.minutes.draft')}
            </Badge>
            {version.approvedAt && (
              <Text size="xs" c="dimmed">
                {formatDateTime(version.approvedAt, locale)}
              </Text>
            )}
            <Button size="compact-xs" variant="subtle" onClick={() => setShown(version)}>
              {t('meeting.minutes.showVersion')}
            </Button>
          </Group>
        ))}
      </Stack>
      <Modal opened={shown !== null} onClose={() => setShown(null)} size="xl" title={shown ? t('meeting.minutes.version', { value: shown.version }) : ''}>
        {shown && <MinutesView agenda={agenda} content={shown.content} decisions={decisions} people={people} />}
      </Modal>
    </Paper>
  );
}
