/**
 * What other modules may read of the queue (the one file of the queue they import): a site's
 * traffic over a period, for the province view's side-by-side figures (and reports).
 */
import { DateTime } from 'luxon';
import { localDate } from '../../../domain/opening-hours';
import type { AppContext } from '../../platform/context';
import { ambientConn } from '../../platform/db';
import { siteTraffic } from './queue.repository';

/** Visits, tickets called and the mean wait (minutes) of a site over local dates `from`..`to`. */
export const trafficOfSite = (ctx: AppContext, siteId: string, from: string, to: string) => siteTraffic(ambientConn(ctx.db), siteId, from, to);

/** The same over the last `days` days up to today, in the site's zone. */
export async function recentTrafficOfSite(ctx: AppContext, site: { id: string; timeZone: string }, days: number) {
  const to = localDate(ctx.clock.now(), site.timeZone);
  const from = DateTime.fromISO(to).minus({ days: days - 1 }).toISODate()!;
  return { from, to, ...(await trafficOfSite(ctx, site.id, from, to)) };
}
