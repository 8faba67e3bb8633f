/**
 * What other modules may use of applications (the one file of applications they import): the
 * SLA figures (received, completed on time and late, the share on time, open ones) of a site per
 * agency and service over a period, for the reports and the province view; and an application by
 * its tracking code (the survey: a tracking code may be an application's). No authorization here:
 * the figures carry no personal data, callers authorize their own use case.
 */
import type { AppContext } from '../../platform/context';
import { ambientConn } from '../../platform/db';
import { normaliseCode } from '../../platform/crypto';
import * as repo from './applications.repository';

export interface ShareFigures {
  received: number;
  completed: number;
  onTime: number;
  late: number;
  /** onTime / completed, null when nothing was completed. */
  onTimeShare: number | null;
}

const figures = (rows: repo.ShareRow[]): ShareFigures => {
  const sum = (k: 'received' | 'completed' | 'on_time' | 'late') => rows.reduce((n, r) => n + Number(r[k]), 0);
  return { received: sum('received'), completed: sum('completed'), onTime: sum('on_time'), late: sum('late'), onTimeShare: sum('completed') ? sum('on_time') / sum('completed') : null };
};

/**
 * A site's applications over local dates from..to: received in the period, and completed (ready)
 * in it on time or late against their working-day due date; `open` counts those open now. Per
 * agency and per service too. Services without a working-day standard count as received only.
 */
export async function applicationFigures(ctx: AppContext, siteId: string, from: string, to: string, agencyId?: string) {
  const conn = ambientConn(ctx.db);
  const scope = { siteId, agencyIds: agencyId ? [agencyId] : null };
  const [shares, open] = await Promise.all([repo.shares(conn, siteId, from, to, scope.agencyIds), repo.openOf(conn, scope)]);
  const group = (key: 'agency_id' | 'service_id') => {
    const by = new Map<string, repo.ShareRow[]>();
    for (const r of shares) by.set(r[key], [...(by.get(r[key]) ?? []), r]);
    return [...by].map(([id, rows]) => ({ id, agencyId: rows[0].agency_id, ...figures(rows) }));
  };
  return {
    ...figures(shares),
    open: open.length,
    byAgency: group('agency_id').map(({ id, ...f }) => ({ ...f, agencyId: id })),
    byService: group('service_id').map(({ id, ...f }) => ({ serviceId: id, ...f })),
  };
}

/** An application by tracking code: its site, agency, service, number, status and the ticket it was registered from; null when unknown (complaints and the survey link to it). */
export async function applicationByTrackingCode(ctx: AppContext, trackingCode: string) {
  const a = await repo.findByTrackingCode(ambientConn(ctx.db), normaliseCode(trackingCode));
  return a ? { id: a.id, siteId: a.siteId, agencyId: a.agencyId, serviceId: a.serviceId, registrationNumber: a.registrationNumber, trackingCode: a.trackingCode, status: a.status, receivedOn: a.receivedOn, closedOn: a.closedOn, ticketId: a.ticketId } : null;
}
