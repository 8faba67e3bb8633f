import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryValue } from '../../lib/api';

/** One page of a staff list, as every admin list endpoint answers. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ListFilter {
  q?: string;
  page: number;
  pageSize: number;
  status?: 'all' | 'active' | 'inactive';
  [k: string]: QueryValue;
}

/** Query keys of a site's admin lists: one prefix per site, so one write refreshes them all. */
export const adminKeys = {
  all: (siteId: string) => ['site-admin', siteId] as const,
  list: (siteId: string, what: string, filter?: object) => ['site-admin', siteId, what, filter ?? {}] as const,
  one: (siteId: string, what: string, id: string) => ['site-admin', siteId, what, 'one', id] as const,
};

/**
 * After a write: the site's admin lists (a new officer shows in the counters' picker, a renamed
 * agency in the staff list) and every public catalogue cache are stale.
 */
export function useInvalidateSite(siteId: string) {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: adminKeys.all(siteId) }), qc.invalidateQueries({ queryKey: ['catalog'] })]);
}

/** One page of a site's list at `path(siteId)`; the previous page stays on screen while the next loads. */
export function usePage<T>(siteId: string | undefined, what: string, path: (siteId: string) => string, filter: ListFilter, enabled = true) {
  return useQuery({
    queryKey: adminKeys.list(siteId ?? '', what, filter),
    queryFn: ({ signal }) => api.get<Page<T>>(path(siteId as string), filter, signal),
    enabled: !!siteId && enabled,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}
