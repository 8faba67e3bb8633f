/**
 * The public transparency page of an MPP (the "published results" the regulation and PEKPPP
 * expect): last month's visitors, the mean wait per agency, the IKM, complaints received and
 * followed up. Figures only, nothing personal; the IKM keeps its minimum group size.
 */
import { DateTime } from 'luxon';
import { localDate } from '../../../domain/opening-hours';
import type { AppContext } from '../../platform/context';
import { fieldError } from '../../platform/errors';
import { cachedCatalog } from '../catalog/catalog.lookup';
import { complaintTotals } from '../complaints/complaints.lookup';
import { monthRange } from './monthly.service';
import { summaryOf } from './summary.service';

export async function transparencyOf(ctx: AppContext, siteId: string, q: { month?: string }) {
  const site = await cachedCatalog.getSite(ctx, siteId);
  const today = localDate(ctx.clock.now(), site.timeZone);
  const month = q.month ?? DateTime.fromISO(today).minus({ months: 1 }).toFormat('yyyy-MM');
  // Published results are of months that are over.
  if (monthRange(month).to >= today) throw fieldError('querystring.month', 'not_over', { id: 'Bulan ini belum selesai.', en: 'This month is not over yet.' });
  const range = monthRange(month);
  const s = await summaryOf(ctx, { site: { id: site.id, name: site.name, timeZone: site.timeZone, slug: site.slug }, ...range, agency: null, service: null, counter: null, officer: null });
  const complaints = await complaintTotals(ctx, site.id, range.from, range.to);
  return {
    site: { id: site.id, name: site.name },
    month,
    visitors: s.visitors,
    agencies: s.byAgency.map((a) => ({ agencyId: a.agencyId, name: a.name, visitors: a.visitors, waitMinutesMean: a.waitMinutes.mean })).sort((a, b) => a.name.localeCompare(b.name, 'id')),
    ikm: s.ikm,
    ikmGrade: s.ikmGrade,
    complaints: { received: complaints.received, followedUp: complaints.followedUp },
  };
}
