/**
 * The OpenAPI document an integrator reads: every operation says who may call it (`security`),
 * what it answers (its 2xx schema) and how it refuses (problem documents). Routes declare their
 * summary, security and any unusual refusal (`problems: [429]`); the transform below derives the
 * rest the same way for every route, so a route added tomorrow is documented like the others.
 */
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problem } from '../../contracts/common';

declare module 'fastify' {
  interface FastifySchema {
    /** Problem statuses the operation may answer besides those derived from it (e.g. 429). */
    problems?: readonly number[];
  }
}

type Requirement = Record<string, string[]>;

/** The ways to call an operation. A cookie session must also send the CSRF header on writes. */
export const SECURITY = {
  /** Public: no credentials. */
  none: [] as Requirement[],
  /** A staff session: `Authorization: Bearer <token>` or the session cookie. */
  staff: [{ staffBearer: [] }, { staffCookie: [] }] as Requirement[],
  /** A paired kiosk or display: `Authorization: Bearer ld_…`. */
  device: [{ deviceBearer: [] }] as Requirement[],
  /** A paired kiosk or a staff session (issuing a ticket, checking a booking in). */
  deviceOrStaff: [{ deviceBearer: [] }, { staffBearer: [] }, { staffCookie: [] }] as Requirement[],
  /**
   * Public, with more for who signs in: staff or a kiosk are held by their own proof limits
   * instead of the address's (booking lookups), or see what their role allows.
   */
  optional: [{}, { deviceBearer: [] }, { staffBearer: [] }, { staffCookie: [] }] as Requirement[],
  /** A citizen's session (`lc_…` bearer or the citizen cookie): never a staff session. */
  citizen: [{ citizenBearer: [] }, { citizenCookie: [] }] as Requirement[],
  /** Public, or a signed-in citizen (a booking made while signed in joins their history). */
  optionalCitizen: [{}, { citizenBearer: [] }, { citizenCookie: [] }] as Requirement[],
} as const;

export const SECURITY_SCHEMES = {
  staffBearer: { type: 'http', scheme: 'bearer', description: 'Staff session token from POST /api/v1/auth/login (no CSRF header needed)' },
  staffCookie: { type: 'apiKey', in: 'cookie', name: 'loket_session', description: 'Staff session cookie set by POST /api/v1/auth/login; writes also need the csrf header' },
  csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token', description: 'The value of the loket_csrf cookie, echoed on every non-GET request made with the session cookie' },
  deviceBearer: { type: 'http', scheme: 'bearer', description: 'Device token (ld_…) of a paired kiosk or display, from POST /api/v1/devices/claim' },
  citizenCsrf: { type: 'apiKey', in: 'header', name: 'x-citizen-csrf', description: 'The value of the loket_citizen_csrf cookie, echoed on every non-GET request made with the citizen cookie' },
  citizenBearer: { type: 'http', scheme: 'bearer', description: "Citizen session token (lc_…) from POST /api/v1/citizen/verify; refused on every staff route" },
  citizenCookie: { type: 'apiKey', in: 'cookie', name: 'loket_citizen', description: 'Citizen session cookie set by POST /api/v1/citizen/verify; writes also send the value of the loket_citizen_csrf cookie in the x-citizen-csrf header' },
} as const;

/** The tags of the document, one per module (and the platform's own routes). */
export const OPENAPI_TAGS = [
  { name: 'platform', description: 'Health and readiness' },
  { name: 'access', description: 'Sign-in, first run, platform users, devices (kiosk, display) and the audit log' },
  { name: 'staff', description: 'Staff of one site and their roles' },
  { name: 'catalog', description: 'The public catalogue: sites, agencies, services and their published standards, holidays' },
  { name: 'catalog admin', description: 'Administration of the catalogue: agencies, services, counters, document types, holidays, import and export' },
  { name: 'queue', description: 'Tickets: issuing at the kiosk, the counter console, public status and displays (SSE)' },
  { name: 'booking', description: "Online booking: slots, a citizen's booking, the operator's calendar" },
  { name: 'applications', description: 'Applications after the counter (permohonan): registration, statuses, working-day deadlines, boards, public tracking, pickup, exports' },
  { name: 'province', description: "The province view: every kabupaten/kota's MPP from usulan to peresmian, its evidence, and the operating MPPs side by side" },
  { name: 'survey', description: 'Satisfaction survey (SKM): answers, the published index (IKM), reports, follow-up actions, survey tablets' },
  { name: 'citizens', description: "Citizens' accounts: sign-in by one-time code, profile, history, document wallet, readiness, consents, the access log" },
  { name: 'shared', description: "Staff, through a citizen's consent only: the share code's documents, review, NIK check, issuing" },
  { name: 'complaints', description: 'Complaints (pengaduan): public filing and tracking, the workflow with working-day deadlines, the board, the SP4N-LAPOR! export and figures' },
  { name: 'reports', description: 'Reports: the summary of a scope and period, the monthly report (kept, with notes), settings, the public transparency page' },
];

