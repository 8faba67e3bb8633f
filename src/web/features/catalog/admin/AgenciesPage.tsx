import { Anchor, Badge, Button, Group, NativeSelect, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconBuildingCommunity, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../../app/QueryError';
import { currentLang, notifySuccess } from '../../../lib/errors';
import { formatDate, hoursLines } from '../format';
import { AGENCY_KINDS, type AgencyAdmin } from '../types';
import { useAgencies, useSetAgencyActive } from './api';
import { ActiveBadge, AdminHeader, Empty, Pager, SearchField, StatusFilter, TableSkeleton, useCatalogScope, useConfirm, useListParams } from './shared';

const PAGE_SIZE = 25;

function AgreementCell({ a }: { a: AgencyAdmin }) {
  const { t } = useTranslation('catalog');
  const lang = currentLang();
  if (!a.agreement) return <Text size="sm" c="dimmed">{t('agency.noAgreement')}</Text>;
  return (
    <Stack gap={2}>
      <Text size="sm">{a.agreement.number}</Text>
      {a.agreement.validUntil && (
        <Group gap={4}>
          <Text size="xs" c="dimmed">
            {t('agency.validUntil', { date: formatDate(a.agreement.validUntil, lang, { day: 'numeric', month: 'short', year: 'numeric' }) })}
          </Text>
          {a.agreementExpired && (
            <Badge color="red" variant="light" size="xs">
              {t('agency.expired')}
            </Badge>
          )}
        </Group>
      )}
    </Stack>
  );
}

/** Instansi: the agencies of the site (an agency_admin sees only their own). */
export default function AgenciesPage() {
  const { t } = useTranslation('catalog');
  const lang = currentLang();
  const scope = useCatalogScope();
  const siteId = scope.siteId as string;
  const list = useListParams(['kind'] as const);
  const agencies = useAgencies(siteId, { q: list.q, page: list.page, pageSize: PAGE_SIZE, status: list.status, kind: list.values.kind || undefined });
  const setActive = useSetAgencyActive(siteId);
  const [confirmNode, confirm] = useConfirm();

  const toggleActive = async (a: AgencyAdmin) => {
    if (a.active) {
      const ok = await confirm({
        title: t('agency.deactivateTitle'),
        message: t('agency.deactivateMessage', { name: a.name, services: a.serviceCount, counters: a.counterCount }),
        confirmLabel: t('agency.deactivate'),
        danger: true,
      });
      if (!ok) return;
    }
    setActive.mutate({ id: a.id, active: !a.active }, { onSuccess: () => notifySuccess(a.active ? t('agency.deactivated', { name: a.name }) : t('agency.activated', { name: a.name })) });
  };

  return (
    <Stack gap="md">
      {confirmNode}
      <AdminHeader
        title={t('tabs.agencies')}
        description={t('agency.adminIntro')}
        actions={
          scope.siteWide && (
            <Button component={Link} to="new" leftSection={<IconPlus size={16} aria-hidden="true" />} data-testid="agency-new">
              {t('agency.new')}
            </Button>
          )
        }
      />
      <Group align="flex-end" gap="sm" wrap="wrap">
        <SearchField label={t('common.search')} placeholder={t('agency.searchPlaceholder')} value={list.q} onChange={(q) => list.set({ q })} />
        <NativeSelect
          label={t('agency.kind')}
          value={list.values.kind}
          onChange={(e) => list.set({ kind: e.currentTarget.value })}
          data={[{ value: '', label: t('common.all') }, ...AGENCY_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))]}
          w={200}
        />
        <StatusFilter value={list.status} onChange={(status) => list.set({ status })} />
      </Group>

      {agencies.isPending ? (
        <TableSkeleton />
      ) : agencies.isError ? (
        <QueryError error={agencies.error} onRetry={() => void agencies.refetch()} />
      ) : agencies.data.items.length === 0 ? (
        <Empty
          icon={<IconBuildingCommunity size={36} aria-hidden="true" />}
          title={list.q || list.values.kind || list.status !== 'all' ? t('common.noMatches') : t('agency.emptyAdminTitle')}
          description={list.q ? t('common.noMatchesHint') : t('agency.emptyAdminHint')}
        />
      ) : (
        <>
          <Table.ScrollContainer minWidth={1080}>
            <Table striped highlightOnHover verticalSpacing="sm" style={{ opacity: agencies.isPlaceholderData ? 0.6 : 1 }}>
              <Table.Caption>{t('agency.tableCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th miw={220}>{t('agency.name')}</Table.Th>
                  <Table.Th>{t('agency.kind')}</Table.Th>
                  <Table.Th>{t('agency.agreement')}</Table.Th>
                  <Table.Th>{t('agency.hours')}</Table.Th>
                  <Table.Th ta="right">{t('agency.servicesCol')}</Table.Th>
                  <Table.Th ta="right">{t('agency.countersCol')}</Table.Th>
                  <Table.Th>{t('common.status')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {agencies.data.items.map((a) => (
                  <Table.Tr key={a.id} data-testid="agency-row">
                    <Table.Td>
                      <Anchor component={Link} to={a.id} fw={600}>
                        {a.name}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {a.shortName}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t(`kind.${a.kind}`, { defaultValue: a.kind })}</Text>
                    </Table.Td>
                    <Table.Td>
                      <AgreementCell a={a} />
                    </Table.Td>
                    <Table.Td>
                      {hoursLines(a.hours, lang, 'short').map((l) => (
                        <Text key={l.days} size="xs" style={{ whiteSpace: 'nowrap' }}>
                          {l.days} {l.hours}
                        </Text>
                      ))}
                      {Object.keys(a.hours).length === 0 && (
                        <Text size="xs" c="dimmed">
                          {t('hours.alwaysClosed')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{a.serviceCount}</Table.Td>
                    <Table.Td ta="right">{a.counterCount}</Table.Td>
                    <Table.Td>
                      <ActiveBadge active={a.active} />
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap" justify="flex-end">
                        <Button component={Link} to={a.id} size="compact-sm" variant="subtle" aria-label={t('common.editNamed', { name: a.name })}>
                          {t('common.edit')}
                        </Button>
                        {scope.siteWide && (
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            color={a.active ? 'red' : 'green'}
                            onClick={() => void toggleActive(a)}
                            loading={setActive.isPending && setActive.variables?.id === a.id}
                            aria-label={(a.active ? t('agency.deactivate') : t('agency.activate')) + `: ${a.name}`}
                          >
                            {a.active ? t('agency.deactivate') : t('agency.activate')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager page={agencies.data.page} pageSize={agencies.data.pageSize} total={agencies.data.total} onChange={(page) => list.set({ page })} label={t('agency.pagination')} />
        </>
      )}
    </Stack>
  );
}
