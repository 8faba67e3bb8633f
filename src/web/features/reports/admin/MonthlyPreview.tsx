import { LineChart } from '@mantine/charts';
import { Card, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../i18n';
import { formatDateTime, formatMonth } from '../../../lib/format';
import { DataTable } from '../charts/ChartCard';
import { fmtCount, fmtIkm, fmtMinutes, fmtShare, type TableData } from '../figures';
import type { Indicator, Monthly } from '../types';

/** The month's report as it will print: the indicators in the configured order, then the tables. */
export function MonthlyPreview({ m }: { m: Monthly }) {
  const { t } = useTranslation('reports');
  const lang = useLang();
  const s = m.summary;
  const n = (v: number) => fmtCount(v, lang);
  const values: Partial<Record<Indicator, string>> = {
    visitors: n(s.visitors),
    tickets: n(s.tickets),
    served: n(s.served),
    noShows: n(s.noShows),
    wait: s.waitMinutes.count === 0 ? t('kpi.notMeasured') : `${t('fmt.minutes', { n: fmtMinutes(s.waitMinutes.mean, lang) })} (${t('kpi.waitParts', { p50: fmtMinutes(s.waitMinutes.p50, lang), p90: fmtMinutes(s.waitMinutes.p90, lang) })})`,
    service: s.serviceMinutes.count === 0 ? t('kpi.notMeasured') : t('fmt.minutes', { n: fmtMinutes(s.serviceMinutes.mean, lang) }),
    withinTarget: `${fmtShare(s.withinTarget.share, lang)} (≤ ${t('fmt.minutes', { n: s.withinTarget.targetMinutes })})`,
    bookings: s.bookings ? `${n(s.bookings.made)} · ${t('kpi.showRate')} ${fmtShare(s.bookings.showRate, lang)}` : undefined,
    ikm: s.ikm === null ? t('kpi.ikmWithheld') : `${fmtIkm(s.ikm, lang)}${s.ikmGrade ? ` (${s.ikmGrade})` : ''} · ${t('kpi.ikmRespondents', { n: n(s.ikmRespondents) })}`,
    complaints: s.complaints ? `${n(s.complaints.received)} · ${t('kpi.complaintsParts', { onTime: n(s.complaints.onTime), overdue: n(s.complaints.overdue) })}` : undefined,
    applications: s.applications
      ? `${n(s.applications.received)} · ${s.applications.open === null ? t('kpi.applicationsDone', { onTime: n(s.applications.onTime), late: n(s.applications.late) }) : t('kpi.applicationsParts', { onTime: n(s.applications.onTime), late: n(s.applications.late), open: n(s.applications.open) })}`
      : undefined,
  };
  const figures = m.indicators.filter((k) => values[k as Indicator] !== undefined) as Indicator[];
  const trend: TableData = {
    header: [t('monthly.month'), t('kpi.visitors'), t('kpi.tickets'), t('kpi.served'), t('monthly.waitMean')],
    rows: m.trend.map((p) => [p.month, p.visitors, p.tickets, p.served, p.waitMinutesMean]),
  };
  const agencies: TableData = {
    header: [t('agencies.agency'), t('kpi.visitors'), t('kpi.tickets'), t('kpi.served'), t('kpi.noShows'), t('agencies.waitMean'), t('agencies.serviceMean')],
    rows: s.byAgency.map((a) => [a.name, a.visitors, a.tickets, a.served, a.noShows, a.waitMinutes.mean, a.serviceMinutes.mean]),
  };
  const sections = m.indicators.filter((k) => k === 'byAgency' || k === 'trend');
  return (
    <Card withBorder data-testid="monthly-preview">
      <Title order={3} size="h4">{s.site.name} · {formatMonth(m.month, lang)}</Title>
      {s.scope.agency && <Text fw={600}>{s.scope.agency.name}</Text>}
      <Text size="sm" c="dimmed" mb="sm">{t('monthly.generatedAt', { when: formatDateTime(m.generatedAt, lang, s.site.timeZone) })}</Text>
      <Stack gap="md">
        {figures.length > 0 && (
          <Table striped data-testid="monthly-figures">
            <Table.Thead><Table.Tr><Table.Th scope="col">{t('monthly.indicator')}</Table.Th><Table.Th scope="col">{t('monthly.value')}</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {figures.map((k) => (
                <Table.Tr key={k} data-indicator={k}><Table.Th scope="row" fw={500}>{t(`indicators.${k}`)}</Table.Th><Table.Td>{values[k]}</Table.Td></Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {sections.map((k) =>
          k === 'byAgency' ? (
            <div key={k}>
              <Title order={4} size="h5">{t('agencies.title')}</Title>
              <DataTable table={agencies} minWidth={720} show={(v, j) => (j === 0 ? String(v) : j >= 5 ? fmtMinutes(v as number | null, lang) : n(Number(v)))} testId="monthly-agencies" />
            </div>
          ) : (
            <div key={k}>
              <Title order={4} size="h5" mb="xs">{t('monthly.trend')}</Title>
              <div role="img" aria-label={t('monthly.trendChart')}>
                <LineChart
                  h={220}
                  data={m.trend.map((p) => ({ month: formatMonth(p.month, lang), visitors: p.visitors, tickets: p.tickets }))}
                  dataKey="month"
                  series={[{ name: 'tickets', label: t('kpi.tickets'), color: 'indigo.6' }, { name: 'visitors', label: t('kpi.visitors'), color: 'orange.6' }]}
                  valueFormatter={(v) => n(v)}
                  withLegend
                />
              </div>
              <DataTable table={trend} show={(v, j) => (j === 0 ? formatMonth(String(v), lang) : j === 4 ? fmtMinutes(v as number | null, lang) : n(Number(v)))} testId="monthly-trend" />
            </div>
          ),
        )}
      </Stack>
    </Card>
  );
}
