import { Alert, Anchor, Button, Grid, Group, List, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../api/client';
import type { CommuneCoverage, Coverage, CoverageTotals, TerritoryDetail, TerritoryMap } from '../api/types';
import { CommuneDrawer } from '../components/CommuneDrawer';
import { CoverageMap, MapLegend, type MapArea } from '../components/CoverageMap';
import { EmptyText, ErrorAlert, Loading, SignInGate, WriteGate } from '../components/Feedback';
import { LevelBadge } from '../components/LevelBadge';
import { BodyStatusBadge, COVERAGE_COLORS, CoverageStatusBadge } from '../components/StatusBadge';
import { TerritoryBreadcrumb } from '../components/TerritoryBreadcrumb';
import { loadTerritory, useTerritories } from '../lib/caches';
import { canReadAll } from '../lib/rights';
import { coveredCount, shareColor, shareStepRanges } from '../lib/coverage';
import { formatNumber, formatShare, localName } from '../lib/format';
import { useSession } from '../lib/session';
import { useApiData } from '../lib/useApiData';
import { useLocale } from '../lib/useLocale';

const NEXT_STEPS_SHOWN = 10;
/** Areas outside the user's territories: left white, outlined (see .is-outside). */
const OUTSIDE_FILL = '#ffffff';

/** 9-digit codes are communes, which have no map of children of their own. */
const isCommuneCode = (code: string) => /^\d{9}$/.test(code);

export function CoveragePage() {
  return (
    <SignInGate>
      <CoverageLoader />
    </SignInGate>
  );
}

function CoverageLoader() {
  const { code: codeParam } = useParams();
  const { homeCode } = useSession();
  // Without a code in the address, the user lands on the territory they are in charge of.
  const code = codeParam ?? homeCode;

  const coverage = useApiData(() => api.coverage(code), [code]);
  const detail = useApiData(() => loadTerritory(code), [code]);
  const map = useApiData(!isCommuneCode(code) ? () => api.territoryMap(code) : null, [code]);

  if (coverage.isLoading) return <Loading />;
  if (coverage.error || !coverage.data) return <ErrorAlert error={coverage.error} onRetry={coverage.reload} isScoped />;
  return (
    <CoverageView
      key={code}
      coverage={coverage.data}
      detail={detail.data}
      map={map.data}
      mapError={map.error}
      isMapLoading={map.isLoading && !isCommuneCode(code)}
    />
  );
}

function CoverageView({
  coverage,
  detail,
  map,
  mapError,
  isMapLoading,
}: {
  coverage: Coverage;
  detail: TerritoryDetail | undefined;
  map: TerritoryMap | undefined;
  mapError: unknown;
  isMapLoading: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const [selectedCode, setSelectedCode] = useState<string | null>(null);
  const { territory, totals } = coverage;
  const isProvince = territory.level === 'province';
  const isCommune = territory.level === 'commune';

  const { grants } = useSession();
  // A user in charge of part of this territory sees only that part: counted, listed and coloured.
  const isPartial = detail !== undefined && detail.code === territory.code && !canReadAll(grants, territory.code, detail.ancestors);
  const grantTerritories = useTerritories(isPartial ? grants.map((g) => g.scopeCode) : []);
  const visibleParts = [...grantTerritories.values()].filter((g) => g.ancestors.some((a) => a.code === territory.code));
  const outsideArea: MapArea = { fill: OUTSIDE_FILL, title: t('coverage.outsideScope'), isOutside: true };

  const communesByCode = useMemo(() => new Map(coverage.communes.map((c) => [c.code, c])), [coverage.communes]);
  const childrenByCode = useMemo(() => new Map(coverage.children.map((c) => [c.code, c])), [coverage.children]);
  const selectedCommune = selectedCode ? (communesByCode.get(selectedCode) ?? null) : null;

  const childTitle = (name: string, childTotals: CoverageTotals) =>
    `${name} — ${formatNumber(coveredCount(childTotals), locale)} / ${formatNumber(childTotals.communes, locale)} (${formatShare(childTotals.coveredShare, locale)})`;

  const areaOf = (code: string): MapArea | undefined => {
    if (map?.childLevel === 'commune') {
      const commune = communesByCode.get(code);
      if (!commune) return isPartial ? outsideArea : undefined;
      return {
        fill: COVERAGE_COLORS[commune.status],
        status: commune.status,
        title: `${localName(commune, locale)} — ${t(`coverageStatus.${commune.status}`)}`,
      };
    }
    const child = childrenByCode.get(code);
    if (!child) return isPartial ? outsideArea : undefined;
    return {
      fill: shareColor(child.totals.coveredShare),
      title: childTitle(localName(child, locale), child.totals),
    };
  };

  const openArea = (code: string) => {
    if (areaOf(code)?.isOutside) return;
    if (isProvince) setSelectedCode(code);
    else navigate(`/coverage/${code}`);
  };

  const legendItems = [
    ...(map?.childLevel === 'commune'
      ? (['constituted', 'preparatory', 'none'] as const).map((status) => ({
          color: COVERAGE_COLORS[status],
          label: t(`coverageStatus.${status}`),
        }))
      : shareStepRanges().map((step) => ({
          color: step.color,
          label: step.from === step.to ? t('coverage.shareExactly', { value: step.from }) : t('coverage.shareRange', step),
        }))),
    ...(isPartial ? [{ color: OUTSIDE_FILL, label: t('coverage.outsideScope') }] : []),
  ];

  return (
    <Stack gap="md" data-testid="coverage-page" data-code={territory.code}>
      {detail && <TerritoryBreadcrumb ancestors={detail.ancestors} current={detail} hrefOf={(code) => `/coverage/${code}`} />}
      <Group justify="space-between" align="flex-end">
        <Group gap="sm" align="center">
          <Title order={2} data-testid="coverage-title">
            {localName(territory, locale)}
          </Title>
          <LevelBadge level={territory.level} />
        </Group>
        <Group gap="xs">
          <Button component={Link} to={`/territories/${territory.code}`} variant="default" size="xs">
            {t('territory.details')}
          </Button>
          <Button component={Link} to={`/bodies?territory=${territory.code}`} variant="default" size="xs">
            {t('coverage.bodiesHere')}
          </Button>
        </Group>
      </Group>

      {isPartial && (
        <Alert color="blue" variant="light" data-testid="partial-scope">
          <Text size="sm">
            {visibleParts.length > 0
              ? t('coverage.partialScopeOf', { names: visibleParts.map((p) => localName(p, locale)).join(locale === 'ar' ? '، ' : ', ') })
              : t('coverage.partialScope')}
          </Text>
        </Alert>
      )}

      <CoverageFigures totals={totals} />

      {isCommune ? (
        <CommuneSummary commune={coverage.communes[0]} />
      ) : (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: isProvince ? 7 : 6 }}>
            <Paper withBorder p="sm" radius="md">
              {isMapLoading && <Loading />}
              {!isMapLoading && mapError !== undefined && <ErrorAlert error={mapError} />}
              {!isMapLoading && map && map.topology === null && (
                <Text size="sm" c="dimmed" data-testid="map-missing">
                  {t('coverage.noBoundaries')}
                </Text>
              )}
              {!isMapLoading && map && map.topology !== null && (
                <Stack gap="xs">
                  <CoverageMap
                    topology={map.topology}
                    object={map.object}
                    areaOf={areaOf}
                    onSelect={openArea}
                    selectedCode={selectedCode}
                    label={t('coverage.mapLabel', { name: localName(territory, locale) })}
                  />
                  <MapLegend
                    items={legendItems}
                    title={map.childLevel === 'commune' ? t('coverage.legendStatus') : t('coverage.legendShare')}
                  />
                </Stack>
              )}
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: isProvince ? 5 : 6 }}>
            <Stack gap="md">
              {isProvince ? (
                <CommuneTable communes={coverage.communes} onOpen={setSelectedCode} />
              ) : (
                <ChildrenTable coverage={coverage} />
              )}
            </Stack>
          </Grid.Col>
        </Grid>
      )}

      {!isCommune && (
        <NextSteps coverage={coverage} onOpen={(code) => (isProvince ? setSelectedCode(code) : navigate(`/coverage/${code}`))} />
      )}

      <CommuneDrawer commune={selectedCommune} onClose={() => setSelectedCode(null)} />
    </Stack>
  );
}

