import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, buildUrl, CSRF_COOKIE, CSRF_HEADER, errorFromResponse, readCookie, type QueryValue } from '../../lib/api';
import type { CitizenSelf, ComplaintDetail, ComplaintPage, FiguresRow, FileBody, Filed, MessageBody, PublicComplaint, TransitionBody, Visibility } from './types';

const enc = encodeURIComponent;
/** Every path of the complaints API (docs/complaints.md). */
export const P = {
  file: (siteId: string) => `/api/v1/sites/${enc(siteId)}/complaints`,
  byCode: (code: string) => `/api/v1/complaints/by-code/${enc(code)}`,
  replies: (code: string) => `/api/v1/complaints/by-code/${enc(code)}/replies`,
  reopen: (code: string) => `/api/v1/complaints/by-code/${enc(code)}/reopen`,
  codeAttachments: (code: string) => `/api/v1/complaints/by-code/${enc(code)}/attachments`,
  codeAttachment: (code: string, fileId: string) => `/api/v1/complaints/by-code/${enc(code)}/attachments/${enc(fileId)}`,
  transition: (id: string) => `/api/v1/complaints/${enc(id)}/transition`,
  assign: (id: string) => `/api/v1/complaints/${enc(id)}/assign`,
  list: (siteId: string) => `/api/v1/sites/${enc(siteId)}/complaints`,
  export: (siteId: string) => `/api/v1/sites/${enc(siteId)}/complaints/export`,
  figures: (siteId: string) => `/api/v1/sites/${enc(siteId)}/complaints/figures`,
  detail: (id: string) => `/api/v1/complaints/${enc(id)}`,
  messages: (id: string) => `/api/v1/complaints/${enc(id)}/messages`,
  lapor: (id: string) => `/api/v1/complaints/${enc(id)}/lapor`,
  attachments: (id: string) => `/api/v1/complaints/${enc(id)}/attachments`,
  attachment: (id: string, fileId: string) => `/api/v1/complaints/${enc(id)}/attachments/${enc(fileId)}`,
  citizenSelf: '/api/v1/me',
};

/** The public pages (router.tsx): the form, and the tracking page whose path the server puts in its messages. */
export const PAGES = {
  form: '/pengaduan',
  track: (code: string) => `/pengaduan/lacak/${enc(code)}`,
  lookup: '/pengaduan/lacak',
};

/** Where "Sampaikan pengaduan" leads from a ticket's status page: the form, prefilled with the visit. */
export const formHref = (o: { siteId: string; ticketCode?: string; serviceId?: string; via?: 'status_page' | 'receipt' }) =>
  buildUrl(PAGES.form, { situs: o.siteId, tiket: o.ticketCode, layanan: o.serviceId, via: o.via });

export const complaintKeys = {
  all: ['complaints'] as const,
  byCode: (code: string) => ['complaints', 'code', code] as const,
  list: (siteId: string, q: object) => ['complaints', 'list', siteId, q] as const,
  detail: (id: string) => ['complaints', 'detail', id] as const,
  figures: (siteId: string, q: object) => ['complaints', 'figures', siteId, q] as const,
};

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

/** One file as multipart/form-data (field `file`): the server checks type and size from the content. */
async function upload(url: string, file: File): Promise<void> {
  const form = new FormData();
  form.append('file', file, file.name);
  await send(url, { method: 'POST', headers: csrfHeaders(), body: form });
}

/** Fetches a file answer (export, attachment) and hands it to the browser under the server's name. */
export async function download(url: string, fallbackName: string): Promise<void> {
  const res = await send(url, { headers: csrfHeaders() });
  const blob = await res.blob();
  const name = /filename="?([^";]+)"?/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = decodeURIComponent(name);
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 30_000);
}

// ---------- the reporter (no account: the tracking code is the key) ----------

export const fileComplaint = (siteId: string, body: FileBody) => api.post<Filed>(P.file(siteId), body);
export const attachByCode = (code: string, file: File) => upload(P.codeAttachments(code), file);

/**
 * The signed-in citizen, if any (their own session cookie): their name and contact prefill the
 * form. Nobody signed in answers 401, which simply means an empty form.
 */
