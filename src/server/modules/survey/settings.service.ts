/** The site's survey rules (answer window, minimum group size, tablet offer time) and who signs the report. */
import { uuidv7 } from 'uuidv7';
import { recordAudit } from '../../platform/audit';
import { actorLabel, authorize } from '../../platform/authz';
import type { AppContext, Caller } from '../../platform/context';
import { fieldError } from '../../platform/errors';
import { transact } from '../../platform/tx';
import { cachedCatalog } from '../catalog/catalog.lookup';
import * as repo from './survey.repository';
import { surveySettingsOf, type SurveySettings } from './survey.settings';

/** GET /sites/{siteId}/survey/settings: public (the survey page says until when answers are taken). */
export async function getSettings(ctx: AppContext, siteId: string) {
  await cachedCatalog.getSite(ctx, siteId);
  return surveySettingsOf(ctx, siteId);
}

/** PUT /sites/{siteId}/survey/settings: the site admin. */
export async function updateSettings(ctx: AppContext, caller: Caller, siteId: string, input: Partial<SurveySettings>) {
  authorize(caller.actor, 'survey.manage', { siteId });
  await cachedCatalog.getSite(ctx, siteId);
  return transact(ctx, async (tx, emit) => {
    const next = { ...(await surveySettingsOf(ctx, siteId, tx)), ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) };
    await repo.upsertSettings(tx, { siteId, ...next, updatedAt: ctx.clock.now() });
    await emit({ siteId, type: 'survey.settings_changed', aggregateType: 'site', aggregateId: siteId, payload: { what: 'settings' }, meta: { by: actorLabel(caller.actor) } });
    await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action: 'survey.settings_changed', siteId, targetType: 'site', targetId: siteId, details: next });
    return next;
  });
}

/** GET /sites/{siteId}/survey/signatory?agencyId= */
export async function getSignatory(ctx: AppContext, caller: Caller, siteId: string, agencyId: string | null) {
  authorize(caller.actor, 'survey.report', { siteId, agencyId });
  const s = await repo.signatoryOf(ctx.db, siteId, agencyId);
  return s ? { name: s.name, title: s.title, nip: s.nip } : null;
}

/** PUT /sites/{siteId}/survey/signatory: the head of the unit who signs the printed report. */
export async function setSignatory(ctx: AppContext, caller: Caller, siteId: string, input: { agencyId: string | null; name: string; title: string; nip?: string | null }) {
  authorize(caller.actor, 'survey.manage', { siteId, agencyId: input.agencyId });
  await cachedCatalog.getSite(ctx, siteId);
  if (input.agencyId) {
    const a = await cachedCatalog.getAgency(ctx, input.agencyId);
    if (a.siteId !== siteId) throw fieldError('body.agencyId', 'other_site', { id: 'Instansi bukan milik MPP ini.', en: 'The agency belongs to another site.' });
  }
  const value = { name: input.name, title: input.title, nip: input.nip?.replace(/\s+/g, '') || null };
  await transact(ctx, async (tx, emit) => {
    await repo.upsertSignatory(tx, { id: uuidv7(), siteId, agencyId: input.agencyId, ...value, updatedAt: ctx.clock.now() });
    await emit({ siteId, type: 'survey.settings_changed', aggregateType: 'site', aggregateId: siteId, payload: { what: 'signatory' }, meta: { by: actorLabel(caller.actor), agencyId: input.agencyId } });
    await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action: 'survey.signatory_set', siteId, agencyId: input.agencyId, targetType: 'survey_signatory', targetId: input.agencyId ?? siteId, details: { title: value.title } });
  });
  return value;
}
