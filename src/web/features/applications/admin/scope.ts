import { useMemo } from 'react';
import { roleCan } from '../../../../domain/policy';
import { useCurrentSite } from '../../../app/currentSite';
import { useCurrentUser } from '../../access/api';

/** What the signed-in user may see and do of the current site's applications (the server checks again). */
export function useApplicationsScope() {
  const user = useCurrentUser();
  const { site } = useCurrentSite();
  return useMemo(() => {
    const siteId = site?.id ?? null;
    const here = user.memberships.filter((m) => m.siteId === null || m.siteId === siteId);
    const siteWide = here.some((m) => m.agencyId === null && roleCan(m.role, 'applications.read'));
    const readable = [...new Set(here.filter((m) => m.agencyId && roleCan(m.role, 'applications.read')).map((m) => m.agencyId as string))];
    const siteSettings = here.some((m) => m.agencyId === null && roleCan(m.role, 'catalog.manage'));
    const settingsAgencies = [...new Set(here.filter((m) => m.agencyId && roleCan(m.role, 'catalog.manage')).map((m) => m.agencyId as string))];
    const manages = (agencyId: string) => here.some((m) => (m.agencyId === null || m.agencyId === agencyId) && roleCan(m.role, 'applications.manage'));
    return { siteId, siteName: site?.name ?? '', siteWide, readable, siteSettings, settingsAgencies, mayConfigure: siteSettings || settingsAgencies.length > 0, manages };
  }, [user.memberships, site]);
}
