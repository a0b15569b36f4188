import { Alert, Button, CopyButton, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, meetingsApi } from '../api/client';
import type { CalendarFeed } from '../api/types';

/**
 * "Subscribe to my calendar": asks for the user's calendar address (a new one replaces the previous,
 * which stops working) and shows it to copy into a calendar application.
 */
export function CalendarFeedButton() {
  const { t } = useTranslation();
  const [isOpen, setIsOpen] = useState(false);
  const [feed, setFeed] = useState<CalendarFeed | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isLoading, setIsLoading] = useState(false);

  const create = async () => {
    setError(null);
    setIsLoading(true);
    try {
      setFeed(await meetingsApi.calendarFeed());
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setIsLoading(false);
    }
  };

  return (
    <>
      <Button variant="default" onClick={() => setIsOpen(true)} data-testid="calendar-subscribe">
        {t('calendar.subscribe')}
      </Button>
      <Modal opened={isOpen} onClose={() => setIsOpen(false)} title={t('calendar.subscribeTitle')} size="lg">
        <Stack gap="sm">
          <Text size="sm">{t('calendar.subscribeIntro')}</Text>
          {feed ? (
            <>
              <FeedAddress label={t('calendar.webcalUrl')} value={feed.url} testId="calendar-feed-webcal" />
              <FeedAddress label={t('calendar.httpsUrl')} value={feed.httpsUrl} testId="calendar-feed-url" />
              <Group>
                <Button component="a" href={feed.url} variant="light" data-testid="calendar-feed-open">
                  {t('calendar.openInApp')}
                </Button>
              </Group>
              <Text size="xs" c="dimmed">
                {t('calendar.keepSecret')}
              </Text>
            </>
          ) : (
            <>
              <Text size="xs" c="dimmed">
                {t('calendar.replacesPrevious')}
              </Text>
              <Group>
                <Button onClick={() => void create()} loading={isLoading} data-testid="calendar-feed-create">
                  {t('calendar.createFeed')}
                </Button>
              </Group>
            </>
          )}
          {error && (
            <Alert color="red" data-testid="form-error">
              <Text size="sm">{error}</Text>
            </Alert>
          )}
        </Stack>
      </Modal>
    </>
  );
}

function FeedAddress({ label, value, testId }: { label: string; value: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <TextInput label={label} value={value} readOnly dir="ltr" style={{ flex: 1 }} data-testid={testId} onFocus={(event) => event.currentTarget.select()} />
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button variant="light" onClick={copy} color={copied ? 'green' : undefined}>
            {copied ? t('common.copied') : t('common.copy')}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}