const PROBLEM_REF = { $ref: '#/components/schemas/Problem' };

/** The Problem component: RFC 9457 with Loket's code, bilingual messages and field errors. */
export function problemComponent(): Record<string, unknown> {
  const { $schema: _drop, ...schema } = z.toJSONSchema(problem, { target: 'draft-2020-12', io: 'output' }) as Record<string, unknown>;
  return schema;
}

const REASONS: Record<number, string> = {
  400: 'Invalid input: `errors` names each field',
  401: 'Not signed in, or the session or device token expired',
  403: 'Signed in, but without a right in this scope (or a cookie write without the CSRF header)',
  404: 'An id or code in the path names nothing (or nothing the caller may see)',
  409: 'A conflict: a duplicate, a record still in use, or the wrong state',
  413: 'The body or upload is over its limit',
  415: 'The body is not of a type this operation takes',
  429: 'Too many attempts: wait for Retry-After (seconds)',
  503: 'Not ready: the database does not answer, or migrations are not applied',
};

const problemResponse = (status: number) => ({
  description: REASONS[status] ?? 'Problem',
  content: { 'application/problem+json': { schema: PROBLEM_REF } },
});

const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** `GET /api/v1/sites/{siteId}/services` → `getSitesSiteIdServices`: stable and unique per route. */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .replace(/^\/api(\/v1)?\//, '')
    .split(/[/:{}\-_.]+/)
    .filter(Boolean);
  return method.toLowerCase() + words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
}

type TransformInput = Parameters<typeof jsonSchemaTransform>[0] & { route?: { method?: string | string[] } };

/**
 * jsonSchemaTransform (zod → JSON Schema), then: the operation id, CSRF on cookie writes, and the
 * problem responses that apply (400 always; 401/403 when it needs credentials; 404 with path
 * parameters; 409 on writes; the route's own `problems`) plus a `default` problem.
 */
export function openapiTransform(input: TransformInput): ReturnType<typeof jsonSchemaTransform> {
  const { problems: extra = [], ...schema } = (input.schema ?? {}) as Record<string, unknown> & { problems?: readonly number[] };
  const out = jsonSchemaTransform({ ...input, schema } as typeof input);
  const doc = out.schema as Record<string, unknown> & { hide?: boolean; security?: Requirement[]; response?: Record<string, unknown>; params?: unknown };
  if (!doc || doc.hide) return out;
  const rawMethod = input.route?.method ?? 'GET';
  const method = (Array.isArray(rawMethod) ? rawMethod[0] : rawMethod).toUpperCase();

  doc.operationId ??= operationIdOf(method, out.url);
  // A route that declares no security stays without: the lint test names it (security-defined).
  const security = doc.security ?? [];
  if (doc.security && WRITE.has(method)) doc.security = security.map((r) => ('staffCookie' in r ? { ...r, csrf: [] } : 'citizenCookie' in r ? { ...r, citizenCsrf: [] } : r));

  const needsCredentials = security.length > 0 && !security.some((r) => Object.keys(r).length === 0);
  const statuses = new Set<number>([400, ...extra]);
  if (needsCredentials) (statuses.add(401), statuses.add(403));
  if (/:[A-Za-z]/.test(out.url)) statuses.add(404);
  if (WRITE.has(method)) statuses.add(409);
  const response: Record<string, unknown> = { ...(doc.response ?? {}) };
  for (const s of [...statuses].sort()) response[String(s)] ??= problemResponse(s);
  response.default ??= { description: 'Any other problem (413, 415, 503, …)', content: { 'application/problem+json': { schema: PROBLEM_REF } } };
  doc.response = response;
  return out;
}

/** The response schema of a 204: no body (the document then shows no content). */
export const noContent = z.null().describe('No content');

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A 200 that is a file, not JSON (a calendar, a CSV or XLSX export, a stored document): documented
 * per content type. Such handlers send a string or a Buffer, which Fastify never serializes.
 */
const binary = z.string().meta({ format: 'binary' }) as unknown as z.ZodType<string | Uint8Array>;
export const fileResponse = (description: string, types: readonly string[]) => ({
  description,
  content: Object.fromEntries(types.map((t) => [t, { schema: binary }])),
});

/** A 200 that is JSON (with its schema) or, by `format`, one of the file types. */
export const jsonOrFileResponse = (description: string, json: z.ZodType, types: readonly string[]) => ({
  description,
  content: { 'application/json': { schema: json }, ...Object.fromEntries(types.map((t) => [t, { schema: binary }])) },
});
