/**
 * Reading answers through the shared contracts (src/contracts), so an integration test sees the
 * API as the web and integrators do: `ok(res, catalog.siteDetail, 200)` asserts the status,
 * decodes the body with the route's response schema and returns it typed; `problem(res, 409,
 * 'queue.closed')` does the same for a problem document. Both are strict: a member the contract
 * does not declare, a mistyped one, or one the schema would have to default or transform fails
 * the test (zod objects strip unknown keys silently, so the decoded value is encoded again and
 * compared with the body).
 */
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { z } from 'zod';
import { problem as problemSchema } from '../../src/contracts/common';
import { ERROR_CATALOGUE, type ErrorCode, type ErrorEntry, type ErrorExtra } from '../../src/contracts/errors/index';
import { declaredResponse } from './routes';

type Answer = LightMyRequestResponse;

/** A problem document as a client reads it, with the extra members its code carries. */
const knownMembers = z.object(problemSchema.shape);
export type Problem<C extends ErrorCode = ErrorCode> = Omit<z.output<typeof knownMembers>, 'code'> & { code: C } & (ErrorExtra<C> extends undefined ? unknown : ErrorExtra<C>);

/** The 2xx answer `res` (status `status`) decoded with its route's response schema. */
export function ok<S extends z.ZodType>(res: Answer, schema: S, status = 200): z.output<S> {
  expect(res.statusCode, `${describe(res)}: ${res.body}`).toBe(status);
  expect(res.headers['content-type'], describe(res)).toMatch(/^application\/json/);
  const declared = declaredResponse(res, status);
  if (declared !== undefined) expect(sameSchema(declared, schema), `${describe(res)}: the test reads it with another schema than the route's ${status} response`).toBe(true);
  return decodeStrictly(schema, JSON.parse(res.body), describe(res));
}

/** The same for an answer of real HTTP (`fetch`), e.g. in races. */
export async function okHttp<S extends z.ZodType>(res: Response, schema: S, status = 200): Promise<z.output<S>> {
  const body = await res.text();
  expect(res.status, `${res.url}: ${body}`).toBe(status);
  expect(res.headers.get('content-type'), res.url).toMatch(/^application\/json/);
  return decodeStrictly(schema, JSON.parse(body), res.url);
}

/**
 * The problem document `res` is: its HTTP status (the catalogue's for `code`), the code, the
 * problem schema, and no members but the schema's and the ones the catalogue declares for the code.
 */
export function problem<C extends ErrorCode>(res: Answer, status: number, code?: C): Problem<C> {
  expect(res.statusCode, `${describe(res)}: ${res.body}`).toBe(status);
  expect(res.headers['content-type'], describe(res)).toMatch(/^application\/problem\+json/);
  return checkProblem(JSON.parse(res.body), status, code, describe(res));
}

/** The same for an answer of real HTTP (`fetch`). */
export async function problemHttp<C extends ErrorCode>(res: Response, status: number, code?: C): Promise<Problem<C>> {
  const body = await res.text();
  expect(res.status, `${res.url}: ${body}`).toBe(status);
  expect(res.headers.get('content-type'), res.url).toMatch(/^application\/problem\+json/);
  return checkProblem(JSON.parse(body), status, code, res.url);
}

/** A problem's HTTP status and code, for races that count outcomes. */
export function problemCode(body: unknown): ErrorCode {
  const p = decodeStrictly(problemSchema, body, 'problem');
  expect(Object.keys(ERROR_CATALOGUE)).toContain(p.code);
  return p.code as ErrorCode;
}

function checkProblem<C extends ErrorCode>(body: unknown, status: number, code: C | undefined, where: string): Problem<C> {
  const p = decodeStrictly(problemSchema, body, where);
  if (code !== undefined) expect(p.code, `${where}: ${JSON.stringify(body)}`).toBe(code);
  const entry: ErrorEntry | undefined = ERROR_CATALOGUE[p.code as ErrorCode];
  expect(entry, `${where}: code ${p.code} is not in the error catalogue`).toBeDefined();
  expect(entry!.status, `${where}: the catalogue's status of ${p.code}`).toBe(status);
  expect(p.status).toBe(status);
  expect(p.type).toBe(`urn:loket:problem:${p.code}`);
  const allowed = new Set([...Object.keys(problemSchema.shape), ...(entry?.extra?.fields ?? [])]);
  const unknown = Object.keys(p).filter((k) => !allowed.has(k));
  expect(unknown, `${where}: members of the ${p.code} problem that neither the problem schema nor its catalogue entry declares`).toEqual([]);
  return p as unknown as Problem<C>;
}

/** Decodes a JSON value (dates arrive as strings) and fails on anything the contract does not say. */
export function decodeStrictly<S extends z.ZodType>(schema: S, body: unknown, where: string): z.output<S> {
  const decoded = z.safeDecode(schema, body as z.input<S>);
  if (!decoded.success) expect.fail(`${where}: the body does not match the contract:\n${z.prettifyError(decoded.error)}\n${JSON.stringify(body).slice(0, 2000)}`);
  const again = JSON.parse(JSON.stringify(z.encode(schema, decoded.data))) as unknown;
  const drift = differences(body, again, '');
  if (drift.length) expect.fail(`${where}: the contract does not describe the body as sent:\n${drift.slice(0, 20).join('\n')}`);
  return decoded.data;
}

function differences(sent: unknown, described: unknown, path: string): string[] {
  if (Array.isArray(sent) && Array.isArray(described)) {
    if (sent.length !== described.length) return [`${path || '(body)'}: ${sent.length} items sent, ${described.length} described`];
    return sent.flatMap((v, i) => differences(v, described[i], `${path}[${i}]`));
  }
  if (isObject(sent) && isObject(described)) {
    const keys = new Set([...Object.keys(sent), ...Object.keys(described)]);
    return [...keys].flatMap((k) => {
      const at = path ? `${path}.${k}` : k;
      if (!(k in described)) return [`${at}: sent, but not in the contract`];
      if (!(k in sent)) return [`${at}: not sent, but the contract adds it (a default?)`];
      return differences(sent[k], described[k], at);
    });
  }
  return Object.is(sent, described) ? [] : [`${path || '(body)'}: sent ${JSON.stringify(sent)}, the contract makes it ${JSON.stringify(described)}`];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const describe = (res: Answer) => `${res.raw.req.method} ${res.raw.req.url}`;

// The route may wrap the contract (`z.array(c.slot)`, `.describe(…)`): the same schema means the
// same JSON Schema, descriptions aside.
const jsonSchemas = new WeakMap<z.ZodType, string>();
function jsonSchemaOf(s: z.ZodType): string {
  let j = jsonSchemas.get(s);
  if (j === undefined) {
    const strip = (_k: string, v: unknown) => (isObject(v) ? Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'description' && k !== '$schema')) : v);
    j = JSON.stringify(z.toJSONSchema(s, { io: 'output', unrepresentable: 'any' }), strip);
    jsonSchemas.set(s, j);
  }
  return j;
}
const sameSchema = (a: z.ZodType, b: z.ZodType) => a === b || jsonSchemaOf(a) === jsonSchemaOf(b);
