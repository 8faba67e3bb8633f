import { DateTime } from 'luxon';
import { parseLocalDate } from './opening-hours';

/**
 * Working days (hari kerja) for deadlines in service standards and complaint handling: a day is
 * a working day unless it falls on the weekend or is in the holiday set (national holidays,
 * cuti bersama and the site's own closures, as YYYY-MM-DD). Dates are plain calendar dates:
 * the caller has already turned "now" into the site's local date.
 */

/** ISO weekdays off: Saturday and Sunday. */
export const DEFAULT_WEEKEND: readonly number[] = [6, 7];

function checkWeekend(weekend: readonly number[]): void {
  // Otherwise the search for the next working day would never end.
  if ([1, 2, 3, 4, 5, 6, 7].every((d) => weekend.includes(d))) throw new RangeError('The weekend cannot cover every day');
}

const iso = (dt: DateTime) => dt.toISODate()!;

export function isWorkingDay(date: string, holidays: ReadonlySet<string>, weekend: readonly number[] = DEFAULT_WEEKEND): boolean {
  const dt = parseLocalDate(date);
  return !weekend.includes(dt.weekday) && !holidays.has(iso(dt));
}

/**
 * The date `days` working days after `start`; the start day itself is never counted (a complaint
 * filed on Friday with "3 working days" is due on Wednesday). `days = 0` gives `start` when it is
 * a working day, else the next working day. Negative `days` counts backwards the same way.
 */
export function addWorkingDays(
  start: string,
  days: number,
  holidays: ReadonlySet<string>,
  weekend: readonly number[] = DEFAULT_WEEKEND,
): string {
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer, got ${days}`);
  checkWeekend(weekend);
  let dt = parseLocalDate(start);
  const works = (d: DateTime) => !weekend.includes(d.weekday) && !holidays.has(iso(d));
  if (days === 0) {
    while (!works(dt)) dt = dt.plus({ days: 1 });
    return iso(dt);
  }
  const step = days > 0 ? 1 : -1;
  for (let left = Math.abs(days); left > 0; ) {
    dt = dt.plus({ days: step });
    if (works(dt)) left--;
  }
  return iso(dt);
}

/**
 * Working days in the half-open interval (from, to]: how many working days have passed from
 * `from` to `to`, so that `countWorkingDays(s, addWorkingDays(s, n, h), h) === n` for n ≥ 1.
 * Negative when `to` is before `from`.
 */
export function countWorkingDays(
  from: string,
  to: string,
  holidays: ReadonlySet<string>,
  weekend: readonly number[] = DEFAULT_WEEKEND,
): number {
  const a = parseLocalDate(from);
  const b = parseLocalDate(to);
  // `|| 0` keeps -0 out of results (Object.is(-0, 0) is false for callers comparing strictly).
  if (b < a) return -countWorkingDays(to, from, holidays, weekend) || 0;
  let count = 0;
  for (let dt = a.plus({ days: 1 }); dt <= b; dt = dt.plus({ days: 1 })) {
    if (!weekend.includes(dt.weekday) && !holidays.has(iso(dt))) count++;
  }
  return count;
}

// ---------------------------------------------------------------------------------------------
// Deadlines of applications (DESIGN §7): N working days from the day the complete file was
// received, moved later by the working days the application waited for its applicant.

/** A stretch of waiting for the applicant: from the day it became `incomplete` to the day it resumed (null: still waiting). */
export interface Pause {
  from: string;
  to: string | null;
}

/**
 * Working days an application waited: for each pause, the working days after the day it began up
 * to and including the day it resumed (paused Wednesday, resumed Friday: 2). A pause still open
 * counts up to `today`, so its deadline moves with every working day of waiting.
 */
export function pausedWorkingDays(pauses: readonly Pause[], today: string, holidays: ReadonlySet<string>, weekend: readonly number[] = DEFAULT_WEEKEND): number {
  let n = 0;
  for (const p of pauses) {
    const end = p.to ?? (today > p.from ? today : p.from);
    n += Math.max(0, countWorkingDays(p.from, end, holidays, weekend));
  }
  return n;
}

export interface DeadlineInput {
  /** The day the complete file was received, in the site's zone. */
  receivedOn: string;
  /**
   * Working days of the service standard: 0 for a same-day target (a standard in minutes or
   * hours, "selesai di tempat"), null when the standard is not in working days (no deadline).
   */
  workingDays: number | null;
  pauses: readonly Pause[];
}

/**
 * The due date: the `workingDays`-th working day after `receivedOn` on which the clock ran, that
 * is, not inside a pause (never counting the received day itself; a same-day target is the
 * received day, or the next working day if that was none, moved by the pauses' working days).
 * A pause only moves the deadline by the working days it took before the deadline was reached:
 * a file found incomplete after its deadline had passed stays late. Null without a working-day
 * standard. Holidays and closures added later move it: call it with the calendar as it is now.
 */
export function dueDateOf(d: DeadlineInput, today: string, holidays: ReadonlySet<string>, weekend: readonly number[] = DEFAULT_WEEKEND): string | null {
  if (d.workingDays === null) return null;
  if (!Number.isInteger(d.workingDays) || d.workingDays < 0) throw new RangeError(`workingDays must be a non-negative integer, got ${d.workingDays}`);
  if (d.workingDays === 0) return addWorkingDays(d.receivedOn, pausedWorkingDays(d.pauses, today, holidays, weekend), holidays, weekend);
  checkWeekend(weekend);
  // A pause covers the days after it began up to and including the day it resumed (or today).
  const spans = d.pauses.map((p) => ({ from: p.from, to: p.to ?? (today > p.from ? today : p.from) }));
  const paused = (day: string) => spans.some((p) => day > p.from && day <= p.to);
  let left = d.workingDays;
  let dt = parseLocalDate(d.receivedOn);
  for (;;) {
    dt = dt.plus({ days: 1 });
    const day = iso(dt);
    if (isWorkingDay(day, holidays, weekend) && !paused(day) && --left === 0) return day;
  }
}

/**
 * Working days from `today` to `due`: 1 = due on the next working day, 0 = due today (or due on
 * the next working day when today is none), negative = that many working days overdue.
 */
export function workingDaysLeft(today: string, due: string, holidays: ReadonlySet<string>, weekend: readonly number[] = DEFAULT_WEEKEND): number {
  return countWorkingDays(today, due, holidays, weekend);
}

/** How far a calendar read must reach to compute a deadline of up to `workingDays` from `from` (weekends and long holiday runs included). */
export function calendarReach(from: string, workingDays: number): string {
  return parseLocalDate(from).plus({ days: Math.ceil(workingDays * 1.5) + 120 }).toISODate()!;
}
