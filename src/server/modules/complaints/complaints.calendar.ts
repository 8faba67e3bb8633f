import { localDate } from '../../../domain/opening-hours';
import { plusCalendarDays } from '../../../domain/complaints';
import type { AppContext } from '../../platform/context';
import { cachedCatalog } from '../catalog/catalog.lookup';

/** Days of the site's calendar loaded around a date: deadlines of up to 60 working days fit. */
const BEFORE = 120;
const AFTER = 150;

/**
 * The site's closed days (national holidays, cuti bersama, the site's own closures) around `date`,
 * through the catalogue's cached reads: the working-day deadlines are computed on them.
 */
export async function holidaysAround(ctx: AppContext, siteId: string, date: string): Promise<Set<string>> {
  const days = await cachedCatalog.closedDays(ctx, siteId, plusCalendarDays(date, -BEFORE), plusCalendarDays(date, AFTER));
  return new Set(days.map((d) => d.date));
}

/** "Today" and its calendar, in the site's zone. */
export async function siteToday(ctx: AppContext, site: { id: string; timeZone: string }): Promise<{ today: string; holidays: Set<string> }> {
  const today = localDate(ctx.clock.now(), site.timeZone);
  return { today, holidays: await holidaysAround(ctx, site.id, today) };
}
