/**
 * The staff report of a scope and period (per service, agency or MPP): the index, the NRR per
 * element with the weak ones, respondents against the sample target, profile, comments, the
 * breakdown per service and per counter, and the follow-up actions with their completion.
 * Honesty: every group below the minimum group size shows counts only; comments and profile of
 * such a scope are withheld; comments carry no date, ticket or counter.
 */
import { weakElements } from '../../../domain/survey';
import { recordAudit } from '../../platform/audit';
import { authorize } from '../../platform/authz';
import type { AppContext, Caller } from '../../platform/context';
import { cachedCatalog } from '../catalog/catalog.lookup';
import { actionsForReport } from './actions.service';
import { groupedFigures, resolveScope, type IkmQuery } from './ikm.service';
import * as repo from './survey.repository';
import { surveySettingsOf } from './survey.settings';

export async function surveyReport(ctx: AppContext, caller: Caller, siteId: string, q: IkmQuery) {
  const r = await resolveScope(ctx, siteId, q);
  authorize(caller.actor, 'survey.report', { siteId: r.site.id, agencyId: r.agency?.id ?? null });
  const { minGroupSize } = await surveySettingsOf(ctx, r.site.id);
  const [site, byService, byCounter, profileRows, services, counters] = await Promise.all([
    groupedFigures(ctx, r.scope, 'site', minGroupSize),
    groupedFigures(ctx, r.scope, 'service', minGroupSize),
    groupedFigures(ctx, r.scope, 'counter', minGroupSize),
    repo.profileCounts(ctx.db, r.scope),
    cachedCatalog.servicesWithAgencyOfSite(ctx, r.site.id),
    cachedCatalog.listCounters(ctx, r.site.id),
  ]);
  const result = site.get(null)!;
  const shown = !result.suppressed && result.respondents > 0;
  const profile: Record<'ageBand' | 'sex' | 'education' | 'occupation', Record<string, number>> = { ageBand: {}, sex: {}, education: {}, occupation: {} };
  const channels: Record<'web' | 'qr' | 'tablet', number> = { web: 0, qr: 0, tablet: 0 };
  for (const p of profileRows) {
    if (p.field === 'channel') channels[p.value as keyof typeof channels] = p.n;
    else profile[p.field as keyof typeof profile][p.value] = p.n;
  }
  const comments = shown ? await repo.comments(ctx.db, r.scope) : null;
  // Comments are free text a citizen typed (a name may be in one): reading them is audited.
  if (comments?.length) {
    await recordAudit(ctx.db, ctx.clock, caller.actor, caller.ip, {
      action: 'survey.comments_read', siteId: r.site.id, agencyId: r.agency?.id ?? null, targetType: 'survey_report', targetId: r.periodKey ?? `${r.from}..${r.to}`,
      details: { serviceId: r.service?.id ?? null, count: comments.length },
    });
  }
  const serviceName = new Map(services.map((s) => [s.service.id, s.service.name]));
  const counterName = new Map(counters.map((c) => [c.id, c.name]));
  const signatory = await repo.signatoryOf(ctx.db, r.site.id, r.agency?.id ?? null);
  return {
    scope: { site: { id: r.site.id, name: r.site.name, timeZone: r.site.timeZone }, agency: r.agency ? { id: r.agency.id, name: r.agency.name } : null, service: r.service ? { id: r.service.id, name: r.service.name } : null },
    period: { key: r.periodKey, from: r.from, to: r.to },
    minGroupSize,
    result,
    weakElements: result.nrr ? weakElements(result.nrr) : [],
    profile: shown ? profile : null,
    comments,
    byService: [...byService.entries()].filter(([k]) => k).map(([k, f]) => ({ service: { id: k!, name: serviceName.get(k!) ?? '' }, ...f })).sort((a, b) => a.service.name.localeCompare(b.service.name, 'id')),
    byCounter: [...byCounter.entries()].filter(([k]) => k).map(([k, f]) => ({ counter: { id: k!, name: counterName.get(k!) ?? '' }, ...f })).sort((a, b) => a.counter.name.localeCompare(b.counter.name, 'id', { numeric: true })),
    actions: await actionsForReport(ctx, r),
    signatory: signatory ? { name: signatory.name, title: signatory.title, nip: signatory.nip } : null,
    channels,
  };
}

export type SurveyReport = Awaited<ReturnType<typeof surveyReport>>;