export function useCitizenSelf(enabled: boolean) {
  return useQuery({
    queryKey: ['complaints', 'citizen-self'],
    queryFn: ({ signal }) => api.get<CitizenSelf>(P.citizenSelf, undefined, signal).catch((e: unknown) => {
      if (e instanceof ApiError && (e.status === 401 || e.status === 403)) return null;
      throw e;
    }),
    enabled,
    retry: false,
    staleTime: Infinity,
  });
}

export function useComplaintByCode(code: string | undefined) {
  return useQuery({
    queryKey: complaintKeys.byCode(code ?? ''),
    queryFn: ({ signal }) => api.get<PublicComplaint>(P.byCode(code!), undefined, signal),
    enabled: !!code,
    // A wrong code is counted against the address: never retried behind the citizen's back.
    retry: false,
    refetchInterval: 60_000,
  });
}

/** The reporter's actions; each answers with the fresh public view, which replaces the cached one. */
export function useReporterActions(code: string, id: string | undefined) {
  const qc = useQueryClient();
  const put = (c: PublicComplaint) => qc.setQueryData(complaintKeys.byCode(code), c);
  const refresh = () => qc.invalidateQueries({ queryKey: complaintKeys.byCode(code) });
  return {
    reply: useMutation({ mutationFn: (text: string) => api.post<PublicComplaint>(P.replies(code), { text }), onSuccess: put }),
    reopen: useMutation({ mutationFn: (reason: string) => api.post<PublicComplaint>(P.reopen(code), { reason }), onSuccess: put }),
    confirm: useMutation({ mutationFn: () => api.post(P.transition(id!), { to: 'closed', trackingCode: code } satisfies TransitionBody), onSuccess: refresh }),
    attach: useMutation({ mutationFn: (file: File) => attachByCode(code, file), onSuccess: refresh }),
  };
}

// ---------- staff: the board ----------

export interface BoardQuery {
  status?: string;
  overdue?: '1';
  agencyId?: string;
  q?: string;
  page: number;
  pageSize: number;
  [k: string]: QueryValue;
}

export function useBoard(siteId: string | undefined, q: BoardQuery) {
  return useQuery({
    queryKey: complaintKeys.list(siteId ?? '', q),
    queryFn: ({ signal }) => api.get<ComplaintPage>(P.list(siteId!), q, signal),
    enabled: !!siteId,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

export function useComplaint(id: string | undefined) {
  return useQuery({
    queryKey: complaintKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<ComplaintDetail>(P.detail(id!), undefined, signal),
    enabled: !!id,
  });
}

export function useFigures(siteId: string | undefined, q: { from: string; to: string; agencyId?: string }) {
  return useQuery({
    queryKey: complaintKeys.figures(siteId ?? '', q),
    queryFn: ({ signal }) => api.get<FiguresRow[]>(P.figures(siteId!), q, signal),
    enabled: !!siteId,
    placeholderData: keepPreviousData,
  });
}

/** After any staff change (or a walk-in's filing) the board, the detail and the figures are stale. */
export function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: complaintKeys.all });
}

export function useStaffActions(id: string) {
  const invalidate = useInvalidate();
  const qc = useQueryClient();
  const put = (d: ComplaintDetail) => {
    qc.setQueryData(complaintKeys.detail(id), d);
    void invalidate();
  };
  return {
    transition: useMutation({ mutationFn: (body: TransitionBody) => api.post(P.transition(id), body), onSuccess: invalidate, meta: { inlineErrors: true } }),
    assign: useMutation({ mutationFn: (agencyId: string) => api.post(P.assign(id), { agencyId }), onSuccess: invalidate, meta: { inlineErrors: true } }),
    message: useMutation({ mutationFn: (body: MessageBody) => api.post<ComplaintDetail>(P.messages(id), body), onSuccess: put }),
    lapor: useMutation({ mutationFn: (ticketNumber: string | null) => api.put<ComplaintDetail>(P.lapor(id), { ticketNumber }), onSuccess: put }),
    attach: useMutation({ mutationFn: ({ file, visibility }: { file: File; visibility: Visibility }) => upload(buildUrl(P.attachments(id), { visibility }), file), onSuccess: invalidate }),
  };
}

export const downloadExport = (siteId: string, q: { from: string; to: string; format: 'lapor' | 'csv' }) =>
  download(buildUrl(P.export(siteId), q), `pengaduan-${q.from}-${q.to}.${q.format === 'csv' ? 'csv' : 'json'}`);
