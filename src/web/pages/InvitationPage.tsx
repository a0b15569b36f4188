import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../api/client';
import { NewPasswordForm } from '../components/NewPasswordForm';
import { useSession } from '../lib/session';

export function InvitationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { signedIn } = useSession();
  const token = params.get('token') ?? '';

  const askAgain = (
    <Text size="sm" mt="xs">
      {t('invitation.askAgain')}
    </Text>
  );

  return (
    <Stack align="center" pt="xl" data-testid="invitation-page">
      <Paper withBorder p="lg" radius="md" w="100%" maw={420}>
        <Title order={2} mb="xs">
          {t('invitation.title')}
        </Title>
        {!token ? (
          <Alert color="orange" data-testid="link-missing">
            <Text size="sm">{t('password.linkMissing')}</Text>
            {askAgain}
          </Alert>
        ) : (
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('invitation.intro')}
            </Text>
            <NewPasswordForm
              testIdPrefix="invitation"
              submitLabel={t('invitation.submit')}
              onSubmit={async (password) => {
                const { user } = await api.acceptInvitation(token, password);
                signedIn(user);
                navigate('/', { replace: true });
              }}
              onInvalidLink={askAgain}
            />
          </Stack>
        )}
      </Paper>
    </Stack>
  );
}
