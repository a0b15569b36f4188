import { Paper, Select, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IMPORT_FIELDS, type ImportColumn } from './ImportApi';

/** Step 2: which person field each column of the file fills, prefilled from the server's guess. */
export function ImportMapping({
  columns,
  sample,
  isLocked,
  saveAs,
  onChange,
  onSaveAsChange,
}: {
  columns: ImportColumn[];
  sample: string[][];
  isLocked: boolean;
  saveAs: string;
  onChange: (columns: ImportColumn[]) => void;
  onSaveAsChange: (name: string) => void;
}) {
  const { t } = useTranslation();
  const options = [{ value: '', label: t('import.ignore') }, ...IMPORT_FIELDS.map((f) => ({ value: f, label: t(`import.fields.${f}`) }))];
  return (
    <>
      <Paper withBorder radius="md" className="tanzim-scroll-x">
        <Table data-testid="import-mapping">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('import.column')}</Table.Th>
              <Table.Th>{t('import.sample')}</Table.Th>
              <Table.Th>{t('import.field')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {columns.map((column, i) => (
              <Table.Tr key={i} data-column={i}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {column.header || '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {sample
                      .slice(0, 3)
                      .map((row) => row[i] ?? '')
                      .filter((v) => v !== '')
                      .join(' · ')}
                  </Text>
                </Table.Td>
                <Table.Td miw={220}>
                  <Select
                    aria-label={column.header}
                    data={options}
                    value={column.field ?? ''}
                    disabled={isLocked}
                    allowDeselect={false}
                    onChange={(value) => onChange(columns.map((c, j) => (j === i ? { ...c, field: value || null } : c)))}
                    data-testid={`import-field-${i}`}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <TextInput
        label={t('import.saveMappingAs')}
        description={t('import.saveMappingHint')}
        value={saveAs}
        disabled={isLocked}
        onChange={(event) => onSaveAsChange(event.currentTarget.value)}
        maw={420}
        data-testid="import-save-mapping"
      />
    </>
  );
}
