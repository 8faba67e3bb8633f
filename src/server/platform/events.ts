import { and, asc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import type { AppEvent, AppEventInput, EventType } from '../../contracts/events';
import { events } from '../db/events.schema';
import type { Clock } from './clock';
import type { Conn } from './db';

type EventTable = typeof events.$inferSelect;

/**
 * A row of the events table, typed by the event catalogue (src/contracts/events): its `type`
 * tells its aggregate, public `payload` and staff-only `meta`. Every row is written through
 * `EventInput`, so a row read back is one of the catalogue's (a test parses them).
 */
export type EventRow = Omit<EventTable, 'type' | 'aggregateType' | 'aggregateId' | 'payload' | 'meta'> & AppEvent;
/** A row before the insert gave it its id (one member per event type, like EventRow). */
export type NewEventRow = EventRow extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

/**
 * An event to write: one of the catalogue (type, aggregate, `payload`: public, delivered to SSE
 * subscribers, never personal data; `meta`: staff-only details) and where it happened.
 */
export type EventInput = AppEventInput & {
  siteId: string | null;
  actorId?: string | null;
};

/** Rows as the database gives them (jsonb members untyped) are catalogue events: see EventRow. */
const typed = (rows: EventTable[]) => rows as EventRow[];

/**
 * The row an event will have, without its id. `payload` and `meta` go through JSON once, so what
 * this process's subscribers receive equals what a reader of the table gets (jsonb drops
 * `undefined`, dates become strings).
 */
export function eventRowOf(input: EventInput, createdAt: Date): NewEventRow {
  return {
    siteId: input.siteId,
    type: input.type,
    aggregateType: input.aggregateType,
    aggregateId: input.aggregateId,
    actorId: input.actorId ?? null,
    payload: JSON.parse(JSON.stringify(input.payload)),
    meta: input.meta ? JSON.parse(JSON.stringify(input.meta)) : {},
    createdAt,
  } as NewEventRow;
}

/** The ids of the events the outbox CTE `outbox_e` wrote: a JSON array in id order. */
export const OUTBOX_EVENT_IDS = sql`(SELECT coalesce(json_agg(id ORDER BY id), '[]'::json) FROM outbox_e)`;

/**
 * The outbox CTE `outbox_e AS (…)`: inserts `rows` into the events table, ids in the order of
 * `rows`, with `notify` a `pg_notify(channel, id)` per row in that order (PostgreSQL delivers
 * them only on commit). With `when` (the name of another CTE of the statement) only if that CTE
 * returned a row. Written as SQL, not with the query builder: it is on every queue mutation.
 */
export function eventsCte(rows: Array<NewEventRow>, notify: string | null, when?: string): SQL {
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
export async function insertEvents(conn: Conn, rows: Array<NewEventRow>, opts: { notify?: string | null; also?: SQL[] } = {}): Promise<EventRow[]> {
  const ctes = [...(rows.length ? [eventsCte(rows, opts.notify ?? null)] : []), ...(opts.also ?? [])];
  if (!ctes.length) return [];
  const ids = rows.length ? OUTBOX_EVENT_IDS : sql`'[]'::json`;
  const result = (await conn.execute(sql`WITH ${sql.join(ctes, sql`, `)} SELECT ${ids} AS ids`)) as unknown as { rows: Array<{ ids: unknown }> };
  const got = outboxIds(result.rows[0]?.ids);
  return rows.map((r, i) => ({ id: got[i], ...r }));
}

export async function insertEvent(conn: Conn, clock: Clock, input: EventInput): Promise<EventRow> {
  const [row] = await conn.insert(events).values(eventRowOf(input, clock.now())).returning();
  return typed([row])[0];
}

/** Replay for SSE reconnects (Last-Event-ID): the site's events of some types after an id, oldest first. */
export async function eventsAfter(conn: Conn, siteId: string, afterId: number, types: readonly EventType[], limit = 1000): Promise<EventRow[]> {
  return typed(
    await conn
      .select()
      .from(events)
      .where(and(eq(events.siteId, siteId), gt(events.id, afterId), inArray(events.type, [...types])))
      .orderBy(asc(events.id))
      .limit(limit),
  );
}

export async function eventsByIds(conn: Conn, ids: number[]): Promise<EventRow[]> {
  return typed(await conn.select().from(events).where(inArray(events.id, ids)).orderBy(asc(events.id)));
}

export async function eventsOf(conn: Conn, aggregateType: AppEvent['aggregateType'], aggregateIds: string[], afterId = 0, limit?: number): Promise<EventRow[]> {
  const q = conn
    .select()
    .from(events)
    .where(and(eq(events.aggregateType, aggregateType), inArray(events.aggregateId, aggregateIds), gt(events.id, afterId)))
    .orderBy(asc(events.id));
  return typed(await (limit ? q.limit(limit) : q));
}

export async function latestEventId(conn: Conn, siteId: string): Promise<number> {
  const [r] = await conn.select({ id: sql<number>`coalesce(max(${events.id}), 0)::bigint` }).from(events).where(eq(events.siteId, siteId));
  return Number(r?.id ?? 0);
}
