import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  CloseButton,
  Fieldset,
  Group,
  MultiSelect,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage, meetingsApi } from '../api/client';
import { MEETING_KINDS, MEETING_MODES, type Body, type BodyDetail, type BodyRef, type Meeting, type MeetingInput, type PersonRef } from '../api/types';
import { loadTerritory } from '../lib/caches';
import { localName } from '../lib/format';
import { agendaLine, meetingFieldErrors, meetingInputOf, moveItem, scheduleProblem, isWebLink, type MeetingField, type MeetingForm as FormState } from '../lib/meetings';
import { personName } from '../lib/people';
import { canWrite } from '../lib/rights';
import { useSession } from '../lib/session';
import { useApiData } from '../lib/useApiData';
import { useLocale } from '../lib/useLocale';
import { MeetingModeIcon } from './MeetingBadges';
import { MeetingPersonSelect } from './MeetingPersonSelect';

type FieldErrors = Partial<Record<MeetingField, string>>;

/** Bodies the user reads (their territories' subtrees), and among them those they may organize a meeting of. */
function useScopeBodies() {
  const { grants, homeCode } = useSession();
  const codes = [...new Set(grants.map((g) => (g.role === 'admin' ? 'MA' : g.scopeCode)))];
  const key = codes.sort().join(',') || homeCode;
  return useApiData(async () => {
    const lists = await Promise.all(key.split(',').map((code) => api.bodies({ territory: code })));
    const byId = new Map<string, Body>();
    for (const body of lists.flatMap((list) => list.items)) if (body.status !== 'dissolved') byId.set(body.id, body);
    return [...byId.values()];
  }, [key]);
}

/**
 * The people and bodies around the organizing body, to offer first: its current members; the body above
 * it with its members when the user may read them; and who convened its earlier meetings (the regional
 * secretariat and its secretary general, whom a provincial officer cannot otherwise look up).
 */
function useBodyCircle(bodyId: string | null) {
  return useApiData<{ body: BodyDetail; conveningBodies: BodyRef[]; members: PersonRef[]; conveners: PersonRef[]; containing: string[] } | null>(
    bodyId
      ? async () => {
          const [body, earlier] = await Promise.all([api.body(bodyId), meetingsApi.meetings({ body: bodyId, limit: EARLIER_MEETINGS }).catch(() => ({ items: [] as Meeting[] }))]);
          const territory = await loadTerritory(body.territoryCode);
          const conveningBodies = new Map<string, BodyRef>();
          const members = new Map<string, PersonRef>();
          const conveners = new Map<string, PersonRef>();
          for (const mandate of body.mandates) if (!mandate.endedOn) members.set(mandate.person.id, mandate.person);
          if (body.parent) {
            conveningBodies.set(body.parent.id, body.parent);
            const parent = await api.body(body.parent.id).catch(() => null);
            for (const mandate of parent?.mandates ?? []) if (!mandate.endedOn) conveners.set(mandate.person.id, mandate.person);
            if (parent?.parent) conveningBodies.set(parent.parent.id, parent.parent);
          }
          // One meeting read per distinct convener is enough to learn their names.
          const seen = new Set<string>();
          const distinct = earlier.items.filter((m) => {
            const key = `${m.convenedByBodyId ?? ''}/${m.convenedByPersonId ?? ''}`;
            if (key === '/' || seen.has(key)) return false;
            seen.add(key);
            return true;
          });
          const details = await Promise.all(distinct.slice(0, EARLIER_CONVENERS).map((m) => meetingsApi.meeting(m.id).catch(() => null)));
          for (const detail of details) {
            if (detail?.convenedByBody) conveningBodies.set(detail.convenedByBody.id, detail.convenedByBody);
            if (detail?.convenedByPerson) conveners.set(detail.convenedByPerson.id, detail.convenedByPerson);
          }
          for (const person of members.values()) conveners.set(person.id, person);
          // A meeting is convened from its body's level or above: the territories that contain the body's.
          const containing = [territory.code, ...territory.ancestors.map((a) => a.code)];
          return { body, conveningBodies: [...conveningBodies.values()], members: [...members.values()], conveners: [...conveners.values()], containing };
        }
      : async () => null,
    [bodyId],
  );
}

const EARLIER_MEETINGS = 50;
const EARLIER_CONVENERS = 5;

