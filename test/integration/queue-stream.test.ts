/** Realtime: the public site stream and the citizen's stream, over real HTTP with replay. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/app';
import { createMppFixture, type MppFixture } from '../support/fixtures';
import { openSse, type SseClient } from '../support/sse';

let t: TestApp;
let f: MppFixture;
let base: string;
const open: SseClient[] = [];

beforeAll(async () => {
  t = await createTestApp({ start: '2026-11-25T09:00:00+08:00' });
  f = await createMppFixture(t);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = t.app.server.address();
  if (!addr || typeof addr === 'string') throw new Error('no port');
  base = `http://127.0.0.1:${addr.port}/api/v1`;
});
afterAll(async () => {
  for (const s of open) s.close();
  await t?.close();
});

async function sse(path: string, headers: Record<string, string> = {}) {
  const s = await openSse(`${base}${path}`, headers);
  open.push(s);
  return s;
}
async function post(path: string, token: string, payload?: unknown) {
  const res = await t.app.inject({ method: 'POST', url: `/api/v1${path}`, headers: bearer(token), ...(payload !== undefined ? { payload: payload as object } : {}) });
  return res.body ? res.json() : null;
}
const issue = (serviceId: string) => post(`/sites/${f.siteId}/tickets`, f.kioskToken, { serviceId });
const officer = () => f.tokens.officer.dukcapil;
/** Loket 2 with nobody waiting and nobody at it. */
async function drainLoket2() {
  for (;;) {
    const r = await t.app.inject({ method: 'POST', url: `/api/v1/counters/${f.counter.c2}/call-next`, headers: bearer(officer()) });
    if (r.statusCode === 204) break;
    await post(`/tickets/${r.json().ticket.id}/finish`, officer());
  }
}

