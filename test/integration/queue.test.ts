import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/app';
import { addClosure, createMppFixture, type MppFixture } from '../support/fixtures';
import { nik } from '../support/site-fixture';
import { closeStaleTickets } from '../../src/server/modules/queue/serve.service';

let t: TestApp;
let f: MppFixture;

beforeAll(async () => {
  t = await createTestApp({ start: '2026-11-25T09:00:00+08:00' }); // a Wednesday morning in Samarinda
  f = await createMppFixture(t);
});
afterAll(async () => t?.close());

type Json = Record<string, any>;
async function call(method: 'GET' | 'POST', url: string, token?: string | null, payload?: unknown, headers: Record<string, string> = {}) {
  const res = await t.app.inject({ method, url: `/api/v1${url}`, headers: { ...(token ? bearer(token) : {}), ...headers }, ...(payload !== undefined ? { payload: payload as object } : {}) });
  return { status: res.statusCode, body: (res.body ? res.json() : null) as Json, headers: res.headers };
}
const issue = (serviceId: string, extra: Json = {}, token: string | null = f.kioskToken, headers: Record<string, string> = {}) =>
  call('POST', `/sites/${f.siteId}/tickets`, token, { serviceId, ...extra }, headers);
const act = (ticketId: string, action: string, token = f.tokens.officer.dukcapil, body?: unknown) => call('POST', `/tickets/${ticketId}/${action}`, token, body);
const callNext = (counterId: string, token = f.tokens.officer.dukcapil) => call('POST', `/counters/${counterId}/call-next`, token);
/** Calls and finishes everything waiting at a counter (to start a test from an empty queue). */
async function drain(counterId: string, token = f.tokens.officer.dukcapil) {
  const active = (await call('GET', `/counters/${counterId}/queue`, token)).body.current;
  if (active) await act(active.id, active.status === 'called' || active.status === 'serving' ? 'finish' : 'no-show', token);
  for (;;) {
    const r = await callNext(counterId, token);
    if (r.status === 204) return;
    expect(r.status).toBe(200);
    expect((await act(r.body.ticket.id, 'finish', token)).status).toBe(200);
  }
}
const at = (local: string) => t.clock.set(`${local}+08:00`);


