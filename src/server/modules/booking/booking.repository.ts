import { and, asc, count, eq, gte, inArray, isNull, lt, lte, sql } from 'drizzle-orm';
import { rows, type Conn } from '../../platform/db';
import { bookingDayOverrides, bookings, bookingSlots } from './booking.schema';

export type BookingRow = typeof bookings.$inferSelect;
export const LIVE = ['booked', 'checked_in'] as const;

export async function seatTaken(conn: Conn, serviceId: string, start: Date): Promise<{ booked: number; capacity: number } | undefined> {
  const [r] = await conn.select({ booked: bookingSlots.booked, capacity: bookingSlots.capacity }).from(bookingSlots).where(and(eq(bookingSlots.serviceId, serviceId), eq(bookingSlots.start, start)));
  return r;
}

/**
 * Takes one seat if one is left: a single conditional upsert, atomic under any concurrency.
 * Returns false when the slot is full.
 */
export async function takeSeat(conn: Conn, serviceId: string, start: Date, capacity: number): Promise<{ booked: number; capacity: number } | null> {
  const r = await rows<{ booked: number; capacity: number }>(
    conn,
    sql`INSERT INTO booking_slots (service_id, start, capacity, booked) VALUES (${serviceId}, ${start.toISOString()}, ${capacity}, 1)
        ON CONFLICT (service_id, start) DO UPDATE SET booked = booking_slots.booked + 1
        WHERE booking_slots.booked < booking_slots.capacity
        RETURNING booked, capacity`,
  );
  return r[0] ?? null;
}

export async function releaseSeat(conn: Conn, serviceId: string, start: Date): Promise<void> {
  await conn
    .update(bookingSlots)
    .set({ booked: sql`${bookingSlots.booked} - 1` })
    .where(and(eq(bookingSlots.serviceId, serviceId), eq(bookingSlots.start, start), sql`${bookingSlots.booked} > 0`));
}

export async function setSlotCapacity(conn: Conn, serviceId: string, start: Date, capacity: number): Promise<void> {
  // Never below what is already booked: the CHECK would refuse it, and those people keep their seats.
  await conn
    .insert(bookingSlots)
    .values({ serviceId, start, capacity, booked: 0 })
    .onConflictDoUpdate({ target: [bookingSlots.serviceId, bookingSlots.start], set: { capacity: sql`GREATEST(${capacity}, booking_slots.booked)` } });
}

export async function insertBooking(conn: Conn, row: typeof bookings.$inferInsert): Promise<void> {
  await conn.insert(bookings).values(row);
}

export async function findByCode(conn: Conn, code: string): Promise<BookingRow | undefined> {
  const [b] = await conn.select().from(bookings).where(eq(bookings.code, code));
  return b;
}

export async function findById(conn: Conn, id: string): Promise<BookingRow | undefined> {
  const [b] = await conn.select().from(bookings).where(eq(bookings.id, id));
  return b;
}

export async function liveBookingsOfNikBetween(conn: Conn, nikHash: string, siteId: string, from: string, to: string): Promise<number> {
  const [r] = await conn
    .select({ n: count() })
    .from(bookings)
    .where(and(eq(bookings.nikHash, nikHash), eq(bookings.siteId, siteId), inArray(bookings.status, [...LIVE]), gte(bookings.localDate, from), lte(bookings.localDate, to)));
  return r.n;
}

export async function noShowsOfNikSince(conn: Conn, nikHash: string, since: Date): Promise<number> {
  const [r] = await conn.select({ n: count() }).from(bookings).where(and(eq(bookings.nikHash, nikHash), eq(bookings.status, 'no_show'), gte(bookings.slotStart, since)));
  return r.n;
}

/** Conditional transition: only from an expected status; returns the row when it moved. */
export async function transition(conn: Conn, id: string, from: readonly string[], set: Partial<typeof bookings.$inferInsert>): Promise<BookingRow | undefined> {
  const [b] = await conn.update(bookings).set(set).where(and(eq(bookings.id, id), inArray(bookings.status, [...from]))).returning();
  return b;
}

export function bookingsOfDay(conn: Conn, siteId: string, date: string, serviceId?: string) {
  return conn
    .select()
    .from(bookings)
    .where(and(eq(bookings.siteId, siteId), eq(bookings.localDate, date), serviceId ? eq(bookings.serviceId, serviceId) : undefined))
    .orderBy(asc(bookings.slotStart));
}

/** The bookings with these ids (the replacements of rescheduled ones). */
export function bookingsByIds(conn: Conn, ids: string[]) {
  return ids.length ? conn.select().from(bookings).where(inArray(bookings.id, ids)) : Promise.resolve([] as BookingRow[]);
}

/** The rescheduled bookings that these bookings replaced. */
export function replacedBy(conn: Conn, ids: string[]) {
  return ids.length ? conn.select().from(bookings).where(inArray(bookings.replacedById, ids)) : Promise.resolve([] as BookingRow[]);
}

/** Records that a cancelled booking was rescheduled into another one. */
export async function markReplaced(conn: Conn, id: string, replacedById: string): Promise<void> {
  await conn.update(bookings).set({ replacedById }).where(and(eq(bookings.id, id), eq(bookings.status, 'cancelled')));
}