/** A share of members as a percentage, or a dash when there are none to share. */
function shareOf(part: number, whole: number, locale: ReturnType<typeof useLocale>): string {
  return whole > 0 ? formatShare(part / whole, locale) : '—';
}

function CoverageFigures({ totals }: { totals: CoverageTotals }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const figures = [
    { key: 'communes', label: t('coverage.communes'), value: formatNumber(totals.communes, locale), color: undefined },
    { key: 'constituted', label: t('coverage.figureConstituted'), value: formatNumber(totals.constituted, locale), color: 'green' },
    { key: 'preparatory', label: t('coverage.figurePreparatory'), value: formatNumber(totals.preparatory, locale), color: 'orange' },
    { key: 'none', label: t('coverage.figureNone'), value: formatNumber(totals.none, locale), color: 'gray' },
    { key: 'members', label: t('coverage.members'), value: formatNumber(totals.members, locale), color: undefined },
    { key: 'women', label: t('coverage.womenShare'), value: shareOf(totals.women, totals.members, locale), color: 'grape' },
    { key: 'youth', label: t('coverage.youthShare'), value: shareOf(totals.youth, totals.members, locale), color: 'blue' },
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 4, lg: 8 }} spacing="sm" data-testid="coverage-totals">
      <Paper withBorder p="sm" radius="md" className="tanzim-figure-main">
        <Text size="xs" c="dimmed">
          {t('coverage.covered')}
        </Text>
        <Text fz={28} fw={700} data-testid="coverage-covered">
          {formatNumber(coveredCount(totals), locale)} / {formatNumber(totals.communes, locale)}
        </Text>
        <Progress value={totals.coveredShare * 100} color="green" size="sm" mt={4} aria-hidden />
        <Text size="sm" fw={600} mt={4} data-testid="coverage-share">
          {formatShare(totals.coveredShare, locale)}
        </Text>
      </Paper>
      {figures.map((figure) => (
        <Paper key={figure.key} withBorder p="sm" radius="md" data-figure={figure.key}>
          <Text size="xs" c="dimmed">
            {figure.label}
          </Text>
          <Text fz={28} fw={700} c={figure.color}>
            {figure.value}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

function CommuneTable({ communes, onOpen }: { communes: CommuneCoverage[]; onOpen: (code: string) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (communes.length === 0) return <EmptyText>{t('coverage.noCommunes')}</EmptyText>;
  return (
    <Paper withBorder radius="md" className="tanzim-scroll">
      <Table highlightOnHover stickyHeader data-testid="coverage-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('level.commune')}</Table.Th>
            <Table.Th>{t('body.status')}</Table.Th>
            <Table.Th className="tanzim-num">{t('territory.population')}</Table.Th>
            <Table.Th className="tanzim-num">{t('coverage.members')}</Table.Th>
            <Table.Th className="tanzim-num">{t('coverage.women')}</Table.Th>
            <Table.Th className="tanzim-num">{t('coverage.youth')}</Table.Th>
            <Table.Th>{t('body.many')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {communes.map((commune) => (
            <Table.Tr key={commune.code} data-code={commune.code} className="tanzim-clickable">
              <Table.Td>
                <Anchor component="button" type="button" size="sm" onClick={() => onOpen(commune.code)}>
                  {localName(commune, locale)}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <CoverageStatusBadge status={commune.status} />
              </Table.Td>
              <Table.Td className="tanzim-num">{formatNumber(commune.population, locale)}</Table.Td>
              <Table.Td className="tanzim-num" data-testid="commune-members">
                {formatNumber(commune.counts.members, locale)}
              </Table.Td>
              {/* A commune with a body but no women members is what the region asks to change: it stands out. */}
              <Table.Td
                className="tanzim-num"
                data-testid="commune-women"
                data-no-women={commune.status !== 'none' && commune.counts.women === 0 ? 'true' : undefined}
              >
                {commune.status !== 'none' && commune.counts.women === 0 ? (
                  <Text span size="sm" c="red" fw={600} title={t('coverage.noWomenHint')}>
                    {t('coverage.noWomen')}
                  </Text>
                ) : (
                  formatNumber(commune.counts.women, locale)
                )}
              </Table.Td>
              <Table.Td className="tanzim-num">{formatNumber(commune.counts.youth, locale)}</Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  {commune.bodies.map((body) => (
                    <Anchor key={body.id} component={Link} to={`/bodies/${body.id}`} size="xs">
                      {localName(body, locale)}
                    </Anchor>
                  ))}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function ChildrenTable({ coverage }: { coverage: Coverage }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (coverage.children.length === 0) return <EmptyText>{t('coverage.noChildren')}</EmptyText>;
  return (
    <Paper withBorder radius="md" className="tanzim-scroll">
      <Table highlightOnHover stickyHeader data-testid="coverage-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('coverage.territory')}</Table.Th>
            <Table.Th className="tanzim-num">{t('coverage.communes')}</Table.Th>
            <Table.Th className="tanzim-num" title={t('coverageStatus.constituted')}>
              {t('coverageBadge.constituted')}
            </Table.Th>
            <Table.Th className="tanzim-num" title={t('coverageStatus.preparatory')}>
              {t('coverageBadge.preparatory')}
            </Table.Th>
            <Table.Th>{t('coverage.share')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {coverage.children.map((child) => (
            <Table.Tr key={child.code} data-code={child.code}>
              <Table.Td>
                <Anchor component={Link} to={`/coverage/${child.code}`} size="sm">
                  {localName(child, locale)}
                </Anchor>
              </Table.Td>
              <Table.Td className="tanzim-num">{formatNumber(child.totals.communes, locale)}</Table.Td>
              <Table.Td className="tanzim-num">{formatNumber(child.totals.constituted, locale)}</Table.Td>
              <Table.Td className="tanzim-num">{formatNumber(child.totals.preparatory, locale)}</Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Progress value={child.totals.coveredShare * 100} color="green" size="sm" w={40} aria-hidden />
                  <Text size="xs">{formatShare(child.totals.coveredShare, locale)}</Text>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function NextSteps({ coverage, onOpen }: { coverage: Coverage; onOpen: (code: string) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const shown = coverage.uncovered.slice(0, NEXT_STEPS_SHOWN);
  return (
    <Paper withBorder p="md" radius="md" data-testid="next-steps">
      <Title order={3} size="h5" mb={4}>
        {t('coverage.nextSteps')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('coverage.nextStepsHint')}
      </Text>
      {shown.length === 0 ? (
        <EmptyText>{t('coverage.allCovered')}</EmptyText>
      ) : (
        <List type="ordered" spacing={4} className="tanzim-columns">
          {shown.map((commune) => (
            <List.Item key={commune.code} data-code={commune.code}>
              <Anchor component="button" type="button" size="sm" onClick={() => onOpen(commune.code)}>
                {localName(commune, locale)}
              </Anchor>
              <Text span size="xs" c="dimmed">
                {' · '}
                {t('coverage.inhabitants', { value: formatNumber(commune.population, locale) })}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
      {coverage.uncovered.length > shown.length && (
        <Text size="xs" c="dimmed" mt="xs">
          {t('coverage.moreUncovered', { value: coverage.uncovered.length - shown.length })}
        </Text>
      )}
    </Paper>
  );
}

function CommuneSummary({ commune }: { commune: CommuneCoverage | undefined }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!commune) return null;
  return (
    <Paper withBorder p="md" radius="md" data-testid="commune-summary">
      <Group gap="sm" mb="sm">
        <CoverageStatusBadge status={commune.status} />
        <Text size="sm" c="dimmed">
          {t('territory.population')}: {formatNumber(commune.population, locale)}
        </Text>
      </Group>
      <Title order={3} size="h5" mb="xs">
        {t('body.many')}
      </Title>
      {commune.bodies.length === 0 ? (
        <EmptyText>{t('coverage.noBodyHere')}</EmptyText>
      ) : (
        <Stack gap="xs" mb="md">
          {commune.bodies.map((body) => (
            <Group key={body.id} gap="xs">
              <Anchor component={Link} to={`/bodies/${body.id}`}>
                {localName(body, locale)}
              </Anchor>
              <Text size="xs" c="dimmed">
                {t(`bodyKind.${body.kind}`)}
              </Text>
              <BodyStatusBadge status={body.status} />
            </Group>
          ))}
        </Stack>
      )}
      <WriteGate territory={commune.code}>
        <Button component={Link} to={`/bodies/new?territory=${commune.code}`} data-testid="create-body-here">
          {t('coverage.createBodyHere')}
        </Button>
      </WriteGate>
    </Paper>
  );
}

