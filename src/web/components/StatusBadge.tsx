import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BodyStatus, CoverageStatus } from '../api/types';

export const COVERAGE_COLORS: Record<CoverageStatus, string> = {
  constituted: '#2f9e44',
  preparatory: '#f08c00',
  none: '#dee2e6',
};

const BODY_STATUS_COLOR: Record<BodyStatus, string> = {
  constituted: 'green',
  preparatory: 'orange',
  dissolved: 'gray',
};

export function BodyStatusBadge({ status }: { status: BodyStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={BODY_STATUS_COLOR[status]} variant="light" tt="none" className="tanzim-badge" data-testid="body-status" data-status={status}>
      {t(`bodyStatus.${status}`)}
    </Badge>
  );
}

export function CoverageStatusBadge({ status }: { status: CoverageStatus }) {
  const { t } = useTranslation();
  const color = status === 'constituted' ? 'green' : status === 'preparatory' ? 'orange' : 'gray';
  return (
    <Badge color={color} variant={status === 'none' ? 'outline' : 'light'} tt="none" className="tanzim-badge" data-status={status} title={t(`coverageStatus.${status}`)}>
      {t(`coverageBadge.${status}`)}
    </Badge>
  );
}
