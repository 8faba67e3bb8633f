import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconListDetails, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLang } from '../../../i18n';
import { feeText } from '../format';
import type { ServiceAdmin } from '../types';
import { ActiveBadge, AdminHeader, EditButton, FilterSelect, isFiltered, ListFilters, PagedTable, RowActions, ToggleActiveButton, useConfirm, useListParams, useToggleActive , type ActivationTexts } from '../../../app/admin';
import { useAgencyOptions, useServices, useSetServiceActive } from './api';
import { useCatalogScope } from './scope';

const PAGE_SIZE = 25;

/** Layanan: the site's services and their standards, filtered by agency. */
export default function ServicesPage() {
  const { t } = useTranslation('catalog');
  const { t: ta } = useTranslation('admin');
  const lang = useLang();
  const scope = useCatalogScope();
  const siteId = scope.siteId as string;
  const list = useListParams(['agencyId'] as const);
  const agencies = useAgencyOptions(siteId);
  const services = useServices(siteId, { q: list.q, page: list.page, pageSize: PAGE_SIZE, status: list.status, agencyId: list.values.agencyId || undefined });
  const setActive = useSetServiceActive(siteId);
  const [confirmNode, confirm] = useConfirm();
  const agencyOptions = (agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.shortName ? `${a.shortName} · ${a.name}` : a.name }));
  const newHref = list.values.agencyId ? `new?agencyId=${list.values.agencyId}` : 'new';

  const activation: ActivationTexts = (k, v) => t(`service.${k}`, v);

  const toggle = useToggleActive(activation, setActive, confirm);
  const toggleActive = (s: ServiceAdmin) => toggle(s, s.name);

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
      <ListFilters list={list} searchPlaceholder={t('service.searchPlaceholder')}>
        {(scope.siteWide || agencyOptions.length > 1) && (
          <FilterSelect list={list} param="agencyId" label={t('service.agency')} allLabel={ta('common.allAgencies')} options={agencyOptions} w={280} data-testid="service-agency-filter" />
        )}
      </ListFilters>

      <PagedTable
        query={services}
        empty={{
          icon: <IconListDetails size={36} aria-hidden="true" />,
          title: isFiltered(list) ? ta('common.noMatches') : t('service.emptyAdminTitle'),
          description: list.q ? ta('common.noMatchesHint') : t('service.emptyAdminHint'),
        }}
        minWidth={860}
        caption={t('service.tableCaption')}
        head={
          <>
            <Table.Th>{t('service.codeCol')}</Table.Th>
            <Table.Th>{t('service.name')}</Table.Th>
            <Table.Th>{t('service.agency')}</Table.Th>
            <Table.Th>{t('standard.fee')}</Table.Th>
            <Table.Th>{t('standard.duration')}</Table.Th>
            <Table.Th>{ta('common.status')}</Table.Th>
          </>
        }
        row={(s) => (
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
              <Text size="sm">{feeText(s.standard, lang, t).short}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{s.standard.durationText}</Text>
            </Table.Td>
            <Table.Td>
              <ActiveBadge active={s.active} />
            </Table.Td>
            <Table.Td>
              <RowActions>
                <Button component={Link} to={`/layanan/${s.id}`} target="_blank" size="compact-sm" variant="subtle" color="gray" aria-label={t('service.viewPublicNamed', { name: s.name })}>
                  {t('service.viewPublic')}
                </Button>
                <EditButton to={s.id} name={s.name} />
                <ToggleActiveButton texts={activation} active={s.active} name={s.name} onClick={() => void toggleActive(s)} loading={setActive.isPending && setActive.variables?.id === s.id} />
              </RowActions>
            </Table.Td>
          </Table.Tr>
        )}
        pagerLabel={t('service.pagination')}
        onPage={(page) => list.set({ page })}
      />
    </Stack>
  );
}
