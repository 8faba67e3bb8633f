import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, CSRF_COOKIE, CSRF_HEADER, errorFromResponse, readCookie } from '../../lib/api';
import { dateInZone } from '../../lib/format';
import type { Booking, BookableService, BookRequest, CalendarDay, DayBooking, DayChange, DayChangeResult, DayOverview, PublicSite, Slot } from './types';

export const bookingKeys = {
  all: ['booking'] as const,
  services: (siteId: string) => ['booking', 'services', siteId] as const,
  siteToday: (siteId: string) => ['booking', 'site-today', siteId] as const,
  slotsOf: (siteId: string, serviceId: string) => ['booking', 'slots', siteId, serviceId] as const,
  slots: (siteId: string, serviceId: string, date: string) => ['booking', 'slots', siteId, serviceId, date] as const,
  calendar: (siteId: string, serviceId: string, from: string, to: string) => ['booking', 'calendar', siteId, serviceId, from, to] as const,
  day: (siteId: string, date: string, serviceId: string) => ['booking', 'day', siteId, date, serviceId] as const,
  overview: (siteId: string, date: string) => ['booking', 'overview', siteId, date] as const,
};

const enc = encodeURIComponent;

/** The bookable services of a site (the public catalogue, DESIGN §6). */
export function useBookableServices(siteId: string | undefined) {
  return useQuery({
    queryKey: bookingKeys.services(siteId ?? ''),
    queryFn: async ({ signal }) => {
      const list = await api.get<BookableService[]>(`/api/v1/sites/${enc(siteId!)}/services`, { bookable: 'true' }, signal);
      return list.filter((s) => s.bookable);
    },
    enabled: !!siteId,
    staleTime: 5 * 60_000,
  });
}

/**
 * "Today" in the site's zone as the server sees it (the site detail's `today.date`, which follows
 * the server clock, e.g. a demo clock), else the browser's clock read in the site's zone.
 */
export function useSiteToday(site: Pick<PublicSite, 'id' | 'timeZone'> | undefined): { today: string | undefined; ready: boolean } {
  const q = useQuery({
    queryKey: bookingKeys.siteToday(site?.id ?? ''),
    queryFn: async ({ signal }) => {
      try {
        const detail = await api.get<{ today?: { date?: string } }>(`/api/v1/sites/${enc(site!.id)}`, undefined, signal);
        return detail?.today?.date ?? null;
      } catch (e) {
        if (e instanceof ApiError && e.status >= 400 && e.status < 500) return null;
        throw e;
      }
    },
    enabled: !!site,
    staleTime: 10 * 60_000,
    retry: 1,
  });
  if (!site) return { today: undefined, ready: false };
  if (q.isPending) return { today: undefined, ready: false };
  return { today: q.data ?? dateInZone(new Date(), site.timeZone), ready: true };
}

const slotsQuery = (siteId: string, serviceId: string, date: string) => ({
  queryKey: bookingKeys.slots(siteId, serviceId, date),
  queryFn: ({ signal }: { signal: AbortSignal }) => api.get<Slot[]>(`/api/v1/sites/${enc(siteId)}/services/${enc(serviceId)}/slots`, { date }, signal),
  staleTime: 20_000,
});

/** Slots of one day (seats left), refreshed while the page is open. */
export function useSlots(siteId: string | undefined, serviceId: string | undefined, date: string | undefined) {
  return useQuery({
    ...slotsQuery(siteId ?? '', serviceId ?? '', date ?? ''),
    enabled: !!siteId && !!serviceId && !!date,
    refetchInterval: 60_000,
    placeholderData: keepPreviousData,
  });
}

/** Slots of several days at once, for the date strip (closed / full / seats left per day). */
export function useDaysSlots(siteId: string | undefined, serviceId: string | undefined, dates: string[]) {
  return useQueries({
    queries: dates.map((date) => ({ ...slotsQuery(siteId ?? '', serviceId ?? '', date), enabled: !!siteId && !!serviceId })),
  });
}

export function useBook(siteId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BookRequest) => api.post<Booking>(`/api/v1/sites/${enc(siteId)}/bookings`, body),
    onSettled: (_d, _e, body) => qc.invalidateQueries({ queryKey: bookingKeys.slotsOf(siteId, body.serviceId) }),
    meta: { inlineErrors: true },
  });
}

