/**
 * Hostile input against every operation of /api/openapi.json: each path parameter, query
 * parameter and body field in turn gets the wrong type, NUL, a lone surrogate, an impossible date,
 * a huge number or string, and each body is also sent empty, as an array, and as text/plain.
 * The routes are discovered from the document, so a route added tomorrow is walked too.
 *
 * Asserted: no 5xx ever; every 4xx is application/problem+json; NUL and lone surrogates are
 * refused with a 400 naming the field; an impossible calendar date in a date field is refused with
 * a 400 naming the field; a JSON body sent as text/plain is 415.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { bearer, createTestApp, type TestApp } from '../support/app';
import { createMppFixture, type MppFixture } from '../support/fixtures';
import { nik } from '../support/site-fixture';

type Schema = {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  propertyNames?: Schema;
  additionalProperties?: Schema | boolean;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
};
type Parameter = { in: 'path' | 'query' | 'header'; name: string; schema: Schema; required?: boolean };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses?: Record<string, { content?: Record<string, unknown> }>;
};
interface Op {
  method: string;
  path: string;
  op: Operation;
}
type Answer = { status: number; type: string; body: string };
interface Case {
  label: string;
  url: string;
  headers?: Record<string, string>;
  payload?: string;
  /** A field the answer must name in a 400 (NUL, surrogate, impossible date). */
  mustName?: string;
  mustStatus?: number;
  /** Also sent by the kiosk and by nobody (the plausible request, the first NUL). */
  everyone?: boolean;
}

// ---------- hostile values ----------
const NUL = 'a\u0000b';
const SURROGATE = 'x\ud800y';
const IMPOSSIBLE_DATES = ['2026-02-30', '2026-13-45'];
const HUGE_STRING = 'x'.repeat(20_000);
const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
const isDateField = (s: Schema) => s.format === 'date' || s.pattern === DATE_PATTERN;

/** Raw (already encoded) path segments that a client or a scanner may send. */
const BAD_SEGMENTS = ['%00', '%ZZ', '%ED%A0%80', 'a'.repeat(150), 'not-a-uuid', '0', '%E2%80%AE', 'x%20y'];
/** Raw query values. */
const BAD_QUERY = ['%00', '%ED%A0%80', 'x%01y', '2026-02-30', '2026-13-45', '1e309', '-1', '9007199254740993', 'x'.repeat(5000), '', '%ZZ'];

let t: TestApp;
let f: MppFixture;
let port = 0;
let tokens: string[] = [];
let kiosk = '';
const ids: Record<string, string> = {};
let nikSerial = 1;
let slotStarts: string[] = [];

/** Which real id a path or body name stands for (`agencyId`, or `id` after `agencies`). */
function realId(name: string, previousSegment = ''): string {
  const key = name === 'id' ? previousSegment : name;
  return ids[key] ?? uuidv7();
}

/** A valid-looking value for a schema, so that one field at a time can be made hostile. */
function sample(s: Schema, name = '', slot = ''): unknown {
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  const branches = s.anyOf ?? s.oneOf;
  if (branches) return sample(branches.find((b) => b.type !== 'null') ?? branches[0], name, slot);
  if (s.allOf?.length) return sample(s.allOf[0], name, slot);
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  switch (type) {
    case 'string':
      return sampleString(s, name);
    case 'integer':
    case 'number': {
      if (name === 'year') return 2026;
      const n = Math.max(s.minimum ?? 1, 1);
      return s.maximum !== undefined ? Math.min(n, s.maximum) : n;
    }
    case 'boolean':
      return typeof s.default === 'boolean' ? s.default : false;
    case 'array': {
      const item = sample(s.items ?? {}, name.replace(/s$/, ''), slot);
      return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => item);
    }
    case 'object':
    case undefined: {
      if (!s.properties && !s.propertyNames && type === undefined) return 'abc';
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) out[k] = sample(v, k, slot);
      const keys = s.propertyNames?.enum;
      if (keys?.length && typeof s.additionalProperties === 'object') out[String(keys[0])] = sample(s.additionalProperties, name, slot);
      return out;
    }
    default:
      return null;
  }
}

