import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql, type ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from '../db/schema';
import { lockDataDir } from './data-dir-lock';
import { useFastBytea } from './pglite-bytea';
import { guardRoot, runInScope, scopeOn, type GuardOptions } from './tx-scope';

export type Schema = typeof schema;
/** The one data-access type for both engines: modules never branch on the dialect. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Repositories accept either the database or an open transaction. */
export type Conn = Db | Tx;

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../db/migrations');

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** LISTEN on a channel (PostgreSQL only); returns an unsubscribe function. */
  listen?: (channel: string, onPayload: (payload: string) => void) => Promise<() => Promise<void>>;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string;
  /** Data directory for PGlite; undefined means in-memory (tests). */
  dataDir?: string;
  poolSize?: number;
  /**
   * A transaction that runs longer is rolled back with a 503 problem (and, on PostgreSQL, so is
   * a statement): a stuck transaction must not hold the database forever. Default 30 s.
   */
  timeoutMs?: number;
  /**
   * A query on the root handle inside an open transaction of the same request throws (true:
   * development and tests) or runs on that transaction (false: production, reported through
   * `onGuardViolation`). It never waits for itself. Default: NODE_ENV !== 'production'.
   */
  strictTransactions?: boolean;
  onGuardViolation?: (err: Error) => void;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** The root client of each drizzle handle, to find the transaction open on it (`openTransaction`). */
const roots = new WeakMap<object, object>();

/**
 * The transaction this async context has open on `db`, if any. For code that may run both inside
 * and outside a transaction and must then read through it (caches: catalog.lookup).
 */
export function openTransaction(db: Db): Tx | undefined {
  const root = roots.get(db);
  return root ? (scopeOn(root)?.tx as Tx | undefined) : undefined;
}

/**
 * The connection a read should use by default: the transaction open in this async context on
 * `db`, else `db`. Lookups default their `conn` to it, so a caller inside a transaction that
 * forgets to pass `tx` still reads through it (and never waits for itself on PGlite).
 */
export const ambientConn = (db: Db): Conn => openTransaction(db) ?? db;

/** Every transaction opened on `db` runs in its scope (tx-scope) and under the deadline. */
function scopeTransactions(db: Db, root: object, timeoutMs: number): void {
  roots.set(db, root);
  const original = db.transaction.bind(db);
  db.transaction = ((work: (tx: Tx) => Promise<unknown>, config?: unknown) =>
    original(
      (tx) => runInScope({ root, tx, client: (tx as unknown as { session: { client: { query: () => unknown } } }).session.client }, timeoutMs, () => work(tx)),
      config as never,
    )) as Db['transaction'];
}

function guardOptions(opts: OpenOptions): GuardOptions {
  return { strict: opts.strictTransactions ?? process.env.NODE_ENV !== 'production', onViolation: opts.onGuardViolation };
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, opts) : openPglite(opts.dataDir, opts);
}

async function openPglite(dataDir: string | undefined, opts: OpenOptions): Promise<Database> {
  let release = () => {};
  let dbDir: string | undefined;
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    release = lockDataDir(dataDir);
    dbDir = path.join(dataDir, 'pglite');
  }
  // 32 MB of shared buffers (PGlite's default is 128 MB): one MPP's working set fits, and the
  // server stays well inside its memory budget.
  const client = new PGlite(dbDir, { postgresqlconf: ['shared_buffers=32MB'] });
  await client.waitReady;
  useFastBytea(client);
  // One connection: a root query inside an open transaction would wait for itself (tx-scope).
  guardRoot(client, { routable: ['query', 'exec'], never: ['transaction', 'sql', 'describeQuery'] }, guardOptions(opts));
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  scopeTransactions(db, client, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  return {
    kind: 'pglite',
    db,
    migrate: () => migratePglite(db as never, { migrationsFolder: MIGRATIONS_DIR }),
    async close() {
      // A clean close checkpoints and flushes; a crash instead relies on PostgreSQL's WAL replay.
      await client.close();
      release();
    },
  };
}

async function openPostgres(url: string, opts: OpenOptions): Promise<Database> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolSize ?? 10,
    // The server cancels a stuck statement (57014, a 503 problem) and ends a session left idle
    // inside a transaction, so one stuck request never holds locks or a connection for good.
    statement_timeout: timeoutMs,
    idle_in_transaction_session_timeout: timeoutMs * 2,
    connectionTimeoutMillis: timeoutMs,
  });
  pool.on('error', () => {
    /* idle client lost; the pool replaces it */
  });
  guardRoot(pool, { routable: ['query'], never: ['connect'] }, guardOptions(opts));
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  scopeTransactions(db, pool, timeoutMs);
  const listeners: pg.Client[] = [];
  return {
    kind: 'postgres',
    db,
    async migrate() {
      // A session advisory lock on a dedicated connection: two processes starting together wait
      // for each other instead of both applying the same migration.
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query('SELECT pg_advisory_lock(hashtext($1))', ['loket:migrate']);
        await migratePg(drizzlePg({ client }), { migrationsFolder: MIGRATIONS_DIR });
      } finally {
        await client.query('SELECT pg_advisory_unlock(hashtext($1))', ['loket:migrate']).catch(() => {});
        await client.end();
      }
    },
    async listen(channel, onPayload) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      client.on('notification', (msg) => {
        if (msg.channel === channel && msg.payload) onPayload(msg.payload);
      });
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      listeners.push(client);
      return async () => {
        listeners.splice(listeners.indexOf(client), 1);
        await client.end().catch(() => {});
      };
    },
    async close() {
      await Promise.all(listeners.splice(0).map((c) => c.end().catch(() => {})));
      await pool.end();
    },
  };
}

/** Rows of a raw query, the same shape on both drivers. */
export async function rows<T>(conn: Conn, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await conn.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** Whether every committed migration has been applied (readiness). */
export async function migrationsApplied(conn: Conn): Promise<boolean> {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as { entries: unknown[] };
  try {
    const [r] = await rows<{ n: number }>(conn, sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`);
    return r.n >= journal.entries.length;
  } catch {
    return false;
  }
}

/** A unique violation (23505), optionally of one named constraint; drivers nest the cause. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  for (let e = err as { code?: string; constraint?: string; message?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505') return !constraint || e.constraint === constraint || (e.message ?? '').includes(constraint);
  }
  return false;
}
