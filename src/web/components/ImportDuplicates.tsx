import { Anchor, Badge, Group, Pagination, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiData } from '../lib/useApiData';
import { EmptyText, ErrorAlert, Loading } from './Feedback';
import { importApi, type DuplicateDecision } from './ImportApi';

const PAGE = 30;

/**
 * Lines that look like one person (same identity card, same phone, or a similar name born the same
 * day), in the file or in the registry, each group with its decision: skip its lines, or import them.
 */
export function ImportDuplicates({
  jobId,
  version,
  decisions,
  fallback,
  isLocked,
  onDecide,
  onFallback,
}: {
  jobId: string;
  version: string;
  decisions: Record<string, DuplicateDecision>;
  fallback: DuplicateDecision;
  isLocked: boolean;
  onDecide: (group: number, decision: DuplicateDecision) => void;
  onFallback: (decision: DuplicateDecision) => void;
}) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const groups = useApiData(() => importApi.duplicates(jobId, (page - 1) * PAGE, PAGE), [jobId, version, page]);
  const total = groups.data?.total ?? 0;
  const choices = [
    { value: 'skip', label: t('import.decision.skip') },
    { value: 'import', label: t('import.decision.import') },
  ];
  return (
    <Stack gap="xs" data-testid="import-duplicates">
      <Group gap="xs">
        <Title order={4}>{t('import.duplicates')}</Title>
        <Badge color={total ? 'orange' : 'teal'} variant="light" data-testid="import-duplicate-count">
          {total}
        </Badge>
      </Group>
      {groups.isLoading && !groups.data && <Loading />}
      {groups.error !== undefined && <ErrorAlert error={groups.error} onRetry={groups.reload} />}
      {groups.data && total === 0 && <EmptyText>{t('import.noDuplicates')}</EmptyText>}
      {total > 0 && (
        <Group gap="sm">
          <Text size="sm">{t('import.decisionOthers')}</Text>
          <SegmentedControl size="xs" data={choices} value={fallback} disabled={isLocked} onChange={(v) => onFallback(v as DuplicateDecision)} data-testid="import-default-decision" />
        </Group>
      )}
      {groups.data?.items.map((g) => (
        <Paper key={g.group} withBorder radius="md" p="sm" data-group={g.group} data-kind={g.kind}>
          <Group justify="space-between" mb={4}>
            <Badge variant="light" color="orange">
              {t(`import.kind.${g.kind}`)}
            </Badge>
            {g.canImport ? (
              <SegmentedControl
                size="xs"
                data={choices}
                value={decisions[g.group] ?? fallback}
                disabled={isLocked}
                onChange={(v) => onDecide(g.group, v as DuplicateDecision)}
                data-testid={`import-decision-${g.group}`}
              />
            ) : (
              <Text size="xs" c="dimmed">
                {t('import.cinAlwaysSkipped')}
              </Text>
            )}
          </Group>
          <Table withRowBorders={false} verticalSpacing={2}>
            <Table.Tbody>
              {g.rows.map((r) => (
                <Table.Tr key={`l${r.line}`}>
                  <Table.Td w={110}>
                    <Text size="xs" c="dimmed">
                      {t('import.lineN', { line: r.line })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{r.name || '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" dir="ltr" span>
                      {[r.cin, ...r.phones, r.birthDate].filter(Boolean).join(' · ')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
              {g.registry.map((p, i) => (
                <Table.Tr key={`p${p.id ?? i}`}>
                  <Table.Td w={110}>
                    <Text size="xs" c="dimmed">
                      {t('import.inRegistry')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {p.id ? (
                      <Anchor component={Link} to={`/people/${p.id}`} size="sm" target="_blank">
                        {p.name}
                      </Anchor>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('import.hiddenPerson')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" dir="ltr" span>
                      {p.birthDate ?? ''}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      ))}
      {total > PAGE && <Pagination total={Math.ceil(total / PAGE)} value={page} onChange={setPage} size="sm" />}
    </Stack>
  );
}
