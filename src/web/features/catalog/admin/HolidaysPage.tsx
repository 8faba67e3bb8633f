import { Alert, Badge, Button, Card, Group, Modal, NativeSelect, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconCalendarOff, IconDatabaseImport, IconPlus } from '@tabler/icons-react';
import { DateField } from '../../../app/admin';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { notifySuccess } from '../../../lib/errors';
import { useCurrentUser } from '../../access/api';
import { formatDate } from '../../../lib/format';
import type { Holiday } from '../types';
import { AdminHeader, AdminTable, DangerRowButton, DialogFormActions, EditButton, Empty, FormAlert, LabelledSegments, QueryView, RowActions, useAdminSubmit, useConfirm } from '../../../app/admin';
import {
  useAddNationalDay,
  useAddSiteDay,
  useDeleteNationalDay,
  useDeleteSiteDay,
  useHolidays,
  useNationalHolidays,
  useSeedNationalYear,
  useSiteSettings,
  useUpdateNationalDay,
  type NationalDayInput,
} from './api';
import { useLang } from '../../../i18n';
import { useCatalogScope } from './scope';
import { can } from '../../../app/policy';

const KIND_COLOR: Record<string, string> = { national: 'red', cuti_bersama: 'orange', closure: 'grape', open: 'green' };
const NATIONAL_KINDS = ['national', 'cuti_bersama'] as const;
type NationalKind = (typeof NATIONAL_KINDS)[number];

/** A real calendar date written YYYY-MM-DD (what `<input type="date">` gives). */
const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

function KindBadge({ kind }: { kind: string }) {
  const { t } = useTranslation('catalog');
  return (
    <Badge color={KIND_COLOR[kind] ?? 'gray'} variant="light" tt="none">
      {t(`holiday.kinds.${kind}`, { defaultValue: kind })}
    </Badge>
  );
}

/** The current year in the site's zone as the server sees it (its clock decides "today"). */
/** A year's days by date: date, name, kind, then what the caller adds (state, actions). */
function CalendarTable(p: { days: Holiday[]; minWidth: number; caption: string; dimmed: boolean; rowTestId: string; extraHead?: ReactNode; extraCells: (h: Holiday) => ReactNode }) {
  const { t } = useTranslation('catalog');
  const lang = useLang();
  return (
    <AdminTable
      minWidth={p.minWidth}
      caption={p.caption}
      dimmed={p.dimmed}
      verticalSpacing="xs"
      head={
        <>
          <Table.Th>{t('holiday.date')}</Table.Th>
          <Table.Th>{t('holiday.name')}</Table.Th>
          <Table.Th>{t('holiday.kind')}</Table.Th>
          {p.extraHead}
        </>
      }
    >
      {[...p.days]
        .sort((a, b) => a.date.localeCompare(b.date))
        .map((h) => (
          <Table.Tr key={h.id} data-testid={p.rowTestId}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <time dateTime={h.date}>{formatDate(h.date, lang, { weekday: 'short', day: 'numeric', month: 'short' })}</time>
            </Table.Td>
            <Table.Td>{h.name}</Table.Td>
            <Table.Td>
              <KindBadge kind={h.kind} />
            </Table.Td>
            {p.extraCells(h)}
          </Table.Tr>
        ))}
    </AdminTable>
  );
}

function useThisYear(siteId: string): number {
  const site = useSiteSettings(siteId);
  const today = site.data?.today?.date;
  return today ? Number(today.slice(0, 4)) : new Date().getFullYear();
}

/* --------------------------------------------------------------- warnings */

