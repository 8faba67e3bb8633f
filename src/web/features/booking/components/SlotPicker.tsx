import { Alert, Badge, Box, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconCalendarOff } from '@tabler/icons-react';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../app/QueryError';
import { useLang } from '../../../i18n';
import { dateParts, formatClock, formatDate, formatTimeRange, zoneLabel } from '../../../lib/format';
import { useDaysSlots, useSlots } from '../api';
import classes from '../booking.module.css';
import { addDays } from '../format';
import { NS } from '../i18n';
import type { Slot } from '../types';

/** How many days ahead the strip offers (the server's booking horizon, DESIGN: the next 14 days). */
export const HORIZON_DAYS = 14;

type DayState = { kind: 'loading' } | { kind: 'error' } | { kind: 'closed' } | { kind: 'full' } | { kind: 'open'; seats: number };

function dayState(q: { isPending: boolean; isError: boolean; data?: Slot[] }): DayState {
  if (q.data) {
    if (q.data.length === 0) return { kind: 'closed' };
    const seats = q.data.reduce((n, s) => n + Math.max(0, s.available), 0);
    return seats > 0 ? { kind: 'open', seats } : { kind: 'full' };
  }
  if (q.isError) return { kind: 'error' };
  return { kind: 'loading' };
}

export interface SlotPickerProps {
  siteId: string;
  serviceId: string;
  timeZone: string;
  /** Today in the site's zone; the strip starts the day after. */
  today: string;
  date: string | null;
  onDateChange: (date: string) => void;
  start: string | null;
  onStartChange: (slot: Slot) => void;
  /** Slot start to leave out (the booking being moved). */
  exclude?: string;
}

/**
 * The next 14 days as a strip (closed and full days shown as such), then the chosen day's slots
 * with seats left. Picks the first day with free seats when none is chosen yet.
 */
export function SlotPicker({ siteId, serviceId, timeZone, today, date, onDateChange, start, onStartChange, exclude }: SlotPickerProps) {
  const { t } = useTranslation(NS);
  const lang = useLang();
  const dates = useMemo(() => Array.from({ length: HORIZON_DAYS }, (_, i) => addDays(today, i + 1)), [today]);
  const days = useDaysSlots(siteId, serviceId, dates);
  const states = days.map(dayState);
  const selected = date && dates.includes(date) ? date : null;
  const slotsQ = useSlots(siteId, serviceId, selected ?? undefined);
  const stripRef = useRef<HTMLUListElement>(null);

  // Choose the first day with free seats once the strip is known (replacing, not adding, history).
  const firstOpen = states.every((s) => s.kind !== 'loading') ? dates[states.findIndex((s) => s.kind === 'open')] : undefined;
  useEffect(() => {
    if (!selected && firstOpen) onDateChange(firstOpen);
  }, [selected, firstOpen, onDateChange]);

  // Keep the chosen day in view in the strip.
  useEffect(() => {
    if (!selected) return;
    const el = stripRef.current?.querySelector<HTMLElement>(`[data-date="${selected}"]`);
    el?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [selected]);

  const stateText = (s: DayState) =>
    s.kind === 'open' ? t('flow.date.seats', { count: s.seats }) : s.kind === 'full' ? t('flow.date.full') : s.kind === 'closed' ? t('flow.date.closed') : s.kind === 'error' ? t('flow.date.failed') : t('flow.date.checking');

  const slots = (slotsQ.data ?? []).filter((s) => s.start !== exclude);
  const selectedState = selected ? states[dates.indexOf(selected)] : undefined;

  return (
    <Stack gap="md">
      <Stack gap={6}>
        <Group justify="space-between" align="baseline" wrap="wrap" gap={4}>
          <Title order={3} size="h5" id="booking-dates-label">
            {t('flow.date.label')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('flow.date.hint', { days: HORIZON_DAYS })}
          </Text>
        </Group>
        <ul className={classes.strip} ref={stripRef} role="group" aria-labelledby="booking-dates-label" data-testid="booking-dates">
          {dates.map((d, i) => {
            const s = states[i];
            const p = dateParts(d, lang);
            const cls = s.kind === 'open' ? classes.stateOpen : s.kind === 'full' ? classes.stateFull : classes.stateClosed;
            return (
              <li key={d} style={{ display: 'contents' }}>
                <button
                  type="button"
                  className={classes.day}
                  aria-pressed={selected === d}
                  disabled={s.kind === 'closed'}
                  onClick={() => onDateChange(d)}
                  aria-label={t('flow.date.aria', { date: formatDate(d, lang), state: stateText(s) })}
                  data-date={d}
                  data-state={s.kind}
                >
                  <span className={classes.dayWeekday}>{p.weekday}</span>
                  <span className={classes.dayNumber}>{p.day}</span>
                  <span className={classes.dayMonth}>{p.month}</span>
                  <span className={`${classes.dayState} ${cls}`}>{stateText(s)}</span>
                </button>
              </li>
            );
          })}
        </ul>
      </Stack>

      <Stack gap={6} aria-live="polite">
        <Group justify="space-between" align="baseline" wrap="wrap" gap={4}>
          <Title order={3} size="h5" id="booking-slots-label">
            {selected ? `${t('flow.slot.title')} · ${formatDate(selected, lang, 'medium')}` : t('flow.slot.title')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('common.zoneNote', { zone: zoneLabel(timeZone) })}
          </Text>
        </Group>
        {!selected ? (
          states.some((s) => s.kind === 'loading') ? (
            <SlotSkeleton />
          ) : (
            <Text c="dimmed">{t('flow.slot.pickDate')}</Text>
          )
        ) : slotsQ.isPending ? (
          <SlotSkeleton />
        ) : slotsQ.isError ? (
          <QueryError error={slotsQ.error} onRetry={() => void slotsQ.refetch()} />
        ) : slots.length === 0 ? (
          <Alert color="gray" variant="light" icon={<IconCalendarOff aria-hidden="true" />} title={t('flow.slot.empty')} data-testid="booking-slots-empty">
            {t('flow.slot.emptyClosed')}
          </Alert>
        ) : (
          <>
            {selectedState?.kind === 'full' && (
              <Text size="sm" c="red.8">
                {t('flow.slot.allFull')}
              </Text>
            )}
            <ul className={classes.slots} aria-labelledby="booking-slots-label" data-testid="booking-slots">
              {slots.map((s) => {
                const full = s.available <= 0;
                const state = full ? t('flow.slot.full') : t('flow.slot.left', { count: s.available });
                return (
                  <li key={s.start}>
                    <button
                      type="button"
                      className={classes.slot}
                      aria-pressed={start === s.start}
                      disabled={full}
                      onClick={() => onStartChange(s)}
                      aria-label={t('flow.slot.aria', { time: formatTimeRange(s.start, s.end, lang, timeZone), state })}
                      data-start={s.start}
                    >
                      <span className={classes.slotTime}>{formatClock(s.start, lang, timeZone)}</span>
                      {full ? (
                        <Badge color="red" variant="filled" size="sm">
                          {t('flow.slot.full')}
                        </Badge>
                      ) : (
                        <Badge color={s.available <= Math.max(1, Math.floor(s.capacity / 4)) ? 'orange' : 'green'} variant="light" size="sm">
                          {state}
                        </Badge>
                      )}
                    </button>
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </Stack>
    </Stack>
  );
}

function SlotSkeleton() {
  return (
    <Box className={classes.slots} aria-busy="true">
      {Array.from({ length: 8 }, (_, i) => (
        <Skeleton key={i} h={64} radius="md" />
      ))}
    </Box>
  );
}
