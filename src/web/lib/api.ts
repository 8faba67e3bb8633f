/**
 * The one way the web talks to the server: same-origin fetch with the session cookie, JSON in and
 * out, the CSRF token echoed on every non-GET request, and every failure turned into an ApiError
 * built from the server's application/problem+json document (RFC 9457).
 */

export type Lang = 'id' | 'en';
export interface Messages {
  id: string;
  en: string;
}
export interface FieldProblem {
  /** Where the server found the problem, e.g. `body.password` or `query.from`. */
  field: string;
  code: string;
  messages: Messages;
}

export const CSRF_COOKIE = 'loket_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail?: string;
  readonly messages?: Messages;
  readonly errors?: FieldProblem[];
  /** Seconds to wait before retrying (429/503), from `Retry-After` or the problem's `retryAfter`. */
  readonly retryAfter?: number;
  /** The whole problem document, for extra members (e.g. `nextOpening`). */
  readonly problem: Record<string, unknown>;

  constructor(init: {
    status: number;
    code: string;
    title: string;
    detail?: string;
    messages?: Messages;
    errors?: FieldProblem[];
    retryAfter?: number;
    problem?: Record<string, unknown>;
  }) {
    super(init.detail ?? init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.messages = init.messages;
    this.errors = init.errors;
    this.retryAfter = init.retryAfter;
    this.problem = init.problem ?? {};
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Serialised as JSON. */
  body?: unknown;
  /** Appended as a query string; empty, null and undefined values are left out. */
  query?: Record<string, QueryValue>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** Reads one cookie by name (the CSRF cookie is deliberately not HttpOnly). */
export function readCookie(name: string): string | undefined {
  if (typeof document === 'undefined') return undefined;
  for (const part of document.cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    qs.append(k, String(v));
  }
  const s = qs.toString();
  return s ? `${path}${path.includes('?') ? '&' : '?'}${s}` : path;
}

function parseRetryAfter(header: string | null, body: Record<string, unknown>): number | undefined {
  if (typeof body.retryAfter === 'number' && Number.isFinite(body.retryAfter)) return Math.max(0, Math.ceil(body.retryAfter));
  if (!header) return undefined;
  const secs = Number(header);
  if (Number.isFinite(secs)) return Math.max(0, Math.ceil(secs));
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

function isMessages(v: unknown): v is Messages {
  return typeof v === 'object' && v !== null && typeof (v as Messages).id === 'string' && typeof (v as Messages).en === 'string';
}

/** Builds an ApiError from a failed response, whether or not it carries a problem document. */
export async function errorFromResponse(res: Response): Promise<ApiError> {
  const type = res.headers.get('content-type') ?? '';
  let body: Record<string, unknown> = {};
  if (type.includes('json')) {
    try {
      const parsed: unknown = await res.json();
      if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
    } catch {
      // An unreadable body falls through to the generic error below.
    }
  }
  const code = typeof body.code === 'string' ? body.code : res.status >= 500 ? 'internal' : `http_${res.status}`;
  const errors = Array.isArray(body.errors)
    ? (body.errors as unknown[])
        .filter((e): e is FieldProblem => typeof e === 'object' && e !== null && typeof (e as FieldProblem).field === 'string')
        .map((e) => ({ field: e.field, code: String(e.code ?? ''), messages: isMessages(e.messages) ? e.messages : { id: '', en: '' } }))
    : undefined;
  return new ApiError({
    status: res.status,
    code,
    title: typeof body.title === 'string' ? body.title : res.statusText || `HTTP ${res.status}`,
    detail: typeof body.detail === 'string' ? body.detail : undefined,
    messages: isMessages(body.messages) ? body.messages : undefined,
    errors,
    retryAfter: parseRetryAfter(res.headers.get('retry-after'), body),
    problem: body,
  });
}

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json', ...opts.headers };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const csrf = readCookie(CSRF_COOKIE);
    if (csrf) headers[CSRF_HEADER] = csrf;
  }

  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (e) {
    if ((e as Error)?.name === 'AbortError') throw e;
    throw new ApiError({ status: 0, code: 'network', title: 'Network error', detail: (e as Error)?.message });
  }

  if (!res.ok) throw await errorFromResponse(res);
  if (res.status === 204 || res.status === 205) return undefined as T;
  const text = await res.text();
  if (!text) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('json')) return text as T;
  return JSON.parse(text) as T;
}

/** Shorthands: `api.get<Site[]>('/api/v1/sites')`, `api.post('/api/v1/auth/logout')`. */
export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) => request<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>(path, { method: 'POST', body }),
  put: <T>(path: string, body?: unknown) => request<T>(path, { method: 'PUT', body }),
  patch: <T>(path: string, body?: unknown) => request<T>(path, { method: 'PATCH', body }),
  delete: <T>(path: string, body?: unknown) => request<T>(path, { method: 'DELETE', body }),
};
