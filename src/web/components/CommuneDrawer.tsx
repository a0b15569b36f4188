import { Anchor, Button, Drawer, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CommuneCoverage } from '../api/types';
import { formatNumber, localName } from '../lib/format';
import { useLocale } from '../lib/useLocale';
import { WriteGate } from './Feedback';
import { BodyStatusBadge, CoverageStatusBadge } from './StatusBadge';

/** A commune's bodies, opened from the map or the table of a province. */
export function CommuneDrawer({ commune, onClose }: { commune: CommuneCoverage | null; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Drawer
      opened={commune !== null}
      onClose={onClose}
      // Mantine mirrors 'right' in right-to-left pages: the drawer opens on the table's side and leaves the map visible.
      position="right"
      overlayProps={{ backgroundOpacity: 0.2 }}
      title={commune ? localName(commune, locale) : ''}
      data-testid="commune-drawer"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {commune && (
        <Stack gap="md" data-testid="commune-panel" data-code={commune.code}>
          <Group gap="xs">
            <CoverageStatusBadge status={commune.status} />
            <Text size="sm" c="dimmed">
              {t('territory.population')}: {formatNumber(commune.population, locale)}
            </Text>
          </Group>
          <div>
            <Text fw={600} size="sm" mb={4}>
              {t('body.many')}
            </Text>
            {commune.bodies.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('coverage.noBodyHere')}
              </Text>
            ) : (
              <List spacing="xs" listStyleType="none" data-testid="commune-bodies">
                {commune.bodies.map((body) => (
                  <List.Item key={body.id}>
                    <Group gap="xs" wrap="nowrap">
                      <Anchor component={Link} to={`/bodies/${body.id}`} size="sm">
                        {localName(body, locale)}
                      </Anchor>
                      <BodyStatusBadge status={body.status} />
                    </Group>
                    <Text size="xs" c="dimmed">
                      {t(`bodyKind.${body.kind}`)}
                    </Text>
                  </List.Item>
                ))}
              </List>
            )}
          </div>
          <Group gap="xs">
            <Button component={Link} to={`/coverage/${commune.code}`} variant="default" size="xs">
              {t('coverage.openCommune')}
            </Button>
            <Button component={Link} to={`/territories/${commune.code}`} variant="subtle" size="xs">
              {t('territory.details')}
            </Button>
          </Group>
          <WriteGate territory={commune.code}>
            <Button component={Link} to={`/bodies/new?territory=${commune.code}`} data-testid="create-body-here">
              {t('coverage.createBodyHere')}
            </Button>
          </WriteGate>
        </Stack>
      )}
    </Drawer>
  );
}
