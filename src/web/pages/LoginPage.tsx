import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, errorMessage } from '../api/client';
import { useSession } from '../lib/session';

/** Only paths of this site are followed after signing in, never another origin. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { signedIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const [isSetupNeeded, setIsSetupNeeded] = useState(false);

  useEffect(() => {
    api.setupStatus().then(
      (answer) => setIsSetupNeeded(answer.needed),
      () => undefined,
    );
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setIsSaving(true);
    try {
      const { user } = await api.login(email.trim(), password);
      signedIn(user);
      navigate(safeNext(params.get('next')), { replace: true });
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <Stack align="center" pt="xl" data-testid="login-page">
      <Paper withBorder p="lg" radius="md" w="100%" maw={420}>
        <Title order={2} mb="md">
          {t('auth.signIn')}
        </Title>
        {isSetupNeeded && (
          <Alert color="blue" mb="md" data-testid="setup-needed">
            <Text size="sm">{t('setup.neededHint')}</Text>
          </Alert>
        )}
        <form onSubmit={(event) => void submit(event)}>
          <Stack gap="sm">
            <TextInput
              label={t('auth.email')}
              type="email"
              autoComplete="username"
              dir="ltr"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              data-testid="login-email"
            />
            <PasswordInput
              label={t('auth.password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              data-testid="login-password"
            />
            {error && (
              <Alert color="red" data-testid="form-error">
                <Text size="sm">{error}</Text>
              </Alert>
            )}
            <Button type="submit" loading={isSaving} data-testid="login-submit">
              {t('auth.signIn')}
            </Button>
            <Anchor component={Link} to="/forgot-password" size="sm" data-testid="forgot-password-link">
              {t('auth.forgotPassword')}
            </Anchor>
            <Anchor component={Link} to="/" size="sm">
              {t('auth.continueAsVisitor')}
            </Anchor>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