function sampleString(s: Schema, name: string): string {
  if (s.format === 'uuid') return realId(name);
  if (isDateField(s) || name === 'date') return '2026-11-26';
  if (s.format === 'date-time' || (name === 'start' && (s.minLength ?? 0) >= 10)) return ids.slotStart;
  if (s.maxLength === 5) return name === 'end' ? '12:00' : '08:00';
  if (s.format === 'email') return 'uji@example.com';
  if (s.format === 'uri' || name === 'website') return 'https://example.com';
  if (s.format === 'binary') return 'file';
  switch (name) {
    case 'nik':
      return nik(1000 + nikSerial++);
    case 'timeZone':
      return 'Asia/Makassar';
    case 'slug':
      return `uji-${nikSerial++}`;
    case 'documentTypeKey':
      return ids.documentTypeKey;
  }
  if (s.pattern?.includes('[0-9')) return '081234567890';
  const text = 'Abc';
  return text.padEnd(Math.max(s.minLength ?? 0, text.length), 'x').slice(0, s.maxLength ?? 100);
}

// ---------- building requests ----------
const segmentsOf = (path: string) => path.split('/');

/** The URL with every path parameter real (or `override` for one of them), and a query string. */
function urlOf(o: Op, override: { name: string; raw: string } | null, query: string): string {
  const segs = segmentsOf(o.path).map((seg, i, all) => {
    const m = /^\{(.+)\}$/.exec(seg);
    if (!m) return seg;
    if (override?.name === m[1]) return override.raw;
    return encodeURIComponent(realId(m[1], all[i - 1]));
  });
  return segs.join('/') + (query ? `?${query}` : '');
}

/** Query parameters with values: required ones always, optional ones too (deeper paths). */
function queryOf(o: Op, override: { name: string; raw: string } | null): string {
  const parts: string[] = [];
  for (const p of o.op.parameters ?? []) {
    if (p.in !== 'query') continue;
    if (override?.name === p.name) {
      if (override.raw === '[]') parts.push(`${p.name}=1`, `${p.name}=2`);
      else parts.push(`${p.name}=${override.raw}`);
      continue;
    }
    // Optional filters that would narrow a listing to nothing are left out; dates and required ones are set.
    if (!p.required && p.schema.format !== 'uuid' && !isDateField(p.schema)) continue;
    const v = sample(p.schema, p.name);
    parts.push(`${p.name}=${encodeURIComponent(String(v))}`);
  }
  return parts.join('&');
}

/** Each leaf (and each object/array node) of a sample body, as a path of keys. */
function nodes(value: unknown, schema: Schema | undefined, path: Array<string | number> = []): Array<{ path: Array<string | number>; schema: Schema | undefined }> {
  const out: Array<{ path: Array<string | number>; schema: Schema | undefined }> = path.length ? [{ path, schema }] : [];
  const plain = schema?.anyOf?.find((b) => b.type !== 'null') ?? schema;
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...nodes(v, plain?.items, [...path, i])));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const sub = plain?.properties?.[k] ?? (typeof plain?.additionalProperties === 'object' ? plain.additionalProperties : undefined);
      out.push(...nodes(v, sub, [...path, k]));
    }
  }
  return out;
}

/** 1 → 'B', 26 → 'BA': letters only, for ticket prefixes. */
const letters = (n: number): string => (n < 26 ? '' : letters(Math.floor(n / 26))) + String.fromCharCode(65 + (n % 26));

/**
 * Fresh values where the sample would collide with an earlier request: a new NIK, another free
 * slot, and new usernames, keys, codes, prefixes and counter numbers, so that "already taken" or
 * "one booking per NIK and day" does not stop a hostile value before it reaches the database.
 * Only untouched sample values are replaced, never the hostile one under test.
 */
