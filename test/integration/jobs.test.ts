import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/server/platform/clock';
import type { Database } from '../../src/server/platform/db';
import { cancelJob, claimDue, enqueue, runDueJobs, type JobRow } from '../../src/server/platform/jobs';
import { freshDatabase } from '../support/db';

describe('database job queue', () => {
  let database: Database;
  const clock = new ManualClock('2026-11-25T09:00:00+08:00');
  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(async () => database?.close());

  it('runs a job when due, once, and never twice for one dedupe key', async () => {
    const ran: JobRow[] = [];
    const at = new Date(clock.now().getTime() + 60_000);
    await enqueue(database.db, clock, { kind: 'remind', runAt: at, payload: { n: 1 }, dedupeKey: 'remind:1' });
    await enqueue(database.db, clock, { kind: 'remind', runAt: at, payload: { n: 2 }, dedupeKey: 'remind:1' });
    expect(await runDueJobs(database.db, clock, { remind: async (j) => void ran.push(j) })).toBe(0);
    clock.advance(61_000);
    expect(await runDueJobs(database.db, clock, { remind: async (j) => void ran.push(j) })).toBe(1);
    expect(await runDueJobs(database.db, clock, { remind: async (j) => void ran.push(j) })).toBe(0);
    expect(ran.map((j) => j.payload.n)).toEqual([1]);
  });

  it('retries a failing job later and skips cancelled ones', async () => {
    await enqueue(database.db, clock, { kind: 'flaky', runAt: clock.now(), dedupeKey: 'flaky:1' });
    await enqueue(database.db, clock, { kind: 'flaky', runAt: clock.now(), dedupeKey: 'flaky:cancelled' });
    await cancelJob(database.db, 'flaky:cancelled');
    let calls = 0;
    const handlers = { flaky: async () => { calls++; if (calls === 1) throw new Error('gateway down'); } };
    expect(await runDueJobs(database.db, clock, handlers)).toBe(1);
    expect(await runDueJobs(database.db, clock, handlers)).toBe(0); // backing off
    clock.advance(2 * 60_000);
    expect(await runDueJobs(database.db, clock, handlers)).toBe(1);
    expect(calls).toBe(2);
  });

  it('gives each due job to one claimer only', async () => {
    for (let i = 0; i < 30; i++) await enqueue(database.db, clock, { kind: 'x', runAt: clock.now(), dedupeKey: `x:${i}` });
    const claims = await Promise.all([claimDue(database.db, clock.now(), 10), claimDue(database.db, clock.now(), 10), claimDue(database.db, clock.now(), 10), claimDue(database.db, clock.now(), 10)]);
    const ids = claims.flat().map((j) => j.id);
    expect(ids.length).toBe(30);
    expect(new Set(ids).size).toBe(30);
  });
});
