import { and, asc, count, desc, eq, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { OPEN_STATUSES, type ApplicationStatus } from '../../../domain/applications';
import { rows, type Conn } from '../../platform/db';
import { eventsOf, type EventRow } from '../../platform/events';
import { applications, applicationSequences, applicationSettings } from './applications.schema';

export type ApplicationRow = typeof applications.$inferSelect;
export type NewApplicationRow = typeof applications.$inferInsert;
export type SettingsRow = typeof applicationSettings.$inferSelect;

/**
 * The next sequence of an agency's year: one atomic upsert, so concurrent registrations each get
 * their own number; a registration that rolls back gives its number back with it (no gaps).
 */
export async function takeSequence(conn: Conn, agencyId: string, year: number): Promise<number> {
  const [r] = await rows<{ last: number }>(
    conn,
    sql`INSERT INTO application_sequences (agency_id, year, last) VALUES (${agencyId}, ${year}, 1)
        ON CONFLICT (agency_id, year) DO UPDATE SET last = application_sequences.last + 1
        RETURNING last`,
  );
  return Number(r.last);
}

/** The sequence the next registration of the agency's year would take (settings preview). */
export async function peekSequence(conn: Conn, agencyId: string, year: number): Promise<number> {
  const [r] = await conn.select({ last: applicationSequences.last }).from(applicationSequences).where(and(eq(applicationSequences.agencyId, agencyId), eq(applicationSequences.year, year)));
  return (r?.last ?? 0) + 1;
}

export async function insertApplication(conn: Conn, row: NewApplicationRow): Promise<ApplicationRow> {
  const [a] = await conn.insert(applications).values(row).returning();
  return a;
}

export async function findById(conn: Conn, id: string): Promise<ApplicationRow | undefined> {
  const [a] = await conn.select().from(applications).where(eq(applications.id, id));
  return a;
}

export async function findByTrackingCode(conn: Conn, code: string): Promise<ApplicationRow | undefined> {
  const [a] = await conn.select().from(applications).where(eq(applications.trackingCode, code));
  return a;
}

/**
 * The conditional update of a status change: only if nobody changed the application since it was
 * read (same version). Returns the new row, or undefined when someone else got there first.
 */
export async function moveIfUnchanged(conn: Conn, id: string, version: number, set: Partial<NewApplicationRow>): Promise<ApplicationRow | undefined> {
  const [a] = await conn
    .update(applications)
    .set({ ...set, version: sql`${applications.version} + 1` })
    .where(and(eq(applications.id, id), eq(applications.version, version)))
    .returning();
  return a;
}

export async function settingsOf(conn: Conn, agencyId: string): Promise<SettingsRow | undefined> {
  const [s] = await conn.select().from(applicationSettings).where(eq(applicationSettings.agencyId, agencyId));
  return s;
}

export async function upsertSettings(conn: Conn, row: typeof applicationSettings.$inferInsert): Promise<void> {
  await conn.insert(applicationSettings).values(row).onConflictDoUpdate({ target: applicationSettings.agencyId, set: { numberFormat: row.numberFormat, updatedAt: row.updatedAt } });
}

/** The history of applications, oldest first (the events their changes wrote). */
export const historyOf = (conn: Conn, ids: string[]): Promise<EventRow[]> => (ids.length ? eventsOf(conn, 'application', ids, 0, 1000) : Promise.resolve([]));

/** Which applications a list or a board looks at: a site, some of its agencies, a filter. */
export interface Scope {
  siteId: string;
  /** null: every agency of the site. */
  agencyIds: string[] | null;
}

export interface ListFilter {
  status?: ApplicationStatus;
  state?: 'open' | 'closed';
  agencyId?: string;
  serviceId?: string;
  q?: string;
  /** Only these ids (a filter computed in the service: overdue, due today). */
  ids?: string[];
}

function where(scope: Scope, f: ListFilter = {}): SQL | undefined {
  const like = f.q ? `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%` : null;
  return and(
    eq(applications.siteId, scope.siteId),
    scope.agencyIds ? inArray(applications.agencyId, scope.agencyIds.length ? scope.agencyIds : ['00000000-0000-0000-0000-000000000000']) : undefined,
    f.status ? eq(applications.status, f.status) : undefined,
    f.state === 'open' ? inArray(applications.status, [...OPEN_STATUSES]) : f.state === 'closed' ? sql`${applications.status} NOT IN ('received', 'in_process', 'incomplete')` : undefined,
    f.agencyId ? eq(applications.agencyId, f.agencyId) : undefined,
    f.serviceId ? eq(applications.serviceId, f.serviceId) : undefined,
    like ? or(ilike(applications.registrationNumber, like), ilike(applications.trackingCode, like)) : undefined,
    f.ids ? inArray(applications.id, f.ids.length ? f.ids : ['00000000-0000-0000-0000-000000000000']) : undefined,
  );
}

/** One page of a filtered list, newest first, and how many match. */
export async function listPage(conn: Conn, scope: Scope, f: ListFilter, page: number, pageSize: number): Promise<{ items: ApplicationRow[]; total: number }> {
  const cond = where(scope, f);
  const [{ n }] = await conn.select({ n: count() }).from(applications).where(cond);
  const items = await conn
    .select()
    .from(applications)
    .where(cond)
    .orderBy(desc(applications.createdAt), desc(applications.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { items, total: Number(n) };
}

export function byIds(conn: Conn, ids: string[]): Promise<ApplicationRow[]> {
  return ids.length ? conn.select().from(applications).where(inArray(applications.id, ids)) : Promise.resolve([]);
}

/** What a deadline needs, for every open application of the scope (boards, overdue filters, sweeps). */
export type OpenLite = Pick<ApplicationRow, 'id' | 'siteId' | 'agencyId' | 'serviceId' | 'status' | 'receivedOn' | 'workingDays' | 'pauses' | 'createdAt' | 'updatedAt'>;

export function openOf(conn: Conn, scope: Scope, f: Pick<ListFilter, 'agencyId' | 'serviceId' | 'status' | 'q'> = {}): Promise<OpenLite[]> {
  return conn
    .select({
      id: applications.id, siteId: applications.siteId, agencyId: applications.agencyId, serviceId: applications.serviceId, status: applications.status,
      receivedOn: applications.receivedOn, workingDays: applications.workingDays, pauses: applications.pauses, createdAt: applications.createdAt, updatedAt: applications.updatedAt,
    })
    .from(applications)
    .where(and(where(scope, f), inArray(applications.status, [...OPEN_STATUSES])))
    .orderBy(asc(applications.receivedOn), asc(applications.id));
}

/** Open applications of every site whose clock runs (received, in process): the deadline sweep. */
export function runningEverywhere(conn: Conn): Promise<OpenLite[]> {
  return conn
    .select({
      id: applications.id, siteId: applications.siteId, agencyId: applications.agencyId, serviceId: applications.serviceId, status: applications.status,
      receivedOn: applications.receivedOn, workingDays: applications.workingDays, pauses: applications.pauses, createdAt: applications.createdAt, updatedAt: applications.updatedAt,
    })
    .from(applications)
    .where(and(inArray(applications.status, ['received', 'in_process']), isNotNull(applications.workingDays), isNotNull(applications.receivedOn)));
}

export async function readyCount(conn: Conn, scope: Scope): Promise<Map<string, number>> {
  const r = await conn.select({ agencyId: applications.agencyId, n: count() }).from(applications).where(and(where(scope), eq(applications.status, 'ready'))).groupBy(applications.agencyId);
  return new Map(r.map((x) => [x.agencyId, Number(x.n)]));
}

export interface ShareRow {
  agency_id: string;
  service_id: string;
  received: number;
  completed: number;
  on_time: number;
  late: number;
}

/**
 * Per service of a site over local dates from..to: applications received, and those that became
 * ready (completed) with whether their due date was met. One aggregate over two indexed ranges.
 */
export function shares(conn: Conn, siteId: string, from: string, to: string, agencyIds: string[] | null): Promise<ShareRow[]> {
  const agencies = agencyIds ? sql`AND agency_id IN (${sql.join((agencyIds.length ? agencyIds : ['00000000-0000-0000-0000-000000000000']).map((a) => sql`${a}::uuid`), sql`, `)})` : sql``;
  return rows<ShareRow>(
    conn,
    sql`SELECT agency_id, service_id,
               count(*) FILTER (WHERE received_on BETWEEN ${from} AND ${to})::int AS received,
               count(*) FILTER (WHERE closed_on BETWEEN ${from} AND ${to} AND on_time IS NOT NULL)::int AS completed,
               count(*) FILTER (WHERE closed_on BETWEEN ${from} AND ${to} AND on_time)::int AS on_time,
               count(*) FILTER (WHERE closed_on BETWEEN ${from} AND ${to} AND on_time = false)::int AS late
          FROM applications
         WHERE site_id = ${siteId} ${agencies}
           AND ((received_on BETWEEN ${from} AND ${to}) OR (closed_on BETWEEN ${from} AND ${to}))
         GROUP BY agency_id, service_id`,
  );
}

/** Every application of a scope in a period (received or closed in it), oldest first: exports. */
export function ofPeriod(conn: Conn, scope: Scope, from: string, to: string, f: Pick<ListFilter, 'agencyId' | 'status'>): Promise<ApplicationRow[]> {
  return conn
    .select()
    .from(applications)
    .where(and(where(scope, f), or(sql`${applications.receivedOn} BETWEEN ${from} AND ${to}`, sql`${applications.closedOn} BETWEEN ${from} AND ${to}`, sql`(${applications.createdAt} AT TIME ZONE 'UTC')::date BETWEEN ${from} AND ${to}`)))
    .orderBy(asc(applications.createdAt), asc(applications.id))
    .limit(50_000);
}

/** Marks the due date the agency is warned of; false when it already was (another process, an earlier sweep). */
export async function markWarned(conn: Conn, id: string, due: string): Promise<boolean> {
  const r = await rows<{ id: string }>(conn, sql`UPDATE applications SET warned_due_on = ${due} WHERE id = ${id} AND warned_due_on IS DISTINCT FROM ${due}::date RETURNING id`);
  return r.length > 0;
}

/** Links the new pickup ticket if the link is still what the caller saw (compare and set); false when another tap won. */
export async function setPickupTicket(conn: Conn, id: string, ticketId: string, seen: string | null): Promise<boolean> {
  const r = await conn
    .update(applications)
    .set({ pickupTicketId: ticketId })
    .where(and(eq(applications.id, id), seen ? eq(applications.pickupTicketId, seen) : isNull(applications.pickupTicketId)))
    .returning({ id: applications.id });
  return r.length > 0;
}

/** A citizen's own applications, newest first (GET /me/applications). */
export function ofCitizen(conn: Conn, citizenId: string, limit: number): Promise<ApplicationRow[]> {
  return conn.select().from(applications).where(eq(applications.citizenId, citizenId)).orderBy(desc(applications.createdAt)).limit(limit);
}
