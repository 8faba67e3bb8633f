import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackground } from '../../src/server/background';
import { rateLimits } from '../../src/server/db/rate-limits.schema';
import { openDatabase, type Database } from '../../src/server/platform/db';
import { admit, settle, sweepExpired, type Rule } from '../../src/server/platform/rate-limit';
import { createTestApp, type TestApp } from '../support/app';
import { freshDatabase } from '../support/db';

/**
 * The failed-attempt store itself. On PostgreSQL two separate pools stand for two server
 * processes: the counts they share must hold under concurrency, with no check-then-insert.
 */
describe('failed-attempt limits in the database', () => {
  let database: Database & { url?: string };
  let other: Database | undefined;
  const handles = () => [database.db, other?.db ?? database.db];
  beforeAll(async () => {
    database = await freshDatabase();
    if (database.url) other = await openDatabase({ databaseUrl: database.url, poolSize: 10 });
  });
  afterAll(async () => {
    await other?.close();
    await database?.close();
  });

  const now = new Date('2026-11-25T01:00:00Z');
  const later = (s: number) => new Date(now.getTime() + s * 1000);

  it('admits at most maxPending attempts at once, from every process together', async () => {
    const rule: Rule = { kind: 'backoff', key: 'test:burst', free: 5, baseSeconds: 1, capSeconds: 60, forgetSeconds: 3600, maxPending: 2 };
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => admit(handles()[i % 2], [rule], now)));
    expect(results.filter((r) => r === null).length).toBe(2);
    expect(results.filter((r) => r !== null).every((r) => r!.retryAfter === 1)).toBe(true);
  });

  it('counts concurrent failures exactly and blocks a window at its limit until it ends', async () => {
    const rule: Rule = { kind: 'window', key: 'test:window', max: 40, windowSeconds: 900, maxPending: 100 };
    await Promise.all(Array.from({ length: 40 }, async (_, i) => {
      const conn = handles()[i % 2];
      expect(await admit(conn, [rule], now)).toBeNull();
      await settle(conn, [rule], 'failure', now);
    }));
    const [row] = await database.db.select().from(rateLimits).where(eq(rateLimits.key, 'test:window'));
    expect(row).toMatchObject({ count: 40, pending: 0 });
    expect(await admit(database.db, [rule], later(60))).toMatchObject({ retryAfter: 840 });
    // The window ends: a fresh count.
    expect(await admit(database.db, [rule], later(900))).toBeNull();
  });

  it('gives back every place taken when a later rule refuses', async () => {
    const open: Rule = { kind: 'window', key: 'test:open', max: 10, windowSeconds: 60, maxPending: 10 };
    const shut: Rule = { kind: 'window', key: 'test:shut', max: 1, windowSeconds: 60, maxPending: 10 };
    expect(await admit(database.db, [shut], now)).toBeNull();
    await settle(database.db, [shut], 'failure', now);
    expect(await admit(database.db, [open, shut], now)).toMatchObject({ rule: shut, retryAfter: 60 });
    const [row] = await database.db.select().from(rateLimits).where(eq(rateLimits.key, 'test:open'));
    expect(row.pending).toBe(0);
  });

  it('never deadlocks when bursts under several keys are refused, released and cleared at once', async () => {
    // Refusals at the second and third rule give back several places, successes clear several
    // keys: a statement that locked two rows at once could wait on another doing the same in the
    // other order (PostgreSQL: "deadlock detected", a 500 at the sign-in burst).
    const rules = (k: number): Rule[] => [
      { kind: 'window', key: `test:dl:a:${k % 2}`, max: 1000, windowSeconds: 60, maxPending: 50 },
      { kind: 'window', key: 'test:dl:b', max: 1000, windowSeconds: 60, maxPending: 30, resetOnSuccess: true },
      { kind: 'backoff', key: 'test:dl:c', free: 1000, baseSeconds: 1, capSeconds: 60, forgetSeconds: 60, maxPending: 2 },
    ];
    for (let round = 0; round < 10; round++) {
      await Promise.all(Array.from({ length: 60 }, async (_, i) => {
        const conn = handles()[i % 2];
        const r = rules(i);
        if ((await admit(conn, r, now)) === null) await settle(conn, r, i % 3 === 0 ? 'success' : 'failure', now);
      }));
    }
    const left = await database.db.select().from(rateLimits);
    expect(left.filter((row) => row.key.startsWith('test:dl:')).every((row) => row.pending === 0)).toBe(true);
  });

  it('sweeps expired rows and keeps live ones', async () => {
    const live: Rule = { kind: 'window', key: 'test:live', max: 5, windowSeconds: 7200, maxPending: 5 };
    expect(await admit(database.db, [live], now)).toBeNull();
    await settle(database.db, [live], 'failure', now);
    const before = (await database.db.select({ n: count() }).from(rateLimits))[0].n;
    expect(before).toBeGreaterThan(1);
    expect(await sweepExpired(database.db, later(3601))).toBe(before - 1);
    expect((await database.db.select({ key: rateLimits.key }).from(rateLimits)).map((r) => r.key)).toEqual(['test:live']);
  });
});

describe('the background sweep', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('removes expired sign-in counters', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: `x${i}`, password: 'guess' }, remoteAddress: '10.9.0.1' });
      expect(res.statusCode).toBe(401);
    }
    const rowsNow = async () => (await t.ctx.db.select({ n: count() }).from(rateLimits))[0].n;
    expect(await rowsNow()).toBeGreaterThan(0);
    t.clock.advance(2 * 3600_000);
    const stop = startBackground(t.ctx, { sweepEveryMs: 20, jobEveryMs: 60_000 });
    try {
      for (let i = 0; i < 200 && (await rowsNow()) > 0; i++) await new Promise((r) => setTimeout(r, 25));
      expect(await rowsNow()).toBe(0);
    } finally {
      await stop();
    }
  });
});
