import { Box, Paper, SimpleGrid, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Meeting } from '../api/types';
import { formatDate } from '../lib/dates';
import { localName } from '../lib/format';
import { moroccoDayTime, WEEKDAYS, type CalendarDay } from '../lib/meetings';
import { useLocale } from '../lib/useLocale';
import { meetingModeColor, MeetingModeIcon } from './MeetingBadges';

/**
 * A month (weeks of seven days) or a week of meetings. The grid follows the page's direction: Monday
 * sits at the start of the line, on the right in Arabic.
 */
export function CalendarGrid({ weeks, meetingsOn, isWeek }: { weeks: CalendarDay[][]; meetingsOn: (day: string) => Meeting[]; isWeek: boolean }) {
  const { t } = useTranslation();
  return (
    <Box data-testid="calendar-grid" data-view={isWeek ? 'week' : 'month'}>
      <SimpleGrid cols={7} spacing={4} visibleFrom={isWeek ? 'sm' : undefined} mb={4}>
        {WEEKDAYS.map((weekday) => (
          <Text key={weekday} size="xs" fw={600} c="dimmed" ta="center">
            {t(`calendar.weekday.${weekday}`)}
          </Text>
        ))}
      </SimpleGrid>
      <Stack gap={4}>
        {weeks.map((week) => (
          <SimpleGrid key={week[0]?.day} cols={isWeek ? { base: 1, sm: 7 } : 7} spacing={4}>
            {week.map((day) => (
              <DayCell key={day.day} day={day} meetings={meetingsOn(day.day)} isWeek={isWeek} />
            ))}
          </SimpleGrid>
        ))}
      </Stack>
    </Box>
  );
}

function DayCell({ day, meetings, isWeek }: { day: CalendarDay; meetings: Meeting[]; isWeek: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Paper
      withBorder
      radius="sm"
      p={4}
      mih={isWeek ? 160 : 96}
      bg={day.isToday ? 'teal.0' : day.isInMonth ? undefined : 'gray.0'}
      data-testid="calendar-day"
      data-day={day.day}
      aria-label={formatDate(day.day, locale)}
    >
      <Text size="xs" fw={day.isToday ? 700 : 500} c={day.isInMonth ? undefined : 'dimmed'} mb={2}>
        {isWeek ? `${t(`calendar.weekday.${day.weekday}`)} ${formatDate(day.day, locale)}` : Number(day.day.slice(8))}
      </Text>
      <Stack gap={3}>
        {meetings.map((meeting) => (
          <MeetingChip key={meeting.id} meeting={meeting} isWeek={isWeek} />
        ))}
      </Stack>
    </Paper>
  );
}

/** One meeting in a day: its time, its mode and its title, opening the meeting's page. */
function MeetingChip({ meeting, isWeek }: { meeting: Meeting; isWeek: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const color = meetingModeColor(meeting.mode);
  const isCancelled = meeting.status === 'cancelled';
  const label = `${moroccoDayTime(meeting.startsAt).time} · ${meeting.title}`;
  return (
    <Tooltip label={`${label} — ${localName(meeting.body, locale)} · ${t(`meetingMode.${meeting.mode}`)}`} multiline maw={320} openDelay={300}>
      <UnstyledButton
        component={Link}
        to={`/meetings/${meeting.id}`}
        data-testid="calendar-meeting"
        data-meeting-id={meeting.id}
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 4,
          paddingInline: 4,
          paddingBlock: 2,
          borderRadius: 4,
          borderInlineStart: `3px solid var(--mantine-color-${color}-6)`,
          background: `var(--mantine-color-${color}-light)`,
          fontSize: 'var(--mantine-font-size-xs)',
          textDecoration: isCancelled ? 'line-through' : undefined,
          opacity: isCancelled ? 0.6 : 1,
          minInlineSize: 0,
        }}
      >
        <Box component="span" c={`${color}.8`} style={{ display: 'inline-flex', flexShrink: 0 }}>
          <MeetingModeIcon mode={meeting.mode} />
        </Box>
        {/* A phone's month shows the mode alone; the time and title follow where the day has room. */}
        <Text span size="xs" fw={600} dir="ltr" style={{ flexShrink: 0 }} visibleFrom={isWeek ? undefined : 'sm'}>
          {moroccoDayTime(meeting.startsAt).time}
        </Text>
        <Text span size="xs" lineClamp={isWeek ? 3 : 1} style={{ minInlineSize: 0 }} dir="auto" visibleFrom={isWeek ? undefined : 'sm'}>
          {meeting.title}
        </Text>
      </UnstyledButton>
    </Tooltip>
  );
}
