import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetCachedCatalog, getSite } from '../../src/server/modules/catalog/catalog.lookup';
import { openDatabase, openTransaction, rows } from '../../src/server/platform/db';
import { AppError } from '../../src/server/platform/errors';
import { outsideTransaction, RootQueryInTransactionError } from '../../src/server/platform/tx-scope';
import { transact } from '../../src/server/platform/tx';
import { bearer, createTestApp, type TestApp } from '../support/app';
import { freshDatabase } from '../support/db';
import { createMppFixture, type MppFixture } from '../support/fixtures';

let t: TestApp;
let f: MppFixture;
const pglite = !process.env.TEST_DATABASE_URL;

beforeAll(async () => {
  t = await createTestApp({ start: '2026-11-25T09:00:00+08:00' });
  f = await createMppFixture(t);
});
afterAll(async () => t?.close());

/** A database of its own with other options: in memory, or beside the test's on PostgreSQL. */
async function openExtra(opts: Omit<Parameters<typeof openDatabase>[0], 'databaseUrl' | 'dataDir'>) {
  if (!process.env.TEST_DATABASE_URL) {
    const database = await openDatabase(opts);
    await database.migrate();
    return database;
  }
  const base = await freshDatabase();
  const database = await openDatabase({ ...opts, databaseUrl: base.url });
  return { ...database, close: async () => (await database.close(), await base.close()) };
}

/** The innermost cause of a rejection (drizzle wraps driver errors in DrizzleQueryError). */
async function rootCause(p: Promise<unknown>): Promise<unknown> {
  let e = await p.then(() => null, (err: unknown) => err);
  while (e && typeof e === 'object' && 'cause' in e && e.cause) e = e.cause;
  return e;
}

async function post(url: string, token: string, payload?: object) {
  const res = await t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: bearer(token), ...(payload ? { payload } : {}) });
  return { status: res.statusCode, body: res.body ? res.json() : null };
}

describe('a multi-service visit with cold caches', () => {
  it('finishes the first step and issues the next one (the PGlite hang)', async () => {
    forgetCachedCatalog();
    const issued = await post(`/sites/${f.siteId}/tickets`, f.kioskToken, { serviceId: f.service.ktp, serviceIds: [f.service.bpjs] });
    expect(issued.status).toBe(201);
    for (const step of ['call-next', 'start', 'finish'] as const) {
      forgetCachedCatalog(); // every step starts cold: the next service is read inside the finish transaction
      const r = step === 'call-next' ? await post(`/counters/${f.counter.c2}/call-next`, f.tokens.officer.dukcapil) : await post(`/tickets/${issued.body.id}/${step}`, f.tokens.officer.dukcapil);
      expect(r.status, `${step}: ${JSON.stringify(r.body)}`).toBe(200);
    }
    forgetCachedCatalog();
    const status = await t.app.inject({ method: 'GET', url: `/api/v1/tickets/by-code/${issued.body.trackingCode}` });
    expect(status.json()).toMatchObject({ status: 'waiting', service: { name: 'Pendaftaran BPJS Kesehatan' } });
    // The server still answers database routes.
    expect((await t.app.inject({ method: 'GET', url: '/api/ready' })).statusCode).toBe(200);
  });
});

describe('the root handle inside a transaction', () => {
  it('refuses a root query at once instead of waiting for itself', async () => {
    const db = t.ctx.db;
    expect(await rootCause(db.transaction(async () => rows(db, sql`SELECT 1 AS one`)))).toBeInstanceOf(RootQueryInTransactionError);
    expect(await rootCause(db.transaction(async () => db.transaction(async () => 1)))).toBeInstanceOf(RootQueryInTransactionError);
    // transact() is guarded the same way, and the database is free afterwards.
    expect(await rootCause(transact(t.ctx, async () => rows(db, sql`SELECT 1 AS one`)))).toBeInstanceOf(RootQueryInTransactionError);
    expect(await rows(db, sql`SELECT 1 AS one`)).toEqual([{ one: 1 }]);
  });

  it('lets lookups that are not given the transaction read through it', async () => {
    // getSite defaults its connection to the open transaction: a caller that forgets `tx` is
    // neither refused nor left waiting for itself.
    const site = await transact(t.ctx, async () => getSite(t.ctx, f.siteId));
    expect(site.id).toBe(f.siteId);
  });

  it('knows the open transaction, and lets detached work use the root handle', async () => {
    const db = t.ctx.db;
    expect(openTransaction(db)).toBeUndefined();
    let detached: Promise<unknown> | undefined;
    await db.transaction(async (tx) => {
      expect(openTransaction(db)).toBe(tx);
      // Started inside, not awaited inside: it waits for the transaction like any other request.
      detached = outsideTransaction(() => rows(db, sql`SELECT 2 AS two`));
    });
    expect(openTransaction(db)).toBeUndefined();
    expect(await detached).toEqual([{ two: 2 }]);
  });

  it('after the transaction ends, work it left behind may use the root handle again', async () => {
    const db = t.ctx.db;
    let later: (() => Promise<unknown>) | undefined;
    await db.transaction(async () => {
      later = () => rows(db, sql`SELECT 3 AS three`);
    });
    expect(await later!()).toEqual([{ three: 3 }]);
  });

  // Tests that open a database of their own get more time: a new PGlite takes seconds to start.
  it('in production runs the stray query on the open transaction and reports it', { timeout: 120_000 }, async () => {
    const seen: Error[] = [];
    const database = await openExtra({ strictTransactions: false, onGuardViolation: (e) => seen.push(e) });
    try {
      const db = database.db;
      const n = await db.transaction(async (tx) => {
        await tx.execute(sql`CREATE TEMP TABLE t_guard (n int)`);
        await tx.execute(sql`INSERT INTO t_guard VALUES (41)`);
        // Sees the transaction's own write: it ran on the transaction, not beside it.
        return rows<{ n: number }>(db, sql`SELECT n + 1 AS n FROM t_guard`);
      });
      expect(n).toEqual([{ n: 42 }]);
      expect(seen).toHaveLength(1);
      expect(seen[0]).toBeInstanceOf(RootQueryInTransactionError);
    } finally {
      await database.close();
    }
  });
});

describe('a stuck transaction', () => {
  it('is rolled back with a 503 problem at its deadline and frees the database', { timeout: 120_000 }, async () => {
    const database = await openExtra({ timeoutMs: 300 });
    try {
      const db = database.db;
      await db.execute(sql`CREATE TABLE IF NOT EXISTS t_stuck (n int)`);
      const stuck = db.transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO t_stuck VALUES (1)`);
        await new Promise(() => {}); // never settles
      });
      const err = await stuck.catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({ code: 'db.timeout', status: 503 });
      // Rolled back, and the next query runs.
      expect(await rows(db, sql`SELECT count(*)::int AS n FROM t_stuck`)).toEqual([{ n: 0 }]);
    } finally {
      await database.close();
    }
  });

  it.runIf(pglite)('makes /api/ready answer 503 instead of hanging', async () => {
    let release!: () => void;
    const holding = t.ctx.db.transaction(() => new Promise<void>((r) => (release = r)));
    try {
      const res = await t.app.inject({ method: 'GET', url: '/api/ready' });
      expect(res.statusCode).toBe(503);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'db.unavailable' });
    } finally {
      release();
      await holding;
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/ready' })).statusCode).toBe(200);
  });
});
