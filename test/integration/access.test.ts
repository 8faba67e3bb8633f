import { sql } from 'drizzle-orm';
import type { OpenAPIV3_1 } from 'openapi-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as access from '../../src/contracts/access';
import { health, readiness } from '../../src/contracts/platform';
import { bearer, cookiesOf, createTestApp, type TestApp } from '../support/app';
import { ok, problem } from '../support/contract';
import { createSiteFixture } from '../support/site-fixture';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const post = (url: string, payload: unknown, headers: Record<string, string> = {}, app = t) => app.app.inject({ method: 'POST', url, payload: payload as object, headers });
/** A platform admin of its own, signed in with its password (tests that sign in by hand). */
async function platformAdmin(password = 'correct-horse-battery') {
  const username = `root-${Math.random().toString(36).slice(2, 8)}`;
  await t.userToken({ username, password, memberships: [{ role: 'platform_admin', siteId: null, agencyId: null }] });
  return { username, password };
}

describe('platform endpoints', () => {
  it('answers health and readiness', async () => {
    expect(ok(await t.app.inject('/api/health'), health)).toEqual({ status: 'ok' });
    expect(ok(await t.app.inject('/api/ready'), readiness).status).toBe('ready');
  });

  it('sends security headers on every answer, errors included', async () => {
    for (const url of ['/api/health', '/api/v1/nope']) {
      const h = (await t.app.inject(url)).headers;
      expect(h['content-security-policy']).toContain("default-src 'self'");
      expect(h['content-security-policy']).toContain("script-src 'self'");
      expect(h['x-content-type-options']).toBe('nosniff');
      expect(h['x-frame-options']).toBe('SAMEORIGIN');
      // HSTS only on HTTPS requests (transport-security.test.ts): this one is plain HTTP.
      expect(h['strict-transport-security']).toBeUndefined();
      expect(h['cross-origin-embedder-policy']).toBeUndefined();
    }
  });

  it('serves OpenAPI 3.1 with the auth paths', async () => {
    // The document itself is the contract: read with the OpenAPI types.
    const doc = JSON.parse((await t.app.inject('/api/openapi.json')).body) as OpenAPIV3_1.Document;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths ?? {})).toContain('/api/v1/auth/login');
  });

  it('answers unknown API routes with a 404 problem', async () => {
    const res = problem(await t.app.inject('/api/v1/nope'), 404, 'route_not_found');
    expect(res).toMatchObject({ status: 404, code: 'route_not_found', messages: { id: expect.any(String), en: expect.any(String) } });
  });

  it('exposes Prometheus metrics', async () => {
    await t.app.inject('/api/health');
    const res = await t.app.inject('/metrics');
    expect(res.body).toContain('loket_http_request_duration_seconds_bucket');
    expect(res.body).toContain('loket_sse_open_connections');
    expect(res.body).toContain('loket_event_loop_lag_p99_seconds');
  });
});

