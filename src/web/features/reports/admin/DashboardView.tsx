import '@mantine/charts/styles.css';
import { Button, Group, Stack, Text } from '@mantine/core';
import { IconChartBar, IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Empty, TableSkeleton } from '../../../app/admin';
import { QueryError } from '../../../app/QueryError';
import { useLang } from '../../../i18n';
import { notifyError } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { downloadSummary, useSummary } from '../api';
import { AgencyChart } from '../charts/AgencyChart';
import { DailyChart } from '../charts/DailyChart';
import { HeatMap } from '../charts/HeatMap';
import { TimesChart } from '../charts/TimesChart';
import { Filters } from './Filters';
import { Kpis } from './Kpis';
import type { ReportsScope } from './scope';
import { useDashboardFilters } from './useFilters';

/** The dashboard: period and scope, the headline figures, and each chart with its table and downloads. */
export default function DashboardView({ scope }: { scope: ReportsScope }) {
  const { t } = useTranslation('reports');
  const lang = useLang();
  const f = useDashboardFilters(scope);
  const siteId = scope.siteId ?? undefined;
  const summary = useSummary(siteId, f.query ?? { from: '', to: '' }, !!f.query);
  const [busy, setBusy] = useState<'csv' | 'xlsx' | null>(null);
  const exportAs = async (format: 'csv' | 'xlsx') => {
    if (!siteId || !f.query) return;
    setBusy(format);
    try {
      await downloadSummary(siteId, f.query, format);
    } catch (e) {
      notifyError(e, t('dashboard.exportFailed'));
    } finally {
      setBusy(null);
    }
  };
  const xlsx = () => downloadSummary(siteId!, f.query!, 'xlsx');
  const r = summary.data;
  return (
    <Stack gap="md">
      <Filters scope={scope} f={f} />
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" c="dimmed" data-testid="report-as-of">
          {r ? t('dashboard.asOf', { when: formatDateTime(r.asOf, lang, r.site.timeZone) }) : ''}
        </Text>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconDownload size={16} />} loading={busy === 'csv'} disabled={!r || !f.query} onClick={() => void exportAs('csv')} data-testid="report-export-csv">{t('dashboard.exportCsv')}</Button>
          <Button variant="default" leftSection={<IconDownload size={16} />} loading={busy === 'xlsx'} disabled={!r || !f.query} onClick={() => void exportAs('xlsx')} data-testid="report-export-xlsx">{t('dashboard.exportXlsx')}</Button>
        </Group>
      </Group>
      {summary.error ? <QueryError error={summary.error} onRetry={() => void summary.refetch()} /> : null}
      {!f.query ? (scope.ready ? null : <TableSkeleton rows={6} />) : !r ? (
        summary.error ? null : <TableSkeleton rows={6} />
      ) : (
        <Stack gap="md" data-testid="report-summary" data-from={r.from} data-to={r.to} aria-busy={summary.isFetching}>
          <Kpis r={r} />
          {r.tickets === 0 ? (
            <Empty icon={<IconChartBar size={28} />} title={t('dashboard.empty')} description={t('dashboard.emptyHint')} />
          ) : (
            <>
              <DailyChart r={r} xlsx={xlsx} />
              <HeatMap r={r} xlsx={xlsx} />
              <TimesChart r={r} xlsx={xlsx} />
              {r.byAgency.length > 0 && <AgencyChart r={r} xlsx={xlsx} />}
            </>
          )}
        </Stack>
      )}
    </Stack>
  );
}
