/**
 * The queue under real concurrency: real HTTP on a listening server, many requests in flight.
 * Invariants: numbers unique and consecutive; no ticket called twice (not even by two tabs of one
 * counter); every called ticket called exactly once; never two active tickets at one counter.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/server/platform/db';
import { createTestApp, type TestApp } from '../support/app';
import { createMppFixture, type MppFixture } from '../support/fixtures';

let t: TestApp;
let f: MppFixture;
let base: string;

beforeAll(async () => {
  t = await createTestApp({ start: '2026-11-25T09:00:00+08:00' });
  f = await createMppFixture(t, { extraCounters: 6 });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = t.app.server.address();
  if (!addr || typeof addr === 'string') throw new Error('no port');
  base = `http://127.0.0.1:${addr.port}/api/v1`;
});
afterAll(async () => t?.close());

async function post(path: string, token: string, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

const TICKETS = 60;

describe('concurrency', () => {
  it('issues unique, consecutive numbers under concurrent issuing', async () => {
    const results = await Promise.all(Array.from({ length: TICKETS }, () => post(`/sites/${f.siteId}/tickets`, f.kioskToken, { serviceId: f.service.ktp })));
    expect(results.map((r) => r.status)).toEqual(Array(TICKETS).fill(201));
    const numbers = results.map((r) => r.body.number as string).sort();
    expect(numbers).toEqual(Array.from({ length: TICKETS }, (_, i) => `A-${String(i + 1).padStart(3, '0')}`));
    expect(new Set(results.map((r) => r.body.trackingCode)).size).toBe(TICKETS);
  });

  it('never gives one ticket to two counters, even to two tabs of one counter', async () => {
    const counters = [f.counter.c1, f.counter.c2, ...f.extraCounters];
    const token = f.tokens.officer.dukcapil;
    // Two tabs for Loket 2 and for Loket 11: the same counter asking at the same time.
    const lanes = [...counters, f.counter.c2, f.extraCounters[0]];

    // Wave: 56 call-next requests at once.
    const wave = await Promise.all(Array.from({ length: 56 }, (_, i) => post(`/counters/${lanes[i % lanes.length]}/call-next`, token).then((r) => ({ ...r, counter: lanes[i % lanes.length] }))));
    expect(wave.every((r) => r.status === 200 || (r.status === 409 && r.body.code === 'queue.counter_busy'))).toBe(true);
    const first = wave.filter((r) => r.status === 200);
    // Exactly one call per counter succeeded; each got a different ticket.
    expect(first.length).toBe(counters.length);
    expect(new Set(first.map((r) => r.counter)).size).toBe(counters.length);
    expect(new Set(first.map((r) => r.body.ticket.id)).size).toBe(counters.length);
    for (const r of first) expect(r.body.ticket.counter.id).toBe(r.counter);

    // Then every lane works the queue down: call, finish, call... all at once.
    const calledBy = new Map<string, string[]>();
    for (const r of first) calledBy.set(r.body.ticket.id, [r.counter]);
    const held = new Map<string, string>(first.map((r) => [r.counter, r.body.ticket.id]));
    const lane = async (counterId: string) => {
      for (let guard = 0; guard < 2000; guard++) {
        const mine = held.get(counterId);
        if (mine) {
          held.delete(counterId);
          const done = await post(`/tickets/${mine}/finish`, token);
          expect(done.status).toBe(200);
        }
        const r = await post(`/counters/${counterId}/call-next`, token);
        if (r.status === 204) return;
        if (r.status === 409) {
          expect(r.body.code).toBe('queue.counter_busy'); // the other tab holds one
          await new Promise((resolve) => setImmediate(resolve));
          continue;
        }
        expect(r.status).toBe(200);
        const id = r.body.ticket.id as string;
        calledBy.set(id, [...(calledBy.get(id) ?? []), counterId]);
        held.set(counterId, id);
      }
      throw new Error('lane did not finish');
    };
    await Promise.all(lanes.map(lane));
    // Both tabs stopped on 204: whatever one of them still holds gets finished.
    for (const [, id] of held) expect((await post(`/tickets/${id}/finish`, token)).status).toBe(200);

    expect(calledBy.size).toBe(TICKETS);
    for (const [, by] of calledBy) expect(by.length).toBe(1);

    const perTicket = await rows<{ aggregate_id: string; n: number }>(
      t.ctx.db,
      sql`SELECT aggregate_id, count(*)::int AS n FROM events WHERE type = 'ticket.called' AND site_id = ${f.siteId} GROUP BY aggregate_id`,
    );
    expect(perTicket.length).toBe(TICKETS);
    expect(perTicket.every((r) => r.n === 1)).toBe(true);
    const [status] = await rows<{ done: number; active: number }>(
      t.ctx.db,
      sql`SELECT count(*) FILTER (WHERE status = 'done')::int AS done, count(*) FILTER (WHERE status IN ('called', 'serving'))::int AS active FROM tickets WHERE site_id = ${f.siteId}`,
    );
    expect(status).toEqual({ done: TICKETS, active: 0 });
    // Event ids of the site follow commit order: every ticket's call comes after its issue.
    const order = await rows<{ bad: number }>(
      t.ctx.db,
      sql`SELECT count(*)::int AS bad FROM events c JOIN events i ON i.aggregate_id = c.aggregate_id AND i.type = 'ticket.issued'
          WHERE c.type = 'ticket.called' AND c.site_id = ${f.siteId} AND c.id < i.id`,
    );
    expect(order[0].bad).toBe(0);
  });

  it('keeps at most one active ticket per counter in the database itself', async () => {
    await post(`/sites/${f.siteId}/tickets`, f.kioskToken, { serviceId: f.service.ktp });
    await post(`/sites/${f.siteId}/tickets`, f.kioskToken, { serviceId: f.service.ktp });
    const called = await post(`/counters/${f.counter.c2}/call-next`, f.tokens.officer.dukcapil);
    expect(called.status).toBe(200);
    // Bypassing the service: the partial unique index refuses a second active ticket.
    await expect(
      t.ctx.db.execute(sql`UPDATE tickets SET status = 'called', counter_id = ${f.counter.c2} WHERE site_id = ${f.siteId} AND status = 'waiting'`),
    ).rejects.toThrow();
    // And the numbering constraint refuses a repeated number.
    await expect(
      t.ctx.db.execute(sql`UPDATE tickets SET seq = 1 WHERE site_id = ${f.siteId} AND status = 'waiting'`),
    ).rejects.toThrow();
  });
});
