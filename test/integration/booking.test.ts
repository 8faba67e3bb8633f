import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as c from '../../src/contracts/booking';
import { nikMessages } from '../../src/domain/nik';
import { rows } from '../../src/server/platform/db';
import { runDueJobs } from '../../src/server/platform/jobs';
import { memoryNotifier } from '../../src/server/platform/notifier';
import { bookingJobHandlers, purgeOldBookings, sweepNoShows } from '../../src/server/modules/booking/booking.jobs';
import { bearer, createTestApp, type TestApp } from '../support/app';
import { ok, problem } from '../support/contract';
import { createSiteFixture, nik } from '../support/site-fixture';

// Wednesday 25 Nov 2026, 09:00 WITA. Tomorrow (Thu 26th) is bookable; paspor: 1 counter,
// 15 min handling, 30 min slots → 2 seats, half kept for walk-ins → 1 seat per slot.
let t: TestApp;
let f: Awaited<ReturnType<typeof createSiteFixture>>;
const slot = '2026-11-26T08:00:00+08:00';
const post = (url: string, payload: unknown, headers: Record<string, string> = {}) => t.app.inject({ method: 'POST', url, payload: payload as object, headers });
const slotList = z.array(c.slotSchema);
const book = (body: Record<string, unknown>, ip = '10.0.0.1') =>
  t.app.inject({ method: 'POST', url: `/api/v1/sites/${f.siteId}/bookings`, payload: { serviceId: f.services.paspor, start: slot, name: 'Budi Santoso', ...body }, remoteAddress: ip });

beforeAll(async () => {
  t = await createTestApp();
  f = await createSiteFixture(t, { settings: { booking: { perIpPerHour: 10_000 } } });
});
afterAll(async () => t?.close());

describe('slots', () => {
  it('lists tomorrow’s slots inside opening hours with seats left', async () => {
    const res = await t.app.inject(`/api/v1/sites/${f.siteId}/services/${f.services.paspor}/slots?date=2026-11-26`);
    const slots = ok(res, slotList);
    expect(slots[0]).toEqual({ start: '2026-11-26T08:00:00+08:00', end: '2026-11-26T08:30:00+08:00', capacity: 1, available: 1 });
    expect(slots.at(-1)?.end).toBe('2026-11-26T15:00:00+08:00');
    expect(slots).toHaveLength(14);
  });

  it('offers nothing today (minDaysAhead 1), beyond the horizon, or for a bad date', async () => {
    expect(ok(await t.app.inject(`/api/v1/sites/${f.siteId}/services/${f.services.paspor}/slots?date=2026-11-25`), slotList)).toEqual([]);
    expect(ok(await t.app.inject(`/api/v1/sites/${f.siteId}/services/${f.services.paspor}/slots?date=2026-12-20`), slotList)).toEqual([]);
    const bad = await t.app.inject(`/api/v1/sites/${f.siteId}/services/${f.services.paspor}/slots?date=26-11-2026`);
    expect(problem(bad, 400, 'validation_failed').errors?.[0].field).toBe('querystring.date');
  });
});

