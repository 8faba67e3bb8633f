/**
 * Public and device reads shared by the kiosk and the display (no staff code, no session needed).
 * A kiosk passes its device token; public endpoints simply ignore it.
 */
import { api, ApiError, request } from '../../lib/api';
import type { PublicAgency, PublicCounter, PublicService, QueueSummary, Site, SiteDetail } from './types';

export const bearer = (token?: string | null): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});

const get = <T>(path: string, token?: string | null, signal?: AbortSignal) => request<T>(path, { headers: bearer(token), signal });

export const fetchSites = (signal?: AbortSignal) => api.get<Site[]>('/api/v1/sites', undefined, signal);

/** A site by id or slug (the display's address may hold either). */
export async function findSite(ref: string, signal?: AbortSignal): Promise<Site | null> {
  const sites = await fetchSites(signal);
  const r = ref.trim().toLowerCase();
  return sites.find((s) => s.id.toLowerCase() === r || s.slug.toLowerCase() === r) ?? null;
}

/** Optional reads: a catalogue endpoint that is not there (yet) is no reason to fail the page. */
async function optional<T>(p: Promise<T>): Promise<T | null> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 405 || e.status === 501)) return null;
    throw e;
  }
}

export const fetchSiteDetail = (siteId: string, token?: string | null, signal?: AbortSignal) => optional(get<SiteDetail>(`/api/v1/sites/${siteId}`, token, signal));
export const fetchServices = (siteId: string, token?: string | null, signal?: AbortSignal) => get<PublicService[]>(`/api/v1/sites/${siteId}/services`, token, signal);
/** The catalogue's agencies with their open state. */
export const fetchAgencies = (siteId: string, token?: string | null, signal?: AbortSignal) => optional(get<PublicAgency[]>(`/api/v1/sites/${siteId}/agencies`, token, signal));
export const fetchCounters = (siteId: string, token?: string | null, signal?: AbortSignal) => get<PublicCounter[]>(`/api/v1/sites/${siteId}/counters`, token, signal);
export const fetchSummary = (siteId: string, token?: string | null, signal?: AbortSignal) => get<QueueSummary>(`/api/v1/sites/${siteId}/queue/summary`, token, signal);