/** "Cuti bersama 2027 belum diisi": shown for the current and the next year while their list has no cuti bersama. */
function CutiBersamaWarning({ year, canEdit, onOpen }: { year: number; canEdit: boolean; onOpen: ((year: number) => void) | null }) {
  const { t } = useTranslation('catalog');
  const list = useNationalHolidays(year);
  if (!list.data || list.isPlaceholderData || list.data.some((h) => h.kind === 'cuti_bersama')) return null;
  return (
    <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden="true" />} title={t('holiday.cutiMissingTitle', { year })} data-testid={`cuti-missing-${year}`}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{canEdit ? t('holiday.cutiMissing', { year }) : t('holiday.cutiMissingSite', { year })}</Text>
        {canEdit && onOpen && (
          <Button size="compact-sm" variant="default" onClick={() => onOpen(year)} data-testid={`cuti-missing-open-${year}`}>
            {t('holiday.openNational', { year })}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

/* ------------------------------------------------------- the site's days */

function AddSiteDay({ siteId, year }: { siteId: string; year: number }) {
  const { t } = useTranslation('catalog');
  const { t: ta } = useTranslation('admin');
  const add = useAddSiteDay(siteId);
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'closure' | 'open'>('closure');
  const { formRef, server, errors, submit: send } = useAdminSubmit(add, (f) => ['date', 'name', 'kind'].includes(f));

  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    const e: Record<string, string> = {};
    if (!date) e.date = ta('form.required');
    else if (!isDate(date)) e.date = t('holiday.dateRule');
    if (name.trim().length < 2) e.name = ta('form.minChars', { count: 2 });
    send(
      e,
      { date, name: name.trim(), kind },
      {
        success: () => t('holiday.added'),
        onSaved: () => {
          setDate('');
          setName('');
        },
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
            <DateField label={t('holiday.date')} required value={date} onChange={setDate} error={errors.date} min={`${year - 1}-01-01`} data-testid="holiday-date" />
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

/** The site's calendar of a year: the national list (read-only here) and the site's own closures and open days. */
function SiteCalendar({ siteId, year }: { siteId: string; year: number }) {
  const { t } = useTranslation('catalog');
  const lang = useLang();
  const days = useHolidays(siteId, year);
  const remove = useDeleteSiteDay(siteId);
  const [confirmNode, confirm] = useConfirm();

  const del = async (h: Holiday) => {
    const ok = await confirm({ title: t('holiday.removeTitle'), message: t('holiday.removeMessage', { name: h.name, date: formatDate(h.date, lang) }), confirmLabel: t('holiday.remove'), danger: true });
    if (ok) remove.mutate(h.id, { onSuccess: () => notifySuccess(t('holiday.removed')) });
  };

  return (
    <>
      {confirmNode}
      <AddSiteDay siteId={siteId} year={year} />
      <Text size="sm" c="dimmed">
        {t('holiday.byPlatform')}
      </Text>
      <QueryView query={days} skeletonRows={8} isEmpty={(d) => d.length === 0} empty={<Empty icon={<IconCalendarOff size={36} aria-hidden="true" />} title={t('holiday.emptyTitle', { year })} description={t('holiday.emptyHint')} />}>
        {(data) => (
          <CalendarTable
            days={data}
            minWidth={640}
            caption={t('holiday.tableCaption', { year })}
            dimmed={days.isPlaceholderData}
            rowTestId="holiday-row"
            extraHead={<Table.Th>{t('holiday.siteState')}</Table.Th>}
            extraCells={(h) => (
              <>
                <Table.Td>
                  <Text size="sm" c={h.closed ? 'red.8' : 'green.9'}>
                    {h.closed ? t('holiday.closed') : t('holiday.open')}
                  </Text>
                </Table.Td>
                <Table.Td>{h.siteId && <DangerRowButton label={t('holiday.remove')} name={h.name} onClick={() => void del(h)} />}</Table.Td>
              </>
            )}
          />
        )}
      </QueryView>
    </>
  );
}

/* ------------------------------------------------- the national list (platform) */

function KindSelect({ value, onChange, error, testId }: { value: NationalKind; onChange: (k: NationalKind) => void; error?: string; testId: string }) {
  const { t } = useTranslation('catalog');
  return (
    <NativeSelect
      label={t('holiday.kind')}
      required
      value={value}
      onChange={(e) => onChange(e.currentTarget.value as NationalKind)}
      data={NATIONAL_KINDS.map((k) => ({ value: k, label: t(`holiday.kinds.${k}`) }))}
      error={error}
      data-testid={testId}
    />
  );
}

const NATIONAL_FIELDS = (f: string) => ['date', 'name', 'kind'].includes(f);

function AddNationalDay({ siteId, year, onYear }: { siteId: string; year: number; onYear: (y: number) => void }) {
  const { t } = useTranslation('catalog');
  const { t: ta } = useTranslation('admin');
  const add = useAddNationalDay(siteId);
  const [f, setF] = useState<NationalDayInput>({ date: '', name: '', kind: 'cuti_bersama' });
  const { formRef, server, errors, clear, submit: send } = useAdminSubmit(add, NATIONAL_FIELDS);
  const set = <K extends keyof NationalDayInput>(k: K, v: NationalDayInput[K]) => {
    setF((s) => ({ ...s, [k]: v }));
    clear(k);
  };

  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    const e: Record<string, string> = {};
    if (!f.date) e.date = ta('form.required');
    else if (!isDate(f.date)) e.date = t('holiday.dateRule');
    if (f.name.trim().length < 2) e.name = ta('form.minChars', { count: 2 });
    send(
      e,
      { ...f, name: f.name.trim() },
      {
        success: (h) => t('holiday.nationalAdded', { name: h.name }),
        onSaved: (h) => {
          setF((s) => ({ ...s, date: '', name: '' }));
          const y = Number(h.date.slice(0, 4));
          if (y !== year) onYear(y);
        },
      },
    );
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="add-national-title">
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h4" id="add-national-title">
            {t('holiday.nationalAddTitle')}
          </Title>
          <FormAlert message={server.summary} />
          <SimpleGrid cols={{ base: 1, sm: 4 }}>
            <DateField label={t('holiday.date')} required value={f.date} onChange={(v) => set('date', v)} error={errors.date} data-testid="national-date" />
            <TextInput label={t('holiday.name')} placeholder={t('holiday.nationalNamePlaceholder')} required value={f.name} onChange={(e) => set('name', e.currentTarget.value)} error={errors.name} maxLength={200} data-testid="national-name" />
            <KindSelect value={f.kind} onChange={(k) => set('kind', k)} error={errors.kind} testId="national-kind" />
            <Button type="submit" mt={{ base: 0, sm: 25 }} loading={add.isPending} leftSection={<IconPlus size={16} aria-hidden="true" />} data-testid="national-add">
              {t('holiday.add')}
            </Button>
          </SimpleGrid>
        </Stack>
      </form>
    </Card>
  );
}

function EditNationalDay({ siteId, day, onDone }: { siteId: string; day: Holiday; onDone: () => void }) {
  const { t } = useTranslation('catalog');
  const { t: ta } = useTranslation('admin');
  const lang = useLang();
  const update = useUpdateNationalDay(siteId);
  const [name, setName] = useState(day.name);
  const [kind, setKind] = useState<NationalKind>(day.kind === 'cuti_bersama' ? 'cuti_bersama' : 'national');
  const { formRef, server, errors, submit: send } = useAdminSubmit(update, NATIONAL_FIELDS);

  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    send(name.trim().length < 2 ? { name: ta('form.minChars', { count: 2 }) } : {}, { id: day.id, name: name.trim(), kind }, { success: (h) => t('holiday.nationalSaved', { name: h.name }), onSaved: onDone });
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormAlert message={server.summary} />
        <TextInput label={t('holiday.date')} description={t('holiday.nationalDateFixed')} value={formatDate(day.date, lang)} readOnly variant="filled" />
        <TextInput label={t('holiday.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} maxLength={200} data-autofocus data-testid="national-edit-name" />
        <KindSelect value={kind} onChange={setKind} error={errors.kind} testId="national-edit-kind" />
        <DialogFormActions onCancel={onDone} submitLabel={ta('common.save')} loading={update.isPending} testId="national-save" />
      </Stack>
    </form>
  );
}

/** Platform admin: the national list of a year, for every site. */
function NationalList({ siteId, year, onYear }: { siteId: string; year: number; onYear: (y: number) => void }) {
  const { t } = useTranslation('catalog');
  const lang = useLang();
  const days = useNationalHolidays(year);
  const remove = useDeleteNationalDay(siteId);
  const seed = useSeedNationalYear(siteId);
  const [editing, setEditing] = useState<Holiday | null>(null);
  const [confirmNode, confirm] = useConfirm();

  const del = async (h: Holiday) => {
    const ok = await confirm({ title: t('holiday.nationalRemoveTitle'), message: t('holiday.nationalRemoveMessage', { name: h.name, date: formatDate(h.date, lang) }), confirmLabel: t('holiday.remove'), danger: true });
    if (ok) remove.mutate(h.id, { onSuccess: () => notifySuccess(t('holiday.nationalRemoved')) });
  };
  const fill = () => seed.mutate(year, { onSuccess: (r) => notifySuccess(r.added ? t('holiday.seeded', { count: r.added }) : t('holiday.seededNone')) });
  const counts = days.data ? { national: days.data.filter((h) => h.kind === 'national').length, cuti: days.data.filter((h) => h.kind === 'cuti_bersama').length } : null;

  return (
    <>
      {confirmNode}
      <Card withBorder padding="lg" component="section" aria-labelledby="national-title">
        <Stack gap="xs">
          <Group justify="space-between" align="flex-start" gap="sm">
            <div>
              <Title order={3} size="h4" id="national-title">
                {t('holiday.nationalTitle', { year })}
              </Title>
              {counts && (
                <Text size="sm" c="dimmed" data-testid="national-counts">
                  {t('holiday.nationalCount', counts)}
                </Text>
              )}
            </div>
            <Button variant="default" leftSection={<IconDatabaseImport size={16} aria-hidden="true" />} onClick={fill} loading={seed.isPending} data-testid="national-seed">
              {t('holiday.seed')}
            </Button>
          </Group>
          <Text size="sm">{t('holiday.nationalIntro')}</Text>
          <Text size="xs" c="dimmed">
            {t('holiday.seedHint')}
          </Text>
        </Stack>
      </Card>
      <AddNationalDay siteId={siteId} year={year} onYear={onYear} />
      <QueryView
        query={days}
        skeletonRows={8}
        isEmpty={(d) => d.length === 0}
        empty={<Empty icon={<IconCalendarOff size={36} aria-hidden="true" />} title={t('holiday.nationalEmptyTitle', { year })} description={t('holiday.nationalEmptyHint')} />}
      >
        {(data) => (
          <CalendarTable
            days={data}
            minWidth={600}
            caption={t('holiday.nationalTableCaption', { year })}
            dimmed={days.isPlaceholderData}
            rowTestId="national-row"
            extraCells={(h) => (
              <Table.Td>
                <RowActions>
                  <EditButton onClick={() => setEditing(h)} name={h.name} />
                  <DangerRowButton label={t('holiday.remove')} name={h.name} onClick={() => void del(h)} loading={remove.isPending && remove.variables === h.id} />
                </RowActions>
              </Table.Td>
            )}
          />
        )}
      </QueryView>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={t('holiday.nationalEditTitle', { date: editing ? formatDate(editing.date, lang) : '' })}>
        {editing && <EditNationalDay key={editing.id} siteId={siteId} day={editing} onDone={() => setEditing(null)} />}
      </Modal>
    </>
  );
}

/* ------------------------------------------------------------------- page */

/**
 * Hari libur: the site's calendar of a year (national holidays and cuti bersama, read-only, with
 * the site's own closures and open days), and for the platform admin the national list itself.
 * Warns while the current or next year has no cuti bersama (the SKB is not entered yet).
 */
export default function HolidaysPage() {
  const { t } = useTranslation('catalog');
  const scope = useCatalogScope();
  const siteId = scope.siteId as string;
  const user = useCurrentUser();
  const platform = can(user, 'platform.manage');
  const [params, setParams] = useSearchParams();
  const thisYear = useThisYear(siteId);
  const year = Number(params.get('year')) || thisYear;
  const view = platform && params.get('view') === 'national' ? 'national' : 'site';
  const years = [thisYear - 1, thisYear, thisYear + 1, thisYear + 2];
  if (!years.includes(year)) years.push(year);

  const go = (patch: { year?: number; view?: 'site' | 'national' }) => {
    const next = new URLSearchParams(params);
    if (patch.year !== undefined) next.set('year', String(patch.year));
    if (patch.view !== undefined) {
      if (patch.view === 'national') next.set('view', 'national');
      else next.delete('view');
    }
    setParams(next, { replace: true });
  };

  return (
    <Stack gap="md">
      <AdminHeader title={t('tabs.holidays')} description={t('holiday.intro')} />
      <Group align="flex-end" gap="md" wrap="wrap">
        <NativeSelect
          label={t('holiday.year')}
          value={String(year)}
          onChange={(e) => go({ year: Number(e.currentTarget.value) })}
          data={years.sort().map((y) => String(y))}
          w={140}
          data-testid="holiday-year"
        />
        {platform && (
          <LabelledSegments
            labelId="holiday-view-label"
            label={t('holiday.viewLabel')}
            value={view}
            onChange={(v) => go({ view: v as 'site' | 'national' })}
            data={[
              { value: 'site', label: t('holiday.viewSite') },
              { value: 'national', label: t('holiday.viewNational') },
            ]}
            testId="holiday-view"
          />
        )}
      </Group>
      {[thisYear, thisYear + 1].map((y) => (
        <CutiBersamaWarning key={y} year={y} canEdit={platform} onOpen={view === 'national' && year === y ? null : (target) => go({ year: target, view: 'national' })} />
      ))}
      {view === 'national' ? <NationalList siteId={siteId} year={year} onYear={(y) => go({ year: y })} /> : <SiteCalendar siteId={siteId} year={year} />}
    </Stack>
  );
}
