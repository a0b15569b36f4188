import { Alert, Button, Group, Modal, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, meetingsApi } from '../api/client';
import { ACTION_STATUSES, type Action, type ActionStatus, type BodyRef, type Decision, type PersonRef } from '../api/types';
import { localName } from '../lib/format';
import { useLocale } from '../lib/useLocale';
import { MeetingPersonSelect } from './MeetingPersonSelect';

/** A new action from a decision: what, who answers for it (a person or a body), by when. */
export function NewActionModal({
  decision,
  people,
  bodies,
  onClose,
  onDone,
}: {
  decision: Decision | null;
  people: readonly PersonRef[];
  bodies: readonly BodyRef[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [title, setTitle] = useState(decision?.text ?? '');
  const [ownerKind, setOwnerKind] = useState<'person' | 'body'>('person');
  const [owner, setOwner] = useState<PersonRef | null>(null);
  const [ownerBodyId, setOwnerBodyId] = useState<string | null>(null);
  const [dueOn, setDueOn] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!decision) return;
    setError(null);
    setIsSaving(true);
    try {
      await meetingsApi.createAction({
        decisionId: decision.id,
        title: title.trim(),
        ownerPersonId: ownerKind === 'person' ? (owner?.id ?? null) : null,
        ownerBodyId: ownerKind === 'body' ? ownerBodyId : null,
        dueOn: dueOn || null,
      });
      onDone();
      onClose();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <Modal opened={decision !== null} onClose={onClose} title={t('actions.new')} size="lg">
      <form onSubmit={(event) => void submit(event)} data-testid="action-form">
        <Stack gap="sm">
          {decision && (
            <Text size="sm" c="dimmed">
              {t('actions.fromDecision')}
              <bdi>{decision.text}</bdi>
            </Text>
          )}
          <Textarea label={t('actions.title')} dir="auto" required autosize minRows={2} value={title} onChange={(e) => setTitle(e.currentTarget.value)} data-testid="action-title" />
          <SegmentedControl
            size="xs"
            value={ownerKind}
            onChange={(value) => setOwnerKind(value === 'body' ? 'body' : 'person')}
            data={[
              { value: 'person', label: t('actions.ownerPerson') },
              { value: 'body', label: t('actions.ownerBody') },
            ]}
            data-testid="action-owner-kind"
          />
          {ownerKind === 'person' ? (
            <MeetingPersonSelect testId="action-owner-person" label={t('actions.owner')} value={owner?.id ?? null} onChange={setOwner} suggestions={people} />
          ) : (
            <Select
              label={t('actions.owner')}
              searchable
              clearable
              value={ownerBodyId}
              onChange={setOwnerBodyId}
              data={bodies.map((body) => ({ value: body.id, label: localName(body, locale) }))}
              data-testid="action-owner-body"
              comboboxProps={{ withinPortal: true }}
            />
          )}
          <TextInput type="date" dir="ltr" label={t('actions.dueOn')} value={dueOn} onChange={(e) => setDueOn(e.currentTarget.value)} data-testid="action-due" w={220} />
          {error && (
            <Alert color="red" data-testid="form-error">
              <Text size="sm">{error}</Text>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={isSaving} disabled={!title.trim()} data-testid="action-submit">
              {t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** A change of an action's status, with a note saying why or what was done. */
export function ActionStatusModal({ action, onClose, onDone }: { action: Action | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ActionStatus>(action?.status ?? 'open');
  const [note, setNote] = useState(action?.statusNote ?? '');
  const [dueOn, setDueOn] = useState(action?.dueOn ?? '');
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!action) return;
    setError(null);
    setIsSaving(true);
    try {
      await meetingsApi.updateAction(action.id, { status, statusNote: note.trim() || null, dueOn: dueOn || null });
      onDone();
      onClose();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <Modal opened={action !== null} onClose={onClose} title={t('actions.changeTitle')} size="lg">
      <form onSubmit={(event) => void submit(event)} data-testid="action-status-form">
        <Stack gap="sm">
          {action && <Text size="sm">{action.title}</Text>}
          <SegmentedControl value={status} onChange={(value) => setStatus(value as ActionStatus)} data={ACTION_STATUSES.map((s) => ({ value: s, label: t(`actionStatus.${s}`) }))} data-testid="action-status-input" />
          <Textarea label={t('actions.note')} dir="auto" autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} data-testid="action-note-input" />
          <TextInput type="date" dir="ltr" label={t('actions.dueOn')} value={dueOn} onChange={(e) => setDueOn(e.currentTarget.value)} w={220} />
          {error && (
            <Alert color="red" data-testid="form-error">
              <Text size="sm">{error}</Text>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={isSaving} data-testid="action-status-submit">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
