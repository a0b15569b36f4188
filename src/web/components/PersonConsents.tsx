import { Badge, Button, Group, Paper, Select, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { CONSENT_CHANNELS, CONSENT_PURPOSES, type Consent, type ConsentChannel, type ConsentPurpose } from '../api/types';
import { todayIso } from '../lib/dates';
import { DateText } from './DateText';
import { EmptyText } from './Feedback';
import { PersonActionModal } from './PersonActionModal';

/**
 * What the person agreed their data may be used for, how and when (law 09-08). A withdrawal takes
 * effect at once: invitation lists only hold people with a consent in force.
 */
export function PersonConsents({
  personId,
  consents,
  canWrite,
  onChange,
}: {
  personId: string;
  consents: Consent[];
  canWrite: boolean;
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const [isAdding, setIsAdding] = useState(false);
  const [withdrawing, setWithdrawing] = useState<ConsentPurpose | null>(null);
  const sorted = [...consents].sort((a, b) => b.givenOn.localeCompare(a.givenOn) || b.id - a.id);
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h5">
          {t('consent.many')}
        </Title>
        {canWrite && (
          <Button variant="light" size="xs" onClick={() => setIsAdding(true)} data-testid="add-consent">
            {t('consent.add')}
          </Button>
        )}
      </Group>
      {sorted.length === 0 ? (
        <EmptyText>{t('consent.none')}</EmptyText>
      ) : (
        <div className="tanzim-scroll-x">
          <Table data-testid="person-consents">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('consent.purpose')}</Table.Th>
                <Table.Th>{t('consent.channel')}</Table.Th>
                <Table.Th>{t('consent.givenOn')}</Table.Th>
                <Table.Th>{t('consent.state')}</Table.Th>
                {canWrite && <Table.Th aria-label={t('common.actions')} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((consent) => (
                <Table.Tr key={consent.id} data-consent-id={consent.id} data-purpose={consent.purpose} data-in-force={consent.withdrawnOn === null}>
                  <Table.Td>{t(`consentPurpose.${consent.purpose}`, { defaultValue: consent.purpose })}</Table.Td>
                  <Table.Td>{t(`consentChannel.${consent.channel}`, { defaultValue: consent.channel })}</Table.Td>
                  <Table.Td>
                    <DateText value={consent.givenOn} />
                  </Table.Td>
                  <Table.Td>
                    {consent.withdrawnOn ? (
                      <Text size="sm" c="dimmed">
                        {t('consent.withdrawnOn')} <DateText value={consent.withdrawnOn} />
                      </Text>
                    ) : (
                      <Badge color="green" variant="light" tt="none" className="tanzim-badge">
                        {t('consent.inForce')}
                      </Badge>
                    )}
                  </Table.Td>
                  {canWrite && (
                    <Table.Td>
                      {consent.withdrawnOn === null && (
                        <Button variant="subtle" color="red" size="compact-xs" onClick={() => setWithdrawing(consent.purpose)} data-testid="withdraw-consent">
                          {t('consent.withdraw')}
                        </Button>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      {isAdding && <AddConsentModal personId={personId} onClose={() => setIsAdding(false)} onDone={onChange} />}
      {withdrawing && <WithdrawConsentModal personId={personId} purpose={withdrawing} onClose={() => setWithdrawing(null)} onDone={onChange} />}
    </Paper>
  );
}

function AddConsentModal({ personId, onClose, onDone }: { personId: string; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [purpose, setPurpose] = useState<ConsentPurpose>('invitations');
  const [channel, setChannel] = useState<ConsentChannel>('paper_form');
  const [givenOn, setGivenOn] = useState(todayIso());
  return (
    <PersonActionModal
      title={t('consent.add')}
      opened
      onClose={onClose}
      submitLabel={t('consent.record')}
      testId="add-consent"
      onSubmit={async () => {
        await api.addConsent(personId, { purpose, channel, givenOn });
        notifications.show({ color: 'green', message: t('consent.recorded') });
        onDone();
      }}
    >
      <Select
        label={t('consent.purpose')}
        required
        allowDeselect={false}
        value={purpose}
        onChange={(value) => value && setPurpose(value as ConsentPurpose)}
        data={CONSENT_PURPOSES.map((p) => ({ value: p, label: t(`consentPurpose.${p}`) }))}
        comboboxProps={{ withinPortal: false }}
        data-testid="add-consent-purpose"
      />
      <Select
        label={t('consent.channel')}
        required
        allowDeselect={false}
        value={channel}
        onChange={(value) => value && setChannel(value as ConsentChannel)}
        data={CONSENT_CHANNELS.map((c) => ({ value: c, label: t(`consentChannel.${c}`) }))}
        comboboxProps={{ withinPortal: false }}
        data-testid="add-consent-channel"
      />
      <TextInput type="date" dir="ltr" required label={t('consent.givenOn')} value={givenOn} onChange={(event) => setGivenOn(event.currentTarget.value)} data-testid="add-consent-given-on" />
    </PersonActionModal>
  );
}

function WithdrawConsentModal({ personId, purpose, onClose, onDone }: { personId: string; purpose: ConsentPurpose; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [withdrawnOn, setWithdrawnOn] = useState(todayIso());
  return (
    <PersonActionModal
      title={t('consent.withdraw')}
      opened
      onClose={onClose}
      submitLabel={t('consent.withdraw')}
      submitColor="red"
      testId="withdraw-consent"
      onSubmit={async () => {
        await api.withdrawConsent(personId, { purpose, withdrawnOn });
        notifications.show({ color: 'green', message: t('consent.withdrawn') });
        onDone();
      }}
    >
      <Text size="sm">{t('consent.withdrawText', { purpose: t(`consentPurpose.${purpose}`) })}</Text>
      <TextInput
        type="date"
        dir="ltr"
        required
        label={t('consent.withdrawnOn')}
        value={withdrawnOn}
        onChange={(event) => setWithdrawnOn(event.currentTarget.value)}
        data-testid="withdraw-consent-date"
      />
    </PersonActionModal>
  );
}
