import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo } from 'react';
import { ApiError } from '../../../lib/api';
import { noteServerTime } from '../clock';
import type { id as queueTexts } from '../i18n/id';
import { fetchAgencies, fetchCounters, fetchServices, fetchSites, fetchSummary } from '../publicApi';
import type { PublicAgency, PublicCounter, PublicService, QueueSummary } from '../types';
import { deviceMe, type KioskDevice } from './device';

const KIND_ORDER: readonly string[] = ['opd', 'vertikal', 'bumn', 'bumd', 'swasta'] satisfies Array<keyof typeof queueTexts.kind>;
/** The kiosk's sections: the kinds it names, and `other` for any kind a newer server sends. */
export type KindGroup = 'opd' | 'vertikal' | 'bumn' | 'bumd' | 'swasta' | 'other';

export interface AgencyGroup {
  id: string;
  name: string;
  kind: string;
  services: PublicService[];
}

export interface OpenState {
  open: boolean;
  next: string | null;
}

const retryForever = { retry: true, retryDelay: (n: number) => Math.min(30_000, 1_000 * 2 ** n) } as const;

/**
 * What the kiosk shows, kept fresh from the public API with the device token: the site, its
 * services grouped by agency kind, opening states, waiting counts and counters. Retries forever
 * (a kiosk has nobody to press "retry"); a revoked token calls `onRevoked`.
 */
export function useKioskCatalog(device: KioskDevice, onRevoked: () => void) {
  const { siteId, token } = device;
  const me = useQuery({ queryKey: ['kiosk', 'me', token], queryFn: ({ signal }) => deviceMe(token, signal), retry: (n, e) => !(e instanceof ApiError && e.status === 401) && n < 5, staleTime: 5 * 60_000, refetchInterval: 10 * 60_000 });
  useEffect(() => {
    if (me.error instanceof ApiError && me.error.status === 401) onRevoked();
  }, [me.error, onRevoked]);

  const site = useQuery({ queryKey: ['kiosk', 'site', siteId], queryFn: async ({ signal }) => (await fetchSites(signal)).find((s) => s.id === siteId) ?? null, staleTime: 60 * 60_000, ...retryForever });
  const services = useQuery({ queryKey: ['kiosk', 'services', siteId], queryFn: ({ signal }) => fetchServices(siteId, token, signal), staleTime: 5 * 60_000, refetchInterval: 5 * 60_000, ...retryForever });
  const agencies = useQuery({ queryKey: ['kiosk', 'agencies', siteId], queryFn: ({ signal }) => fetchAgencies(siteId, token, signal), refetchInterval: 60_000, ...retryForever });
  const counters = useQuery({ queryKey: ['kiosk', 'counters', siteId], queryFn: ({ signal }) => fetchCounters(siteId, token, signal), refetchInterval: 5 * 60_000, ...retryForever });
  const summary = useQuery({ queryKey: ['kiosk', 'summary', siteId], queryFn: ({ signal }) => fetchSummary(siteId, token, signal).catch(() => null), refetchInterval: 30_000, ...retryForever });

  // While an agency is open the catalogue gives "now" as its next opening: the server's clock.
  useEffect(() => {
    const open = agencies.data?.find((a) => a.openNow && a.nextOpening);
    if (open) noteServerTime(open.nextOpening, agencies.dataUpdatedAt);
  }, [agencies.data, agencies.dataUpdatedAt]);

  const serviceList = useMemo(() => services.data ?? [], [services.data]);
  const serviceById = useMemo(() => new Map(serviceList.map((s) => [s.id, s])), [serviceList]);
  const agencyInfo = useMemo(() => new Map((agencies.data ?? []).map((a) => [a.id, a])), [agencies.data]);
  const summaryById = useMemo(() => new Map((summary.data?.services ?? []).map((s) => [s.serviceId, s])), [summary.data]);
  const countersByService = useMemo(() => {
    const m = new Map<string, PublicCounter[]>();
    for (const c of counters.data ?? []) for (const sid of c.serviceIds) m.set(sid, [...(m.get(sid) ?? []), c]);
    return m;
  }, [counters.data]);

  const openState = useCallback(
    (s: PublicService): OpenState => {
      // The service list carries no open state of its own: a service follows its agency.
      const a: PublicAgency | undefined = agencyInfo.get(s.agency.id);
      if (a) return { open: a.openNow, next: a.nextOpening };
      return { open: true, next: null };
    },
    [agencyInfo],
  );

  const groups = useMemo(() => {
    const byAgency = new Map<string, AgencyGroup>();
    for (const s of serviceList) {
      let g = byAgency.get(s.agency.id);
      if (!g) byAgency.set(s.agency.id, (g = { id: s.agency.id, name: s.agency.name, kind: s.agency.kind, services: [] }));
      g.services.push(s);
    }
    const rank = (k: string) => (KIND_ORDER.includes(k) ? KIND_ORDER.indexOf(k) : KIND_ORDER.length);
    const list = [...byAgency.values()].sort((a, b) => rank(a.kind) - rank(b.kind) || a.name.localeCompare(b.name, 'id'));
    const kinds: Array<{ kind: KindGroup; agencies: AgencyGroup[] }> = [];
    for (const g of list) {
      const k = (KIND_ORDER.includes(g.kind) ? g.kind : 'other') as KindGroup;
      const last = kinds.at(-1);
      if (last && last.kind === k) last.agencies.push(g);
      else kinds.push({ kind: k, agencies: [g] });
    }
    return kinds;
  }, [serviceList]);

  return {
    site: site.data ?? null,
    timeZone: site.data?.timeZone ?? 'Asia/Makassar',
    services,
    serviceList,
    serviceById,
    agencyInfo,
    summary: (summary.data ?? null) as QueueSummary | null,
    summaryById,
    countersByService,
    openState,
    groups,
  };
}

export type KioskCatalog = ReturnType<typeof useKioskCatalog>;
