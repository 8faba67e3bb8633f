import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, cookiesOf, createTestApp, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) => t.app.inject({ method: 'POST', url, payload: payload as object, headers });

describe('platform endpoints', () => {
  it('answers health and readiness', async () => {
    expect((await t.app.inject('/api/health')).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject('/api/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json().status).toBe('ready');
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
    const doc = (await t.app.inject('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/v1/auth/login');
  });

  it('answers unknown API routes with a 404 problem', async () => {
    const res = await t.app.inject('/api/v1/nope');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 404, code: 'route_not_found', messages: { id: expect.any(String), en: expect.any(String) } });
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
    expect((await t.app.inject('/api/v1/setup')).json()).toEqual({ needed: true });
    const bad = await post('/api/v1/setup', { username: 'a', displayName: '', password: 'short' });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['body.displayName', 'body.password', 'body.username']);
    expect(bad.json().errors[0].messages.id).toBeTruthy();

    const ok = await post('/api/v1/setup', { username: 'Root', displayName: 'Root Admin', password: 'correct-horse-battery' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().user).toMatchObject({ username: 'root', memberships: [{ role: 'platform_admin', siteId: null, agencyId: null }] });
    expect(ok.cookies.find((c) => c.name === 'loket_session')?.httpOnly).toBe(true);
    // The session cookies last the session's TTL counted by the browser (Max-Age), never an
    // Expires from the server's clock, which (the demo clock, a wrong RTC) may lie in the past.
    for (const name of ['loket_session', 'loket_csrf']) {
      const c = ok.cookies.find((k) => k.name === name);
      expect(c, name).toMatchObject({ maxAge: t.ctx.config.sessionTtlHours * 3600 });
      expect(c?.expires, name).toBeUndefined();
    }

    expect((await t.app.inject('/api/v1/setup')).json()).toEqual({ needed: false });
    const again = await post('/api/v1/setup', { username: 'other', displayName: 'X', password: 'correct-horse-battery' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('setup.already_done');
  });

  it('rejects a wrong password with a clear 401 problem', async () => {
    const res = await post('/api/v1/auth/login', { username: 'root', password: 'wrong-password' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'auth.invalid_credentials', messages: { id: 'Nama pengguna atau kata sandi salah.' } });
  });

  it('signs in with a bearer token and with a cookie, and logs out', async () => {
    const res = await post('/api/v1/auth/login', { username: 'root', password: 'correct-horse-battery' });
    expect(res.statusCode).toBe(200);
    const { token } = res.json();
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: bearer(token) })).json().username).toBe('root');

    // The token and the cookie are one session; a second sign-in is another.
    const { cookie, csrf } = cookiesOf(await post('/api/v1/auth/login', { username: 'root', password: 'correct-horse-battery' }));
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(200);
    // A cookie-authenticated mutation without the CSRF header is refused.
    const noCsrf = await post('/api/v1/auth/logout', undefined, { cookie });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('auth.csrf');
    expect((await post('/api/v1/auth/logout', undefined, { cookie, 'x-csrf-token': csrf })).statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
    // The bearer token of the other session still works.
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: bearer(token) })).statusCode).toBe(200);
  });

  it('changes a password and signs out other sessions', async () => {
    const token = await t.userToken({ username: 'changer', password: 'first-password-1', memberships: [{ role: 'auditor', siteId: null, agencyId: null }] });
    const other = (await post('/api/v1/auth/login', { username: 'changer', password: 'first-password-1' })).json().token;
    const wrong = await post('/api/v1/auth/password', { currentPassword: 'nope', newPassword: 'second-password-2' }, bearer(token));
    expect(wrong.statusCode).toBe(401);
    const short = await post('/api/v1/auth/password', { currentPassword: 'first-password-1', newPassword: 'short' }, bearer(token));
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].field).toBe('body.newPassword');
    expect((await post('/api/v1/auth/password', { currentPassword: 'first-password-1', newPassword: 'second-password-2' }, bearer(token))).statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: bearer(other) })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: bearer(token) })).statusCode).toBe(200);
    expect((await post('/api/v1/auth/login', { username: 'changer', password: 'second-password-2' })).statusCode).toBe(200);
  });

  it('limits failed sign-ins per account with 429 and Retry-After', async () => {
    await t.userToken({ username: 'victim', password: 'victim-password-1', memberships: [{ role: 'auditor', siteId: null, agencyId: null }] });
    for (let i = 0; i < 5; i++) expect((await post('/api/v1/auth/login', { username: 'victim', password: `guess-${i}` })).statusCode).toBe(401);
    const locked = await post('/api/v1/auth/login', { username: 'victim', password: 'victim-password-1' });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('auth.rate_limited');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    t.clock.advance(16 * 60_000);
    expect((await post('/api/v1/auth/login', { username: 'victim', password: 'victim-password-1' })).statusCode).toBe(200);
  });
});