describe('issuing tickets', () => {
  it('issues numbered tickets per service prefix with a tracking code, position and estimate', async () => {
    const a1 = await issue(f.service.ktp);
    expect(a1.status).toBe(201);
    expect(a1.body).toMatchObject({
      number: 'A-001',
      serviceId: f.service.ktp,
      status: 'waiting',
      position: 1,
      peopleAhead: 0,
      estimate: { minMinutes: 0, maxMinutes: expect.any(Number) },
      service: { name: 'Perekaman KTP-el', agencyName: 'Dinas Kependudukan dan Pencatatan Sipil' },
      site: { name: 'MPP Samarinda (uji)', timeZone: 'Asia/Makassar' },
      replayed: false,
      issuedAt: '2026-11-25T01:00:00.000Z',
    });
    expect(a1.body.trackingCode).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{10}$/);
    expect(a1.body.statusPath).toBe(`/t/${a1.body.trackingCode}`);
    expect(a1.body.visit.steps).toEqual([{ ticketId: a1.body.id, serviceId: f.service.ktp, serviceName: 'Perekaman KTP-el', agencyName: expect.any(String), status: 'waiting', number: 'A-001' }]);

    const a2 = await issue(f.service.ktp);
    expect(a2.body).toMatchObject({ number: 'A-002', position: 2, peopleAhead: 1 });
    expect(a2.body.estimate.maxMinutes).toBeGreaterThanOrEqual(a1.body.estimate.maxMinutes);
    expect(a2.body.trackingCode).not.toBe(a1.body.trackingCode);
    const c1 = await issue(f.service.bpjs);
    expect(c1.body.number).toBe('C-001');
  });

  it('lets staff with queue.issue issue for their own agency only, and refuses others', async () => {
    expect((await issue(f.service.ktp, {}, f.tokens.officer.dukcapil)).status).toBe(201);
    expect((await issue(f.service.ktp, {}, f.tokens.siteAdmin)).status).toBe(201);
    const other = await issue(f.service.bpjs, {}, f.tokens.officer.dukcapil);
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('auth.forbidden');
    expect((await issue(f.service.ktp, {}, null)).status).toBe(401);
    expect((await issue(f.service.ktp, {}, f.displayToken)).status).toBe(403);
    expect((await issue(f.service.ktp, {}, f.tokens.auditor)).status).toBe(403);
  });

  it('answers bad input with 400 naming the field, unknown ids with 404', async () => {
    const missing = await call('POST', `/sites/${f.siteId}/tickets`, f.kioskToken, { priority: 'vip' });
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('validation_failed');
    expect(missing.body.errors.map((e: Json) => e.field).sort()).toEqual(['body.priority', 'body.serviceId']);
    const badId = await issue('not-a-uuid');
    expect(badId.body.errors[0].field).toBe('body.serviceId');
    const unknownKey = await issue(f.service.ktp, { nama: 'Budi' });
    expect(unknownKey.status).toBe(400);
    expect(unknownKey.body.errors[0].field).toBe('body');
    const dup = await issue(f.service.ktp, { serviceIds: [f.service.bpjs, f.service.bpjs] });
    expect(dup.status).toBe(400);
    expect(dup.body.errors[0].field).toBe('body.serviceIds.1');

    const unknown = await issue('0190f5b2-0000-7000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.body.errors[0].field).toBe('body.serviceId');
    expect((await call('POST', `/sites/0190f5b2-0000-7000-8000-000000000000/tickets`, f.kioskToken, { serviceId: f.service.ktp })).status).toBe(404);
  });

  it('refuses an inactive service', async () => {
    const r = await issue(f.service.akta);
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('queue.service_inactive');
  });

  it('refuses outside opening hours with the next opening, in the site zone and in Indonesian', async () => {
    const saved = t.clock.now();
    try {
      at('2026-11-25T15:30:00');
      const r = await issue(f.service.ktp);
      expect(r.status).toBe(409);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.body).toMatchObject({ code: 'queue.closed', nextOpening: '2026-11-26T00:00:00.000Z' });
      expect(r.body.messages.id).toContain('Layanan buka kembali Kamis, 26 Nov 08.00 WITA');
      expect(r.body.messages.en).toContain('Thu 26 Nov 08:00 WITA');

      // SIM serves mornings only (agency hours).
      at('2026-11-25T12:30:00');
      const sim = await issue(f.service.sim);
      expect(sim.body).toMatchObject({ code: 'queue.closed', nextOpening: '2026-11-26T00:00:00.000Z' });
      // The service's own hours override its agency's: legalisir opens at 13.00 today.
      at('2026-11-25T09:00:00');
      const leg = await issue(f.service.legalisir);
      expect(leg.body).toMatchObject({ code: 'queue.closed', nextOpening: '2026-11-25T05:00:00.000Z' });
      expect(leg.body.messages.id).toContain('Rabu, 25 Nov 13.00 WITA');
      at('2026-11-25T13:30:00');
      expect((await issue(f.service.legalisir)).status).toBe(201);
      // Weekend.
      at('2026-11-28T09:00:00');
      expect((await issue(f.service.ktp)).body).toMatchObject({ code: 'queue.closed', nextOpening: '2026-11-30T00:00:00.000Z' });
    } finally {
      t.clock.set(saved);
    }
  });

  it('refuses on holidays and site closures', async () => {
    await addClosure(t, null, '2026-12-24', 'Cuti bersama Kelahiran Yesus Kristus');
    await addClosure(t, null, '2026-12-25', 'Kelahiran Yesus Kristus');
    const saved = t.clock.now();
    try {
      at('2026-12-24T09:00:00');
      const r = await issue(f.service.ktp);
      expect(r.status).toBe(409);
      expect(r.body).toMatchObject({ code: 'queue.holiday', nextOpening: '2026-12-28T00:00:00.000Z' });
      expect(r.body.messages.id).toContain('Cuti bersama Kelahiran Yesus Kristus');
      expect(r.body.messages.id).toContain('Senin, 28 Des 08.00 WITA');
    } finally {
      t.clock.set(saved);
    }
  });

  it('refuses past the daily walk-in quota, with the next day', async () => {
    for (let i = 0; i < 3; i++) expect((await issue(f.service.sim)).status).toBe(201);
    const r = await issue(f.service.sim);
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ code: 'queue.quota_full', nextOpening: '2026-11-26T00:00:00.000Z' });
    expect(r.body.messages.id).toContain('Kamis, 26 Nov 08.00 WITA');
  });

  it('returns the same ticket for a double tap with one idempotency key', async () => {
    const key = `kiosk-1-${Date.now()}`;
    const first = await issue(f.service.bpjs, { idempotencyKey: key });
    expect(first.status).toBe(201);
    const again = await issue(f.service.bpjs, { idempotencyKey: key });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: first.body.id, number: first.body.number, trackingCode: first.body.trackingCode, replayed: true });

    // The header works too, and two taps at once still print one ticket.
    const hkey = `kiosk-2-${Date.now()}`;
    const [x, y] = await Promise.all([issue(f.service.bpjs, {}, f.kioskToken, { 'idempotency-key': hkey }), issue(f.service.bpjs, {}, f.kioskToken, { 'idempotency-key': hkey })]);
    expect([x.status, y.status].sort()).toEqual([200, 201]);
    expect(x.body.id).toBe(y.body.id);

    const shortHeader = await issue(f.service.bpjs, {}, f.kioskToken, { 'idempotency-key': 'x' });
    expect(shortHeader.status).toBe(400);
    expect(shortHeader.body.errors[0].field).toBe('headers.idempotency-key');

    const reused = await issue(f.service.ktp, { idempotencyKey: key });
    expect(reused.status).toBe(409);
    expect(reused.body.code).toBe('queue.idempotency_conflict');
  });

  it('answers a booking code that does not exist with a clear problem', async () => {
    const r = await issue(f.service.ktp, { bookingCode: 'ZZZZ9999', nik: '1234' });
    expect(r.status).toBe(404);
    expect(r.body.code).toBe('booking.not_found');
    expect(r.body.errors[0].field).toBe('body.bookingCode');
  });

  it('checks a booking in: the ticket follows the booking slot', async () => {
    const booked = await t.app.inject({
      method: 'POST',
      url: `/api/v1/sites/${f.siteId}/bookings`,
      payload: { serviceId: f.service.kk, start: '2026-11-26T09:00:00+08:00', nik: nik(41), name: 'Siti Aminah' },
    });
    expect(booked.statusCode).toBe(201);
    const code = booked.json().code as string;
    const saved = t.clock.now();
    try {
      at('2026-11-26T08:50:00');
      // A new day: yesterday's staff sessions have expired.
      const officer = await t.userToken({ memberships: [{ role: 'officer', siteId: f.siteId, agencyId: f.agency.dukcapil }] });
      const walkIn = await issue(f.service.kk);
      expect(walkIn.status).toBe(201);
      const wrongNik = await issue(f.service.kk, { bookingCode: code, nik: '9999' });
      // The same answer as an unknown code (no existence oracle), naming both fields.
      expect(wrongNik.status).toBe(404);
      expect(wrongNik.body.code).toBe('booking.not_found');
      expect(wrongNik.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.bookingCode', 'body.nik']);
      const otherService = await issue(f.service.ktp, { bookingCode: code, nik: nik(41).slice(-4) });
      expect(otherService.status).toBe(400);
      expect(otherService.body.errors[0].field).toBe('body.bookingCode');
      const ok = await issue(f.service.kk, { bookingCode: code.toLowerCase(), nik: nik(41).slice(-4) });
      expect(ok.status).toBe(201);
      const detailRes = await call('GET', `/tickets/${ok.body.id}`, officer);
      expect(detailRes.status, JSON.stringify(detailRes.body)).toBe(200);
      const detail = detailRes.body;
      expect(detail.ticket).toMatchObject({ source: 'booking', bookingStart: '2026-11-26T01:00:00.000Z' });
      // Near its slot, the booked ticket is called before the earlier walk-in (yesterday's are not called today).
      const first = await callNext(f.counter.c1, officer);
      expect(first.body.ticket.id).toBe(ok.body.id);
      await act(ok.body.id, 'finish', officer);
      expect((await callNext(f.counter.c1, officer)).body.ticket.id).toBe(walkIn.body.id);
      await drain(f.counter.c1, officer);
      // A booking checks in once.
      const twice = await issue(f.service.kk, { bookingCode: code, nik: nik(41).slice(-4) });
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('booking.invalid_state');
    } finally {
      t.clock.set(saved);
    }
  });

  it('checks a booking in from its code alone: the booking names the service', async () => {
    const booked = await t.app.inject({
      method: 'POST',
      url: `/api/v1/sites/${f.siteId}/bookings`,
      payload: { serviceId: f.service.kk, start: '2026-11-26T10:00:00+08:00', nik: nik(42), name: 'Budi Santoso' },
    });
    expect(booked.statusCode).toBe(201);
    const code = booked.json().code as string;
    const saved = t.clock.now();
    try {
      const checkIn = (body: Json, token: string | null = f.kioskToken) => call('POST', `/sites/${f.siteId}/tickets`, token, body);
      at('2026-11-26T09:00:00');
      const early = await checkIn({ bookingCode: code, nik: nik(42).slice(-4) });
      expect(early.status).toBe(409);
      expect(early.body.code).toBe('booking.too_early');
      expect(early.body.messages.id).toBe('Check-in dibuka 30 menit sebelum jadwal, mulai Kamis, 26 Nov 09.30 WITA.');
      expect(early.body.checkInOpensAt).toBe('2026-11-26T01:30:00.000Z');
      at('2026-11-26T09:50:00');
      const nobody = await checkIn({ bookingCode: code, nik: nik(42).slice(-4) }, null);
      expect(nobody.status).toBe(401);
      const neither = await checkIn({ nik: nik(42).slice(-4) });
      expect(neither.status).toBe(400);
      expect(neither.body.errors[0].field).toBe('body.serviceId');
      const unknown = await checkIn({ bookingCode: 'ZZZZ9999', nik: '1234' });
      expect(unknown.status).toBe(404);
      expect(unknown.body.errors[0].field).toBe('body.bookingCode');
      const ok = await checkIn({ bookingCode: code, nik: nik(42).slice(-4) });
      expect(ok.status, JSON.stringify(ok.body)).toBe(201);
      expect(ok.body.serviceId).toBe(f.service.kk);
      expect(ok.body.number.startsWith('B-')).toBe(true);
    } finally {
      t.clock.set(saved);
    }
  });

  it('restarts numbering each local day and never repeats a number', async () => {
    const saved = t.clock.now();
    try {
      at('2026-11-30T08:00:00');
      const first = await issue(f.service.kk);
      expect(first.body.number).toBe('B-001');
      expect((await issue(f.service.kk)).body.number).toBe('B-002');
      at('2026-12-01T08:00:00');
      expect((await issue(f.service.kk)).body.number).toBe('B-001');
    } finally {
      t.clock.set(saved);
    }
  });
});

