/**
 * The retention sweep (issue #12, item 8): documents of deleted accounts and consents that ended
 * (expired or revoked) are purged after the retention period in the site settings
 * (`settings.citizens.retentionDays`, default 30). A consent follows its agency's site; a deleted
 * account the longest period of the sites it shared with (the default when it shared with none).
 * Purging a consent removes its share code and its links to documents; purging an account removes
 * every file of its wallet and what identifies it (the rows stay for the access log, which is
 * append-only). Conditional and idempotent: several processes may sweep at once.
 */
import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { nullIfNotFound } from '../../platform/errors';
import { cachedCatalog } from '../catalog/catalog.lookup';
import { deleteStoredFile } from '../files/files.lookup';
import * as repo from './citizens.repository';

export const citizensPolicySchema = z.object({ retentionDays: z.number().int().min(1).max(3650).default(30) });
export const DEFAULT_RETENTION_DAYS = 30;

async function retentionOfSite(ctx: AppContext, siteId: string): Promise<number> {
  const site = await cachedCatalog.getSite(ctx, siteId).catch(nullIfNotFound);
  const parsed = citizensPolicySchema.safeParse((site?.settings as Record<string, unknown> | undefined)?.citizens ?? {});
  return parsed.success ? parsed.data.retentionDays : DEFAULT_RETENTION_DAYS;
}

export async function sweepCitizenRetention(ctx: AppContext): Promise<{ consents: number; accounts: number; files: number }> {
  const now = ctx.clock.now();
  const day = 86_400_000;
  let consents = 0;
  let accounts = 0;
  let files = 0;
  // Consents: the shortest retention any site may set is 1 day, so candidates end before now − 1 day.
  for (const c of await repo.endedConsentsBefore(ctx.db, new Date(now.getTime() - day))) {
    const keep = (await retentionOfSite(ctx, c.siteId)) * day;
    if (c.endedAt.getTime() + keep > now.getTime()) continue;
    await ctx.db.transaction((tx) => repo.purgeConsent(tx, c.id, now));
    consents++;
  }
  for (const a of await repo.deletedAccountsBefore(ctx.db, new Date(now.getTime() - day))) {
    const citizen = await repo.findCitizen(ctx.db, a.id);
    if (!citizen?.deletedAt) continue;
    const sites = [...new Set((await repo.consentSitesOf(ctx.db, a.id)).map((s) => s.siteId))];
    let keepDays = sites.length ? 0 : DEFAULT_RETENTION_DAYS;
    for (const s of sites) keepDays = Math.max(keepDays, await retentionOfSite(ctx, s));
    if (citizen.deletedAt.getTime() + keepDays * day > now.getTime()) continue;
    await ctx.db.transaction(async (tx) => {
      for (const d of await repo.documentsWithFilesOf(tx, a.id)) {
        await repo.detachFile(tx, d.id, now);
        if (d.fileId && (await deleteStoredFile(tx, d.fileId))) files++;
      }
      await repo.purgeAccount(tx, a.id, now);
    });
    accounts++;
  }
  // Sign-in codes are worthless after an hour (they are the throttle's memory until then).
  await repo.deleteCodesBefore(ctx.db, new Date(now.getTime() - 2 * 3600_000));
  return { consents, accounts, files };
}
