import { Badge, Group, Pagination, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiData } from '../lib/useApiData';
import { EmptyText, ErrorAlert, Loading } from './Feedback';
import { importApi } from './ImportApi';

const PAGE = 50;

/** Every problem of the rejected lines: line, column and reason, in the interface language. */
export function ImportProblems({ jobId, version }: { jobId: string; version: string }) {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const problems = useApiData(() => importApi.problems(jobId, (page - 1) * PAGE, PAGE), [jobId, version, page, i18n.language]);
  const total = problems.data?.total ?? 0;
  return (
    <Stack gap="xs" data-testid="import-problems">
      <Group gap="xs">
        <Title order={4}>{t('import.problems')}</Title>
        <Badge color={total ? 'red' : 'teal'} variant="light" data-testid="import-problem-count">
          {total}
        </Badge>
      </Group>
      {problems.isLoading && !problems.data && <Loading />}
      {problems.error !== undefined && <ErrorAlert error={problems.error} onRetry={problems.reload} />}
      {problems.data && total === 0 && <EmptyText>{t('import.noProblems')}</EmptyText>}
      {problems.data && total > 0 && (
        <Paper withBorder radius="md" className="tanzim-scroll-x">
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('import.line')}</Table.Th>
                <Table.Th>{t('import.column')}</Table.Th>
                <Table.Th>{t('import.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {problems.data.items.map((p, i) => (
                <Table.Tr key={`${p.line}-${i}`} data-line={p.line} data-code={p.code}>
                  <Table.Td>
                    <Text size="sm" dir="ltr" span>
                      {p.line}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{p.column ?? (p.field ? t(`import.fields.${p.field}`) : '—')}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{p.reason}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {total > PAGE && <Pagination total={Math.ceil(total / PAGE)} value={page} onChange={setPage} size="sm" />}
    </Stack>
  );
}
