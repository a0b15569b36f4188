import { ActionIcon, Anchor, Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Fragment, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, errorMessage } from '../api/client';
import { AUDIT_RESOURCES, type AuditEntry, type AuditQuery } from '../api/types';
import { EmptyText, ErrorAlert, Loading, SignInGate } from '../components/Feedback';
import { auditDiff, auditValueText, MASK, shortId } from '../lib/audit';
import { useTerritories } from '../lib/caches';
import { formatDateTime, moroccoDayBound } from '../lib/dates';
import { formatNumber, localName } from '../lib/format';
import { useSession } from '../lib/session';
import { useLocale } from '../lib/useLocale';

const PAGE_SIZE = 50;

const ACTION_COLOR: Record<string, string> = {
  create: 'green',
  update: 'blue',
  invite: 'grape',
  accept_invitation: 'grape',
  activate: 'teal',
  deactivate: 'red',
  reset_password: 'orange',
};

/** Where an audited resource can be opened, when it has a page of its own. */
function resourcePath(entry: AuditEntry, isAdmin: boolean): string | null {
  if (entry.action === 'delete') return null;
  if (entry.resource === 'body') return `/bodies/${entry.resourceId}`;
  if (entry.resource === 'person') return `/people/${entry.resourceId}`;
  if (entry.resource === 'user' && isAdmin) return `/admin/users/${entry.resourceId}`;
  return null;
}

export function AuditPage() {
  return (
    <SignInGate audience="auditors">
      <AuditView />
    </SignInGate>
  );
}

interface Pages {
  key: string;
  items: AuditEntry[];
  total: number;
  nextBefore: number | null;
}

