import { Button, FileInput, Group, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiData } from '../lib/useApiData';
import { ErrorAlert } from './Feedback';
import { importApi, type UploadedJob } from './ImportApi';

/** Step 1: a CSV or XLSX file, and optionally a saved column mapping to start from. */
export function ImportUpload({ onUploaded }: { onUploaded: (job: UploadedJob) => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState<string | null>(null);
  const [isSending, setIsSending] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const mappings = useApiData(() => importApi.mappings(), []);

  const send = async () => {
    if (!file) return;
    setIsSending(true);
    setError(undefined);
    try {
      onUploaded(await importApi.upload(file, mapping));
    } catch (err) {
      setError(err);
    } finally {
      setIsSending(false);
    }
  };

  return (
    <Stack gap="sm" data-testid="import-upload">
      <Text size="sm" c="dimmed">
        {t('import.intro')}
      </Text>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <FileInput
          className="tanzim-grow"
          label={t('import.file')}
          placeholder={t('import.pickFile')}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={setFile}
          clearable
          data-testid="import-file"
        />
        <Select
          label={t('import.savedMapping')}
          placeholder={t('import.guessMapping')}
          data={(mappings.data?.items ?? []).map((m) => ({ value: m.name, label: m.name }))}
          value={mapping}
          onChange={setMapping}
          clearable
          data-testid="import-saved-mapping"
        />
        <Button onClick={() => void send()} disabled={!file} loading={isSending} data-testid="import-upload-button">
          {t('import.upload')}
        </Button>
      </Group>
      {error !== undefined && <ErrorAlert error={error} />}
    </Stack>
  );
}
