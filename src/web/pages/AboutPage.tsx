import { Anchor, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useApiData } from '../lib/useApiData';

export function AboutPage() {
  const { t } = useTranslation();
  const health = useApiData(() => api.health(), []);
  return (
    <Stack gap="md" maw={820} data-testid="about-page">
      <Title order={2}>{t('about.title')}</Title>
      <Text>{t('about.intro')}</Text>
      <Paper withBorder p="md" radius="md">
        <Title order={3} size="h5" mb="sm">
          {t('about.dataTitle')}
        </Title>
        <List spacing="sm" data-testid="attribution">
          <List.Item>
            <Text size="sm">{t('about.divisions')}</Text>
            <Anchor href="https://creativecommons.org/licenses/by/4.0/" size="xs" target="_blank" rel="noopener noreferrer">
              CC BY 4.0
            </Anchor>
          </List.Item>
          <List.Item>
            <Text size="sm">{t('about.boundaries')}</Text>
            <Anchor href="https://opendatacommons.org/licenses/odbl/1-0/" size="xs" target="_blank" rel="noopener noreferrer">
              ODbL 1.0
            </Anchor>
            {' · '}
            <Anchor href="https://www.openstreetmap.org/copyright" size="xs" target="_blank" rel="noopener noreferrer">
              © OpenStreetMap
            </Anchor>
          </List.Item>
        </List>
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Title order={3} size="h5" mb="sm">
          {t('about.softwareTitle')}
        </Title>
        <Text size="sm">{t('about.license')}</Text>
        {health.data && (
          <Text size="xs" c="dimmed" mt="xs" data-testid="about-version">
            {t('about.version', { version: health.data.version ?? '—', database: health.data.database })}
          </Text>
        )}
      </Paper>
    </Stack>
  );
}
