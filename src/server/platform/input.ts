/**
 * One rule for text in every request, applied before any schema: path parameters, query
 * parameters and JSON bodies (keys and values, at any depth) may not hold
 * - NUL (PostgreSQL text cannot store it: the insert failed with a 500),
 * - a lone UTF-16 surrogate (not encodable as UTF-8: silently stored as U+FFFD),
 * - another C0 control character other than tab, line feed and carriage return (invisible,
 *   breaks printed tickets, CSV and log lines; nobody types one on purpose).
 * They are refused, not stripped: a silently altered name or NIK is worse than a clear 400 that
 * names the field. The check runs as a preValidation hook, so routes with their own validator
 * (catalogue import, uploads) and routes without a schema are covered too.
 */
import type { FastifyRequest } from 'fastify';
import { AppError, appError, type FieldError } from './errors';
import { unsafeText, unsafeTextMessages, type UnsafeText } from '../../domain/text';

// The rule itself is pure and shared (src/domain/text.ts); this file applies it to requests.
export { unsafeText, unsafeTextMessages, type UnsafeText };

/** The first unsafe string (value or key) in a parsed input, with its dotted path. */
export function findUnsafeText(value: unknown, path: string): { field: string; why: UnsafeText } | null {
  if (typeof value === 'string') {
    const why = unsafeText(value);
    return why ? { field: path, why } : null;
  }
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnsafeText(value[i], `${path}.${i}`);
      if (found) return found;
    }
    return null;
  }
  for (const [k, v] of Object.entries(value)) {
    const why = unsafeText(k);
    if (why) return { field: path, why };
    const found = findUnsafeText(v, `${path}.${k}`);
    if (found) return found;
  }
  return null;
}

/** A 400 naming the field that holds unsafe text. */
export function unsafeTextProblem(field: string, why: UnsafeText): AppError {
  const messages = unsafeTextMessages(why);
  const errors: FieldError[] = [{ field, code: `text.${why}`, messages }];
  return appError('validation_failed', {
    messages: { id: `Data tidak valid pada: ${field}. ${messages.id}`, en: `Invalid input in: ${field}. ${messages.en}` },
    errors,
  });
}

/**
 * preValidation hook: refuses unsafe text in params, query string and JSON body. Field names
 * follow the schema errors (`params.siteId`, `querystring.q`, `body.memberships.0.name`).
 */
export async function rejectUnsafeText(req: FastifyRequest): Promise<void> {
  const found = findUnsafeText(req.params, 'params') ?? findUnsafeText(req.query, 'querystring') ?? findUnsafeText(req.body, 'body');
  if (found) throw unsafeTextProblem(found.field, found.why);
}
