import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError, errorFromResponse, readCookie, request, type RequestOptions } from '../../lib/api';
import type {
  AccessLogEntry, CitizenDocument, CitizenSelf, CitizenSession, ConsentBody, ConsentCreated, ConsentView, HistoryItem, LoginAccepted, LoginBody, PatchMeBody, Readiness, ReviewBody, SessionView, SharedView, VerifyBody,
} from './types';

const enc = encodeURIComponent;
/** Every path of the citizens' API (DESIGN §7). */
export const P = {
  login: '/api/v1/citizen/login',
  verify: '/api/v1/citizen/verify',
  logout: '/api/v1/citizen/logout',
  me: '/api/v1/me',
  sessions: '/api/v1/me/sessions',
  session: (id: string) => `/api/v1/me/sessions/${enc(id)}`,
  history: '/api/v1/me/history',
  documents: '/api/v1/me/documents',
  document: (id: string) => `/api/v1/me/documents/${enc(id)}`,
  content: (id: string) => `/api/v1/me/documents/${enc(id)}/content`,
  readiness: '/api/v1/me/readiness',
  consents: '/api/v1/me/consents',
  consent: (id: string) => `/api/v1/me/consents/${enc(id)}`,
  accessLog: '/api/v1/me/access-log',
  documentTypes: '/api/v1/document-types',
  shared: (code: string) => `/api/v1/shared/${enc(code)}`,
  sharedContent: (code: string, id: string) => `/api/v1/shared/${enc(code)}/documents/${enc(id)}/content`,
  sharedReview: (code: string, id: string) => `/api/v1/shared/${enc(code)}/documents/${enc(id)}/review`,
  sharedNik: (code: string) => `/api/v1/shared/${enc(code)}/nik-verification`,
};

/** The citizen's CSRF cookie and header: their own, never the staff's (src/server/modules/citizens/citizen.caller). */
const CITIZEN_CSRF_COOKIE = 'loket_citizen_csrf';
const CITIZEN_CSRF_HEADER = 'x-citizen-csrf';
const csrfHeaders = (): Record<string, string> => {
  const token = readCookie(CITIZEN_CSRF_COOKIE);
  return token ? { [CITIZEN_CSRF_HEADER]: token } : {};
};
/** A call with the citizen's cookie session. */
const citizen = <T>(path: string, opts: RequestOptions = {}) => request<T>(path, { ...opts, headers: { ...csrfHeaders(), ...opts.headers } });

export const citizenKeys = {
  all: ['citizen'] as const,
  me: ['citizen', 'me'] as const,
  sessions: ['citizen', 'sessions'] as const,
  documents: ['citizen', 'documents'] as const,
  readiness: (serviceId: string) => ['citizen', 'readiness', serviceId] as const,
  consents: ['citizen', 'consents'] as const,
  accessLog: ['citizen', 'access-log'] as const,
  history: ['citizen', 'history'] as const,
};

// ---------- sign-in and profile ----------

/** The signed-in citizen, or null when nobody is (a 401 is an answer here, not an error). */
export function useCitizen() {
  return useQuery({
    queryKey: citizenKeys.me,
    queryFn: async ({ signal }) => {
      try {
        return await citizen<CitizenSelf>(P.me, { signal });
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    retry: false,
    staleTime: 60_000,
  });
}

export const useRequestCode = () => useMutation({ mutationFn: (body: LoginBody) => api.post<LoginAccepted>(P.login, body), meta: { inlineErrors: true } });

export function useVerifyCode() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: VerifyBody) => api.post<CitizenSession>(P.verify, body),
    meta: { inlineErrors: true },
    onSuccess: (s) => {
      qc.removeQueries({ queryKey: citizenKeys.all });
      qc.setQueryData(citizenKeys.me, s.citizen);
    },
  });
}

/** After signing out (or deleting the account) nothing of the citizen stays in the cache. */
function useForget() {
  const qc = useQueryClient();
  return () => {
    qc.removeQueries({ queryKey: citizenKeys.all });
    qc.setQueryData(citizenKeys.me, null);
  };
}
export const useSignOut = () => useMutation({ mutationFn: () => citizen<void>(P.logout, { method: 'POST' }), onSuccess: useForget() });
export const useDeleteAccount = () => useMutation({ mutationFn: () => citizen<void>(P.me, { method: 'DELETE' }), onSuccess: useForget() });

export function usePatchMe() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: PatchMeBody) => citizen<CitizenSelf>(P.me, { method: 'PATCH', body }), meta: { inlineErrors: true }, onSuccess: (me) => qc.setQueryData(citizenKeys.me, me) });
}

export const useSessions = () => useQuery({ queryKey: citizenKeys.sessions, queryFn: ({ signal }) => citizen<SessionView[]>(P.sessions, { signal }) });
export function useEndSession() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (id: string) => citizen<void>(P.session(id), { method: 'DELETE' }), onSuccess: () => qc.invalidateQueries({ queryKey: citizenKeys.sessions }) });
}

export const useHistory = () => useQuery({ queryKey: citizenKeys.history, queryFn: ({ signal }) => citizen<HistoryItem[]>(P.history, { signal }) });

