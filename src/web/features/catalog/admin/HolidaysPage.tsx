import { Badge, Button, Card, NativeSelect, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconCalendarOff, IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { currentLang, notifySuccess } from '../../../lib/errors';
import { formatDate } from '../format';
import type { Holiday } from '../types';
import { useFormErrors } from './AdminForm';
import { AdminTable, DangerRowButton, QueryView } from './AdminList';
import { useAddSiteDay, useDeleteSiteDay, useHolidays } from './api';
import { AdminHeader, Empty, FormAlert, useCatalogScope, useConfirm } from './shared';

const KIND_COLOR: Record<string, string> = { national: 'red', cuti_bersama: 'orange', closure: 'grape', open: 'green' };

function AddSiteDay({ siteId, year }: { siteId: string; year: number }) {
  const { t } = useTranslation('catalog');
  const add = useAddSiteDay(siteId);
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'closure' | 'open'>('closure');
  const { formRef, local, server, check, focusError } = useFormErrors(add.error, (f) => ['date', 'name', 'kind'].includes(f));
  const errors = { ...local, ...server.fields };

  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    const e: Record<string, string> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) e.date = t('form.required');
    if (name.trim().length < 2) e.name = t('form.minChars', { count: 2 });
    if (!check(e)) return;
    add.mutate(
      { date, name: name.trim(), kind },
      {
        onSuccess: () => {
          notifySuccess(t('holiday.added'));
          setDate('');
          setName('');
        },
        onError: focusError,
      },
    );
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="add-day-title">
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h4" id="add-day-title">
            {t('holiday.addTitle')}
          </Title>
          <FormAlert message={server.summary} />
          <SegmentedControl
            aria-label={t('holiday.kind')}
            value={kind}
            onChange={(v) => setKind(v as 'closure' | 'open')}
            data={[
              { value: 'closure', label: t('holiday.kindClosure') },
              { value: 'open', label: t('holiday.kindOpen') },
            ]}
            w="fit-content"
          />
          <Text size="sm" c="dimmed">
            {kind === 'closure' ? t('holiday.closureHint') : t('holiday.openHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput type="date" label={t('holiday.date')} required value={date} onChange={(e) => setDate(e.currentTarget.value)} error={errors.date} min={`${year - 1}-01-01`} data-testid="holiday-date" />
            <TextInput label={t('holiday.name')} placeholder={t('holiday.namePlaceholder')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} maxLength={200} data-testid="holiday-name" />
            <Button type="submit" mt={{ base: 0, sm: 25 }} loading={add.isPending} leftSection={<IconPlus size={16} aria-hidden="true" />} data-testid="holiday-add">
              {t('holiday.add')}
            </Button>
          </SimpleGrid>
        </Stack>
      </form>
    </Card>
  );
}

/** Hari libur: national holidays and cuti bersama of a year, and the site's own closures / open days. */
export default function HolidaysPage() {
  const { t } = useTranslation('catalog');
  const lang = currentLang();
  const scope = useCatalogScope();
  const siteId = scope.siteId as string;
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const year = Number(params.get('year')) || thisYear;
  const days = useHolidays(siteId, year);
  const remove = useDeleteSiteDay(siteId);
  const [confirmNode, confirm] = useConfirm();
  const years = [thisYear - 1, thisYear, thisYear + 1, thisYear + 2];
  if (!years.includes(year)) years.push(year);

  const del = async (h: Holiday) => {
    const ok = await confirm({ title: t('holiday.removeTitle'), message: t('holiday.removeMessage', { name: h.name, date: formatDate(h.date, lang) }), confirmLabel: t('holiday.remove'), danger: true });
    if (ok) remove.mutate(h.id, { onSuccess: () => notifySuccess(t('holiday.removed')) });
  };

  return (
    <Stack gap="md">
      {confirmNode}
      <AdminHeader title={t('tabs.holidays')} description={t('holiday.intro')} />
      <NativeSelect
        label={t('holiday.year')}
        value={String(year)}
        onChange={(e) => setParams({ year: e.currentTarget.value }, { replace: true })}
        data={years.sort().map((y) => String(y))}
        w={140}
        data-testid="holiday-year"
      />
      <AddSiteDay siteId={siteId} year={year} />
      <QueryView query={days} skeletonRows={8} isEmpty={(d) => d.length === 0} empty={<Empty icon={<IconCalendarOff size={36} aria-hidden="true" />} title={t('holiday.emptyTitle', { year })} description={t('holiday.emptyHint')} />}>
        {(data) => (
          <AdminTable
            minWidth={640}
            caption={t('holiday.tableCaption', { year })}
            dimmed={days.isPlaceholderData}
            verticalSpacing="xs"
            head={
              <>
                <Table.Th>{t('holiday.date')}</Table.Th>
                <Table.Th>{t('holiday.name')}</Table.Th>
                <Table.Th>{t('holiday.kind')}</Table.Th>
                <Table.Th>{t('holiday.siteState')}</Table.Th>
              </>
            }
          >
            {[...data]
              .sort((a, b) => a.date.localeCompare(b.date))
              .map((h) => (
                <Table.Tr key={h.id} data-testid="holiday-row">
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <time dateTime={h.date}>{formatDate(h.date, lang, { weekday: 'short', day: 'numeric', month: 'short' })}</time>
                  </Table.Td>
                  <Table.Td>{h.name}</Table.Td>
                  <Table.Td>
                    <Badge color={KIND_COLOR[h.kind] ?? 'gray'} variant="light" tt="none">
                      {t(`holiday.kinds.${h.kind}`, { defaultValue: h.kind })}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={h.closed ? 'red.8' : 'green.9'}>
                      {h.closed ? t('holiday.closed') : t('holiday.open')}
                    </Text>
                  </Table.Td>
                  <Table.Td>{h.siteId && <DangerRowButton label={t('holiday.remove')} name={h.name} onClick={() => void del(h)} />}</Table.Td>
                </Table.Tr>
              ))}
          </AdminTable>
        )}
      </QueryView>
    </Stack>
  );
}
