import { Alert, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api, errorMessage } from '../api/client';
import { ErrorAlert, Loading } from '../components/Feedback';
import { useSession } from '../lib/session';
import { useApiData } from '../lib/useApiData';

const MIN_PASSWORD_LENGTH = 12;

export function SetupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { signedIn } = useSession();
  const status = useApiData(() => api.setupStatus(), []);
  const [token, setToken] = useState(params.get('token') ?? '');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password.length < MIN_PASSWORD_LENGTH) {
      setError(t('setup.passwordTooShort', { value: MIN_PASSWORD_LENGTH }));
      return;
    }
    setError(null);
    setIsSaving(true);
    try {
      const { user } = await api.setup({ token: token.trim(), email: email.trim(), name: name.trim(), password });
      signedIn(user);
      navigate('/', { replace: true });
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setIsSaving(false);
    }
  };

  if (status.isLoading) return <Loading />;
  if (status.error !== undefined) return <ErrorAlert error={status.error} onRetry={status.reload} />;

  return (
    <Stack align="center" pt="xl" data-testid="setup-page">
      <Paper withBorder p="lg" radius="md" w="100%" maw={480}>
        <Title order={2} mb="xs">
          {t('setup.title')}
        </Title>
        {!status.data?.needed ? (
          <Alert color="green" data-testid="setup-done">
            <Text size="sm">{t('setup.alreadyDone')}</Text>
          </Alert>
        ) : (
          <form onSubmit={(event) => void submit(event)}>
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                {t('setup.intro')}
              </Text>
              <TextInput
                label={t('setup.token')}
                required
                dir="ltr"
                value={token}
                onChange={(e) => setToken(e.currentTarget.value)}
                data-testid="setup-token"
              />
              <TextInput label={t('setup.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} data-testid="setup-name" />
              <TextInput
                label={t('auth.email')}
                type="email"
                dir="ltr"
                autoComplete="username"
                required
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                data-testid="setup-email"
              />
              <PasswordInput
                label={t('auth.password')}
                description={t('setup.passwordHint', { value: MIN_PASSWORD_LENGTH })}
                autoComplete="new-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                data-testid="setup-password"
              />
              {error && (
                <Alert color="red" data-testid="form-error">
                  <Text size="sm">{error}</Text>
                </Alert>
              )}
              <Button type="submit" loading={isSaving} data-testid="setup-submit">
                {t('setup.submit')}
              </Button>
            </Stack>
          </form>
        )}
      </Paper>
    </Stack>
  );
}
