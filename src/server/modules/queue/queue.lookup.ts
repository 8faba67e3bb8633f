/**
 * What other modules may read of the queue (the one file of the queue they import): a site's
 * traffic over a period, for the province view's side-by-side figures (and reports); which
 * tickets were served, for the satisfaction survey (its population and who may answer); a visit
 * by its tracking code with the services it went to (complaints link to it). Reads
 * only, no authorization here (callers authorize their own use case), nothing personal.
 */
import { DateTime } from 'luxon';
import { localDate } from '../../../domain/opening-hours';
import type { AppContext } from '../../platform/context';
import { ambientConn } from '../../platform/db';
import { normaliseCode } from '../../platform/crypto';
import * as figures from './figures.repository';
import * as repo from './queue.repository';

export type { ServedGrouping, ServedTicket } from './queue.repository';

/** Visits, tickets called and the mean wait (minutes) of a site over local dates `from`..`to`. */
export const trafficOfSite = (ctx: AppContext, siteId: string, from: string, to: string) => repo.siteTraffic(ambientConn(ctx.db), siteId, from, to);

/** The same over the last `days` days up to today, in the site's zone. */
export async function recentTrafficOfSite(ctx: AppContext, site: { id: string; timeZone: string }, days: number) {
  const to = localDate(ctx.clock.now(), site.timeZone);
  const from = DateTime.fromISO(to).minus({ days: days - 1 }).toISODate()!;
  return { from, to, ...(await trafficOfSite(ctx, site.id, from, to)) };
}

/** A visit by its tracking code (the code printed on the ticket) with its served tickets; null when unknown. */
export async function servedVisitByCode(ctx: AppContext, trackingCode: string) {
  const conn = ambientConn(ctx.db);
  const visit = await repo.findVisitByCode(conn, normaliseCode(trackingCode));
  if (!visit) return null;
  return { visit: { id: visit.id, siteId: visit.siteId, localDate: visit.localDate }, served: await repo.servedOfVisit(conn, visit.id) };
}

/** One ticket if it was served to its end (status done); else null. */
export const servedTicket = (ctx: AppContext, ticketId: string) => repo.servedTicket(ambientConn(ctx.db), ticketId);

/** Tickets finished since `since` on `localDate` at a counter (null: any counter of the site). */
export const finishedSince = (ctx: AppContext, siteId: string, counterId: string | null, since: Date, localDate: string) =>
  repo.finishedSince(ambientConn(ctx.db), siteId, counterId, since, localDate);

/** Tickets served between two local dates (inclusive), per group: the survey's population. */
export const servedCounts = (ctx: AppContext, siteId: string, from: string, to: string, by: repo.ServedGrouping, filter?: { agencyId?: string; serviceId?: string }) =>
  repo.servedCounts(ambientConn(ctx.db), siteId, from, to, by, filter);

export interface VisitSummary {
  siteId: string;
  /** The visit's day in the site's zone. */
  localDate: string;
  trackingCode: string;
  tickets: Array<{ number: string; serviceId: string; agencyId: string; status: string }>;
}

/** The visit of a ticket's tracking code with every ticket of it (any status), or null when there is none. */
export async function visitByTrackingCode(ctx: AppContext, code: string): Promise<VisitSummary | null> {
  const conn = ambientConn(ctx.db);
  const visit = await repo.findVisitByCode(conn, normaliseCode(code));
  if (!visit) return null;
  const tickets = await repo.ticketsOfVisit(conn, visit.id);
  return {
    siteId: visit.siteId,
    localDate: visit.localDate,
    trackingCode: visit.trackingCode,
    tickets: tickets.map((t) => ({ number: t.number, serviceId: t.serviceId, agencyId: t.agencyId, status: t.status })),
  };
}

/**
 * A ticket as an application registered from it needs it (applications: "Daftarkan permohonan"
 * on the ticket being served): its site, agency, service, number, status and day; null when unknown.
 */
export async function ticketForApplication(ctx: AppContext, ticketId: string) {
  const t = await repo.findTicket(ambientConn(ctx.db), ticketId);
  if (!t) return null;
  return { id: t.id, siteId: t.siteId, agencyId: t.agencyId, serviceId: t.serviceId, number: t.number, status: t.status, localDate: t.localDate, counterId: t.counterId, officerId: t.officerId };
}

/**
 * Pickup tickets (applications: the kiosk's "Ambil dokumen"): issue one to a service's counters,
 * with the caller's own change in the same transaction; the open one issued earlier, if any.
 */
export { issuePickupTicket, openTicketOf as openPickupTicket, presentPickup, type PickupInput } from './pickup.service';

/** The reports' queue figures of a scope over local dates (figures.repository). */
export const queueFigures = (ctx: AppContext, scope: figures.FigureScope, targetMinutes: number) => figures.queueFigures(ambientConn(ctx.db), scope, targetMinutes);
/** Visitors, tickets, served and mean wait per month of a scope (the monthly report's trend). */
export const queueTrend = (ctx: AppContext, scope: figures.FigureScope) => figures.monthlyTrend(ambientConn(ctx.db), scope);
export type { FigureScope, QueueFigures, Stats } from './figures.repository';
