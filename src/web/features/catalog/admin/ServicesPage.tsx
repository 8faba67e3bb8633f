import { Anchor, Badge, Button, Group, NativeSelect, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconListDetails, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../../app/QueryError';
import { currentLang, notifySuccess } from '../../../lib/errors';
import { formatRupiah } from '../format';
import type { ServiceAdmin } from '../types';
import { useAgencyOptions, useServices, useSetServiceActive } from './api';
import { ActiveBadge, AdminHeader, Empty, Pager, SearchField, StatusFilter, TableSkeleton, useCatalogScope, useConfirm, useListParams } from './shared';

const PAGE_SIZE = 25;

/** Layanan: the site's services and their standards, filtered by agency. */
export default function ServicesPage() {
  const { t } = useTranslation('catalog');
  const lang = currentLang();
  const scope = useCatalogScope();
  const siteId = scope.siteId as string;
  const list = useListParams(['agencyId'] as const);
  const agencies = useAgencyOptions(siteId);
  const services = useServices(siteId, { q: list.q, page: list.page, pageSize: PAGE_SIZE, status: list.status, agencyId: list.values.agencyId || undefined });
  const setActive = useSetServiceActive(siteId);
  const [confirmNode, confirm] = useConfirm();
  const agencyOptions = (agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.shortName ? `${a.shortName} · ${a.name}` : a.name }));
  const newHref = list.values.agencyId ? `new?agencyId=${list.values.agencyId}` : 'new';

  const toggleActive = async (s: ServiceAdmin) => {
    if (s.active) {
      const ok = await confirm({ title: t('service.deactivateTitle'), message: t('service.deactivateMessage', { name: s.name }), confirmLabel: t('service.deactivate'), danger: true });
      if (!ok) return;
    }
    setActive.mutate({ id: s.id, active: !s.active }, { onSuccess: () => notifySuccess(s.active ? t('service.deactivated', { name: s.name }) : t('service.activated', { name: s.name })) });
  };

  return (
    <Stack gap="md">
      {confirmNode}
      <AdminHeader
        title={t('tabs.services')}
        description={t('service.adminIntro')}
        actions={
          <Button component={Link} to={newHref} leftSection={<IconPlus size={16} aria-hidden="true" />} data-testid="service-new">
            {t('service.new')}
          </Button>
        }
      />
      <Group align="flex-end" gap="sm" wrap="wrap">
        <SearchField label={t('common.search')} placeholder={t('service.searchPlaceholder')} value={list.q} onChange={(q) => list.set({ q })} />
        {(scope.siteWide || agencyOptions.length > 1) && (
          <NativeSelect
            label={t('service.agency')}
            value={list.values.agencyId}
            onChange={(e) => list.set({ agencyId: e.currentTarget.value })}
            data={[{ value: '', label: t('common.allAgencies') }, ...agencyOptions]}
            w={280}
            data-testid="service-agency-filter"
          />
        )}
        <StatusFilter value={list.status} onChange={(status) => list.set({ status })} />
      </Group>

      {services.isPending ? (
        <TableSkeleton />
      ) : services.isError ? (
        <QueryError error={services.error} onRetry={() => void services.refetch()} />
      ) : services.data.items.length === 0 ? (
        <Empty
          icon={<IconListDetails size={36} aria-hidden="true" />}
          title={list.q || list.values.agencyId || list.status !== 'all' ? t('common.noMatches') : t('service.emptyAdminTitle')}
          description={list.q ? t('common.noMatchesHint') : t('service.emptyAdminHint')}
        />
      ) : (
        <>
          <Table.ScrollContainer minWidth={860}>
            <Table striped highlightOnHover verticalSpacing="sm" style={{ opacity: services.isPlaceholderData ? 0.6 : 1 }}>
              <Table.Caption>{t('service.tableCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('service.codeCol')}</Table.Th>
                  <Table.Th>{t('service.name')}</Table.Th>
                  <Table.Th>{t('service.agency')}</Table.Th>
                  <Table.Th>{t('standard.fee')}</Table.Th>
                  <Table.Th>{t('standard.duration')}</Table.Th>
                  <Table.Th>{t('common.status')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {services.data.items.map((s) => (
                  <Table.Tr key={s.id} data-testid="service-row">
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {s.code}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t('service.prefixShort', { prefix: s.prefix })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={s.id} fw={600}>
                        {s.name}
                      </Anchor>
                      <Group gap={4} mt={2}>
                        {s.bookable && (
                          <Badge size="xs" variant="light" color="indigo">
                            {t('service.bookable')}
                          </Badge>
                        )}
                        {s.counterIds.length === 0 && s.active && (
                          <Badge size="xs" variant="light" color="orange">
                            {t('service.noCounter')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{s.agency.shortName ?? s.agency.name}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{s.standard.fee === 0 ? t('fee.free') : formatRupiah(s.standard.fee, lang)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{s.standard.durationText}</Text>
                    </Table.Td>
                    <Table.Td>
                      <ActiveBadge active={s.active} />
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap" justify="flex-end">
                        <Button component={Link} to={`/layanan/${s.id}`} target="_blank" size="compact-sm" variant="subtle" color="gray" aria-label={t('service.viewPublicNamed', { name: s.name })}>
                          {t('service.viewPublic')}
                        </Button>
                        <Button component={Link} to={s.id} size="compact-sm" variant="subtle" aria-label={t('common.editNamed', { name: s.name })}>
                          {t('common.edit')}
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color={s.active ? 'red' : 'green'}
                          onClick={() => void toggleActive(s)}
                          loading={setActive.isPending && setActive.variables?.id === s.id}
                          aria-label={(s.active ? t('service.deactivate') : t('service.activate')) + `: ${s.name}`}
                        >
                          {s.active ? t('service.deactivate') : t('service.activate')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager page={services.data.page} pageSize={services.data.pageSize} total={services.data.total} onChange={(page) => list.set({ page })} label={t('service.pagination')} />
        </>
      )}
    </Stack>
  );
}
