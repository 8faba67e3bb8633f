import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../i18n';
import { formatDate } from '../../../lib/format';
import { fmtCount, type TableData } from '../figures';
import type { Summary } from '../types';
import { ChartCard, DataTable } from './ChartCard';

/** Tickets, visitors and finished services per day of the period. */
export function DailyChart({ r, xlsx }: { r: Summary; xlsx: () => Promise<void> }) {
  const { t } = useTranslation('reports');
  const lang = useLang();
  const table: TableData = {
    header: [t('daily.date'), t('kpi.visitors'), t('kpi.tickets'), t('kpi.served')],
    rows: r.byDay.map((d) => [d.date, d.visitors, d.tickets, d.served]),
  };
  const data = r.byDay.map((d) => ({ day: formatDate(d.date, lang, { day: 'numeric', month: 'short' }), visitors: d.visitors, tickets: d.tickets, served: d.served }));
  return (
    <ChartCard title={t('daily.title')} table={table} file={`tiket-per-hari-${r.from}-${r.to}`} xlsx={xlsx} testId="report-daily">
      <div role="img" aria-label={t('daily.chart')}>
        <BarChart
          h={260}
          data={data}
          dataKey="day"
          series={[
            { name: 'tickets', label: t('kpi.tickets'), color: 'indigo.6' },
            { name: 'served', label: t('kpi.served'), color: 'teal.6' },
            { name: 'visitors', label: t('kpi.visitors'), color: 'orange.6' },
          ]}
          valueFormatter={(v) => fmtCount(v, lang)}
          withLegend
          withTooltip
        />
      </div>
      <DataTable table={table} maxHeight={320} show={(v, j) => (j === 0 ? formatDate(String(v), lang, 'short') : fmtCount(Number(v), lang))} testId="report-daily-table" />
    </ChartCard>
  );
}
