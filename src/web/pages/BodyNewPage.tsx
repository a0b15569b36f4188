import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api, errorMessage } from '../api/client';
import type { Body, BodyKind, BodyStatus, Sector, Territory } from '../api/types';
import { WriteGate } from '../components/Feedback';
import { TerritoryPicker } from '../components/TerritoryPicker';
import { BODY_KINDS, initialStatusOf, levelOfCode, SECTORS, suggestedNames, usualKindAt } from '../lib/bodies';
import { useBodyKinds } from '../lib/caches';
import { todayIso } from '../lib/dates';
import { localName } from '../lib/format';
import { useLocale } from '../lib/useLocale';
import i18n from '../i18n';

function kindLabels(kind: BodyKind, sector: Sector | null) {
  const ar = i18n.getFixedT('ar');
  const fr = i18n.getFixedT('fr');
  if (!sector) return { ar: ar(`bodyKind.${kind}`), fr: fr(`bodyKind.${kind}`) };
  return { ar: `${ar(`bodyKind.${kind}`)} (${ar(`sector.${sector}`)})`, fr: `${fr(`bodyKind.${kind}`)} (${fr(`sector.${sector}`)})` };
}

export function BodyNewPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" data-testid="body-new-page">
      <Title order={2}>{t('body.new')}</Title>
      <WriteGate>
        <BodyForm />
      </WriteGate>
    </Stack>
  );
}

