import { Card, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../i18n';
import { fmtCount, fmtIkm, fmtMinutes, fmtShare } from '../figures';
import type { MinuteStats, Summary } from '../types';

function Kpi({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId: string }) {
  return (
    <Card withBorder padding="md" data-testid={testId}>
      <Text size="sm" c="dimmed">{label}</Text>
      <Text fz={28} fw={800} lh={1.2} data-testid={`${testId}-value`}>{value}</Text>
      {hint && <Text size="xs" c="dimmed">{hint}</Text>}
    </Card>
  );
}

/** The headline figures of the scope and period. */
export function Kpis({ r }: { r: Summary }) {
  const { t } = useTranslation('reports');
  const lang = useLang();
  const n = (v: number) => fmtCount(v, lang);
  const w = r.withinTarget;
  const minutes = (v: number | null) => (v === null ? t('none') : t('fmt.minutes', { n: fmtMinutes(v, lang) }));
  const parts = (m: MinuteStats) => (m.count === 0 ? t('kpi.notMeasured') : t('kpi.waitParts', { p50: fmtMinutes(m.p50, lang), p90: fmtMinutes(m.p90, lang) }));
  const b = r.bookings;
  const a = r.applications;
  // One service's open applications are not counted (null): only the finished ones show.
  const applications = !a ? t('kpi.notCounted') : a.open === null ? t('kpi.applicationsDone', { onTime: n(a.onTime), late: n(a.late) }) : t('kpi.applicationsParts', { onTime: n(a.onTime), late: n(a.late), open: n(a.open) });
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} data-testid="report-kpis">
      <Kpi testId="kpi-visitors" label={t('kpi.visitors')} value={n(r.visitors)} hint={t('kpi.visitorsHint')} />
      <Kpi testId="kpi-tickets" label={t('kpi.tickets')} value={n(r.tickets)} hint={`${t('kpi.open')}: ${n(r.open)} · ${t('kpi.cancelled')}: ${n(r.cancelled)}`} />
      <Kpi testId="kpi-served" label={t('kpi.served')} value={n(r.served)} hint={`${t('kpi.noShows')}: ${n(r.noShows)} · ${t('kpi.transfers')}: ${n(r.transfers)}`} />
      <Kpi
        testId="kpi-channels"
        label={t('kpi.walkInsBookings')}
        value={`${n(r.walkIns)} · ${n(r.fromBookings)}`}
        hint={!b ? t('kpi.noBookings') : b.made === 0 ? t('kpi.noBookingsMade') : `${t('kpi.showRate')} ${fmtShare(b.showRate, lang)}: ${t('kpi.showRateOf', { checkedIn: n(b.checkedIn), made: n(b.made) })}`}
      />
      <Kpi testId="kpi-wait" label={t('kpi.wait')} value={minutes(r.waitMinutes.mean)} hint={parts(r.waitMinutes)} />
      <Kpi testId="kpi-service" label={t('kpi.service')} value={minutes(r.serviceMinutes.mean)} hint={parts(r.serviceMinutes)} />
      <Kpi testId="kpi-target" label={t('kpi.withinTarget')} value={fmtShare(w.share, lang)} hint={t('kpi.withinTargetOf', { n: n(w.withinTarget), called: n(w.called), target: w.targetMinutes })} />
      <Kpi testId="kpi-ikm" label={t('kpi.ikm')} value={r.ikm === null ? t('none') : `${fmtIkm(r.ikm, lang)}${r.ikmGrade ? ` (${r.ikmGrade})` : ''}`} hint={r.ikm === null && r.ikmRespondents > 0 ? t('kpi.ikmWithheld') : t('kpi.ikmRespondents', { n: n(r.ikmRespondents) })} />
      <Kpi
        testId="kpi-complaints"
        label={t('kpi.complaints')}
        value={r.complaints ? n(r.complaints.received) : t('none')}
        hint={r.complaints ? t('kpi.complaintsParts', { onTime: n(r.complaints.onTime), overdue: n(r.complaints.overdue) }) : t('kpi.complaintsNotCounted')}
      />
      <Kpi
        testId="kpi-applications"
        label={t('kpi.applications')}
        value={a ? n(a.received) : t('none')}
        hint={applications}
      />
    </SimpleGrid>
  );
}
