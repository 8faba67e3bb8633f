import { and, asc, desc, eq, getTableColumns, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { rows, type Conn, type Db } from '../../platform/db';
import { eventsOf, type EventRow } from '../../platform/events';
import { writeWithOutbox, type StatementOutbox } from '../../platform/tx';
import { counterStates, tickets, visits, type TicketStatus } from './queue.schema';

export type TicketRow = typeof tickets.$inferSelect;
export type VisitRow = typeof visits.$inferSelect;
export type CounterStateRow = typeof counterStates.$inferSelect;

export const ACTIVE: TicketStatus[] = ['called', 'serving'];
/** Not finished yet: the visit's current ticket is one of these. */
export const OPEN: TicketStatus[] = ['waiting', 'called', 'serving', 'parked'];

// The statements every queue mutation runs are written as SQL templates and their rows mapped
// with the table's own column definitions: the query builder costs several times the CPU of
// the statement itself for statements of this size (about 0.3 ms each), and that CPU is spent
// while other requests wait for the site lock.
const ticketColumns = Object.entries(getTableColumns(tickets));
const visitColumns = Object.entries(getTableColumns(visits));

/** A row of `table` as the query builder would give it, from a raw result row (column names). */
function mapRow<T>(columns: typeof ticketColumns | typeof visitColumns, raw: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [key, column] of columns) {
    const value = raw[column.name];
    out[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return out as T;
}
/** A tickets row from a raw result row (`transitionAlone`'s). */
export const ticketOf = (raw: Record<string, unknown>) => mapRow<TicketRow>(ticketColumns, raw);

/** `column = value, …` for an UPDATE of tickets. */
function ticketAssignments(set: Partial<typeof tickets.$inferInsert>): SQL {
  const byKey = new Map(ticketColumns);
  const parts = Object.entries(set)
    .filter(([, v]) => v !== undefined)
    .map(([key, value]) => {
      const column = byKey.get(key)!;
      return sql`${sql.identifier(column.name)} = ${value === null ? null : column.mapToDriverValue(value)}`;
    });
  return sql.join(parts, sql`, `);
}

/** `(columns) VALUES (values)` for an INSERT of one row. */
function insertValues(columns: typeof ticketColumns | typeof visitColumns, row: Record<string, unknown>): SQL {
  const present = columns.filter(([key]) => row[key] !== undefined);
  return sql`(${sql.join(present.map(([, c]) => sql.identifier(c.name)), sql`, `)}) VALUES (${sql.join(
    present.map(([key, c]) => (row[key] === null ? sql`NULL` : sql`${c.mapToDriverValue(row[key])}`)),
    sql`, `,
  )})`;
}

const resultRows = async (conn: Conn, query: SQL) => ((await conn.execute(query)) as unknown as { rows: Array<Record<string, unknown>> }).rows;

/**
 * Every queue mutation of a site starts here: one transaction-scoped advisory lock per site, taken
 * before any event is written, so the site's event ids follow commit order (SSE replay relies on
 * it) and no two mutations of one site interleave.
 */
export async function lockSite(conn: Conn, siteId: string): Promise<void> {
  await conn.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`queue:${siteId}`}))`);
}

/**
 * `work` under the site lock (`lockSite`), with the lock statement queued rather than awaited:
 * the work's first statement is sent on the same connection right behind it, so it runs the
 * moment the lock is granted, with no turn through this process's event loop in between (that
 * turn would be spent holding the lock). Every statement of `work` still executes after the lock
 * is held: one connection runs its statements one after another, in the order they were issued.
 * `work` must reach the database only through `conn`, and must not decide anything from the
 * database before its first read returns.
 */
export async function underSiteLock<T>(conn: Conn, siteId: string, work: () => Promise<T>): Promise<T> {
  const locked = lockSite(conn, siteId);
  try {
    const result = await work();
    await locked;
    return result;
  } catch (err) {
    await locked.catch(() => {});
    throw err;
  }
}

/**
 * The next number of a prefix on a day and, when `quotaServiceId` is given, how many tickets of
 * that service already count against its daily walk-in quota (walk-ins and kiosk-planned steps),
 * in one statement. Call it under the site lock; a refusal rolls the number back with the
 * transaction.
 */
export async function takeNumber(conn: Conn, siteId: string, prefix: string, localDate: string, quotaServiceId: string | null): Promise<{ seq: number; issued: number }> {
  const issued = quotaServiceId
    ? sql`(SELECT count(*)::int FROM tickets WHERE service_id = ${quotaServiceId} AND local_date = ${localDate} AND source IN ('walk_in', 'step'))`
    : sql`0`;
  const [r] = await rows<{ seq: number; issued: number }>(
    conn,
    sql`WITH s AS (
          INSERT INTO ticket_sequences (site_id, prefix, local_date, last) VALUES (${siteId}, ${prefix}, ${localDate}, 1)
          ON CONFLICT (site_id, prefix, local_date) DO UPDATE SET last = ticket_sequences.last + 1
          RETURNING last
        )
        SELECT (SELECT last FROM s) AS seq, ${issued} AS issued`,
  );
  return { seq: Number(r.seq), issued: Number(r.issued) };
}

/**
 * A new visit and its first ticket in one statement, which also writes the transaction's outbox
 * (emit the `ticket.issued` event and record the audit row before calling this).
 */
export async function insertVisitWithTicket(conn: Conn, visit: typeof visits.$inferInsert, ticket: typeof tickets.$inferInsert): Promise<TicketRow> {
  const [t] = await writeWithOutbox(conn, (part) =>
    resultRows(
      conn,
      sql`WITH v AS (INSERT INTO visits ${insertValues(visitColumns, visit)})${part ? sql`, ${sql.join(part.ctes, sql`, `)}` : sql``}
          INSERT INTO tickets ${insertValues(ticketColumns, ticket)}
          RETURNING *${part ? sql`, ${part.eventIds} AS event_ids` : sql``}`,
    ),
  );
  return ticketOf(t);
}

export async function insertTicket(conn: Conn, row: typeof tickets.$inferInsert): Promise<TicketRow> {
  const [t] = await conn.insert(tickets).values(row).returning();
  return t;
}

export async function findTicket(conn: Conn, id: string): Promise<TicketRow | undefined> {
  const [t] = await conn.select().from(tickets).where(eq(tickets.id, id));
  return t;
}

/** A ticket and how many services its visit still plans after it (that number only ever shrinks). */
export async function findTicketWithPlan(conn: Conn, id: string): Promise<{ ticket: TicketRow; plannedSteps: number } | undefined> {
  const [r] = await resultRows(
    conn,
    sql`SELECT t.*, jsonb_array_length(v.pending_service_ids) AS planned_steps FROM tickets t JOIN visits v ON v.id = t.visit_id WHERE t.id = ${id}`,
  );
  return r && { ticket: ticketOf(r), plannedSteps: Number(r.planned_steps) };
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
 * (or two tabs) pressing at once cannot both move it. Undefined when the state had changed. The
 * same statement writes the transaction's outbox (platform/tx `writeWithOutbox`): emit the event
 * and record the audit row first; when this returns undefined, throw.
 */
export async function transition(conn: Conn, id: string, from: readonly TicketStatus[], set: Partial<typeof tickets.$inferInsert>): Promise<TicketRow | undefined> {
  const statuses = sql.join(from.map((f) => sql`${f}`), sql`, `);
  const [t] = await writeWithOutbox(conn, (part) =>
    resultRows(
      conn,
      sql`${part ? sql`WITH ${sql.join(part.ctes, sql`, `)} ` : sql``}UPDATE tickets SET ${ticketAssignments(set)}
          WHERE id = ${id} AND status IN (${statuses})
          RETURNING *${part ? sql`, ${part.eventIds} AS event_ids` : sql``}`,
    ),
  );
  return t && ticketOf(t);
}

/**
 * `transition` as a whole unit of work in ONE statement, committed on its own (platform/tx
 * `commitStatement`): it takes the site lock (`lockSite`'s), then makes the conditional update,
 * then writes the outbox (events, audit rows) only if the update changed the ticket. The lock is
 * a CTE the update's WHERE depends on, so it is taken before the row is changed; the outbox CTEs
 * read the changed row, so event ids are drawn under the lock. The update needs no read of its
 * own: under READ COMMITTED a row changed by another transaction while this one waited for the
 * lock is re-checked against `from` in its latest version. Empty when the state had changed.
 */
export function transitionAlone(conn: Db, part: StatementOutbox, siteId: string, id: string, from: readonly TicketStatus[], set: Partial<typeof tickets.$inferInsert>) {
  const statuses = sql.join(from.map((f) => sql`${f}`), sql`, `);
  return resultRows(
    conn,
    sql`WITH site_lock AS (SELECT pg_advisory_xact_lock(hashtext(${`queue:${siteId}`}))),
        change AS (
          UPDATE tickets SET ${ticketAssignments(set)}
          WHERE id = ${id} AND status IN (${statuses}) AND EXISTS (SELECT 1 FROM site_lock)
          RETURNING *
        ), ${sql.join(part.ctes('change'), sql`, `)}
        SELECT change.*, ${part.eventIds} AS event_ids FROM change`,
  );
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

/**
 * What call-next needs, in one read: the counter's state (break, priority run; null before its
 * first use), its active ticket (if any), the tickets resumed for it, and of the waiting tickets
 * its services may call only those that can be next under `pickNext`: every priority or booked
 * ticket (few) and the oldest plain walk-in. The rest of the waiting list cannot be picked before
 * that walk-in, so it is not read.
 */
export async function callSituation(
  conn: Conn,
  siteId: string,
  counterId: string,
  localDate: string,
  serviceIds: string[],
): Promise<{ state: { paused: boolean; priorityCallsInARow: number } | null; tickets: TicketRow[] }> {
  const services = serviceIds.length ? sql.join(serviceIds.map((id) => sql`${id}`), sql`, `) : sql`NULL`;
  // At least one row (the state's, tickets or not): (SELECT 1) left-joined to both. The three
  // branches are disjoint (active / resumed or priority or booked / the oldest plain walk-in).
  const found = await resultRows(
    conn,
    sql`SELECT s.paused AS state_paused, s.priority_calls_in_a_row AS state_run, t.*
        FROM (SELECT 1) AS one
        LEFT JOIN counter_states s ON s.counter_id = ${counterId}
        LEFT JOIN LATERAL (
          SELECT * FROM tickets WHERE counter_id = ${counterId} AND status IN ('called', 'serving')
          UNION ALL
          SELECT * FROM tickets
          WHERE site_id = ${siteId} AND local_date = ${localDate} AND status = 'waiting'
            AND (pinned_counter_id = ${counterId}
                 OR (pinned_counter_id IS NULL AND service_id IN (${services}) AND (priority IS NOT NULL OR booking_start IS NOT NULL)))
          UNION ALL
          (SELECT * FROM tickets
           WHERE site_id = ${siteId} AND local_date = ${localDate} AND status = 'waiting' AND service_id IN (${services})
             AND pinned_counter_id IS NULL AND priority IS NULL AND booking_start IS NULL
           ORDER BY queued_at, id LIMIT 1)
        ) t ON true`,
  );
  const first = found[0];
  return {
    state: first && first.state_paused !== null && first.state_paused !== undefined ? { paused: Boolean(first.state_paused), priorityCallsInARow: Number(first.state_run ?? 0) } : null,
    tickets: found.filter((r) => r.id !== null && r.id !== undefined).map(ticketOf),
  };
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

/** A waiting ticket as the call order needs it (epoch milliseconds). */
export interface WaitingLite {
  id: string;
  serviceId: string;
  queuedAt: number;
  priority: TicketRow['priority'];
  bookingStart: number | null;
  pickup: boolean;
}

/**
 * Everything the wait estimate of a service reads, in one statement: its waiting tickets of the
 * day, the handling minutes of its latest finished tickets, and how many of `counterIds` are on
 * a break.
 */
export async function serviceWaitData(
  conn: Conn,
  serviceId: string,
  localDate: string,
  handlingSample: number,
  counterIds: string[],
): Promise<{ waiting: WaitingLite[]; handling: number[]; paused: number }> {
  const paused = counterIds.length
    ? sql`(SELECT count(*)::int FROM counter_states WHERE paused AND counter_id IN (${sql.join(counterIds.map((id) => sql`${id}`), sql`, `)}))`
    : sql`0`;
  const [r] = await rows<{ waiting: unknown; handling: unknown; paused: number }>(
    conn,
    sql`SELECT
          (SELECT coalesce(json_agg(json_build_object(
                    'id', id,
                    'queuedAt', (EXTRACT(EPOCH FROM queued_at) * 1000)::float8,
                    'priority', priority,
                    'bookingStart', (EXTRACT(EPOCH FROM booking_start) * 1000)::float8,
                    'pickup', source = 'pickup')), '[]'::json)
             FROM tickets WHERE service_id = ${serviceId} AND local_date = ${localDate} AND status = 'waiting') AS waiting,
          (SELECT coalesce(json_agg(m), '[]'::json) FROM (
             SELECT EXTRACT(EPOCH FROM (finished_at - COALESCE(started_at, called_at)))::float8 / 60 AS m
             FROM tickets
             WHERE service_id = ${serviceId} AND local_date = ${localDate} AND status = 'done'
               AND finished_at IS NOT NULL AND COALESCE(started_at, called_at) IS NOT NULL
             ORDER BY finished_at DESC
             LIMIT ${handlingSample}) h) AS handling,
          ${paused} AS paused`,
  );
  const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
  const waiting = json<Array<{ id: string; queuedAt: number; priority: TicketRow['priority']; bookingStart: number | null; pickup: boolean }>>(r.waiting);
  return {
    waiting: waiting.map((w) => ({
      id: w.id,
      serviceId,
      queuedAt: Math.round(w.queuedAt),
      priority: w.priority ?? null,
      bookingStart: w.bookingStart === null ? null : Math.round(w.bookingStart),
      pickup: w.pickup === true,
    })),
    handling: json<number[]>(r.handling).map(Number),
    paused: Number(r.paused),
  };
}

/** Sets the counter's priority run (creating its state row on first use). */
export async function setPriorityRun(conn: Conn, counterId: string, siteId: string, run: number, now: Date): Promise<void> {
  await conn
    .insert(counterStates)
    .values({ counterId, siteId, priorityCallsInARow: run, updatedAt: now })
    .onConflictDoUpdate({ target: counterStates.counterId, set: { priorityCallsInARow: run, updatedAt: now } });
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
export async function eventsOfTickets(conn: Conn, ticketIds: string[], afterId = 0): Promise<EventRow[]> {
  if (!ticketIds.length) return [];
  return eventsOf(conn, 'ticket', ticketIds, afterId, 1000);
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

/**
 * A site's traffic over local dates `from`..`to` (inclusive, the site's zone): visits (citizens
 * who took a ticket), tickets called, and the mean wait from issue to first call, in minutes.
 * Reads the (site, day) indexes of visits and tickets.
 */
export async function siteTraffic(conn: Conn, siteId: string, from: string, to: string): Promise<{ visitors: number; called: number; waitMinutesMean: number | null }> {
  const [r] = await rows<{ visitors: number | string; called: number | string; wait_mean: number | string | null }>(
    conn,
    sql`SELECT (SELECT count(*) FROM visits WHERE site_id = ${siteId} AND local_date BETWEEN ${from} AND ${to}) AS visitors,
               count(*) AS called,
               avg(extract(epoch FROM called_at - issued_at)) / 60 AS wait_mean
          FROM tickets
         WHERE site_id = ${siteId} AND local_date BETWEEN ${from} AND ${to} AND called_at IS NOT NULL`,
  );
  return { visitors: Number(r.visitors), called: Number(r.called), waitMinutesMean: r.wait_mean === null ? null : Number(r.wait_mean) };
}

// ---------------------------------------------------------------------------------------------
// What other modules read of the queue (queue.lookup): served tickets, for the survey and reports

/** A ticket served to its end (status done): what the survey needs of it, no personal data. */
export interface ServedTicket {
  ticketId: string;
  visitId: string;
  siteId: string;
  agencyId: string;
  serviceId: string;
  counterId: string | null;
  number: string;
  localDate: string;
  finishedAt: Date;
}

const servedColumns = sql`id AS ticket_id, visit_id, site_id, agency_id, service_id, counter_id, number, local_date::text AS local_date, finished_at`;
type ServedRaw = { ticket_id: string; visit_id: string; site_id: string; agency_id: string; service_id: string; counter_id: string | null; number: string; local_date: string; finished_at: Date | string };
const servedOf = (r: ServedRaw): ServedTicket => ({
  ticketId: r.ticket_id, visitId: r.visit_id, siteId: r.site_id, agencyId: r.agency_id, serviceId: r.service_id,
  counterId: r.counter_id, number: r.number, localDate: r.local_date, finishedAt: new Date(r.finished_at),
});

/** The finished tickets of a visit, in the order they were finished. */
export async function servedOfVisit(conn: Conn, visitId: string): Promise<ServedTicket[]> {
  const r = await rows<ServedRaw>(conn, sql`SELECT ${servedColumns} FROM tickets WHERE visit_id = ${visitId} AND status = 'done' AND finished_at IS NOT NULL ORDER BY finished_at, id`);
  return r.map(servedOf);
}

export async function servedTicket(conn: Conn, ticketId: string): Promise<ServedTicket | null> {
  const [r] = await rows<ServedRaw>(conn, sql`SELECT ${servedColumns} FROM tickets WHERE id = ${ticketId} AND status = 'done' AND finished_at IS NOT NULL`);
  return r ? servedOf(r) : null;
}

/** Tickets finished since `since` at one counter (or any counter of the site), newest first. */
export async function finishedSince(conn: Conn, siteId: string, counterId: string | null, since: Date, localDate: string): Promise<ServedTicket[]> {
  const atCounter = counterId ? sql`AND counter_id = ${counterId}` : sql``;
  const r = await rows<ServedRaw>(
    conn,
    sql`SELECT ${servedColumns} FROM tickets
         WHERE site_id = ${siteId} AND local_date = ${localDate} AND status = 'done' ${atCounter} AND finished_at >= ${since.toISOString()}
         ORDER BY finished_at DESC, id LIMIT 200`,
  );
  return r.map(servedOf);
}

export type ServedGrouping = 'site' | 'agency' | 'service' | 'counter';

/**
 * Tickets served (status done) in a site between two local dates (inclusive), optionally of one
 * agency or service, counted per group. Reads the (site, day, status) index only.
 */
export async function servedCounts(conn: Conn, siteId: string, from: string, to: string, by: ServedGrouping, filter: { agencyId?: string; serviceId?: string } = {}): Promise<Array<{ key: string | null; count: number }>> {
  const key = by === 'site' ? sql`NULL::text` : sql.identifier(`${by}_id`);
  const agency = filter.agencyId ? sql`AND agency_id = ${filter.agencyId}` : sql``;
  const service = filter.serviceId ? sql`AND service_id = ${filter.serviceId}` : sql``;
  const r = await rows<{ key: string | null; n: number | string }>(
    conn,
    sql`SELECT ${key}::text AS key, count(*) AS n FROM tickets
         WHERE site_id = ${siteId} AND local_date BETWEEN ${from} AND ${to} AND status = 'done' ${agency} ${service}
         GROUP BY 1`,
  );
  return r.map((x) => ({ key: x.key, count: Number(x.n) }));
}