function BodyForm() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const kinds = useBodyKinds();
  const initialTerritory = params.get('territory');

  const [kind, setKind] = useState<BodyKind>(initialTerritory ? usualKindAt(levelOfCode(initialTerritory)) : 'preparatory_committee');
  const [sector, setSector] = useState<Sector | null>(null);
  const [territoryCode, setTerritoryCode] = useState<string | null>(initialTerritory);
  const [territory, setTerritory] = useState<Territory | null>(null);
  const [parentId, setParentId] = useState<string | null>(null);
  const [parentOptions, setParentOptions] = useState<Body[]>([]);
  const [nameAr, setNameAr] = useState('');
  const [nameFr, setNameFr] = useState('');
  const [areNamesEdited, setAreNamesEdited] = useState(false);
  const [status, setStatus] = useState<BodyStatus>(initialStatusOf(kind));
  const [statusDate, setStatusDate] = useState(todayIso());
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  const declaration = kinds.find((k) => k.kind === kind);
  const levels = declaration?.levels;

  // The territory picked from a link is looked up once for its name and ancestors.
  useEffect(() => {
    if (!territoryCode) {
      setTerritory(null);
      return;
    }
    if (territory?.code === territoryCode) return;
    let isCurrent = true;
    api.territory(territoryCode).then(
      (found) => isCurrent && setTerritory(found),
      () => undefined,
    );
    return () => {
      isCurrent = false;
    };
  }, [territoryCode, territory?.code]);

  // Parent candidates: bodies of the kinds allowed as parent, on the territory itself or one that contains it.
  useEffect(() => {
    setParentOptions([]);
    if (!territoryCode || !declaration || declaration.parentKinds.length === 0) {
      setParentId(null);
      return;
    }
    let isCurrent = true;
    const parentKinds = declaration.parentKinds;
    const load = async () => {
      const detail = await api.territory(territoryCode);
      const lists = await Promise.all(parentKinds.map((parentKind) => api.bodies({ territory: 'MA', kind: parentKind })));
      const depth = new Map<string, number>(detail.ancestors.map((a, i) => [a.code, i]));
      depth.set(detail.code, detail.ancestors.length);
      return lists
        .flatMap((list) => list.items)
        .filter((body) => depth.has(body.territoryCode) && body.status !== 'dissolved')
        // The nearest body first: a province's secretariat before the region's.
        .sort((a, b) => (depth.get(b.territoryCode) ?? 0) - (depth.get(a.territoryCode) ?? 0));
    };
    load().then(
      (candidates) => {
        if (!isCurrent) return;
        setParentOptions(candidates);
        setParentId((current) => (current && candidates.some((c) => c.id === current) ? current : (candidates[0]?.id ?? null)));
      },
      () => undefined,
    );
    return () => {
      isCurrent = false;
    };
  }, [territoryCode, declaration]);

  useEffect(() => {
    if (areNamesEdited || !territory || territory.code !== territoryCode) return;
    const labels = kindLabels(kind, sector);
    const names = suggestedNames(labels.ar, labels.fr, territory);
    setNameAr(names.nameAr);
    setNameFr(names.nameFr);
  }, [kind, sector, territory, territoryCode, areNamesEdited]);

  const kindOptions = useMemo(
    () => (kinds.length > 0 ? kinds.map((k) => k.kind) : BODY_KINDS).map((k) => ({ value: k, label: t(`bodyKind.${k}`) })),
    [kinds, t],
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!territoryCode) {
      setError(t('body.territoryRequired'));
      return;
    }
    setError(null);
    setIsSaving(true);
    try {
      const body = await api.createBody({
        kind,
        sector: kind === 'sector_body' ? sector : null,
        territoryCode,
        parentId,
        nameAr: nameAr.trim(),
        nameFr: nameFr.trim(),
        status,
        statusDate,
      });
      navigate(`/bodies/${body.id}`);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <Paper withBorder p="md" radius="md" maw={760}>
      <form onSubmit={(event) => void submit(event)} data-testid="body-form">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              data-testid="body-kind"
              label={t('body.kind')}
              required
              allowDeselect={false}
              value={kind}
              onChange={(value) => {
                if (!value) return;
                const next = value as BodyKind;
                setKind(next);
                setStatus(initialStatusOf(next));
              }}
              data={kindOptions}
            />
            {kind === 'sector_body' && (
              <Select
                data-testid="body-sector"
                label={t('body.sector')}
                required
                value={sector}
                onChange={(value) => setSector(value as Sector | null)}
                data={SECTORS.map((s) => ({ value: s, label: t(`sector.${s}`) }))}
              />
            )}
          </SimpleGrid>
          <TerritoryPicker
            label={t('body.territory')}
            required
            levels={levels}
            description={levels ? levels.map((l) => t(`level.${l}`)).join(' · ') : undefined}
            value={territoryCode}
            onChange={(code, picked) => {
              setTerritoryCode(code);
              setTerritory(picked);
            }}
            testId="body-territory"
          />
          <Select
            data-testid="body-parent"
            label={t('body.parent')}
            placeholder={parentOptions.length === 0 ? t('body.noParentCandidate') : undefined}
            clearable
            value={parentId}
            onChange={setParentId}
            data={parentOptions.map((body) => ({
              value: body.id,
              label: `${localName(body, locale)} (${localName(body.territory, locale)})`,
            }))}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              data-testid="body-name-ar"
              label={t('body.nameAr')}
              required
              dir="rtl"
              lang="ar"
              value={nameAr}
              onChange={(event) => {
                setAreNamesEdited(true);
                setNameAr(event.currentTarget.value);
              }}
            />
            <TextInput
              data-testid="body-name-fr"
              label={t('body.nameFr')}
              required
              dir="ltr"
              lang="fr"
              value={nameFr}
              onChange={(event) => {
                setAreNamesEdited(true);
                setNameFr(event.currentTarget.value);
              }}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              data-testid="body-status-input"
              label={t('body.status')}
              allowDeselect={false}
              value={status}
              onChange={(value) => value && setStatus(value as BodyStatus)}
              data={(['preparatory', 'constituted'] as const).map((s) => ({ value: s, label: t(`bodyStatus.${s}`) }))}
            />
            <TextInput
              data-testid="body-status-date"
              type="date"
              label={t('body.statusDate')}
              required
              value={statusDate}
              onChange={(event) => setStatusDate(event.currentTarget.value)}
            />
          </SimpleGrid>
          {error && (
            <Alert color="red" data-testid="form-error">
              <Text size="sm">{error}</Text>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => navigate(-1)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={isSaving} data-testid="body-submit">
              {t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
