import { useMemo } from 'react';
import { roleCan } from '../../../../domain/policy';
import { useCurrentSite } from '../../../app/currentSite';
import { useCurrentUser } from '../../access/api';

/** What the signed-in user may do in the current site's catalogue (the server checks again). */
export interface CatalogScope {
  siteId: string | null;
  siteName: string;
  /** Manages the whole site (site_admin of it, platform_admin): every agency, counters, import, settings. */
  siteWide: boolean;
  /** agency_admin: the agencies they manage (empty when siteWide). */
  agencyIds: string[];
}

/** The memberships covering the current site, read through the role → action table (src/domain/policy.ts). */
export function useCatalogScope(): CatalogScope {
  const user = useCurrentUser();
  const { site } = useCurrentSite();
  return useMemo(() => {
    const siteId = site?.id ?? null;
    const here = user.memberships.filter((m) => m.siteId === null || m.siteId === siteId);
    const siteWide = here.some((m) => m.agencyId === null && roleCan(m.role, 'site.manage'));
    const agencyIds = siteWide ? [] : [...new Set(here.filter((m) => m.agencyId && roleCan(m.role, 'catalog.manage')).map((m) => m.agencyId as string))];
    return { siteId, siteName: site?.name ?? '', siteWide, agencyIds };
  }, [user.memberships, site]);
}
