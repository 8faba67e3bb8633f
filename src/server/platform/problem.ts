import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, type ZodFastifySchemaValidationError } from 'fastify-type-provider-zod';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { AppError, appError, ERRORS, type FieldError } from './errors';
import { databaseProblem, transientDatabaseProblem } from './pg-problem';

/** RFC 9457 problem document, with the code and bilingual messages clients rely on. */
function send(reply: FastifyReply, err: AppError) {
  const messages = err.messages;
  for (const [k, v] of Object.entries(err.details.headers ?? {})) reply.header(k, v);
  return reply
    .status(err.status)
    .type('application/problem+json')
    .send({
      type: `urn:loket:problem:${err.code}`,
      title: ERRORS[err.code].en,
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
      if (p.format === 'date') return { id: 'Tanggal tidak ada di kalender (format TTTT-BB-HH).', en: 'Not a calendar date (format YYYY-MM-DD).' };
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

/** zod's keyword, except a date that is not in the calendar: `invalid_date`, as docs/api.md and docs/catalog.md say. */
function issueCode(i: ZodFastifySchemaValidationError): string {
  return i.keyword === 'invalid_format' && (i.params as { format?: unknown }).format === 'date' ? 'invalid_date' : i.keyword;
}

function validationProblem(context: string, issues: ZodFastifySchemaValidationError[]): AppError {
  const errors: FieldError[] = issues.map((i) => {
    const path = i.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
    const field = path ? `${context}.${path}` : context;
    return { field, code: issueCode(i), messages: issueMessages(i as unknown as Issue) };
  });
  const list = errors.map((e) => e.field).join(', ');
  return appError('validation_failed', {
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
        return send(reply, appError('malformed_json'));
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return send(reply, appError('payload_too_large'));
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return send(reply, appError('unsupported_media_type'));
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        // The body is not as long as its Content-Length says: a broken request, not a media type.
        return send(reply, appError('bad_request'));
    }
    if (error instanceof SyntaxError) return send(reply, appError('malformed_json'));
    const transient = transientDatabaseProblem(error);
    if (transient) {
      // Not the client's fault, and gone on a retry; frequent ones point at a hot spot worth fixing.
      request.log.warn({ err: error, problem: transient.code }, 'database asked for a retry');
      return send(reply, transient);
    }
    const refused = databaseProblem(error, request);
    if (refused) {
      // A 4xx for the client, but a check the service missed: worth a line for the operator.
      request.log.warn({ err: error, problem: refused.code }, 'database refused the input');
      return send(reply, refused);
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return send(reply, httpProblem(error.statusCode));
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, appError('internal'));
  });
}

const HTTP_CODES = { 400: 'validation_failed', 404: 'not_found', 405: 'method_not_allowed', 406: 'not_acceptable', 413: 'payload_too_large', 414: 'uri_too_long', 415: 'unsupported_media_type', 431: 'headers_too_large' } as const;

/** Any other 4xx from Fastify or a plugin (FST_ERR_*), by its status. */
function httpProblem(status: number): AppError {
  const code = (HTTP_CODES as Partial<Record<number, (typeof HTTP_CODES)[keyof typeof HTTP_CODES]>>)[status];
  return code ? appError(code) : AppError.unmappedHttpStatus(status);
}

/**
 * Fastify's `frameworkErrors`: failures before any route runs (a malformed percent-encoding, a
 * path parameter over maxParamLength), which Fastify would otherwise answer as plain JSON.
 */
export function frameworkErrorHandler(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_BAD_URL') return send(reply, appError('malformed_url'));
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return send(reply, appError('uri_too_long'));
  return send(reply, error.statusCode && error.statusCode < 500 ? httpProblem(error.statusCode) : appError('internal'));
}

/**
 * Node's `clientError` (the request could not even be parsed: a request line or headers over the
 * limit, a broken request): a problem written on the socket, like Fastify's default but in the
 * same format as every other answer.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || err.code === 'EPIPE' || socket.destroyed) return;
  const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const code = status === 431 ? 'headers_too_large' : status === 408 ? 'request_timeout' : 'bad_request';
  const known = ERRORS[code];
  const body = JSON.stringify({ type: `urn:loket:problem:${code}`, title: known.en, status, code, detail: known.en, messages: { id: known.id, en: known.en } });
  if (socket.writable && socket.bytesWritten === 0) {
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }
  socket.destroy();
}

export function sendNotFoundProblem(reply: FastifyReply) {
  return send(reply, appError('route_not_found'));
}
