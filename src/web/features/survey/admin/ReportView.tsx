import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconDownload, IconEyeOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../app/QueryError';
import { TableSkeleton } from '../../../app/admin';
import { useLang } from '../../../i18n';
import { notifyError } from '../../../lib/errors';
import { formatNumber } from '../../../lib/format';
import { SKM_ELEMENT_KEYS } from '../../../../domain/ikm';
import { AGE_BANDS, EDUCATIONS, OCCUPATIONS, SEXES } from '../../../../domain/survey';
import { downloadReport, useSurveyReport } from '../api';
import { GradeBadge } from '../components/GradeBadge';
import type { IkmFigures, SurveyReport } from '../types';
import { Filters, useSurveyFilters } from './Filters';

const fmt = (n: number | null, lang: 'id' | 'en', digits = 2) => (n === null ? '–' : new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'id-ID', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n));

/** The report tab: figures, the NRR chart with the weak elements, profile, comments, groups, exports. */
export default function ReportView() {
  const { t } = useTranslation('survey');
  const lang = useLang();
  const f = useSurveyFilters();
  const report = useSurveyReport(f.scope.siteId ?? undefined, f.query, !!f.scope.siteId && (f.scope.siteWide || !!f.agencyId));
  const [busy, setBusy] = useState<'xlsx' | 'pdf' | null>(null);
  const download = async (format: 'xlsx' | 'pdf') => {
    setBusy(format);
    try {
      await downloadReport(f.scope.siteId!, f.query, format);
    } catch (e) {
      notifyError(e, t('admin.exportFailed'));
    } finally {
      setBusy(null);
    }
  };
  const r = report.data;
  return (
    <Stack gap="md">
      <Filters />
      <Group gap="xs">
        <Button variant="default" leftSection={<IconDownload size={16} />} loading={busy === 'xlsx'} onClick={() => void download('xlsx')} disabled={!r}>{t('admin.exportXlsx')}</Button>
        <Button variant="default" leftSection={<IconDownload size={16} />} loading={busy === 'pdf'} onClick={() => void download('pdf')} disabled={!r}>{t('admin.exportPdf')}</Button>
      </Group>
      {report.error ? <QueryError error={report.error} /> : null}
      {!r ? <TableSkeleton rows={6} /> : <Report r={r} lang={lang} />}
    </Stack>
  );
}

function Report({ r, lang }: { r: SurveyReport; lang: 'id' | 'en' }) {
  const { t } = useTranslation('survey');
  const res = r.result;
  const min = r.minGroupSize;
  return (
    <Stack gap="md" data-testid="survey-report">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Card withBorder>
          <Text size="sm" c="dimmed">{t('admin.ikmUnit')}</Text>
          <Group gap="sm">
            <Text fz={32} fw={800} data-testid="report-ikm">{res.ikmUnit === null ? '–' : fmt(res.ikmUnit, lang)}</Text>
            <GradeBadge f={res} />
          </Group>
          <Text size="xs" c="dimmed">{t('admin.ikm')} {fmt(res.ikm, lang, 4)}</Text>
        </Card>
        <Card withBorder>
          <Text size="sm" c="dimmed">{t('admin.respondents')}</Text>
          <Text fz={32} fw={800} data-testid="report-respondents">{t('admin.nOfTarget', { n: formatNumber(res.respondents, lang), target: formatNumber(res.sampleTarget, lang) })}</Text>
          {res.respondents < res.sampleTarget && <Text size="xs" c="orange.8">{t('admin.belowTarget')}</Text>}
        </Card>
        <Card withBorder>
          <Text size="sm" c="dimmed">{t('admin.population')}</Text>
          <Text fz={32} fw={800}>{formatNumber(res.population, lang)}</Text>
          <Text size="xs" c="dimmed">{t('admin.channels', { web: r.channels.web, qr: r.channels.qr, tablet: r.channels.tablet })}</Text>
        </Card>
      </SimpleGrid>
      {res.suppressed && (
        <Alert color="gray" icon={<IconEyeOff size={18} />} data-testid="report-withheld">{t('admin.withheld', { n: res.respondents, min })}</Alert>
      )}
      {res.nrr && <Nrr r={r} lang={lang} />}
      {r.profile && <Profile r={r} />}
      {r.comments && (
        <Card withBorder>
          <Title order={3} size="h4" mb="xs">{t('admin.commentsTitle')}</Title>
          {r.comments.length ? <Stack gap={6} component="ul" m={0} pl="md">{r.comments.map((c, i) => <Text component="li" key={i}>{c}</Text>)}</Stack> : <Text c="dimmed">{t('admin.noComments')}</Text>}
        </Card>
      )}
      <Groups title={t('admin.byService')} rows={r.byService.map((g) => ({ id: g.service.id, name: g.service.name, f: g }))} min={min} lang={lang} />
      <Groups title={t('admin.byCounter')} rows={r.byCounter.map((g) => ({ id: g.counter.id, name: g.counter.name, f: g }))} min={min} lang={lang} />
      <Card withBorder>
        <Title order={3} size="h4">{t('admin.actionsTitle')}</Title>
        <Text>{r.actions.completion === null ? t('admin.noActions') : t('admin.completion', { done: r.actions.done, total: r.actions.total, pct: Math.round(r.actions.completion * 100) })}</Text>
      </Card>
    </Stack>
  );
}

