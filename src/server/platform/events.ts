import { and, asc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import { events } from '../db/events.schema';
import type { Clock } from './clock';
import type { Conn } from './db';

export type EventRow = typeof events.$inferSelect;

export interface EventInput {
  siteId: string | null;
  type: string;
  aggregateType: string;
  aggregateId: string;
  actorId?: string | null;
  /** Public: delivered to SSE subscribers. Never put personal data here. */
  payload?: Record<string, unknown>;
  /** Staff-only details (officer, counter, outcome...). */
  meta?: Record<string, unknown>;
}

/**
 * The row an event will have, without its id. `payload` and `meta` go through JSON once, so what
 * this process's subscribers receive equals what a reader of the table gets (jsonb drops
 * `undefined`, dates become strings).
 */
export function eventRowOf(input: EventInput, createdAt: Date): Omit<EventRow, 'id'> {
  return {
    siteId: input.siteId,
    type: input.type,
    aggregateType: input.aggregateType,
    aggregateId: input.aggregateId,
    actorId: input.actorId ?? null,
    payload: input.payload ? JSON.parse(JSON.stringify(input.payload)) : {},
    meta: input.meta ? JSON.parse(JSON.stringify(input.meta)) : {},
    createdAt,
  };
}

/** The ids of the events the outbox CTE `outbox_e` wrote: a JSON array in id order. */
export const OUTBOX_EVENT_IDS = sql`(SELECT coalesce(json_agg(id ORDER BY id), '[]'::json) FROM outbox_e)`;

/**
 * The outbox CTE `outbox_e AS (…)`: inserts `rows` into the events table, ids in the order of
 * `rows`, with `notify` a `pg_notify(channel, id)` per row in that order (PostgreSQL delivers
 * them only on commit). With `when` (the name of another CTE of the statement) only if that CTE
 * returned a row. Written as SQL, not with the query builder: it is on every queue mutation.
 */
export function eventsCte(rows: Array<Omit<EventRow, 'id'>>, notify: string | null, when?: string): SQL {
  const values = rows.map(
    (r) =>
      sql`(${r.siteId}::uuid, ${r.type}::text, ${r.aggregateType}::text, ${r.aggregateId}::text, ${r.actorId}::uuid,
           ${JSON.stringify(r.payload)}::jsonb, ${JSON.stringify(r.meta)}::jsonb, ${r.createdAt.toISOString()}::timestamptz)`,
  );
  return sql`outbox_e AS (
    INSERT INTO events (site_id, type, aggregate_type, aggregate_id, actor_id, payload, meta, created_at)
    SELECT v.* FROM (VALUES ${sql.join(values, sql`, `)}) AS v${when ? sql` WHERE EXISTS (SELECT 1 FROM ${sql.identifier(when)})` : sql``}
    RETURNING id${notify ? sql`, pg_notify(${notify}, id::text)` : sql``})`;
}

/** The ids an `OUTBOX_EVENT_IDS` expression returned (drivers give JSON parsed or as text). */
export function outboxIds(value: unknown): number[] {
  const list = (typeof value === 'string' ? JSON.parse(value) : value) as Array<string | number> | null;
  return (list ?? []).map(Number);
}

/**
 * Writes events in ONE statement (one round trip, however many), with other data-modifying CTEs
 * (`also`, each `name AS (…)`: audit rows); the rows come back with their ids, oldest first.
 */
export async function insertEvents(conn: Conn, rows: Array<Omit<EventRow, 'id'>>, opts: { notify?: string | null; also?: SQL[] } = {}): Promise<EventRow[]> {
  const ctes = [...(rows.length ? [eventsCte(rows, opts.notify ?? null)] : []), ...(opts.also ?? [])];
  if (!ctes.length) return [];
  const ids = rows.length ? OUTBOX_EVENT_IDS : sql`'[]'::json`;
  const result = (await conn.execute(sql`WITH ${sql.join(ctes, sql`, `)} SELECT ${ids} AS ids`)) as unknown as { rows: Array<{ ids: unknown }> };
  const got = outboxIds(result.rows[0]?.ids);
  return rows.map((r, i) => ({ id: got[i], ...r }));
}

export async function insertEvent(conn: Conn, clock: Clock, input: EventInput): Promise<EventRow> {
  const [row] = await conn
    .insert(events)
    .values({
      siteId: input.siteId,
      type: input.type,
      aggregateType: input.aggregateType,
      aggregateId: input.aggregateId,
      actorId: input.actorId ?? null,
      payload: input.payload ?? {},
      meta: input.meta ?? {},
      createdAt: clock.now(),
    })
    .returning();
  return row;
}

/** Replay for SSE reconnects (Last-Event-ID): the site's events after an id, oldest first. */
export function eventsAfter(conn: Conn, siteId: string, afterId: number, types: readonly string[], limit = 1000) {
  return conn
    .select()
    .from(events)
    .where(and(eq(events.siteId, siteId), gt(events.id, afterId), inArray(events.type, [...types])))
    .orderBy(asc(events.id))
    .limit(limit);
}

export function eventsByIds(conn: Conn, ids: number[]) {
  return conn.select().from(events).where(inArray(events.id, ids)).orderBy(asc(events.id));
}

export function eventsOf(conn: Conn, aggregateType: string, aggregateIds: string[]) {
  return conn
    .select()
    .from(events)
    .where(and(eq(events.aggregateType, aggregateType), inArray(events.aggregateId, aggregateIds)))
    .orderBy(asc(events.id));
}

export async function latestEventId(conn: Conn, siteId: string): Promise<number> {
  const [r] = await conn.select({ id: sql<number>`coalesce(max(${events.id}), 0)::bigint` }).from(events).where(eq(events.siteId, siteId));
  return Number(r?.id ?? 0);
}
