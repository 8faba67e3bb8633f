/**
 * The province view's API (platform admins; auditors read). Every path lives in `P`. A change
 * answers with the whole record, which replaces the cached one; the province list is refetched.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, buildUrl, CSRF_COOKIE, CSRF_HEADER, errorFromResponse, readCookie } from '../../lib/api';
import type { MppDocumentKind, MppRecord, PlanRequest, ProvinceSummary, RegionMpp, SiteRequest, StageRequest } from './types';

const V1 = '/api/v1';
const e = encodeURIComponent;
export const P = {
  provinces: () => `${V1}/regions`,
  province: (code: string) => `${V1}/regions/${e(code)}/mpp`,
  export: (code: string, format: 'xlsx' | 'pdf') => buildUrl(`${V1}/regions/${e(code)}/mpp/export`, { format }),
  record: (regency: string) => `${V1}/regions/${e(regency)}/mpp/record`,
  stage: (regency: string) => `${V1}/regions/${e(regency)}/mpp/stage`,
  plan: (regency: string) => `${V1}/regions/${e(regency)}/mpp/plan`,
  checklist: (regency: string) => `${V1}/regions/${e(regency)}/mpp/checklist`,
  documents: (regency: string) => `${V1}/regions/${e(regency)}/mpp/documents`,
  document: (regency: string, id: string) => `${V1}/regions/${e(regency)}/mpp/documents/${e(id)}`,
  documentContent: (regency: string, id: string) => `${V1}/regions/${e(regency)}/mpp/documents/${e(id)}/content`,
  site: (regency: string) => `${V1}/regions/${e(regency)}/mpp/site`,
};

export const provinceKeys = {
  all: ['province'] as const,
  provinces: ['province', 'list'] as const,
  province: (code: string) => ['province', 'view', code] as const,
  record: (regency: string) => ['province', 'record', regency] as const,
};

export const useProvinces = () => useQuery({ queryKey: provinceKeys.provinces, queryFn: ({ signal }) => api.get<ProvinceSummary[]>(P.provinces(), undefined, signal), staleTime: 60 * 60_000 });

export const useProvinceView = (code: string) =>
  useQuery({ queryKey: provinceKeys.province(code), queryFn: ({ signal }) => api.get<RegionMpp[]>(P.province(code), undefined, signal), placeholderData: keepPreviousData, refetchInterval: 5 * 60_000 });

export const useMppRecord = (regency: string) => useQuery({ queryKey: provinceKeys.record(regency), queryFn: ({ signal }) => api.get<MppRecord>(P.record(regency), undefined, signal) });

/** After a change: the record as the server answered it, and the province's list again. */
function useRecordSaved(regency: string) {
  const qc = useQueryClient();
  return async (saved: MppRecord) => {
    qc.setQueryData(provinceKeys.record(regency), saved);
    await qc.invalidateQueries({ queryKey: provinceKeys.province(saved.provinceCode) });
  };
}

const useRecordMutation = <V,>(regency: string, fn: (v: V) => Promise<MppRecord>) => {
  const saved = useRecordSaved(regency);
  return useMutation({ mutationFn: fn, onSuccess: saved, meta: { inlineErrors: true } });
};

export const useChangeStage = (regency: string) => useRecordMutation(regency, (body: StageRequest) => api.post<MppRecord>(P.stage(regency), body));
export const useUpdatePlan = (regency: string) => useRecordMutation(regency, (body: PlanRequest) => api.put<MppRecord>(P.plan(regency), body));
export const useUpdateChecklist = (regency: string) => useRecordMutation(regency, (values: Record<string, boolean | number | string | null>) => api.put<MppRecord>(P.checklist(regency), { values }));
export const useCreateSite = (regency: string) => useRecordMutation(regency, (body: SiteRequest) => api.post<MppRecord>(P.site(regency), body));
export const useRemoveDocument = (regency: string) => useRecordMutation(regency, (id: string) => api.delete<MppRecord>(P.document(regency, id)));

export interface DocumentUpload {
  kind: MppDocumentKind;
  file: File;
  title?: string;
  agencyName?: string;
  documentDate?: string;
}

const csrfHeaders = (): Record<string, string> => {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  const csrf = readCookie(CSRF_COOKIE);
  if (csrf) headers[CSRF_HEADER] = csrf;
  return headers;
};

async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    const res = await fetch(url, { credentials: 'same-origin', ...init });
    if (!res.ok) throw await errorFromResponse(res);
    return res;
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw new ApiError({ status: 0, code: 'network', title: 'Network error', detail: (err as Error)?.message });
  }
}

/** Uploads one evidence document as multipart/form-data (field `file`); what it is goes in the query. */
export async function uploadDocument(regency: string, u: DocumentUpload): Promise<MppRecord> {
  const form = new FormData();
  form.append('file', u.file, u.file.name);
  const url = buildUrl(P.documents(regency), { kind: u.kind, title: u.title || undefined, agencyName: u.agencyName || undefined, documentDate: u.documentDate || undefined });
  return (await (await send(url, { method: 'POST', headers: csrfHeaders(), body: form })).json()) as MppRecord;
}

export const useUploadDocument = (regency: string) => useRecordMutation(regency, (u: DocumentUpload) => uploadDocument(regency, u));

/** Downloads a file answer (export, document) through fetch and hands it to the browser. */
export async function download(url: string, fallbackName: string): Promise<void> {
  const res = await send(url, { headers: csrfHeaders() });
  const blob = await res.blob();
  const disposition = res.headers.get('content-disposition') ?? '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallbackName;
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 30_000);
}
