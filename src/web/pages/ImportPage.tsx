import { Alert, Anchor, Button, Group, Paper, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert, SignInGate } from '../components/Feedback';
import { importApi, isOver, useImportJob, type DuplicateDecision, type ImportColumn, type ImportJob, type UploadedJob } from '../components/ImportApi';
import { ImportDuplicates } from '../components/ImportDuplicates';
import { ImportMapping } from '../components/ImportMapping';
import { ImportProblems } from '../components/ImportProblems';
import { ImportProgress } from '../components/ImportProgress';
import { ImportUpload } from '../components/ImportUpload';
import { useSession } from '../lib/session';
import { useLocale } from '../lib/useLocale';

export function ImportPage() {
  return (
    <SignInGate>
      <ImportGate />
    </SignInGate>
  );
}

function ImportGate() {
  const { t } = useTranslation();
  const { canWriteSomewhere } = useSession();
  if (!canWriteSomewhere) {
    return (
      <Alert color="orange" data-testid="import-forbidden">
        {t('import.writersOnly')}
      </Alert>
    );
  }
  return <ImportFlow key="flow" />;
}

/**
 * Upload a file, check the column mapping, run a dry run, read its report (problems by line and
 * column, duplicates with a decision each), choose the mode and import, following the progress.
 */
function ImportFlow() {
  const { t } = useTranslation();
  const [uploaded, setUploaded] = useState<UploadedJob | null>(null);
  const [generation, setGeneration] = useState(0);
  if (!uploaded) {
    return (
      <Stack gap="md" data-testid="import-page">
        <Title order={2}>{t('import.title')}</Title>
        <Paper withBorder radius="md" p="md">
          <ImportUpload onUploaded={setUploaded} />
        </Paper>
      </Stack>
    );
  }
  return (
    <ImportJobView
      key={`${uploaded.id}-${generation}`}
      uploaded={uploaded}
      onRestart={() => {
        setUploaded(null);
        setGeneration((g) => g + 1);
      }}
    />
  );
}

