import { INDICATORS, type Indicator } from '../../../contracts/reports';
import { authorize } from '../../platform/authz';
import type { AppContext, Caller } from '../../platform/context';
import { ambientConn } from '../../platform/db';
import { recordAudit } from '../../platform/audit';
import { cachedCatalog } from '../catalog/catalog.lookup';
import * as repo from './reports.repository';

/**
 * The ministry's template for the monthly report is not published: which indicators it shows,
 * in which order, is the operator's to set (docs/reports.md). The target wait is the site's
 * promise ("dilayani dalam 15 menit") that the share-within-target measures.
 */
export const REPORT_DEFAULTS: { targetWaitMinutes: number; indicators: Indicator[] } = { targetWaitMinutes: 15, indicators: [...INDICATORS] };
const known = (list: readonly string[]) => list.filter((i): i is Indicator => (INDICATORS as readonly string[]).includes(i));

export async function reportSettingsOf(ctx: AppContext, siteId: string) {
  const row = await repo.settingsOf(ambientConn(ctx.db), siteId);
  return row ? { targetWaitMinutes: row.targetWaitMinutes, indicators: known(row.indicators) } : { ...REPORT_DEFAULTS };
}

export async function getReportSettings(ctx: AppContext, caller: Caller, siteId: string) {
  await cachedCatalog.getSite(ctx, siteId);
  authorize(caller.actor, 'reports.read', { siteId });
  return reportSettingsOf(ctx, siteId);
}

export async function updateReportSettings(ctx: AppContext, caller: Caller, siteId: string, body: { targetWaitMinutes?: number; indicators?: Indicator[] }) {
  await cachedCatalog.getSite(ctx, siteId);
  authorize(caller.actor, 'site.manage', { siteId });
  const next = { ...(await reportSettingsOf(ctx, siteId)), ...body };
  // Each indicator once, in the order given.
  next.indicators = [...new Set(next.indicators)];
  const row = await repo.saveSettings(ctx.db, siteId, next, ctx.clock.now());
  await recordAudit(ctx.db, ctx.clock, caller.actor, caller.ip, { action: 'reports.settings_changed', siteId, targetType: 'site', targetId: siteId, details: next });
  return { targetWaitMinutes: row.targetWaitMinutes, indicators: known(row.indicators) };
}
