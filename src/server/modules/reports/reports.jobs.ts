import type { AppContext } from '../../platform/context';
import { siteIds } from '../catalog/catalog.lookup';
import { keepLastMonthEverywhere } from './monthly.service';

/** Keeps last month's report of every site not in preparation (background.ts, hourly). */
export async function keepMonthlyReports(ctx: AppContext): Promise<number> {
  const sites = (await siteIds(ctx)).filter((s) => s.status !== 'preparation');
  return keepLastMonthEverywhere(ctx, sites.map((s) => s.id));
}
