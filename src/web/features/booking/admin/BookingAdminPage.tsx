import { ActionIcon, Alert, Badge, Button, Card, Grid, Group, Modal, NumberInput, SegmentedControl, Select, Skeleton, Stack, Table, Text, Textarea, Title, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconCalendarOff, IconChevronLeft, IconChevronRight, IconDownload, IconLockOpen, IconRestore } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCurrentSite } from '../../../app/currentSite';
import { QueryError } from '../../../app/QueryError';
import { usePageTitle } from '../../../app/usePageTitle';
import { notifyError } from '../../../lib/errors';
import { formatClock, formatDate, formatMonth, weekdayNames, zoneLabel } from '../../../lib/format';
import { useCurrentUser } from '../../access/api';
import type { User } from '../../access/types';
import { useSites } from '../../catalog/api';
import { downloadExport, useBookableServices, useBookingCalendar, useDayBookings, useSetDay, useSiteToday } from '../api';
import classes from '../booking.module.css';
import { DayBookingList } from './DayBookingList';
import { DayOverview } from './DayOverview';
import { addDays, addMonths, isIsoDate, monthOf, monthRange, monthWeeks } from '../format';
import { NS } from '../i18n';
import { toast } from '../toast';
import type { BookableService, CalendarDay } from '../types';
import { useLang } from '../../../i18n';
import { roleCan } from '../../../../domain/policy';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The services this staff member may manage here (src/domain/policy.ts, 'booking.manage'): all for a
 * membership covering the whole site, else their agencies'.
 */
function manageable(user: User, siteId: string, services: BookableService[]): BookableService[] {
  const mine = user.memberships.filter((m) => roleCan(m.role, 'booking.manage') && (m.siteId === null || m.siteId === siteId));
  if (mine.some((m) => m.agencyId === null)) return services;
  const agencies = new Set(mine.map((m) => m.agencyId));
  return services.filter((s) => agencies.has(s.agency.id));
}

type Fill = 'closed' | 'none' | 'low' | 'mid' | 'high' | 'full';

function fillOf(d: CalendarDay | undefined): Fill | undefined {
  if (!d) return undefined;
  if (d.closed) return 'closed';
  if (d.capacity <= 0) return 'none';
  const r = d.booked / d.capacity;
  return r >= 1 ? 'full' : r >= 0.8 ? 'high' : r >= 0.5 ? 'mid' : 'low';
}

const FILL_CLASS: Record<Fill, string> = {
  closed: classes.fillClosed,
  none: classes.fillNone,
  low: classes.fillLow,
  mid: classes.fillMid,
  high: classes.fillHigh,
  full: classes.fillFull,
};

/**
 * Operator view (site and agency admins): a month of one service coloured by how full each day
 * is; a day's citizens (masked NIK), its capacity override, closing it, and its export.
 * State is in the address: ?service=&month=YYYY-MM&day=YYYY-MM-DD.
 */