function ImportJobView({ uploaded, onRestart }: { uploaded: UploadedJob; onRestart: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [job, setJob] = useImportJob(uploaded);
  const [columns, setColumns] = useState<ImportColumn[]>(uploaded.columns);
  const [saveAs, setSaveAs] = useState('');
  const [mode, setMode] = useState<'valid' | 'all'>('valid');
  const [decisions, setDecisions] = useState<Record<string, DuplicateDecision>>({});
  const [fallback, setFallback] = useState<DuplicateDecision>('skip');
  const [error, setError] = useState<unknown>(undefined);
  const [isSending, setIsSending] = useState(false);
  if (!job) return null;

  const n = (value: number) => value.toLocaleString(locale === 'ar' ? 'ar-MA' : locale);
  const isRunning = !isOver(job);
  // A failed run (all or nothing with invalid lines) can be run again, in the other mode for instance.
  const isFinished = job.action === 'run' && job.status === 'done';
  const isMappingChanged = JSON.stringify(columns) !== JSON.stringify(job.columns);
  const hasReport = job.isValidated && !isMappingChanged && !isRunning;
  const version = `${job.status}-${job.finishedAt ?? ''}`;

  const act = async (call: () => Promise<ImportJob>) => {
    setIsSending(true);
    setError(undefined);
    try {
      setJob(await call());
    } catch (err) {
      setError(err);
    } finally {
      setIsSending(false);
    }
  };
  const saveMappingAs = saveAs.trim() || undefined;
  const dryRun = () => act(() => importApi.dryRun(job.id, { columns, ...(saveMappingAs ? { saveMappingAs } : {}) }));
  const run = () => act(() => importApi.run(job.id, { mode, columns, duplicateDecisions: decisions, defaultDecision: fallback, ...(saveMappingAs ? { saveMappingAs } : {}) }));

  return (
    <Stack gap="md" data-testid="import-page" data-job={job.id}>
      <Group justify="space-between">
        <Title order={2}>{t('import.title')}</Title>
        <Button variant="subtle" onClick={onRestart} disabled={isRunning} data-testid="import-restart">
          {t('import.startOver')}
        </Button>
      </Group>
      <Text size="sm">
        <bdi>{job.fileName}</bdi> · {t('import.columnsCount', { columns: n(job.headers.length) })}
      </Text>

      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          <Title order={3}>{t('import.mappingTitle')}</Title>
          <ImportMapping columns={columns} sample={uploaded.sample} isLocked={isRunning || isFinished} saveAs={saveAs} onChange={setColumns} onSaveAsChange={setSaveAs} />
          {!isFinished && (
            <Group>
              <Button onClick={() => void dryRun()} loading={isSending && !isRunning} disabled={isRunning} variant={hasReport ? 'light' : 'filled'} data-testid="import-dry-run">
                {t('import.dryRun')}
              </Button>
            </Group>
          )}
        </Stack>
      </Paper>

      {error !== undefined && <ErrorAlert error={error} />}
      {isRunning && (
        <Paper withBorder radius="md" p="md">
          <ImportProgress job={job} />
        </Paper>
      )}

      {hasReport && (
        <Paper withBorder radius="md" p="md">
          <Stack gap="md">
            <Title order={3}>{t('import.reportTitle')}</Title>
            <SimpleGrid cols={{ base: 2, sm: 4 }} data-testid="import-summary">
              <Figure label={t('import.rowsTotal')} value={n(job.rows.total)} testId="import-rows-total" />
              <Figure label={t('import.rowsValid')} value={n(job.rows.valid)} testId="import-rows-valid" />
              <Figure label={t('import.rowsInvalid')} value={n(job.rows.invalid)} testId="import-rows-invalid" />
              <Figure label={t('import.duplicateGroups')} value={n(job.duplicateGroups)} testId="import-duplicate-groups" />
            </SimpleGrid>
            <ImportProblems jobId={job.id} version={version} />
            <ImportDuplicates
              jobId={job.id}
              version={version}
              decisions={decisions}
              fallback={fallback}
              isLocked={isFinished}
              onDecide={(group, decision) => setDecisions((d) => ({ ...d, [group]: decision }))}
              onFallback={setFallback}
            />
            {job.rows.invalid > 0 && (
              <Anchor href={importApi.rejectsUrl(job.id)} download size="sm" data-testid="import-rejects-link">
                {t('import.rejects')}
              </Anchor>
            )}
          </Stack>
        </Paper>
      )}

      {hasReport && !isFinished && (
        <Paper withBorder radius="md" p="md">
          <Stack gap="sm">
            <Title order={3}>{t('import.runTitle')}</Title>
            <Radio.Group value={mode} onChange={(v) => setMode(v as 'valid' | 'all')} data-testid="import-mode">
              <Stack gap="xs">
                <Radio value="valid" label={t('import.mode.valid')} description={t('import.mode.validHint')} data-testid="import-mode-valid" />
                <Radio value="all" label={t('import.mode.all')} description={t('import.mode.allHint')} data-testid="import-mode-all" />
              </Stack>
            </Radio.Group>
            <Group>
              <Button onClick={() => void run()} loading={isSending} color="teal" data-testid="import-run">
                {t('import.run')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}

      {isFinished && job.status === 'done' && (
        <Alert color="teal" title={t('import.doneTitle')} data-testid="import-done">
          <Stack gap={6}>
            <Text size="sm">{t('import.done', { created: n(job.createdCount), skipped: n(job.rows.skipped), invalid: n(job.rows.invalid) })}</Text>
            <Group gap="md">
              <Anchor component={Link} to="/people" size="sm">
                {t('import.seePeople')}
              </Anchor>
              {job.rows.invalid + job.rows.skipped > 0 && (
                <Anchor href={importApi.rejectsUrl(job.id)} download size="sm" data-testid="import-rejects-after">
                  {t('import.rejects')}
                </Anchor>
              )}
            </Group>
          </Stack>
        </Alert>
      )}
      {job.status === 'failed' && job.error && (
        <Alert color="red" title={t('import.failedTitle')} data-testid="import-failed">
          <Text size="sm">{job.error.message}</Text>
        </Alert>
      )}
    </Stack>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={600} data-testid={testId}>
        {value}
      </Text>
    </Stack>
  );
}
