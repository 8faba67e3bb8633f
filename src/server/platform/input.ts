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
import { AppError, type FieldError } from './errors';

/** C0 controls except \t \n \r; NUL is among them. */
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export type UnsafeText = 'nul' | 'surrogate' | 'control';

/** Why a string may not be accepted, or null when it is fine. */
export function unsafeText(s: string): UnsafeText | null {
  if (s.includes('\u0000')) return 'nul';
  if (FORBIDDEN_CONTROL.test(s)) return 'control';
  if (LONE_SURROGATE.test(s)) return 'surrogate';
  return null;
}

const MESSAGES: Record<UnsafeText, { id: string; en: string }> = {
  nul: { id: 'Teks memuat karakter NUL yang tidak diizinkan.', en: 'Text contains a NUL character, which is not allowed.' },
  surrogate: { id: 'Teks memuat karakter Unicode yang rusak.', en: 'Text contains a broken Unicode character (lone surrogate).' },
  control: { id: 'Teks memuat karakter kontrol yang tidak diizinkan.', en: 'Text contains a control character, which is not allowed.' },
};

/** The bilingual message for a refused string (also used by the catalogue import's cells). */
export const unsafeTextMessages = (why: UnsafeText) => MESSAGES[why];

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
  const messages = MESSAGES[why];
  const errors: FieldError[] = [{ field, code: `text.${why}`, messages }];
  return new AppError('validation_failed', 400, {
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