/** Lookup by code + NIK: the NIK travels in the body, never in the URL. */
export function useLookup() {
  return useMutation({
    mutationFn: ({ code, nik }: { code: string; nik: string }) => api.post<Booking>(`/api/v1/bookings/${enc(code)}/lookup`, { nik }),
    meta: { inlineErrors: true },
  });
}

export function useCancelBooking() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ siteId, code, nik }: { siteId: string; code: string; nik: string; serviceId: string }) =>
      api.post<{ code: string; status: string }>(`/api/v1/sites/${enc(siteId)}/bookings/${enc(code)}/cancel`, { nik }),
    onSuccess: (_d, v) => qc.invalidateQueries({ queryKey: bookingKeys.slotsOf(v.siteId, v.serviceId) }),
    meta: { inlineErrors: true },
  });
}

export function useReschedule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ siteId, code, nik, start }: { siteId: string; code: string; nik: string; start: string; serviceId: string }) =>
      api.post<Booking>(`/api/v1/sites/${enc(siteId)}/bookings/${enc(code)}/reschedule`, { nik, start }),
    onSettled: (_d, _e, v) => qc.invalidateQueries({ queryKey: bookingKeys.slotsOf(v.siteId, v.serviceId) }),
    meta: { inlineErrors: true },
  });
}

// ---------- operator ----------

export function useBookingCalendar(siteId: string | undefined, serviceId: string | undefined, from: string, to: string) {
  return useQuery({
    queryKey: bookingKeys.calendar(siteId ?? '', serviceId ?? '', from, to),
    queryFn: ({ signal }) => api.get<CalendarDay[]>(`/api/v1/sites/${enc(siteId!)}/bookings/calendar`, { serviceId, from, to }, signal),
    enabled: !!siteId && !!serviceId,
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
}

/** One day across every bookable service the staff member manages (quota, seats left, by status). */
export function useDayOverview(siteId: string | undefined, date: string | undefined) {
  return useQuery({
    queryKey: bookingKeys.overview(siteId ?? '', date ?? ''),
    queryFn: ({ signal }) => api.get<DayOverview>(`/api/v1/sites/${enc(siteId!)}/bookings/overview`, { date }, signal),
    enabled: !!siteId && !!date,
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
}

export function useDayBookings(siteId: string | undefined, date: string | undefined, serviceId: string | undefined) {
  return useQuery({
    queryKey: bookingKeys.day(siteId ?? '', date ?? '', serviceId ?? ''),
    queryFn: ({ signal }) => api.get<DayBooking[]>(`/api/v1/sites/${enc(siteId!)}/bookings`, { date, serviceId }, signal),
    enabled: !!siteId && !!date && !!serviceId,
    refetchInterval: 60_000,
  });
}

export function useSetDay(siteId: string, serviceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DayChange) => api.put<DayChangeResult>(`/api/v1/sites/${enc(siteId)}/services/${enc(serviceId)}/booking-days`, body),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: ['booking', 'calendar', siteId, serviceId] }),
        qc.invalidateQueries({ queryKey: ['booking', 'day', siteId] }),
        qc.invalidateQueries({ queryKey: bookingKeys.slotsOf(siteId, serviceId) }),
      ]),
  });
}

/**
 * Downloads the day's export through fetch (same-origin session cookie; the CSRF header is sent
 * too, harmless on a GET) and hands the file to the browser as a blob.
 */
export async function downloadExport(siteId: string, date: string, format: 'csv' | 'xlsx'): Promise<void> {
  const headers: Record<string, string> = {};
  const csrf = readCookie(CSRF_COOKIE);
  if (csrf) headers[CSRF_HEADER] = csrf;
  let res: Response;
  try {
    res = await fetch(`/api/v1/sites/${enc(siteId)}/bookings/export?date=${enc(date)}&format=${format}`, { credentials: 'same-origin', headers });
  } catch (e) {
    throw new ApiError({ status: 0, code: 'network', title: 'Network error', detail: (e as Error)?.message });
  }
  if (!res.ok) throw await errorFromResponse(res);
  const blob = await res.blob();
  const disposition = res.headers.get('content-disposition') ?? '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? `booking-${date}.${format}`;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
