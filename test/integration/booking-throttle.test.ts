import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingResponse, cancelledBooking } from '../../src/contracts/booking';
import { issuedTicket } from '../../src/contracts/queue';
import { insertDevice } from '../../src/server/modules/access/access.repository';
import { randomToken, sha256 } from '../../src/server/platform/crypto';
import { bearer, createTestApp, type TestApp } from '../support/app';
import { ok, problem } from '../support/contract';
import { createMppFixture, type MppFixture } from '../support/fixtures';
import { nik } from '../support/site-fixture';

/**
 * Proofs of a booking (code + NIK on the web, code + last NIK digits at the kiosk) are limited per
 * code and per source, and an unknown code answers exactly like a wrong NIK (docs/api.md,
 * "Sign-in and proof limits").
 */
let t: TestApp;
let f: MppFixture;
beforeAll(async () => {
  t = await createTestApp({ start: '2026-11-25T09:00:00+08:00' }); // Wednesday; bookings for Thursday
  f = await createMppFixture(t, { settings: { booking: { perIpPerHour: 10_000 } } });
});
afterAll(async () => t?.close());

type Opts = { ip?: string; token?: string };
const post = (url: string, payload: object, o: Opts = {}) =>
  t.app.inject({ method: 'POST', url: `/api/v1${url}`, payload, remoteAddress: o.ip ?? '127.0.0.1', headers: o.token ? bearer(o.token) : {} });
const lookup = (code: string, nikValue: string, o?: Opts) => post(`/bookings/${code}/lookup`, { nik: nikValue }, o);
const cancel = (code: string, nikValue: string, o?: Opts) => post(`/sites/${f.siteId}/bookings/${code}/cancel`, { nik: nikValue }, o);
const reschedule = (code: string, nikValue: string, o?: Opts) => post(`/sites/${f.siteId}/bookings/${code}/reschedule`, { nik: nikValue, start: '2026-11-26T14:00:00+08:00' }, o);
const checkIn = (code: string, digits: string, token = f.kioskToken, ip?: string) => post(`/sites/${f.siteId}/tickets`, { bookingCode: code, nik: digits }, { token, ip });
const at = (local: string) => t.clock.set(`${local}+08:00`);

let serial = 100;
/** Books the Kartu Keluarga service on Thursday at `time` (one seat per slot) for a new NIK. */
async function book(time: string) {
  const owner = nik(++serial);
  const res = await post(`/sites/${f.siteId}/bookings`, { serviceId: f.service.kk, start: `2026-11-26T${time}:00+08:00`, nik: owner, name: 'Siti Aminah' }, { ip: '10.99.0.1' });
  return { code: ok(res, bookingResponse, 201).code, nik: owner, digits: owner.slice(-4) };
}
async function kiosk(): Promise<string> {
  const token = `ld_${randomToken()}`;
  await insertDevice(t.ctx.db, { id: uuidv7(), siteId: f.siteId, role: 'kiosk', name: `Kiosk ${token.slice(-4)}`, tokenHash: sha256(token), createdAt: t.clock.now() });
  return token;
}
/** Everything a client can tell two answers apart by (the body a problem, checked as one). */
const seen = (r: Awaited<ReturnType<typeof post>>) => ({ status: r.statusCode, type: r.headers['content-type'], retryAfter: r.headers['retry-after'], body: problem(r, r.statusCode) });
/** A wrong proof, or an unknown code: the same 404. */
const notFound = async (r: ReturnType<typeof post>) => problem(await r, 404, 'booking.not_found');
const limited = async (r: ReturnType<typeof post>) => problem(await r, 429, 'rate_limited');
const found = async (r: ReturnType<typeof post>) => ok(await r, bookingResponse);
const checkedIn = async (r: ReturnType<typeof post>) => ok(await r, issuedTicket, 201);
let ipSeq = 0;
const freshIp = () => `10.50.${Math.floor(++ipSeq / 250)}.${ipSeq % 250}`;