export function MeetingForm({
  initial,
  isNew,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial: FormState;
  isNew: boolean;
  submitLabel: string;
  onSubmit: (input: MeetingInput) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { grants } = useSession();
  const [form, setForm] = useState<FormState>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const scopeBodies = useScopeBodies();
  const circle = useBodyCircle(form.bodyId);
  const [writable, setWritable] = useState<Body[]>([]);

  const set = <K extends keyof FormState>(key: K, value: FormState[K], field?: MeetingField) => {
    setForm((current) => ({ ...current, [key]: value }));
    if (field) setErrors(({ [field]: _fixed, ...others }) => others);
  };

  // The organizing body is one the user may write on: their officer or administrator territories.
  useEffect(() => {
    const bodies = scopeBodies.data ?? [];
    let isCurrent = true;
    Promise.all(bodies.map((body) => loadTerritory(body.territoryCode).then((territory) => (canWrite(grants, territory.code, territory.ancestors) ? body : null), () => null))).then(
      (checked) => isCurrent && setWritable(checked.filter((b): b is Body => b !== null)),
      () => undefined,
    );
    return () => {
      isCurrent = false;
    };
  }, [scopeBodies.data, grants]);

  // A new meeting starts with the first body the user may organize, the nearest to the country first.
  useEffect(() => {
    if (!isNew || form.bodyId || writable.length === 0) return;
    const first = [...writable].sort((a, b) => a.territoryCode.length - b.territoryCode.length)[0];
    if (first) set('bodyId', first.id);
  }, [isNew, form.bodyId, writable]);

  const bodyLabel = (body: { nameAr: string; nameFr: string }) => localName(body, locale);
  const bodyOptions = useMemo(() => {
    const list = isNew ? writable : [...writable, ...(circle.data ? [circle.data.body] : [])];
    const unique = new Map(list.map((b) => [b.id, b]));
    return [...unique.values()].map((b) => ({ value: b.id, label: bodyLabel(b) }));
  }, [writable, circle.data, isNew, locale]);
  const convenerOptions = useMemo(() => {
    // The body itself, the bodies above it, then the others the user reads.
    const list = [...(circle.data ? [circle.data.body] : []), ...(circle.data?.conveningBodies ?? []), ...(scopeBodies.data ?? [])];
    const containing = new Set(circle.data?.containing ?? []);
    const unique = new Map(list.filter((b) => containing.has(b.territoryCode)).map((b) => [b.id, b]));
    return [...unique.values()].map((b) => ({ value: b.id, label: bodyLabel(b) }));
  }, [circle.data, scopeBodies.data, locale]);
  const invitedOptions = useMemo(
    () => (scopeBodies.data ?? []).filter((b) => b.id !== form.bodyId).map((b) => ({ value: b.id, label: `${bodyLabel(b)} (${localName(b.territory, locale)})` })),
    [scopeBodies.data, form.bodyId, locale],
  );
  const suggestions = circle.data?.members ?? [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const found: FieldErrors = {};
    if (!form.bodyId) found.bodyId = t('meeting.form.bodyRequired');
    if (!form.title.trim()) found.title = t('meeting.form.titleRequired');
    const problem = scheduleProblem(form.day, form.startTime, form.endTime);
    if (problem === 'date') found.day = t('meeting.form.dateRequired');
    if (problem === 'startTime') found.startTime = t('meeting.form.timeRequired');
    if (problem === 'endTime') found.endTime = t('meeting.form.timeRequired');
    if (problem === 'endBeforeStart') found.endTime = t('meeting.form.endBeforeStart');
    if (form.mode !== 'in_person' && form.videoUrl.trim() && !isWebLink(form.videoUrl)) found.videoUrl = t('meeting.form.videoUrlInvalid');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const { bodyId, ...input } = meetingInputOf(form);
    setIsSaving(true);
    try {
      await onSubmit({ ...input, bodyId: bodyId ?? '' });
    } catch (caught) {
      setErrors(meetingFieldErrors(caught));
      setError(errorMessage(caught));
    } finally {
      setIsSaving(false);
    }
  };

  const setLine = (index: number, changes: Partial<FormState['agenda'][number]>) =>
    set(
      'agenda',
      form.agenda.map((line, i) => (i === index ? { ...line, ...changes } : line)),
      'agenda',
    );

  return (
    <form onSubmit={(event) => void submit(event)} data-testid="meeting-form" noValidate>
      <Stack gap="md">
        <Fieldset legend={t('meeting.form.what')} variant="unstyled">
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Select
                data-testid="meeting-body"
                label={t('meeting.body')}
                required
                disabled={!isNew}
                allowDeselect={false}
                searchable
                value={form.bodyId}
                onChange={(value) => set('bodyId', value, 'bodyId')}
                data={bodyOptions}
                error={errors.bodyId}
                nothingFoundMessage={t('common.noResults')}
              />
              <Select
                data-testid="meeting-kind"
                label={t('meeting.kind')}
                required
                allowDeselect={false}
                value={form.kind}
                onChange={(value) => value && set('kind', value as FormState['kind'], 'kind')}
                data={MEETING_KINDS.map((kind) => ({ value: kind, label: t(`meetingKind.${kind}`) }))}
                error={errors.kind}
              />
            </SimpleGrid>
            <TextInput data-testid="meeting-title" label={t('meeting.title')} dir="auto" required value={form.title} onChange={(e) => set('title', e.currentTarget.value, 'title')} error={errors.title} />
            <Textarea data-testid="meeting-purpose" label={t('meeting.purpose')} dir="auto" autosize minRows={2} value={form.purpose} onChange={(e) => set('purpose', e.currentTarget.value, 'purpose')} error={errors.purpose} />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('meeting.form.who')} variant="unstyled">
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Select
                data-testid="meeting-convened-by-body"
                label={t('meeting.form.convenerBody')}
                description={t('meeting.form.convenerBodyHint')}
                searchable
                clearable
                value={form.convenedByBodyId}
                onChange={(value) => set('convenedByBodyId', value, 'convenedByBody')}
                data={convenerOptions}
                error={errors.convenedByBody}
                nothingFoundMessage={t('common.noResults')}
                comboboxProps={{ withinPortal: true }}
              />
              <MeetingPersonSelect
                testId="meeting-convened-by-person"
                label={t('meeting.form.convenerPerson')}
                description={t('meeting.form.convenerPersonHint')}
                value={form.convenedByPerson?.id ?? null}
                initial={form.convenedByPerson}
                onChange={(person) => set('convenedByPerson', person, 'convenedByPerson')}
                suggestions={circle.data?.conveners ?? []}
                error={errors.convenedByPerson}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <MeetingPersonSelect
                testId="meeting-chair"
                label={t('meeting.chair')}
                value={form.chair?.id ?? null}
                initial={form.chair}
                onChange={(person) => set('chair', person, 'chair')}
                suggestions={suggestions}
                error={errors.chair}
                description={t('meeting.form.chairHint')}
              />
              <MeetingPersonSelect
                testId="meeting-secretary"
                label={t('meeting.secretary')}
                value={form.secretary?.id ?? null}
                initial={form.secretary}
                onChange={(person) => set('secretary', person, 'secretary')}
                suggestions={suggestions}
                error={errors.secretary}
                description={t('meeting.form.secretaryHint')}
              />
            </SimpleGrid>
          </Stack>
        </Fieldset>

        <Fieldset legend={t('meeting.form.when')} variant="unstyled">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput data-testid="meeting-day" type="date" dir="ltr" label={t('meeting.day')} required value={form.day} onChange={(e) => set('day', e.currentTarget.value, 'day')} error={errors.day} />
            <TextInput data-testid="meeting-start" type="time" dir="ltr" label={t('meeting.startTime')} required value={form.startTime} onChange={(e) => set('startTime', e.currentTarget.value, 'startTime')} error={errors.startTime} />
            <TextInput data-testid="meeting-end" type="time" dir="ltr" label={t('meeting.endTime')} required value={form.endTime} onChange={(e) => set('endTime', e.currentTarget.value, 'endTime')} error={errors.endTime} />
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt={4}>
            {t('meeting.form.moroccanTime')}
          </Text>
        </Fieldset>

        <Fieldset legend={t('meeting.form.where')} variant="unstyled">
          <Stack gap="sm">
            <SegmentedControl
              value={form.mode}
              onChange={(value) => set('mode', value as FormState['mode'], 'mode')}
              data={MEETING_MODES.map((mode) => ({
                value: mode,
                label: (
                  <Group gap={6} justify="center" wrap="nowrap" data-mode={mode}>
                    <MeetingModeIcon mode={mode} />
                    <span>{t(`meetingMode.${mode}`)}</span>
                  </Group>
                ),
              }))}
              data-testid="meeting-mode-input"
            />
            {form.mode !== 'remote' && (
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput data-testid="meeting-place" label={t('meeting.place')} dir="auto" value={form.place} onChange={(e) => set('place', e.currentTarget.value, 'place')} error={errors.place} />
                <TextInput data-testid="meeting-address" label={t('meeting.address')} dir="auto" value={form.address} onChange={(e) => set('address', e.currentTarget.value, 'address')} error={errors.address} />
              </SimpleGrid>
            )}
            {form.mode !== 'in_person' && (
              <TextInput
                data-testid="meeting-video-url"
                label={t('meeting.videoUrl')}
                description={t('meeting.form.videoUrlHint')}
                placeholder="https://"
                dir="ltr"
                value={form.videoUrl}
                onChange={(e) => set('videoUrl', e.currentTarget.value, 'videoUrl')}
                error={errors.videoUrl}
              />
            )}
          </Stack>
        </Fieldset>

        <Fieldset legend={t('meeting.agenda')} variant="unstyled">
          <Stack gap="xs" data-testid="meeting-agenda-input">
            {form.agenda.map((line, index) => (
              <Paper key={line.key} withBorder p="xs" radius="sm" data-testid="agenda-line">
                <Group gap="xs" align="flex-start" wrap="nowrap">
                  <Badge variant="light" color="gray" mt={8} className="tanzim-badge">
                    {index + 1}
                  </Badge>
                  <Stack gap={4} style={{ flex: 1 }}>
                    <TextInput
                      aria-label={t('meeting.form.agendaItemTitle', { value: index + 1 })}
                      placeholder={t('meeting.form.agendaItemTitlePlaceholder')}
                      dir="auto"
                      value={line.title}
                      onChange={(e) => setLine(index, { title: e.currentTarget.value })}
                      data-testid="agenda-title"
                    />
                    <Textarea
                      aria-label={t('meeting.form.agendaItemDescription')}
                      placeholder={t('meeting.form.agendaItemDescription')}
                      dir="auto"
                      autosize
                      minRows={1}
                      value={line.description}
                      onChange={(e) => setLine(index, { description: e.currentTarget.value })}
                      data-testid="agenda-description"
                    />
                  </Stack>
                  <Group gap={2} wrap="nowrap">
                    <ActionIcon variant="subtle" color="gray" disabled={index === 0} onClick={() => set('agenda', moveItem(form.agenda, index, index - 1), 'agenda')} aria-label={t('meeting.form.moveUp')} data-testid="agenda-up">
                      ↑
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      disabled={index === form.agenda.length - 1}
                      onClick={() => set('agenda', moveItem(form.agenda, index, index + 1), 'agenda')}
                      aria-label={t('meeting.form.moveDown')}
                      data-testid="agenda-down"
                    >
                      ↓
                    </ActionIcon>
                    <CloseButton onClick={() => set('agenda', form.agenda.filter((_, i) => i !== index), 'agenda')} aria-label={t('meeting.form.removeItem')} data-testid="agenda-remove" />
                  </Group>
                </Group>
              </Paper>
            ))}
            {errors.agenda && (
              <Text size="xs" c="red" data-testid="agenda-error">
                {errors.agenda}
              </Text>
            )}
            <Group>
              <Button variant="light" size="xs" onClick={() => set('agenda', [...form.agenda, agendaLine()], 'agenda')} data-testid="agenda-add">
                {t('meeting.form.addItem')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>

        <Fieldset legend={t('meeting.form.invited')} variant="unstyled">
          <Stack gap="sm">
            <Text size="xs" c="dimmed">
              {t('meeting.form.invitedHint')}
            </Text>
            <MultiSelect
              data-testid="meeting-invited-bodies"
              label={t('meeting.invitedBodies')}
              searchable
              clearable
              value={form.invitedBodyIds}
              onChange={(value) => set('invitedBodyIds', value, 'invitedBodyIds')}
              data={invitedOptions}
              error={errors.invitedBodyIds}
              nothingFoundMessage={t('common.noResults')}
              comboboxProps={{ withinPortal: true }}
            />
            <MeetingPersonSelect
              testId="meeting-guest-picker"
              label={t('meeting.form.addGuest')}
              value={null}
              onChange={(person) => person && !form.guests.some((g) => g.id === person.id) && set('guests', [...form.guests, person], 'guests')}
              suggestions={[]}
              exclude={form.guests.map((g) => g.id)}
              error={errors.guests}
            />
            {form.guests.length > 0 && (
              <Group gap="xs" data-testid="meeting-guests">
                {form.guests.map((guest) => (
                  <Badge
                    key={guest.id}
                    variant="light"
                    tt="none"
                    size="lg"
                    data-person-id={guest.id}
                    rightSection={<CloseButton size="xs" onClick={() => set('guests', form.guests.filter((g) => g.id !== guest.id), 'guests')} aria-label={t('meeting.form.removeGuest')} />}
                  >
                    {personName(guest, locale)}
                  </Badge>
                ))}
              </Group>
            )}
          </Stack>
        </Fieldset>

        {error && (
          <Alert color="red" data-testid="form-error">
            <Text size="sm">{error}</Text>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={isSaving} data-testid="meeting-submit">
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
