// The booking admin's day across every service (issue #11 item 12): quota, seats left and
// bookings by status per bookable service, scoped to what the caller manages; the day list
// without a service is scoped the same way.
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as c from '../../src/contracts/booking';
import { counterServices, services } from '../../src/server/modules/catalog/catalog.schema';
import { forgetCachedCatalog } from '../../src/server/modules/catalog/catalog.lookup';
import { bearer, createTestApp, type TestApp } from '../support/app';
import { ok, problem } from '../support/contract';
import { createSiteFixture, nik } from '../support/site-fixture';

let t: TestApp;
let f: Awaited<ReturnType<typeof createSiteFixture>>;
let akta: string;
const DAY = '2026-11-26';
const book = (serviceId: string, start: string, serial: number) =>
  t.app.inject({ method: 'POST', url: `/api/v1/sites/${f.siteId}/bookings`, payload: { serviceId, start, name: 'Rina Wati', nik: nik(serial) } });
const overview = (token: string) => t.app.inject({ url: `/api/v1/sites/${f.siteId}/bookings/overview?date=${DAY}`, headers: bearer(token) });

beforeAll(async () => {
  t = await createTestApp();
  f = await createSiteFixture(t, { settings: { booking: { perIpPerHour: 10_000 } } });
  // A second bookable service, of the other agency (Disdukcapil), served at counter 2.
  akta = uuidv7();
  const now = t.clock.now();
  await t.ctx.db.insert(services).values({ id: akta, siteId: f.siteId, agencyId: f.agencyB, code: 'AKTA', prefix: 'C', name: 'Akta kelahiran', handlingMinutes: 15, bookable: true, bookingQuota: 100, createdAt: now, updatedAt: now });
  await t.ctx.db.insert(counterServices).values({ counterId: f.counters.counterB, serviceId: akta });
  forgetCachedCatalog();
  expect((await book(f.services.paspor, '2026-11-26T08:00:00+08:00', 21)).statusCode).toBe(201);
  expect((await book(f.services.paspor, '2026-11-26T08:30:00+08:00', 22)).statusCode).toBe(201);
  expect((await book(akta, '2026-11-26T08:00:00+08:00', 23)).statusCode).toBe(201);
});
afterAll(async () => t?.close());

describe('the day overview', () => {
  it('a site admin sees every bookable service with its quota and bookings of the day', async () => {
    const admin = await t.userToken({ memberships: [{ role: 'site_admin', siteId: f.siteId, agencyId: null }] });
    const o = ok(await overview(admin), c.dayOverview);
    expect(o.date).toBe(DAY);
    // The inactive KK and the unbookable KTP are not listed.
    expect(o.services.map((s) => s.service.code).sort()).toEqual(['AKTA', 'PASPOR']);
    const paspor = o.services.find((s) => s.service.code === 'PASPOR')!;
    expect(paspor).toMatchObject({ booked: 2, checkedIn: 0, cancelled: 0, closed: false, agency: { shortName: 'Imigrasi' } });
    expect(paspor.capacity).toBeGreaterThan(0);
    expect(paspor.available).toBe(paspor.capacity - 2);
    expect(o.services.find((s) => s.service.code === 'AKTA')).toMatchObject({ booked: 1 });
    // The day list without a service: both services' citizens.
    const list = ok(await t.app.inject({ url: `/api/v1/sites/${f.siteId}/bookings?date=${DAY}`, headers: bearer(admin) }), z.array(c.dayBooking));
    expect(list).toHaveLength(3);
  });

  it("an agency admin sees only their agency's services and citizens; an officer is refused", async () => {
    const dukcapil = await t.userToken({ memberships: [{ role: 'agency_admin', siteId: f.siteId, agencyId: f.agencyB }] });
    const o = ok(await overview(dukcapil), c.dayOverview);
    expect(o.services.map((s) => s.service.code)).toEqual(['AKTA']);
    const list = ok(await t.app.inject({ url: `/api/v1/sites/${f.siteId}/bookings?date=${DAY}`, headers: bearer(dukcapil) }), z.array(c.dayBooking));
    expect(list.map((b) => b.serviceId)).toEqual([akta]);
    const officer = await t.userToken({ memberships: [{ role: 'officer', siteId: f.siteId, agencyId: f.agencyA }] });
    problem(await overview(officer), 403, 'auth.forbidden');
    problem(await t.app.inject({ url: `/api/v1/sites/${f.siteId}/bookings/overview?date=26-11-2026`, headers: bearer(dukcapil) }), 400);
  });
});
