/**
 * Bad input, case by case (the OpenAPI walk covers every route generically): text the database
 * cannot keep, impossible dates, unknown referenced ids, malformed URLs and bodies, and the
 * central mapping of database refusals (both drivers) to problems that leak no SQL.
 */
import { count, sql } from 'drizzle-orm';
import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { auditPage, createdUser } from '../../src/contracts/access';
import { slotSchema } from '../../src/contracts/booking';
import { adminAgency } from '../../src/contracts/catalog';
import type { ErrorCode } from '../../src/contracts/errors/index';
import { issuedTicket } from '../../src/contracts/queue';
import { bookings } from '../../src/server/modules/booking/booking.schema';
import { registerProblemHandlers } from '../../src/server/platform/problem';
import { bearer, createTestApp, type TestApp } from '../support/app';
import { ok, problem, problemHttp } from '../support/contract';
import { createMppFixture, type MppFixture } from '../support/fixtures';
import { createSiteFixture, nik } from '../support/site-fixture';

let t: TestApp;
let f: MppFixture;
let admin: string;

beforeAll(async () => {
  t = await createTestApp({ start: '2026-11-25T09:00:00+08:00' });
  f = await createMppFixture(t);
  admin = await t.userToken({ memberships: [{ role: 'platform_admin', siteId: null, agencyId: null }] });
});
afterAll(async () => t?.close());

function expectProblem<C extends ErrorCode>(res: LightMyRequestResponse, status: number, field?: string, code?: C) {
  const p = problem(res, status, code);
  if (field) expect(p.errors?.map((e) => e.field)).toContain(field);
  // Nothing internal: no SQL, no constraint or table names, no driver text.
  expect(res.body).not.toMatch(/insert into|select |violates|constraint|_fk|_ck|Failed query|DrizzleQueryError/i);
  return p;
}
const slotsOf = async (url: string) => ok(await t.app.inject(url), z.array(slotSchema));

describe('text the database cannot keep', () => {
  it('refuses a booking name with NUL, naming the field, and stores nothing', async () => {
    const slots = await slotsOf(`/api/v1/sites/${f.siteId}/services/${f.service.kk}/slots?date=2026-11-26`);
    const stored = async () => (await t.ctx.db.select({ n: count() }).from(bookings))[0].n;
    const before = await stored();
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/sites/${f.siteId}/bookings`, payload: { serviceId: f.service.kk, start: slots[0].start, nik: nik(1), name: 'Budi\u0000Santoso' } });
    expect(expectProblem(res, 400, 'body.name').errors?.[0].code).toBe('text.nul');
    expect(await stored()).toBe(before);
  });

  it('refuses lone surrogates and control characters in nested fields, queries and paths', async () => {
    const desc = await t.app.inject({ method: 'PATCH', url: `/api/v1/catalog/agencies/${f.agency.bpjs}`, headers: bearer(admin), payload: { description: 'Kantor \ud800 cabang' } });
    expect(expectProblem(desc, 400, 'body.description').errors?.[0].code).toBe('text.surrogate');
    const nested = await t.app.inject({ method: 'PATCH', url: `/api/v1/catalog/services/${f.service.ktp}`, headers: bearer(admin), payload: { procedure: ['Ambil nomor', 'Tunggu\u0007'] } });
    expectProblem(nested, 400, 'body.procedure.1');
    expectProblem(await t.app.inject(`/api/v1/sites/${f.siteId}/services?q=a%00b`), 400, 'querystring.q');
    // Anonymous, on a public route: a 400, not a 500 in the error log.
    expectProblem(await t.app.inject('/api/v1/sites/%00'), 400, 'params.siteId');
  });

  it('keeps tabs and line breaks, which are ordinary text', async () => {
    const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/catalog/agencies/${f.agency.bpjs}`, headers: bearer(admin), payload: { description: 'Baris satu\r\nBaris\tdua' } });
    expect(ok(res, adminAgency).description).toBe('Baris satu\r\nBaris\tdua');
  });
});

