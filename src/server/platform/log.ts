/**
 * What may reach the log. A failed query carries its parameters (drizzle's DrizzleQueryError puts
 * them in `.params` and in its message, and PGlite's error repeats them), so one bad insert into
 * `users` would write an argon2 hash, a NIK or a phone number into a file many people read.
 * Every logged error goes through `serializeError`, and every logger this app builds gets it with
 * `safeLoggerOptions`, whoever configures the logger (the server, or a test capturing the log).
 */
import type { LoggerOptions } from 'pino';

const CENSOR = '[redacted]';

/** Fields never logged, wherever they sit in a logged object (headers, bodies, error extras). */
const SECRET_KEYS = ['password', 'currentPassword', 'newPassword', 'temporaryPassword', 'passwordHash', 'token', 'secret', 'nik', 'phone', 'authorization', 'cookie'];

export const REDACT_PATHS: string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  ...SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]),
];

/** Keys of database errors whose values are the statement's parameters. */
const PARAM_KEYS = new Set(['params', 'parameters', 'values', 'queryOptions']);

/** Values that look like secrets, in any text of an error (messages, stacks, details). */
const SECRET_TEXT: Array<[RegExp, string]> = [
  // PHC strings hold commas ($argon2id$v=19$m=19456,t=2,p=1$salt$hash): take up to whitespace.
  [/\$argon2(?:id|i|d)\$[^\s'"]*/g, '[redacted hash]'],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${CENSOR}`],
  [/(?<!\d)\d{16}(?!\d)/g, '[redacted nik]'],
  [/(?<![\w+])(?:\+?62|0)8\d{7,12}(?!\d)/g, '[redacted phone]'],
];

export function scrubText(s: string): string {
  let out = s;
  for (const [re, to] of SECRET_TEXT) out = out.replace(re, to);
  return out;
}

/** A PostgreSQL error (both drivers): a five-character SQLSTATE. */
const isSqlError = (e: Record<string, unknown>) => typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code);

/**
 * The message without values: drizzle appends `params: …`; PostgreSQL ends messages such as
 * `invalid input syntax for type uuid: "…"` with the offending value.
 */
function safeMessage(e: Record<string, unknown>): string {
  let m = typeof e.message === 'string' ? e.message : String(e.message ?? '');
  if ('params' in e) m = m.replace(/\nparams: [\s\S]*$/, '');
  if (isSqlError(e)) m = m.replace(/: "(?:[^"]|"")*"$/, `: "${CENSOR}"`);
  return scrubText(m);
}

/** `detail` (`Key (nik_hash)=(…) already exists.`) and `where` (`parameter $1 = '…'`) name values too. */
function safeDbText(key: string, v: string): string {
  if (key === 'detail') return scrubText(v.replace(/\)=\((.*?)\)( already exists| is not present|$)/g, `)=(${CENSOR})$2`).replace(/^Failing row contains \(.*\)\.?$/s, `Failing row contains (${CENSOR}).`));
  if (key === 'where') return scrubText(v.replace(/= '(?:[^']|'')*'/g, `= '${CENSOR}'`));
  return scrubText(v);
}

/** The stack with its first line (the raw message) replaced by the safe one. */
function safeStack(e: Record<string, unknown>, type: string, message: string): string | undefined {
  if (typeof e.stack !== 'string') return undefined;
  const frames = e.stack.indexOf('\n    at ');
  return `${type}: ${message}${frames >= 0 ? scrubText(e.stack.slice(frames)) : ''}`;
}

function plain(v: unknown, depth: number): unknown {
  if (typeof v === 'string') return scrubText(v);
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof Error) return serialize(v as unknown as Record<string, unknown>, depth + 1);
  if (depth > 4) return '[object]';
  if (Array.isArray(v)) return v.map((x) => plain(x, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = SECRET_KEYS.includes(k) ? CENSOR : plain(x, depth + 1);
  return out;
}

function serialize(e: Record<string, unknown>, depth: number): Record<string, unknown> {
  // PGlite's error class is minified ("O"): call it what it is.
  const ctor = (e.constructor as { name?: string } | undefined)?.name ?? '';
  const type = isSqlError(e) && ctor.length <= 2 ? 'DatabaseError' : ctor || 'Error';
  const message = safeMessage(e);
  const out: Record<string, unknown> = { type, message, stack: safeStack(e, type, message) };
  for (const [k, v] of Object.entries(e)) {
    if (k === 'message' || k === 'stack' || k === 'cause' || PARAM_KEYS.has(k) || v === undefined) continue;
    out[k] = SECRET_KEYS.includes(k) ? CENSOR : typeof v === 'string' ? safeDbText(k, v) : plain(v, depth);
  }
  if (e.cause !== undefined && depth < 5) out.cause = e.cause instanceof Error ? serialize(e.cause as unknown as Record<string, unknown>, depth + 1) : plain(e.cause, depth);
  return out;
}

/** pino `err` serializer: the error, its causes and extras, without parameters or secrets. */
export function serializeError(err: unknown): unknown {
  if (err === null || typeof err !== 'object') return typeof err === 'string' ? scrubText(err) : err;
  return serialize(err as Record<string, unknown>, 0);
}

/** A value already masked for display (`0812•••••890`, NIK `6472••••••••0001`) may stay. */
const censorValue = (v: unknown) => (typeof v === 'string' && v.includes('•') ? v : CENSOR);

type Options = { serializers?: Record<string, unknown>; redact?: string[] | { paths: string[] } } & Record<string, unknown>;

/** Any pino/Fastify logger options, with the error serializer and the redaction paths added. */
export function safeLoggerOptions(opts: object): LoggerOptions {
  const o = opts as Options;
  const extra = Array.isArray(o.redact) ? o.redact : (o.redact?.paths ?? []);
  return {
    ...o,
    serializers: { ...(o.serializers as LoggerOptions['serializers']), err: serializeError, error: serializeError },
    redact: { paths: [...new Set([...REDACT_PATHS, ...extra])], censor: censorValue },
  } as LoggerOptions;
}
