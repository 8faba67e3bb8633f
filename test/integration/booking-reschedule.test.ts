// A rescheduled booking points on (issue #11 item 5): the old code reads "dipindahkan ke <new code,
// date, time>" for the citizen (lookup with code + NIK) and in the operator's day list, and the
// new booking names the one it replaced. Moved twice, the first code points at the latest slot.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as c from '../../src/contracts/booking';
import { forgetCachedCatalog } from '../../src/server/modules/catalog/catalog.lookup';
import { bearer, createTestApp, type TestApp } from '../support/app';
import { ok, okHttp, problem, problemHttp } from '../support/contract';
import { createSiteFixture, nik } from '../support/site-fixture';
import { z } from 'zod';

let t: TestApp;
let f: Awaited<ReturnType<typeof createSiteFixture>>;
let admin: string;
const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, payload });
const book = async (start: string, serial: number) =>
  ok(await post(`/sites/${f.siteId}/bookings`, { serviceId: f.services.paspor, start, name: 'Siti Rahma', nik: nik(serial) }), c.bookingResponse, 201);
const lookup = async (code: string, serial: number) => ok(await post(`/bookings/${code}/lookup`, { nik: nik(serial) }), c.bookingResponse);
const reschedule = (code: string, serial: number, start: string) => post(`/sites/${f.siteId}/bookings/${code}/reschedule`, { nik: nik(serial), start });
const dayList = async (date: string) => ok(await t.app.inject({ url: `/api/v1/sites/${f.siteId}/bookings?date=${date}`, headers: bearer(admin) }), z.array(c.dayBooking));

beforeAll(async () => {
  t = await createTestApp();
  f = await createSiteFixture(t, { settings: { booking: { perIpPerHour: 10_000 } } });
  admin = await t.userToken({ memberships: [{ role: 'site_admin', siteId: f.siteId, agencyId: null }] });
});
afterAll(async () => t?.close());

describe('a rescheduled booking', () => {
  it('to another day: the old code points at the new code and slot, for the citizen and the operator', async () => {
    forgetCachedCatalog();
    const old = await book('2026-11-26T08:00:00+08:00', 11);
    expect(old.movedTo).toBeNull();
    const moved = ok(await reschedule(old.code, 11, '2026-11-30T09:00:00+08:00'), c.bookingResponse, 201);
    expect(moved.code).not.toBe(old.code);
    expect(moved.movedTo).toBeNull();

    const seen = await lookup(old.code, 11);
    expect(seen.status).toBe('cancelled');
    expect(seen.movedTo).toEqual({ code: moved.code, start: moved.start, end: moved.end });
    expect(new Date(seen.movedTo!.start).toISOString()).toBe('2026-11-30T01:00:00.000Z');

    const thursday = (await dayList('2026-11-26')).find((b) => b.code === old.code)!;
    expect(thursday).toMatchObject({ status: 'cancelled', movedTo: { code: moved.code }, movedFrom: null });
    const monday = (await dayList('2026-11-30')).find((b) => b.code === moved.code)!;
    expect(monday).toMatchObject({ status: 'booked', movedTo: null, movedFrom: { code: old.code } });
    expect(new Date(monday.movedFrom!.start).toISOString()).toBe('2026-11-26T00:00:00.000Z');
  });

  it('on the same day, and moved twice: the first code points at the slot held now', async () => {
    const first = await book('2026-11-26T10:00:00+08:00', 12);
    const second = ok(await reschedule(first.code, 12, '2026-11-26T10:30:00+08:00'), c.bookingResponse, 201);
    expect((await lookup(first.code, 12)).movedTo).toMatchObject({ code: second.code });
    const third = ok(await reschedule(second.code, 12, '2026-12-01T08:00:00+08:00'), c.bookingResponse, 201);
    const seen = await lookup(first.code, 12);
    expect(seen.status).toBe('cancelled');
    expect(seen.movedTo).toEqual({ code: third.code, start: third.start, end: third.end });
    expect((await lookup(second.code, 12)).movedTo).toMatchObject({ code: third.code });
    // The live booking itself points nowhere.
    expect((await lookup(third.code, 12)).movedTo).toBeNull();
  });

  it('a plain cancellation or a refused reschedule points nowhere', async () => {
    const cancelled = await book('2026-11-26T11:00:00+08:00', 13);
    expect((await post(`/sites/${f.siteId}/bookings/${cancelled.code}/cancel`, { nik: nik(13) })).statusCode).toBe(200);
    expect((await lookup(cancelled.code, 13)).movedTo).toBeNull();
    expect((await dayList('2026-11-26')).find((b) => b.code === cancelled.code)!.movedTo).toBeNull();

    // The target slot is full (one seat per slot): the booking stays where it was.
    await book('2026-11-26T13:00:00+08:00', 14);
    const kept = await book('2026-11-26T13:30:00+08:00', 15);
    problem(await reschedule(kept.code, 15, '2026-11-26T13:00:00+08:00'), 409, 'booking.full');
    const after = await lookup(kept.code, 15);
    expect(after).toMatchObject({ status: 'booked', movedTo: null, code: kept.code });
    expect(Date.parse(after.start)).toBe(Date.parse(kept.start));
  });

  it('two reschedules of one booking at once: one wins, one live booking, every seat counted', async () => {
    const b = await book('2026-11-27T08:00:00+08:00', 16);
    const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const targets = ['2026-11-27T08:30:00+08:00', '2026-11-27T09:00:00+08:00', '2026-11-27T09:30:00+08:00'];
    const answers = await Promise.all(
      targets.map((start) =>
        fetch(`${base}/api/v1/sites/${f.siteId}/bookings/${b.code}/reschedule`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ nik: nik(16), start }) }).then(async (r) => (r.status === 201 ? await okHttp(r, c.bookingResponse, 201).then((b) => ({ status: r.status, code: b.code, start: b.start })) : { status: r.status, code: (await problemHttp(r, 409, 'booking.invalid_state')).code as string, start: undefined })),
      ),
    );
    const won = answers.filter((a) => a.status === 201);
    expect(won, JSON.stringify(answers)).toHaveLength(1);
    for (const lost of answers.filter((a) => a.status !== 201)) expect(lost).toMatchObject({ status: 409, code: 'booking.invalid_state' });
    const day = (await dayList('2026-11-27')).filter((x) => x.nikMasked?.endsWith('0016'));
    expect(day.filter((x) => x.status === 'booked').map((x) => x.code)).toEqual([won[0]!.code]);
    expect(day.find((x) => x.code === b.code)).toMatchObject({ status: 'cancelled', movedTo: { code: won[0]!.code } });
    // Seats: the old slot and the losers' slots are free again, the winner's is taken.
    const slots = ok(await t.app.inject(`/api/v1/sites/${f.siteId}/services/${f.services.paspor}/slots?date=2026-11-27`), z.array(c.slotSchema));
    const free = (start: string) => slots.find((s) => Date.parse(s.start) === Date.parse(start))!.available;
    expect(free('2026-11-27T08:00:00+08:00')).toBe(1);
    for (const start of targets) expect(free(start)).toBe(Date.parse(start) === Date.parse(won[0]!.start!) ? 0 : 1);
  }, 60_000);
});
