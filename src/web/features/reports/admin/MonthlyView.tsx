import '@mantine/charts/styles.css';
import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { IconArchive, IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { TableSkeleton, useConfirm } from '../../../app/admin';
import { QueryError } from '../../../app/QueryError';
import { useLang } from '../../../i18n';
import { notifyError, notifySuccess } from '../../../lib/errors';
import { formatDateTime, formatMonth } from '../../../lib/format';
import { downloadMonthly, useArchive, useKeepMonthly, useMonthly } from '../api';
import { previousMonth, recentMonths } from '../period';
import { ArchiveList } from './ArchiveList';
import { MonthlyPreview } from './MonthlyPreview';
import { NotesEditor } from './NotesEditor';
import type { ReportsScope } from './scope';

const FORMATS = [['pdf', 'downloadPdf'], ['xlsx', 'downloadXlsx'], ['csv', 'downloadCsv']] as const;

/** The monthly report: a month (last month by default), its preview, the operator's notes, the files and the archive. */
export default function MonthlyView({ scope }: { scope: ReportsScope }) {
  const { t } = useTranslation('reports');
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const today = scope.today;
  const months = recentMonths(previousMonth(today), 24);
  const given = params.get('month');
  const month = given && months.includes(given) ? given : months[0];
  const choose = (m: string) => {
    const p = new URLSearchParams(params);
    p.set('month', m);
    setParams(p, { replace: true });
  };
  // An agency admin's report is their agency's; the site's is the whole MPP's.
  const agencyId = scope.siteWide ? '' : (scope.agencyIds[0] ?? '');
  const siteId = scope.siteId!;
  const monthly = useMonthly(scope.ready ? siteId : undefined, month, agencyId);
  const [busy, setBusy] = useState<string | null>(null);
  const get = async (format: 'pdf' | 'xlsx' | 'csv') => {
    setBusy(format);
    try {
      await downloadMonthly(siteId, month, format, agencyId);
    } catch (e) {
      notifyError(e, t('dashboard.exportFailed'));
    } finally {
      setBusy(null);
    }
  };
  const archive = useArchive(scope.siteWide ? siteId : undefined);
  const keep = useKeepMonthly(siteId);
  const [confirmNode, confirm] = useConfirm();
  const keepIt = async () => {
    // Asked of the server now: the hourly run may have kept the month since the list loaded.
    const kept = (await archive.refetch()).data?.find((a) => a.month === month);
    const label = formatMonth(month, lang);
    // Keeping again replaces what was sent before: say so first.
    if (kept && !(await confirm({ title: t('monthly.keepTitle'), message: t('monthly.keepMessage', { month: label, when: formatDateTime(kept.generatedAt, lang, scope.timeZone) }), confirmLabel: t('monthly.keepConfirm'), danger: true }))) return;
    keep.mutate(month, { onSuccess: () => notifySuccess(t('monthly.kept', { month: label })) });
  };
  return (
    <Stack gap="md">
      {confirmNode}
      <Text size="sm" c="dimmed" maw={760}>{t('monthly.intro')}</Text>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select label={t('monthly.month')} data={months.map((m) => ({ value: m, label: formatMonth(m, lang) }))} value={month} onChange={(v) => v && choose(v)} allowDeselect={false} w={220} data-testid="monthly-month" />
        {FORMATS.map(([format, label]) => (
          <Button key={format} variant={format === 'pdf' ? 'filled' : 'default'} leftSection={<IconDownload size={16} />} loading={busy === format} onClick={() => void get(format)} data-testid={`monthly-${format}`}>
            {t(`monthly.${label}`)}
          </Button>
        ))}
        {scope.manager && (
          <Button variant="light" leftSection={<IconArchive size={16} />} loading={keep.isPending} onClick={() => void keepIt()} data-testid="monthly-keep">
            {t('monthly.keep')}
          </Button>
        )}
      </Group>
      {monthly.error ? <QueryError error={monthly.error} onRetry={() => void monthly.refetch()} /> : null}
      {monthly.data ? <MonthlyPreview m={monthly.data} /> : monthly.error ? null : <TableSkeleton rows={6} />}
      {scope.siteWide && <NotesEditor siteId={siteId} month={month} editable={scope.manager} timeZone={scope.timeZone} />}
      {scope.siteWide && <ArchiveList siteId={siteId} timeZone={scope.timeZone} onOpen={choose} />}
    </Stack>
  );
}