describe('first run and sign-in', () => {
  it('creates the first platform admin once, then refuses', async () => {
    // The first run needs an installation without users: a database of its own.
    const fresh = await createTestApp();
    try {
      expect(ok(await fresh.app.inject('/api/v1/setup'), access.setupState)).toEqual({ needed: true });
      const bad = problem(await post('/api/v1/setup', { username: 'a', displayName: '', password: 'short' }, {}, fresh), 400, 'validation_failed');
      const fields = bad.errors?.map((e) => e.field).sort();
      expect(fields).toEqual(['body.displayName', 'body.password', 'body.username']);
      expect(bad.errors?.[0].messages.id).toBeTruthy();

      const created = await post('/api/v1/setup', { username: 'Root', displayName: 'Root Admin', password: 'correct-horse-battery' }, {}, fresh);
      expect(ok(created, access.sessionResponse, 201).user).toMatchObject({ username: 'root', memberships: [{ role: 'platform_admin', siteId: null, agencyId: null }] });
      expect(created.cookies.find((c) => c.name === 'loket_session')?.httpOnly).toBe(true);
      // The session cookies last the session's TTL counted by the browser (Max-Age), never an
      // Expires from the server's clock, which (the demo clock, a wrong RTC) may lie in the past.
      for (const name of ['loket_session', 'loket_csrf']) {
        const c = created.cookies.find((k) => k.name === name);
        expect(c, name).toMatchObject({ maxAge: fresh.ctx.config.sessionTtlHours * 3600 });
        expect(c?.expires, name).toBeUndefined();
      }

      expect(ok(await fresh.app.inject('/api/v1/setup'), access.setupState)).toEqual({ needed: false });
      problem(await post('/api/v1/setup', { username: 'other', displayName: 'X', password: 'correct-horse-battery' }, {}, fresh), 409, 'setup.already_done');
    } finally {
      await fresh.close();
    }
  }, 120_000);

  it('rejects a wrong password with a clear 401 problem', async () => {
    const root = await platformAdmin();
    const res = problem(await post('/api/v1/auth/login', { username: root.username, password: 'wrong-password' }), 401, 'auth.invalid_credentials');
    expect(res).toMatchObject({ code: 'auth.invalid_credentials', messages: { id: 'Nama pengguna atau kata sandi salah.' } });
  });

  it('signs in with a bearer token and with a cookie, and logs out', async () => {
    const root = await platformAdmin();
    const { token } = ok(await post('/api/v1/auth/login', root), access.sessionResponse);
    expect(ok(await t.app.inject({ url: '/api/v1/auth/me', headers: bearer(token) }), access.userSchema).username).toBe(root.username);

    // The token and the cookie are one session; a second sign-in is another.
    const { cookie, csrf } = cookiesOf(await post('/api/v1/auth/login', root));
    ok(await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } }), access.userSchema);
    // A cookie-authenticated mutation without the CSRF header is refused.
    problem(await post('/api/v1/auth/logout', undefined, { cookie }), 403, 'auth.csrf');
    expect((await post('/api/v1/auth/logout', undefined, { cookie, 'x-csrf-token': csrf })).statusCode).toBe(204);
    problem(await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } }), 401);
    // The bearer token of the other session still works.
    ok(await t.app.inject({ url: '/api/v1/auth/me', headers: bearer(token) }), access.userSchema);
  });

  it('changes a password and signs out other sessions', async () => {
    const token = await t.userToken({ username: 'changer', password: 'first-password-1', memberships: [{ role: 'auditor', siteId: null, agencyId: null }] });
    const other = ok(await post('/api/v1/auth/login', { username: 'changer', password: 'first-password-1' }), access.sessionResponse).token;
    problem(await post('/api/v1/auth/password', { currentPassword: 'nope', newPassword: 'second-password-2' }, bearer(token)), 401);
    const short = problem(await post('/api/v1/auth/password', { currentPassword: 'first-password-1', newPassword: 'short' }, bearer(token)), 400, 'validation_failed');
    expect(short.errors?.[0].field).toBe('body.newPassword');
    expect((await post('/api/v1/auth/password', { currentPassword: 'first-password-1', newPassword: 'second-password-2' }, bearer(token))).statusCode).toBe(204);
    problem(await t.app.inject({ url: '/api/v1/auth/me', headers: bearer(other) }), 401);
    ok(await t.app.inject({ url: '/api/v1/auth/me', headers: bearer(token) }), access.userSchema);
    ok(await post('/api/v1/auth/login', { username: 'changer', password: 'second-password-2' }), access.sessionResponse);
  });

  it('limits failed sign-ins per account with 429 and Retry-After', async () => {
    await t.userToken({ username: 'victim', password: 'victim-password-1', memberships: [{ role: 'auditor', siteId: null, agencyId: null }] });
    for (let i = 0; i < 5; i++) problem(await post('/api/v1/auth/login', { username: 'victim', password: `guess-${i}` }), 401);
    const locked = await post('/api/v1/auth/login', { username: 'victim', password: 'victim-password-1' });
    problem(locked, 429, 'auth.rate_limited');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    t.clock.advance(16 * 60_000);
    ok(await post('/api/v1/auth/login', { username: 'victim', password: 'victim-password-1' }), access.sessionResponse);
  });
});

