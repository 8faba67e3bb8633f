import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, type ZodFastifySchemaValidationError } from 'fastify-type-provider-zod';
import { AppError, ERRORS, type FieldError } from './errors';

/** RFC 9457 problem document, with the code and bilingual messages clients rely on. */
function send(reply: FastifyReply, err: AppError) {
  const messages = err.messages;
  for (const [k, v] of Object.entries(err.details.headers ?? {})) reply.header(k, v);
  return reply
    .status(err.status)
    .type('application/problem+json')
    .send({
      type: `urn:loket:problem:${err.code}`,
      title: (ERRORS as Record<string, { en: string }>)[err.code]?.en ?? messages.en,
      status: err.status,
      code: err.code,
      detail: messages.en,
      messages,
      ...(err.details.errors ? { errors: err.details.errors } : {}),
      ...(err.details.extra ?? {}),
    });
}

type Issue = { keyword: string; message?: string; params: Record<string, unknown> };

/** Indonesian and English text for a zod issue, so a form can show it next to the field. */
export function issueMessages(i: Issue): { id: string; en: string } {
  const p = i.params;
  switch (i.keyword) {
    case 'invalid_type':
      return p.input === undefined
        ? { id: 'Wajib diisi.', en: 'Required.' }
        : { id: `Jenis data salah (harus ${String(p.expected)}).`, en: `Wrong type (expected ${String(p.expected)}).` };
    case 'too_small':
      if (p.origin === 'string') return { id: `Minimal ${String(p.minimum)} karakter.`, en: `At least ${String(p.minimum)} characters.` };
      if (p.origin === 'array') return { id: `Minimal ${String(p.minimum)} item.`, en: `At least ${String(p.minimum)} items.` };
      return { id: `Minimal ${String(p.minimum)}.`, en: `Must be at least ${String(p.minimum)}.` };
    case 'too_big':
      if (p.origin === 'string') return { id: `Maksimal ${String(p.maximum)} karakter.`, en: `At most ${String(p.maximum)} characters.` };
      if (p.origin === 'array') return { id: `Maksimal ${String(p.maximum)} item.`, en: `At most ${String(p.maximum)} items.` };
      return { id: `Maksimal ${String(p.maximum)}.`, en: `Must be at most ${String(p.maximum)}.` };
    case 'invalid_format':
      return { id: `Format tidak valid (${String(p.format)}).`, en: `Invalid format (${String(p.format)}).` };
    case 'invalid_value':
      return { id: `Nilai tidak dikenal. Pilihan: ${(p.values as unknown[] | undefined)?.join(', ')}.`, en: `Unknown value. Options: ${(p.values as unknown[] | undefined)?.join(', ')}.` };
    case 'unrecognized_keys':
      return { id: `Kolom tidak dikenal: ${(p.keys as string[] | undefined)?.join(', ')}.`, en: `Unknown fields: ${(p.keys as string[] | undefined)?.join(', ')}.` };
    case 'custom':
      // A refinement may carry its own bilingual text: refine(check, { params: { id, en } }).
      if (typeof p.id === 'string' && typeof p.en === 'string') return { id: p.id, en: p.en };
      return { id: i.message ?? 'Tidak valid.', en: i.message ?? 'Invalid.' };
    default:
      return { id: i.message ?? 'Tidak valid.', en: i.message ?? 'Invalid.' };
  }
}

function validationProblem(context: string, issues: ZodFastifySchemaValidationError[]): AppError {
  const errors: FieldError[] = issues.map((i) => {
    const path = i.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
    const field = path ? `${context}.${path}` : context;
    return { field, code: i.keyword, messages: issueMessages(i as unknown as Issue) };
  });
  const list = errors.map((e) => e.field).join(', ');
  return new AppError('validation_failed', 400, {
    messages: { id: `Data tidak valid pada: ${list}.`, en: `Invalid input in: ${list}.` },
    errors,
  });
}

/** Maps every failure to a problem; nothing internal (stack, SQL, path) ever reaches a client. */
export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError) {
      if (error.status >= 500) request.log.error({ err: error }, 'app error');
      return send(reply, error);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      return send(reply, validationProblem(error.validationContext ?? 'body', error.validation));
    }
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return send(reply, new AppError('malformed_json'));
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return send(reply, new AppError('payload_too_large'));
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return send(reply, new AppError('unsupported_media_type'));
    }
    if (error instanceof SyntaxError) return send(reply, new AppError('malformed_json'));
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return send(reply, new AppError(error.statusCode === 404 ? 'not_found' : 'validation_failed', error.statusCode));
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, new AppError('internal'));
  });
}

export function sendNotFoundProblem(reply: FastifyReply) {
  return send(reply, new AppError('route_not_found'));
}
