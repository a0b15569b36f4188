import { Alert, Anchor, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiError, errorMessage } from '../api/client';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [isSent, setIsSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setIsSaving(true);
    try {
      await api.requestPasswordReset(email.trim());
      setIsSent(true);
    } catch (caught) {
      // The server answers alike for every address; only a failure to reach it, a refusal to try
      // again so soon or a fault of its own is worth saying — anything else reads as sent.
      const isAboutAddress = caught instanceof ApiError && caught.status >= 400 && caught.status < 500 && caught.status !== 429;
      if (isAboutAddress) setIsSent(true);
      else setError(errorMessage(caught));
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <Stack align="center" pt="xl" data-testid="forgot-password-page">
      <Paper withBorder p="lg" radius="md" w="100%" maw={420}>
        <Title order={2} mb="xs">
          {t('forgot.title')}
        </Title>
        {isSent ? (
          <Stack gap="sm">
            <Alert color="green" data-testid="forgot-sent">
              <Text size="sm">{t('forgot.sent', { email: email.trim() })}</Text>
            </Alert>
            <Anchor component={Link} to="/login" size="sm">
              {t('password.backToSignIn')}
            </Anchor>
          </Stack>
        ) : (
          <form onSubmit={(event) => void submit(event)}>
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                {t('forgot.intro')}
              </Text>
              <TextInput
                label={t('auth.email')}
                type="email"
                autoComplete="username"
                dir="ltr"
                required
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                data-testid="forgot-email"
              />
              {error && (
                <Alert color="red" data-testid="form-error">
                  <Text size="sm">{error}</Text>
                </Alert>
              )}
              <Button type="submit" loading={isSaving} data-testid="forgot-submit">
                {t('forgot.submit')}
              </Button>
              <Anchor component={Link} to="/login" size="sm">
                {t('password.backToSignIn')}
              </Anchor>
            </Stack>
          </form>
        )}
      </Paper>
    </Stack>
  );
}