function fresh(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fresh);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => {
      const n = nikSerial++;
      if (k === 'nik' && typeof v === 'string' && /^\d{16}$/.test(v)) return [k, nik(1000 + n)];
      if (k === 'start' && v === ids.slotStart) return [k, slotStarts[n % slotStarts.length]];
      if (typeof v === 'string' && v.startsWith('Abc')) {
        if (k === 'prefix') return [k, letters(n).slice(-4)];
        if (['username', 'shortName', 'key', 'code'].includes(k)) return [k, `${v}${n}`];
      }
      if (k === 'number' && v === 1) return [k, 100 + (n % 9000)];
      return [k, fresh(v)];
    }),
  );
}

function withValue(body: unknown, path: Array<string | number>, value: unknown): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let at = copy;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
  at[path[path.length - 1]] = value;
  return copy;
}

const valueAt = (body: unknown, path: Array<string | number>) => path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], body);

/**
 * Hostile values for one body field, chosen by what the field holds, each with the field a 400
 * must name (text fields: NUL, lone surrogate, control character; date fields: impossible dates).
 */
function hostileFor(current: unknown, schema: Schema | undefined, field: string): Array<[string, unknown, string?]> {
  if (typeof current === 'string') {
    const out: Array<[string, unknown, string?]> = [
      ['NUL', NUL, field],
      ['surrogate', SURROGATE, field],
      ['control', 'a\u001bb', field],
      ['huge string', HUGE_STRING],
      ['number', 123456789],
      ['null', null],
      ['object', {}],
    ];
    const plain = schema?.anyOf?.find((b) => b.type !== 'null') ?? schema;
    if (plain && isDateField(plain)) for (const d of IMPOSSIBLE_DATES) out.push([`date ${d}`, d, field]);
    // A well-formed id that names no row (a foreign key in waiting).
    if (plain?.format === 'uuid') out.push(['unknown id', uuidv7()]);
    return out;
  }
  if (typeof current === 'number') return [['text', NUL], ['huge number', 1e308], ['unsafe integer', 2 ** 63], ['negative', -1], ['fraction', 0.5], ['null', null]];
  if (typeof current === 'boolean') return [['text', NUL], ['number', 1], ['null', null]];
  if (Array.isArray(current)) return [['object', {}], ['array of NUL', [NUL], `${field}.0`], ['null', null]];
  return [['array', []], ['text', NUL], ['null', null]];
}