describe('the public site stream', () => {
  it('sends ticket events with ids, and replays exactly the missed ones after a reconnect', async () => {
    const s = await sse(`/sites/${f.siteId}/stream`);
    expect(s.status).toBe(200);
    const a = await issue(f.service.ktp);
    await post(`/counters/${f.counter.c2}/call-next`, officer());
    const issued = await s.waitFor((x) => x.event === 'ticket.issued' && x.data.ticketId === a.id);
    const called = await s.waitFor((x) => x.event === 'ticket.called' && x.data.ticketId === a.id);
    expect(issued.id).toMatch(/^\d+$/);
    expect(Number(called.id)).toBeGreaterThan(Number(issued.id));
    expect(issued.data).toEqual({ ticketId: a.id, number: 'A-001', serviceId: f.service.ktp, counter: null });
    expect(called.data).toEqual({
      ticketId: a.id,
      number: 'A-001',
      serviceId: f.service.ktp,
      counter: { id: f.counter.c2, name: 'Loket 2', number: 2 },
      spoken: 'Nomor antrean A nol nol satu, silakan menuju loket dua',
    });
    s.close();

    // While the display is offline: a start, a finish, a break, a new ticket and its call.
    await post(`/tickets/${a.id}/start`, officer());
    await post(`/tickets/${a.id}/finish`, officer());
    await post(`/counters/${f.counter.c2}/pause`, officer());
    await post(`/counters/${f.counter.c2}/open`, officer());
    const b = await issue(f.service.ktp);
    await post(`/counters/${f.counter.c2}/call-next`, officer());

    const again = await sse(`/sites/${f.siteId}/stream`, { 'last-event-id': called.id! });
    await again.waitFor((x) => x.event === 'ticket.called' && x.data.ticketId === b.id);
    expect(again.frames.map((x) => [x.event, x.data.number])).toEqual([
      ['ticket.started', 'A-001'],
      ['ticket.finished', 'A-001'],
      ['counter.paused', 2],
      ['counter.opened', 2],
      ['ticket.issued', 'A-002'],
      ['ticket.called', 'A-002'],
    ]);
    const ids = again.frames.map((x) => Number(x.id));
    expect(ids.every((id) => id > Number(called.id))).toBe(true);
    expect([...ids].sort((x, y) => x - y)).toEqual(ids);

    // Live events follow the replay on the same connection.
    const c = await issue(f.service.ktp);
    await again.waitFor((x) => x.event === 'ticket.issued' && x.data.ticketId === c.id);
    // The query parameter works like the header.
    const viaQuery = await sse(`/sites/${f.siteId}/stream?lastEventId=${called.id}`);
    await viaQuery.waitFor((x) => x.event === 'ticket.issued' && x.data.ticketId === c.id);
    expect(viaQuery.frames[0]).toMatchObject({ event: 'ticket.started' });
    await post(`/tickets/${b.id}/finish`, officer());
  });

  it('tells a display of a park, a resume and a break, live and on replay, with public data only', async () => {
    await drainLoket2();
    const s = await sse(`/sites/${f.siteId}/stream`);
    const a = await issue(f.service.ktp);
    await post(`/counters/${f.counter.c2}/call-next`, officer());
    const called = await s.waitFor((x) => x.event === 'ticket.called' && x.data.ticketId === a.id);
    await post(`/tickets/${a.id}/park`, officer());
    const parked = await s.waitFor((x) => x.event === 'ticket.parked' && x.data.ticketId === a.id);
    expect(parked.data).toEqual({ ticketId: a.id, number: a.number, serviceId: f.service.ktp, counter: { id: f.counter.c2, name: 'Loket 2', number: 2 } });
    await post(`/counters/${f.counter.c2}/pause`, officer());
    const paused = await s.waitFor((x) => x.event === 'counter.paused');
    expect(paused.data).toEqual({ counterId: f.counter.c2, name: 'Loket 2', number: 2 });
    // The snapshot agrees: nobody at Loket 2, which is on a break.
    const summary = (await t.app.inject({ url: `/api/v1/sites/${f.siteId}/queue/summary` })).json();
    expect(summary.lastEventId).toBeGreaterThanOrEqual(Number(paused.id));
    expect(summary.pausedCounterIds).toEqual([f.counter.c2]);
    expect(summary.services.flatMap((x: { nowServing: Array<{ ticketId: string }> }) => x.nowServing.map((n) => n.ticketId))).not.toContain(a.id);
    await post(`/counters/${f.counter.c2}/open`, officer());
    await post(`/tickets/${a.id}/resume`, officer());
    await s.waitFor((x) => x.event === 'ticket.resumed' && x.data.ticketId === a.id);
    s.close();

    // A display that reconnects after the call hears the rest in order.
    const again = await sse(`/sites/${f.siteId}/stream`, { 'last-event-id': called.id! });
    await again.waitFor((x) => x.event === 'ticket.resumed');
    expect(again.frames.map((x) => x.event)).toEqual(['ticket.parked', 'counter.paused', 'counter.opened', 'ticket.resumed']);
    await post(`/counters/${f.counter.c2}/call-next`, officer());
    await post(`/tickets/${a.id}/finish`, officer());
  });

  it('answers an unknown site with a 404 problem, not a stream', async () => {
    const res = await fetch(`${base}/sites/0190f5b2-0000-7000-8000-000000000000/stream`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe("the citizen's stream", () => {
  it("sends only this visit's events, and fresh positions when the service's queue moves", async () => {
    // Start from an empty queue at Loket 2.
    for (;;) {
      const r = await t.app.inject({ method: 'POST', url: `/api/v1/counters/${f.counter.c2}/call-next`, headers: bearer(officer()) });
      if (r.statusCode === 204) break;
      await post(`/tickets/${r.json().ticket.id}/finish`, officer());
    }
    const first = await issue(f.service.ktp);
    const mine = await issue(f.service.ktp);
    expect(mine.position).toBe(2);

    const s = await sse(`/tickets/by-code/${mine.trackingCode}/stream`);
    expect(s.status).toBe(200);
    const initial = await s.waitFor((x) => x.event === 'status');
    expect(initial.id).toBeNull();
    expect(initial.data).toMatchObject({ number: mine.number, status: 'waiting', position: 2, peopleAhead: 1 });

    // The ticket ahead is called: a new position, but not that ticket's event.
    let mark = s.frames.length;
    await post(`/counters/${f.counter.c2}/call-next`, officer());
    const moved = await s.waitFor((x) => x.event === 'status' && x.data.position === 1, { from: mark });
    expect(moved.data.estimate).toMatchObject({ minMinutes: expect.any(Number), maxMinutes: expect.any(Number) });
    expect(s.frames.some((x) => x.event === 'ticket.called' && x.data.ticketId === first.id)).toBe(false);

    // Another service's events do not wake this stream.
    mark = s.frames.length;
    t.clock.advance(60_000);
    await issue(f.service.bpjs);
    // Our own call: the event (with its id) and the status with the counter.
    await post(`/tickets/${first.id}/finish`, officer());
    await post(`/counters/${f.counter.c2}/call-next`, officer());
    const called = await s.waitFor((x) => x.event === 'ticket.called', { from: mark });
    expect(called.id).toMatch(/^\d+$/);
    expect(called.data).toMatchObject({ ticketId: mine.id, counter: { name: 'Loket 2' } });
    const status = await s.waitFor((x) => x.event === 'status' && x.data.status === 'called', { from: mark });
    expect(status.data).toMatchObject({ counter: { name: 'Loket 2', number: 2 }, position: null, estimate: null });
    expect(s.frames.slice(mark).every((x) => x.event === 'status' || x.data.ticketId === mine.id)).toBe(true);

    // Transferred: the same stream follows the visit to the new service.
    mark = s.frames.length;
    const moved2 = await post(`/tickets/${mine.id}/transfer`, officer(), { serviceId: f.service.bpjs });
    await s.waitFor((x) => x.event === 'ticket.transferred' && x.data.ticketId === mine.id, { from: mark });
    await s.waitFor((x) => x.event === 'ticket.issued' && x.data.ticketId === moved2.ticket.id, { from: mark });
    const atBpjs = await s.waitFor((x) => x.event === 'status' && x.data.number === moved2.ticket.number, { from: mark });
    // It keeps the visit's original arrival: ahead of the BPJS ticket issued a minute later.
    expect(atBpjs.data).toMatchObject({ status: 'waiting', service: { name: 'Pendaftaran BPJS Kesehatan' }, position: 1 });
    s.close();

    // Reconnecting with the last id replays only what came after it.
    const back = await sse(`/tickets/by-code/${mine.trackingCode}/stream`, { 'last-event-id': called.id! });
    await back.waitFor((x) => x.event === 'status');
    expect(back.frames.filter((x) => x.event !== 'status').map((x) => x.event)).toEqual(['ticket.transferred', 'ticket.issued']);
  });

  it('sends a fresh estimate when a counter of the service goes on a break, and the park of the ticket', async () => {
    await drainLoket2();
    const first = await issue(f.service.ktp);
    const mine = await issue(f.service.ktp);
    const s = await sse(`/tickets/by-code/${mine.trackingCode}/stream`);
    await s.waitFor((x) => x.event === 'status');
    let mark = s.frames.length;
    await post(`/counters/${f.counter.c2}/pause`, officer());
    await s.waitFor((x) => x.event === 'status' && x.data.status === 'waiting', { from: mark });
    await post(`/counters/${f.counter.c2}/open`, officer());
    // Called, then parked: the phone hears both, with the counter.
    await post(`/counters/${f.counter.c2}/call-next`, officer());
    await post(`/tickets/${first.id}/finish`, officer());
    await post(`/counters/${f.counter.c2}/call-next`, officer());
    await s.waitFor((x) => x.event === 'status' && x.data.status === 'called');
    mark = s.frames.length;
    await post(`/tickets/${mine.id}/park`, officer());
    const parked = await s.waitFor((x) => x.event === 'status' && x.data.status === 'parked', { from: mark });
    expect(parked.data).toMatchObject({ counter: { name: 'Loket 2' } });
    expect(s.frames.slice(mark).some((x) => x.event === 'ticket.parked' && x.data.ticketId === mine.id)).toBe(true);
    s.close();
    await post(`/tickets/${mine.id}/no-show`, officer());
  });

  it('answers an unknown tracking code with 404', async () => {
    const res = await fetch(`${base}/tickets/by-code/ZZZZZZZZZZ/stream`);
    expect(res.status).toBe(404);
  });
});
