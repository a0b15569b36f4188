import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TerritoryLevel } from '../api/types';

const LEVEL_COLOR: Record<TerritoryLevel, string> = {
  country: 'dark',
  region: 'indigo',
  province: 'teal',
  commune: 'grape',
};

export function LevelBadge({ level }: { level: TerritoryLevel }) {
  const { t } = useTranslation();
  return (
    <Badge color={LEVEL_COLOR[level]} variant="light" size="sm">
      {t(`level.${level}`)}
    </Badge>
  );
}
