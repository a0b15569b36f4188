import { Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../lib/useLocale';
import type { ImportJob } from './ImportApi';

/** Where a running job is: its stage, a progress bar, and the rows counted so far. */
export function ImportProgress({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const n = (value: number) => value.toLocaleString(locale === 'ar' ? 'ar-MA' : locale);
  const stage = job.status === 'queued' ? 'queued' : (job.stage ?? 'validating');
  return (
    <Stack gap={6} data-testid="import-progress" data-status={job.status} data-stage={stage}>
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          {t(`import.stage.${stage}`)}
        </Text>
        <Text size="sm" c="dimmed" data-testid="import-percent">
          {`${n(Math.floor(job.progress.percent))}%`}
        </Text>
      </Group>
      <Progress value={job.progress.percent} striped animated aria-label={t(`import.stage.${stage}`)} />
      <Text size="xs" c="dimmed">
        {job.stage === 'writing'
          ? t('import.written', { written: n(job.rows.written), total: n(job.rows.toWrite) })
          : t('import.read', { total: n(job.rows.total), invalid: n(job.rows.invalid) })}
      </Text>
    </Stack>
  );
}
