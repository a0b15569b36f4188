import { Alert, Button, Group, Paper, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../api/client';
import { todayIso } from '../lib/dates';
import { personDataFileName } from '../lib/people';
import { PersonActionModal } from './PersonActionModal';

/** Offers a JSON file to the browser as a download. */
function download(fileName: string, data: unknown) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * The person's rights over their data (law 09-08): a copy of everything held about them, and erasure.
 * Erasure keeps an anonymous row so that counts and the history of mandates stay whole.
 */
export function PersonDataPanel({ personId, name, isErased, onErased }: { personId: string; name: string; isErased: boolean; onErased: () => void }) {
  const { t } = useTranslation();
  const [isExporting, setIsExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const [isErasing, setIsErasing] = useState(false);

  const exportData = async () => {
    setExportError(null);
    setIsExporting(true);
    try {
      download(personDataFileName(personId, todayIso()), await api.personData(personId));
    } catch (caught) {
      setExportError(errorMessage(caught));
    } finally {
      setIsExporting(false);
    }
  };

  return (
    <Paper withBorder p="md" radius="md" data-testid="person-data">
      <Title order={3} size="h5" mb="xs">
        {t('personalData.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {isErased ? t('personalData.erasedIntro') : t('personalData.intro')}
      </Text>
      <Group gap="sm">
        <Button variant="default" size="xs" loading={isExporting} onClick={() => void exportData()} data-testid="export-person-data">
          {t('personalData.export')}
        </Button>
        {!isErased && (
          <Button variant="light" color="red" size="xs" onClick={() => setIsErasing(true)} data-testid="erase-person">
            {t('personalData.erase')}
          </Button>
        )}
      </Group>
      {exportError && (
        <Alert color="red" mt="sm" data-testid="export-error">
          <Text size="sm">{exportError}</Text>
        </Alert>
      )}
      {isErasing && (
        <PersonActionModal
          title={t('personalData.eraseTitle')}
          opened
          onClose={() => setIsErasing(false)}
          submitLabel={t('personalData.eraseConfirm')}
          submitColor="red"
          testId="erase-person"
          submitTestId="erase-confirm"
          onSubmit={async () => {
            await api.erasePerson(personId);
            notifications.show({ color: 'green', message: t('personalData.erased') });
            onErased();
          }}
        >
          <Text size="sm">{t('personalData.eraseText', { name })}</Text>
          <Alert color="red" variant="light">
            <Text size="sm" fw={500}>
              {t('personalData.eraseIrreversible')}
            </Text>
          </Alert>
        </PersonActionModal>
      )}
    </Paper>
  );
}