describe('impossible dates', () => {
  it('refuses 2026-02-30 and 2026-13-45 wherever a date is taken, naming the field', async () => {
    const staff = bearer(f.tokens.siteAdmin);
    for (const date of ['2026-02-30', '2026-13-45']) {
      expectProblem(await t.app.inject(`/api/v1/sites/${f.siteId}/services/${f.service.kk}/slots?date=${date}`), 400, 'querystring.date');
      expectProblem(await t.app.inject({ url: `/api/v1/sites/${f.siteId}/bookings?date=${date}`, headers: staff }), 400, 'querystring.date');
      expectProblem(await t.app.inject({ url: `/api/v1/sites/${f.siteId}/bookings/export?date=${date}`, headers: staff }), 400, 'querystring.date');
      expectProblem(await t.app.inject({ url: `/api/v1/sites/${f.siteId}/bookings/calendar?serviceId=${f.service.kk}&from=2026-11-01&to=${date}`, headers: staff }), 400, 'querystring.to');
      expectProblem(await t.app.inject({ method: 'PUT', url: `/api/v1/sites/${f.siteId}/services/${f.service.kk}/booking-days`, headers: staff, payload: { date, capacityPerSlot: 1 } }), 400, 'body.date');
      expectProblem(await t.app.inject({ method: 'POST', url: `/api/v1/sites/${f.siteId}/holidays`, headers: staff, payload: { date, name: 'Tutup' } }), 400, 'body.date');
      // The audit filter used to read 2026-02-30 as 2 March.
      expectProblem(await t.app.inject({ url: `/api/v1/audit?from=${date}`, headers: staff }), 400, 'querystring.from');
      const booking = await t.app.inject({ method: 'POST', url: `/api/v1/sites/${f.siteId}/bookings`, payload: { serviceId: f.service.kk, start: `${date}T08:00:00+08:00`, nik: nik(2), name: 'Budi' } });
      expectProblem(booking, 400, 'body.start');
    }
  });

  it('still takes real dates and instants (leap day included)', async () => {
    const staff = bearer(f.tokens.siteAdmin);
    ok(await t.app.inject({ url: '/api/v1/audit?from=2028-02-29', headers: staff }), auditPage);
    ok(await t.app.inject({ url: '/api/v1/audit?from=2026-11-24T16:00:00.000Z&to=2026-11-25T15:59:59.999Z', headers: staff }), auditPage);
    await slotsOf(`/api/v1/sites/${f.siteId}/services/${f.service.kk}/slots?date=2026-11-26`);
  });
});

describe('unknown referenced ids', () => {
  it('answers 404 for an unknown site in the path, before any insert', async () => {
    const site = uuidv7();
    expectProblem(await t.app.inject({ method: 'POST', url: `/api/v1/sites/${site}/device-pairings`, headers: bearer(admin), payload: { role: 'kiosk', name: 'Kiosk' } }), 404);
    const staff = await t.app.inject({ method: 'POST', url: `/api/v1/sites/${site}/staff`, headers: bearer(admin), payload: { username: 'petugas-baru', displayName: 'Petugas', password: 'correct-horse-battery', memberships: [{ role: 'site_admin' }] } });
    expectProblem(staff, 404);
  });

  it('answers 400 naming the membership field for an unknown site or agency in POST /users', async () => {
    const body = (m: object) => ({ username: `u${Math.random().toString(36).slice(2, 8)}`, displayName: 'Pengguna', password: 'correct-horse-battery', memberships: [m] });
    const site = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: bearer(admin), payload: body({ role: 'site_admin', siteId: uuidv7(), agencyId: null }) });
    expectProblem(site, 400, 'body.memberships.0.siteId');
    const agency = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: bearer(admin), payload: body({ role: 'officer', siteId: f.siteId, agencyId: uuidv7() }) });
    expectProblem(agency, 400, 'body.memberships.0.agencyId');
    // An agency that exists, but in another site: no foreign key catches that.
    const other = await createSiteFixture(t);
    const elsewhere = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: bearer(admin), payload: body({ role: 'officer', siteId: f.siteId, agencyId: other.agencyA }) });
    expectProblem(elsewhere, 400, 'body.memberships.0.agencyId');
    ok(await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: bearer(admin), payload: body({ role: 'officer', siteId: f.siteId, agencyId: f.agency.bpjs }) }), createdUser, 201);
  });
});

