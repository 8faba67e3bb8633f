import { Badge, Button, Group, Modal, MultiSelect, NativeSelect, NumberInput, SimpleGrid, Stack, Switch, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { IconDeviceDesktop, IconPlus } from '@tabler/icons-react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../app/QueryError';
import { notifySuccess } from '../../../lib/errors';
import type { AgencyAdmin, CounterAdmin, CounterInput } from '../types';
import { useAgencyOptions, useCounters, useSaveCounter, useServices, useSetCounterActive, useSetCounterOfficers, useStaff } from './api';
import { ActiveBadge, AdminHeader, Empty, focusFirstError, FormAlert, Pager, SearchField, StatusFilter, TableSkeleton, useCatalogScope, useConfirm, useListParams, useServerErrors } from './shared';

const PAGE_SIZE = 50;

interface Form {
  agencyId: string;
  number: number | '';
  name: string;
  zone: string;
  active: boolean;
  serviceIds: string[];
  officerIds: string[];
}

const FIELDS = new Set(['agencyId', 'number', 'name', 'zone', 'serviceIds', 'active', 'userIds']);
const known = (f: string) => FIELDS.has(f) || f.startsWith('serviceIds');

function CounterForm({ counter, agencies, onDone, nextNumber }: { counter?: CounterAdmin; agencies: AgencyAdmin[]; onDone: () => void; nextNumber: number }) {
  const { t } = useTranslation('catalog');
  const scope = useCatalogScope();
  const siteId = scope.siteId as string;
  const save = useSaveCounter(siteId, counter?.id);
  const officers = useSetCounterOfficers(siteId);
  const formRef = useRef<HTMLFormElement>(null);
  // An agency_admin may rename a counter of their agency and choose which of its services it serves;
  // number, agency and active are the site admin's.
  const limited = !scope.siteWide;
  const pickable = agencies.filter((a) => (scope.siteWide || scope.agencyIds.includes(a.id)) && (a.active || a.id === counter?.agencyId));
  const [f, setF] = useState<Form>(() => ({
    agencyId: counter?.agencyId ?? (pickable.length === 1 ? pickable[0].id : ''),
    number: counter?.number ?? nextNumber,
    name: counter?.name ?? '',
    zone: counter?.zone ?? '',
    active: counter?.active ?? true,
    serviceIds: counter?.serviceIds ?? [],
    officerIds: counter?.officers.map((o) => o.id) ?? [],
  }));
  const [local, setLocal] = useState<Record<string, string>>({});
  const services = useServices(siteId, { page: 1, pageSize: 500, status: 'all', agencyId: f.agencyId || undefined }, !!f.agencyId);
  const staff = useStaff(siteId, { page: 1, pageSize: 500, status: 'active', role: 'officer', agencyId: f.agencyId || undefined }, !!f.agencyId);
  const server = useServerErrors(save.error ?? officers.error, known);
  const errors: Record<string, string> = { ...local, ...server.fields };
  if (server.fields.userIds) errors.officerIds = server.fields.userIds;

  const set = <K extends keyof Form>(k: K, v: Form[K]) => {
    setF((s) => ({ ...s, [k]: v }));
    if (local[k as string]) setLocal((s) => ({ ...s, [k]: '' }));
  };
  const changeAgency = (agencyId: string) => setF((s) => ({ ...s, agencyId, serviceIds: [], officerIds: [] }));

  const serviceData = (services.data?.items ?? []).filter((s) => s.agencyId === f.agencyId).map((s) => ({ value: s.id, label: `${s.code} · ${s.name}${s.active ? '' : ` (${t('common.inactive')})`}` }));
  const officerData = [
    ...(staff.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` })),
    // Officers already assigned stay visible even if not in the list (e.g. deactivated).
    ...(counter?.officers ?? []).filter((o) => !(staff.data?.items ?? []).some((u) => u.id === o.id)).map((o) => ({ value: o.id, label: `${o.displayName} (${o.username})` })),
  ];

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const e: Record<string, string> = {};
    if (!f.agencyId) e.agencyId = t('form.required');
    if (f.number === '' || !Number.isInteger(f.number) || f.number < 1) e.number = t('counter.numberRule');
    setLocal(e);
    if (Object.keys(e).length) return focusFirstError(formRef.current);
    const body: Partial<CounterInput> = limited
      ? { name: f.name.trim() || t('counter.defaultName', { number: f.number }), zone: f.zone.trim(), serviceIds: f.serviceIds }
      : { agencyId: f.agencyId, number: f.number as number, name: f.name.trim() || t('counter.defaultName', { number: f.number }), zone: f.zone.trim(), active: f.active, serviceIds: f.serviceIds };
    try {
      const saved = await save.mutateAsync(body);
      const before = [...(counter?.officers.map((o) => o.id) ?? [])].sort().join();
      if (!staff.isError && before !== [...f.officerIds].sort().join()) await officers.mutateAsync({ id: saved.id, userIds: f.officerIds });
      notifySuccess(counter ? t('counter.saved', { name: saved.name }) : t('counter.created', { name: saved.name }));
      onDone();
    } catch {
      focusFirstError(formRef.current);
    }
  };

  return (
    <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        <FormAlert message={server.summary} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput label={t('counter.number')} required value={f.number} onChange={(v) => set('number', typeof v === 'number' ? v : '')} error={errors.number} min={1} max={9999} allowDecimal={false} allowNegative={false} disabled={limited} data-testid="counter-number" />
          <TextInput label={t('counter.name')} description={t('counter.nameHint')} value={f.name} onChange={(e) => set('name', e.currentTarget.value)} error={errors.name} maxLength={80} data-testid="counter-name" />
        </SimpleGrid>
        <TextInput label={t('counter.zone')} description={t('counter.zoneHint')} value={f.zone} onChange={(e) => set('zone', e.currentTarget.value)} error={errors.zone} maxLength={80} />
        <NativeSelect
          label={t('service.agency')}
          required
          value={f.agencyId}
          onChange={(e) => changeAgency(e.currentTarget.value)}
          data={[{ value: '', label: t('form.choose') }, ...pickable.map((a) => ({ value: a.id, label: `${a.shortName} · ${a.name}` }))]}
          error={errors.agencyId}
          disabled={limited}
          data-testid="counter-agency"
        />
        <MultiSelect
          label={t('counter.services')}
          description={f.agencyId ? t('counter.servicesHint') : t('counter.chooseAgencyFirst')}
          data={serviceData}
          value={f.serviceIds}
          onChange={(v) => set('serviceIds', v)}
          error={errors.serviceIds}
          searchable
          clearable
          disabled={!f.agencyId}
          nothingFoundMessage={services.isFetching ? t('common.loading') : t('counter.noServices')}
          comboboxProps={{ withinPortal: true }}
          data-testid="counter-services"
        />
        <MultiSelect
          label={t('counter.officers')}
          description={staff.isError ? t('counter.officersUnavailable') : t('counter.officersHint')}
          data={officerData}
          value={f.officerIds}
          onChange={(v) => set('officerIds', v)}
          error={errors.officerIds}
          searchable
          clearable
          disabled={!f.agencyId || staff.isError}
          nothingFoundMessage={staff.isFetching ? t('common.loading') : t('counter.noOfficers')}
          comboboxProps={{ withinPortal: true }}
          data-testid="counter-officers"
        />
        {!limited && <Switch label={t('counter.activeLabel')} checked={f.active} onChange={(e) => set('active', e.currentTarget.checked)} />}
        <Group justify="flex-end" gap="xs" mt="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending || officers.isPending} data-testid="counter-save">
            {counter ? t('common.save') : t('counter.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Loket: the site's counters, which agency and services each serves and who staffs it. */
export default function CountersPage() {
  const { t } = useTranslation('catalog');
  const scope = useCatalogScope();
  const siteId = scope.siteId as string;
  const list = useListParams(['agencyId'] as const);
  const agencies = useAgencyOptions(siteId);
  const counters = useCounters(siteId, { q: list.q, page: list.page, pageSize: PAGE_SIZE, status: list.status, agencyId: list.values.agencyId || undefined });
  const setActive = useSetCounterActive(siteId);
  const [editing, setEditing] = useState<CounterAdmin | 'new' | null>(null);
  const [confirmNode, confirm] = useConfirm();
  const agencyItems = agencies.data?.items ?? [];
  const nextNumber = Math.max(0, ...(counters.data?.items ?? []).map((c) => c.number)) + 1;

  const toggleActive = async (c: CounterAdmin) => {
    if (c.active) {
      const ok = await confirm({ title: t('counter.deactivateTitle'), message: t('counter.deactivateMessage', { name: c.name }), confirmLabel: t('counter.deactivate'), danger: true });
      if (!ok) return;
    }
    setActive.mutate({ id: c.id, active: !c.active }, { onSuccess: () => notifySuccess(c.active ? t('counter.deactivated', { name: c.name }) : t('counter.activated', { name: c.name })) });
  };

  return (
    <Stack gap="md">
      {confirmNode}
      <AdminHeader
        title={t('tabs.counters')}
        description={t('counter.adminIntro')}
        actions={
          scope.siteWide && (
            <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setEditing('new')} disabled={agencies.isPending || counters.isPending} data-testid="counter-new">
              {t('counter.new')}
            </Button>
          )
        }
      />
      <Group align="flex-end" gap="sm" wrap="wrap">
        <SearchField label={t('common.search')} placeholder={t('counter.searchPlaceholder')} value={list.q} onChange={(q) => list.set({ q })} />
        {scope.siteWide && (
          <NativeSelect
            label={t('service.agency')}
            value={list.values.agencyId}
            onChange={(e) => list.set({ agencyId: e.currentTarget.value })}
            data={[{ value: '', label: t('common.allAgencies') }, ...agencyItems.map((a) => ({ value: a.id, label: `${a.shortName} · ${a.name}` }))]}
            w={280}
          />
        )}
        <StatusFilter value={list.status} onChange={(status) => list.set({ status })} />
      </Group>

      {counters.isPending ? (
        <TableSkeleton />
      ) : counters.isError ? (
        <QueryError error={counters.error} onRetry={() => void counters.refetch()} />
      ) : counters.data.items.length === 0 ? (
        <Empty icon={<IconDeviceDesktop size={36} aria-hidden="true" />} title={list.q || list.values.agencyId || list.status !== 'all' ? t('common.noMatches') : t('counter.emptyTitle')} description={t('counter.emptyHint')} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={820}>
            <Table striped highlightOnHover verticalSpacing="sm" style={{ opacity: counters.isPlaceholderData ? 0.6 : 1 }}>
              <Table.Caption>{t('counter.tableCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th ta="right">{t('counter.numberShort')}</Table.Th>
                  <Table.Th>{t('counter.name')}</Table.Th>
                  <Table.Th>{t('service.agency')}</Table.Th>
                  <Table.Th>{t('counter.services')}</Table.Th>
                  <Table.Th>{t('counter.officers')}</Table.Th>
                  <Table.Th>{t('common.status')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {counters.data.items.map((c) => (
                  <Table.Tr key={c.id} data-testid="counter-row">
                    <Table.Td ta="right" fw={700}>
                      {c.number}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
                        {c.name}
                      </Text>
                      {c.zone && (
                        <Text size="xs" c="dimmed">
                          {c.zone}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{c.agency.shortName}</Text>
                    </Table.Td>
                    <Table.Td>
                      {c.services.length === 0 ? (
                        <Badge color="orange" variant="light" size="sm">
                          {t('counter.noServicesYet')}
                        </Badge>
                      ) : (
                        <Text size="xs">{c.services.map((s) => s.name).join(', ')}</Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">{c.officers.length ? c.officers.map((o) => o.displayName).join(', ') : t('common.none')}</Text>
                    </Table.Td>
                    <Table.Td>
                      <ActiveBadge active={c.active} />
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap" justify="flex-end">
                        <Button size="compact-sm" variant="subtle" onClick={() => setEditing(c)} aria-label={t('common.editNamed', { name: c.name })}>
                          {t('common.edit')}
                        </Button>
                        {scope.siteWide && (
                          <Button size="compact-sm" variant="subtle" color={c.active ? 'red' : 'green'} onClick={() => void toggleActive(c)} aria-label={(c.active ? t('counter.deactivate') : t('counter.activate')) + `: ${c.name}`}>
                            {c.active ? t('counter.deactivate') : t('counter.activate')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager page={counters.data.page} pageSize={counters.data.pageSize} total={counters.data.total} onChange={(page) => list.set({ page })} label={t('counter.pagination')} />
        </>
      )}

      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? t('counter.newTitle') : t('counter.editTitle', { name: editing?.name ?? '' })} size="lg">
        {editing !== null && <CounterForm key={editing === 'new' ? 'new' : editing.id} counter={editing === 'new' ? undefined : editing} agencies={agencyItems} nextNumber={nextNumber} onDone={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}
