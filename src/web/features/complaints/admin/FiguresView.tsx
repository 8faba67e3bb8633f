import { Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconChartBar } from '@tabler/icons-react';
import { DateTime } from 'luxon';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AdminTable, Empty, QueryView } from '../../../app/admin';
import { useLang } from '../../../i18n';
import { dateInZone, formatMonth, formatNumber } from '../../../lib/format';
import { useSites } from '../../catalog/api';
import { useFigures } from '../api';
import '../i18n';
import { useComplaintsScope } from './scope';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Rekap: per month of filing and agency, what PEKPPP and the reports ask: received, verified and
 * followed up on time, the median hours to the first reply and the share followed up.
 */
export default function FiguresView() {
  const { t } = useTranslation('complaints');
  const lang = useLang();
  const scope = useComplaintsScope();
  const [params, setParams] = useSearchParams();
  const zone = useSites().data?.find((s) => s.id === scope.siteId)?.timeZone ?? 'Asia/Jakarta';
  const thisMonth = dateInZone(new Date(), zone).slice(0, 7);
  const pick = (k: string, fallback: string) => (MONTH.test(params.get(k) ?? '') ? params.get(k)! : fallback);
  const to = pick('to', thisMonth);
  const from = pick('from', DateTime.fromISO(`${to}-01`).minus({ months: 5 }).toFormat('yyyy-MM'));
  const figures = useFigures(scope.siteId ?? undefined, { from, to });
  const set = (k: 'from' | 'to', v: string) => {
    const p = new URLSearchParams(params);
    if (MONTH.test(v)) p.set(k, v);
    setParams(p, { replace: true });
  };
  const n = (x: number) => formatNumber(x, lang);
  return (
    <Stack gap="md">
      <Group gap="sm" align="flex-end">
        <TextInput type="month" label={t('admin.figures.from')} value={from} onChange={(e) => set('from', e.currentTarget.value)} w={200} />
        <TextInput type="month" label={t('admin.figures.to')} value={to} onChange={(e) => set('to', e.currentTarget.value)} w={200} />
      </Group>
      <QueryView query={figures} isEmpty={(d) => d.length === 0} empty={<Empty icon={<IconChartBar size={36} aria-hidden="true" />} title={t('admin.figures.empty')} />}>
        {(rows) => (
          <AdminTable
            minWidth={980}
            caption={t('admin.figures.caption')}
            head={
              <>
                <Table.Th>{t('admin.figures.month')}</Table.Th>
                <Table.Th>{t('admin.figures.agency')}</Table.Th>
                <Table.Th ta="right">{t('admin.figures.received')}</Table.Th>
                <Table.Th ta="right">{t('admin.figures.verifiedOnTime')}</Table.Th>
                <Table.Th ta="right">{t('admin.figures.respondedOnTime')}</Table.Th>
                <Table.Th ta="right">{t('admin.figures.followedUp')}</Table.Th>
                <Table.Th ta="right">{t('admin.figures.median')}</Table.Th>
                <Table.Th ta="right">{t('admin.figures.within24h')}</Table.Th>
                <Table.Th ta="right">{t('admin.figures.overdueOpen')}</Table.Th>
              </>
            }
          >
            {rows.map((r) => (
              <Table.Tr key={`${r.month}-${r.agency?.id ?? 'none'}`} data-testid="figures-row">
                <Table.Td>{formatMonth(r.month, lang)}</Table.Td>
                <Table.Td>{r.agency?.name ?? t('admin.figures.unassigned')}</Table.Td>
                <Table.Td ta="right">{n(r.received)}</Table.Td>
                <Table.Td ta="right">{t('admin.figures.ofTotal', { n: n(r.verifiedOnTime), total: n(r.verified) })}</Table.Td>
                <Table.Td ta="right">{t('admin.figures.ofTotal', { n: n(r.respondedOnTime), total: n(r.responded) })}</Table.Td>
                <Table.Td ta="right">
                  {n(r.followedUp)}
                  {r.followedUpShare !== null && (
                    <Text span size="xs" c={r.followedUpShare >= 0.9 ? 'teal.8' : 'red.8'} ml={4}>
                      ({formatNumber(Math.round(r.followedUpShare * 100), lang)}%)
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">{r.medianHoursToFirstReply === null ? t('none') : t('admin.figures.hours', { n: formatNumber(Math.round(r.medianHoursToFirstReply * 10) / 10, lang) })}</Table.Td>
                <Table.Td ta="right">{n(r.repliedWithin24h)}</Table.Td>
                <Table.Td ta="right" c={r.overdueOpen > 0 ? 'red.8' : undefined} fw={r.overdueOpen > 0 ? 700 : undefined}>
                  {n(r.overdueOpen)}
                </Table.Td>
                <Table.Td />
              </Table.Tr>
            ))}
          </AdminTable>
        )}
      </QueryView>
    </Stack>
  );
}
