import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { events } from '../../db/events.schema';
import { rows, type Conn } from '../../platform/db';
import { counterStates, tickets, ticketSequences, visits, type TicketStatus } from './queue.schema';

export type TicketRow = typeof tickets.$inferSelect;
export type VisitRow = typeof visits.$inferSelect;
export type CounterStateRow = typeof counterStates.$inferSelect;

export const ACTIVE: TicketStatus[] = ['called', 'serving'];
/** Not finished yet: the visit's current ticket is one of these. */
export const OPEN: TicketStatus[] = ['waiting', 'called', 'serving', 'parked'];

/**
 * Every queue mutation of a site starts here: one transaction-scoped advisory lock per site, taken
 * before any event is written, so the site's event ids follow commit order (SSE replay relies on
 * it) and no two mutations of one site interleave.
 */
export async function lockSite(conn: Conn, siteId: string): Promise<void> {
  await conn.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`queue:${siteId}`}))`);
}

/** The next sequence number of a prefix on a day: one atomic upsert, never repeated. */
export async function nextSeq(conn: Conn, siteId: string, prefix: string, localDate: string): Promise<number> {
  const [r] = await conn
    .insert(ticketSequences)
    .values({ siteId, prefix, localDate, last: 1 })
    .onConflictDoUpdate({ target: [ticketSequences.siteId, ticketSequences.prefix, ticketSequences.localDate], set: { last: sql`${ticketSequences.last} + 1` } })
    .returning({ last: ticketSequences.last });
  return r.last;
}

export async function insertVisit(conn: Conn, row: typeof visits.$inferInsert): Promise<VisitRow> {
  const [v] = await conn.insert(visits).values(row).returning();
  return v;
}

export async function insertTicket(conn: Conn, row: typeof tickets.$inferInsert): Promise<TicketRow> {
  const [t] = await conn.insert(tickets).values(row).returning();
  return t;
}

export async function findTicket(conn: Conn, id: string): Promise<TicketRow | undefined> {
  const [t] = await conn.select().from(tickets).where(eq(tickets.id, id));
  return t;
}

export async function findByIdempotencyKey(conn: Conn, siteId: string, key: string): Promise<TicketRow | undefined> {
  const [t] = await conn.select().from(tickets).where(and(eq(tickets.siteId, siteId), eq(tickets.idempotencyKey, key)));
  return t;
}

export async function findVisit(conn: Conn, id: string): Promise<VisitRow | undefined> {
  const [v] = await conn.select().from(visits).where(eq(visits.id, id));
  return v;
}

export async function findVisitByCode(conn: Conn, code: string): Promise<VisitRow | undefined> {
  const [v] = await conn.select().from(visits).where(eq(visits.trackingCode, code));
  return v;
}

export function ticketsOfVisit(conn: Conn, visitId: string): Promise<TicketRow[]> {
  return conn.select().from(tickets).where(eq(tickets.visitId, visitId)).orderBy(asc(tickets.issuedAt), asc(tickets.id));
}

export async function setVisitPlan(conn: Conn, visitId: string, pending: string[], dropped: string[]): Promise<void> {
  await conn.update(visits).set({ pendingServiceIds: pending, droppedServiceIds: dropped }).where(eq(visits.id, visitId));
}

/**
 * A conditional status change: applies only while the ticket is in one of `from`, so two officers
 * (or two tabs) pressing at once cannot both move it. Undefined when the state had changed.
 */
export async function transition(conn: Conn, id: string, from: readonly TicketStatus[], set: Partial<typeof tickets.$inferInsert>): Promise<TicketRow | undefined> {
  const [t] = await conn
    .update(tickets)
    .set(set)
    .where(and(eq(tickets.id, id), inArray(tickets.status, [...from])))
    .returning();
  return t;
}

/** Recall: one more call, only while called and under the limit (a single conditional update). */
export async function recall(conn: Conn, id: string, maxRecalls: number, now: Date): Promise<TicketRow | undefined> {
  const [t] = await conn
    .update(tickets)
    .set({ recallCount: sql`${tickets.recallCount} + 1`, updatedAt: now })
    .where(and(eq(tickets.id, id), eq(tickets.status, 'called'), sql`${tickets.recallCount} < ${maxRecalls}`))
    .returning();
  return t;
}

export async function activeOfCounter(conn: Conn, counterId: string): Promise<TicketRow | undefined> {
  const [t] = await conn
    .select()
    .from(tickets)
    .where(and(eq(tickets.counterId, counterId), inArray(tickets.status, ACTIVE)));
  return t;
}

/** Waiting tickets of the day that any counter of these services may call (not pinned). */
export function callableWaiting(conn: Conn, siteId: string, localDate: string, serviceIds: string[]): Promise<TicketRow[]> {
  if (!serviceIds.length) return Promise.resolve([]);
  return conn
    .select()
    .from(tickets)
    .where(
      and(
        eq(tickets.siteId, siteId),
        eq(tickets.localDate, localDate),
        eq(tickets.status, 'waiting'),
        inArray(tickets.serviceId, serviceIds),
        isNull(tickets.pinnedCounterId),
      ),
    );
}

/** Resumed tickets waiting for one counter, in the order they were parked. */
export function pinnedWaiting(conn: Conn, counterId: string, localDate: string): Promise<TicketRow[]> {
  return conn
    .select()
    .from(tickets)
    .where(and(eq(tickets.pinnedCounterId, counterId), eq(tickets.localDate, localDate), eq(tickets.status, 'waiting')))
    .orderBy(asc(tickets.parkedAt), asc(tickets.id));
}

/** Every waiting ticket of a service on a day (for positions). */
export function waitingOfService(conn: Conn, serviceId: string, localDate: string): Promise<TicketRow[]> {
  return conn
    .select()
    .from(tickets)
    .where(and(eq(tickets.serviceId, serviceId), eq(tickets.localDate, localDate), eq(tickets.status, 'waiting')));
}

/** The site's tickets of a day in the given statuses. */
export function ticketsOfSiteIn(conn: Conn, siteId: string, localDate: string, statuses: readonly TicketStatus[]): Promise<TicketRow[]> {
  return conn
    .select()
    .from(tickets)
    .where(and(eq(tickets.siteId, siteId), eq(tickets.localDate, localDate), inArray(tickets.status, [...statuses])))
    .orderBy(asc(tickets.queuedAt), asc(tickets.id));
}

export function parkedAtCounter(conn: Conn, counterId: string, localDate: string): Promise<TicketRow[]> {
  return conn
    .select()
    .from(tickets)
    .where(and(eq(tickets.pinnedCounterId, counterId), eq(tickets.localDate, localDate), eq(tickets.status, 'parked')))
    .orderBy(asc(tickets.parkedAt));
}

/** The latest calls of a site today (for the display). */
export function recentCalls(conn: Conn, siteId: string, localDate: string, limit: number): Promise<TicketRow[]> {
  return conn
    .select()
    .from(tickets)
    .where(and(eq(tickets.siteId, siteId), eq(tickets.localDate, localDate), isNotNull(tickets.calledAt)))
    .orderBy(desc(tickets.calledAt), desc(tickets.id))
    .limit(limit);
}

/** Tickets counted against the daily walk-in quota: issued at the kiosk or front desk. */
export async function walkInsIssued(conn: Conn, serviceId: string, localDate: string): Promise<number> {
  const [r] = await rows<{ n: number }>(
    conn,
    sql`SELECT count(*)::int AS n FROM tickets WHERE service_id = ${serviceId} AND local_date = ${localDate} AND source IN ('walk_in', 'step')`,
  );
  return r.n;
}

/** Handling minutes of the service's latest finished tickets of the day. */
export async function recentHandlingMinutes(conn: Conn, serviceId: string, localDate: string, limit: number): Promise<number[]> {
  const r = await rows<{ m: number }>(
    conn,
    sql`SELECT EXTRACT(EPOCH FROM (finished_at - COALESCE(started_at, called_at)))::float8 / 60 AS m
        FROM tickets
        WHERE service_id = ${serviceId} AND local_date = ${localDate} AND status = 'done'
          AND finished_at IS NOT NULL AND COALESCE(started_at, called_at) IS NOT NULL
        ORDER BY finished_at DESC
        LIMIT ${limit}`,
  );
  return r.map((x) => Number(x.m));
}

/** The counter's state row, created on first use (one upsert); call it under the site lock. */
export async function counterState(conn: Conn, counterId: string, siteId: string, now: Date): Promise<CounterStateRow> {
  const [s] = await conn
    .insert(counterStates)
    .values({ counterId, siteId, updatedAt: now })
    .onConflictDoUpdate({ target: counterStates.counterId, set: { siteId: sql`${counterStates.siteId}` } })
    .returning();
  return s;
}

export function counterStatesOf(conn: Conn, counterIds: string[]): Promise<CounterStateRow[]> {
  if (!counterIds.length) return Promise.resolve([]);
  return conn.select().from(counterStates).where(inArray(counterStates.counterId, counterIds));
}

export async function updateCounterState(conn: Conn, counterId: string, set: Partial<typeof counterStates.$inferInsert>): Promise<void> {
  await conn.update(counterStates).set(set).where(eq(counterStates.counterId, counterId));
}

export interface CounterDayStats {
  served: number;
  followUps: number;
  noShows: number;
  transferred: number;
  called: number;
  avgWaitMinutes: number | null;
  avgHandlingMinutes: number | null;
}

/** A counter's figures for one day, from the tickets' own times. */
export async function counterStats(conn: Conn, counterId: string, localDate: string, officerId?: string): Promise<CounterDayStats> {
  const officer = officerId ? sql`AND officer_id = ${officerId}` : sql``;
  const [r] = await rows<{ served: number; follow_ups: number; no_shows: number; transferred: number; called: number; avg_wait: number | null; avg_handling: number | null }>(
    conn,
    sql`SELECT
          count(*) FILTER (WHERE status = 'done')::int AS served,
          count(*) FILTER (WHERE status = 'done' AND outcome = 'follow_up')::int AS follow_ups,
          count(*) FILTER (WHERE status = 'no_show')::int AS no_shows,
          count(*) FILTER (WHERE status = 'transferred')::int AS transferred,
          count(*) FILTER (WHERE called_at IS NOT NULL)::int AS called,
          (avg(EXTRACT(EPOCH FROM (called_at - issued_at))) FILTER (WHERE called_at IS NOT NULL))::float8 / 60 AS avg_wait,
          (avg(EXTRACT(EPOCH FROM (finished_at - COALESCE(started_at, called_at)))) FILTER (WHERE status = 'done' AND finished_at IS NOT NULL))::float8 / 60 AS avg_handling
        FROM tickets
        WHERE counter_id = ${counterId} AND local_date = ${localDate} ${officer}`,
  );
  const num = (v: number | null) => (v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10);
  return {
    served: r.served,
    followUps: r.follow_ups,
    noShows: r.no_shows,
    transferred: r.transferred,
    called: r.called,
    avgWaitMinutes: num(r.avg_wait),
    avgHandlingMinutes: num(r.avg_handling),
  };
}

/** The event history of some tickets (staff view), oldest first. */
export function eventsOfTickets(conn: Conn, ticketIds: string[], afterId = 0) {
  if (!ticketIds.length) return Promise.resolve([]);
  return conn
    .select()
    .from(events)
    .where(and(eq(events.aggregateType, 'ticket'), inArray(events.aggregateId, ticketIds), gt(events.id, afterId)))
    .orderBy(asc(events.id))
    .limit(1000);
}

/** Handling minutes of the latest finished tickets of the day, per service of a site (one read). */
export async function recentHandlingBySite(conn: Conn, siteId: string, localDate: string, limit: number): Promise<Map<string, number[]>> {
  const r = await rows<{ service_id: string; m: number }>(
    conn,
    sql`SELECT service_id, m FROM (
          SELECT service_id,
                 EXTRACT(EPOCH FROM (finished_at - COALESCE(started_at, called_at)))::float8 / 60 AS m,
                 row_number() OVER (PARTITION BY service_id ORDER BY finished_at DESC) AS rn
          FROM tickets
          WHERE site_id = ${siteId} AND local_date = ${localDate} AND status = 'done'
            AND finished_at IS NOT NULL AND COALESCE(started_at, called_at) IS NOT NULL
        ) x WHERE rn <= ${limit}`,
  );
  const out = new Map<string, number[]>();
  for (const x of r) {
    const list = out.get(x.service_id) ?? [];
    list.push(Number(x.m));
    out.set(x.service_id, list);
  }
  return out;
}

/** Sites that still have unfinished tickets (for the end-of-day sweep). */
export async function sitesWithOpenTickets(conn: Conn): Promise<string[]> {
  const r = await rows<{ site_id: string }>(conn, sql`SELECT DISTINCT site_id FROM tickets WHERE status IN ('waiting', 'called', 'serving', 'parked')`);
  return r.map((x) => x.site_id);
}

/** Closes a site's tickets left open from days before `localDate` (one conditional update). */
export function cancelOpenBefore(conn: Conn, siteId: string, localDate: string, now: Date): Promise<TicketRow[]> {
  return conn
    .update(tickets)
    .set({ status: 'cancelled', finishedAt: now, outcome: 'day_closed', pinnedCounterId: null, updatedAt: now })
    .where(and(eq(tickets.siteId, siteId), sql`${tickets.localDate} < ${localDate}`, inArray(tickets.status, OPEN)))
    .returning();
}
