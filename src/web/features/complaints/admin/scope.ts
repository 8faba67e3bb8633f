import { useMemo } from 'react';
import { roleCan } from '../../../../domain/policy';
import { useCurrentSite } from '../../../app/currentSite';
import { useCurrentUser } from '../../access/api';

/**
 * What the signed-in staff member is for the current site's complaints (the server decides again
 * on every call): the complaint desk (the site's operator), an agency's staff, or a reader.
 */
export function useComplaintsScope() {
  const user = useCurrentUser();
  const { site } = useCurrentSite();
  return useMemo(() => {
    const siteId = site?.id ?? null;
    const here = user.memberships.filter((m) => m.siteId === null || m.siteId === siteId);
    const desk = here.some((m) => m.agencyId === null && roleCan(m.role, 'complaints.desk'));
    const siteWide = here.some((m) => m.agencyId === null && roleCan(m.role, 'complaints.read'));
    const canFile = here.some((m) => roleCan(m.role, 'complaints.file'));
    return { siteId, siteName: site?.name ?? '', desk, siteWide, canFile };
  }, [user.memberships, site]);
}
