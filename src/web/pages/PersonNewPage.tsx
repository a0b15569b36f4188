import { Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../api/client';
import { WriteGate } from '../components/Feedback';
import { PersonForm } from '../components/PersonForm';
import { EMPTY_PERSON } from '../lib/people';

export function PersonNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Stack gap="md" data-testid="person-new-page">
      <Title order={2}>{t('person.new')}</Title>
      <WriteGate>
        <Paper withBorder p="md" radius="md" maw={860}>
          <PersonForm
            initial={EMPTY_PERSON}
            submitLabel={t('common.create')}
            onCancel={() => navigate(-1)}
            onSubmit={async (input) => {
              const person = await api.createPerson(input);
              navigate(`/people/${person.id}`);
            }}
          />
        </Paper>
      </WriteGate>
    </Stack>
  );
}
