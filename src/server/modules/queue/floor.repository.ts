/** SQL of the live floor view: the day at each counter, the site's target wait, the ticker's announcement. */
import { and, desc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { rows, type Conn } from '../../platform/db';
import { announcements, queueSettings } from './queue.schema';

export type AnnouncementRow = typeof announcements.$inferSelect;
export type QueueSettingsRow = typeof queueSettings.$inferSelect;

/** Per counter of the site today: who made its latest call, and how many it served. */
export async function countersDay(conn: Conn, siteId: string, localDate: string): Promise<Map<string, { lastOfficerId: string | null; served: number }>> {
  const r = await rows<{ counter_id: string; officer_id: string | null; served: number | string }>(
    conn,
    sql`SELECT counter_id,
               (array_agg(officer_id ORDER BY called_at DESC NULLS LAST) FILTER (WHERE officer_id IS NOT NULL))[1] AS officer_id,
               count(*) FILTER (WHERE status = 'done') AS served
          FROM tickets
         WHERE site_id = ${siteId} AND local_date = ${localDate} AND counter_id IS NOT NULL
         GROUP BY counter_id`,
  );
  return new Map(r.map((x) => [x.counter_id, { lastOfficerId: x.officer_id ?? null, served: Number(x.served) }]));
}

export async function settingsOf(conn: Conn, siteId: string): Promise<QueueSettingsRow | null> {
  const [s] = await conn.select().from(queueSettings).where(eq(queueSettings.siteId, siteId));
  return s ?? null;
}

export async function upsertSettings(conn: Conn, row: QueueSettingsRow): Promise<void> {
  await conn
    .insert(queueSettings)
    .values(row)
    .onConflictDoUpdate({ target: queueSettings.siteId, set: { targetWaitMinutes: row.targetWaitMinutes, updatedAt: row.updatedAt } });
}

/** The site's announcement on the ticker at `now`: not cleared, not past its end. */
export async function activeAnnouncement(conn: Conn, siteId: string, now: Date): Promise<AnnouncementRow | null> {
  const [a] = await conn
    .select()
    .from(announcements)
    .where(and(eq(announcements.siteId, siteId), isNull(announcements.clearedAt), or(isNull(announcements.until), gt(announcements.until, now))))
    .orderBy(desc(announcements.createdAt))
    .limit(1);
  return a ?? null;
}

/** Clears the site's open announcement (expired or not); the rows cleared. Call under the site lock. */
export function clearOpen(conn: Conn, siteId: string, now: Date, by: string | null): Promise<AnnouncementRow[]> {
  return conn
    .update(announcements)
    .set({ clearedAt: now, clearedBy: by })
    .where(and(eq(announcements.siteId, siteId), isNull(announcements.clearedAt)))
    .returning();
}

export async function insertAnnouncement(conn: Conn, row: typeof announcements.$inferInsert): Promise<AnnouncementRow> {
  const [a] = await conn.insert(announcements).values(row).returning();
  return a;
}