function casesOf(o: Op): Case[] {
  const cases: Case[] = [];
  const baseQuery = queryOf(o, null);
  const jsonSchema = o.op.requestBody?.content['application/json']?.schema;
  const multipart = o.op.requestBody?.content['multipart/form-data'];
  const body = jsonSchema ? sample(jsonSchema) : undefined;
  const json = (payload: unknown) => ({ headers: { 'content-type': 'application/json' }, payload: JSON.stringify(fresh(payload)) });
  const bodyArgs: { headers?: Record<string, string>; payload?: string } = body === undefined ? {} : json(body);

  for (const p of o.op.parameters ?? []) {
    if (p.in === 'path') {
      for (const raw of [encodeURIComponent(uuidv7()), ...BAD_SEGMENTS]) {
        const c: Case = { label: `path ${p.name}=${raw.slice(0, 20)}`, url: urlOf(o, { name: p.name, raw }, baseQuery), ...bodyArgs };
        if (raw === '%00') c.mustName = `params.${p.name}`;
        if (raw.length > 100) c.mustStatus = 414;
        cases.push(c);
      }
    } else if (p.in === 'query') {
      for (const raw of [...BAD_QUERY, '[]']) {
        const c: Case = { label: `query ${p.name}=${raw.slice(0, 20)}`, url: urlOf(o, null, queryOf(o, { name: p.name, raw })), ...bodyArgs };
        if (raw === '%00' || raw === 'x%01y') c.mustName = `querystring.${p.name}`;
        if (IMPOSSIBLE_DATES.includes(raw) && isDateField(p.schema)) c.mustName = `querystring.${p.name}`;
        cases.push(c);
      }
    } else if (p.in === 'header') {
      for (const v of ['x', 'x'.repeat(5000), '\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9']) {
        cases.push({ label: `header ${p.name}`, url: urlOf(o, null, baseQuery), ...bodyArgs, headers: { ...bodyArgs.headers, [p.name]: v } });
      }
    }
  }

  const url = urlOf(o, null, baseQuery);
  if (jsonSchema) {
    for (const { path, schema } of nodes(body, jsonSchema)) {
      const field = `body.${path.join('.')}`;
      for (const [what, value, mustName] of hostileFor(valueAt(body, path), schema, field)) {
        cases.push({ label: `${field} ${what}`, url, ...json(withValue(body, path, value)), mustName });
      }
    }
    for (const [what, payload] of [
      ['{}', {}],
      ['[]', []],
      ['[body]', [body]],
      ['string', 'text'],
      ['number', 42],
      ['NUL key', { ...(body as object), 'a\u0000': 1 }],
    ] as Array<[string, unknown]>) {
      cases.push({ label: `body ${what}`, url, ...json(payload) });
    }
    cases.push({ label: 'body null', url, headers: { 'content-type': 'application/json' }, payload: 'null' });
    cases.push({ label: 'malformed json', url, headers: { 'content-type': 'application/json' }, payload: '{"a":' });
    cases.push({ label: 'json as text/plain', url, headers: { 'content-type': 'text/plain' }, payload: JSON.stringify(body), mustStatus: 415 });
    cases.push({ label: 'json as form', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'a=1', mustStatus: 415 });
  }
  if (multipart) {
    cases.push({ label: 'multipart garbage', url, headers: { 'content-type': 'multipart/form-data; boundary=x' }, payload: '--x\r\ngarbage' });
    cases.push({ label: 'multipart as json', url, ...json({ file: 'x' }) });
    cases.push({ label: 'multipart as text/plain', url, headers: { 'content-type': 'text/plain' }, payload: 'x' });
  }
  if (!jsonSchema && !multipart && o.method !== 'GET' && o.method !== 'DELETE') {
    cases.push({ label: 'unexpected text/plain body', url, headers: { 'content-type': 'text/plain' }, payload: 'hello' });
  }
  // Last: the plausible request itself (it may change state: deactivate, revoke, delete).
  cases.push({ label: 'baseline', url, ...bodyArgs, everyone: true });
  const firstNul = cases.find((c) => c.mustName);
  if (firstNul) firstNul.everyone = true;
  return cases;
}

// ---------- running ----------
const isStream = (o: Op) => Object.values(o.op.responses ?? {}).some((r) => r.content && 'text/event-stream' in r.content);

async function send(o: Op, c: Case, token: string | null): Promise<Answer> {
  const headers = { ...(c.headers ?? {}), ...(token ? bearer(token) : {}) };
  if (isStream(o)) {
    // A stream never ends: read the head over real HTTP and hang up.
    const abort = new AbortController();
    const res = await fetch(`http://127.0.0.1:${port}${c.url}`, { method: o.method, headers, signal: abort.signal });
    const type = res.headers.get('content-type') ?? '';
    const body = type.includes('event-stream') ? '' : await res.text();
    abort.abort();
    return { status: res.status, type, body };
  }
  const res = await t.app.inject({ method: o.method as 'GET', url: c.url, headers, ...(c.payload !== undefined ? { payload: c.payload } : {}) });
  return { status: res.statusCode, type: String(res.headers['content-type'] ?? ''), body: res.body };
}

