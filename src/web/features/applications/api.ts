import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, CSRF_COOKIE, CSRF_HEADER, errorFromResponse, readCookie, request } from '../../lib/api';
import type {
  ApplicationDetail, ApplicationList, ListQuery, PickupBody, PickupResponse, PublicApplication, RegisterBody, Settings, SettingsBody, Summary, TransitionBody,
} from './types';

const enc = encodeURIComponent;
/** Every path of the applications API (DESIGN §7 and its additions). */
export const P = {
  register: (siteId: string) => `/api/v1/sites/${enc(siteId)}/applications`,
  list: (siteId: string) => `/api/v1/sites/${enc(siteId)}/applications`,
  summary: (siteId: string) => `/api/v1/sites/${enc(siteId)}/applications/summary`,
  export: (siteId: string) => `/api/v1/sites/${enc(siteId)}/applications/export`,
  pickup: (siteId: string) => `/api/v1/sites/${enc(siteId)}/applications/pickup`,
  one: (id: string) => `/api/v1/applications/${enc(id)}`,
  transition: (id: string) => `/api/v1/applications/${enc(id)}/transition`,
  byCode: (code: string) => `/api/v1/applications/by-code/${enc(code)}`,
  settings: (agencyId: string) => `/api/v1/agencies/${enc(agencyId)}/application-settings`,
};

/** The public page of a tracking code: what the server puts in its messages (trackingPath). */
export const trackingPathOf = (code: string) => `/lacak/${enc(code)}`;

export const applicationKeys = {
  all: ['applications'] as const,
  list: (siteId: string, q: ListQuery) => ['applications', 'list', siteId, q] as const,
  one: (id: string) => ['applications', 'one', id] as const,
  byCode: (code: string) => ['applications', 'code', code] as const,
  settings: (agencyId: string) => ['applications', 'settings', agencyId] as const,
  summary: (siteId: string) => ['applications', 'summary', siteId] as const,
};

// ---------- public ----------

export function usePublicApplication(code: string | undefined) {
  return useQuery({
    queryKey: applicationKeys.byCode(code ?? ''),
    queryFn: ({ signal }) => api.get<PublicApplication>(P.byCode(code!), undefined, signal),
    enabled: !!code,
    retry: (n, err) => !(err instanceof ApiError && err.status < 500) && n < 2,
    refetchInterval: 60_000,
  });
}

/** The kiosk's "Ambil dokumen": a pickup ticket for a ready application, with the device token. */
export const pickupAtKiosk = (device: { siteId: string; token: string }, body: PickupBody) =>
  request<PickupResponse>(P.pickup(device.siteId), { method: 'POST', body, headers: { authorization: `Bearer ${device.token}` } });

// ---------- staff ----------

export function useApplications(siteId: string | undefined, q: ListQuery) {
  return useQuery({
    queryKey: applicationKeys.list(siteId ?? '', q),
    queryFn: ({ signal }) => api.get<ApplicationList>(P.list(siteId!), q as Record<string, string | number | undefined>, signal),
    enabled: !!siteId,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

export function useApplicationsSummary(siteId: string | undefined) {
  return useQuery({
    queryKey: applicationKeys.summary(siteId ?? ''),
    queryFn: ({ signal }) => api.get<Summary>(P.summary(siteId!), undefined, signal),
    enabled: !!siteId,
    staleTime: 30_000,
  });
}

export function useApplication(id: string | undefined) {
  return useQuery({ queryKey: applicationKeys.one(id ?? ''), queryFn: ({ signal }) => api.get<ApplicationDetail>(P.one(id!), undefined, signal), enabled: !!id });
}

export function useRegisterApplication(siteId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RegisterBody) => api.post<ApplicationDetail>(P.register(siteId), body),
    meta: { inlineErrors: true },
    onSuccess: () => qc.invalidateQueries({ queryKey: applicationKeys.all }),
  });
}

export function useTransition(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TransitionBody) => api.post<ApplicationDetail>(P.transition(id), body),
    meta: { inlineErrors: true },
    onSuccess: (saved) => {
      qc.setQueryData(applicationKeys.one(id), saved);
      return qc.invalidateQueries({ queryKey: applicationKeys.all });
    },
  });
}

export function useApplicationSettings(agencyId: string | undefined) {
  return useQuery({ queryKey: applicationKeys.settings(agencyId ?? ''), queryFn: ({ signal }) => api.get<Settings>(P.settings(agencyId!), undefined, signal), enabled: !!agencyId });
}

export function useSaveApplicationSettings(agencyId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SettingsBody) => api.put<Settings>(P.settings(agencyId), body),
    meta: { inlineErrors: true },
    onSuccess: (saved) => qc.setQueryData(applicationKeys.settings(agencyId), saved),
  });
}

export interface ExportQuery {
  format: 'csv' | 'xlsx';
  from?: string;
  to?: string;
  agencyId?: string;
  status?: string;
}

/** Downloads the export (the browser saves the file under the server's name). */
export async function downloadExport(siteId: string, q: ExportQuery): Promise<void> {
  const headers: Record<string, string> = {};
  const csrf = readCookie(CSRF_COOKIE);
  if (csrf) headers[CSRF_HEADER] = csrf;
  const qs = new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => !!e[1]));
  let res: Response;
  try {
    res = await fetch(`${P.export(siteId)}?${qs}`, { credentials: 'same-origin', headers });
  } catch (e) {
    throw new ApiError({ status: 0, code: 'network', title: 'Network error', detail: (e as Error)?.message });
  }
  if (!res.ok) throw await errorFromResponse(res);
  const blob = await res.blob();
  const name = /filename="?([^";]+)"?/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `permohonan.${q.format}`;
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