describe('booking', () => {
  it('books a seat and answers with a code, QR and .ics', async () => {
    const res = await book({ nik: nik(1), phone: '081234567890' });
    const b = ok(res, c.bookingResponse, 201);
    expect(b.code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    expect(b.nikMasked).toBe('6472••••••••0001');
    expect(b.qrSvg).toContain('<svg');
    const ics = await t.app.inject(b.icsUrl);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain('DTSTART:20261126T000000Z');
    // The NIK is stored encrypted with a blind index, never readable.
    const [row] = await rows<{ nik_enc: string; nik_hash: string }>(t.ctx.db, sql`SELECT nik_enc, nik_hash FROM bookings WHERE code = ${b.code}`);
    expect(row.nik_enc).not.toContain('6472');
    expect(row.nik_hash).not.toContain('6472');
  });

  it('refuses a full slot, the same NIK twice that day, and bad input naming the field', async () => {
    const fullRes = await book({ nik: nik(2) });
    problem(fullRes, 409, 'booking.full');
    const dup = await book({ nik: nik(1), start: '2026-11-26T08:30:00+08:00' });
    problem(dup, 409, 'booking.duplicate');
    const badNik = await book({ nik: '9972010507900003', start: '2026-11-26T09:00:00+08:00' });
    expect(problem(badNik, 400).errors?.[0]).toMatchObject({ field: 'body.nik', code: 'nik.unknown_province' });
    const shortNik = await book({ nik: '64720105079', start: '2026-11-26T09:00:00+08:00' });
    expect(problem(shortNik, 400).errors?.[0].messages).toEqual(nikMessages.wrong_length);
    const horizon = await book({ nik: nik(3), start: '2026-12-30T08:00:00+08:00' });
    expect(problem(horizon, 400).errors?.[0]).toMatchObject({ field: 'body.start', code: 'outside_horizon' });
    const inactive = await book({ nik: nik(3), serviceId: f.services.kk });
    problem(inactive, 409, 'booking.service_inactive');
    const notSlot = await book({ nik: nik(3), start: '2026-11-26T08:10:00+08:00' });
    expect(problem(notSlot, 400).errors?.[0].code).toBe('not_a_slot');
    const [{ n }] = await rows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM bookings`);
    expect(n).toBe(1);
  });

  it('refuses a holiday or closed day with 409', async () => {
    await t.ctx.db.execute(sql`INSERT INTO holidays (id, site_id, date, name, kind, created_at) VALUES (gen_random_uuid(), ${f.siteId}, '2026-11-27', 'Penutupan', 'closure', now())`);
    const res = await book({ nik: nik(4), start: '2026-11-27T08:00:00+08:00' });
    problem(res, 409, 'booking.day_closed');
  });

  it('cancels and reschedules by code + NIK only', async () => {
    const b = ok(await book({ nik: nik(5), start: '2026-11-26T10:00:00+08:00' }), c.bookingResponse, 201);
    const wrong = await post(`/api/v1/sites/${f.siteId}/bookings/${b.code}/cancel`, { nik: nik(6) });
    // The same answer as an unknown code (no existence oracle).
    problem(wrong, 404, 'booking.not_found');
    const moved = ok(await post(`/api/v1/sites/${f.siteId}/bookings/${b.code}/reschedule`, { nik: nik(5), start: '2026-11-26T10:30:00+08:00' }), c.bookingResponse, 201);
    const again = ok(await t.app.inject(`/api/v1/sites/${f.siteId}/services/${f.services.paspor}/slots?date=2026-11-26`), slotList);
    expect(again.find((s) => s.start === '2026-11-26T10:00:00+08:00')?.available).toBe(1);
    expect(again.find((s) => s.start === '2026-11-26T10:30:00+08:00')?.available).toBe(0);
    const cancel = await post(`/api/v1/sites/${f.siteId}/bookings/${moved.code}/cancel`, { nik: nik(5) });
    ok(cancel, c.cancelledBooking);
    problem(await post(`/api/v1/sites/${f.siteId}/bookings/${moved.code}/cancel`, { nik: nik(5) }), 409);
  });

  it('caps bookings per NIK per week', async () => {
    const week = ['2026-11-26T11:00:00+08:00', '2026-11-26T11:30:00+08:00'];
    // nik(7) books paspor on Thu, then a capacity override allows more seats for the weekly test.
    const admin = await t.userToken({ memberships: [{ role: 'site_admin', siteId: f.siteId, agencyId: null }] });
    for (const date of ['2026-11-30', '2026-12-01', '2026-12-02']) {
      const o = await t.app.inject({ method: 'PUT', url: `/api/v1/sites/${f.siteId}/services/${f.services.paspor}/booking-days`, payload: { date, capacityPerSlot: 5, closed: false }, headers: bearer(admin) });
      ok(o, c.dayChangeResult);
    }
    ok(await book({ nik: nik(7), start: week[0] }), c.bookingResponse, 201);
    ok(await book({ nik: nik(7), start: '2026-11-30T08:00:00+08:00' }), c.bookingResponse, 201);
    ok(await book({ nik: nik(7), start: '2026-12-01T08:00:00+08:00' }), c.bookingResponse, 201);
    ok(await book({ nik: nik(7), start: '2026-12-02T08:00:00+08:00' }), c.bookingResponse, 201);
    const fourth = await book({ nik: nik(7), start: '2026-12-02T09:00:00+08:00', serviceId: f.services.paspor });
    expect(['booking.week_limit', 'booking.duplicate']).toContain(problem(fourth, 409).code);
  });

  it('limits booking attempts per IP', async () => {
    const t2 = await createTestApp();
    const f2 = await createSiteFixture(t2, { settings: { booking: { perIpPerHour: 2 } } });
    const go = (n: number) => t2.app.inject({ method: 'POST', url: `/api/v1/sites/${f2.siteId}/bookings`, payload: { serviceId: f2.services.paspor, start: slot, name: 'X Y', nik: nik(n) }, remoteAddress: '10.9.9.9' });
    await go(1);
    await go(2);
    const third = await go(3);
    problem(third, 429);
    expect(third.headers['retry-after']).toBeDefined();
    await t2.close();
  });
});

describe('operator and jobs', () => {
  it('shows the calendar and the day list with masked NIK, audited', async () => {
    const admin = await t.userToken({ memberships: [{ role: 'site_admin', siteId: f.siteId, agencyId: null }] });
    const cal = await t.app.inject({ url: `/api/v1/sites/${f.siteId}/bookings/calendar?serviceId=${f.services.paspor}&from=2026-11-26&to=2026-11-28`, headers: bearer(admin) });
    const days = ok(cal, z.array(c.calendarDay));
    expect(days[0]).toMatchObject({ date: '2026-11-26', capacity: 14 });
    expect(days[1]).toMatchObject({ date: '2026-11-27', closed: true });
    const list = await t.app.inject({ url: `/api/v1/sites/${f.siteId}/bookings?date=2026-11-26`, headers: bearer(admin) });
    expect(ok(list, z.array(c.dayBooking))[0].nikMasked).toMatch(/^6472•+\d{4}$/);
    const csv = await t.app.inject({ url: `/api/v1/sites/${f.siteId}/bookings/export?date=2026-11-26&format=csv`, headers: bearer(admin) });
    expect(csv.body.split('\r\n')[0]).toBe('Kode,Layanan,Mulai,Selesai,Status,Nama,NIK,Telepon,Check-in,Dipindahkan ke,Pindahan dari');
    const officer = await t.userToken({ memberships: [{ role: 'officer', siteId: f.siteId, agencyId: f.agencyB }] });
    problem(await t.app.inject({ url: `/api/v1/sites/${f.siteId}/bookings?date=2026-11-26`, headers: bearer(officer) }), 403, 'auth.forbidden');
  });

  it('sends the confirmation through the notifier and marks no-shows, then purges personal data', async () => {
    const notifier = memoryNotifier();
    const ctx = { ...t.ctx, notifier };
    await runDueJobs(t.ctx.db, t.clock, bookingJobHandlers(ctx));
    expect(notifier.sent.some((m) => m.kind === 'booking.confirmed' && m.to.phone === '081234567890')).toBe(true);
    // The reminder waits for 18:00 the evening before the slot (the bookings are for 26 Nov).
    expect(notifier.sent.some((m) => m.kind === 'booking.reminder')).toBe(false);
    const [due] = await rows<{ run_at: Date }>(t.ctx.db, sql`SELECT run_at FROM jobs WHERE dedupe_key LIKE 'booking.reminder:%' AND status = 'pending' ORDER BY run_at LIMIT 1`);
    expect(new Date(due.run_at).toISOString()).toBe('2026-11-25T10:00:00.000Z');
    t.clock.set('2026-11-25T18:00:00+08:00');
    await runDueJobs(t.ctx.db, t.clock, bookingJobHandlers(ctx));
    const reminder = notifier.sent.find((m) => m.kind === 'booking.reminder' && m.to.phone === '081234567890');
    expect(reminder?.text).toContain('Pengingat');
    t.clock.set('2026-11-26T16:00:00+08:00');
    expect(await sweepNoShows(t.ctx)).toBeGreaterThan(0);
    t.clock.set('2027-01-10T09:00:00+08:00');
    expect(await purgeOldBookings(t.ctx)).toBeGreaterThan(0);
    const [r] = await rows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM bookings WHERE nik_enc IS NOT NULL AND slot_end < '2026-12-01'`);
    expect(r.n).toBe(0);
  });
});

