import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingResponse, dayChangeResult } from '../../src/contracts/booking';
import { rows } from '../../src/server/platform/db';
import { bearer, createTestApp, type TestApp } from '../support/app';
import { ok, okHttp, problemCode } from '../support/contract';
import { createSiteFixture, nik } from '../support/site-fixture';

/** 500 people race for a slot of 10 seats over real HTTP: exactly 10 win, nobody gets a 5xx. */
describe('booking rush', () => {
  let t: TestApp;
  let base: string;
  let f: Awaited<ReturnType<typeof createSiteFixture>>;
  let winners: { i: number; code: string }[] = [];
  beforeAll(async () => {
    t = await createTestApp();
    f = await createSiteFixture(t, { settings: { booking: { perIpPerHour: 100_000, maxPerWeek: 50 } } });
    const admin = await t.userToken({ memberships: [{ role: 'site_admin', siteId: f.siteId, agencyId: null }] });
    const set = await t.app.inject({ method: 'PUT', url: `/api/v1/sites/${f.siteId}/services/${f.services.paspor}/booking-days`, payload: { date: '2026-11-26', capacityPerSlot: 10, closed: false }, headers: bearer(admin) });
    ok(set, dayChangeResult);
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => t?.close());

  it('never overbooks under 500 concurrent attempts', async () => {
    const attempt = (i: number) =>
      fetch(`${base}/api/v1/sites/${f.siteId}/bookings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ serviceId: f.services.paspor, start: '2026-11-26T09:00:00+08:00', nik: nik(1000 + i), name: `Warga ${i}` }),
      }).then(async (r) => ({ i, status: r.status, code: r.status === 201 ? (await okHttp(r, bookingResponse, 201)).code : problemCode(await r.json()) }));
    const results = await Promise.all(Array.from({ length: 500 }, (_, i) => attempt(i)));
    winners = results.filter((r) => r.status === 201) as typeof winners;
    const by = (s: number) => results.filter((r) => r.status === s).length;
    expect(by(201)).toBe(10);
    expect(by(409)).toBe(490);
    expect(results.filter((r) => r.status === 409).every((r) => r.code === 'booking.full')).toBe(true);
    const [seat] = await rows<{ booked: number; capacity: number }>(t.ctx.db, sql`SELECT booked, capacity FROM booking_slots WHERE service_id = ${f.services.paspor} AND start = '2026-11-26T01:00:00Z'`);
    expect(seat).toEqual({ booked: 10, capacity: 10 });
    const [{ n }] = await rows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM bookings WHERE service_id = ${f.services.paspor} AND slot_start = '2026-11-26T01:00:00Z'`);
    expect(n).toBe(10);
  });

  it('gives a seat freed by a cancellation to the very next attempt', async () => {
    // The rush above left the slot full, and this process remembering it as full.
    const post = (path: string, body: object) =>
      fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.status);
    const at = { serviceId: f.services.paspor, start: '2026-11-26T09:00:00+08:00' };
    expect(await post(`/api/v1/sites/${f.siteId}/bookings`, { ...at, nik: nik(3000), name: 'Terlambat' })).toBe(409);
    const [winner] = winners;
    expect(await post(`/api/v1/sites/${f.siteId}/bookings/${winner.code}/cancel`, { nik: nik(1000 + winner.i) })).toBe(200);
    expect(await post(`/api/v1/sites/${f.siteId}/bookings`, { ...at, nik: nik(3001), name: 'Berikutnya' })).toBe(201);
    expect(await post(`/api/v1/sites/${f.siteId}/bookings`, { ...at, nik: nik(3002), name: 'Sesudahnya' })).toBe(409);
  });

  it('lets one NIK win at most once when it races itself', async () => {
    const results = await Promise.all(
      ['10:00', '10:30', '11:00', '11:30', '13:00', '13:30'].map((hm) =>
        fetch(`${base}/api/v1/sites/${f.siteId}/bookings`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ serviceId: f.services.paspor, start: `2026-11-26T${hm}:00+08:00`, nik: nik(9999), name: 'Satu Orang' }),
        }).then((r) => r.status),
      ),
    );
    expect(results.filter((s) => s === 201)).toHaveLength(1);
    expect(results.filter((s) => s === 409)).toHaveLength(5);
  });
});
