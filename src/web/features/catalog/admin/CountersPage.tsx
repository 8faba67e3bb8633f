import { Badge, Button, Modal, MultiSelect, NativeSelect, NumberInput, SimpleGrid, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { IconDeviceDesktop, IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../lib/errors';
import type { AgencyAdmin, CounterAdmin, CounterInput } from '../types';
import { ActiveBadge, AdminHeader, DialogFormActions, EditButton, FilterSelect, FormAlert, isFiltered, ListFilters, PagedTable, RowActions, ToggleActiveButton, useConfirm, useFormErrors, useFormValues, useListParams, useToggleActive , type ActivationTexts } from '../../../app/admin';
import { useAgencyOptions, useCounters, useSaveCounter, useServices, useSetCounterActive, useSetCounterOfficers } from './api';
import { useStaff } from '../../access/admin/api';
import { useCatalogScope } from './scope';

const PAGE_SIZE = 50;

interface Form {
  agencyId: string;
  number: number | '';
  name: string;
  zone: string;
  location: string;
  active: boolean;
  serviceIds: string[];
  officerIds: string[];
}

const FIELDS = new Set(['agencyId', 'number', 'name', 'zone', 'location', 'serviceIds', 'active', 'userIds']);
const known = (f: string) => FIELDS.has(f) || f.startsWith('serviceIds');

function CounterForm({ counter, agencies, onDone, nextNumber }: { counter?: CounterAdmin; agencies: AgencyAdmin[]; onDone: () => void; nextNumber: number }) {
  const { t } = useTranslation('catalog');
  const { t: ta } = useTranslation('admin');
  const scope = useCatalogScope();
  const siteId = scope.siteId as string;
  const save = useSaveCounter(siteId, counter?.id);
  const officers = useSetCounterOfficers(siteId);
  // An agency_admin may rename a counter of their agency and choose which of its services it serves;
  // number, agency and active are the site admin's.
  const limited = !scope.siteWide;
  const pickable = agencies.filter((a) => (scope.siteWide || scope.agencyIds.includes(a.id)) && (a.active || a.id === counter?.agencyId));
  const { formRef, local, server, check, focusError, clear } = useFormErrors(save.error ?? officers.error, known);
  const [f, set, setF] = useFormValues<Form>(() => ({
    agencyId: counter?.agencyId ?? (pickable.length === 1 ? pickable[0].id : ''),
    number: counter?.number ?? nextNumber,
    name: counter?.name ?? '',
    zone: counter?.zone ?? '',
    location: counter?.location ?? '',
    active: counter?.active ?? true,
    serviceIds: counter?.serviceIds ?? [],
    officerIds: counter?.officers.map((o) => o.id) ?? [],
  }), clear);
  const services = useServices(siteId, { page: 1, pageSize: 500, status: 'all', agencyId: f.agencyId || undefined }, !!f.agencyId);
  const staff = useStaff(siteId, { page: 1, pageSize: 500, status: 'active', role: 'officer', agencyId: f.agencyId || undefined }, !!f.agencyId);
  const errors: Record<string, string> = { ...local, ...server.fields };
  if (server.fields.userIds) errors.officerIds = server.fields.userIds;

  const changeAgency = (agencyId: string) => setF((s) => ({ ...s, agencyId, serviceIds: [], officerIds: [] }));

  const serviceData = (services.data?.items ?? []).filter((s) => s.agencyId === f.agencyId).map((s) => ({ value: s.id, label: `${s.code} · ${s.name}${s.active ? '' : ` (${ta('common.inactive')})`}` }));
  const officerData = [
    ...(staff.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` })),
    // Officers already assigned stay visible even if not in the list (e.g. deactivated).
    ...(counter?.officers ?? []).filter((o) => !(staff.data?.items ?? []).some((u) => u.id === o.id)).map((o) => ({ value: o.id, label: `${o.displayName} (${o.username})` })),
  ];

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const e: Record<string, string> = {};
    if (!f.agencyId) e.agencyId = ta('form.required');
    if (f.number === '' || !Number.isInteger(f.number) || f.number < 1) e.number = t('counter.numberRule');
    if (!check(e)) return;
    const body: Partial<CounterInput> = limited
      ? { name: f.name.trim() || t('counter.defaultName', { number: f.number }), zone: f.zone.trim(), location: f.location.trim(), serviceIds: f.serviceIds }
      : { agencyId: f.agencyId, number: f.number as number, name: f.name.trim() || t('counter.defaultName', { number: f.number }), zone: f.zone.trim(), location: f.location.trim(), active: f.active, serviceIds: f.serviceIds };
    try {
      const saved = await save.mutateAsync(body);
      const before = [...(counter?.officers.map((o) => o.id) ?? [])].sort().join();
      if (!staff.isError && before !== [...f.officerIds].sort().join()) await officers.mutateAsync({ id: saved.id, userIds: f.officerIds });
      notifySuccess(counter ? t('counter.saved', { name: saved.name }) : t('counter.created', { name: saved.name }));
      onDone();
    } catch {
      focusError();
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
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('counter.location')} description={t('counter.locationHint')} value={f.location} onChange={(e) => set('location', e.currentTarget.value)} error={errors.location} maxLength={120} data-testid="counter-location" />
          <TextInput label={t('counter.zone')} description={t('counter.zoneHint')} value={f.zone} onChange={(e) => set('zone', e.currentTarget.value)} error={errors.zone} maxLength={80} data-testid="counter-zone" />
        </SimpleGrid>
        <NativeSelect
          label={t('service.agency')}
          required
          value={f.agencyId}
          onChange={(e) => changeAgency(e.currentTarget.value)}
          data={[{ value: '', label: ta('form.choose') }, ...pickable.map((a) => ({ value: a.id, label: `${a.shortName} · ${a.name}` }))]}
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
          nothingFoundMessage={services.isFetching ? ta('common.loading') : t('counter.noServices')}
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
          nothingFoundMessage={staff.isFetching ? ta('common.loading') : t('counter.noOfficers')}
          comboboxProps={{ withinPortal: true }}
          data-testid="counter-officers"
        />
        {!limited && <Switch label={t('counter.activeLabel')} checked={f.active} onChange={(e) => set('active', e.currentTarget.checked)} />}
        <DialogFormActions onCancel={onDone} submitLabel={counter ? ta('common.save') : t('counter.create')} loading={save.isPending || officers.isPending} testId="counter-save" />
      </Stack>
    </form>
  );
}

/** Loket: the site's counters, which agency and services each serves and who staffs it. */
export default function CountersPage() {
  const { t } = useTranslation('catalog');
  const { t: ta } = useTranslation('admin');
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

  const activation: ActivationTexts = (k, v) => t(`counter.${k}`, v);

  const toggle = useToggleActive(activation, setActive, confirm);
  const toggleActive = (c: CounterAdmin) => toggle(c, c.name);

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
      <ListFilters list={list} searchPlaceholder={t('counter.searchPlaceholder')}>
        {scope.siteWide && (
          <FilterSelect list={list} param="agencyId" label={t('service.agency')} allLabel={ta('common.allAgencies')} options={agencyItems.map((a) => ({ value: a.id, label: `${a.shortName} · ${a.name}` }))} w={280} />
        )}
      </ListFilters>

      <PagedTable
        query={counters}
        empty={{ icon: <IconDeviceDesktop size={36} aria-hidden="true" />, title: isFiltered(list) ? ta('common.noMatches') : t('counter.emptyTitle'), description: t('counter.emptyHint') }}
        minWidth={820}
        caption={t('counter.tableCaption')}
        head={
          <>
            <Table.Th ta="right">{t('counter.numberShort')}</Table.Th>
            <Table.Th>{t('counter.name')}</Table.Th>
            <Table.Th>{t('service.agency')}</Table.Th>
            <Table.Th>{t('counter.services')}</Table.Th>
            <Table.Th>{t('counter.officers')}</Table.Th>
            <Table.Th>{ta('common.status')}</Table.Th>
          </>
        }
        row={(c) => (
          <Table.Tr key={c.id} data-testid="counter-row">
            <Table.Td ta="right" fw={700}>
              {c.number}
            </Table.Td>
            <Table.Td>
              <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
                {c.name}
              </Text>
              {(c.location || c.zone) && (
                <Text size="xs" c="dimmed" data-testid="counter-row-location">
                  {c.location || c.zone}
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
              <Text size="xs">{c.officers.length ? c.officers.map((o) => o.displayName).join(', ') : ta('common.none')}</Text>
            </Table.Td>
            <Table.Td>
              <ActiveBadge active={c.active} />
            </Table.Td>
            <Table.Td>
              <RowActions>
                <EditButton onClick={() => setEditing(c)} name={c.name} />
                {scope.siteWide && <ToggleActiveButton texts={activation} active={c.active} name={c.name} onClick={() => void toggleActive(c)} />}
              </RowActions>
            </Table.Td>
          </Table.Tr>
        )}
        pagerLabel={t('counter.pagination')}
        onPage={(page) => list.set({ page })}
      />

      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? t('counter.newTitle') : t('counter.editTitle', { name: editing?.name ?? '' })} size="lg">
        {editing !== null && <CounterForm key={editing === 'new' ? 'new' : editing.id} counter={editing === 'new' ? undefined : editing} agencies={agencyItems} nextNumber={nextNumber} onDone={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}
