import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

export interface Site {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
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