describe('malformed requests', () => {
  it('answers malformed percent-encoding 400 and an over-long path parameter 414, as problems', async () => {
    const bad = await t.app.inject('/api/v1/sites/%ZZ');
    expectProblem(bad, 400, undefined, 'malformed_url');
    const long = await t.app.inject(`/api/v1/sites/${'a'.repeat(101)}/services`);
    expectProblem(long, 414, undefined, 'uri_too_long');
    // 100 characters is still a parameter (a slug that names no site).
    expectProblem(await t.app.inject(`/api/v1/sites/${'a'.repeat(100)}`), 404);
  });

  it('answers a JSON body sent as text/plain with 415', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'text/plain' }, payload: JSON.stringify({ username: 'a', password: 'b' }) });
    expectProblem(res, 415, undefined, 'unsupported_media_type');
  });

  it('answers a body shorter than its Content-Length with 400 bad_request', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json', 'content-length': '500' }, payload: '{"username":"a","password":"b"}' });
    expectProblem(res, 400, undefined, 'bad_request');
  });

  it('answers a request Node cannot parse (a URL over the header limit) with a problem', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as { port: number };
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/sites?q=${'x'.repeat(20_000)}`);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await problemHttp(res, 431, 'headers_too_large')).toMatchObject({ status: 431, code: 'headers_too_large', messages: { id: expect.any(String), en: expect.any(String) } });
  });

  it('keeps the problem messages to {id, en}', async () => {
    const res = problem(await t.app.inject('/api/v1/nope'), 404, 'route_not_found');
    expect(Object.keys(res.messages).sort()).toEqual(['en', 'id']);
  });
});

describe('database refusals mapped centrally', () => {
  // Routes that let the database refuse on purpose, on the real database of this run (PGlite or
  // PostgreSQL), behind the same problem handler as the app.
  let app: FastifyInstance;
  beforeAll(async () => {
    app = Fastify();
    registerProblemHandlers(app);
    const db = t.ctx.db;
    const pairing = (siteId: string) => sql`INSERT INTO device_pairings (id, site_id, role, name, code_hash, created_at, expires_at) VALUES (${uuidv7()}, ${siteId}, 'kiosk', 'x', ${uuidv7()}, now(), now())`;
    app.post<{ Params: { siteId: string } }>('/by-path/:siteId', async (req) => db.execute(pairing(req.params.siteId)));
    app.post<{ Body: { device: { siteId: string } } }>('/by-body', async (req) => db.execute(pairing(req.body.device.siteId)));
    app.post<{ Body: { slug: string } }>('/unique', async (req) => db.execute(sql`INSERT INTO sites (id, slug, name, time_zone, settings, created_at, updated_at) VALUES (${uuidv7()}, ${req.body.slug}, 'x', 'Asia/Makassar', '{}', now(), now())`));
    app.post<{ Params: { id: string } }>('/still-used/:id', async (req) => db.execute(sql`DELETE FROM sites WHERE id = ${req.params.id}`));
    app.post<{ Body: { recalls: number } }>('/check', async (req) => db.execute(sql`UPDATE tickets SET recall_count = ${req.body.recalls}`));
    app.post<{ Body: { on: string } }>('/date', async (req) => db.execute(sql`SELECT ${req.body.on}::date`));
    app.get<{ Params: { id: string } }>('/typed/:id', async (req) => db.execute(sql`SELECT * FROM sites WHERE id = ${req.params.id}::uuid`));
    app.post<{ Body: { n: string } }>('/range', async (req) => db.execute(sql`SELECT ${req.body.n}::int`));
    await app.ready();
    // A ticket for the CHECK constraint (recall_count >= 0) to refuse an update of.
    const ticket = await t.app.inject({ method: 'POST', url: `/api/v1/sites/${f.siteId}/tickets`, headers: bearer(f.kioskToken), payload: { serviceId: f.service.ktp } });
    ok(ticket, issuedTicket, 201);
  });
  afterAll(async () => app?.close());

  it('foreign key: 404 when the id is in the path, 400 naming the body field otherwise, 409 when still referenced', async () => {
    expectProblem(await app.inject({ method: 'POST', url: `/by-path/${uuidv7()}` }), 404);
    const body = await app.inject({ method: 'POST', url: '/by-body', payload: { device: { siteId: uuidv7() } } });
    expect(expectProblem(body, 400, 'body.device.siteId').errors?.[0].code).toBe('not_found');
    const used = await app.inject({ method: 'POST', url: `/still-used/${f.siteId}` });
    expectProblem(used, 409, undefined, 'conflict');
  });

  it('unique: 409 conflict naming the field; check: 400; class 22: 400 naming the field or 404 for a path', async () => {
    const dup = await app.inject({ method: 'POST', url: '/unique', payload: { slug: f.slug } });
    expectProblem(dup, 409, 'body.slug', 'conflict');
    expectProblem(await app.inject({ method: 'POST', url: '/check', payload: { recalls: -1 } }), 400);
    expectProblem(await app.inject({ method: 'POST', url: '/date', payload: { on: '2026-02-30' } }), 400, 'body.on');
    expectProblem(await app.inject({ method: 'POST', url: '/range', payload: { n: '99999999999' } }), 400, 'body.n');
    expectProblem(await app.inject('/typed/not-a-uuid'), 404);
  });
});
