import { Button, Card, Group, Menu, NativeSelect, SimpleGrid, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { IconDownload, IconFileCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../../../../domain/applications';
import { FilterSelect, isFiltered, LabelledSegments, PagedTable, SearchField, useListParams } from '../../../app/admin';
import { useLang } from '../../../i18n';
import { notifyError, notifySuccess } from '../../../lib/errors';
import type { Lang } from '../../../lib/api';
import { formatDate, formatNumber } from '../../../lib/format';
import { usePublicAgencies } from '../../catalog/api';
import { downloadExport, useApplications, useApplicationsSummary } from '../api';
import '../i18n';
import { Deadline, StatusBadge } from '../parts';
import type { BoardCounts, ListQuery } from '../types';
import { useApplicationsScope } from './scope';

const VIEWS = ['open', 'dueToday', 'overdue', 'incomplete', 'ready'] as const satisfies readonly (keyof BoardCounts)[];
type View = (typeof VIEWS)[number];
const PAGE_SIZE = 20;
const DAY = { day: 'numeric', month: 'short', year: 'numeric' } as const;

/** What each count card filters. */
const viewQuery = (v: View | ''): ListQuery => {
  switch (v) {
    case 'open':
      return { state: 'open' };
    case 'dueToday':
      return { state: 'open', dueToday: '1' };
    case 'overdue':
      return { state: 'open', overdue: '1' };
    case 'incomplete':
      return { status: 'incomplete' };
    case 'ready':
      return { status: 'ready' };
    default:
      return {};
  }
};

/** The board: the scope's counts (each one a filter), search, status and agency filters, the list, exports. */
export default function BoardView() {
  const { t } = useTranslation('applications');
  const lang = useLang();
  const scope = useApplicationsScope();
  const list = useListParams(['view', 'state', 'agency'], { view: 'open' });
  const view = (VIEWS as readonly string[]).includes(list.values.view) ? (list.values.view as View) : '';
  const status = (APPLICATION_STATUSES as readonly string[]).includes(list.status) ? (list.status as ApplicationStatus) : undefined;
  const state = list.values.state === 'open' || list.values.state === 'closed' ? list.values.state : undefined;
  const q: ListQuery = {
    ...(view ? viewQuery(view) : { state, status }),
    agencyId: list.values.agency || undefined,
    q: list.q || undefined,
    page: list.page,
    pageSize: PAGE_SIZE,
  };
  const apps = useApplications(scope.siteId ?? undefined, q);
  const summary = useApplicationsSummary(scope.siteId ?? undefined);
  const agencies = usePublicAgencies(scope.siteId ?? undefined);
  const agencyOptions = (agencies.data ?? []).filter((a) => scope.siteWide || scope.readable.includes(a.id)).map((a) => ({ value: a.id, label: a.name }));
  const counts = apps.data?.counts;
  const share = summarize(summary.data?.agencies.filter((a) => !list.values.agency || a.agency.id === list.values.agency));

  const exportAs = (format: 'csv' | 'xlsx') =>
    downloadExport(scope.siteId!, { format, agencyId: list.values.agency || undefined, status })
      .then(() => notifySuccess(t('board.exported')))
      .catch(notifyError);

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm" data-testid="applications-counts">
        {VIEWS.map((v) => (
          <UnstyledButton key={v} onClick={() => list.set({ view: view === v ? 'all' : v, status: null, state: null })} aria-pressed={view === v} data-testid={`count-${v}`}>
            <Card withBorder padding="sm" bg={view === v ? 'indigo.0' : undefined} style={{ borderColor: view === v ? 'var(--mantine-color-indigo-5)' : undefined }}>
              <Text size="sm" c="dimmed">
                {t(`board.counts.${v}`)}
              </Text>
              <Text fz={28} fw={800} c={v === 'overdue' && counts?.overdue ? 'red' : undefined} data-testid={`count-${v}-value`}>
                {counts ? formatNumber(counts[v], lang) : '–'}
              </Text>
            </Card>
          </UnstyledButton>
        ))}
      </SimpleGrid>
      {share && (
        <Text size="sm" c="dimmed" data-testid="applications-on-time">
          {t('board.onTimeShare', { share: share.text(lang), completed: formatNumber(share.completed, lang), from: formatDate(summary.data!.from, lang, DAY), to: formatDate(summary.data!.to, lang, DAY) })}
        </Text>
      )}

      <Group align="flex-end" gap="sm" wrap="wrap" justify="space-between">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <SearchField label={t('board.search')} placeholder={t('board.searchPlaceholder')} value={list.q} onChange={(v) => list.set({ q: v })} />
          {!view && (
            <>
              <LabelledSegments
                labelId="applications-state-label"
                label={t('board.state')}
                value={state ?? 'all'}
                onChange={(v) => list.set({ state: v === 'all' ? null : v, status: null, view: 'all' })}
                data={[
                  { value: 'all', label: t('board.stateAll') },
                  { value: 'open', label: t('board.stateOpen') },
                  { value: 'closed', label: t('board.stateClosed') },
                ]}
              />
              <NativeSelect
                label={t('board.statusLabel')}
                value={status ?? ''}
                onChange={(e) => list.set({ status: e.currentTarget.value || null, state: null, view: 'all' })}
                data={[{ value: '', label: t('board.statusAll') }, ...APPLICATION_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]}
                data-testid="applications-status-filter"
              />
            </>
          )}
          {agencyOptions.length > 1 && <FilterSelect list={list} param="agency" label={t('board.agency')} allLabel={t('board.agencyAll')} options={agencyOptions} />}
          {view && (
            <Button variant="subtle" onClick={() => list.set({ view: 'all' })}>
              {t('board.all')}
            </Button>
          )}
        </Group>
        <Menu position="bottom-end">
          <Menu.Target>
            <Button variant="default" leftSection={<IconDownload size={18} aria-hidden="true" />} data-testid="applications-export">
              {t('board.export')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => void exportAs('csv')} data-testid="applications-export-csv">
              {t('board.exportCsv')}
            </Menu.Item>
            <Menu.Item onClick={() => void exportAs('xlsx')} data-testid="applications-export-xlsx">
              {t('board.exportXlsx')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>

      <PagedTable
        query={apps}
        minWidth={820}
        caption={t('board.caption')}
        pagerLabel={t('board.pager')}
        onPage={(page) => list.set({ page })}
        empty={{ icon: <IconFileCheck aria-hidden="true" />, title: t('board.empty'), description: isFiltered(list) || view ? t('board.emptyFiltered') : t('board.emptyHint') }}
        head={
          <>
            <Table.Th>{t('board.col.number')}</Table.Th>
            <Table.Th>{t('board.col.service')}</Table.Th>
            <Table.Th>{t('board.col.applicant')}</Table.Th>
            <Table.Th>{t('board.col.status')}</Table.Th>
            <Table.Th>{t('board.col.due')}</Table.Th>
          </>
        }
        row={(a) => (
          <Table.Tr key={a.id} data-testid="application-row" data-code={a.trackingCode}>
            <Table.Td>
              <Text ff="monospace" fw={700} size="sm">
                {a.registrationNumber}
              </Text>
              <Text size="xs" c="dimmed" ff="monospace">
                {a.trackingCode}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{a.service.name}</Text>
              <Text size="xs" c="dimmed">
                {a.agency.shortName}
              </Text>
            </Table.Td>
            <Table.Td>{a.applicantName}</Table.Td>
            <Table.Td>
              <StatusBadge status={a.status} />
            </Table.Td>
            <Table.Td>
              <Deadline d={a} lang={lang} />
            </Table.Td>
            <Table.Td>
              <Group justify="flex-end">
                <Button component={Link} to={`/applications/${a.id}`} size="compact-sm" variant="subtle" aria-label={t('board.openNamed', { number: a.registrationNumber })} data-testid="application-open">
                  {t('board.open')}
                </Button>
              </Group>
            </Table.Td>
          </Table.Tr>
        )}
      />
    </Stack>
  );
}

/** The share delivered on time over the summary's period, across the agencies shown. */
function summarize(rows: { completed: number; onTime: number }[] | undefined) {
  if (!rows) return null;
  const completed = rows.reduce((n, r) => n + r.completed, 0);
  const onTime = rows.reduce((n, r) => n + r.onTime, 0);
  if (!completed) return null;
  return { completed, text: (lang: Lang) => `${formatNumber(Math.round((onTime / completed) * 1000) / 10, lang)}%` };
}
