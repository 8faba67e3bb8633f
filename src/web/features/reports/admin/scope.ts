import { useMemo } from 'react';
import { roleCan } from '../../../../domain/policy';
import { useCurrentSite } from '../../../app/currentSite';
import { useCurrentUser } from '../../access/api';
import { dateInZone } from '../../../lib/format';
import { useSiteDetail } from '../../catalog/api';

/**
 * What the signed-in user may see of the current site's reports (the server checks again):
 * the whole MPP, some agencies, or only their own figures; and whether they keep the monthly
 * report's notes and the settings (the site's managers).
 */
export function useReportsScope() {
  const user = useCurrentUser();
  const { site } = useCurrentSite();
  // The server's today in the site's zone (its clock, not the browser's, decides "this month").
  const detail = useSiteDetail(site?.id);
  return useMemo(() => {
    const siteId = site?.id ?? null;
    const here = user.memberships.filter((m) => m.siteId === null || m.siteId === siteId);
    const siteWide = here.some((m) => m.agencyId === null && roleCan(m.role, 'reports.read'));
    const agencyIds = [...new Set(here.filter((m) => m.agencyId && roleCan(m.role, 'reports.read')).map((m) => m.agencyId as string))];
    const ownOnly = !siteWide && agencyIds.length === 0 && here.some((m) => roleCan(m.role, 'reports.own'));
    const manager = here.some((m) => m.agencyId === null && roleCan(m.role, 'site.manage'));
    const d = detail.data?.id === siteId ? detail.data : undefined;
    const timeZone = d?.timeZone ?? 'Asia/Jakarta';
    const today = d?.today?.date ?? dateInZone(new Date(), timeZone);
    return { siteId, siteName: site?.name ?? '', slug: d?.slug ?? null, timeZone, today, ready: !!d, userId: user.id, siteWide, agencyIds, ownOnly, manager };
  }, [user, site, detail.data]);
}
export type ReportsScope = ReturnType<typeof useReportsScope>;
