import { Alert, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../api/client';
import { useApiData } from '../lib/useApiData';

/** The organization's setting "a current mandate gives its holder the role its position declares". */
export function MandateGrantsSwitch({ onChanged }: { onChanged?: () => void }) {
  const { t } = useTranslation();
  const settings = useApiData(() => api.accessSettings(), []);
  const [value, setValue] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const isChecked = value ?? settings.data?.mandateGrants ?? false;

  const change = async (next: boolean) => {
    setError(null);
    setIsSaving(true);
    try {
      const saved = await api.setAccessSettings({ mandateGrants: next });
      setValue(saved.mandateGrants);
      onChanged?.();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <Stack gap={6}>
      <Switch
        data-testid="mandate-grants-switch"
        label={t('settings.mandateGrants')}
        description={t('settings.mandateGrantsHint')}
        checked={isChecked}
        disabled={settings.data === undefined || isSaving}
        onChange={(event) => void change(event.currentTarget.checked)}
      />
      {(error ?? (settings.error !== undefined ? errorMessage(settings.error) : null)) && (
        <Alert color="red" data-testid="form-error">
          <Text size="sm">{error ?? errorMessage(settings.error)}</Text>
        </Alert>
      )}
    </Stack>
  );
}
