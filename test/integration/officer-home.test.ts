import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/app';
import { createMppFixture, type MppFixture } from '../support/fixtures';

/*
 * Issue #11 item 10: an officer lands at the console of their counter (the counters the admin
 * assigned them to), and staff lists sort the way people number them (Petugas 2 before 10).
 */
let t: TestApp;
let f: MppFixture;

beforeAll(async () => {
  t = await createTestApp({ start: '2026-11-25T09:00:00+08:00' });
  f = await createMppFixture(t);
});
afterAll(async () => t?.close());

type Json = Record<string, any>;
async function call(method: 'GET' | 'POST' | 'PUT', url: string, token?: string | null, payload?: unknown) {
  const res = await t.app.inject({ method, url: `/api/v1${url}`, headers: token ? bearer(token) : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
  return { status: res.statusCode, body: (res.body ? res.json() : null) as Json };
}

describe("an officer's counters and the staff order", () => {
  it('lists staff in natural order and gives an officer the counters they are assigned to', async () => {
    const ids: Record<string, string> = {};
    for (const n of [10, 2, 1]) {
      const r = await call('POST', `/sites/${f.siteId}/staff`, f.tokens.siteAdmin, { username: `petugas${n}`, displayName: `Petugas ${n}`, password: 'correct-horse-battery', memberships: [{ role: 'officer', agencyId: f.agency.dukcapil }] });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      ids[n] = r.body.id;
    }
    const list = await call('GET', `/sites/${f.siteId}/staff?q=&page=1&pageSize=50&status=all&role=officer&agencyId=${f.agency.dukcapil}`, f.tokens.siteAdmin);
    expect(list.status).toBe(200);
    const names = (list.body.items as Json[]).map((u) => u.displayName).filter((n: string) => n.startsWith('Petugas '));
    expect(names).toEqual(['Petugas 1', 'Petugas 2', 'Petugas 10']);

    expect((await call('PUT', `/counters/${f.counter.c2}/officers`, f.tokens.siteAdmin, { userIds: [ids[2]] })).status).toBe(200);
    const login = await call('POST', '/auth/login', null, { username: 'petugas2', password: 'correct-horse-battery' });
    expect(login.status).toBe(200);
    const mine = await call('GET', `/sites/${f.siteId}/counters/mine`, login.body.token);
    expect(mine).toEqual({ status: 200, body: { counterIds: [f.counter.c2] } });
    // Not assigned anywhere: nothing (the console then offers the agency's counters).
    const other = await call('POST', '/auth/login', null, { username: 'petugas10', password: 'correct-horse-battery' });
    expect((await call('GET', `/sites/${f.siteId}/counters/mine`, other.body.token)).body).toEqual({ counterIds: [] });
    expect((await call('GET', `/sites/${f.siteId}/counters/mine`)).status).toBe(401);
    expect((await call('GET', `/sites/${f.siteId}/counters/mine`, f.kioskToken)).status).toBe(401);
  });
});
