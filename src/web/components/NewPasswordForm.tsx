import { Alert, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../api/client';

export const MIN_PASSWORD_LENGTH = 10;

/**
 * A new password typed twice, checked here for length and match before it is sent. `onInvalidLink`
 * says what to do when the server answers that the one-time link is bad, expired or used.
 */
export function NewPasswordForm({
  testIdPrefix,
  submitLabel,
  onSubmit,
  onInvalidLink,
}: {
  testIdPrefix: string;
  submitLabel: string;
  onSubmit: (password: string) => Promise<void>;
  onInvalidLink?: ReactNode;
}) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isLinkInvalid, setIsLinkInvalid] = useState(false);
  const [isSaving, setIsSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setIsLinkInvalid(false);
    if (password.length < MIN_PASSWORD_LENGTH) {
      setError(t('password.tooShort', { value: MIN_PASSWORD_LENGTH }));
      return;
    }
    if (password !== confirmation) {
      setError(t('password.mismatch'));
      return;
    }
    setError(null);
    setIsSaving(true);
    try {
      await onSubmit(password);
    } catch (caught) {
      setError(errorMessage(caught));
      setIsLinkInvalid(caught instanceof ApiError && caught.code === 'link_invalid');
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)}>
      <Stack gap="sm">
        <PasswordInput
          label={t('password.new')}
          description={t('password.hint', { value: MIN_PASSWORD_LENGTH })}
          autoComplete="new-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          data-testid={`${testIdPrefix}-password`}
        />
        <PasswordInput
          label={t('password.confirm')}
          autoComplete="new-password"
          required
          value={confirmation}
          onChange={(e) => setConfirmation(e.currentTarget.value)}
          error={confirmation && password.startsWith(confirmation) === false ? t('password.mismatch') : undefined}
          data-testid={`${testIdPrefix}-password-confirm`}
        />
        {error && (
          <Alert color="red" data-testid="form-error">
            <Text size="sm">{error}</Text>
            {isLinkInvalid && onInvalidLink}
          </Alert>
        )}
        <Button type="submit" loading={isSaving} data-testid={`${testIdPrefix}-submit`}>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