// ---------- wallet ----------

export const useDocuments = () => useQuery({ queryKey: citizenKeys.documents, queryFn: ({ signal }) => citizen<CitizenDocument[]>(P.documents, { signal }) });

export function useDocumentTypes() {
  return useQuery({
    queryKey: ['citizen-public', 'document-types'],
    queryFn: ({ signal }) => api.get<Array<{ id: string; key: string; name: string; description: string | null }>>(P.documentTypes, undefined, signal),
    staleTime: 5 * 60_000,
  });
}

/**
 * POST /me/documents as multipart (the type as a field before the file, so the server checks it
 * before reading the file) through XMLHttpRequest: fetch cannot report upload progress.
 */
export function uploadDocument(documentTypeId: string, file: File, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<CitizenDocument> {
  const form = new FormData();
  form.append('documentTypeId', documentTypeId);
  form.append('file', file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', P.documents);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json, application/problem+json');
    for (const [k, v] of Object.entries(csrfHeaders())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiError({ status: 0, code: 'network', title: 'Network error' }));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    xhr.onload = () => {
      const type = xhr.getResponseHeader('content-type') ?? 'application/json';
      if (xhr.status >= 200 && xhr.status < 300) return resolve(JSON.parse(xhr.responseText) as CitizenDocument);
      const headers = new Headers({ 'content-type': type });
      const retry = xhr.getResponseHeader('retry-after');
      if (retry) headers.set('retry-after', retry);
      void errorFromResponse(new Response(xhr.responseText, { status: xhr.status, headers })).then(reject);
    };
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(form);
  });
}

/** An upload with its progress (0…1) for the page. */
export function useUploadDocument() {
  const qc = useQueryClient();
  const [progress, setProgress] = useState(0);
  const m = useMutation({
    mutationFn: ({ documentTypeId, file }: { documentTypeId: string; file: File }) => {
      setProgress(0);
      return uploadDocument(documentTypeId, file, setProgress);
    },
    meta: { inlineErrors: true },
    onSuccess: () => qc.invalidateQueries({ queryKey: citizenKeys.all }),
  });
  return { ...m, progress };
}

export function useDeleteDocument() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (id: string) => citizen<void>(P.document(id), { method: 'DELETE' }), onSuccess: () => qc.invalidateQueries({ queryKey: citizenKeys.all }) });
}

/** Which of a service's requirements the wallet holds; only asked for while a citizen is signed in. */
export function useReadiness(serviceId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: citizenKeys.readiness(serviceId ?? ''),
    queryFn: ({ signal }) => citizen<Readiness>(P.readiness, { query: { serviceId }, signal }),
    enabled: !!serviceId && enabled,
  });
}

// ---------- consents and the access log ----------

export const useConsents = () => useQuery({ queryKey: citizenKeys.consents, queryFn: ({ signal }) => citizen<ConsentView[]>(P.consents, { signal }) });
export function useCreateConsent() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: ConsentBody) => citizen<ConsentCreated>(P.consents, { method: 'POST', body }), meta: { inlineErrors: true }, onSuccess: () => qc.invalidateQueries({ queryKey: citizenKeys.consents }) });
}
export function useRevokeConsent() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (id: string) => citizen<void>(P.consent(id), { method: 'DELETE' }), onSuccess: () => qc.invalidateQueries({ queryKey: citizenKeys.consents }) });
}

export const ACCESS_PAGE = 20;
/** The access log, newest first, a page at a time (cursor: the last row's seq). */
export function useAccessLog() {
  return useInfiniteQuery({
    queryKey: citizenKeys.accessLog,
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam, signal }) => citizen<AccessLogEntry[]>(P.accessLog, { query: { before: pageParam, limit: ACCESS_PAGE }, signal }),
    getNextPageParam: (last) => (last.length < ACCESS_PAGE ? undefined : last[last.length - 1].seq),
  });
}

// ---------- staff: a citizen's documents through a share code ----------

export const sharedKey = (code: string) => ['citizen-shared', code] as const;

export function useShared(code: string | undefined) {
  return useQuery({ queryKey: sharedKey(code ?? ''), queryFn: ({ signal }) => api.get<SharedView>(P.shared(code!), undefined, signal), enabled: !!code, retry: false, staleTime: Infinity });
}

export function useReviewShared(code: string) {
  const qc = useQueryClient();
  // The answer updates the page in place: opening the share again would be another logged read.
  return useMutation({
    mutationFn: ({ documentId, body }: { documentId: string; body: ReviewBody }) => api.post<CitizenDocument>(P.sharedReview(code, documentId), body),
    onSuccess: (doc) => qc.setQueryData<SharedView>(sharedKey(code), (v) => v && { ...v, documents: v.documents.map((d) => (d.id === doc.id ? { ...d, status: doc.status } : d)) }),
  });
}
export function useVerifySharedNik(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ nik: string; nikVerified: boolean }>(P.sharedNik(code)),
    onSuccess: (r) => qc.setQueryData<SharedView>(sharedKey(code), (v) => v && { ...v, citizen: { ...v.citizen, nik: r.nik, nikVerified: r.nikVerified } }),
  });
}