describe('capacity overrides', () => {
  it('returns a day to its automatic capacity after an override', async () => {
    const admin = await t.userToken({ memberships: [{ role: 'site_admin', siteId: f.siteId, agencyId: null }] });
    const put = (capacityPerSlot: number | null) =>
      t.app.inject({ method: 'PUT', url: `/api/v1/sites/${f.siteId}/services/${f.services.paspor}/booking-days`, payload: { date: '2026-12-03', capacityPerSlot, closed: false }, headers: bearer(admin) });
    const slots = async () => ok(await t.app.inject(`/api/v1/sites/${f.siteId}/services/${f.services.paspor}/slots?date=2026-12-03`), slotList);
    t.clock.set('2026-11-25T09:00:00+08:00');
    ok(await put(4), c.dayChangeResult);
    ok(await book({ nik: nik(50), start: '2026-12-03T08:00:00+08:00' }), c.bookingResponse, 201);
    expect((await slots())[0]).toMatchObject({ capacity: 4, available: 3 });
    ok(await put(null), c.dayChangeResult);
    // Automatic: 1 seat per slot; the one booked seat stays booked.
    expect((await slots())[0]).toMatchObject({ capacity: 1, available: 0 });
    expect((await slots())[1]).toMatchObject({ capacity: 1, available: 1 });
  });
});
