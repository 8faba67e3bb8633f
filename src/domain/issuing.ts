import { DateTime } from 'luxon';
import { currentRangeEnd, localDate, nextOpening, startOfLocalDay, type WeeklyHoursInput } from './opening-hours';

/**
 * Whether a walk-in ticket may be issued now, as a decision value: active, not a closed day,
 * inside the service's hours, not past the site's issuing cut-off, not past the daily quota.
 * No I/O and no clock (callers pass `now`); the server maps a refusal to its problem document,
 * the wording stays there. Every date is a local date in the site's zone.
 */

/** How far ahead a refusal looks for the next opening (local days after today). */
export const NEXT_OPENING_HORIZON_DAYS = 30;

/** A local date the site is closed (national holiday, cuti bersama, the site's own closure). */
export interface ClosedDay {
  date: string;
  name?: string | null;
}

export interface IssuingCalendar {
  /** The site's IANA zone. */
  zone: string;
  /** Closed days from today on, in any order (a date may appear more than once). */
  closedDays: readonly ClosedDay[];
}

export interface IssuingService {
  /** The service and its agency are both active. */
  active: boolean;
  /** The hours that apply: the service's own, else its agency's. */
  hours: WeeklyHoursInput;
}

export interface IssuingPolicy {
  /** Walk-in tickets stop this many minutes before the open range ends (0 = until closing). */
  stopIssuingBeforeCloseMin: number;
}

/**
 * Why a ticket is refused. `closed`: outside hours; `cutoff`: open, but the range ends within the
 * cut-off; `holiday`: today is a closed day. `nextOpening` is the next instant a walk-in can come
 * (within the horizon), null when none is scheduled; always null for `inactive`.
 */
export type Refusal =
  | { reason: 'inactive'; nextOpening: null }
  | { reason: 'holiday'; holidayName: string; nextOpening: Date | null }
  | { reason: 'closed' | 'cutoff' | 'quota_full'; nextOpening: Date | null };

export type RefusalReason = Refusal['reason'];
export type IssuingDecision = { ok: true } | ({ ok: false } & Refusal);
/** A visit's decision names the refused step: 0 is the service issued now, 1… the planned ones. */
export type VisitDecision = { ok: true } | ({ ok: false; step: number } & Refusal);

const OK = { ok: true } as const;

interface Day {
  zone: string;
  today: string;
  closed: ReadonlySet<string>;
  calendar: IssuingCalendar;
}

function dayOf(calendar: IssuingCalendar, now: Date): Day {
  return { zone: calendar.zone, today: localDate(now, calendar.zone), closed: new Set(calendar.closedDays.map((d) => d.date)), calendar };
}

/** The name of a closed day; several entries for one date are joined in a fixed order. */
function nameOf(calendar: IssuingCalendar, date: string): string {
  const names = new Set(calendar.closedDays.filter((d) => d.date === date && d.name).map((d) => d.name!));
  return [...names].sort().join(' / ');
}

const next = (s: Pick<IssuingService, 'hours'>, day: Day, from: Date) => nextOpening(s.hours, day.closed, day.zone, from, NEXT_OPENING_HORIZON_DAYS);

function decide(s: IssuingService, day: Day, policy: IssuingPolicy, now: Date, laterToday: boolean): IssuingDecision {
  if (!s.active) return { ok: false, reason: 'inactive', nextOpening: null };
  if (day.closed.has(day.today)) return { ok: false, reason: 'holiday', holidayName: nameOf(day.calendar, day.today), nextOpening: next(s, day, now) };
  const end = currentRangeEnd(s.hours, day.closed, day.zone, now);
  if (end) {
    // Past the cut-off the next chance is after this range, not now. A planned step is held to
    // it as well, even when another range opens later today.
    const cutoffMs = policy.stopIssuingBeforeCloseMin * 60_000;
    if (cutoffMs > 0 && end.getTime() - now.getTime() < cutoffMs) return { ok: false, reason: 'cutoff', nextOpening: next(s, day, end) };
    return OK;
  }
  const opening = next(s, day, now);
  if (laterToday && opening && localDate(opening, day.zone) === day.today) return OK;
  return { ok: false, reason: 'closed', nextOpening: opening };
}

/**
 * Whether a walk-in ticket for one service may be issued at `now`. `laterToday` also accepts a
 * service that opens later the same local day (a further step of a visit, a transfer).
 */
export function walkInDecision(service: IssuingService, calendar: IssuingCalendar, policy: IssuingPolicy, now: Date, opts: { laterToday?: boolean } = {}): IssuingDecision {
  return decide(service, dayOf(calendar, now), policy, now, opts.laterToday ?? false);
}

/**
 * A multi-service visit: the first service must take a ticket now, each planned one must still
 * open today (its ticket is issued when the previous step finishes). The first refusal in step
 * order wins.
 */
export function visitDecision(steps: readonly IssuingService[], calendar: IssuingCalendar, policy: IssuingPolicy, now: Date): VisitDecision {
  const day = dayOf(calendar, now);
  for (const [step, s] of steps.entries()) {
    const d = decide(s, day, policy, now, step > 0);
    if (!d.ok) return { ...d, step };
  }
  return OK;
}

/**
 * The daily walk-in quota: with `issued` tickets already counted today and a quota of `quota`,
 * one more is refused when `issued ≥ quota`; the next chance is the first opening from tomorrow.
 */
export function quotaDecision(issued: number, quota: number, service: Pick<IssuingService, 'hours'>, calendar: IssuingCalendar, now: Date): IssuingDecision {
  if (!Number.isInteger(issued) || issued < 0) throw new RangeError(`issued must be a whole number, got ${issued}`);
  if (!Number.isInteger(quota) || quota < 0) throw new RangeError(`quota must be a whole number, got ${quota}`);
  if (issued < quota) return OK;
  const day = dayOf(calendar, now);
  const tomorrow = DateTime.fromISO(day.today).plus({ days: 1 }).toISODate()!;
  return { ok: false, reason: 'quota_full', nextOpening: next(service, day, startOfLocalDay(tomorrow, day.zone)) };
}
