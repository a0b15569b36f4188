import { Anchor, Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { meetingFiles, meetingsApi } from '../api/client';
import { ACTION_STATUSES, type Action, type ActionBoard, type ActionSort, type ActionStatus, type ActionsQuery } from '../api/types';
import { ActionStatusModal } from '../components/ActionsModals';
import { ActionsTable } from '../components/ActionsTable';
import { EmptyText, ErrorAlert, Loading, SignInGate } from '../components/Feedback';
import { formatNumber, localName } from '../lib/format';
import { personName, withParam } from '../lib/people';
import { useApiData } from '../lib/useApiData';
import { useSession } from '../lib/session';
import { useLocale } from '../lib/useLocale';
import type { Locale } from '../i18n/direction';

const SORTS: readonly ActionSort[] = ['dueOn', '-dueOn', '-updatedAt', 'status'];
const isStatus = (value: string | null): value is ActionStatus => (ACTION_STATUSES as readonly string[]).includes(value ?? '');
const isSort = (value: string | null): value is ActionSort => (SORTS as readonly string[]).includes(value ?? '');

export function ActionsBoardPage() {
  return (
    <SignInGate>
      <ActionsBoard />
    </SignInGate>
  );
}

/**
 * The follow-up of the actions decided in meetings, for the levels above: a region's board counts each
 * province's, a province's each commune's; then by owner, and the actions themselves to filter and export.
 */
function ActionsBoard() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const { homeCode, canWriteSomewhere } = useSession();
  const [params, setParams] = useSearchParams();
  const territory = params.get('territory') || homeCode;
  const status = params.get('status');
  const owner = params.get('owner');
  const sortParam = params.get('sort');
  const query: ActionsQuery = {
    territory,
    status: isStatus(status) ? status : null,
    isOverdue: params.get('overdue') === 'true' ? 'true' : null,
    owner: owner || null,
    sort: isSort(sortParam) ? sortParam : 'dueOn',
  };
  const queryKey = JSON.stringify(query);
  const board = useApiData(() => meetingsApi.actionBoard(territory), [territory]);
  const actions = useApiData(() => meetingsApi.actions({ ...query, limit: 1000 }), [queryKey]);
  const [changing, setChanging] = useState<Action | null>(null);
  const lang = i18n.language === 'fr' || i18n.language === 'en' ? i18n.language : 'ar';

  const update = (changes: Record<string, string | null>) => {
    let next = params;
    for (const [key, value] of Object.entries(changes)) next = withParam(next, key, value);
    setParams(next, { replace: true });
  };
  const reload = () => {
    board.reload();
    actions.reload();
  };

  return (
    <Stack gap="md" data-testid="actions-board-page" data-territory={territory}>
      <Group justify="space-between">
        <div>
          <Title order={2}>{t('board.title')}</Title>
          {board.data && (
            <Text size="sm" c="dimmed" data-testid="board-territory">
              {localName(board.data.territory, locale)}
            </Text>
          )}
        </div>
        {territory !== homeCode && (
          <Button variant="default" size="xs" onClick={() => update({ territory: null })} data-testid="board-home">
            {t('board.backHome')}
          </Button>
        )}
      </Group>

      {board.error !== undefined ? (
        <ErrorAlert error={board.error} onRetry={board.reload} isScoped />
      ) : board.isLoading && !board.data ? (
        <Loading />
      ) : board.data ? (
        <BoardSummary board={board.data} onOpenTerritory={(code) => update({ territory: code, owner: null })} onPickOwner={(id) => update({ owner: id })} />
      ) : null}

      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" align="flex-end" mb="sm" gap="sm">
          <Group gap="sm" align="flex-end">
            <Select
              label={t('actions.status')}
              placeholder={t('common.all')}
              clearable
              w={170}
              value={query.status ?? null}
              onChange={(value) => update({ status: value })}
              data={ACTION_STATUSES.map((s) => ({ value: s, label: t(`actionStatus.${s}`) }))}
              data-testid="board-filter-status"
            />
            <Select
              label={t('actions.owner')}
              placeholder={t('common.all')}
              clearable
              searchable
              w={240}
              value={query.owner ?? null}
              onChange={(value) => update({ owner: value })}
              data={ownerOptions(board.data, locale)}
              data-testid="board-filter-owner"
            />
            <Select
              label={t('board.sort')}
              allowDeselect={false}
              w={200}
              value={query.sort ?? 'dueOn'}
              onChange={(value) => update({ sort: value === 'dueOn' ? null : value })}
              data={SORTS.map((s) => ({ value: s, label: t(`board.sortBy.${s}`) }))}
              data-testid="board-sort"
            />
            <Checkbox
              label={t('board.overdueOnly')}
              checked={query.isOverdue === 'true'}
              onChange={(event) => update({ overdue: event.currentTarget.checked ? 'true' : null })}
              data-testid="board-filter-overdue"
              mb={6}
            />
          </Group>
          <Group gap="xs" data-testid="actions-export">
            <Button component="a" href={meetingFiles.actionsExport('csv', lang, query)} download variant="light" size="xs" data-testid="actions-export-csv">
              {t('board.exportCsv')}
            </Button>
            <Button component="a" href={meetingFiles.actionsExport('xlsx', lang, query)} download variant="light" size="xs" data-testid="actions-export-xlsx">
              {t('board.exportXlsx')}
            </Button>
          </Group>
        </Group>
        {actions.error !== undefined ? (
          <ErrorAlert error={actions.error} onRetry={actions.reload} />
        ) : actions.isLoading && !actions.data ? (
          <Loading />
        ) : (
          <ActionsTable actions={actions.data?.items ?? []} withMeeting onChange={canWriteSomewhere ? setChanging : undefined} />
        )}
      </Paper>
      <ActionStatusModal key={changing?.id ?? 'none'} action={changing} onClose={() => setChanging(null)} onDone={reload} />
    </Stack>
  );
}

