/**
 * When an MPP starts its trial, the province admin creates its site from the record (name, slug,
 * address; the zone is the province's unless given), so the catalogue, the queue and the reports
 * start from there. The site is created through the catalogue and linked in one transaction; a
 * record links one site only (conditional update and a unique index).
 */
import { reached, type MppStage } from '../../../domain/establishment';
import { recordAudit } from '../../platform/audit';
import { actorLabel } from '../../platform/authz';
import type { AppContext, Caller } from '../../platform/context';
import { transact } from '../../platform/tx';
import { insertSiteIn, withSiteConflicts } from '../catalog/catalog.lookup';
import { authorizeProvinceChange } from './establishment.access';
import { establishmentError } from './establishment.errors';
import * as repo from './establishment.repository';
import { presentRecord, regencyOr404 } from './view.service';

export interface SiteFromRecordInput {
  name: string;
  slug: string;
  address?: string;
  timeZone?: string;
}

export async function createSiteFromRecord(ctx: AppContext, caller: Caller, regencyCode: string, input: SiteFromRecordInput) {
  authorizeProvinceChange(caller.actor);
  const { regency, province } = regencyOr404(regencyCode);
  return withSiteConflicts(() =>
    transact(ctx, async (tx, emit) => {
      const record = await repo.findByRegency(tx, regency.code);
      const stage = (record?.stage ?? 'none') as MppStage;
      if (!record || !reached(stage, 'uji_coba')) throw establishmentError('establishment.site_too_early', { extra: { currentStage: stage } });
      if (record.siteId) throw establishmentError('establishment.site_exists', { extra: { siteId: record.siteId } });
      const site = await insertSiteIn(tx, emit, ctx, caller, {
        name: input.name,
        slug: input.slug,
        timeZone: input.timeZone ?? province.timeZone,
        address: input.address ?? '',
        regency: regency.name,
        province: province.name,
        status: stage === 'diresmikan' ? 'operating' : 'trial',
      });
      const linked = await repo.linkSite(tx, record.id, site.id, ctx.clock.now());
      if (!linked) throw establishmentError('establishment.site_exists', { extra: { siteId: (await repo.findByRegency(tx, regency.code))?.siteId ?? '' } });
      await emit({ siteId: site.id, type: 'establishment.site_linked', aggregateType: 'mpp', aggregateId: record.id, payload: { regencyCode: regency.code, siteId: site.id }, meta: { by: actorLabel(caller.actor) } });
      await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action: 'establishment.site_created', siteId: site.id, targetType: 'mpp', targetId: regency.code, details: { siteId: site.id, slug: site.slug, name: site.name, stage } });
      return presentRecord(ctx, regency, province, tx);
    }),
  );
}
