import { and, asc, count, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { rows, type Conn } from '../../platform/db';
import { complaintAttachments, complaintMessages, complaints } from './complaints.schema';
import { parseReference } from './reference';

export type ComplaintRow = typeof complaints.$inferSelect;
export type MessageRow = typeof complaintMessages.$inferSelect;
export type AttachmentRow = typeof complaintAttachments.$inferSelect;

export async function insertComplaint(conn: Conn, row: typeof complaints.$inferInsert): Promise<void> {
  await conn.insert(complaints).values(row);
}

export async function findById(conn: Conn, id: string): Promise<ComplaintRow | undefined> {
  const [c] = await conn.select().from(complaints).where(eq(complaints.id, id));
  return c;
}

export async function findByCode(conn: Conn, code: string): Promise<ComplaintRow | undefined> {
  const [c] = await conn.select().from(complaints).where(eq(complaints.trackingCode, code));
  return c;
}

/**
 * Conditional transition: moves the complaint only while it is still in one of `from` (and, when
 * given, still assigned to `agencyId`); returns the row when it moved. Two desk officers verifying
 * at once: one statement finds 'submitted', the other finds nothing (409).
 */
export async function transition(conn: Conn, id: string, from: readonly string[], set: Partial<typeof complaints.$inferInsert>, extra?: SQL): Promise<ComplaintRow | undefined> {
  const [c] = await conn
    .update(complaints)
    .set(set)
    .where(and(eq(complaints.id, id), inArray(complaints.status, [...from]), extra))
    .returning();
  return c;
}

/** Another agency for a verified complaint, only while it is still with `fromAgencyId`. */
export async function reassign(conn: Conn, id: string, fromAgencyId: string | null, set: Partial<typeof complaints.$inferInsert>): Promise<ComplaintRow | undefined> {
  return transition(conn, id, ['verified'], set, fromAgencyId ? eq(complaints.agencyId, fromAgencyId) : isNull(complaints.agencyId));
}

/** Sets the first public reply time once (PEKPPP: a reply within 24 hours). */
export async function markFirstReply(conn: Conn, id: string, at: Date): Promise<void> {
  await conn.update(complaints).set({ firstReplyAt: at }).where(and(eq(complaints.id, id), isNull(complaints.firstReplyAt)));
}

export async function setLaporTicket(conn: Conn, id: string, ticket: string | null, at: Date): Promise<ComplaintRow | undefined> {
  const [c] = await conn.update(complaints).set({ laporTicket: ticket, updatedAt: at }).where(eq(complaints.id, id)).returning();
  return c;
}

export async function insertMessage(conn: Conn, row: typeof complaintMessages.$inferInsert): Promise<void> {
  await conn.insert(complaintMessages).values(row);
}

export function messagesOf(conn: Conn, complaintId: string): Promise<MessageRow[]> {
  return conn.select().from(complaintMessages).where(eq(complaintMessages.complaintId, complaintId)).orderBy(asc(complaintMessages.at), asc(complaintMessages.id));
}

/** Serialises the attachments of one complaint, so a count and the insert after it cannot interleave. */
export async function lockComplaint(conn: Conn, id: string): Promise<void> {
  await conn.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`complaint:${id}`}))`);
}

export async function attachmentCount(conn: Conn, complaintId: string): Promise<number> {
  const [r] = await conn.select({ n: count() }).from(complaintAttachments).where(eq(complaintAttachments.complaintId, complaintId));
  return r.n;
}

export async function insertAttachment(conn: Conn, row: typeof complaintAttachments.$inferInsert): Promise<void> {
  await conn.insert(complaintAttachments).values(row);
}

export function attachmentsOf(conn: Conn, complaintId: string): Promise<AttachmentRow[]> {
  return conn.select().from(complaintAttachments).where(eq(complaintAttachments.complaintId, complaintId)).orderBy(asc(complaintAttachments.at));
}

export async function findAttachment(conn: Conn, complaintId: string, fileId: string): Promise<AttachmentRow | undefined> {
  const [a] = await conn
    .select()
    .from(complaintAttachments)
    .where(and(eq(complaintAttachments.complaintId, complaintId), eq(complaintAttachments.fileId, fileId)));
  return a;
}

/** Open and past its deadline on `today` (site-local date). */
const overdueSql = (today: string) =>
  or(and(eq(complaints.status, 'submitted'), sql`${complaints.verifyBy} < ${today}::date`), and(eq(complaints.status, 'verified'), sql`${complaints.respondBy} < ${today}::date`));

export interface ListFilter {
  siteId: string;
  /** null: every agency (and unassigned complaints); else only these assigned agencies. */
  agencyIds: string[] | null;
  status?: string;
  agencyId?: string;
  overdueOn?: string;
  q?: string;
  /** Whether a search may match the tracking code (the desk only: it is the reporter's key). */
  withCode: boolean;
  page: number;
  pageSize: number;
}

/** One page of a site's complaints, overdue first, then newest. */
export async function list(conn: Conn, f: ListFilter): Promise<{ items: ComplaintRow[]; total: number }> {
  const where = and(
    eq(complaints.siteId, f.siteId),
    f.agencyIds ? (f.agencyIds.length ? inArray(complaints.agencyId, f.agencyIds) : sql`false`) : undefined,
    f.status ? eq(complaints.status, f.status) : undefined,
    f.agencyId ? eq(complaints.agencyId, f.agencyId) : undefined,
    f.overdueOn ? overdueSql(f.overdueOn) : undefined,
    f.q ? searchOf(f.q, f.withCode) : undefined,
  );
  const [{ total }] = await conn.select({ total: count() }).from(complaints).where(where);
  const items = await conn
    .select()
    .from(complaints)
    .where(where)
    .orderBy(desc(sql`(${complaints.status} IN ('submitted', 'verified'))`), desc(complaints.filedAt))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { items, total };
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

/** A title search, a reference (ADU-261125-3F9A) or, for the desk, a tracking code. */
function searchOf(q: string, withCode: boolean): SQL | undefined {
  const ref = parseReference(q);
  if (ref) return and(eq(complaints.filedOn, ref.filedOn), sql`${complaints.id}::text LIKE ${`%${ref.idEnd}`}`);
  return or(ilike(complaints.title, `%${escapeLike(q)}%`), withCode ? eq(complaints.trackingCode, q.toUpperCase().replace(/[^A-Z0-9]/g, '')) : undefined);
}

/** Overdue steps not escalated yet, and responses whose answer period has passed (the sweep). */
export async function dueForSweep(conn: Conn, siteId: string, today: string): Promise<ComplaintRow[]> {
  return conn
    .select()
    .from(complaints)
    .where(
      and(
        eq(complaints.siteId, siteId),
        or(
          and(eq(complaints.status, 'submitted'), sql`${complaints.verifyBy} < ${today}::date`, isNull(complaints.verifyEscalatedAt)),
          and(eq(complaints.status, 'verified'), sql`${complaints.respondBy} < ${today}::date`, isNull(complaints.respondEscalatedAt)),
          and(eq(complaints.status, 'responded'), sql`${complaints.autoCloseAfter} < ${today}::date`),
        ),
      ),
    )
    .limit(500);
}

/** Sites with complaints still open (the sweep visits only these). */
export async function sitesWithOpenComplaints(conn: Conn): Promise<string[]> {
  const r = await rows<{ site_id: string }>(conn, sql`SELECT DISTINCT site_id FROM complaints WHERE status IN ('submitted', 'verified', 'responded')`);
  return r.map((x) => x.site_id);
}

/** Marks one overdue step escalated, once (conditional: several processes may sweep). */
export async function markEscalated(conn: Conn, id: string, step: 'verify' | 'respond', at: Date): Promise<ComplaintRow | undefined> {
  const col = step === 'verify' ? complaints.verifyEscalatedAt : complaints.respondEscalatedAt;
  const [c] = await conn
    .update(complaints)
    .set(step === 'verify' ? { verifyEscalatedAt: at } : { respondEscalatedAt: at })
    .where(and(eq(complaints.id, id), eq(complaints.status, step === 'verify' ? 'submitted' : 'verified'), isNull(col)))
    .returning();
  return c;
}

/** Complaints filed between two site-local dates (inclusive), for the export. */
export function filedBetween(conn: Conn, siteId: string, from: string, to: string, agencyIds: string[] | null): Promise<ComplaintRow[]> {
  return conn
    .select()
    .from(complaints)
    .where(
      and(
        eq(complaints.siteId, siteId),
        sql`${complaints.filedOn} BETWEEN ${from}::date AND ${to}::date`,
        agencyIds ? (agencyIds.length ? inArray(complaints.agencyId, agencyIds) : sql`false`) : undefined,
      ),
    )
    .orderBy(asc(complaints.filedAt));
}

/** Public messages of several complaints (the export's responses). */
export function publicMessagesOf(conn: Conn, complaintIds: string[]): Promise<MessageRow[]> {
  if (!complaintIds.length) return Promise.resolve([]);
  return conn
    .select()
    .from(complaintMessages)
    .where(and(inArray(complaintMessages.complaintId, complaintIds), eq(complaintMessages.visibility, 'public')))
    .orderBy(asc(complaintMessages.at));
}

export interface FiguresRow {
  month: string;
  agency_id: string | null;
  received: number;
  verified: number;
  verified_on_time: number;
  responded: number;
  responded_on_time: number;
  followed_up: number;
  median_hours: number | null;
  within_24h: number;
  overdue_open: number;
}

/**
 * Figures per assigned agency and month of filing (site-local dates), in one aggregate: received,
 * verified (on time: on or before verify_by), responded (on time as recorded at the first
 * response), followed up (responded, or forwarded outside), the median hours from filing to the
 * first public reply of the desk or the agency, and how many are open and overdue on `today`.
 */
export function figures(conn: Conn, f: { siteId: string; from: string; to: string; today: string; agencyIds: string[] | null; agencyId?: string }): Promise<FiguresRow[]> {
  const scope = f.agencyIds ? (f.agencyIds.length ? sql`AND agency_id IN (${sql.join(f.agencyIds.map((a) => sql`${a}::uuid`), sql`, `)})` : sql`AND false`) : sql``;
  const one = f.agencyId ? sql`AND agency_id = ${f.agencyId}::uuid` : sql``;
  return rows<FiguresRow>(
    conn,
    sql`SELECT to_char(filed_on, 'YYYY-MM') AS month, agency_id,
               count(*)::int AS received,
               count(*) FILTER (WHERE verified_on IS NOT NULL)::int AS verified,
               count(*) FILTER (WHERE verified_on IS NOT NULL AND verified_on <= verify_by)::int AS verified_on_time,
               count(*) FILTER (WHERE responded_at IS NOT NULL)::int AS responded,
               count(*) FILTER (WHERE responded_on_time)::int AS responded_on_time,
               count(*) FILTER (WHERE responded_at IS NOT NULL OR status = 'not_authority')::int AS followed_up,
               (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_reply_at - filed_at) / 3600.0)
                  FILTER (WHERE first_reply_at IS NOT NULL))::float8 AS median_hours,
               count(*) FILTER (WHERE first_reply_at IS NOT NULL AND first_reply_at - filed_at <= interval '24 hours')::int AS within_24h,
               count(*) FILTER (WHERE (status = 'submitted' AND verify_by < ${f.today}::date) OR (status = 'verified' AND respond_by < ${f.today}::date))::int AS overdue_open
          FROM complaints
         WHERE site_id = ${f.siteId}::uuid AND filed_on BETWEEN ${f.from}::date AND ${f.to}::date ${scope} ${one}
         GROUP BY 1, 2
         ORDER BY 1, 2 NULLS FIRST`,
  );
}
