import { DateTime } from 'luxon';
import { localDate } from '../../../domain/opening-hours';
import { agencyScope, authorize } from '../../platform/authz';
import type { AppContext, Caller } from '../../platform/context';
import { fieldError, forbidden, nullIfNotFound } from '../../platform/errors';
import { cachedCatalog } from '../catalog/catalog.lookup';
import * as repo from './complaints.repository';

export interface ComplaintFigures {
  month: string;
  agency: { id: string; name: string } | null;
  received: number;
  verified: number;
  verifiedOnTime: number;
  responded: number;
  respondedOnTime: number;
  followedUp: number;
  followedUpShare: number | null;
  medianHoursToFirstReply: number | null;
  repliedWithin24h: number;
  overdueOpen: number;
}

/**
 * Complaint figures of a site per assigned agency and month of filing (YYYY-MM, site zone), for
 * the board and the reports (complaints.lookup). No authorization here: callers authorize.
 * `agencyIds` null: every agency and the complaints not yet assigned.
 */
export async function complaintFigures(ctx: AppContext, siteId: string, q: { from: string; to: string; agencyIds?: string[] | null; agencyId?: string }): Promise<ComplaintFigures[]> {
  const site = await cachedCatalog.getSite(ctx, siteId);
  const from = `${q.from}-01`;
  const to = DateTime.fromISO(`${q.to}-01`, { zone: 'UTC' }).endOf('month').toISODate()!;
  const today = localDate(ctx.clock.now(), site.timeZone);
  const rows = await repo.figures(ctx.db, { siteId, from, to, today, agencyIds: q.agencyIds ?? null, agencyId: q.agencyId });
  const out: ComplaintFigures[] = [];
  for (const r of rows) {
    const agency = r.agency_id ? await cachedCatalog.getAgency(ctx, r.agency_id).catch(nullIfNotFound) : null;
    out.push({
      month: r.month,
      agency: agency ? { id: agency.id, name: agency.name } : null,
      received: r.received,
      verified: r.verified,
      verifiedOnTime: r.verified_on_time,
      responded: r.responded,
      respondedOnTime: r.responded_on_time,
      followedUp: r.followed_up,
      followedUpShare: r.received ? r.followed_up / r.received : null,
      medianHoursToFirstReply: r.median_hours === null ? null : Math.round(Number(r.median_hours) * 10) / 10,
      repliedWithin24h: r.within_24h,
      overdueOpen: r.overdue_open,
    });
  }
  return out;
}

/** The figures route: the desk and auditors see every agency, an agency its own. */
export async function figuresForCaller(ctx: AppContext, caller: Caller, siteId: string, q: { from: string; to: string; agencyId?: string }) {
  if (caller.actor.kind === 'anonymous') authorize(caller.actor, 'complaints.read', { siteId });
  const scope = agencyScope(caller.actor, 'complaints.read', siteId);
  if (!scope) throw forbidden();
  if (q.to < q.from) throw fieldError('querystring.to', 'before_from', { id: 'Bulan akhir sebelum bulan awal.', en: 'The end month is before the start month.' });
  return complaintFigures(ctx, siteId, { ...q, agencyIds: scope.all ? null : scope.agencyIds });
}

/**
 * Totals over local dates from..to (not whole months), for the reports' summary: received,
 * responded on time, open and overdue today, followed up. `agencyId`: that agency's only.
 */
export async function complaintTotals(ctx: AppContext, siteId: string, from: string, to: string, agencyId?: string) {
  const site = await cachedCatalog.getSite(ctx, siteId);
  const today = localDate(ctx.clock.now(), site.timeZone);
  const rows = await repo.figures(ctx.db, { siteId, from, to, today, agencyIds: null, agencyId });
  const sum = (k: 'received' | 'responded_on_time' | 'overdue_open' | 'followed_up') => rows.reduce((n, r) => n + Number(r[k]), 0);
  return { received: sum('received'), onTime: sum('responded_on_time'), overdue: sum('overdue_open'), followedUp: sum('followed_up') };
}
