import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { ChecklistValues, MppPlan, MppStage } from '../../../domain/establishment';
import type { Conn } from '../../platform/db';
import { mppDocuments, mppEstablishments, mppStageChanges } from './establishment.schema';

export type MppRow = typeof mppEstablishments.$inferSelect;
export type StageChangeRow = typeof mppStageChanges.$inferSelect;
export type DocumentRow = typeof mppDocuments.$inferSelect;

const isMpp = eq(mppEstablishments.kind, 'mpp');

export async function findByRegency(conn: Conn, regencyCode: string): Promise<MppRow | undefined> {
  const [r] = await conn.select().from(mppEstablishments).where(and(eq(mppEstablishments.regencyCode, regencyCode), isMpp));
  return r;
}

export function recordsOfProvince(conn: Conn, provinceCode: string): Promise<MppRow[]> {
  return conn.select().from(mppEstablishments).where(and(eq(mppEstablishments.provinceCode, provinceCode), isMpp));
}

/** The region's MPP record, made at stage `none` if it has none yet (concurrent callers get the same row). */
export async function ensureRecord(conn: Conn, row: { id: string; regencyCode: string; provinceCode: string; now: Date }): Promise<MppRow> {
  await conn
    .insert(mppEstablishments)
    .values({ id: row.id, regencyCode: row.regencyCode, provinceCode: row.provinceCode, createdAt: row.now, updatedAt: row.now })
    .onConflictDoNothing({ target: mppEstablishments.regencyCode, where: sql`kind = 'mpp'` });
  return (await findByRegency(conn, row.regencyCode))!;
}

/**
 * Moves the stage only if it is still `from` (a conditional update): of two admins moving the
 * same MPP at once, one moves it and the other gets nothing back (409).
 */
export async function moveStage(conn: Conn, id: string, from: MppStage, to: MppStage, since: string | null, now: Date): Promise<MppRow | undefined> {
  const [r] = await conn
    .update(mppEstablishments)
    .set({ stage: to, stageSince: since, updatedAt: now })
    .where(and(eq(mppEstablishments.id, id), eq(mppEstablishments.stage, from)))
    .returning();
  return r;
}

export async function insertStageChange(conn: Conn, row: typeof mppStageChanges.$inferInsert): Promise<void> {
  await conn.insert(mppStageChanges).values(row);
}

export function stageChangesOf(conn: Conn, establishmentId: string): Promise<StageChangeRow[]> {
  return conn.select().from(mppStageChanges).where(eq(mppStageChanges.establishmentId, establishmentId)).orderBy(desc(mppStageChanges.at), desc(mppStageChanges.id));
}

/** The date the record entered `stage` last time (for a step back: the earlier stage's own date). */
export async function lastReachedOn(conn: Conn, establishmentId: string, stage: MppStage): Promise<string | null> {
  const [r] = await conn
    .select({ date: mppStageChanges.date })
    .from(mppStageChanges)
    .where(and(eq(mppStageChanges.establishmentId, establishmentId), eq(mppStageChanges.toStage, stage), eq(mppStageChanges.direction, 'advance')))
    .orderBy(desc(mppStageChanges.at), desc(mppStageChanges.id))
    .limit(1);
  return r?.date ?? null;
}

export async function updatePlan(conn: Conn, id: string, set: { plan: MppPlan; planNote?: string; note?: string }, now: Date): Promise<void> {
  await conn.update(mppEstablishments).set({ ...set, updatedAt: now }).where(eq(mppEstablishments.id, id));
}

/** Merges entered checklist values in one statement (null clears a value), so two editors of different items both keep theirs. */
export async function mergeChecklist(conn: Conn, id: string, patch: ChecklistValues, now: Date): Promise<MppRow | undefined> {
  const [r] = await conn
    .update(mppEstablishments)
    .set({ checklist: sql`jsonb_strip_nulls(${mppEstablishments.checklist} || ${JSON.stringify(patch)}::jsonb)`, updatedAt: now })
    .where(eq(mppEstablishments.id, id))
    .returning();
  return r;
}

/** Links the site only if the record has none yet (conditional: one site per MPP). */
export async function linkSite(conn: Conn, id: string, siteId: string, now: Date): Promise<MppRow | undefined> {
  const [r] = await conn
    .update(mppEstablishments)
    .set({ siteId, updatedAt: now })
    .where(and(eq(mppEstablishments.id, id), isNull(mppEstablishments.siteId)))
    .returning();
  return r;
}

// ---------- documents ----------

export async function insertDocument(conn: Conn, row: typeof mppDocuments.$inferInsert): Promise<DocumentRow> {
  const [r] = await conn.insert(mppDocuments).values(row).returning();
  return r;
}

/** The documents on file (not unlinked) of some records, oldest first. */
export function documentsOf(conn: Conn, establishmentIds: readonly string[]): Promise<DocumentRow[]> {
  if (!establishmentIds.length) return Promise.resolve([]);
  return conn
    .select()
    .from(mppDocuments)
    .where(and(inArray(mppDocuments.establishmentId, [...establishmentIds]), isNull(mppDocuments.removedAt)))
    .orderBy(asc(mppDocuments.uploadedAt), asc(mppDocuments.id));
}

export async function findDocument(conn: Conn, id: string): Promise<DocumentRow | undefined> {
  const [r] = await conn.select().from(mppDocuments).where(and(eq(mppDocuments.id, id), isNull(mppDocuments.removedAt)));
  return r;
}

export async function unlinkDocument(conn: Conn, id: string, now: Date): Promise<DocumentRow | undefined> {
  const [r] = await conn
    .update(mppDocuments)
    .set({ removedAt: now })
    .where(and(eq(mppDocuments.id, id), isNull(mppDocuments.removedAt)))
    .returning();
  return r;
}

// ---------- demo ----------

/** Demo seed: a record with its stage, plan, checklist and note, unless the region has one. */
export async function insertRecordIfAbsent(conn: Conn, row: typeof mppEstablishments.$inferInsert): Promise<boolean> {
  const r = await conn
    .insert(mppEstablishments)
    .values(row)
    .onConflictDoNothing({ target: mppEstablishments.regencyCode, where: sql`kind = 'mpp'` })
    .returning({ id: mppEstablishments.id });
  return r.length > 0;
}