export default function BookingAdminPage() {
  const { t } = useTranslation(NS);
  usePageTitle(t('admin.title'));
  const user = useCurrentUser();
  const { site, loading } = useCurrentSite();
  const sites = useSites();
  const timeZone = sites.data?.find((s) => s.id === site?.id)?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const servicesQ = useBookableServices(site?.id);
  const services = useMemo(() => (site ? manageable(user, site.id, servicesQ.data ?? []) : []), [user, site, servicesQ.data]);
  const { today } = useSiteToday(site ? { id: site.id, timeZone } : undefined);
  const [params, setParams] = useSearchParams();

  const serviceId = services.find((s) => s.id === params.get('service'))?.id ?? services[0]?.id;
  const month = MONTH.test(params.get('month') ?? '') ? params.get('month')! : today ? monthOf(today) : undefined;
  const day = isIsoDate(params.get('day')) ? params.get('day')! : undefined;
  const overview = params.get('view') === 'overview';

  const set = (patch: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) v === null ? next.delete(k) : next.set(k, v);
        return next;
      },
      { replace: true },
    );

  let content;
  if (loading || servicesQ.isPending || !month) content = <Skeleton h={360} radius="md" />;
  else if (!site) content = <Alert color="gray">{t('admin.noSite')}</Alert>;
  else if (servicesQ.isError) content = <QueryError error={servicesQ.error} onRetry={() => void servicesQ.refetch()} />;
  else if (services.length === 0 || !serviceId) content = <Alert color="gray">{t('admin.noServices')}</Alert>;
  else if (overview)
    content = <DayOverview siteId={site.id} date={day ?? today ?? ''} onDate={(d) => set({ day: d, month: monthOf(d) })} onOpen={(id) => set({ view: null, service: id, day: day ?? today ?? null })} />;
  else
    content = (
      <Stack gap="md">
        <Select
          label={t('admin.service')}
          placeholder={t('admin.servicePlaceholder')}
          data={services.map((s) => ({ value: s.id, label: `${s.name} · ${s.agency.shortName ?? s.agency.name}` }))}
          value={serviceId}
          onChange={(v) => v && set({ service: v })}
          searchable
          allowDeselect={false}
          maw={560}
          data-testid="admin-booking-service"
          nothingFoundMessage="—"
        />
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <MonthCalendar
              siteId={site.id}
              serviceId={serviceId}
              month={month}
              today={today}
              day={day}
              onMonth={(m) => set({ month: m })}
              onDay={(d) => set({ day: d, month: monthOf(d) })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            {day ? (
              <DayPanel key={`${serviceId}:${day}`} siteId={site.id} service={services.find((s) => s.id === serviceId)!} date={day} today={today} timeZone={timeZone} />
            ) : (
              <Card withBorder padding="lg">
                <Text c="dimmed">{t('admin.pickDay')}</Text>
              </Card>
            )}
          </Grid.Col>
        </Grid>
      </Stack>
    );

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('admin.title')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('admin.intro')} {t('common.zoneNote', { zone: zoneLabel(timeZone) })}.
        </Text>
      </Stack>
      {site && services.length > 0 && (
        <SegmentedControl
          aria-label={t('admin.view.label')}
          value={overview ? 'overview' : 'service'}
          onChange={(v) => set({ view: v === 'overview' ? 'overview' : null })}
          data={[
            { value: 'service', label: t('admin.view.service') },
            { value: 'overview', label: t('admin.view.overview') },
          ]}
          w="fit-content"
          data-testid="admin-booking-view"
        />
      )}
      {content}
    </Stack>
  );
}