export function liveBookingsOfServiceDay(conn: Conn, serviceId: string, date: string) {
  return conn.select().from(bookings).where(and(eq(bookings.serviceId, serviceId), eq(bookings.localDate, date), inArray(bookings.status, ['booked'])));
}

export async function bookedCountsByDay(conn: Conn, siteId: string, from: string, to: string) {
  return rows<{ service_id: string; local_date: string; booked: number; checked_in: number; no_show: number; cancelled: number }>(
    conn,
    sql`SELECT service_id, local_date::text AS local_date,
               count(*) FILTER (WHERE status = 'booked')::int AS booked,
               count(*) FILTER (WHERE status = 'checked_in')::int AS checked_in,
               count(*) FILTER (WHERE status = 'no_show')::int AS no_show,
               count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled
          FROM bookings WHERE site_id = ${siteId} AND local_date BETWEEN ${from} AND ${to}
         GROUP BY service_id, local_date`,
  );
}

export type DayOverride = typeof bookingDayOverrides.$inferSelect;

/**
 * A service's override for one local date and its seats around that date, in one statement (the
 * read of every booking attempt). Seats are read over the UTC days around the local date, which
 * covers every zone; the caller matches them to the day's slots by start time.
 */
export async function dayState(conn: Conn, serviceId: string, date: string): Promise<{ override: Pick<DayOverride, 'closed' | 'capacityPerSlot'> | null; seats: { startMs: number; capacity: number; booked: number }[] }> {
  const dayUtc = Date.parse(`${date}T00:00:00Z`);
  const from = new Date(dayUtc - 86_400_000).toISOString();
  const to = new Date(dayUtc + 2 * 86_400_000).toISOString();
  const r = await rows<{ kind: string; start_ms: number | string | null; capacity: number | null; booked: number | null; closed: number | null }>(
    conn,
    sql`SELECT 'o' AS kind, NULL::float8 AS start_ms, capacity_per_slot AS capacity, NULL::int AS booked, closed
          FROM booking_day_overrides WHERE service_id = ${serviceId} AND date = ${date}
        UNION ALL
        SELECT 's', extract(epoch FROM start)::float8 * 1000, capacity, booked, NULL
          FROM booking_slots WHERE service_id = ${serviceId} AND start >= ${from} AND start < ${to}`,
  );
  const o = r.find((x) => x.kind === 'o');
  return {
    override: o ? { closed: Number(o.closed), capacityPerSlot: o.capacity } : null,
    seats: r.filter((x) => x.kind === 's').map((x) => ({ startMs: Number(x.start_ms), capacity: Number(x.capacity), booked: Number(x.booked) })),
  };
}

export function dayOverrides(conn: Conn, serviceId: string, from: string, to: string) {
  return conn.select().from(bookingDayOverrides).where(and(eq(bookingDayOverrides.serviceId, serviceId), gte(bookingDayOverrides.date, from), lte(bookingDayOverrides.date, to)));
}

export async function upsertDayOverride(conn: Conn, row: typeof bookingDayOverrides.$inferInsert): Promise<void> {
  await conn
    .insert(bookingDayOverrides)
    .values(row)
    .onConflictDoUpdate({ target: [bookingDayOverrides.serviceId, bookingDayOverrides.date], set: { capacityPerSlot: row.capacityPerSlot, closed: row.closed, reason: row.reason, updatedAt: row.updatedAt } });
}

/** Bookings whose check-in window has passed without a check-in. */
export function overdue(conn: Conn, before: Date) {
  return conn.select().from(bookings).where(and(eq(bookings.status, 'booked'), lt(bookings.slotEnd, before)));
}

/** Personal data past retention: erased, the row stays for statistics. */
export async function purgePersonalData(conn: Conn, before: Date, at: Date): Promise<number> {
  const r = await conn
    .update(bookings)
    .set({ nikEnc: null, nameEnc: null, phoneEnc: null, emailEnc: null, nikHash: null, purgedAt: at })
    .where(and(lt(bookings.slotEnd, before), isNull(bookings.purgedAt)))
    .returning({ id: bookings.id });
  return r.length;
}

/**
 * Bookings of a site whose slot falls on local dates from..to (reports): made (every one that
 * stood: not cancelled) and checked in. `serviceIds` null: every service of the site.
 */
export async function bookingCounts(conn: Conn, siteId: string, from: string, to: string, serviceIds: readonly string[] | null): Promise<{ made: number; checkedIn: number }> {
  const services = serviceIds ? (serviceIds.length ? sql`AND service_id IN (${sql.join(serviceIds.map((s) => sql`${s}::uuid`), sql`, `)})` : sql`AND false`) : sql``;
  const [r] = await rows<{ made: number; checked_in: number }>(
    conn,
    sql`SELECT count(*) FILTER (WHERE status <> 'cancelled')::int AS made,
               count(*) FILTER (WHERE status = 'checked_in')::int AS checked_in
          FROM bookings WHERE site_id = ${siteId} AND local_date BETWEEN ${from} AND ${to} ${services}`,
  );
  return { made: Number(r?.made ?? 0), checkedIn: Number(r?.checked_in ?? 0) };
}