describe('no existence oracle', () => {
  it('answers an unknown code exactly like a wrong NIK, on every route', async () => {
    at('2026-11-25T09:00:00');
    const b = await book('08:00');
    const wrong = nik(9001);
    const unknown = 'ZZZZ2345';
    const pairs: Array<[string, () => Promise<Awaited<ReturnType<typeof post>>>, () => Promise<Awaited<ReturnType<typeof post>>>]> = [
      ['lookup', () => lookup(b.code, wrong, { ip: freshIp() }), () => lookup(unknown, wrong, { ip: freshIp() })],
      ['cancel', () => cancel(b.code, wrong, { ip: freshIp() }), () => cancel(unknown, wrong, { ip: freshIp() })],
      ['reschedule', () => reschedule(b.code, wrong, { ip: freshIp() }), () => reschedule(unknown, wrong, { ip: freshIp() })],
      ['check-in', () => checkIn(b.code, '0000'), () => checkIn(unknown, '0000')],
    ];
    for (const [route, real, none] of pairs) {
      const a = seen(await real());
      expect(a.status, route).toBe(404);
      expect(a.body.code, route).toBe('booking.not_found');
      expect(seen(await none()), route).toEqual(a);
    }
    // A real code on another site's path is no different.
    const otherSite = await t.app.inject({ method: 'POST', url: `/api/v1/sites/${uuidv7()}/bookings/${b.code}/cancel`, payload: { nik: b.nik }, remoteAddress: freshIp() });
    expect(seen(otherSite).body).toEqual(seen(await cancel(unknown, wrong, { ip: freshIp() })).body);
  });

  it('locks an unknown code like a real one, with the same answer', async () => {
    at('2026-11-25T10:00:00');
    const b = await book('08:30');
    for (let i = 0; i < 5; i++) {
      await notFound(lookup(b.code, nik(9100 + i), { ip: freshIp() }));
      await notFound(lookup('YYYY2345', nik(9100 + i), { ip: freshIp() }));
    }
    const real = seen(await lookup(b.code, nik(9200), { ip: freshIp() }));
    expect(real.status).toBe(429);
    expect(seen(await lookup('YYYY2345', nik(9200), { ip: freshIp() }))).toEqual(real);
  });
});

describe('per code', () => {
  it('takes 5 wrong proofs an hour on the web, then refuses even the right NIK until the hour is over', async () => {
    at('2026-11-25T11:00:00');
    const b = await book('10:00');
    // Lookup, cancel and reschedule share the code's count; each guess from another address.
    const guesses = [lookup, cancel, reschedule, lookup, cancel];
    for (const [i, guess] of guesses.entries()) await notFound(guess(b.code, nik(9300 + i), { ip: freshIp() }));
    const locked = await cancel(b.code, b.nik, { ip: freshIp() });
    const lockedProblem = problem(locked, 429, 'rate_limited');
    const wait = Number(locked.headers['retry-after']);
    expect(wait).toBeGreaterThan(3500);
    expect(wait).toBeLessThanOrEqual(3600);
    expect(lockedProblem).toMatchObject({ status: 429, code: 'rate_limited', limit: 'code', retryAfter: wait, messages: { id: expect.stringContaining('menit'), en: expect.stringContaining('minutes') } });
    await limited(lookup(b.code, b.nik, { ip: freshIp() }));
    // Signed-in staff are held too on the web (only the front-desk check-in is not).
    await limited(lookup(b.code, b.nik, { ip: freshIp(), token: f.tokens.siteAdmin }));
    // Another booking is not affected.
    const other = await book('10:30');
    await found(lookup(other.code, other.nik, { ip: freshIp() }));
    t.clock.advance(wait * 1000);
    ok(await cancel(b.code, b.nik, { ip: freshIp() }), cancelledBooking);
  });

  it('a right proof clears the code’s count', async () => {
    at('2026-11-25T13:00:00');
    const b = await book('11:00');
    for (let i = 0; i < 4; i++) await notFound(lookup(b.code, nik(9400 + i), { ip: freshIp() }));
    await found(lookup(b.code, b.nik, { ip: freshIp() }));
    for (let i = 0; i < 4; i++) await notFound(lookup(b.code, nik(9410 + i), { ip: freshIp() }));
    await found(lookup(b.code, b.nik, { ip: freshIp() }));
  });
});

