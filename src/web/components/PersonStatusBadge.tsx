import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PersonStatus } from '../api/types';

const STATUS_COLOR: Record<PersonStatus, string> = {
  sympathizer: 'gray',
  member: 'teal',
  cadre: 'indigo',
};

export function PersonStatusBadge({ status }: { status: PersonStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" tt="none" className="tanzim-badge" data-testid="person-status-badge" data-status={status}>
      {t(`personStatus.${status}`)}
    </Badge>
  );
}

/** The sectors a person belongs to, one small badge each. */
export function PersonSectorBadges({ sectors }: { sectors: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <>
      {sectors.map((sector) => (
        <Badge key={sector} color="grape" variant="outline" tt="none" size="sm" className="tanzim-badge" data-sector={sector}>
          {t(`sector.${sector}`, { defaultValue: sector })}
        </Badge>
      ))}
    </>
  );
}
