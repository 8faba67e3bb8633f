import { DateTime } from 'luxon';
import { formatHm, localDate, parseLocalDate, rangesOn, weekdayOf, zonedDateTime, type WeeklyHoursInput } from './opening-hours';

/**
 * Online booking slots of one service on one local date, and whether a slot can still be booked.
 * Capacity is derived from what the counters can actually handle so that bookings never crowd
 * out walk-ins: a share of every slot stays for people who just come in.
 */

export interface SlotInput {
  /** Local date in the site's zone, YYYY-MM-DD. */
  date: string;
  zone: string;
  hours: WeeklyHoursInput;
  /** The site's closures and the holidays (local dates); either one closes the day. */
  closures: ReadonlySet<string>;
  holidays: ReadonlySet<string>;
  slotMinutes: number;
  countersServing: number;
  handlingMinutes: number;
  /** Seats per slot set by the operator, instead of the computed capacity. */
  explicitCapacity?: number | null;
  /** Share of each slot's capacity kept for walk-ins, 0…1. */
  walkInShare: number;
}

export interface ComputedSlot {
  /** ISO 8601 with the zone's offset, e.g. 2026-11-25T08:00:00+08:00. */
  start: string;
  end: string;
  /** Seats bookable online. */
  capacity: number;
}

function check(ok: boolean, message: string): void {
  if (!ok) throw new RangeError(message);
}

/** Seats per slot bookable online: the counters' throughput in one slot, less the walk-in share. */
export function slotCapacity(input: Pick<SlotInput, 'slotMinutes' | 'countersServing' | 'handlingMinutes' | 'explicitCapacity' | 'walkInShare'>): number {
  const full = input.explicitCapacity ?? Math.floor((input.countersServing * input.slotMinutes) / input.handlingMinutes);
  // The epsilon keeps float noise (10 × (1 − 0.3) = 6.999…) from losing a seat.
  return Math.floor(full * (1 - input.walkInShare) + 1e-9);
}

/**
 * Slots of `slotMinutes` laid from the start of each opening range; a slot must fit entirely
 * inside its range. None on closed days or holidays; slots with no seat are left out.
 */
export function computeSlots(input: SlotInput): ComputedSlot[] {
  check(Number.isInteger(input.slotMinutes) && input.slotMinutes > 0, `slotMinutes must be a positive integer, got ${input.slotMinutes}`);
  check(input.handlingMinutes > 0, `handlingMinutes must be positive, got ${input.handlingMinutes}`);
  check(Number.isInteger(input.countersServing) && input.countersServing >= 0, `countersServing must be a whole number, got ${input.countersServing}`);
  check(input.walkInShare >= 0 && input.walkInShare <= 1, `walkInShare must be within 0…1, got ${input.walkInShare}`);
  check(
    input.explicitCapacity == null || (Number.isInteger(input.explicitCapacity) && input.explicitCapacity >= 0),
    `explicitCapacity must be a whole number, got ${input.explicitCapacity}`,
  );
  parseLocalDate(input.date);
  if (input.closures.has(input.date) || input.holidays.has(input.date)) return [];
  const capacity = slotCapacity(input);
  if (capacity <= 0) return [];

  const slots: ComputedSlot[] = [];
  // Each bound is built from its wall-clock time, so a slot says what the opening hours say.
  const at = (minutes: number) =>
    DateTime.fromJSDate(zonedDateTime(input.date, formatHm(minutes), input.zone), { zone: input.zone }).toISO({ suppressMilliseconds: true })!;
  for (const range of rangesOn(input.hours, weekdayOf(input.date))) {
    for (let m = range.start; m + input.slotMinutes <= range.end; m += input.slotMinutes) {
      slots.push({ start: at(m), end: at(m + input.slotMinutes), capacity });
    }
  }
  return slots;
}

/** The first and last bookable local dates, or null when the policy leaves none. */
export function bookingWindow(input: { today: string; horizonDays: number; minDaysAhead: number }): { first: string; last: string } | null {
  if (input.minDaysAhead > input.horizonDays) return null;
  const today = parseLocalDate(input.today);
  return { first: today.plus({ days: input.minDaysAhead }).toISODate()!, last: today.plus({ days: input.horizonDays }).toISODate()! };
}

export interface BookablePolicy {
  /** First bookable day counted from today in the site's zone (0 = today, 1 = tomorrow). */
  minDaysAhead: number;
  /** Last bookable day counted from today. */
  horizonDays: number;
  /** No new booking this many minutes before a slot starts. */
  cutoffMinutes: number;
}

export type NotBookableReason = 'past' | 'too_soon' | 'beyond_horizon' | 'cutoff';

/** Whether a slot starting at `slotStart` can be booked at `now`, by the site's local dates. */
export function isBookable(
  slotStart: Date,
  now: Date,
  policy: BookablePolicy,
  zone: string,
): { ok: true } | { ok: false; reason: NotBookableReason } {
  if (slotStart.getTime() <= now.getTime()) return { ok: false, reason: 'past' };
  const daysAhead = parseLocalDate(localDate(slotStart, zone)).diff(parseLocalDate(localDate(now, zone)), 'days').days;
  if (daysAhead < policy.minDaysAhead) return { ok: false, reason: 'too_soon' };
  if (daysAhead > policy.horizonDays) return { ok: false, reason: 'beyond_horizon' };
  if (slotStart.getTime() - now.getTime() < policy.cutoffMinutes * 60_000) return { ok: false, reason: 'cutoff' };
  return { ok: true };
}