function Nrr({ r, lang }: { r: SurveyReport; lang: 'id' | 'en' }) {
  const { t } = useTranslation('survey');
  const nrr = r.result.nrr!;
  const data = SKM_ELEMENT_KEYS.map((k, i) => ({ unsur: `U${i + 1}`, key: k, nrr: Math.round(nrr[k] * 1000) / 1000 }));
  const weak = new Set(r.weakElements);
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="xs">{t('admin.nrrTitle')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('admin.weakHint')}</Text>
      <div role="img" aria-label={t('admin.nrrChart')}>
        <BarChart
          h={260}
          data={data}
          dataKey="unsur"
          series={[{ name: 'nrr', label: t('admin.nrr'), color: 'indigo.6' }]}
          yAxisProps={{ domain: [0, 4], ticks: [1, 2, 3, 4] }}
          getBarColor={(value) => (data.some((d) => d.nrr === value && weak.has(d.key)) ? 'red.6' : 'indigo.6')}
          withTooltip
        />
      </div>
      <Table.ScrollContainer minWidth={520}>
        <Table mt="sm" striped data-testid="report-nrr">
          <Table.Thead>
            <Table.Tr><Table.Th>{t('admin.element')}</Table.Th><Table.Th ta="right">{t('admin.nrr')}</Table.Th><Table.Th ta="right">{t('admin.weighted')}</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {SKM_ELEMENT_KEYS.map((k, i) => (
              <Table.Tr key={k} data-weak={weak.has(k) || undefined}>
                <Table.Td>
                  U{i + 1} {t(`el.${k}.label`)} {weak.has(k) && <Badge color="red" variant="light" leftSection={<IconAlertTriangle size={12} />}>{t('admin.weak')}</Badge>}
                </Table.Td>
                <Table.Td ta="right">{fmt(nrr[k], lang, 3)}</Table.Td>
                <Table.Td ta="right">{fmt(nrr[k] / 9, lang, 3)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

const PROFILE_FIELDS = [
  ['ageBand', 'age', AGE_BANDS],
  ['sex', 'sex', SEXES],
  ['education', 'education', EDUCATIONS],
  ['occupation', 'occupation', OCCUPATIONS],
] as const;

function Profile({ r }: { r: SurveyReport }) {
  const { t } = useTranslation('survey');
  const total = r.result.respondents;
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="xs">{t('admin.profileTitle')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        {PROFILE_FIELDS.map(([field, label, values]) => {
          const counts = r.profile![field];
          return (
            <Table key={field} withRowBorders={false}>
              <Table.Thead><Table.Tr><Table.Th colSpan={2}>{t(`form.${label}`)}</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {[...values, 'none' as const].map((v) => (
                  <Table.Tr key={v}>
                    <Table.Td>{v === 'none' ? t('profile.none') : t(`profile.${label}.${v}` as 'profile.sex.L')}</Table.Td>
                    <Table.Td ta="right">{counts[v] ?? 0} ({total ? Math.round(((counts[v] ?? 0) / total) * 100) : 0}%)</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          );
        })}
      </SimpleGrid>
    </Card>
  );
}

function Groups({ title, rows, min, lang }: { title: string; rows: Array<{ id: string; name: string; f: IkmFigures }>; min: number; lang: 'id' | 'en' }) {
  const { t } = useTranslation('survey');
  if (!rows.length) return null;
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="xs">{title}</Title>
      <Table.ScrollContainer minWidth={520}>
        <Table striped>
          <Table.Thead>
            <Table.Tr><Table.Th>{title}</Table.Th><Table.Th ta="right">{t('admin.ikmUnit')}</Table.Th><Table.Th>{t('admin.grade')}</Table.Th><Table.Th ta="right">{t('admin.respondents')}</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((g) => (
              <Table.Tr key={g.id}>
                <Table.Td>{g.name}</Table.Td>
                <Table.Td ta="right">{g.f.suppressed ? <Text c="dimmed" size="sm">{t('admin.groupWithheld', { min })}</Text> : fmt(g.f.ikmUnit, lang)}</Table.Td>
                <Table.Td><GradeBadge f={g.f} /></Table.Td>
                <Table.Td ta="right">{t('admin.nOfTarget', { n: g.f.respondents, target: g.f.sampleTarget })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
