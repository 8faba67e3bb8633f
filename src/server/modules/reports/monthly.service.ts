/**
 * The monthly report to the ministry and the regional government: the month's summary, the
 * twelve months up to it, the operator's notes, in the indicators' configured order. Kept as
 * generated (on the 1st for the month before, or when the operator keeps it), so a report sent
 * reads the same when opened later; the live one is always one click away.
 */
import { DateTime } from 'luxon';
import type { Monthly } from '../../../contracts/reports';
import { localDate } from '../../../domain/opening-hours';
import { recordAudit } from '../../platform/audit';
import { authorize } from '../../platform/authz';
import type { AppContext, Caller } from '../../platform/context';
import { ambientConn } from '../../platform/db';
import { fieldError } from '../../platform/errors';
import { cachedCatalog } from '../catalog/catalog.lookup';
import { queueTrend } from '../queue/queue.lookup';
import { reportsError } from './reports.errors';
import * as repo from './reports.repository';
import { resolveReportScope, type ReportScope } from './scope';
import { reportSettingsOf } from './settings.service';
import { summaryOf } from './summary.service';

export const TREND_MONTHS = 12;

export function monthRange(month: string) {
  const start = DateTime.fromISO(`${month}-01`, { zone: 'UTC' });
  return { from: start.toISODate()!, to: start.endOf('month').toISODate()! };
}

async function checkMonth(ctx: AppContext, siteId: string, month: string) {
  const site = await cachedCatalog.getSite(ctx, siteId);
  const today = localDate(ctx.clock.now(), site.timeZone);
  if (`${month}-01` > today) throw fieldError('querystring.month', 'future', { id: 'Bulan ini belum dimulai.', en: 'This month has not started yet.' });
  return { site, today };
}

export async function monthlyFor(ctx: AppContext, caller: Caller, siteId: string, q: { month: string; agencyId?: string }): Promise<Monthly> {
  await checkMonth(ctx, siteId, q.month);
  const scope = await resolveReportScope(ctx, caller, siteId, { ...monthRange(q.month), agencyId: q.agencyId });
  return buildMonthly(ctx, scope, q.month);
}

export async function buildMonthly(ctx: AppContext, scope: ReportScope, month: string): Promise<Monthly> {
  const summary = await summaryOf(ctx, scope);
  const first = DateTime.fromISO(`${month}-01`, { zone: 'UTC' }).minus({ months: TREND_MONTHS - 1 });
  const points = await queueTrend(ctx, { siteId: scope.site.id, from: first.toISODate()!, to: scope.to, timeZone: scope.site.timeZone, agencyId: scope.agency?.id });
  const byMonth = new Map(points.map((p) => [p.month, p]));
  const trend = Array.from({ length: TREND_MONTHS }, (_, i) => {
    const m = first.plus({ months: i }).toFormat('yyyy-MM');
    return byMonth.get(m) ?? { month: m, visitors: 0, tickets: 0, served: 0, waitMinutesMean: null };
  });
  const [notes, settings] = await Promise.all([repo.notesOf(ambientConn(ctx.db), scope.site.id, month), reportSettingsOf(ctx, scope.site.id)]);
  return { month, generatedAt: ctx.clock.now().toISOString(), summary, trend, notes: notes?.notes ?? '', indicators: settings.indicators };
}

export async function getNotes(ctx: AppContext, caller: Caller, siteId: string, month: string) {
  await cachedCatalog.getSite(ctx, siteId);
  authorize(caller.actor, 'reports.read', { siteId });
  const row = await repo.notesOf(ctx.db, siteId, month);
  return { month, notes: row?.notes ?? '', updatedAt: row?.updatedAt.toISOString() ?? null };
}

export async function saveNotes(ctx: AppContext, caller: Caller, siteId: string, month: string, notes: string) {
  await checkMonth(ctx, siteId, month);
  authorize(caller.actor, 'site.manage', { siteId });
  const by = caller.actor.kind === 'user' ? caller.actor.id : null;
  const row = await repo.saveNotes(ctx.db, siteId, month, notes, by, ctx.clock.now());
  await recordAudit(ctx.db, ctx.clock, caller.actor, caller.ip, { action: 'reports.notes_saved', siteId, targetType: 'monthly_report', targetId: month });
  return { month, notes: row.notes, updatedAt: row.updatedAt.toISOString() };
}

/** The whole site's scope, for the kept report and the automatic run (no caller). */
const siteScope = (site: { id: string; name: string; timeZone: string; slug: string }, month: string): ReportScope => ({
  site: { id: site.id, name: site.name, timeZone: site.timeZone, slug: site.slug }, ...monthRange(month), agency: null, service: null, counter: null, officer: null,
});

/** Keeps the month's report as it stands now (the operator, once the month is over). */
export async function keepMonthly(ctx: AppContext, caller: Caller, siteId: string, month: string) {
  const { site, today } = await checkMonth(ctx, siteId, month);
  authorize(caller.actor, 'site.manage', { siteId });
  if (monthRange(month).to >= today) throw reportsError('reports.month_not_over');
  const report = await buildMonthly(ctx, siteScope(site, month), month);
  await repo.keepMonthly(ctx.db, { siteId, month, generatedAt: ctx.clock.now(), automatic: false, snapshot: report }, false);
  await recordAudit(ctx.db, ctx.clock, caller.actor, caller.ip, { action: 'reports.monthly_kept', siteId, targetType: 'monthly_report', targetId: month });
  return { month, generatedAt: report.generatedAt, automatic: false };
}

export async function listArchive(ctx: AppContext, caller: Caller, siteId: string) {
  await cachedCatalog.getSite(ctx, siteId);
  authorize(caller.actor, 'reports.read', { siteId, agencyId: null });
  return (await repo.archiveOf(ctx.db, siteId)).map((r) => ({ month: r.month, generatedAt: r.generatedAt.toISOString(), automatic: r.automatic }));
}

export async function keptMonthlyFor(ctx: AppContext, caller: Caller, siteId: string, month: string): Promise<Monthly> {
  await cachedCatalog.getSite(ctx, siteId);
  authorize(caller.actor, 'reports.read', { siteId, agencyId: null });
  const row = await repo.keptMonthly(ctx.db, siteId, month);
  if (!row) throw reportsError('reports.not_archived');
  return row.snapshot as Monthly;
}

/**
 * The automatic run (background, hourly): on or after the 1st in each site's zone, last month's
 * report is kept unless one already is. Insert-if-missing, so several processes may run it.
 */
export async function keepLastMonthEverywhere(ctx: AppContext, siteIds: readonly string[]): Promise<number> {
  let kept = 0;
  for (const siteId of siteIds) {
    const site = await cachedCatalog.getSite(ctx, siteId);
    const month = DateTime.fromISO(localDate(ctx.clock.now(), site.timeZone)).minus({ months: 1 }).toFormat('yyyy-MM');
    if (await repo.keptMonthly(ctx.db, siteId, month)) continue;
    const report = await buildMonthly(ctx, siteScope(site, month), month);
    if (await repo.keepMonthly(ctx.db, { siteId, month, generatedAt: ctx.clock.now(), automatic: true, snapshot: report }, true)) kept++;
  }
  return kept;
}
