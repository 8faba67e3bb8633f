/**
 * The integration tests' contract helpers (test/support/contract.ts) must fail where a body
 * drifts from its contract, or they would prove nothing: a small app of its own answers with
 * bodies that drift on purpose.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ok, problem } from './support/contract';
import { noteRoutes } from './support/routes';

const item = z.object({ id: z.number().int(), name: z.string() });
const stamped = z.object({ at: z.codec(z.iso.datetime({ offset: true }), z.date(), { decode: (s) => new Date(s), encode: (d) => d.toISOString() }) });

// `app` notes its routes' schemas, like the test app; `plain` does not (like an answer of real
// HTTP, where there is no route to compare with), so its raw bodies reach the strict decoding.
let app: FastifyInstance;
let plain: FastifyInstance;
beforeAll(async () => {
  const a = Fastify().withTypeProvider<ZodTypeProvider>();
  a.setValidatorCompiler(validatorCompiler);
  a.setSerializerCompiler(serializerCompiler);
  noteRoutes(a);
  a.get('/items', { schema: { response: { 200: z.array(item) } } }, async () => [{ id: 1, name: 'Loket 1' }]);
  a.get('/stamp', { schema: { response: { 200: stamped } } }, async () => ({ at: new Date('2026-11-25T01:00:00.000Z') }));
  // Raw bodies, as a route whose schema lets more through than the contract says would send.
  await a.ready();
  app = a;
  const p = Fastify();
  const raw = (url: string, type: string, status: number, body: unknown) => p.get(url, async (_req, reply) => reply.status(status).type(type).send(JSON.stringify(body)));
  raw('/extra', 'application/json', 200, { id: 1, name: 'Loket 1', nik: '6472010507900001' });
  raw('/mistyped', 'application/json', 200, { id: '1', name: 'Loket 1' });
  raw('/problem', 'application/problem+json', 429, { type: 'urn:loket:problem:rate_limited', title: 'Too many requests.', status: 429, code: 'rate_limited', messages: { id: 'x', en: 'y' }, retryAfter: 30 });
  raw('/problem-extra', 'application/problem+json', 404, { type: 'urn:loket:problem:not_found', title: 'Not found.', status: 404, code: 'not_found', messages: { id: 'x', en: 'y' }, stack: 'at x.ts:1' });
  raw('/problem-status', 'application/problem+json', 400, { type: 'urn:loket:problem:not_found', title: 'Not found.', status: 400, code: 'not_found', messages: { id: 'x', en: 'y' } });
  raw('/problem-field', 'application/problem+json', 400, { type: 'urn:loket:problem:validation_failed', title: 'x', status: 400, code: 'validation_failed', messages: { id: 'x', en: 'y' }, errors: [{ field: 'body.nik', code: 'x', messages: { id: 'x', en: 'y' }, value: '6472010507900001' }] });
  await p.ready();
  plain = p;
});
afterAll(async () => Promise.all([app?.close(), plain?.close()]));

const get = (url: string) => (url === '/items' || url === '/stamp' ? app : plain).inject(url);

describe('ok()', () => {
  it('returns the body decoded with the route’s schema, dates as Dates', async () => {
    const items = ok(await get('/items'), z.array(item));
    expect(items).toEqual([{ id: 1, name: 'Loket 1' }]);
    expect(ok(await get('/stamp'), stamped).at).toEqual(new Date('2026-11-25T01:00:00.000Z'));
  });

  it('fails on another status, a member the contract lacks, or a mistyped one', async () => {
    const [items, extra, mistyped] = await Promise.all([get('/items'), get('/extra'), get('/mistyped')]);
    expect(() => ok(items, z.array(item), 201)).toThrow();
    expect(() => ok(extra, item)).toThrow(/nik: sent, but not in the contract/);
    expect(() => ok(mistyped, item)).toThrow(/does not match the contract/);
  });

  it('fails when the test reads an answer with another schema than its route declares', async () => {
    const [items, stamp] = await Promise.all([get('/items'), get('/stamp')]);
    expect(() => ok(items, z.array(item.extend({ zone: z.string().optional() })))).toThrow(/another schema than the route/);
    expect(() => ok(stamp, z.object({ at: z.string() }))).toThrow(/another schema than the route/);
  });
});

describe('problem()', () => {
  it('returns the problem with the extra members its catalogue entry declares', async () => {
    expect(problem(await get('/problem'), 429, 'rate_limited').retryAfter).toBe(30);
  });

  it('fails on another code, an undeclared member, a status other than the catalogue’s, or an extra field member', async () => {
    const [limited, extra, status, field] = await Promise.all([get('/problem'), get('/problem-extra'), get('/problem-status'), get('/problem-field')]);
    expect(() => problem(limited, 429, 'auth.rate_limited')).toThrow();
    expect(() => problem(extra, 404, 'not_found')).toThrow(/neither the problem schema nor its catalogue entry/);
    expect(() => problem(status, 400, 'not_found')).toThrow(/catalogue's status/);
    expect(() => problem(field, 400, 'validation_failed')).toThrow(/errors\[0\]\.value: sent, but not in the contract/);
  });
});
