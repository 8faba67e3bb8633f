import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, buildUrl, CSRF_COOKIE, CSRF_HEADER, errorFromResponse, readCookie, type QueryValue } from '../../lib/api';
import type { ArchiveItem, Monthly, Notes, NotesBody, ReportSettings, SettingsBody, Summary, SummaryQuery, Transparency } from './types';

const enc = encodeURIComponent;
const site = (siteId: string) => `/api/v1/sites/${enc(siteId)}`;
/** Every path of the reports API (DESIGN §7 "Reports"). */
export const P = {
  summary: (siteId: string) => `${site(siteId)}/reports/summary`,
  summaryExport: (siteId: string) => `${site(siteId)}/reports/summary/export`,
  monthly: (siteId: string) => `${site(siteId)}/reports/monthly`,
  notes: (siteId: string, month: string) => `${site(siteId)}/reports/monthly/${enc(month)}/notes`,
  archive: (siteId: string) => `${site(siteId)}/reports/archive`,
  kept: (siteId: string, month: string) => `${site(siteId)}/reports/archive/${enc(month)}`,
  settings: (siteId: string) => `${site(siteId)}/reports/settings`,
  transparency: (siteId: string) => `${site(siteId)}/transparency`,
  counters: (siteId: string) => `${site(siteId)}/counters`,
};

export const reportKeys = {
  all: ['reports'] as const,
  summary: (siteId: string, q: SummaryQuery) => ['reports', 'summary', siteId, q] as const,
  monthly: (siteId: string, month: string, agencyId: string) => ['reports', 'monthly', siteId, month, agencyId] as const,
  notes: (siteId: string, month: string) => ['reports', 'notes', siteId, month] as const,
  archive: (siteId: string) => ['reports', 'archive', siteId] as const,
  settings: (siteId: string) => ['reports', 'settings', siteId] as const,
  transparency: (siteId: string, month: string) => ['reports', 'transparency', siteId, month] as const,
};

const summaryParams = (q: SummaryQuery): Record<string, QueryValue> => ({ from: q.from, to: q.to, agencyId: q.agencyId, serviceId: q.serviceId, counterId: q.counterId, officerId: q.officerId });

/** The figures of a scope and period; the previous figures stay on screen while the next load. */
export function useSummary(siteId: string | undefined, q: SummaryQuery, enabled = true) {
  return useQuery({
    queryKey: reportKeys.summary(siteId ?? '', q),
    queryFn: ({ signal }) => api.get<Summary>(P.summary(siteId!), summaryParams(q), signal),
    enabled: !!siteId && enabled,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export function useMonthly(siteId: string | undefined, month: string, agencyId = '') {
  return useQuery({
    queryKey: reportKeys.monthly(siteId ?? '', month, agencyId),
    queryFn: ({ signal }) => api.get<Monthly>(P.monthly(siteId!), { month, format: 'json', agencyId: agencyId || undefined }, signal),
    enabled: !!siteId && !!month,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export function useNotes(siteId: string | undefined, month: string) {
  return useQuery({ queryKey: reportKeys.notes(siteId ?? '', month), queryFn: ({ signal }) => api.get<Notes>(P.notes(siteId!, month), undefined, signal), enabled: !!siteId && !!month });
}

/** Saving the notes refreshes the month's preview (the report prints them) and the archive. */
export function useSaveNotes(siteId: string, month: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NotesBody) => api.put<Notes>(P.notes(siteId, month), body),
    meta: { inlineErrors: true },
    onSuccess: () => qc.invalidateQueries({ queryKey: reportKeys.all }),
  });
}

export function useArchive(siteId: string | undefined) {
  return useQuery({ queryKey: reportKeys.archive(siteId ?? ''), queryFn: ({ signal }) => api.get<ArchiveItem[]>(P.archive(siteId!), undefined, signal), enabled: !!siteId });
}

/** Keeps the month's report as it stands now (replacing a kept one); the month must be over. */
export function useKeepMonthly(siteId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (month: string) => api.post<ArchiveItem>(P.kept(siteId, month)),
    onSuccess: () => qc.invalidateQueries({ queryKey: reportKeys.archive(siteId) }),
  });
}

export function useReportSettings(siteId: string | undefined) {
  return useQuery({ queryKey: reportKeys.settings(siteId ?? ''), queryFn: ({ signal }) => api.get<ReportSettings>(P.settings(siteId!), undefined, signal), enabled: !!siteId });
}

/** New settings change every figure measured against the target and the monthly layout. */
export function useSaveReportSettings(siteId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SettingsBody) => api.put<ReportSettings>(P.settings(siteId), body),
    meta: { inlineErrors: true },
    onSuccess: () => qc.invalidateQueries({ queryKey: reportKeys.all }),
  });
}

/** The public figures of a month (no login). */
export function useTransparency(siteId: string | undefined, month: string) {
  return useQuery({
    queryKey: reportKeys.transparency(siteId ?? '', month),
    queryFn: ({ signal }) => api.get<Transparency>(P.transparency(siteId!), { month }, signal),
    enabled: !!siteId && !!month,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** The site's counters (public, DESIGN §6), for the scope picker. */
export function useCounters(siteId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['reports', 'counters', siteId ?? ''],
    queryFn: ({ signal }) => api.get<Array<{ id: string; name: string; number: number; agencyId: string }>>(P.counters(siteId!), undefined, signal),
    enabled: !!siteId && enabled,
    staleTime: 60_000,
  });
}

/** Saves a file the server makes (the browser keeps it under the server's name, else `fallback`). */
async function download(path: string, query: Record<string, QueryValue>, fallback: string): Promise<void> {
  const headers: Record<string, string> = {};
  const csrf = readCookie(CSRF_COOKIE);
  if (csrf) headers[CSRF_HEADER] = csrf;
  let res: Response;
  try {
    res = await fetch(buildUrl(path, query), { credentials: 'same-origin', headers });
  } catch (e) {
    throw new ApiError({ status: 0, code: 'network', title: 'Network error', detail: (e as Error)?.message });
  }
  if (!res.ok) throw await errorFromResponse(res);
  saveBlob(await res.blob(), /filename="?([^";]+)"?/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallback);
}

/** Hands a file to the browser's downloads. */
export function saveBlob(blob: Blob, name: string): void {
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

export const downloadSummary = (siteId: string, q: SummaryQuery, format: 'csv' | 'xlsx') =>
  download(P.summaryExport(siteId), { ...summaryParams(q), format }, `laporan-${q.from}-${q.to}.${format}`);

export const downloadMonthly = (siteId: string, month: string, format: 'csv' | 'xlsx' | 'pdf', agencyId?: string) =>
  download(P.monthly(siteId), { month, format, agencyId: agencyId || undefined }, `laporan-bulanan-${month}.${format}`);

/** A kept monthly report as it was generated (not as the figures read today). */
export const downloadKept = (siteId: string, month: string, format: 'csv' | 'xlsx' | 'pdf') => download(P.kept(siteId, month), { format }, `laporan-bulanan-${month}.${format}`);
