import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconBuildingCommunity, IconFileImport, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLang } from '../../../i18n';
import { hoursLines } from '../format';
import { AGENCY_KINDS, type AgencyAdmin } from '../types';
import { ActiveBadge, AdminHeader, EditButton, FilterSelect, isFiltered, ListFilters, PagedTable, RowActions, ToggleActiveButton, useConfirm, useListParams, useToggleActive , type ActivationTexts } from '../../../app/admin';
import { useAgencies, useSetAgencyActive } from './api';
import { formatDate } from '../../../lib/format';
import { useCatalogScope } from './scope';

const PAGE_SIZE = 25;

function AgreementCell({ a }: { a: AgencyAdmin }) {
  const { t } = useTranslation('catalog');
  const lang = useLang();
  if (!a.agreement) return <Text size="sm" c="dimmed">{t('agency.noAgreement')}</Text>;
  return (
    <Stack gap={2}>
      {a.agreement.number ? <Text size="sm">{a.agreement.number}</Text> : <Text size="sm" c="dimmed">{t('agency.noAgreementNumber')}</Text>}
      {a.agreement.document && (
        <Text size="xs" c="dimmed">
          {t('agency.hasDocument')}
        </Text>
      )}
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
  const { t: ta } = useTranslation('admin');
  const lang = useLang();
  const scope = useCatalogScope();
  const siteId = scope.siteId as string;
  const list = useListParams(['kind'] as const);
  const agencies = useAgencies(siteId, { q: list.q, page: list.page, pageSize: PAGE_SIZE, status: list.status, kind: list.values.kind || undefined });
  const setActive = useSetAgencyActive(siteId);
  const [confirmNode, confirm] = useConfirm();
  const activation: ActivationTexts = (k, v) => t(`agency.${k}`, v);
  const toggle = useToggleActive(activation, setActive, confirm);
  const toggleActive = (a: AgencyAdmin) => toggle(a, a.name, { services: a.serviceCount, counters: a.counterCount });

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
      <ListFilters list={list} searchPlaceholder={t('agency.searchPlaceholder')}>
        <FilterSelect list={list} param="kind" label={t('agency.kind')} allLabel={ta('common.all')} options={AGENCY_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} w={200} />
      </ListFilters>

      <PagedTable
        query={agencies}
        empty={{
          icon: <IconBuildingCommunity size={36} aria-hidden="true" />,
          title: isFiltered(list) ? ta('common.noMatches') : t('agency.emptyAdminTitle'),
          description: list.q ? ta('common.noMatchesHint') : t(scope.siteWide ? 'agency.emptyFirstHint' : 'agency.emptyAdminHint'),
          // A new MPP's first steps: its first agency by hand, or a whole catalogue from a file.
          action: !isFiltered(list) && scope.siteWide && (
            <Group>
              <Button component={Link} to="new" leftSection={<IconPlus size={16} aria-hidden="true" />} data-testid="agency-first">
                {t('agency.first')}
              </Button>
              <Button component={Link} to="../transfer" variant="default" leftSection={<IconFileImport size={16} aria-hidden="true" />} data-testid="catalog-import-first">
                {t('agency.importFirst')}
              </Button>
            </Group>
          ),
        }}
        minWidth={1080}
        caption={t('agency.tableCaption')}
        head={
          <>
            <Table.Th miw={220}>{t('agency.name')}</Table.Th>
            <Table.Th>{t('agency.kind')}</Table.Th>
            <Table.Th>{t('agency.agreement')}</Table.Th>
            <Table.Th>{t('agency.hours')}</Table.Th>
            <Table.Th ta="right">{t('agency.servicesCol')}</Table.Th>
            <Table.Th ta="right">{t('agency.countersCol')}</Table.Th>
            <Table.Th>{ta('common.status')}</Table.Th>
          </>
        }
        row={(a) => (
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
              <RowActions>
                <EditButton to={a.id} name={a.name} />
                {scope.siteWide && <ToggleActiveButton texts={activation} active={a.active} name={a.name} onClick={() => void toggleActive(a)} loading={setActive.isPending && setActive.variables?.id === a.id} />}
              </RowActions>
            </Table.Td>
          </Table.Tr>
        )}
        pagerLabel={t('agency.pagination')}
        onPage={(page) => list.set({ page })}
      />
    </Stack>
  );
}
