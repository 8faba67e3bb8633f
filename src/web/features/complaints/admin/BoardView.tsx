import { Anchor, Badge, Group, NativeSelect, Stack, Switch, Table, Text } from '@mantine/core';
import { IconMessageReport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FilterSelect, PagedTable, SearchField, useListParams } from '../../../app/admin';
import { useLang } from '../../../i18n';
import { formatDateTimeShort } from '../../../lib/format';
import { usePublicAgencies, useSites } from '../../catalog/api';
import { useBoard } from '../api';
import { Deadline } from '../components/Deadline';
import { StatusBadge } from '../components/StatusBadge';
import '../i18n';
import { COMPLAINT_STATUSES, type ComplaintItem } from '../types';
import { useComplaintsScope } from './scope';

const PAGE_SIZE = 20;

/**
 * The board: the desk sees the whole site, an agency its assigned complaints. Overdue rows are
 * red (and say which step is late); filters live in the address so Back and reload keep them.
 */
export default function BoardView() {
  const { t } = useTranslation('complaints');
  const lang = useLang();
  const scope = useComplaintsScope();
  const siteId = scope.siteId as string;
  const list = useListParams(['state', 'agencyId', 'overdue'] as const);
  const agencies = usePublicAgencies(scope.siteWide ? siteId : undefined);
  const zone = useSites().data?.find((s) => s.id === siteId)?.timeZone;
  const board = useBoard(siteId, {
    q: list.q || undefined,
    status: list.values.state || undefined,
    agencyId: list.values.agencyId || undefined,
    overdue: list.values.overdue === '1' ? '1' : undefined,
    page: list.page,
    pageSize: PAGE_SIZE,
  });
  const filtered = !!(list.q || list.values.state || list.values.agencyId || list.values.overdue);

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <SearchField label={t('admin.search')} value={list.q} onChange={(q) => list.set({ q })} />
        <NativeSelect
          label={t('admin.statusFilter')}
          value={list.values.state}
          onChange={(e) => list.set({ state: e.currentTarget.value })}
          data={[{ value: '', label: t('admin.allStatuses') }, ...COMPLAINT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]}
          w={220}
          data-testid="complaints-status-filter"
        />
        {scope.siteWide && (
          <FilterSelect list={list} param="agencyId" label={t('admin.agencyFilter')} allLabel={t('admin.allAgencies')} options={(agencies.data ?? []).map((a) => ({ value: a.id, label: a.name }))} w={280} data-testid="complaints-agency-filter" />
        )}
        <Switch label={t('admin.overdueOnly')} checked={list.values.overdue === '1'} onChange={(e) => list.set({ overdue: e.currentTarget.checked ? '1' : null })} mb={8} data-testid="complaints-overdue-filter" />
      </Group>
      <PagedTable
        query={board}
        empty={{
          icon: <IconMessageReport size={36} aria-hidden="true" />,
          title: filtered ? t('admin.noMatches') : t('admin.emptyTitle'),
          description: filtered ? t('admin.noMatchesHint') : t('admin.emptyHint'),
        }}
        minWidth={980}
        caption={t('admin.caption')}
        pagerLabel={t('admin.pager')}
        onPage={(page) => list.set({ page })}
        head={
          <>
            <Table.Th>{t('admin.col.reference')}</Table.Th>
            <Table.Th>{t('admin.col.title')}</Table.Th>
            <Table.Th>{t('admin.col.agency')}</Table.Th>
            <Table.Th>{t('admin.col.status')}</Table.Th>
            <Table.Th>{t('admin.col.deadline')}</Table.Th>
            <Table.Th>{t('admin.col.filed')}</Table.Th>
          </>
        }
        row={(c: ComplaintItem) => (
          <Table.Tr key={c.id} data-testid="complaint-row" data-overdue={c.overdue ?? undefined} style={c.overdue ? { background: 'var(--mantine-color-red-0)', boxShadow: 'inset 4px 0 0 var(--mantine-color-red-6)' } : undefined}>
            <Table.Td>
              <Anchor component={Link} to={c.id} ff="monospace" size="sm" fw={600} aria-label={t('admin.open', { ref: c.reference })}>
                {c.reference}
              </Anchor>
            </Table.Td>
            <Table.Td>
              <Text size="sm" fw={500} lineClamp={2}>
                {c.title}
              </Text>
              <Group gap={4} mt={2}>
                <Badge size="xs" variant="light" color="gray">
                  {t(`classification.${c.classification}`)}
                </Badge>
                {c.confidential && (
                  <Badge size="xs" variant="light" color="violet">
                    {t('admin.confidential')}
                  </Badge>
                )}
                {c.anonymous && (
                  <Badge size="xs" variant="light" color="dark">
                    {t('admin.anonymous')}
                  </Badge>
                )}
                {c.overdue && (
                  <Badge size="xs" variant="light" color="red">
                    {t(`admin.overdue.${c.overdue}`)}
                  </Badge>
                )}
              </Group>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{c.agency?.name ?? t('admin.unassigned')}</Text>
              {!c.agency && c.requestedAgency && (
                <Text size="xs" c="dimmed">
                  {t('admin.requested', { agency: c.requestedAgency.name })}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <StatusBadge status={c.status} />
            </Table.Td>
            <Table.Td>
              <Deadline c={c} />
            </Table.Td>
            <Table.Td>
              <Text size="sm">{formatDateTimeShort(c.filedAt, lang, zone)}</Text>
            </Table.Td>
            <Table.Td />
          </Table.Tr>
        )}
      />
    </Stack>
  );
}