describe('the officer console', () => {
  it('calls, starts and finishes in order; refuses wrong states with 409', async () => {
    await drain(f.counter.c2);
    const a = await issue(f.service.ktp);
    const b = await issue(f.service.ktp);
    const called = await callNext(f.counter.c2);
    expect(called.status).toBe(200);
    expect(called.body.ticket).toMatchObject({ id: a.body.id, status: 'called', counter: { id: f.counter.c2, name: 'Loket 2', number: 2 } });

    const busy = await callNext(f.counter.c2);
    expect(busy.status).toBe(409);
    expect(busy.body).toMatchObject({ code: 'queue.counter_busy', ticketId: a.body.id });

    const finishWaiting = await act(b.body.id, 'finish');
    expect(finishWaiting.status).toBe(409);
    expect(finishWaiting.body).toMatchObject({ code: 'queue.invalid_state', status: 'waiting' });

    t.clock.advance(60_000);
    expect((await act(a.body.id, 'start')).body.ticket).toMatchObject({ status: 'serving' });
    const startAgain = await act(a.body.id, 'start');
    expect(startAgain.status).toBe(409);
    expect(startAgain.body.code).toBe('queue.invalid_state');
    t.clock.advance(5 * 60_000);
    const done = await act(a.body.id, 'finish', f.tokens.officer.dukcapil, { outcome: 'follow_up' });
    expect(done.body.ticket).toMatchObject({ status: 'done', outcome: 'follow_up' });
    expect((await act(a.body.id, 'start')).status).toBe(409);
    expect((await act(a.body.id, 'no-show')).status).toBe(409);
    const badOutcome = await act(b.body.id, 'finish', f.tokens.officer.dukcapil, { outcome: 'maybe' });
    expect(badOutcome.status).toBe(400);
    expect(badOutcome.body.errors[0].field).toBe('body.outcome');
    await drain(f.counter.c2);
    expect((await callNext(f.counter.c2)).status).toBe(204);
  });

  it('keeps officers to the counters and tickets of their own agency', async () => {
    await drain(f.counter.c2);
    const a = await issue(f.service.ktp);
    expect((await callNext(f.counter.c2, f.tokens.officer.bpjs)).status).toBe(403);
    expect((await callNext(f.counter.c2, f.tokens.auditor)).status).toBe(403);
    expect((await call('POST', `/counters/${f.counter.c2}/call-next`)).status).toBe(401);
    expect((await call('POST', `/counters/${f.counter.c2}/pause`, f.tokens.officer.polri)).status).toBe(403);
    expect((await call('GET', `/counters/${f.counter.c2}/queue`, f.tokens.officer.bpjs)).status).toBe(403);
    expect((await call('GET', `/counters/${f.counter.c2}/stats/today`, f.tokens.officer.bpjs)).status).toBe(403);
    // The agency admin and the site admin may act at the counter.
    const called = await callNext(f.counter.c2, f.tokens.agencyAdmin);
    expect(called.body.ticket.id).toBe(a.body.id);
    for (const action of ['start', 'finish', 'no-show', 'recall', 'park', 'resume']) {
      expect((await act(a.body.id, action, f.tokens.officer.bpjs)).status).toBe(403);
    }
    expect((await call('POST', `/tickets/${a.body.id}/transfer`, f.tokens.officer.bpjs, { serviceId: f.service.bpjs })).status).toBe(403);
    expect((await call('GET', `/tickets/${a.body.id}`, f.tokens.officer.bpjs)).status).toBe(403);
    expect((await act(a.body.id, 'finish', f.tokens.siteAdmin)).status).toBe(200);
  });

  it('answers unknown tickets and counters with 404, malformed ids with 400', async () => {
    const none = '0190f5b2-0000-7000-8000-000000000000';
    expect((await callNext(none)).status).toBe(404);
    expect((await act(none, 'start')).status).toBe(404);
    expect((await call('GET', `/tickets/${none}`, f.tokens.officer.dukcapil)).status).toBe(404);
    expect((await call('GET', `/counters/${none}/queue`, f.tokens.officer.dukcapil)).status).toBe(404);
    const bad = await act('123', 'start');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('params.id');
  });

  it('limits recalls per ticket and marks no-shows', async () => {
    await drain(f.counter.c2);
    const a = await issue(f.service.ktp);
    expect((await act(a.body.id, 'recall')).status).toBe(409); // not called yet
    await callNext(f.counter.c2);
    for (let i = 1; i <= 3; i++) expect((await act(a.body.id, 'recall')).body.ticket.recallCount).toBe(i);
    const limit = await act(a.body.id, 'recall');
    expect(limit.status).toBe(409);
    expect(limit.body).toMatchObject({ code: 'queue.recall_limit', maxRecalls: 3 });
    // Just called: the citizen gets the grace period (queuePolicy.noShowGraceSeconds, 60 s) to walk over.
    const early = await act(a.body.id, 'no-show');
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'queue.no_show_too_early', retryAfter: 60, graceSeconds: 60 });
    expect(early.body.messages.id).toContain('Tunggu 60 detik lagi');
    expect(early.headers['retry-after']).toBe('60');
    t.clock.advance(45_000);
    // The recalls did not restart it: counted from the first call.
    expect((await act(a.body.id, 'no-show')).body).toMatchObject({ code: 'queue.no_show_too_early', retryAfter: 15 });
    t.clock.advance(15_000);
    expect((await act(a.body.id, 'no-show')).body.ticket.status).toBe('no_show');
    // The counter is free again.
    expect((await callNext(f.counter.c2)).status).toBe(204);
  });

  it('parks a ticket while the citizen fetches a document, and brings it back to the same counter', async () => {
    await drain(f.counter.c2);
    await drain(f.counter.c1);
    const a = await issue(f.service.ktp);
    const b = await issue(f.service.ktp);
    const c = await issue(f.service.ktp);
    await callNext(f.counter.c2);
    await act(a.body.id, 'start');
    const parked = await act(a.body.id, 'park');
    expect(parked.body.ticket).toMatchObject({ status: 'parked', counter: { id: f.counter.c2 } });
    expect((await act(a.body.id, 'start')).status).toBe(409);
    // The counter serves the next citizen meanwhile.
    expect((await callNext(f.counter.c2)).body.ticket.id).toBe(b.body.id);
    let q = (await call('GET', `/counters/${f.counter.c2}/queue`, f.tokens.officer.dukcapil)).body;
    expect(q.parked.map((x: Json) => x.id)).toEqual([a.body.id]);
    expect(q.current.id).toBe(b.body.id);

    const resumed = await act(a.body.id, 'resume');
    expect(resumed.body.ticket.status).toBe('waiting');
    q = (await call('GET', `/counters/${f.counter.c2}/queue`, f.tokens.officer.dukcapil)).body;
    expect(q.waiting.map((x: Json) => x.id)).toEqual([a.body.id, c.body.id]);
    expect(q.parked).toEqual([]);
    // Another counter of the same service does not take it: it belongs to Loket 2's list.
    expect((await callNext(f.counter.c1)).body.ticket.id).toBe(c.body.id);
    await act(b.body.id, 'finish');
    const back = await callNext(f.counter.c2);
    expect(back.body.ticket).toMatchObject({ id: a.body.id, status: 'called' });
    await act(a.body.id, 'finish');
    await act(c.body.id, 'finish');
  });

  it('pauses and opens a counter', async () => {
    await drain(f.counter.c2);
    await issue(f.service.ktp);
    const paused = await call('POST', `/counters/${f.counter.c2}/pause`, f.tokens.officer.dukcapil);
    expect(paused.body).toMatchObject({ id: f.counter.c2, paused: true, pausedAt: expect.any(String) });
    const refused = await callNext(f.counter.c2);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('queue.counter_paused');
    const pub = await call('GET', `/sites/${f.siteId}/counters`);
    expect(pub.body.find((c: Json) => c.id === f.counter.c2).paused).toBe(true);
    expect((await call('GET', `/counters/${f.counter.c2}/queue`, f.tokens.officer.dukcapil)).body.counter.paused).toBe(true);
    expect((await call('POST', `/counters/${f.counter.c2}/open`, f.tokens.officer.dukcapil)).body.paused).toBe(false);
    expect((await callNext(f.counter.c2)).status).toBe(200);
    await drain(f.counter.c2);
  });

  it('calls priority groups first without starving the others', async () => {
    await drain(f.counter.c2);
    await drain(f.counter.c1);
    const r1 = await issue(f.service.ktp);
    const r2 = await issue(f.service.ktp);
    const p = [];
    for (let i = 0; i < 4; i++) p.push(await issue(f.service.ktp, { priority: 'lansia' }));
    // Priority group is never in the public payload or status.
    expect(JSON.stringify((await call('GET', `/tickets/by-code/${p[0].body.trackingCode}`)).body)).not.toContain('lansia');
    const order: string[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await callNext(f.counter.c2);
      order.push(r.body.ticket.id);
      await act(r.body.ticket.id, 'finish');
    }
    // Three priority calls in a row (the default), then the oldest regular, then priority again.
    expect(order).toEqual([p[0].body.id, p[1].body.id, p[2].body.id, r1.body.id, p[3].body.id, r2.body.id]);
  });

  it("shows the counter's waiting list in call order and its figures for today", async () => {
    await drain(f.counter.c1);
    await drain(f.counter.c2);
    const before = (await call('GET', `/counters/${f.counter.c1}/stats/today`, f.tokens.officer.dukcapil2)).body;
    const k = await issue(f.service.kk);
    const a = await issue(f.service.ktp);
    const q = (await call('GET', `/counters/${f.counter.c1}/queue`, f.tokens.officer.dukcapil2)).body;
    expect(q.counter).toMatchObject({ id: f.counter.c1, name: 'Loket 1', paused: false, serviceIds: expect.arrayContaining([f.service.ktp, f.service.kk]) });
    expect(q.waiting.map((x: Json) => x.number)).toEqual([k.body.number, a.body.number]);
    expect(q.current).toBeNull();
    // Loket 2 serves KTP only.
    expect((await call('GET', `/counters/${f.counter.c2}/queue`, f.tokens.officer.dukcapil2)).body.waiting.map((x: Json) => x.id)).toEqual([a.body.id]);

    t.clock.advance(10 * 60_000); // both waited 10 minutes
    await callNext(f.counter.c1, f.tokens.officer.dukcapil2);
    await act(k.body.id, 'start', f.tokens.officer.dukcapil2);
    t.clock.advance(6 * 60_000);
    await act(k.body.id, 'finish', f.tokens.officer.dukcapil2);
    await callNext(f.counter.c1, f.tokens.officer.dukcapil2);
    t.clock.advance(60_000); // the no-show grace after the call
    await act(a.body.id, 'no-show', f.tokens.officer.dukcapil2);

    const stats = await call('GET', `/counters/${f.counter.c1}/stats/today`, f.tokens.officer.dukcapil2);
    expect(stats.status).toBe(200);
    expect(stats.body.date).toBe('2026-11-25');
    expect(stats.body.counter.served).toBe(before.counter.served + 1);
    expect(stats.body.counter.noShows).toBe(before.counter.noShows + 1);
    // This officer's own share: exactly these two tickets.
    expect(stats.body.mine).toMatchObject({ served: 1, noShows: 1, called: 2, avgHandlingMinutes: 6 });
    expect(stats.body.mine.avgWaitMinutes).toBeCloseTo(13, 5); // 10 and 16 minutes
    // Auditors (queue.monitor) may look; they may not act.
    expect((await call('GET', `/counters/${f.counter.c1}/stats/today`, f.tokens.auditor)).status).toBe(200);
  });
});

