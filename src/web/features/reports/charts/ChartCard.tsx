import { Button, Card, Group, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../../lib/errors';
import { saveBlob } from '../api';
import { toCsv, type Cell, type TableData } from '../figures';

/**
 * One chart of the dashboard with its table and downloads: CSV of exactly this table, made here,
 * and XLSX from the server (the report's workbook, this table one of its sheets).
 */
export function ChartCard({ title, intro, table, file, xlsx, testId, children }: { title: string; intro?: string; table: TableData; file: string; xlsx?: () => Promise<void>; testId: string; children: ReactNode }) {
  const { t } = useTranslation('reports');
  const [busy, setBusy] = useState(false);
  const csv = () => saveBlob(new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' }), `${file}.csv`);
  const onXlsx = async () => {
    setBusy(true);
    try {
      await xlsx!();
    } catch (e) {
      notifyError(e, t('dashboard.exportFailed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder data-testid={testId}>
      <Group justify="space-between" align="flex-start" mb="xs" wrap="wrap">
        <div>
          <Title order={3} size="h4">{title}</Title>
          {intro && <Text size="sm" c="dimmed">{intro}</Text>}
        </div>
        <Group gap="xs">
          <Button size="xs" variant="default" leftSection={<IconDownload size={14} />} onClick={csv} aria-label={t('dashboard.downloadTable', { title, format: 'CSV' })} data-testid={`${testId}-csv`}>
            {t('dashboard.csv')}
          </Button>
          {xlsx && (
            <Tooltip label={t('dashboard.xlsxHint')}>
              <Button size="xs" variant="default" leftSection={<IconDownload size={14} />} loading={busy} onClick={() => void onXlsx()} aria-label={t('dashboard.downloadTable', { title, format: 'XLSX' })}>
                {t('dashboard.xlsx')}
              </Button>
            </Tooltip>
          )}
        </Group>
      </Group>
      {children}
    </Card>
  );
}

/** A figures table: the first column names the row, the others are numbers shown by `show`. */
export function DataTable({ table, show, testId, minWidth = 480, maxHeight }: { table: TableData; show: (v: Cell, column: number) => string; testId?: string; minWidth?: number; maxHeight?: number }) {
  const { t } = useTranslation('reports');
  return (
    <Table.ScrollContainer minWidth={minWidth} maxHeight={maxHeight} mt="sm">
      <Table striped stickyHeader={!!maxHeight} data-testid={testId}>
        <Table.Thead>
          <Table.Tr>{table.header.map((h, i) => <Table.Th key={i} ta={i ? 'right' : undefined} scope="col">{h}</Table.Th>)}</Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {table.rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={table.header.length} c="dimmed">{t('dashboard.noRows')}</Table.Td>
            </Table.Tr>
          )}
          {table.rows.map((r, i) => (
            <Table.Tr key={i}>
              {r.map((v, j) => (j === 0 ? <Table.Th key={j} scope="row" fw={500}>{show(v, j)}</Table.Th> : <Table.Td key={j} ta="right">{show(v, j)}</Table.Td>))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
