import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../api/client';
import type { Body, BodyDetail, BodyKindPosition, BodyStatus, Mandate } from '../api/types';
import { nextStatuses } from '../lib/bodies';
import { todayIso } from '../lib/dates';
import { personName } from '../lib/people';
import { useLocale } from '../lib/useLocale';
import { PersonPicker } from './PersonPicker';

interface ActionModalProps {
  opened: boolean;
  onClose: () => void;
}

/** A modal form that shows the server's refusal inline and closes on success. */
function ActionForm({
  title,
  opened,
  onClose,
  onSubmit,
  submitLabel,
  testId,
  children,
}: ActionModalProps & {
  title: string;
  onSubmit: () => Promise<void>;
  submitLabel: string;
  testId: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setIsSaving(true);
    try {
      await onSubmit();
      onClose();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setIsSaving(false);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={title} data-testid={testId} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={(event) => void submit(event)}>
        <Stack gap="sm">
          {children}
          {error && (
            <Alert color="red" data-testid="form-error">
              <Text size="sm">{error}</Text>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={isSaving} data-testid={`${testId}-submit`}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function DateInput({ label, value, onChange, testId }: { label: string; value: string; onChange: (v: string) => void; testId: string }) {
  return (
    <TextInput
      type="date"
      required
      label={label}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      data-testid={testId}
    />
  );
}

const saved = (message: string) => notifications.show({ color: 'green', message });

export function StatusModal({ body, opened, onClose, onDone }: ActionModalProps & { body: BodyDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const options = nextStatuses(body.kind, body.status);
  const [status, setStatus] = useState<BodyStatus | null>(options[0] ?? null);
  const [date, setDate] = useState(todayIso());
  const [note, setNote] = useState('');
  return (
    <ActionForm
      title={t('body.changeStatus')}
      opened={opened}
      onClose={onClose}
      submitLabel={t('common.save')}
      testId="status-modal"
      onSubmit={async () => {
        if (!status) throw new Error(t('body.noStatusChange'));
        await api.changeBodyStatus(body.id, { status, date, note: note.trim() || undefined });
        saved(t('body.statusChanged'));
        onDone();
      }}
    >
      <Select
        label={t('body.status')}
        allowDeselect={false}
        value={status}
        onChange={(value) => value && setStatus(value as BodyStatus)}
        data={options.map((s) => ({ value: s, label: t(`bodyStatus.${s}`) }))}
        data-testid="status-select"
        comboboxProps={{ withinPortal: false }}
      />
      <DateInput label={t('common.date')} value={date} onChange={setDate} testId="status-date" />
      <Textarea label={t('body.note')} value={note} onChange={(event) => setNote(event.currentTarget.value)} autosize minRows={2} />
    </ActionForm>
  );
}

export function RenameModal({ body, opened, onClose, onDone }: ActionModalProps & { body: BodyDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const [nameAr, setNameAr] = useState(body.nameAr);
  const [nameFr, setNameFr] = useState(body.nameFr);
  return (
    <ActionForm
      title={t('body.rename')}
      opened={opened}
      onClose={onClose}
      submitLabel={t('common.save')}
      testId="rename-modal"
      onSubmit={async () => {
        await api.renameBody(body.id, { nameAr: nameAr.trim(), nameFr: nameFr.trim() });
        saved(t('common.saved'));
        onDone();
      }}
    >
      <TextInput label={t('body.nameAr')} required dir="rtl" lang="ar" value={nameAr} onChange={(e) => setNameAr(e.currentTarget.value)} />
      <TextInput label={t('body.nameFr')} required dir="ltr" lang="fr" value={nameFr} onChange={(e) => setNameFr(e.currentTarget.value)} />
    </ActionForm>
  );
}

export function ConstituteModal({
  body,
  opened,
  onClose,
  onDone,
}: ActionModalProps & { body: BodyDetail; onDone: (successor: Body) => void }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(todayIso());
  const [nameAr, setNameAr] = useState('');
  const [nameFr, setNameFr] = useState('');
  return (
    <ActionForm
      title={t('body.constitute')}
      opened={opened}
      onClose={onClose}
      submitLabel={t('body.constitute')}
      testId="constitute-modal"
      onSubmit={async () => {
        const successor = await api.constituteBody(body.id, {
          date,
          nameAr: nameAr.trim() || undefined,
          nameFr: nameFr.trim() || undefined,
        });
        saved(t('body.constituted'));
        onDone(successor);
      }}
    >
      <Text size="sm" c="dimmed">
        {t('body.constituteHint')}
      </Text>
      <DateInput label={t('common.date')} value={date} onChange={setDate} testId="constitute-date" />
      <TextInput
        label={t('body.newNameAr')}
        placeholder={t('body.keepSuggested')}
        dir="rtl"
        lang="ar"
        value={nameAr}
        onChange={(e) => setNameAr(e.currentTarget.value)}
      />
      <TextInput
        label={t('body.newNameFr')}
        placeholder={t('body.keepSuggested')}
        dir="ltr"
        lang="fr"
        value={nameFr}
        onChange={(e) => setNameFr(e.currentTarget.value)}
      />
    </ActionForm>
  );
}

export function AddMandateModal({
  body,
  positions,
  opened,
  onClose,
  onDone,
}: ActionModalProps & { body: BodyDetail; positions: BodyKindPosition[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [personId, setPersonId] = useState<string | null>(null);
  const [position, setPosition] = useState<string | null>(null);
  const [startedOn, setStartedOn] = useState(todayIso());
  const single = positions.find((p) => p.code === position)?.isSingle ?? false;
  const holder = body.mandates.find((m) => m.position === position && m.endedOn === null);
  const locale = useLocale();
  return (
    <ActionForm
      title={t('mandate.add')}
      opened={opened}
      onClose={onClose}
      submitLabel={t('mandate.add')}
      testId="mandate-modal"
      onSubmit={async () => {
        if (!personId || !position) throw new Error(t('mandate.missingFields'));
        await api.createMandate({ bodyId: body.id, personId, position, startedOn });
        saved(t('mandate.added'));
        onDone();
      }}
    >
      <PersonPicker value={personId} onChange={(id) => setPersonId(id)} required territoryCode={body.territoryCode} />
      <Select
        data-testid="mandate-position"
        label={t('mandate.position')}
        required
        value={position}
        onChange={setPosition}
        data={positions.map((p) => ({ value: p.code, label: t(`position.${p.code}`) }))}
        comboboxProps={{ withinPortal: false }}
      />
      {single && holder && (
        <Text size="xs" c="orange" data-testid="mandate-replaces">
          {t('mandate.replaces', { name: personName(holder.person, locale) })}
        </Text>
      )}
      <DateInput label={t('mandate.startedOn')} value={startedOn} onChange={setStartedOn} testId="mandate-start" />
    </ActionForm>
  );
}

export function EndMandateModal({
  mandate,
  onClose,
  onDone,
}: {
  mandate: Mandate | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [endedOn, setEndedOn] = useState(todayIso());
  return (
    <ActionForm
      title={t('mandate.end')}
      opened={mandate !== null}
      onClose={onClose}
      submitLabel={t('mandate.end')}
      testId="end-mandate-modal"
      onSubmit={async () => {
        if (!mandate) return;
        await api.endMandate(mandate.id, endedOn);
        saved(t('mandate.ended'));
        onDone();
      }}
    >
      {mandate && (
        <Text size="sm">
          {personName(mandate.person, locale)} · {t(`position.${mandate.position}`)}
        </Text>
      )}
      <DateInput label={t('mandate.endedOn')} value={endedOn} onChange={setEndedOn} testId="mandate-end-date" />
    </ActionForm>
  );
}