describe('per address', () => {
  it('refuses an address after 30 wrong proofs in 15 minutes; right ones use up nothing', async () => {
    at('2026-11-25T14:00:00');
    const b = await book('11:30');
    const ip = '10.60.0.1';
    for (let i = 0; i < 29; i++) await notFound(cancel(`QQQQ${String(2000 + i)}`, b.nik, { ip }));
    for (let i = 0; i < 5; i++) await found(lookup(b.code, b.nik, { ip }));
    await notFound(lookup('QQQQ3000', b.nik, { ip }));
    const refused = await lookup(b.code, b.nik, { ip });
    expect(problem(refused, 429, 'rate_limited')).toMatchObject({ code: 'rate_limited', limit: 'address' });
    await found(lookup(b.code, b.nik, { ip: '10.60.0.2' }));
    // Calendar files of unknown codes count too: no way around the limit to find codes.
    problem(await t.app.inject({ url: `/api/v1/bookings/${b.code}/ics`, remoteAddress: ip }), 429, 'rate_limited');
    t.clock.advance(Number(refused.headers['retry-after']) * 1000);
    await found(lookup(b.code, b.nik, { ip }));
  });

  it('counts unknown codes asked for a calendar file against the address', async () => {
    at('2026-11-25T15:00:00');
    const ip = '10.61.0.1';
    for (let i = 0; i < 30; i++) problem(await t.app.inject({ url: `/api/v1/bookings/RRRR${2000 + i}/ics`, remoteAddress: ip }), 404);
    problem(await t.app.inject({ url: `/api/v1/bookings/RRRR3000/ics`, remoteAddress: ip }), 429, 'rate_limited');
  });
});

describe('kiosk check-in', () => {
  // Booked on Wednesday, checked in on Thursday (check-in opens 30 minutes before the slot).
  let k1: Awaited<ReturnType<typeof book>>, k2: typeof k1, k3: typeof k1, k4: typeof k1;
  beforeAll(async () => {
    at('2026-11-25T16:00:00');
    [k1, k2, k3, k4] = [await book('12:00'), await book('12:30'), await book('13:00'), await book('13:30')];
  });

  it('locks a code after 5 wrong digits; the front desk, who sees the KTP, can still check the citizen in', async () => {
    at('2026-11-26T11:50:00');
    for (let i = 0; i < 5; i++) await notFound(checkIn(k1.code, String(1000 + i)));
    const locked = await checkIn(k1.code, k1.digits);
    expect(problem(locked, 429, 'rate_limited')).toMatchObject({ code: 'rate_limited', limit: 'code' });
    // A new day: yesterday's staff sessions have expired.
    const officer = await t.userToken({ memberships: [{ role: 'officer', siteId: f.siteId, agencyId: f.agency.dukcapil }] });
    const desk = await checkIn(k1.code, k1.digits, officer);
    ok(desk, issuedTicket, 201);
  });

  it('limits a busy kiosk by its device, not by the lobby address, and never for right proofs', async () => {
    at('2026-11-26T12:35:00');
    const busy = await kiosk();
    for (let i = 0; i < 59; i++) await notFound(checkIn(`KKKK${2000 + i}`, '1234', busy));
    await checkedIn(checkIn(k2.code, k2.digits, busy));
    await notFound(checkIn('KKKK3000', '1234', busy));
    const refused = await checkIn('KKKK3001', '1234', busy);
    expect(problem(refused, 429, 'rate_limited')).toMatchObject({ code: 'rate_limited', limit: 'device' });
    // The kiosk beside it, behind the same address, goes on.
    const beside = await kiosk();
    await checkedIn(checkIn(k3.code, k3.digits, beside));
  });

  it('guesses on the web cannot lock a citizen out of the kiosk', async () => {
    at('2026-11-26T13:20:00');
    for (let i = 0; i < 5; i++) await notFound(lookup(k4.code, nik(9500 + i), { ip: freshIp() }));
    await limited(lookup(k4.code, k4.nik, { ip: freshIp() }));
    await checkedIn(checkIn(k4.code, k4.digits));
  });

  it('asks for the digits before counting anything', async () => {
    const none = await post(`/sites/${f.siteId}/tickets`, { bookingCode: k4.code }, { token: f.kioskToken });
    expect(problem(none, 400).errors?.[0]).toMatchObject({ field: 'body.nik', code: 'too_short' });
  });
});