/** What is wrong with an answer, or null. */
function judge(c: Case, a: Answer): string | null {
  if (a.status >= 500) return `${a.status} ${a.body.slice(0, 160)}`;
  if (a.status >= 400) {
    if (!a.type.startsWith('application/problem+json')) return `${a.status} as ${a.type || 'no content type'}: ${a.body.slice(0, 120)}`;
    let problem: { type?: string; code?: string; errors?: Array<{ field: string; sheet?: string; row?: number }> };
    try {
      problem = JSON.parse(a.body);
    } catch {
      return `${a.status} problem is not JSON`;
    }
    if (typeof problem.type !== 'string' || typeof problem.code !== 'string') return `${a.status} problem without type/code`;
    // A field is named as `body.x.y`, or by the catalogue import as {sheet, row (1-based), field}.
    const named = (e: { field: string; sheet?: string; row?: number }) => e.field === c.mustName || (e.sheet !== undefined && `body.${e.sheet}.${(e.row ?? 0) - 1}.${e.field}` === c.mustName);
    if (c.mustName && a.status === 400 && !problem.errors?.some(named)) return `400 does not name ${c.mustName}: ${a.body.slice(0, 160)}`;
  }
  // Text and dates are checked before anything else (authorization, rate limits, lookups).
  if (c.mustName && a.status !== 400) return `${a.status}, expected 400 naming ${c.mustName}`;
  if (c.mustStatus && a.status !== c.mustStatus) return `${a.status}, expected ${c.mustStatus}`;
  return null;
}

/** Operations in an order that keeps the fixture usable: reads, then changes, then removals. */
function ordered(doc: { paths: Record<string, Record<string, Operation>> }): Op[] {
  const ops: Op[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) ops.push({ method: method.toUpperCase(), path, op });
  }
  const rank = (o: Op) => (o.method === 'GET' ? 0 : o.method === 'DELETE' ? 3 : /(deactivate|revoke|cancel|logout|no-show)$/.test(o.path) ? 2 : 1);
  return ops.sort((a, b) => rank(a) - rank(b));
}

async function stillSignedIn(token: string): Promise<boolean> {
  const res = await t.app.inject({ url: '/api/v1/auth/me', headers: bearer(token) });
  return res.statusCode === 200;
}

beforeAll(async () => {
  t = await createTestApp({ start: '2026-11-25T09:00:00+08:00' });
  // No per-address booking limit and no seats kept for walk-ins: every booking case can get deep.
  f = await createMppFixture(t, { settings: { booking: { perIpPerHour: 1_000_000, walkInShare: 0 } } });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as { port: number }).port;
  // One caller that may do everything a person may (platform admin + site admin for queue.serve),
  // and spares for when an operation ends its session (logout, password change).
  const memberships = [
    { role: 'platform_admin' as const, siteId: null, agencyId: null },
    { role: 'site_admin' as const, siteId: f.siteId, agencyId: null },
  ];
  tokens = await Promise.all([0, 1, 2, 3].map(() => t.userToken({ memberships })));
  kiosk = f.kioskToken;

  const admin = bearer(tokens[0]);
  const staff = await t.app.inject({ url: '/api/v1/auth/me', headers: bearer(f.tokens.officer.dukcapil) });
  const docType = await t.app.inject({ method: 'POST', url: '/api/v1/catalog/document-types', headers: admin, payload: { key: 'surat-uji', name: 'Surat uji' } });
  const holiday = await t.app.inject({ method: 'POST', url: `/api/v1/sites/${f.siteId}/holidays`, headers: admin, payload: { date: '2026-12-28', name: 'Tutup uji' } });
  const national = await t.app.inject({ method: 'POST', url: '/api/v1/holidays', headers: admin, payload: { date: '2026-12-29', name: 'Libur uji', kind: 'national' } });
  const slots = await t.app.inject({ url: `/api/v1/sites/${f.siteId}/services/${f.service.kk}/slots?date=2026-11-26` });
  for (const date of ['2026-11-26', '2026-11-27', '2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03']) {
    const day = await t.app.inject({ url: `/api/v1/sites/${f.siteId}/services/${f.service.kk}/slots?date=${date}` });
    slotStarts.push(...(day.json() as Array<{ start: string }>).map((s) => s.start));
  }
  const slotStart = slotStarts.shift()!;
  const booking = await t.app.inject({ method: 'POST', url: `/api/v1/sites/${f.siteId}/bookings`, payload: { serviceId: f.service.kk, start: slotStart, nik: nik(1), name: 'Warga Uji' } });
  const ticket = await t.app.inject({ method: 'POST', url: `/api/v1/sites/${f.siteId}/tickets`, headers: bearer(kiosk), payload: { serviceId: f.service.ktp } });
  for (const res of [staff, docType, holiday, national, slots, booking, ticket]) expect(res.statusCode, res.body).toBeLessThan(300);

  Object.assign(ids, {
    siteId: f.siteId,
    sites: f.siteId,
    agencyId: f.agency.dukcapil,
    agencies: f.agency.dukcapil,
    serviceId: f.service.kk,
    services: f.service.kk,
    counterId: f.counter.c1,
    counters: f.counter.c1,
    userId: staff.json().id,
    staff: staff.json().id,
    holidayId: holiday.json().id,
    holidays: national.json().id,
    'document-types': docType.json().id,
    documentTypeKey: docType.json().key,
    tickets: ticket.json().id,
    trackingCode: ticket.json().trackingCode,
    code: booking.json().code,
    bookings: booking.json().code,
    slotStart,
    // The province view: Kalimantan Timur and Kota Samarinda (Kemendagri codes).
    provinceCode: '64',
    regencyCode: '6472',
  });
});
afterAll(async () => t?.close());

