import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { noteServerTime } from '../clock';
import { fetchAgencies, fetchCounters, fetchServices, fetchSites } from '../publicApi';
import type { CounterQueue, CounterState, CounterStats, MyCounters, TicketDetail, TicketView } from '../types';

export const consoleKeys = {
  all: ['queue', 'console'] as const,
  counters: (siteId: string) => ['queue', 'console', 'counters', siteId] as const,
  services: (siteId: string) => ['queue', 'console', 'services', siteId] as const,
  sites: ['queue', 'console', 'sites'] as const,
  queue: (counterId: string) => ['queue', 'console', 'queue', counterId] as const,
  stats: (counterId: string) => ['queue', 'console', 'stats', counterId] as const,
  tickets: ['queue', 'console', 'ticket'] as const,
  ticket: (ticketId: string) => ['queue', 'console', 'ticket', ticketId] as const,
};

export const useSiteList = () => useQuery({ queryKey: consoleKeys.sites, queryFn: ({ signal }) => fetchSites(signal), staleTime: 10 * 60_000 });

export const useCounters = (siteId: string | undefined) =>
  useQuery({ queryKey: consoleKeys.counters(siteId ?? ''), queryFn: ({ signal }) => fetchCounters(siteId!, null, signal), enabled: !!siteId, staleTime: 60_000 });

/** The counters the signed-in officer is assigned to (the console opens theirs). */
export const useMyCounters = (siteId: string | undefined) =>
  useQuery({ queryKey: [...consoleKeys.counters(siteId ?? ''), 'mine'], queryFn: ({ signal }) => api.get<MyCounters>(`/api/v1/sites/${siteId}/counters/mine`, undefined, signal), enabled: !!siteId, staleTime: 60_000 });

/** Agency names for the counter picker (public catalogue). */
export const useAgencyNames = (siteId: string | undefined) =>
  useQuery({ queryKey: ['queue', 'console', 'agencies', siteId ?? ''], queryFn: ({ signal }) => fetchAgencies(siteId!, null, signal), enabled: !!siteId, staleTime: 10 * 60_000 });

export const useServices = (siteId: string | undefined) =>
  useQuery({ queryKey: consoleKeys.services(siteId ?? ''), queryFn: ({ signal }) => fetchServices(siteId!, null, signal), enabled: !!siteId, staleTime: 5 * 60_000 });

export const useCounterQueue = (counterId: string) =>
  useQuery({
    queryKey: consoleKeys.queue(counterId),
    queryFn: ({ signal }) => api.get<CounterQueue>(`/api/v1/counters/${counterId}/queue`, undefined, signal),
    // The stream triggers refreshes; this is only the safety net.
    refetchInterval: 30_000,
    staleTime: 2_000,
  });

export const useCounterStats = (counterId: string) =>
  useQuery({
    queryKey: consoleKeys.stats(counterId),
    queryFn: ({ signal }) => api.get<CounterStats>(`/api/v1/counters/${counterId}/stats/today`, undefined, signal),
    refetchInterval: 60_000,
    staleTime: 5_000,
  });

export const useTicketDetail = (ticketId: string | undefined) =>
  useQuery({
    queryKey: consoleKeys.ticket(ticketId ?? ''),
    queryFn: ({ signal }) => api.get<TicketDetail>(`/api/v1/tickets/${ticketId}`, undefined, signal),
    enabled: !!ticketId,
    staleTime: 10_000,
  });

export type Action =
  | { kind: 'call-next' }
  | { kind: 'recall' | 'start' | 'no-show' | 'park' | 'resume'; ticketId: string }
  | { kind: 'finish'; ticketId: string; outcome: 'done' | 'follow_up' }
  | { kind: 'transfer'; ticketId: string; serviceId: string }
  | { kind: 'pause' | 'open' };

export type ActionResult = { kind: 'ticket'; ticket: TicketView | null } | { kind: 'counter'; counter: CounterState };

async function run(counterId: string, a: Action): Promise<ActionResult> {
  switch (a.kind) {
    case 'call-next': {
      const r = await api.post<{ ticket: TicketView } | undefined>(`/api/v1/counters/${counterId}/call-next`);
      if (r?.ticket.calledAt) noteServerTime(r.ticket.calledAt);
      return { kind: 'ticket', ticket: r?.ticket ?? null };
    }
    case 'pause':
    case 'open':
      return { kind: 'counter', counter: await api.post<CounterState>(`/api/v1/counters/${counterId}/${a.kind}`) };
    case 'finish':
      return { kind: 'ticket', ticket: (await api.post<{ ticket: TicketView }>(`/api/v1/tickets/${a.ticketId}/finish`, { outcome: a.outcome })).ticket };
    case 'transfer':
      return { kind: 'ticket', ticket: (await api.post<{ ticket: TicketView }>(`/api/v1/tickets/${a.ticketId}/transfer`, { serviceId: a.serviceId })).ticket };
    default:
      return { kind: 'ticket', ticket: (await api.post<{ ticket: TicketView }>(`/api/v1/tickets/${a.ticketId}/${a.kind}`)).ticket };
  }
}

/** Every console action; errors are toasted by the shared mutation cache (server messages are specific). */
export function useCounterAction(counterId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: Action) => run(counterId, a),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: consoleKeys.queue(counterId) });
      void qc.invalidateQueries({ queryKey: consoleKeys.stats(counterId) });
      void qc.invalidateQueries({ queryKey: consoleKeys.tickets });
    },
  });
}
