import { Button, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { meetingsApi } from '../api/client';
import { CalendarFeedButton } from '../components/CalendarFeedButton';
import { CalendarGrid } from '../components/CalendarGrid';
import { ErrorAlert, Loading, SignInGate, WriteGate } from '../components/Feedback';
import { formatDate, moroccoDayBound } from '../lib/dates';
import { formatNumber } from '../lib/format';
import { CALENDAR_VIEWS, formatMonth, isDay, meetingsByDay, monthGrid, moroccoToday, shiftAnchor, visibleDays, weekGrid, type CalendarView } from '../lib/meetings';
import { withParam } from '../lib/people';
import { useApiData } from '../lib/useApiData';
import { useLocale } from '../lib/useLocale';

// The most meetings one page of the calendar asks for: six weeks of a busy province.
const CALENDAR_LIMIT = 500;

export function MeetingsPage() {
  return (
    <SignInGate>
      <MeetingsCalendar />
    </SignInGate>
  );
}

function MeetingsCalendar() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  // The view and the day shown live in the address, so that a week can be bookmarked and shared.
  const view: CalendarView = params.get('view') === 'week' ? 'week' : 'month';
  const today = moroccoToday();
  const requested = params.get('date');
  const anchor = isDay(requested) ? requested : today;
  const { first, last } = visibleDays(view, anchor);

  const meetings = useApiData(
    () => meetingsApi.meetings({ from: moroccoDayBound(first, 'start'), to: moroccoDayBound(last, 'end'), limit: CALENDAR_LIMIT }),
    [first, last],
  );
  const byDay = useMemo(() => meetingsByDay(meetings.data?.items ?? []), [meetings.data]);
  const weeks = view === 'week' ? [weekGrid(anchor, today)] : monthGrid(anchor, today);

  const go = (changes: Record<string, string | null>) => {
    let next = params;
    for (const [key, value] of Object.entries(changes)) next = withParam(next, key, value);
    setParams(next, { replace: true });
  };
  const heading = view === 'week' ? `${formatDate(first, locale)} – ${formatDate(last, locale)}` : formatMonth(anchor, locale);
  const count = meetings.data?.items.length ?? 0;

  return (
    <Stack gap="md" data-testid="meetings-page">
      <Group justify="space-between">
        <Title order={2}>{t('meeting.many')}</Title>
        <Group gap="xs">
          <CalendarFeedButton />
          <WriteGate>
            <Button component={Link} to="/meetings/new" data-testid="new-meeting">
              {t('meeting.new')}
            </Button>
          </WriteGate>
        </Group>
      </Group>

      <Paper withBorder p="sm" radius="md">
        <Group justify="space-between" gap="sm">
          <Group gap="xs">
            <Button variant="default" size="xs" onClick={() => go({ date: shiftAnchor(view, anchor, -1) })} data-testid="calendar-previous">
              {t(view === 'week' ? 'calendar.previousWeek' : 'calendar.previousMonth')}
            </Button>
            <Button variant="default" size="xs" onClick={() => go({ date: null })} data-testid="calendar-today">
              {t('calendar.today')}
            </Button>
            <Button variant="default" size="xs" onClick={() => go({ date: shiftAnchor(view, anchor, 1) })} data-testid="calendar-next">
              {t(view === 'week' ? 'calendar.nextWeek' : 'calendar.nextMonth')}
            </Button>
          </Group>
          <Title order={3} size="h4" data-testid="calendar-heading">
            {heading}
          </Title>
          <SegmentedControl
            size="xs"
            value={view}
            onChange={(value) => go({ view: value === 'week' ? 'week' : null })}
            data={CALENDAR_VIEWS.map((v) => ({ value: v, label: t(`calendar.${v}`) }))}
            data-testid="calendar-view"
          />
        </Group>
      </Paper>

      {meetings.error !== undefined ? (
        <ErrorAlert error={meetings.error} onRetry={meetings.reload} />
      ) : meetings.isLoading && !meetings.data ? (
        <Loading />
      ) : (
        <>
          <Text size="sm" c="dimmed" data-testid="calendar-count">
            {count === 0 ? t('calendar.noMeetings') : t('calendar.meetingsShown', { value: formatNumber(count, locale) })}
          </Text>
          <CalendarGrid weeks={weeks} meetingsOn={(day) => byDay.get(day) ?? []} isWeek={view === 'week'} />
        </>
      )}
    </Stack>
  );
}
