import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../i18n';
import { fmtCount, fmtMinutes, type TableData } from '../figures';
import type { Summary } from '../types';
import { ChartCard, DataTable } from './ChartCard';

/** Every agency's tickets, visitors, outcomes and times, busiest first. */
export function AgencyChart({ r, xlsx }: { r: Summary; xlsx: () => Promise<void> }) {
  const { t } = useTranslation('reports');
  const lang = useLang();
  const agencies = [...r.byAgency].sort((a, b) => b.tickets - a.tickets || a.name.localeCompare(b.name));
  const table: TableData = {
    header: [t('agencies.agency'), t('kpi.visitors'), t('kpi.tickets'), t('kpi.served'), t('kpi.noShows'), t('kpi.transfers'), t('agencies.walkIns'), t('agencies.bookings'), t('agencies.waitMean'), t('agencies.waitP90'), t('agencies.serviceMean')],
    rows: agencies.map((a) => [a.name, a.visitors, a.tickets, a.served, a.noShows, a.transfers, a.walkIns, a.fromBookings, a.waitMinutes.mean, a.waitMinutes.p90, a.serviceMinutes.mean]),
  };
  return (
    <ChartCard title={t('agencies.title')} table={table} file={`per-instansi-${r.from}-${r.to}`} xlsx={xlsx} testId="report-agencies">
      {agencies.length > 1 && (
        <div role="img" aria-label={t('agencies.chart')}>
          <BarChart
            h={Math.max(160, agencies.length * 36)}
            data={agencies.map((a) => ({ name: a.name, tickets: a.tickets, served: a.served }))}
            dataKey="name"
            orientation="vertical"
            yAxisProps={{ width: 180 }}
            series={[
              { name: 'tickets', label: t('kpi.tickets'), color: 'indigo.6' },
              { name: 'served', label: t('kpi.served'), color: 'teal.6' },
            ]}
            valueFormatter={(v) => fmtCount(v, lang)}
            withLegend
            withTooltip
          />
        </div>
      )}
      <DataTable table={table} minWidth={960} show={(v, j) => (j === 0 ? String(v) : j >= 8 ? fmtMinutes(v as number | null, lang) : fmtCount(Number(v), lang))} testId="report-agencies-table" />
    </ChartCard>
  );
}