/** The territories with the most open actions first (those late among them before), then by name. */
function byActivity(rows: ActionBoard['byTerritory'], locale: Locale): ActionBoard['byTerritory'] {
  return [...rows].sort((a, b) => b.open + b.inProgress - (a.open + a.inProgress) || b.overdue - a.overdue || localName(a, locale).localeCompare(localName(b, locale), locale));
}

/** The owners the board counts, to filter the list by one of them. */
function ownerOptions(board: ActionBoard | undefined, locale: Locale): { value: string; label: string }[] {
  return (board?.byOwner ?? []).flatMap((row) => {
    if (row.ownerPerson) return [{ value: row.ownerPerson.id, label: personName(row.ownerPerson, locale) }];
    if (row.ownerBody) return [{ value: row.ownerBody.id, label: localName(row.ownerBody, locale) }];
    return [];
  });
}

function BoardSummary({ board, onOpenTerritory, onPickOwner }: { board: ActionBoard; onOpenTerritory: (code: string) => void; onPickOwner: (id: string) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [isShowingAll, setIsShowingAll] = useState(false);
  const totals = board.totals;
  // A province has dozens of communes: those without any action are listed only on demand.
  const withActions = board.byTerritory.filter((row) => row.open + row.inProgress + row.overdue + row.done > 0);
  const territoryRows = byActivity(isShowingAll ? board.byTerritory : withActions, locale);
  const quietCount = board.byTerritory.length - withActions.length;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm" data-testid="board-totals">
        <Total label={t('actionStatus.open')} value={totals.open} testId="board-total-open" />
        <Total label={t('actionStatus.in_progress')} value={totals.inProgress} color="orange" testId="board-total-in-progress" />
        <Total label={t('actions.overdue')} value={totals.overdue} color="red" testId="board-total-overdue" />
        <Total label={t('actionStatus.done')} value={totals.done} color="green" testId="board-total-done" />
        <Total label={t('actionStatus.dropped')} value={totals.dropped} color="dimmed" testId="board-total-dropped" />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Paper withBorder p="md" radius="md">
          <Title order={3} size="h5" mb="sm">
            {t('board.byTerritory')}
          </Title>
          {territoryRows.length === 0 ? (
            <EmptyText>{board.byTerritory.length === 0 ? t('board.noTerritories') : t('board.noActionsBelow')}</EmptyText>
          ) : (
            <Table data-testid="board-by-territory" className="tanzim-scroll-x">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('territory.name')}</Table.Th>
                  <Table.Th className="tanzim-num">{t('actionStatus.open')}</Table.Th>
                  <Table.Th className="tanzim-num">{t('actionStatus.in_progress')}</Table.Th>
                  <Table.Th className="tanzim-num">{t('actions.overdue')}</Table.Th>
                  <Table.Th className="tanzim-num">{t('actionStatus.done')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {territoryRows.map((row) => (
                  <Table.Tr key={row.code} data-testid="board-territory-row" data-territory-code={row.code} data-open={row.open} data-overdue={row.overdue}>
                    <Table.Td>
                      <Anchor component="button" type="button" size="sm" ta="start" onClick={() => onOpenTerritory(row.code)}>
                        {localName(row, locale)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td className="tanzim-num">{formatNumber(row.open, locale)}</Table.Td>
                    <Table.Td className="tanzim-num">{formatNumber(row.inProgress, locale)}</Table.Td>
                    <Table.Td className="tanzim-num">
                      <Text span size="sm" c={row.overdue > 0 ? 'red' : undefined} fw={row.overdue > 0 ? 700 : undefined}>
                        {formatNumber(row.overdue, locale)}
                      </Text>
                    </Table.Td>
                    <Table.Td className="tanzim-num">{formatNumber(row.done, locale)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {quietCount > 0 && (
            <Button variant="subtle" size="xs" mt="xs" onClick={() => setIsShowingAll((v) => !v)} data-testid="board-show-all-territories">
              {isShowingAll ? t('board.hideQuiet') : t('board.showQuiet', { value: formatNumber(quietCount, locale) })}
            </Button>
          )}
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Title order={3} size="h5" mb="sm">
            {t('board.byOwner')}
          </Title>
          {board.byOwner.length === 0 ? (
            <EmptyText>{t('board.noOwners')}</EmptyText>
          ) : (
            <Table data-testid="board-by-owner" className="tanzim-scroll-x">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('actions.owner')}</Table.Th>
                  <Table.Th className="tanzim-num">{t('actionStatus.open')}</Table.Th>
                  <Table.Th className="tanzim-num">{t('actionStatus.in_progress')}</Table.Th>
                  <Table.Th className="tanzim-num">{t('actions.overdue')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {board.byOwner.map((row) => {
                  const id = row.ownerPerson?.id ?? row.ownerBody?.id ?? null;
                  const name = row.ownerPerson ? personName(row.ownerPerson, locale) : row.ownerBody ? localName(row.ownerBody, locale) : t('board.noOwner');
                  return (
                    <Table.Tr key={id ?? 'none'} data-testid="board-owner-row" data-owner-id={id ?? ''}>
                      <Table.Td>
                        {id ? (
                          <Anchor component="button" type="button" size="sm" ta="start" onClick={() => onPickOwner(id)}>
                            {name}
                          </Anchor>
                        ) : (
                          <Text size="sm">{name}</Text>
                        )}
                      </Table.Td>
                      <Table.Td className="tanzim-num">{formatNumber(row.open, locale)}</Table.Td>
                      <Table.Td className="tanzim-num">{formatNumber(row.inProgress, locale)}</Table.Td>
                      <Table.Td className="tanzim-num">
                        <Text span size="sm" c={row.overdue > 0 ? 'red' : undefined} fw={row.overdue > 0 ? 700 : undefined}>
                          {formatNumber(row.overdue, locale)}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}

function Total({ label, value, color, testId }: { label: string; value: number; color?: string; testId: string }) {
  const locale = useLocale();
  return (
    <Paper withBorder p="sm" radius="md" data-testid={testId} data-value={value}>
      <Text size="xl" fw={700} c={color}>
        {formatNumber(value, locale)}
      </Text>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Paper>
  );
}
