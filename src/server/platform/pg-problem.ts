/**
 * Input the database refuses, as the problem it stands for. Services check what they can
 * before writing; this is the net under them, so a foreign key, check or data error is a 4xx
 * naming the field instead of a 500. Both drivers (pg and PGlite) raise errors with the same
 * members (code, detail, column); drizzle wraps them in `cause`. No SQL, constraint name, table
 * or value reaches the client: the texts below are fixed.
 */
import type { FastifyRequest } from 'fastify';
import { AppError, appError, type FieldError } from './errors';

interface SqlError {
  code: string;
  detail?: string;
  column?: string;
  message?: string;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

/** The PostgreSQL error in a failure or its causes, or null. */
export function sqlErrorOf(err: unknown): SqlError | null {
  let e = err as Record<string, unknown> | null | undefined;
  for (let depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    if (typeof e.code === 'string' && SQLSTATE.test(e.code) && ('severity' in e || 'routine' in e)) return e as unknown as SqlError;
    e = e.cause as Record<string, unknown> | undefined;
  }
  return null;
}

const camel = (column: string) => column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** `Key (site_id, code)=(…)` → ['site_id', 'code'] and the raw value text. */
function keyOf(detail: string | undefined): { columns: string[]; value: string } | null {
  const m = /^Key \(([^)]*)\)=\((.*)\)/.exec(detail ?? '');
  return m ? { columns: m[1].split(',').map((c) => c.trim().replace(/^"|"$/g, '')), value: m[2] } : null;
}

/** Where in the request a value sits (by key name and, when given, value), as a field path. */
function locate(input: unknown, prefix: string, key: string | null, value: string | null): string | null {
  if (input === null || typeof input !== 'object') return null;
  const entries = Array.isArray(input) ? input.map((v, i) => [String(i), v] as const) : Object.entries(input);
  for (const [k, v] of entries) {
    if ((key === null || k === key) && (value === null || v === value)) return `${prefix}.${k}`;
  }
  for (const [k, v] of entries) {
    const found = locate(v, `${prefix}.${k}`, key, value);
    if (found) return found;
  }
  return null;
}

function inParams(req: FastifyRequest, key: string | null, value: string | null): string | null {
  return locate(req.params, 'params', key, value);
}

function inInput(req: FastifyRequest, key: string | null, value: string | null): string | null {
  return locate(req.body, 'body', key, value) ?? locate(req.query, 'querystring', key, value);
}

const invalid = (messages: { id: string; en: string }, field: string | null, code: string) =>
  appError('validation_failed', {
    messages: field ? { id: `Data tidak valid pada: ${field}. ${messages.id}`, en: `Invalid input in: ${field}. ${messages.en}` } : messages,
    ...(field ? { errors: [{ field, code, messages } satisfies FieldError] } : {}),
  });

const UNKNOWN_REF = { id: 'Data yang dirujuk tidak ada.', en: 'The referenced record does not exist.' };
const OUT_OF_RANGE = { id: 'Nilai di luar rentang yang diizinkan.', en: 'The value is outside the allowed range.' };

/** A foreign key: an unknown id in the path is a 404, in the body a 400 naming it. */
function foreignKey(req: FastifyRequest, e: SqlError): AppError {
  if (/still referenced/.test(e.detail ?? '')) {
    return appError('conflict', { messages: { id: 'Data ini masih dipakai oleh data lain.', en: 'This record is still in use by other records.' } });
  }
  const key = keyOf(e.detail);
  const name = key ? camel(key.columns[key.columns.length - 1]) : null;
  const value = key && key.columns.length === 1 ? key.value : null;
  if (name && (inParams(req, name, value) ?? (value && inParams(req, null, value)))) {
    return appError('not_found');
  }
  const field = (name && (inInput(req, name, value) ?? inInput(req, name, null))) ?? (value && inInput(req, null, value)) ?? (name ? `body.${name}` : null);
  return invalid(UNKNOWN_REF, field, 'not_found');
}

/** A unique key not handled by its service: 409, naming the field when the body holds it. */
function unique(req: FastifyRequest, e: SqlError): AppError {
  const key = keyOf(e.detail);
  const field = key?.columns.map((c) => inInput(req, camel(c), null)).find(Boolean) ?? null;
  const messages = { id: 'Nilai ini sudah dipakai.', en: 'This value is already taken.' };
  return appError('conflict', { messages, ...(field ? { errors: [{ field, code: 'taken', messages }] } : {}) });
}

/** A value PostgreSQL cannot take (class 22): a quoted value of the message, found in the request, names the field. */
function dataException(req: FastifyRequest, e: SqlError): AppError {
  const quoted = [...(e.message ?? '').matchAll(/"([^"]*)"/g)].map((m) => m[1]);
  if (e.code === '22P02' && quoted.some((q) => inParams(req, null, q))) {
    // A path segment that is not even of the right type names nothing that exists.
    return appError('not_found');
  }
  const field = quoted.map((q) => inInput(req, null, q) ?? inParams(req, null, q)).find(Boolean) ?? null;
  return invalid(e.code === '22001' ? { id: 'Teks terlalu panjang.', en: 'The text is too long.' } : OUT_OF_RANGE, field, 'invalid');
}

/** The problem for a database refusal caused by the request, or null (a real server fault). */
export function databaseProblem(err: unknown, req: FastifyRequest): AppError | null {
  const e = sqlErrorOf(err);
  if (!e) return null;
  switch (e.code) {
    case '23503':
      return foreignKey(req, e);
    case '23505':
      return unique(req, e);
    case '23502':
      return invalid({ id: 'Wajib diisi.', en: 'Required.' }, e.column ? (inInput(req, camel(e.column), null) ?? `body.${camel(e.column)}`) : null, 'required');
    case '23514':
      return invalid(OUT_OF_RANGE, null, 'check');
  }
  if (e.code.startsWith('22')) return dataException(req, e);
  return null;
}

/**
 * A refusal that says nothing about the input and passes on its own: PostgreSQL cancelled a
 * statement at `statement_timeout` (57014), or chose this request as the victim of a deadlock
 * (40P01) or a serialization failure (40001). The client may simply try again: 503 with
 * Retry-After, never a 500.
 */
export function transientDatabaseProblem(err: unknown): AppError | null {
  const e = sqlErrorOf(err);
  if (!e) return null;
  if (e.code === '57014') return appError('db.timeout', { headers: { 'Retry-After': '5' } });
  if (e.code === '40P01' || e.code === '40001') return appError('db.busy', { headers: { 'Retry-After': '1' } });
  return null;
}
