import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
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
