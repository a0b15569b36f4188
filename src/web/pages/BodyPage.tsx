import { Anchor, Badge, Button, Grid, Group, Paper, SimpleGrid, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../api/client';
import type { BodyDetail, BodyEvent, Mandate } from '../api/types';
import { AddMandateModal, ConstituteModal, EndMandateModal, RenameModal, StatusModal } from '../components/BodyActions';
import { DateText } from '../components/DateText';
import { EmptyText, ErrorAlert, Loading, SignInGate, WriteGate } from '../components/Feedback';
import { BodyStatusBadge } from '../components/StatusBadge';
import { nextStatuses } from '../lib/bodies';
import { useBodyKinds } from '../lib/caches';
import { localName } from '../lib/format';
import { personName } from '../lib/people';
import { useApiData } from '../lib/useApiData';
import { useLocale } from '../lib/useLocale';
import { useCanWrite } from '../lib/useCanWrite';

type OpenModal = 'status' | 'rename' | 'constitute' | 'mandate' | null;

export function BodyPage() {
  return (
    <SignInGate>
      <BodyLoader />
    </SignInGate>
  );
}

function BodyLoader() {
  const { id = '' } = useParams();
  const body = useApiData(() => api.body(id), [id]);
  if (body.isLoading && !body.data) return <Loading />;
  if (body.error !== undefined || !body.data) return <ErrorAlert error={body.error} onRetry={body.reload} isScoped />;
  return <BodyView key={body.data.id} body={body.data} reload={body.reload} />;
}

function BodyView({ body, reload }: { body: BodyDetail; reload: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const canWrite = useCanWrite(body.territoryCode);
  const kinds = useBodyKinds();
  const [modal, setModal] = useState<OpenModal>(null);
  const [endingMandate, setEndingMandate] = useState<Mandate | null>(null);
  const positions = kinds.find((k) => k.kind === body.kind)?.positions ?? [];
  const current = body.mandates.filter((m) => m.endedOn === null);
  const past = body.mandates.filter((m) => m.endedOn !== null);
  const canConstitute = body.kind === 'preparatory_committee' && body.status === 'preparatory' && !body.successorId;
  const otherName = locale === 'ar' ? body.nameFr : body.nameAr;

  return (
    <Stack gap="md" data-testid="body-page" data-body-id={body.id}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm">
            <Title order={2} data-testid="body-name">
              {localName(body, locale)}
            </Title>
            <BodyStatusBadge status={body.status} />
          </Group>
          <Text c="dimmed" size="sm" lang={locale === 'ar' ? 'fr' : 'ar'} dir="auto">
            {otherName}
          </Text>
          <Text size="sm" mt={4} data-testid="body-kind-label">
            {t(`bodyKind.${body.kind}`)}
            {body.sector ? ` · ${t(`sector.${body.sector}`)}` : ''}
            {body.statusSince && (
              <>
                {' · '}
                {t('body.statusSinceLabel', { status: t(`bodyStatus.${body.status}`) })} <DateText value={body.statusSince} />
              </>
            )}
          </Text>
        </div>
        <WriteGate territory={body.territoryCode}>
          <Group gap="xs" data-testid="body-actions">
            <Button variant="default" size="xs" onClick={() => setModal('rename')} data-testid="rename-body">
              {t('body.rename')}
            </Button>
            {nextStatuses(body.kind, body.status).length > 0 && (
              <Button variant="default" size="xs" onClick={() => setModal('status')} data-testid="change-status">
                {t('body.changeStatus')}
              </Button>
            )}
            {canConstitute && (
              <Button color="green" size="xs" onClick={() => setModal('constitute')} data-testid="constitute-body">
                {t('body.constitute')}
              </Button>
            )}
          </Group>
        </WriteGate>
      </Group>

      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm" data-testid="body-facts">
          <Fact label={t('body.territory')}>
            <Anchor component={Link} to={`/coverage/${body.territoryCode}`} data-testid="body-territory-link">
              {localName(body.territory, locale)}
            </Anchor>
            <Text span size="xs" c="dimmed">
              {' '}
              ({t(`level.${body.territory.level}`)})
            </Text>
          </Fact>
          <Fact label={t('body.parent')}>
            {body.parent ? (
              <Anchor component={Link} to={`/bodies/${body.parent.id}`} data-testid="body-parent-link">
                {localName(body.parent, locale)}
              </Anchor>
            ) : (
              '—'
            )}
          </Fact>
          {body.predecessorId && (
            <Fact label={t('body.predecessor')}>
              <Anchor component={Link} to={`/bodies/${body.predecessorId}`} data-testid="body-predecessor-link">
                {t('body.openPredecessor')}
              </Anchor>
            </Fact>
          )}
          {body.successorId && (
            <Fact label={t('body.successor')}>
              <Anchor component={Link} to={`/bodies/${body.successorId}`} data-testid="body-successor-link">
                {t('body.openSuccessor')}
              </Anchor>
            </Fact>
          )}
        </SimpleGrid>
      </Paper>

      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <Paper withBorder p="md" radius="md">
              <Group justify="space-between" mb="sm">
                <Title order={3} size="h5">
                  {t('mandate.current')}
                </Title>
                <WriteGate territory={body.territoryCode}>
                  <Button size="xs" onClick={() => setModal('mandate')} data-testid="add-mandate">
                    {t('mandate.add')}
                  </Button>
                </WriteGate>
              </Group>
              <MandateTable mandates={current} testId="current-mandates" onEnd={canWrite ? setEndingMandate : undefined} />
            </Paper>
            <Paper withBorder p="md" radius="md">
              <Title order={3} size="h5" mb="sm">
                {t('mandate.past')}
              </Title>
              <MandateTable mandates={past} testId="past-mandates" />
            </Paper>
            {body.children.length > 0 && (
              <Paper withBorder p="md" radius="md">
                <Title order={3} size="h5" mb="sm">
                  {t('body.children')}
                </Title>
                <Stack gap={6} data-testid="body-children">
                  {body.children.map((child) => (
                    <Group key={child.id} gap="xs">
                      <Anchor component={Link} to={`/bodies/${child.id}`} size="sm">
                        {localName(child, locale)}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {localName(child.territory, locale)}
                      </Text>
                      <BodyStatusBadge status={child.status} />
                    </Group>
                  ))}
                </Stack>
              </Paper>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder p="md" radius="md">
            <Title order={3} size="h5" mb="md">
              {t('body.history')}
            </Title>
            <History events={body.history} bodyId={body.id} />
          </Paper>
        </Grid.Col>
      </Grid>

      {modal === 'status' && <StatusModal body={body} opened onClose={() => setModal(null)} onDone={reload} />}
      {modal === 'rename' && <RenameModal body={body} opened onClose={() => setModal(null)} onDone={reload} />}
      {modal === 'constitute' && (
        <ConstituteModal body={body} opened onClose={() => setModal(null)} onDone={(successor) => navigate(`/bodies/${successor.id}`)} />
      )}
      {modal === 'mandate' && (
        <AddMandateModal body={body} positions={positions} opened onClose={() => setModal(null)} onDone={reload} />
      )}
      <EndMandateModal key={endingMandate?.id ?? 'none'} mandate={endingMandate} onClose={() => setEndingMandate(null)} onDone={reload} />
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

function MandateTable({ mandates, testId, onEnd }: { mandates: Mandate[]; testId: string; onEnd?: (m: Mandate) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (mandates.length === 0) return <EmptyText>{t('mandate.none')}</EmptyText>;
  return (
    <Table data-testid={testId} className="tanzim-scroll-x">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('mandate.position')}</Table.Th>
          <Table.Th>{t('person.one')}</Table.Th>
          <Table.Th>{t('mandate.startedOn')}</Table.Th>
          {mandates.some((m) => m.endedOn) && <Table.Th>{t('mandate.endedOn')}</Table.Th>}
          {onEnd && <Table.Th aria-label={t('common.actions')} />}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {mandates.map((mandate) => (
          <Table.Tr key={mandate.id} data-mandate-id={mandate.id}>
            <Table.Td>{t(`position.${mandate.position}`)}</Table.Td>
            <Table.Td>
              <Anchor component={Link} to={`/people/${mandate.personId}`} size="sm">
                {personName(mandate.person, locale) || t('person.erasedName')}
              </Anchor>
            </Table.Td>
            <Table.Td>
              <DateText value={mandate.startedOn} />
            </Table.Td>
            {mandates.some((m) => m.endedOn) && (
              <Table.Td>
                <DateText value={mandate.endedOn} />
              </Table.Td>
            )}
            {onEnd && (
              <Table.Td>
                <Button size="compact-xs" variant="subtle" color="red" onClick={() => onEnd(mandate)} data-testid="end-mandate">
                  {t('mandate.end')}
                </Button>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

const EVENT_COLOR: Record<BodyEvent['type'], string> = {
  created: 'blue',
  status_changed: 'orange',
  renamed: 'gray',
  constituted_from: 'green',
  succeeded_by: 'green',
};

function History({ events, bodyId }: { events: BodyEvent[]; bodyId: string }) {
  const { t } = useTranslation();
  if (events.length === 0) return <EmptyText>{t('body.noHistory')}</EmptyText>;
  const ordered = [...events].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Timeline active={ordered.length - 1} bulletSize={14} lineWidth={2} data-testid="body-history">
      {ordered.map((event) => (
        <Timeline.Item
          key={event.id}
          color={EVENT_COLOR[event.type]}
          title={t(`event.${event.type}`)}
          data-event-type={event.type}
        >
          <Text size="xs" c="dimmed">
            <DateText value={event.at} />
          </Text>
          {event.type === 'status_changed' && event.toStatus && (
            <Text size="sm">
              {event.fromStatus
                ? t('event.statusChange', {
                    from: t(`bodyStatus.${event.fromStatus}`),
                    to: t(`bodyStatus.${event.toStatus}`),
                  })
                : t(`bodyStatus.${event.toStatus}`)}
            </Text>
          )}
          {event.note && <Text size="sm">{event.note}</Text>}
          {event.bodyId !== bodyId && (
            <Badge size="xs" variant="outline" color="gray" mt={2}>
              <Link to={`/bodies/${event.bodyId}`} className="tanzim-plain-link">
                {t('body.predecessorEvent')}
              </Link>
            </Badge>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