describe('bad input', () => {
  it('answers malformed JSON with 400, an oversized body with 413 and a wrong type with 415', async () => {
    const malformed = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: '{"username":', headers: { 'content-type': 'application/json' } });
    problem(malformed, 400, 'malformed_json');
    const big = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: JSON.stringify({ username: 'x'.repeat(2 * 1024 * 1024), password: 'y' }), headers: { 'content-type': 'application/json' } });
    problem(big, 413, 'payload_too_large');
    const xml = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: '<x/>', headers: { 'content-type': 'application/xml' } });
    problem(xml, 415, 'unsupported_media_type');
  });

  it('never leaks internals', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/devices/claim', payload: { code: 'ZZZZ-ZZZZ' } });
    problem(res, 400);
    expect(res.body).not.toMatch(/stack|select|\.ts:/i);
  });
});

describe('audit log', () => {
  it('records sign-ins and is append-only at the database', async () => {
    const admin = ok(await post('/api/v1/auth/login', await platformAdmin()), access.sessionResponse).token;
    const audit = ok(await t.app.inject({ url: '/api/v1/audit?action=auth.login&pageSize=5', headers: bearer(admin) }), access.auditPage);
    expect(audit.total).toBeGreaterThan(0);
    expect(audit.items[0]).toMatchObject({ action: 'auth.login', actor: { username: expect.any(String) } });
    await expect(t.ctx.db.execute(sql`DELETE FROM audit_log`)).rejects.toThrow();
    await expect(t.ctx.db.execute(sql`UPDATE audit_log SET action = 'x'`)).rejects.toThrow();
  });

  it('refuses the audit log to a user without a reading role', async () => {
    const token = await t.userToken({ memberships: [{ role: 'officer', siteId: null, agencyId: null }] });
    problem(await t.app.inject({ url: '/api/v1/audit', headers: bearer(token) }), 403);
    problem(await t.app.inject({ url: '/api/v1/audit' }), 401);
  });
});

describe('devices', () => {
  it('pairs a kiosk with a one-time code, limits it to its job, and revokes it', async () => {
    const f = await createSiteFixture(t);
    const admin = await t.userToken({ memberships: [{ role: 'site_admin', siteId: f.siteId, agencyId: null }] });
    const pairing = ok(await post(`/api/v1/sites/${f.siteId}/device-pairings`, { role: 'kiosk', name: 'Kiosk lobi' }, bearer(admin)), access.pairing, 201);
    expect(pairing.code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);

    const { token, device } = ok(await post('/api/v1/devices/claim', { code: pairing.code.toLowerCase() }), access.claimedDevice, 201);
    expect(device).toMatchObject({ siteId: f.siteId, role: 'kiosk', name: 'Kiosk lobi' });
    // A code works once.
    problem(await post('/api/v1/devices/claim', { code: pairing.code }), 400);

    expect(ok(await t.app.inject({ url: '/api/v1/devices/me', headers: bearer(token) }), access.deviceSelf)).toMatchObject({ role: 'kiosk' });
    // A kiosk cannot read the audit log or manage devices.
    problem(await t.app.inject({ url: '/api/v1/audit', headers: bearer(token) }), 401);
    problem(await t.app.inject({ url: `/api/v1/sites/${f.siteId}/devices`, headers: bearer(token) }), 403);

    const list = ok(await t.app.inject({ url: `/api/v1/sites/${f.siteId}/devices`, headers: bearer(admin) }), z.array(access.device));
    expect(list).toHaveLength(1);
    expect((await post(`/api/v1/devices/${device.id}/revoke`, undefined, bearer(admin))).statusCode).toBe(204);
    problem(await t.app.inject({ url: '/api/v1/devices/me', headers: bearer(token) }), 401);
  });

  it('refuses an expired pairing code', async () => {
    const f = await createSiteFixture(t);
    const admin = await t.userToken({ memberships: [{ role: 'site_admin', siteId: f.siteId, agencyId: null }] });
    const pairing = ok(await post(`/api/v1/sites/${f.siteId}/device-pairings`, { role: 'display', name: 'TV' }, bearer(admin)), access.pairing, 201);
    t.clock.advance(16 * 60_000);
    const claim = problem(await post('/api/v1/devices/claim', { code: pairing.code }), 400);
    expect(claim.errors?.[0].field).toBe('body.code');
  });
});
