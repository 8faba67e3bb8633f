import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../i18n';
import { fmtCount, fmtMinutes, type TableData } from '../figures';
import type { MinuteStats, Summary } from '../types';
import { ChartCard, DataTable } from './ChartCard';

/** Waiting time (all, walk-ins, bookings) and service time: mean, median and p90 in minutes. */
export function TimesChart({ r, xlsx }: { r: Summary; xlsx: () => Promise<void> }) {
  const { t } = useTranslation('reports');
  const lang = useLang();
  const measures: Array<[string, MinuteStats]> = [
    [t('times.waitAll'), r.waitMinutes],
    [t('times.waitWalkIn'), r.waitMinutes.walkIn],
    [t('times.waitBooking'), r.waitMinutes.booking],
    [t('times.service'), r.serviceMinutes],
  ];
  const table: TableData = {
    header: [t('times.measure'), t('times.count'), t('times.mean'), t('times.p50'), t('times.p90')],
    rows: measures.map(([name, s]) => [name, s.count, s.mean, s.p50, s.p90]),
  };
  const round = (n: number | null) => (n === null ? 0 : Math.round(n * 10) / 10);
  const data = measures.map(([name, s]) => ({ measure: name, mean: round(s.mean), p50: round(s.p50), p90: round(s.p90) }));
  return (
    <ChartCard title={t('times.title')} intro={t('times.intro')} table={table} file={`waktu-tunggu-${r.from}-${r.to}`} xlsx={xlsx} testId="report-times">
      <div role="img" aria-label={t('times.chart')}>
        <BarChart
          h={260}
          data={data}
          dataKey="measure"
          series={[
            { name: 'mean', label: t('times.mean'), color: 'indigo.6' },
            { name: 'p50', label: t('times.p50'), color: 'teal.6' },
            { name: 'p90', label: t('times.p90'), color: 'orange.6' },
          ]}
          valueFormatter={(v) => fmtMinutes(v, lang)}
          withLegend
          withTooltip
        />
      </div>
      <DataTable table={table} show={(v, j) => (j === 0 ? String(v) : j === 1 ? fmtCount(Number(v), lang) : fmtMinutes(v as number | null, lang))} testId="report-times-table" />
    </ChartCard>
  );
}
