import { afterAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/server/config';
import { bearer, createTestApp, type TestApp } from '../support/app';

// One app per configuration (each has its own database), shared by the tests that use it; a test
// that builds one may take a while on a busy machine (hence the longer timeouts).
const apps = new Map<string, Promise<TestApp>>();
function appWith(config: Partial<Config>) {
  const key = JSON.stringify(config);
  if (!apps.has(key)) apps.set(key, createTestApp({ config }));
  return apps.get(key)!;
}
afterAll(async () => Promise.all([...apps.values()].map(async (t) => (await t).close())));

async function signIn(t: TestApp, headers: Record<string, string> = {}) {
  await t.userToken({ username: 'operator', memberships: [{ role: 'platform_admin', siteId: null, agencyId: null }] }).catch(() => undefined);
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers, payload: { username: 'operator', password: 'correct-horse-battery' } });
  expect(res.statusCode, res.body).toBe(200);
  const session = res.cookies.find((c) => c.name === 'loket_session')!;
  const csrf = res.cookies.find((c) => c.name === 'loket_csrf')!;
  return { secure: Boolean(session.secure), csrfSecure: Boolean(csrf.secure), httpOnly: Boolean(session.httpOnly), hsts: res.headers['strict-transport-security'] };
}

const viaTls = { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7' };

describe('session cookie and HSTS in production', { timeout: 120_000 }, () => {
  it('behind a trusted TLS proxy: Secure cookies and HSTS on HTTPS requests', async () => {
    const t = await appWith({ env: 'production', trustProxy: true });
    const https = await signIn(t, viaTls);
    expect(https).toMatchObject({ secure: true, csrfSecure: true, httpOnly: true });
    expect(https.hsts).toMatch(/^max-age=\d+/);
    // HSTS on every HTTPS response, none on plain HTTP.
    expect((await t.app.inject({ url: '/api/health', headers: viaTls })).headers['strict-transport-security']).toBeDefined();
    expect((await t.app.inject({ url: '/api/health' })).headers['strict-transport-security']).toBeUndefined();
  });

  it('behind a TLS proxy that is not trusted (LOKET_TRUST_PROXY=0): still Secure, no HSTS a client could claim', async () => {
    const t = await appWith({ env: 'production', trustProxy: false });
    const res = await signIn(t, viaTls);
    expect(res.secure).toBe(true);
    expect(res.csrfSecure).toBe(true);
    expect(res.hsts).toBeUndefined();
  });

  it('a plain-HTTP request in production still gets a Secure cookie and no HSTS', async () => {
    const t = await appWith({ env: 'production', trustProxy: true });
    const res = await signIn(t);
    expect(res.secure).toBe(true);
    expect(res.hsts).toBeUndefined();
  });

  it('LOKET_ALLOW_PLAIN_HTTP=1 (a closed LAN): no Secure on plain HTTP, Secure again on HTTPS', async () => {
    const t = await appWith({ env: 'production', trustProxy: true, allowPlainHttp: true });
    expect(await signIn(t)).toMatchObject({ secure: false, hsts: undefined });
    expect(await signIn(t, viaTls)).toMatchObject({ secure: true });
  });

  it('development: Secure only when the request is HTTPS', async () => {
    const t = await appWith({ env: 'development', trustProxy: true });
    expect((await signIn(t)).secure).toBe(false);
    expect((await signIn(t, viaTls)).secure).toBe(true);
  });
});

describe('/metrics', { timeout: 120_000 }, () => {
  it('without LOKET_METRICS_TOKEN: only direct connections from loopback and private addresses', async () => {
    const t = await appWith({ env: 'development', trustProxy: true });
    const get = (remoteAddress: string, headers: Record<string, string> = {}) => t.app.inject({ url: '/metrics', remoteAddress, headers });
    for (const ip of ['127.0.0.1', '10.20.30.40', '192.168.1.5', '172.20.0.3', '::1', '::ffff:192.168.1.5']) {
      const res = await get(ip);
      expect(res.statusCode, ip).toBe(200);
      expect(res.body).toContain('loket_http_request_duration_seconds');
    }
    for (const ip of ['203.0.113.9', '8.8.8.8', '2001:db8::1', '::ffff:203.0.113.9']) {
      const res = await get(ip);
      expect(res.statusCode, ip).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).not.toContain('loket_');
    }
    // Through a proxy on the same host every client is 127.0.0.1: refused, and a forged
    // X-Forwarded-For naming a private address does not help (trusted proxy or not).
    expect((await get('127.0.0.1', { 'x-forwarded-for': '203.0.113.9' })).statusCode).toBe(403);
    expect((await get('203.0.113.9', { 'x-forwarded-for': '10.0.0.1' })).statusCode).toBe(403);
  });

  it('with LOKET_METRICS_TOKEN: the bearer token from anywhere, nothing without it', async () => {
    const token = 'metrics-token-0123456789abcdef';
    const t = await appWith({ metricsToken: token });
    const none = await t.app.inject({ url: '/metrics', remoteAddress: '127.0.0.1' });
    expect(none.statusCode).toBe(401);
    expect(none.headers['www-authenticate']).toContain('Bearer');
    expect((await t.app.inject({ url: '/metrics', headers: bearer('wrong-token-0123456789abcdef') })).statusCode).toBe(401);
    const ok = await t.app.inject({ url: '/metrics', remoteAddress: '203.0.113.9', headers: bearer(token) });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('loket_event_loop_lag_p99_seconds');
  });

  it('leaves the API docs public', async () => {
    const t = await appWith({ env: 'development', trustProxy: true });
    expect((await t.app.inject({ url: '/api/openapi.json', remoteAddress: '203.0.113.9' })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/docs/', remoteAddress: '203.0.113.9' })).statusCode).toBe(200);
  });
});
