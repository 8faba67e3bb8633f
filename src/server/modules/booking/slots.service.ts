import { localDate } from '../../../domain/opening-hours';
import { bookingWindow, computeSlots, type ComputedSlot, type SlotInput } from '../../../domain/slots';
import { fieldError } from '../../platform/errors';
import type { AppContext } from '../../platform/context';
import { ambientConn, type Conn } from '../../platform/db';
import { cachedCatalog, closedDates, countersServing, effectiveHours, getService, getSite } from '../catalog/catalog.lookup';
import { bookingError } from './booking.errors';
import { bookingPolicyOf, type BookingPolicy } from './booking.policy';
import * as repo from './booking.repository';

export interface Slot {
  start: string;
  end: string;
  capacity: number;
  available: number;
}

type ServiceInfo = Awaited<ReturnType<typeof getService>>;
type SiteInfo = Awaited<ReturnType<typeof getSite>>;

/** The first and last bookable dates, counted from today in the site's zone. */
export function bookingWindowAt(now: Date, zone: string, policy: BookingPolicy) {
  const today = localDate(now, zone);
  // Asked on every booking attempt; the answer only changes with the date or the policy.
  const key = `${today}|${policy.horizonDays}|${policy.minDaysAhead}`;
  let window = windowMemo.get(key);
  if (!window) {
    window = bookingWindow({ today, horizonDays: policy.horizonDays, minDaysAhead: policy.minDaysAhead }) ?? { first: '9999-12-31', last: '0000-01-01' };
    if (windowMemo.size >= 100) windowMemo.clear();
    windowMemo.set(key, window);
  }
  return window;
}
const windowMemo = new Map<string, { first: string; last: string }>();

export function assertBookableService(service: ServiceInfo['service'], agency: ServiceInfo['agency']) {
  if (!service.active || !agency.active) {
    throw bookingError('booking.service_inactive', { errors: [{ field: 'body.serviceId', code: 'inactive', messages: { id: 'Layanan tidak aktif.', en: 'Service not active.' } }] });
  }
  if (!service.bookable) {
    throw bookingError('booking.not_bookable', { errors: [{ field: 'body.serviceId', code: 'not_bookable', messages: { id: 'Tidak bisa dibooking.', en: 'Not bookable.' } }] });
  }
}

/**
 * computeSlots is pure but builds every bound with luxon in the site's zone, which cost ~40 % of
 * the CPU of a booking rush where every attempt asks for the same day. Its result depends only on
 * its input, so it is memoised on that input: no invalidation is needed, a changed override or
 * closure simply makes a new key. The map is bounded (cleared when full) and its values frozen.
 */
const slotMemo = new Map<string, readonly ComputedSlot[]>();
const SLOT_MEMO_MAX = 2_000;

function memoComputeSlots(input: SlotInput): readonly ComputedSlot[] {
  const key = JSON.stringify({ ...input, closures: [...input.closures], holidays: [...input.holidays] });
  let slots = slotMemo.get(key);
  if (!slots) {
    slots = Object.freeze(computeSlots(input).map((s) => Object.freeze(s)));
    if (slotMemo.size >= SLOT_MEMO_MAX) slotMemo.clear();
    slotMemo.set(key, slots);
  }
  return slots;
}

/** Slots and their capacity as configured (hours, counters, overrides), before any booking. */
export async function configuredSlots(ctx: AppContext, site: SiteInfo, found: ServiceInfo, date: string, conn: Conn = ambientConn(ctx.db)) {
  const [override] = await repo.dayOverrides(conn, found.service.id, date, date);
  return slotsWithOverride(ctx, site, found, date, override ?? null, conn);
}

async function slotsWithOverride(ctx: AppContext, site: SiteInfo, found: ServiceInfo, date: string, override: Pick<repo.DayOverride, 'closed' | 'capacityPerSlot'> | null, conn: Conn) {
  if (override?.closed) return [];
  const policy = bookingPolicyOf(site.settings);
  // Outside a transaction the catalogue comes from the short-lived cache: during a rush every
  // attempt reads the same hours, closed days and counters.
  const cached = conn === ctx.db;
  const closed = cached
    ? new Set((await cachedCatalog.closedDays(ctx, site.id, date, date)).map((h) => h.date))
    : await closedDates(ctx, site.id, date, date, conn);
  const serving = cached ? await cachedCatalog.countersServing(ctx, found.service.id) : await countersServing(ctx, found.service.id, conn);
  const counters = serving.filter((c) => c.active).length;
  return memoComputeSlots({
    date,
    zone: site.timeZone,
    hours: effectiveHours(found.service, found.agency) as never,
    closures: closed,
    holidays: closed,
    slotMinutes: policy.slotMinutes,
    countersServing: counters,
    handlingMinutes: Math.max(1, found.service.handlingMinutes),
    explicitCapacity: override?.capacityPerSlot ?? null,
    walkInShare: override?.capacityPerSlot != null ? 0 : policy.walkInShare,
  });
}

/**
 * The slots of one service on one local date, with seats left. Capacity comes from the agency's
 * hours, the counters serving the service and its handling minutes (pure, src/domain/slots),
 * minus the walk-in share; the operator's per-day overrides and closures win. Once a slot has
 * bookings its stored capacity counts (never below what is booked). The override and the seats
 * come from one statement: during a rush this is the only database read of a refused attempt.
 */
export async function slotsFor(ctx: AppContext, site: SiteInfo, found: ServiceInfo, date: string, conn: Conn = ambientConn(ctx.db)): Promise<Slot[]> {
  const { override, seats } = await repo.dayState(conn, found.service.id, date);
  const computed = await slotsWithOverride(ctx, site, found, date, override, conn);
  const byStart = new Map(seats.map((s) => [s.startMs, s]));
  return computed.map((s) => {
    const taken = byStart.get(Date.parse(s.start));
    const capacity = taken ? Math.max(taken.capacity, taken.booked) : s.capacity;
    return { start: s.start, end: s.end, capacity, available: Math.max(0, capacity - (taken?.booked ?? 0)) };
  });
}

/** Public: GET /sites/{siteId}/services/{serviceId}/slots?date= */
export async function listSlots(ctx: AppContext, siteId: string, serviceId: string, date: string): Promise<Slot[]> {
  const site = await cachedCatalog.getSite(ctx, siteId);
  const found = await cachedCatalog.getService(ctx, serviceId);
  if (found.service.siteId !== siteId) throw fieldError('params.serviceId', 'other_site', { id: 'Layanan bukan milik MPP ini.', en: 'The service belongs to another site.' });
  assertBookableService(found.service, found.agency);
  const policy = bookingPolicyOf(site.settings);
  const { first, last } = bookingWindowAt(ctx.clock.now(), site.timeZone, policy);
  if (date < first || date > last) return [];
  const now = ctx.clock.now().getTime();
  return (await slotsFor(ctx, site, found, date)).filter((s) => new Date(s.start).getTime() - policy.cutoffMinutes * 60_000 > now);
}
