import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useSites } from '../features/catalog/api';
import type { User } from '../features/access/types';

export interface SiteOption {
  id: string;
  name: string;
}

interface CurrentSite {
  /** The MPP site the staff member is working in; null when they have none. */
  site: SiteOption | null;
  /** Sites this user may switch between. */
  options: SiteOption[];
  setSiteId: (id: string) => void;
  loading: boolean;
}

const STORAGE_KEY = 'loket.site';
const Ctx = createContext<CurrentSite | null>(null);

function read(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/**
 * The staff member's current site: one of their memberships' sites, or any site for a
 * platform-wide membership (siteId null). Remembered across visits.
 */
export function CurrentSiteProvider({ user, children }: { user: User; children: ReactNode }) {
  const platformWide = user.memberships.some((m) => m.siteId === null);
  const sites = useSites(platformWide);
  const options = useMemo<SiteOption[]>(() => {
    if (platformWide) return (sites.data ?? []).map((s) => ({ id: s.id, name: s.name }));
    const seen = new Map<string, SiteOption>();
    for (const m of user.memberships) {
      if (m.siteId && !seen.has(m.siteId)) seen.set(m.siteId, { id: m.siteId, name: m.siteName ?? m.siteId });
    }
    return [...seen.values()];
  }, [platformWide, sites.data, user.memberships]);

  const [chosen, setChosen] = useState<string | null>(read);
  const site = options.find((o) => o.id === chosen) ?? options[0] ?? null;

  useEffect(() => {
    if (site && site.id !== chosen) setChosen(site.id);
  }, [site, chosen]);

  const value = useMemo<CurrentSite>(
    () => ({
      site,
      options,
      loading: platformWide && sites.isPending,
      setSiteId: (id) => {
        setChosen(id);
        try {
          localStorage.setItem(STORAGE_KEY, id);
        } catch {
          // Not remembered in private mode.
        }
      },
    }),
    [site, options, platformWide, sites.isPending],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

/** The current site inside the staff area (for queue, booking, catalogue pages). */
export function useCurrentSite(): CurrentSite {
  const v = useContext(Ctx);
  if (!v) throw new Error('useCurrentSite outside the staff layout');
  return v;
}

/** The current site's id, in pages shown only once there is one (the admin pages check first). */
export function useSiteId(): string {
  const { site } = useCurrentSite();
  if (!site) throw new Error('useSiteId without a current site');
  return site.id;
}
