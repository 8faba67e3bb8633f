import { and, desc, eq } from 'drizzle-orm';
import type { Conn } from '../../platform/db';
import { monthlyReports, reportNotes, reportSettings } from './reports.schema';

export const settingsOf = async (conn: Conn, siteId: string) => (await conn.select().from(reportSettings).where(eq(reportSettings.siteId, siteId)))[0];

export async function saveSettings(conn: Conn, siteId: string, v: { targetWaitMinutes: number; indicators: string[] }, now: Date) {
  const set = { targetWaitMinutes: v.targetWaitMinutes, indicators: v.indicators, updatedAt: now };
  const [row] = await conn.insert(reportSettings).values({ siteId, ...set }).onConflictDoUpdate({ target: reportSettings.siteId, set }).returning();
  return row;
}

export const notesOf = async (conn: Conn, siteId: string, month: string) =>
  (await conn.select().from(reportNotes).where(and(eq(reportNotes.siteId, siteId), eq(reportNotes.month, month))))[0];

export async function saveNotes(conn: Conn, siteId: string, month: string, notes: string, by: string | null, now: Date) {
  const set = { notes, updatedAt: now, updatedBy: by };
  const [row] = await conn.insert(reportNotes).values({ siteId, month, ...set }).onConflictDoUpdate({ target: [reportNotes.siteId, reportNotes.month], set }).returning();
  return row;
}

/** Keeps a month's report; `onlyIfMissing`: the automatic run never replaces one kept by hand. */
export async function keepMonthly(conn: Conn, row: typeof monthlyReports.$inferInsert, onlyIfMissing: boolean): Promise<boolean> {
  const q = conn.insert(monthlyReports).values(row);
  const done = onlyIfMissing
    ? await q.onConflictDoNothing().returning({ month: monthlyReports.month })
    : await q.onConflictDoUpdate({ target: [monthlyReports.siteId, monthlyReports.month], set: { generatedAt: row.generatedAt, automatic: row.automatic, snapshot: row.snapshot } }).returning({ month: monthlyReports.month });
  return done.length > 0;
}

export const keptMonthly = async (conn: Conn, siteId: string, month: string) =>
  (await conn.select().from(monthlyReports).where(and(eq(monthlyReports.siteId, siteId), eq(monthlyReports.month, month))))[0];

export const archiveOf = (conn: Conn, siteId: string) =>
  conn
    .select({ month: monthlyReports.month, generatedAt: monthlyReports.generatedAt, automatic: monthlyReports.automatic })
    .from(monthlyReports)
    .where(eq(monthlyReports.siteId, siteId))
    .orderBy(desc(monthlyReports.month));