function MonthCalendar({
  siteId,
  serviceId,
  month,
  today,
  day,
  onMonth,
  onDay,
}: {
  siteId: string;
  serviceId: string;
  month: string;
  today: string | undefined;
  day: string | undefined;
  onMonth: (m: string) => void;
  onDay: (d: string) => void;
}) {
  const { t } = useTranslation(NS);
  const lang = useLang();
  const { from, to } = monthRange(month);
  const cal = useBookingCalendar(siteId, serviceId, from, to);
  const byDate = useMemo(() => new Map((cal.data ?? []).map((d) => [d.date, d])), [cal.data]);
  const weeks = useMemo(() => monthWeeks(month), [month]);
  const names = useMemo(() => weekdayNames(lang, 'short'), [lang]);
  const longNames = useMemo(() => weekdayNames(lang, 'long'), [lang]);
  const tableRef = useRef<HTMLTableElement>(null);

  const stateOf = (d: CalendarDay | undefined) =>
    !d ? '' : d.closed ? t('admin.dayClosed') : t('admin.dayBooked', { booked: d.booked, capacity: d.capacity });

  // Arrow keys move between days (left/right a day, up/down a week), across months too.
  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    const target = e.target as HTMLElement;
    const current = target.dataset?.date;
    if (!current) return;
    const step = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 }[e.key];
    if (!step) return;
    e.preventDefault();
    const next = addDays(current, step);
    if (monthOf(next) !== month) onMonth(monthOf(next));
    onDay(next);
    requestAnimationFrame(() => tableRef.current?.querySelector<HTMLElement>(`[data-date="${next}"]`)?.focus());
  };

  return (
    <Card withBorder padding="sm">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <ActionIcon variant="default" size="lg" onClick={() => onMonth(addMonths(month, -1))} aria-label={t('admin.prevMonth')}>
            <IconChevronLeft size={18} aria-hidden="true" />
          </ActionIcon>
          <Stack gap={0} align="center">
            <Title order={2} size="h4" id="booking-month" aria-live="polite" data-testid="admin-booking-month">
              {formatMonth(month, lang)}
            </Title>
            {today && monthOf(today) !== month && (
              <Button variant="subtle" size="compact-xs" onClick={() => onMonth(monthOf(today))}>
                {t('admin.thisMonth')}
              </Button>
            )}
          </Stack>
          <ActionIcon variant="default" size="lg" onClick={() => onMonth(addMonths(month, 1))} aria-label={t('admin.nextMonth')}>
            <IconChevronRight size={18} aria-hidden="true" />
          </ActionIcon>
        </Group>

        {cal.isError ? (
          <QueryError error={cal.error} onRetry={() => void cal.refetch()} />
        ) : (
          <table className={classes.calendar} ref={tableRef} onKeyDown={onKeyDown} aria-labelledby="booking-month" aria-busy={cal.isFetching} data-testid="admin-booking-calendar">
            <thead>
              <tr>
                {names.map((n, i) => (
                  <th key={n} scope="col">
                    <abbr title={longNames[i]} style={{ textDecoration: 'none' }}>
                      {n}
                    </abbr>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {weeks.map((w) => (
                <tr key={w.find(Boolean)}>
                  {w.map((d, i) => {
                    if (!d) return <td key={`x${i}`} />;
                    const info = byDate.get(d);
                    const fill = fillOf(info);
                    const isToday = d === today;
                    const isPast = !!today && d < today;
                    return (
                      <td key={d}>
                        <button
                          type="button"
                          className={`${classes.cell} ${fill ? FILL_CLASS[fill] : classes.fillNone} ${isToday ? classes.cellToday : ''} ${isPast ? classes.cellPast : ''}`}
                          aria-pressed={d === day}
                          aria-label={t('admin.dayAria', { date: formatDate(d, lang), state: [stateOf(info), isToday ? t('admin.today') : ''].filter(Boolean).join(', ') || '…' })}
                          onClick={() => onDay(d)}
                          data-date={d}
                          data-fill={fill}
                        >
                          <span className={classes.cellNumber}>{Number(d.slice(8))}</span>
                          <span className={classes.cellFigure} aria-hidden="true">
                            {info ? (info.closed ? t('admin.closedBadge') : `${info.booked}/${info.capacity}`) : cal.isPending ? '…' : ''}
                          </span>
                        </button>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        )}

        <Group gap="md" component="ul" aria-label={t('admin.legend')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {(['low', 'mid', 'high', 'full', 'closed'] as const).map((f) => (
            <Group key={f} gap={6} component="li" wrap="nowrap">
              <span className={`${classes.swatch} ${FILL_CLASS[f]}`} aria-hidden="true" />
              <Text size="xs">{t(`admin.fill.${f}`)}</Text>
            </Group>
          ))}
        </Group>
      </Stack>
    </Card>
  );
}

function DayPanel({ siteId, service, date, today, timeZone }: { siteId: string; service: BookableService; date: string; today: string | undefined; timeZone: string }) {
  const { t } = useTranslation(NS);
  const lang = useLang();
  const { from, to } = monthRange(monthOf(date));
  const cal = useBookingCalendar(siteId, service.id, from, to);
  const info = cal.data?.find((d) => d.date === date);
  const list = useDayBookings(siteId, date, service.id);
  const setDay = useSetDay(siteId, service.id);
  const past = !!today && date < today;
  const [capacity, setCapacity] = useState<number | string>('');
  const [capError, setCapError] = useState<string | null>(null);
  const [closing, setClosing] = useState(false);
  const [reason, setReason] = useState('');
  const [exporting, setExporting] = useState<'csv' | 'xlsx' | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // The override (if any) fills the capacity field once the calendar is known.
  const override = info?.override ?? null;
  useEffect(() => setCapacity(override ?? ''), [override]);

  // On a phone the panel sits under the calendar: bring it into view when a day is chosen.
  useEffect(() => {
    if (window.matchMedia?.('(max-width: 62em)').matches) heading.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, []);

  const live = (list.data ?? []).filter((b) => b.status === 'booked').length;
  const toNotify = list.data ? live : (info?.booked ?? 0);
  const dateText = formatDate(date, lang);

  const saveCapacity = (value: number | null) => {
    if (value !== null && (!Number.isInteger(value) || value < 0 || value > 1000)) {
      setCapError(t('admin.capacity.invalid'));
      return;
    }
    setCapError(null);
    setDay.mutate({ date, capacityPerSlot: value, closed: false }, { onSuccess: () => toast(t('admin.capacity.saved', { date: dateText }), { color: 'green' }) });
  };

  const closeDay = () =>
    setDay.mutate(
      { date, capacityPerSlot: override, closed: true, reason: reason.trim() || undefined },
      {
        onSuccess: (r) => {
          setClosing(false);
          setReason('');
          toast(t('admin.close.done', { date: dateText, count: r?.cancelled ?? toNotify }), { color: 'green' });
        },
      },
    );

  const reopen = () => setDay.mutate({ date, capacityPerSlot: override, closed: false }, { onSuccess: () => toast(t('admin.close.reopened', { date: dateText }), { color: 'green' }) });

  const doExport = async (format: 'csv' | 'xlsx') => {
    setExporting(format);
    try {
      await downloadExport(siteId, date, format);
    } catch (e) {
      notifyError(e);
    } finally {
      setExporting(null);
    }
  };

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="booking-day-title" data-testid="admin-booking-day">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} size="h4" id="booking-day-title" ref={heading} tabIndex={-1} style={{ outline: 'none', scrollMarginTop: 72 }}>
            {t('admin.dayTitle', { date: dateText })}
          </Title>
          <Text size="sm" c="dimmed">
            {service.name}
          </Text>
          <Group gap={6}>
            {info?.closed && (
              <Badge color="gray" leftSection={<IconCalendarOff size={12} aria-hidden="true" />}>
                {t('admin.closedBadge')}
              </Badge>
            )}
            {info?.override != null && <Badge color="violet" variant="light">{t('admin.overrideBadge', { n: info.override })}</Badge>}
          </Group>
          {info && !info.closed && (
            <Text size="sm" data-testid="admin-booking-stats">
              {t('admin.stats', { booked: info.booked, capacity: info.capacity, available: info.available })}
            </Text>
          )}
        </Stack>

        <Group gap="xs" aria-label={t('admin.export.label', { date: dateText })} role="group">
          <Button size="xs" variant="default" leftSection={<IconDownload size={14} aria-hidden="true" />} loading={exporting === 'csv'} onClick={() => void doExport('csv')} data-testid="admin-export-csv">
            {t('admin.export.csv')}
          </Button>
          <Button size="xs" variant="default" leftSection={<IconDownload size={14} aria-hidden="true" />} loading={exporting === 'xlsx'} onClick={() => void doExport('xlsx')} data-testid="admin-export-xlsx">
            {t('admin.export.xlsx')}
          </Button>
        </Group>

        {past ? (
          <Text size="sm" c="dimmed">
            {t('admin.past')}
          </Text>
        ) : (
          <Stack gap="sm">
            <Group align="flex-end" gap="xs" wrap="wrap">
              <NumberInput
                label={t('admin.capacity.label')}
                description={t('admin.capacity.hint')}
                value={capacity}
                onChange={(v) => {
                  setCapacity(v);
                  setCapError(null);
                }}
                min={0}
                max={1000}
                allowDecimal={false}
                allowNegative={false}
                error={capError}
                w={{ base: '100%', xs: 260 }}
                data-testid="admin-capacity"
              />
              <Button variant="light" onClick={() => saveCapacity(capacity === '' ? null : Number(capacity))} loading={setDay.isPending && !closing} data-testid="admin-capacity-save">
                {t('admin.capacity.save')}
              </Button>
              {override != null && (
                <Button variant="subtle" leftSection={<IconRestore size={16} aria-hidden="true" />} onClick={() => saveCapacity(null)}>
                  {t('admin.capacity.reset')}
                </Button>
              )}
            </Group>
            {info?.closed ? (
              <Stack gap={4} align="flex-start">
                <Button variant="light" color="green" leftSection={<IconLockOpen size={16} aria-hidden="true" />} onClick={reopen} loading={setDay.isPending}>
                  {t('admin.close.reopen')}
                </Button>
                <Text size="xs" c="dimmed">
                  {t('admin.close.reopenNote')}
                </Text>
              </Stack>
            ) : (
              <Group>
                <Button color="red" variant="light" leftSection={<IconCalendarOff size={16} aria-hidden="true" />} onClick={() => setClosing(true)} data-testid="admin-close-day">
                  {t('admin.close.button', { date: dateText })}
                </Button>
              </Group>
            )}
          </Stack>
        )}

        <Stack gap="xs">
          <Group justify="space-between">
            <Title order={3} size="h5">
              {t('admin.list.title')}
            </Title>
            {list.data && (
              <Text size="sm" c="dimmed">
                {t('admin.list.count', { count: list.data.length })}
              </Text>
            )}
          </Group>
          {list.isPending ? (
            <Skeleton h={120} />
          ) : list.isError ? (
            <QueryError error={list.error} onRetry={() => void list.refetch()} />
          ) : list.data.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('admin.list.empty')}
            </Text>
          ) : (
            <DayBookingList bookings={list.data} timeZone={timeZone} />
          )}
        </Stack>
      </Stack>

      <Modal opened={closing} onClose={() => setClosing(false)} title={t('admin.close.title', { date: dateText })} centered closeButtonProps={{ 'aria-label': t('common.closeDialog') }}>
        <Stack gap="md">
          <Alert color={toNotify > 0 ? 'orange' : 'gray'} icon={<IconAlertTriangle aria-hidden="true" />} data-testid="admin-close-count">
            {toNotify > 0 ? t('admin.close.body', { count: toNotify }) : t('admin.close.bodyNone')}
          </Alert>
          <Textarea label={t('admin.close.reason')} placeholder={t('admin.close.reasonPlaceholder')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={200} autosize minRows={2} data-autofocus />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setClosing(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" onClick={closeDay} loading={setDay.isPending} data-testid="admin-close-confirm">
              {t('admin.close.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