describe('visits across agencies', () => {
  it('transfers a ticket: new number at the new service, same visit and tracking code', async () => {
    await drain(f.counter.c2);
    await drain(f.counter.c3, f.tokens.officer.bpjs);
    const a = await issue(f.service.ktp);
    t.clock.advance(60_000);
    const waitingAtBpjs = await issue(f.service.bpjs); // arrived after the KTP citizen
    await callNext(f.counter.c2);
    await act(a.body.id, 'start');

    const same = await call('POST', `/tickets/${a.body.id}/transfer`, f.tokens.officer.dukcapil, { serviceId: f.service.ktp });
    expect(same.status).toBe(400);
    expect(same.body.errors[0].field).toBe('body.serviceId');
    expect((await call('POST', `/tickets/${a.body.id}/transfer`, f.tokens.officer.dukcapil, { serviceId: '0190f5b2-0000-7000-8000-000000000000' })).status).toBe(404);
    expect((await call('POST', `/tickets/${a.body.id}/transfer`, f.tokens.officer.dukcapil, { serviceId: f.service.akta })).body.code).toBe('queue.service_inactive');

    const moved = await call('POST', `/tickets/${a.body.id}/transfer`, f.tokens.officer.dukcapil, { serviceId: f.service.bpjs });
    expect(moved.status).toBe(200);
    expect(moved.body.transferred).toMatchObject({ id: a.body.id, status: 'transferred' });
    expect(moved.body.ticket).toMatchObject({ status: 'waiting', serviceId: f.service.bpjs, source: 'transfer', visitId: moved.body.transferred.visitId });
    expect(moved.body.ticket.number).toMatch(/^C-\d{3}$/);
    // Decision: the transferred ticket keeps the visit's original arrival for call order.
    expect(moved.body.ticket.queuedAt).toBe(a.body.issuedAt);
    expect((await act(a.body.id, 'finish')).status).toBe(409);
    // Loket 2 is free again.
    expect((await callNext(f.counter.c2)).status).toBe(204);

    const status = (await call('GET', `/tickets/by-code/${a.body.trackingCode}`)).body;
    expect(status).toMatchObject({ number: moved.body.ticket.number, status: 'waiting', service: { name: 'Pendaftaran BPJS Kesehatan' }, position: 1 });
    // The site's id, for the status page's links (the complaint form needs it).
    expect(status.site).toEqual({ id: a.body.site.id, name: a.body.site.name, timeZone: 'Asia/Makassar' });
    expect(status.steps.map((s: Json) => [s.number, s.status])).toEqual([
      ['A-' + a.body.number.slice(2), 'transferred'],
      [moved.body.ticket.number, 'waiting'],
    ]);
    // It is called before the BPJS ticket issued after its original arrival.
    const next = await callNext(f.counter.c3, f.tokens.officer.bpjs);
    expect(next.body.ticket.id).toBe(moved.body.ticket.id);
    // The BPJS officer sees where the citizen has been.
    const detail = (await call('GET', `/tickets/${moved.body.ticket.id}`, f.tokens.officer.bpjs)).body;
    expect(detail.visit.trackingCode).toBe(a.body.trackingCode);
    expect(detail.visit.steps.map((s: Json) => [s.serviceName, s.status])).toEqual([
      ['Perekaman KTP-el', 'transferred'],
      ['Pendaftaran BPJS Kesehatan', 'called'],
    ]);
    expect(detail.visit.steps[0].counter).toMatchObject({ name: 'Loket 2' });
    await act(moved.body.ticket.id, 'finish', f.tokens.officer.bpjs);
    await act((await callNext(f.counter.c3, f.tokens.officer.bpjs)).body.ticket.id, 'finish', f.tokens.officer.bpjs);
    expect(waitingAtBpjs.status).toBe(201);
  });

  it('issues the next planned step when the previous one finishes', async () => {
    await drain(f.counter.c2);
    await drain(f.counter.c3, f.tokens.officer.bpjs);
    const a = await issue(f.service.ktp, { serviceIds: [f.service.bpjs] });
    expect(a.status).toBe(201);
    expect(a.body.visit.steps.map((s: Json) => [s.serviceName, s.status, s.number])).toEqual([
      ['Perekaman KTP-el', 'waiting', a.body.number],
      ['Pendaftaran BPJS Kesehatan', 'planned', null],
    ]);
    // Nothing waits at BPJS yet.
    expect((await callNext(f.counter.c3, f.tokens.officer.bpjs)).status).toBe(204);
    await callNext(f.counter.c2);
    await act(a.body.id, 'finish');
    const status = (await call('GET', `/tickets/by-code/${a.body.trackingCode}`)).body;
    expect(status).toMatchObject({ status: 'waiting', service: { name: 'Pendaftaran BPJS Kesehatan' } });
    expect(status.steps.map((s: Json) => s.status)).toEqual(['done', 'waiting']);
    const next = await callNext(f.counter.c3, f.tokens.officer.bpjs);
    expect(next.body.ticket).toMatchObject({ source: 'step', number: status.number });
    await act(next.body.ticket.id, 'finish', f.tokens.officer.bpjs);
  });

  it('gives up the planned steps when the citizen does not show up', async () => {
    await drain(f.counter.c2);
    const a = await issue(f.service.ktp, { serviceIds: [f.service.bpjs] });
    await callNext(f.counter.c2);
    t.clock.advance(60_000); // the no-show grace after the call
    await act(a.body.id, 'no-show');
    const status = (await call('GET', `/tickets/by-code/${a.body.trackingCode}`)).body;
    expect(status.status).toBe('no_show');
    expect(status.steps.map((s: Json) => s.status)).toEqual(['no_show', 'cancelled']);
  });

  it('refuses planned services that do not open again today', async () => {
    const r = await issue(f.service.ktp, { serviceIds: [f.service.legalisir, f.service.akta] });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('queue.service_inactive');
    expect(r.body.errors[0].field).toBe('body.serviceIds.1');
    const saved = t.clock.now();
    try {
      at('2026-11-25T13:30:00');
      const sim = await issue(f.service.ktp, { serviceIds: [f.service.sim] });
      expect(sim.body).toMatchObject({ code: 'queue.closed' });
      expect(sim.body.errors[0].field).toBe('body.serviceIds.0');
    } finally {
      t.clock.set(saved);
    }
  });
});

