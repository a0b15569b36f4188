import { Alert, Anchor, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client';
import { NewPasswordForm } from '../components/NewPasswordForm';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [isDone, setIsDone] = useState(false);

  const askAgain = (
    <Anchor component={Link} to="/forgot-password" size="sm" display="block" mt="xs" data-testid="ask-new-link">
      {t('reset.askAgain')}
    </Anchor>
  );

  return (
    <Stack align="center" pt="xl" data-testid="reset-page">
      <Paper withBorder p="lg" radius="md" w="100%" maw={420}>
        <Title order={2} mb="xs">
          {t('reset.title')}
        </Title>
        {isDone ? (
          <Stack gap="sm">
            <Alert color="green" data-testid="reset-done">
              <Text size="sm">{t('reset.done')}</Text>
            </Alert>
            <Button component={Link} to="/login" data-testid="reset-sign-in">
              {t('auth.signIn')}
            </Button>
          </Stack>
        ) : !token ? (
          <Alert color="orange" data-testid="link-missing">
            <Text size="sm">{t('password.linkMissing')}</Text>
            {askAgain}
          </Alert>
        ) : (
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('reset.intro')}
            </Text>
            <NewPasswordForm
              testIdPrefix="reset"
              submitLabel={t('reset.submit')}
              onSubmit={async (password) => {
                await api.completePasswordReset(token, password);
                setIsDone(true);
              }}
              onInvalidLink={askAgain}
            />
          </Stack>
        )}
      </Paper>
    </Stack>
  );
}