describe('bad input', () => {
  it('answers malformed JSON with 400, an oversized body with 413 and a wrong type with 415', async () => {
    const malformed = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: '{"username":', headers: { 'content-type': 'application/json' } });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('malformed_json');
    const big = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: JSON.stringify({ username: 'x'.repeat(2 * 1024 * 1024), password: 'y' }), headers: { 'content-type': 'application/json' } });
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('payload_too_large');
    const xml = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: '<x/>', headers: { 'content-type': 'application/xml' } });
    expect(xml.statusCode).toBe(415);
    expect(xml.json().code).toBe('unsupported_media_type');
  });

  it('never leaks internals', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/devices/claim', payload: { code: 'ZZZZ-ZZZZ' } });
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toMatch(/stack|select|\.ts:/i);
  });
});

describe('audit log', () => {
  it('records sign-ins and is append-only at the database', async () => {
    const admin = (await post('/api/v1/auth/login', { username: 'root', password: 'correct-horse-battery' })).json().token;
    const res = await t.app.inject({ url: '/api/v1/audit?action=auth.login&pageSize=5', headers: bearer(admin) });
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBeGreaterThan(0);
    expect(res.json().items[0]).toMatchObject({ action: 'auth.login', actor: { username: expect.any(String) } });
    await expect(t.ctx.db.execute(sql`DELETE FROM audit_log`)).rejects.toThrow();
    await expect(t.ctx.db.execute(sql`UPDATE audit_log SET action = 'x'`)).rejects.toThrow();
  });

  it('refuses the audit log to a user without a reading role', async () => {
    const token = await t.userToken({ memberships: [{ role: 'officer', siteId: null, agencyId: null }] });
    expect((await t.app.inject({ url: '/api/v1/audit', headers: bearer(token) })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/audit' })).statusCode).toBe(401);
  });
});

describe('devices', () => {
  it('pairs a kiosk with a one-time code, limits it to its job, and revokes it', async () => {
    const site = (await import('../support/site-fixture')).createSiteFixture;
    const f = await site(t);
    const admin = await t.userToken({ memberships: [{ role: 'site_admin', siteId: f.siteId, agencyId: null }] });
    const pairing = await post(`/api/v1/sites/${f.siteId}/device-pairings`, { role: 'kiosk', name: 'Kiosk lobi' }, bearer(admin));
    expect(pairing.statusCode).toBe(201);
    expect(pairing.json().code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);

    const claim = await post('/api/v1/devices/claim', { code: pairing.json().code.toLowerCase() });
    expect(claim.statusCode).toBe(201);
    const { token, device } = claim.json();
    expect(device).toMatchObject({ siteId: f.siteId, role: 'kiosk', name: 'Kiosk lobi' });
    // A code works once.
    expect((await post('/api/v1/devices/claim', { code: pairing.json().code })).statusCode).toBe(400);

    expect((await t.app.inject({ url: '/api/v1/devices/me', headers: bearer(token) })).json()).toMatchObject({ role: 'kiosk' });
    // A kiosk cannot read the audit log or manage devices.
    expect((await t.app.inject({ url: '/api/v1/audit', headers: bearer(token) })).statusCode).toBe(401);
    expect((await t.app.inject({ url: `/api/v1/sites/${f.siteId}/devices`, headers: bearer(token) })).statusCode).toBe(403);

    const list = await t.app.inject({ url: `/api/v1/sites/${f.siteId}/devices`, headers: bearer(admin) });
    expect(list.json()).toHaveLength(1);
    expect((await post(`/api/v1/devices/${device.id}/revoke`, undefined, bearer(admin))).statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/devices/me', headers: bearer(token) })).statusCode).toBe(401);
  });

  it('refuses an expired pairing code', async () => {
    const f = await (await import('../support/site-fixture')).createSiteFixture(t);
    const admin = await t.userToken({ memberships: [{ role: 'site_admin', siteId: f.siteId, agencyId: null }] });
    const pairing = await post(`/api/v1/sites/${f.siteId}/device-pairings`, { role: 'display', name: 'TV' }, bearer(admin));
    t.clock.advance(16 * 60_000);
    const claim = await post('/api/v1/devices/claim', { code: pairing.json().code });
    expect(claim.statusCode).toBe(400);
    expect(claim.json().errors[0].field).toBe('body.code');
  });
});
