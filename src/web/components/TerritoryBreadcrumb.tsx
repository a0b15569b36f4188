import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Territory } from '../api/types';
import { localName } from '../lib/format';
import { useLocale } from '../lib/useLocale';

/** Country › region › province › commune, each ancestor linking to `hrefOf(code)`. */
export function TerritoryBreadcrumb({
  ancestors,
  current,
  hrefOf,
}: {
  ancestors: Territory[];
  current: Territory;
  hrefOf: (code: string) => string;
}) {
  const locale = useLocale();
  if (ancestors.length === 0) return null;
  return (
    <Breadcrumbs separator="›" data-testid="breadcrumb" className="tanzim-breadcrumb">
      {ancestors.map((ancestor) => (
        <Anchor key={ancestor.code} component={Link} to={hrefOf(ancestor.code)} size="sm">
          {localName(ancestor, locale)}
        </Anchor>
      ))}
      <Text size="sm" fw={600}>
        {localName(current, locale)}
      </Text>
    </Breadcrumbs>
  );
}