function AuditView() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const resource = params.get('resource');
  const resourceId = params.get('id') ?? '';
  const user = params.get('user');
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const [debouncedId] = useDebouncedValue(resourceId.trim(), 300);
  const [pages, setPages] = useState<Pages | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const [isLoadingMore, setIsLoadingMore] = useState(false);
  const [generation, setGeneration] = useState(0);

  const query: AuditQuery = {
    resource,
    id: debouncedId || null,
    user,
    from: from ? moroccoDayBound(from, 'start') : null,
    to: to ? moroccoDayBound(to, 'end') : null,
    limit: PAGE_SIZE,
  };
  const key = JSON.stringify(query);

  useEffect(() => {
    let isCurrent = true;
    setError(undefined);
    setPages(null);
    api.audit(JSON.parse(key) as AuditQuery).then(
      (page) => isCurrent && setPages({ key, ...page }),
      (reason: unknown) => isCurrent && setError(reason),
    );
    return () => {
      isCurrent = false;
    };
  }, [key, generation]);

  const loadMore = async () => {
    if (!pages || pages.nextBefore === null) return;
    setIsLoadingMore(true);
    try {
      const page = await api.audit({ ...query, before: pages.nextBefore });
      setPages((current) =>
        current && current.key === key ? { key, items: [...current.items, ...page.items], total: page.total, nextBefore: page.nextBefore } : current,
      );
    } catch (caught) {
      setError(caught);
    } finally {
      setIsLoadingMore(false);
    }
  };

  const update = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  return (
    <Stack gap="md" data-testid="audit-page">
      <div>
        <Title order={2}>{t('audit.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('audit.intro')}
        </Text>
      </div>
      <Group align="flex-end" gap="sm" data-testid="audit-filters">
        <Select
          data-testid="audit-filter-resource"
          label={t('audit.resource')}
          placeholder={t('common.all')}
          clearable
          value={resource}
          onChange={(value) => update('resource', value)}
          data={AUDIT_RESOURCES.map((r) => ({ value: r, label: t(`auditResource.${r}`) }))}
          w={180}
        />
        <TextInput
          data-testid="audit-filter-id"
          label={t('audit.resourceId')}
          dir="ltr"
          value={resourceId}
          onChange={(event) => update('id', event.currentTarget.value)}
          className="tanzim-grow"
        />
        <TextInput data-testid="audit-filter-from" type="date" label={t('audit.from')} value={from} onChange={(e) => update('from', e.currentTarget.value)} w={170} />
        <TextInput data-testid="audit-filter-to" type="date" label={t('audit.to')} value={to} onChange={(e) => update('to', e.currentTarget.value)} w={170} />
        {user && (
          <Badge
            variant="light"
            size="lg"
            tt="none"
            data-testid="audit-filter-user"
            rightSection={
              <ActionIcon size="xs" variant="transparent" onClick={() => update('user', null)} aria-label={t('audit.clearUser')}>
                ×
              </ActionIcon>
            }
          >
            {t('audit.byUser', { id: shortId(user) })}
          </Badge>
        )}
      </Group>
      {error !== undefined && !pages && <ErrorAlert error={error} onRetry={() => setGeneration((g) => g + 1)} />}
      {!pages && error === undefined && <Loading />}
      {pages && pages.items.length === 0 && <EmptyText>{t('audit.none')}</EmptyText>}
      {pages && pages.items.length > 0 && <AuditTable entries={pages.items} />}
      {pages && pages.items.length > 0 && (
        <Group justify="space-between">
          <Text size="xs" c="dimmed" data-testid="audit-count">
            {t('common.shownOf', { shown: pages.items.length, total: pages.total })}
          </Text>
          {pages.nextBefore !== null && (
            <Button variant="default" loading={isLoadingMore} onClick={() => void loadMore()} data-testid="audit-load-more">
              {t('audit.loadMore')}
            </Button>
          )}
        </Group>
      )}
      {error !== undefined && pages && (
        <Text size="sm" c="red" data-testid="form-error">
          {errorMessage(error)}
        </Text>
      )}
    </Stack>
  );
}

function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { isAdmin } = useSession();
  const [openId, setOpenId] = useState<number | null>(null);
  const territories = useTerritories(entries.map((e) => e.territoryCode).filter((c): c is string => !!c));

  return (
    <Paper withBorder radius="md" className="tanzim-scroll-x">
      <Table data-testid="audit-table" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('audit.at')}</Table.Th>
            <Table.Th>{t('audit.action')}</Table.Th>
            <Table.Th>{t('audit.resource')}</Table.Th>
            <Table.Th>{t('audit.territory')}</Table.Th>
            <Table.Th>{t('audit.user')}</Table.Th>
            <Table.Th>{t('audit.ip')}</Table.Th>
            <Table.Th aria-label={t('audit.details')} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => {
            const isOpen = openId === entry.id;
            const path = resourcePath(entry, isAdmin);
            const resourceLabel = t(`auditResource.${entry.resource}`, { defaultValue: entry.resource });
            return (
              <Fragment key={entry.id}>
                <Table.Tr data-testid="audit-row" data-audit-id={entry.id} data-resource={entry.resource} data-action={entry.action}>
                  <Table.Td>
                    <Text size="sm" className="tanzim-nowrap">
                      <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time>
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={ACTION_COLOR[entry.action] ?? 'gray'} variant="light" tt="none" className="tanzim-badge">
                      {t(`auditAction.${entry.action}`, { defaultValue: entry.action })}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {path ? (
                        <Anchor component={Link} to={path} size="sm" data-testid="audit-resource-link">
                          {resourceLabel}
                        </Anchor>
                      ) : (
                        resourceLabel
                      )}{' '}
                      <Text span size="xs" c="dimmed" dir="ltr" title={entry.resourceId}>
                        {entry.resource === 'setting' ? entry.resourceId : shortId(entry.resourceId)}
                      </Text>
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{entry.territoryCode ? localName(territories.get(entry.territoryCode), locale) || entry.territoryCode : '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" dir="ltr" span title={entry.userId ?? undefined}>
                      {entry.userId ? (
                        isAdmin ? (
                          <Anchor component={Link} to={`/admin/users/${entry.userId}`} size="sm">
                            {shortId(entry.userId)}
                          </Anchor>
                        ) : (
                          shortId(entry.userId)
                        )
                      ) : (
                        t('audit.system')
                      )}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" dir="ltr" span>
                      {entry.ip ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => setOpenId(isOpen ? null : entry.id)}
                      aria-expanded={isOpen}
                      data-testid="audit-expand"
                    >
                      {isOpen ? t('audit.hide') : t('audit.show')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
                {isOpen && (
                  <Table.Tr className="tanzim-audit-detail">
                    <Table.Td colSpan={7}>
                      <AuditDiff entry={entry} />
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function AuditValue({ value }: { value: unknown }) {
  const { t } = useTranslation();
  if (value === MASK) {
    return (
      <Text span size="sm" c="dimmed" title={t('audit.maskedValue')} data-masked="true">
        {MASK}
      </Text>
    );
  }
  return (
    <Text span size="sm" dir="auto" className="tanzim-break">
      {typeof value === 'boolean' ? t(value ? 'common.yes' : 'common.no') : auditValueText(value)}
    </Text>
  );
}

function AuditDiff({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const lines = auditDiff(entry.before, entry.after);
  const changed = lines.filter((l) => l.isChanged).length;
  return (
    <Stack gap="xs" data-testid="audit-diff" py="xs">
      <Group gap="md" justify="space-between">
        <Text size="xs" c="dimmed">
          {t('audit.changedKeys', { value: formatNumber(changed, locale) })}
        </Text>
        <Text size="xs" c="dimmed" dir="ltr" className="tanzim-break">
          {entry.resourceId}
        </Text>
      </Group>
      {entry.isMasked && (
        <Text size="xs" c="orange.8" data-testid="audit-masked-note">
          {t('audit.maskedNote')}
        </Text>
      )}
      {lines.length === 0 ? (
        <EmptyText>{t('audit.noDetails')}</EmptyText>
      ) : (
        <Table withTableBorder withColumnBorders className="tanzim-diff">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('audit.field')}</Table.Th>
              <Table.Th>{t('audit.before')}</Table.Th>
              <Table.Th>{t('audit.after')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line) => (
              <Table.Tr key={line.key} data-key={line.key} data-changed={line.isChanged} className={line.isChanged ? 'tanzim-diff-changed' : undefined}>
                <Table.Td>
                  <Text span size="sm" ff="monospace" dir="ltr">
                    {line.key}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <AuditValue value={line.before} />
                </Table.Td>
                <Table.Td>
                  <AuditValue value={line.after} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
