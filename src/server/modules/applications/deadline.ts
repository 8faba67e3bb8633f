/**
 * Deadlines as they stand today: computed when read, from the received day, the standard's
 * working days and the pauses, with the site's calendar as it is now (holidays and closures
 * added after registration move open deadlines). Closed applications keep the due date they had
 * when they closed.
 */
import { isOpen } from '../../../domain/applications';
import { localDate } from '../../../domain/opening-hours';
import { calendarReach, dueDateOf, pausedWorkingDays, workingDaysLeft } from '../../../domain/working-days';
import type { AppContext } from '../../platform/context';
import { cachedCatalog } from '../catalog/catalog.lookup';
import type { ApplicationRow, OpenLite } from './applications.repository';

type DeadlineRow = Pick<ApplicationRow, 'status' | 'receivedOn' | 'workingDays' | 'pauses'> & Partial<Pick<ApplicationRow, 'dueOn'>>;

export interface Deadline {
  dueDate: string | null;
  workingDaysLeft: number | null;
  overdue: boolean;
  paused: boolean;
}

/** The site's closed days (holidays, cuti bersama, closures) from `from` far enough for `workingDays` after `today`. */
export async function calendarFor(ctx: AppContext, siteId: string, from: string, today: string, workingDays: number): Promise<ReadonlySet<string>> {
  const start = from < today ? from : today;
  const days = await cachedCatalog.closedDays(ctx, siteId, start, calendarReach(today, workingDays));
  return new Set(days.map((d) => d.date));
}

/** The deadline of one application today, given the site's closed days. */
export function deadlineOf(a: DeadlineRow, today: string, holidays: ReadonlySet<string>): Deadline {
  const paused = a.status === 'incomplete';
  if (!isOpen(a.status)) return { dueDate: a.dueOn ?? null, workingDaysLeft: null, overdue: false, paused: false };
  if (!a.receivedOn || a.workingDays === null) return { dueDate: null, workingDaysLeft: null, overdue: false, paused };
  const due = dueDateOf({ receivedOn: a.receivedOn, workingDays: a.workingDays, pauses: a.pauses }, today, holidays)!;
  return { dueDate: due, workingDaysLeft: workingDaysLeft(today, due, holidays), overdue: today > due, paused };
}

/** Deadlines of many applications of one site with one calendar read. */
export async function deadlinesOf<T extends OpenLite | ApplicationRow>(ctx: AppContext, site: { id: string; timeZone: string }, list: readonly T[]): Promise<{ today: string; of: (a: T) => Deadline }> {
  const today = localDate(ctx.clock.now(), site.timeZone);
  const open = list.filter((a) => isOpen(a.status) && a.receivedOn && a.workingDays !== null);
  if (!open.length) return { today, of: (a) => deadlineOf(a, today, new Set()) };
  const earliest = open.reduce((m, a) => (a.receivedOn! < m ? a.receivedOn! : m), today);
  const holidays = await calendarFor(ctx, site.id, earliest, today, daysAhead(open, today));
  return { today, of: (a) => deadlineOf(a, today, holidays) };
}

/**
 * How many working days after today a due date can lie at most: the standard's days plus the
 * days paused so far (counted as calendar days, an upper bound), for the calendar read.
 */
function daysAhead(list: readonly DeadlineRow[], today: string): number {
  let max = 0;
  for (const a of list) {
    const paused = pausedWorkingDays(a.pauses, today, new Set(), []);
    max = Math.max(max, (a.workingDays ?? 0) + paused);
  }
  return max;
}

/** The due date an application has when it closes today (its open pause, if any, ends today). */
export async function dueOnClosing(ctx: AppContext, site: { id: string; timeZone: string }, a: DeadlineRow, today: string): Promise<string | null> {
  if (!a.receivedOn || a.workingDays === null) return null;
  const pauses = a.pauses.map((p) => (p.to === null ? { ...p, to: today } : p));
  const holidays = await calendarFor(ctx, site.id, a.receivedOn, today, (a.workingDays ?? 0) + pausedWorkingDays(pauses, today, new Set(), []));
  return dueDateOf({ receivedOn: a.receivedOn, workingDays: a.workingDays, pauses }, today, holidays);
}
