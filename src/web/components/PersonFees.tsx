import { Button, Group, NumberInput, Paper, Table, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Fee } from '../api/types';
import { todayIso } from '../lib/dates';
import { formatNumber } from '../lib/format';
import { useLocale } from '../lib/useLocale';
import { DateText } from './DateText';
import { EmptyText } from './Feedback';
import { PersonActionModal } from './PersonActionModal';

/** Membership fees paid, one a year, most recent first; officers record a payment. */
export function PersonFees({ personId, fees, canWrite, onChange }: { personId: string; fees: Fee[]; canWrite: boolean; onChange: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [isAdding, setIsAdding] = useState(false);
  const sorted = [...fees].sort((a, b) => b.year - a.year);
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h5">
          {t('fee.many')}
        </Title>
        {canWrite && (
          <Button variant="light" size="xs" onClick={() => setIsAdding(true)} data-testid="add-fee">
            {t('fee.add')}
          </Button>
        )}
      </Group>
      {sorted.length === 0 ? (
        <EmptyText>{t('fee.none')}</EmptyText>
      ) : (
        <div className="tanzim-scroll-x">
          <Table data-testid="person-fees">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fee.year')}</Table.Th>
                <Table.Th className="tanzim-num">{t('fee.amount')}</Table.Th>
                <Table.Th>{t('fee.paidOn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((fee) => (
                <Table.Tr key={fee.year} data-year={fee.year}>
                  <Table.Td>{fee.year}</Table.Td>
                  <Table.Td className="tanzim-num">{t('fee.amountValue', { value: formatNumber(fee.amount, locale) })}</Table.Td>
                  <Table.Td>
                    <DateText value={fee.paidOn} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      {isAdding && <AddFeeModal personId={personId} onClose={() => setIsAdding(false)} onDone={onChange} />}
    </Paper>
  );
}

function AddFeeModal({ personId, onClose, onDone }: { personId: string; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [year, setYear] = useState<number | ''>(new Date().getFullYear());
  const [amount, setAmount] = useState<number | ''>('');
  const [paidOn, setPaidOn] = useState(todayIso());
  return (
    <PersonActionModal
      title={t('fee.add')}
      opened
      onClose={onClose}
      submitLabel={t('fee.record')}
      testId="add-fee"
      onSubmit={async () => {
        if (year === '' || amount === '') throw new Error(t('fee.missingFields'));
        await api.recordFee(personId, { year, amount, paidOn });
        notifications.show({ color: 'green', message: t('fee.recorded') });
        onDone();
      }}
    >
      <Group grow align="flex-start">
        <NumberInput
          label={t('fee.year')}
          required
          min={1990}
          max={2100}
          allowDecimal={false}
          thousandSeparator={false}
          value={year}
          onChange={(value) => setYear(typeof value === 'number' ? value : '')}
          data-testid="add-fee-year"
        />
        <NumberInput
          label={t('fee.amount')}
          description={t('fee.currency')}
          required
          min={0}
          decimalScale={2}
          value={amount}
          onChange={(value) => setAmount(typeof value === 'number' ? value : '')}
          data-testid="add-fee-amount"
        />
      </Group>
      <TextInput type="date" dir="ltr" required label={t('fee.paidOn')} value={paidOn} onChange={(event) => setPaidOn(event.currentTarget.value)} data-testid="add-fee-paid-on" />
    </PersonActionModal>
  );
}