describe('every operation of /api/openapi.json under hostile input', () => {
  // Thousands of requests in one ordered walk (operations change state the next ones use): a
  // limit that catches a hang, not a speed check; it grows with every route added.
  it('answers 4xx problem+json, never 5xx, and names the field', { timeout: 900_000 }, async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    const ops = ordered(doc);
    expect(ops.length).toBeGreaterThan(50);
    const failures: string[] = [];
    let sent = 0;
    for (const o of ops) {
      for (const c of casesOf(o)) {
        // Staff first; the kiosk and nobody try the plausible request and the NUL cases too.
        const callers = c.everyone ? [tokens[0], kiosk, null] : [tokens[0]];
        for (const who of callers) {
          const answer = await send(o, c, who);
          sent++;
          const wrong = judge(c, answer);
          if (wrong) failures.push(`${o.method} ${o.path} [${c.label}${who === kiosk ? ', kiosk' : who === null ? ', anonymous' : ''}] → ${wrong}`);
        }
      }
      // An operation may end the session (logout, password change): go on with a spare.
      if (!(await stillSignedIn(tokens[0]))) {
        tokens.shift();
        expect(tokens.length, `no spare session left after ${o.method} ${o.path}`).toBeGreaterThan(0);
      }
    }
    expect(sent).toBeGreaterThan(1000);
    expect(failures).toEqual([]);
  });

  it('answers malformed paths and Fastify errors as problems', async () => {
    const raw: Array<[string, string, number?]> = [
      ['GET', '/api/v1/sites/%00'],
      ['GET', '/api/v1/sites/%ZZ'],
      ['GET', `/api/v1/sites/${'a'.repeat(500)}`, 414],
      ['GET', `/api/v1/sites/${'a'.repeat(500)}/services`, 414],
      ['GET', '/api/v1/nothing-here', 404],
      ['GET', '/api/v1/%E0%A4%A'],
      ['PATCH', '/api/health', 404],
      ['GET', '/api/v1/sites?x=%00'],
    ];
    const failures: string[] = [];
    for (const [method, url, status] of raw) {
      const res = await t.app.inject({ method: method as 'GET', url });
      const wrong = judge({ label: url, url, mustStatus: status }, { status: res.statusCode, type: String(res.headers['content-type'] ?? ''), body: res.body });
      if (wrong) failures.push(`${method} ${url.slice(0, 60)} → ${wrong}`);
    }
    // Over real HTTP too: a request line beyond Node's header limit.
    const huge = await fetch(`http://127.0.0.1:${port}/api/v1/sites?q=${'x'.repeat(20_000)}`);
    if (huge.status >= 500 || !(huge.headers.get('content-type') ?? '').startsWith('application/problem+json')) failures.push(`huge URL → ${huge.status} ${huge.headers.get('content-type')}`);
    expect(failures).toEqual([]);
  });
});