describe('ticket views', () => {
  it('shows staff the ticket with its event history, and the public only the status', async () => {
    await drain(f.counter.c2);
    const a = await issue(f.service.ktp);
    await callNext(f.counter.c2);
    await act(a.body.id, 'recall');
    await act(a.body.id, 'start');
    const detail = await call('GET', `/tickets/${a.body.id}`, f.tokens.officer.dukcapil);
    expect(detail.status).toBe(200);
    expect(detail.body.events.map((e: Json) => e.type)).toEqual(['ticket.issued', 'ticket.called', 'ticket.recalled', 'ticket.started']);
    expect(detail.body.events[1].meta).toMatchObject({ counterId: f.counter.c2, officerId: expect.any(String) });
    expect(detail.body.events[1].payload).toEqual({
      ticketId: a.body.id,
      number: a.body.number,
      serviceId: f.service.ktp,
      counter: { id: f.counter.c2, name: 'Loket 2', number: 2 },
      spoken: `Nomor antrean A ${a.body.number.slice(2).split('').map((d: string) => ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'][Number(d)]).join(' ')}, silakan menuju loket dua`,
    });
    expect((await call('GET', `/tickets/${a.body.id}`, f.tokens.auditor)).status).toBe(200);
    expect((await call('GET', `/tickets/${a.body.id}`)).status).toBe(401);

    const pub = await call('GET', `/tickets/by-code/${a.body.trackingCode.toLowerCase()}`);
    expect(pub.status).toBe(200);
    expect(pub.body).toMatchObject({ number: a.body.number, status: 'serving', position: null, estimate: null, counter: { name: 'Loket 2', number: 2 }, service: { name: 'Perekaman KTP-el' } });
    expect(Object.keys(pub.body).sort()).toEqual(['calledAt', 'counter', 'estimate', 'issuedAt', 'number', 'peopleAhead', 'position', 'service', 'site', 'status', 'steps']);
    expect((await call('GET', '/tickets/by-code/ZZZZZZZZZZ')).status).toBe(404);
    await act(a.body.id, 'finish');
  });

  it('writes an audit row for every staff change', async () => {
    const res = await call('GET', `/audit?siteId=${f.siteId}&pageSize=100&action=queue.ticket_called`, f.tokens.siteAdmin);
    expect(res.status).toBe(200);
    expect(res.body.total).toBeGreaterThan(5);
    for (const action of ['queue.ticket_issued', 'queue.ticket_started', 'queue.ticket_finished', 'queue.ticket_no_show', 'queue.ticket_recalled', 'queue.ticket_parked', 'queue.ticket_resumed', 'queue.ticket_transferred', 'queue.counter_paused', 'queue.counter_opened']) {
      const r = await call('GET', `/audit?siteId=${f.siteId}&pageSize=1&action=${action}`, f.tokens.siteAdmin);
      expect(r.body.total, action).toBeGreaterThan(0);
    }
  });

  it('lists counters and the display summary publicly', async () => {
    const counters = await call('GET', `/sites/${f.siteId}/counters`);
    expect(counters.status).toBe(200);
    expect(counters.body.map((c: Json) => c.name)).toEqual(['Loket 1', 'Loket 2', 'Loket 3', 'Loket 4']);
    expect(counters.body[0]).toMatchObject({ id: f.counter.c1, agencyId: f.agency.dukcapil, serviceIds: expect.arrayContaining([f.service.ktp, f.service.kk]) });

    await drain(f.counter.c2);
    const a = await issue(f.service.ktp);
    const b = await issue(f.service.ktp);
    await callNext(f.counter.c2);
    const s = await call('GET', `/sites/${f.siteId}/queue/summary`);
    expect(s.status).toBe(200);
    expect(s.body.lastEventId).toBeGreaterThan(0);
    const ktp = s.body.services.find((x: Json) => x.serviceId === f.service.ktp);
    expect(ktp).toMatchObject({ prefix: 'A', waiting: 1, nowServing: [{ ticketId: a.body.id, number: a.body.number, status: 'called', counter: { name: 'Loket 2' } }] });
    expect(ktp.estimate.maxMinutes).toBeGreaterThan(0);
    expect(s.body.services.find((x: Json) => x.serviceId === f.service.akta)).toBeUndefined();
    expect(s.body.recentCalls[0]).toMatchObject({ ticketId: a.body.id, counter: { number: 2 } });
    expect((await call('GET', `/sites/0190f5b2-0000-7000-8000-000000000000/queue/summary`)).status).toBe(404);
    await drain(f.counter.c2);
    expect(b.status).toBe(201);
  });

  it('documents the queue API in OpenAPI', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    for (const p of ['/api/v1/sites/{siteId}/tickets', '/api/v1/tickets/by-code/{trackingCode}', '/api/v1/counters/{counterId}/call-next', '/api/v1/tickets/{id}/transfer', '/api/v1/sites/{siteId}/stream', '/api/v1/sites/{siteId}/queue/summary']) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
  });
  it('closes tickets left open from an earlier day', async () => {
    const left = await issue(f.service.ktp);
    await drain(f.counter.c2);
    const held = await issue(f.service.ktp);
    await callNext(f.counter.c2);
    const saved = t.clock.now();
    try {
      at('2026-11-26T07:00:00');
      expect(await closeStaleTickets(t.ctx)).toBeGreaterThan(0);
      expect((await call('GET', `/tickets/by-code/${held.body.trackingCode}`)).body.status).toBe('cancelled');
      expect(await closeStaleTickets(t.ctx)).toBe(0);
    } finally {
      t.clock.set(saved);
    }
    expect(left.status).toBe(201);
    // The counter is free again.
    expect((await callNext(f.counter.c2)).status).toBe(204);
  });
});
