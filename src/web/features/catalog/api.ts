import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { PublicAgency, ServiceDetail, ServiceSummary, SiteDetail } from './types';

export interface Site {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
  status?: string;
  regency?: string;
  province?: string;
}

export const SITES_KEY = ['sites'] as const;

export function useSites(enabled = true) {
  return useQuery({
    queryKey: SITES_KEY,
    queryFn: ({ signal }) => api.get<Site[]>('/api/v1/sites', undefined, signal),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/* ------------------------------------------------------------ public catalogue */
// These hooks are used by the public pages only; the entry chunk keeps just useSites (tree-shaken).

export const catalogKeys = {
  site: (ref: string) => ['catalog', 'site', ref] as const,
  agencies: (siteId: string) => ['catalog', 'agencies', siteId] as const,
  services: (siteId: string, q: string, agencyId?: string) => ['catalog', 'services', siteId, q, agencyId ?? ''] as const,
  service: (id: string) => ['catalog', 'service', id] as const,
};

/** One MPP with its contacts, maklumat and whether it is open now; `ref` is its id or slug. */
export function useSiteDetail(ref: string | undefined) {
  return useQuery({
    queryKey: catalogKeys.site(ref ?? ''),
    queryFn: ({ signal }) => api.get<SiteDetail>(`/api/v1/sites/${encodeURIComponent(ref ?? '')}`, undefined, signal),
    enabled: !!ref,
    staleTime: 60_000,
  });
}

/** The site's agencies with openNow / nextOpening computed by the server in the site's zone. */
export function usePublicAgencies(siteId: string | undefined) {
  return useQuery({
    queryKey: catalogKeys.agencies(siteId ?? ''),
    queryFn: ({ signal }) => api.get<PublicAgency[]>(`/api/v1/sites/${siteId}/agencies`, undefined, signal),
    enabled: !!siteId,
    staleTime: 60_000,
  });
}

/**
 * The site's services; `q` searches on the server (tolerant of case, typos, "e-KTP"/"ktp"),
 * `agencyId` narrows to one agency. `enabled: false` waits (e.g. until a list is opened).
 */
export function usePublicServices(siteId: string | undefined, q = '', agencyId?: string, enabled = true) {
  const query = q.trim();
  return useQuery({
    queryKey: catalogKeys.services(siteId ?? '', query, agencyId),
    queryFn: ({ signal }) => api.get<ServiceSummary[]>(`/api/v1/sites/${siteId}/services`, { q: query || undefined, agencyId }, signal),
    enabled: !!siteId && enabled,
    staleTime: 60_000,
    placeholderData: (prev) => prev,
  });
}

/** One service with its published standard, its site and its opening state. */
export function usePublicService(serviceId: string | undefined) {
  return useQuery({
    queryKey: catalogKeys.service(serviceId ?? ''),
    queryFn: ({ signal }) => api.get<ServiceDetail>(`/api/v1/services/${encodeURIComponent(serviceId ?? '')}`, undefined, signal),
    enabled: !!serviceId,
    staleTime: 60_000,
  });
}
