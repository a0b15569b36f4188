import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MeetingMode, MeetingStatus, RsvpAnswer } from '../api/types';
import { formatDate } from '../lib/dates';
import { moroccoDayTime, timeRange, weekdayOf } from '../lib/meetings';
import { useLocale } from '../lib/useLocale';

const ICON_PROPS = { width: 14, height: 14, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: 2, strokeLinecap: 'round', strokeLinejoin: 'round', 'aria-hidden': true } as const;

/** A camera for a video conference, a pin for a place, both for a hybrid meeting. Drawn here: no icon font is fetched. */
export function MeetingModeIcon({ mode }: { mode: MeetingMode }) {
  const camera = (
    <svg {...ICON_PROPS} key="camera">
      <rect x="2" y="6" width="13" height="12" rx="2" />
      <path d="M15 10l6-3v10l-6-3z" />
    </svg>
  );
  const pin = (
    <svg {...ICON_PROPS} key="pin">
      <path d="M12 21s-7-6.2-7-11a7 7 0 0 1 14 0c0 4.8-7 11-7 11z" />
      <circle cx="12" cy="10" r="2.5" />
    </svg>
  );
  if (mode === 'remote') return camera;
  if (mode === 'in_person') return pin;
  return (
    <Group gap={2} wrap="nowrap" component="span">
      {pin}
      {camera}
    </Group>
  );
}

const MODE_COLOR: Record<MeetingMode, string> = { in_person: 'teal', remote: 'indigo', hybrid: 'grape' };

export function MeetingModeBadge({ mode }: { mode: MeetingMode }) {
  const { t } = useTranslation();
  return (
    <Badge color={MODE_COLOR[mode]} variant="light" tt="none" className="tanzim-badge" leftSection={<MeetingModeIcon mode={mode} />} data-testid="meeting-mode" data-mode={mode}>
      {t(`meetingMode.${mode}`)}
    </Badge>
  );
}

export function meetingModeColor(mode: MeetingMode): string {
  return MODE_COLOR[mode];
}

export function MeetingStatusBadge({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation();
  if (status === 'scheduled') return null;
  return (
    <Badge color="red" variant="light" tt="none" className="tanzim-badge" data-testid="meeting-status" data-status={status}>
      {t(`meetingStatus.${status}`)}
    </Badge>
  );
}

const RSVP_COLOR: Record<RsvpAnswer | 'none', string> = { yes: 'green', no: 'red', maybe: 'yellow', none: 'gray' };

export function RsvpBadge({ answer }: { answer: RsvpAnswer | null }) {
  const { t } = useTranslation();
  const state = answer ?? 'none';
  return (
    <Badge color={RSVP_COLOR[state]} variant={answer ? 'light' : 'outline'} tt="none" className="tanzim-badge" data-testid="rsvp-answer" data-rsvp={state}>
      {t(`meeting.rsvp.${state}`)}
    </Badge>
  );
}

/** "الأحد 17 ماي 2020، 16:00 – 18:00": the day and the times of a meeting, on Moroccan time. */
export function MeetingWhen({ startsAt, endsAt, withTimes = true }: { startsAt: string; endsAt: string; withTimes?: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { day } = moroccoDayTime(startsAt);
  const date = `${t(`calendar.weekday.${weekdayOf(day)}`)} ${formatDate(day, locale)}`;
  return (
    <time dateTime={startsAt} data-testid="meeting-when">
      {withTimes ? t('meeting.when', { date, times: timeRange(startsAt, endsAt) }) : date}
    </time>
  );
}
