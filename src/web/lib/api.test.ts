import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, buildUrl, readCookie } from './api';

function respond(status: number, body?: unknown, headers: Record<string, string> = {}) {
  const init: ResponseInit = { status, headers };
  if (body === undefined) return new Response(null, init);
  return new Response(JSON.stringify(body), { ...init, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers } });
}

describe('api client', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends JSON with same-origin credentials and the CSRF cookie on non-GET requests', async () => {
    vi.stubGlobal('document', { cookie: 'other=1; loket_csrf=abc%3D123' });
    const fetchMock = vi.fn(async () => respond(200, { ok: true }));
    vi.stubGlobal('fetch', fetchMock);

    await expect(api.post('/api/v1/x', { a: 1 })).resolves.toEqual({ ok: true });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/x');
    expect(init.credentials).toBe('same-origin');
    expect(init.body).toBe('{"a":1}');
    expect((init.headers as Record<string, string>)['x-csrf-token']).toBe('abc=123');
    expect((init.headers as Record<string, string>)['content-type']).toBe('application/json');

    await api.get('/api/v1/y', { page: 2, action: '', siteId: undefined });
    const [url2, init2] = fetchMock.mock.calls[1] as unknown as [string, RequestInit];
    expect(url2).toBe('/api/v1/y?page=2');
    expect((init2.headers as Record<string, string>)['x-csrf-token']).toBeUndefined();
  });

  it('returns undefined for 204', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => respond(204)));
    await expect(api.post('/api/v1/auth/logout')).resolves.toBeUndefined();
  });

  it('turns a problem document into an ApiError with field errors and Retry-After', async () => {
    const problem = {
      type: 'urn:loket:problem:validation_failed',
      title: 'The request is not valid.',
      status: 400,
      code: 'validation_failed',
      detail: 'Invalid input in: body.password.',
      messages: { id: 'Data tidak valid pada: body.password.', en: 'Invalid input in: body.password.' },
      errors: [{ field: 'body.password', code: 'too_small', messages: { id: 'Minimal 10 karakter.', en: 'At least 10 characters.' } }],
    };
    vi.stubGlobal('fetch', vi.fn(async () => respond(400, problem)));
    const err = (await api.post('/api/v1/setup', {}).catch((e: unknown) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(400);
    expect(err.code).toBe('validation_failed');
    expect(err.messages?.id).toContain('body.password');
    expect(err.errors?.[0]).toEqual(problem.errors[0]);

    vi.stubGlobal('fetch', vi.fn(async () => respond(429, { title: 'x', status: 429, code: 'auth.rate_limited' }, { 'retry-after': '42' })));
    const limited = (await api.post('/api/v1/auth/login', {}).catch((e: unknown) => e)) as ApiError;
    expect(limited.code).toBe('auth.rate_limited');
    expect(limited.retryAfter).toBe(42);
  });

  it('survives non-JSON errors and network failures', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway', headers: { 'content-type': 'text/html' } })));
    const e1 = (await api.get('/api/v1/sites').catch((e: unknown) => e)) as ApiError;
    expect(e1.status).toBe(502);
    expect(e1.code).toBe('internal');

    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const e2 = (await api.get('/api/v1/sites').catch((e: unknown) => e)) as ApiError;
    expect(e2.status).toBe(0);
    expect(e2.code).toBe('network');
  });

  it('helpers', () => {
    expect(buildUrl('/a?x=1', { y: 'b c' })).toBe('/a?x=1&y=b+c');
    vi.stubGlobal('document', { cookie: 'loket_csrf=t1' });
    expect(readCookie('loket_csrf')).toBe('t1');
    expect(readCookie('missing')).toBeUndefined();
  });
});
