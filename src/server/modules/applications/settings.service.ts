/**
 * An agency's choices for its applications: the registration number format (its default is
 * DPMPTSP/2026/000123). Changing it affects the numbers given from then on; numbers given stay.
 */
import { DEFAULT_NUMBER_FORMAT, checkNumberFormat, formatRegistrationNumber, numberFormatMessages } from '../../../domain/applications';
import { localDate } from '../../../domain/opening-hours';
import { recordAudit } from '../../platform/audit';
import { actorLabel, authorize } from '../../platform/authz';
import type { AppContext, Caller } from '../../platform/context';
import { fieldError } from '../../platform/errors';
import { transact } from '../../platform/tx';
import { cachedCatalog } from '../catalog/catalog.lookup';
import * as repo from './applications.repository';

async function present(ctx: AppContext, agency: { id: string; siteId: string; shortName: string }, format: string) {
  const site = await cachedCatalog.getSite(ctx, agency.siteId);
  const today = localDate(ctx.clock.now(), site.timeZone);
  const year = Number(today.slice(0, 4));
  const seq = await repo.peekSequence(ctx.db, agency.id, year);
  return { agencyId: agency.id, numberFormat: format, example: formatRegistrationNumber(format, { agency: agency.shortName, year, month: Number(today.slice(5, 7)), service: 'KODE', seq }) };
}

export async function getApplicationSettings(ctx: AppContext, caller: Caller, agencyId: string) {
  const agency = await cachedCatalog.getAgency(ctx, agencyId);
  authorize(caller.actor, 'applications.read', { siteId: agency.siteId, agencyId });
  return present(ctx, agency, (await repo.settingsOf(ctx.db, agencyId))?.numberFormat ?? DEFAULT_NUMBER_FORMAT);
}

/** The agency's admin (catalog.manage of that agency) or the site admin sets the format. */
export async function setApplicationSettings(ctx: AppContext, caller: Caller, agencyId: string, input: { numberFormat: string }) {
  const agency = await cachedCatalog.getAgency(ctx, agencyId);
  authorize(caller.actor, 'catalog.manage', { siteId: agency.siteId, agencyId });
  const format = input.numberFormat.trim();
  const bad = checkNumberFormat(format);
  if (bad) throw fieldError('body.numberFormat', bad, numberFormatMessages[bad]);
  const before = (await repo.settingsOf(ctx.db, agencyId))?.numberFormat ?? DEFAULT_NUMBER_FORMAT;
  await transact(ctx, async (tx, emit) => {
    await repo.upsertSettings(tx, { agencyId, siteId: agency.siteId, numberFormat: format, updatedAt: ctx.clock.now() });
    await emit({ siteId: agency.siteId, type: 'application.settings_changed', aggregateType: 'agency', aggregateId: agencyId, payload: { agencyId }, meta: { by: actorLabel(caller.actor), numberFormat: format } });
    await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action: 'applications.settings_changed', siteId: agency.siteId, agencyId, targetType: 'agency', targetId: agencyId, details: { numberFormat: { from: before, to: format } } });
  });
  return present(ctx, agency, format);
}
