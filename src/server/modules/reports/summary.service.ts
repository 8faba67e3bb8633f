/**
 * The summary of a scope and period (DESIGN §7 Reports): the queue's figures from the tickets'
 * own times, bookings, the published IKM, complaints and applications — each read through its
 * module's lookup, never from another module's tables.
 */
import type { Summary, SummaryQuery } from '../../../contracts/reports';
import type { AppContext, Caller } from '../../platform/context';
import { applicationFigures } from '../applications/applications.lookup';
import { bookingFigures } from '../booking/booking.lookup';
import { cachedCatalog } from '../catalog/catalog.lookup';
import { complaintTotals } from '../complaints/complaints.lookup';
import { queueFigures } from '../queue/queue.lookup';
import { ikmOf } from '../survey/survey.lookup';
import { resolveReportScope, type ReportScope } from './scope';
import { reportSettingsOf } from './settings.service';

const ratio = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 1000 : null);

export async function summaryFor(ctx: AppContext, caller: Caller, siteId: string, q: SummaryQuery): Promise<Summary> {
  return summaryOf(ctx, await resolveReportScope(ctx, caller, siteId, q));
}

/** The figures of a scope already authorized (the monthly report, the archive job). */
export async function summaryOf(ctx: AppContext, scope: ReportScope): Promise<Summary> {
  const { site, from, to, agency, service, counter, officer } = scope;
  const { targetWaitMinutes } = await reportSettingsOf(ctx, site.id);
  const q = await queueFigures(ctx, { siteId: site.id, from, to, timeZone: site.timeZone, agencyId: agency?.id, serviceId: service?.id, counterId: counter?.id, officerId: officer?.id }, targetWaitMinutes);
  const services = await cachedCatalog.servicesWithAgencyOfSite(ctx, site.id);
  const agencyName = new Map(services.map((s) => [s.agency.id, s.agency.name]));

  const personal = Boolean(counter || officer);
  // Bookings belong to services: a counter's or an officer's scope has none of its own.
  let bookings: Summary['bookings'] = null;
  if (!personal) {
    const serviceIds = service ? [service.id] : agency ? services.filter((s) => s.agency.id === agency.id).map((s) => s.service.id) : null;
    const b = await bookingFigures(ctx, site.id, from, to, serviceIds);
    bookings = { ...b, showRate: ratio(b.checkedIn, b.made) };
  }
  // The published index, with its minimum group size; an officer's or counter's answers are not an index.
  const ikm = personal ? null : await ikmOf(ctx, site.id, { from, to, agencyId: agency?.id, serviceId: service?.id });
  // Complaints and applications belong to agencies (complaints: not to one service), not to a counter or an officer.
  const complaints = personal || service ? null : await complaintTotals(ctx, site.id, from, to, agency?.id);
  const apps = personal ? null : await applicationFigures(ctx, site.id, from, to, agency?.id);
  const appFigures = service ? apps?.byService.find((s) => s.serviceId === service.id) : apps;

  const byWeekday = q.heat.map((row) => row.reduce((a, b) => a + b, 0));
  const byHour = Array.from({ length: 24 }, (_, h) => q.heat.reduce((sum, row) => sum + row[h], 0));
  return {
    site: { id: site.id, name: site.name, timeZone: site.timeZone },
    scope: { agency, service, counter, officer },
    from,
    to,
    asOf: ctx.clock.now().toISOString(),
    visitors: q.visitors,
    tickets: q.tickets,
    served: q.served,
    noShows: q.noShows,
    transfers: q.transfers,
    cancelled: q.cancelled,
    open: q.open,
    walkIns: q.walkIns,
    fromBookings: q.fromBookings,
    waitMinutes: q.waitMinutes,
    serviceMinutes: q.serviceMinutes,
    withinTarget: { targetMinutes: targetWaitMinutes, called: q.called, withinTarget: q.withinTarget, share: ratio(q.withinTarget, q.called) },
    bookings,
    arrivals: { byHour, byWeekday, heat: q.heat },
    byDay: q.byDay,
    byAgency: q.byAgency
      .map((a) => ({ ...a, name: agencyName.get(a.agencyId) ?? '' }))
      .sort((a, b) => b.tickets - a.tickets || a.name.localeCompare(b.name, 'id')),
    ikm: ikm?.ikmUnit ?? null,
    ikmGrade: ikm?.grade ?? null,
    ikmRespondents: ikm?.respondents ?? 0,
    complaints: complaints ? { received: complaints.received, onTime: complaints.onTime, overdue: complaints.overdue } : null,
    applications: apps ? { received: appFigures?.received ?? 0, onTime: appFigures?.onTime ?? 0, late: appFigures?.late ?? 0, open: service ? null : apps.open } : null,
  };
}
