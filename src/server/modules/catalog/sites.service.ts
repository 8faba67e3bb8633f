import type { AppContext } from '../../platform/context';
import * as repo from './catalog.repository';

export async function listPublicSites(ctx: AppContext) {
  const rows = await repo.listSites(ctx.db);
  return rows.map((s) => ({ id: s.id, slug: s.slug, name: s.name, timeZone: s.timeZone, status: s.status }));
}
