import { and, asc, count, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { rows, type Conn } from '../../platform/db';
import {
  citizenAccessLog,
  citizenConsentDocuments,
  citizenConsents,
  citizenDocumentHolds,
  citizenDocuments,
  citizenHistory,
  citizenLoginCodes,
  citizens,
  citizenSessions,
} from './citizens.schema';

export type CitizenRow = typeof citizens.$inferSelect;
export type LoginCodeRow = typeof citizenLoginCodes.$inferSelect;
export type DocumentRow = typeof citizenDocuments.$inferSelect;
export type ConsentRow = typeof citizenConsents.$inferSelect;
export type AccessLogRow = typeof citizenAccessLog.$inferSelect;
export type HistoryRow = typeof citizenHistory.$inferSelect;

// ---------- sign-in codes ----------

/** Serialises the code requests of one contact and of one address (transaction-scoped). */
export async function lockKeys(conn: Conn, ...keys: string[]): Promise<void> {
  for (const k of [...keys].sort()) await conn.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`citizen-login:${k}`}))`);
}

/** Codes sent to a contact (or from an address) since `since`, newest first. */
export function codesSince(conn: Conn, by: 'contact' | 'source', hash: string, since: Date) {
  const col = by === 'contact' ? citizenLoginCodes.contactHash : citizenLoginCodes.sourceHash;
  return conn
    .select({ createdAt: citizenLoginCodes.createdAt })
    .from(citizenLoginCodes)
    .where(and(eq(col, hash), gte(citizenLoginCodes.createdAt, since)))
    .orderBy(desc(citizenLoginCodes.createdAt));
}

export async function insertCode(conn: Conn, row: typeof citizenLoginCodes.$inferInsert): Promise<void> {
  // A new code makes the older ones of the contact useless.
  await conn
    .update(citizenLoginCodes)
    .set({ supersededAt: row.createdAt })
    .where(and(eq(citizenLoginCodes.contactHash, row.contactHash), isNull(citizenLoginCodes.usedAt), isNull(citizenLoginCodes.supersededAt)));
  await conn.insert(citizenLoginCodes).values(row);
}

/** The contact's one live code: not used, not superseded, not expired, fewer than `maxFails` wrong tries. */
export async function liveCode(conn: Conn, contactHash: string, now: Date, maxFails: number): Promise<LoginCodeRow | undefined> {
  const [c] = await conn
    .select()
    .from(citizenLoginCodes)
    .where(
      and(
        eq(citizenLoginCodes.contactHash, contactHash),
        isNull(citizenLoginCodes.usedAt),
        isNull(citizenLoginCodes.supersededAt),
        gt(citizenLoginCodes.expiresAt, now),
        lt(citizenLoginCodes.failedAttempts, maxFails),
      ),
    )
    .orderBy(desc(citizenLoginCodes.createdAt))
    .limit(1);
  return c;
}

/** Counts a wrong try; the conditional update keeps concurrent guesses from exceeding the limit. */
export async function failCode(conn: Conn, id: string, maxFails: number): Promise<void> {
  await conn
    .update(citizenLoginCodes)
    .set({ failedAttempts: sql`${citizenLoginCodes.failedAttempts} + 1` })
    .where(and(eq(citizenLoginCodes.id, id), lt(citizenLoginCodes.failedAttempts, maxFails)));
}

/** Uses a code once: only one of two concurrent right answers wins. */
export async function useCode(conn: Conn, id: string, now: Date, maxFails: number): Promise<boolean> {
  const r = await conn
    .update(citizenLoginCodes)
    .set({ usedAt: now })
    .where(and(eq(citizenLoginCodes.id, id), isNull(citizenLoginCodes.usedAt), isNull(citizenLoginCodes.supersededAt), lt(citizenLoginCodes.failedAttempts, maxFails), gt(citizenLoginCodes.expiresAt, now)))
    .returning({ id: citizenLoginCodes.id });
  return r.length > 0;
}

export async function deleteCodesBefore(conn: Conn, before: Date): Promise<number> {
  const r = await conn.delete(citizenLoginCodes).where(lt(citizenLoginCodes.createdAt, before)).returning({ id: citizenLoginCodes.id });
  return r.length;
}

// ---------- accounts and sessions ----------

export async function findCitizenByContact(conn: Conn, contactHash: string): Promise<CitizenRow | undefined> {
  const [c] = await conn.select().from(citizens).where(and(eq(citizens.contactHash, contactHash), isNull(citizens.deletedAt)));
  return c;
}

/** Creates the account of a contact, or returns the one that exists (the unique index decides). */
export async function upsertCitizen(conn: Conn, row: typeof citizens.$inferInsert): Promise<CitizenRow> {
  const [made] = await conn
    .insert(citizens)
    .values(row)
    .onConflictDoNothing({ target: citizens.contactHash, where: sql`${citizens.deletedAt} IS NULL` })
    .returning();
  return made ?? (await findCitizenByContact(conn, row.contactHash))!;
}

export async function findCitizen(conn: Conn, id: string): Promise<CitizenRow | undefined> {
  const [c] = await conn.select().from(citizens).where(eq(citizens.id, id));
  return c;
}

export async function updateCitizen(conn: Conn, id: string, patch: Partial<typeof citizens.$inferInsert>): Promise<CitizenRow | undefined> {
  const [c] = await conn
    .update(citizens)
    .set(patch)
    .where(and(eq(citizens.id, id), isNull(citizens.deletedAt)))
    .returning();
  return c;
}

export async function insertSession(conn: Conn, row: typeof citizenSessions.$inferInsert): Promise<void> {
  await conn.insert(citizenSessions).values(row);
}

/** A live session and its (not deleted) citizen. */
export async function findLiveSession(conn: Conn, tokenHash: string, now: Date) {
  const [r] = await conn
    .select({ sessionId: citizenSessions.id, citizenId: citizenSessions.citizenId })
    .from(citizenSessions)
    .innerJoin(citizens, eq(citizens.id, citizenSessions.citizenId))
    .where(and(eq(citizenSessions.tokenHash, tokenHash), isNull(citizenSessions.revokedAt), gt(citizenSessions.expiresAt, now), isNull(citizens.deletedAt)));
  return r;
}

export async function revokeSession(conn: Conn, id: string, now: Date): Promise<void> {
  await conn.update(citizenSessions).set({ revokedAt: now }).where(and(eq(citizenSessions.id, id), isNull(citizenSessions.revokedAt)));
}

/** The citizen's live sessions, newest first. */
export function liveSessionsOf(conn: Conn, citizenId: string, now: Date) {
  return conn
    .select({ id: citizenSessions.id, createdAt: citizenSessions.createdAt, expiresAt: citizenSessions.expiresAt, userAgent: citizenSessions.userAgent })
    .from(citizenSessions)
    .where(and(eq(citizenSessions.citizenId, citizenId), isNull(citizenSessions.revokedAt), gt(citizenSessions.expiresAt, now)))
    .orderBy(desc(citizenSessions.createdAt))
    .limit(50);
}

/** Ends one live session of this citizen; false when it is not theirs, not live, or unknown. */
export async function revokeSessionOf(conn: Conn, citizenId: string, id: string, now: Date): Promise<boolean> {
  const r = await conn
    .update(citizenSessions)
    .set({ revokedAt: now })
    .where(and(eq(citizenSessions.id, id), eq(citizenSessions.citizenId, citizenId), isNull(citizenSessions.revokedAt), gt(citizenSessions.expiresAt, now)))
    .returning({ id: citizenSessions.id });
  return r.length > 0;
}

export async function revokeSessionsOf(conn: Conn, citizenId: string, now: Date): Promise<void> {
  await conn.update(citizenSessions).set({ revokedAt: now }).where(and(eq(citizenSessions.citizenId, citizenId), isNull(citizenSessions.revokedAt)));
}

// ---------- documents ----------

export async function insertDocument(conn: Conn, row: typeof citizenDocuments.$inferInsert): Promise<DocumentRow> {
  const [d] = await conn.insert(citizenDocuments).values(row).returning();
  return d;
}

/** The citizen's documents that still exist, oldest first. */
export function documentsOf(conn: Conn, citizenId: string): Promise<DocumentRow[]> {
  return conn
    .select()
    .from(citizenDocuments)
    .where(and(eq(citizenDocuments.citizenId, citizenId), isNull(citizenDocuments.deletedAt)))
    .orderBy(asc(citizenDocuments.createdAt), asc(citizenDocuments.id));
}

export async function findDocumentOf(conn: Conn, citizenId: string, id: string): Promise<DocumentRow | undefined> {
  const [d] = await conn
    .select()
    .from(citizenDocuments)
    .where(and(eq(citizenDocuments.id, id), eq(citizenDocuments.citizenId, citizenId), isNull(citizenDocuments.deletedAt)));
  return d;
}

export function findDocumentsOf(conn: Conn, citizenId: string, ids: string[]): Promise<DocumentRow[]> {
  if (!ids.length) return Promise.resolve([]);
  return conn
    .select()
    .from(citizenDocuments)
    .where(and(inArray(citizenDocuments.id, ids), eq(citizenDocuments.citizenId, citizenId), isNull(citizenDocuments.deletedAt)));
}

/**
 * Serialises the changes of one citizen's wallet that must see each other (a deletion and a hold
 * added at the same moment): each statement after it, in READ COMMITTED, sees what the other
 * committed. Held until the end of the transaction.
 */
export async function lockWallet(conn: Conn, citizenId: string): Promise<void> {
  await conn.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`citizen-wallet:${citizenId}`}))`);
}

export async function isHeld(conn: Conn, documentId: string): Promise<boolean> {
  const [r] = await conn.select({ n: count() }).from(citizenDocumentHolds).where(eq(citizenDocumentHolds.documentId, documentId));
  return r.n > 0;
}

/** Marks a document deleted and detaches its file (call under `lockWallet`, after `isHeld`). */
export async function markDeleted(conn: Conn, id: string, now: Date): Promise<void> {
  await conn.update(citizenDocuments).set({ deletedAt: now, fileId: null }).where(eq(citizenDocuments.id, id));
}

/** Sets a document's review (verify or reject) if it is still in one of `from`. */
export async function reviewDocument(conn: Conn, id: string, from: string[], patch: Pick<DocumentRow, 'status' | 'reviewedAgencyId' | 'reviewedBy' | 'reviewedAt' | 'rejectionReason'>): Promise<DocumentRow | undefined> {
  const [d] = await conn
    .update(citizenDocuments)
    .set(patch)
    .where(and(eq(citizenDocuments.id, id), inArray(citizenDocuments.status, from), isNull(citizenDocuments.deletedAt)))
    .returning();
  return d;
}

export async function addHolds(conn: Conn, documentIds: string[], holder: { type: string; id: string }, now: Date): Promise<void> {
  if (!documentIds.length) return;
  await conn
    .insert(citizenDocumentHolds)
    .values(documentIds.map((documentId) => ({ documentId, holderType: holder.type, holderId: holder.id, createdAt: now })))
    .onConflictDoNothing();
}

export async function releaseHolds(conn: Conn, holder: { type: string; id: string }): Promise<void> {
  await conn.delete(citizenDocumentHolds).where(and(eq(citizenDocumentHolds.holderType, holder.type), eq(citizenDocumentHolds.holderId, holder.id)));
}

// ---------- consents ----------

export async function insertConsent(conn: Conn, row: typeof citizenConsents.$inferInsert, documentIds: string[]): Promise<void> {
  await conn.insert(citizenConsents).values(row);
  await conn.insert(citizenConsentDocuments).values(documentIds.map((documentId) => ({ consentId: row.id!, documentId })));
}

export function consentsOf(conn: Conn, citizenId: string): Promise<ConsentRow[]> {
  return conn
    .select()
    .from(citizenConsents)
    .where(and(eq(citizenConsents.citizenId, citizenId), isNull(citizenConsents.purgedAt)))
    .orderBy(desc(citizenConsents.createdAt));
}

/** The documents of several consents (those not deleted). */
export function consentDocuments(conn: Conn, consentIds: string[]) {
  if (!consentIds.length) return Promise.resolve([]);
  return conn
    .select({ consentId: citizenConsentDocuments.consentId, document: citizenDocuments })
    .from(citizenConsentDocuments)
    .innerJoin(citizenDocuments, eq(citizenDocuments.id, citizenConsentDocuments.documentId))
    .where(and(inArray(citizenConsentDocuments.consentId, consentIds), isNull(citizenDocuments.deletedAt)))
    .orderBy(asc(citizenDocuments.createdAt));
}

/** Revokes at once (conditional: revoking twice changes nothing). */
export async function revokeConsent(conn: Conn, citizenId: string, id: string, now: Date): Promise<ConsentRow | undefined> {
  const [c] = await conn
    .update(citizenConsents)
    .set({ revokedAt: now })
    .where(and(eq(citizenConsents.id, id), eq(citizenConsents.citizenId, citizenId), isNull(citizenConsents.revokedAt)))
    .returning();
  return c;
}

export async function findConsentOf(conn: Conn, citizenId: string, id: string): Promise<ConsentRow | undefined> {
  const [c] = await conn.select().from(citizenConsents).where(and(eq(citizenConsents.id, id), eq(citizenConsents.citizenId, citizenId)));
  return c;
}

/**
 * The consent a share code names, live or not, locked FOR SHARE: a revocation (an UPDATE of the
 * row) waits until this read's transaction ends, and a read that starts after the revocation
 * committed sees it revoked. So no read is granted once a revocation has committed.
 */
export async function consentByCodeForShare(conn: Conn, codeHash: string): Promise<ConsentRow | undefined> {
  const [c] = await conn.select().from(citizenConsents).where(eq(citizenConsents.codeHash, codeHash)).for('share');
  return c;
}

// ---------- access log and history ----------

export async function insertAccess(conn: Conn, row: typeof citizenAccessLog.$inferInsert | Array<typeof citizenAccessLog.$inferInsert>): Promise<void> {
  const list = Array.isArray(row) ? row : [row];
  if (list.length) await conn.insert(citizenAccessLog).values(list);
}

export function accessLogOf(conn: Conn, citizenId: string, before: number | undefined, limit: number): Promise<AccessLogRow[]> {
  return conn
    .select()
    .from(citizenAccessLog)
    .where(and(eq(citizenAccessLog.citizenId, citizenId), before ? lt(citizenAccessLog.id, before) : undefined))
    .orderBy(desc(citizenAccessLog.id))
    .limit(limit);
}

export async function countAccess(conn: Conn, citizenId: string): Promise<number> {
  const [r] = await conn.select({ n: count() }).from(citizenAccessLog).where(eq(citizenAccessLog.citizenId, citizenId));
  return r.n;
}

export async function insertHistory(conn: Conn, row: typeof citizenHistory.$inferInsert): Promise<void> {
  await conn.insert(citizenHistory).values(row).onConflictDoNothing();
}

export function historyOf(conn: Conn, citizenId: string, limit: number): Promise<HistoryRow[]> {
  return conn.select().from(citizenHistory).where(eq(citizenHistory.citizenId, citizenId)).orderBy(desc(citizenHistory.at)).limit(limit);
}

// ---------- retention ----------

/** Accounts deleted before `before` whose documents are not purged yet. */
export function deletedAccountsBefore(conn: Conn, before: Date, limit = 100) {
  return conn
    .select({ id: citizens.id })
    .from(citizens)
    .where(and(isNotNull(citizens.deletedAt), lte(citizens.deletedAt, before), isNull(citizens.purgedAt)))
    .limit(limit);
}

/** Every document of a citizen that still has bytes (deleted ones included). */
export function documentsWithFilesOf(conn: Conn, citizenId: string) {
  return conn
    .select({ id: citizenDocuments.id, fileId: citizenDocuments.fileId })
    .from(citizenDocuments)
    .where(and(eq(citizenDocuments.citizenId, citizenId), isNotNull(citizenDocuments.fileId)));
}

export async function detachFile(conn: Conn, documentId: string, now: Date): Promise<void> {
  await conn
    .update(citizenDocuments)
    .set({ fileId: null, deletedAt: sql`coalesce(${citizenDocuments.deletedAt}, ${now.toISOString()}::timestamptz)` })
    .where(eq(citizenDocuments.id, documentId));
}

/** Erases what identifies a purged account (the row stays: the access log points to it). */
export async function purgeAccount(conn: Conn, id: string, now: Date): Promise<void> {
  await conn
    .update(citizens)
    .set({ purgedAt: now, nameEnc: null, nikEnc: null, nikHash: null, contactEnc: '', contactHash: sql`'purged:' || ${citizens.id}` })
    .where(eq(citizens.id, id));
}

/** Consents that ended (expired or revoked) before `before` and are not purged, with their site. */
export function endedConsentsBefore(conn: Conn, before: Date, limit = 500) {
  return conn
    .select({ id: citizenConsents.id, siteId: citizenConsents.siteId, endedAt: sql<Date>`least(${citizenConsents.expiresAt}, coalesce(${citizenConsents.revokedAt}, ${citizenConsents.expiresAt}))`.mapWith((v) => new Date(v)) })
    .from(citizenConsents)
    .where(and(isNull(citizenConsents.purgedAt), or(lte(citizenConsents.expiresAt, before), lte(citizenConsents.revokedAt, before))))
    .limit(limit);
}

/** Removes an ended consent's code and its links to documents. */
export async function purgeConsent(conn: Conn, id: string, now: Date): Promise<void> {
  await conn.delete(citizenConsentDocuments).where(eq(citizenConsentDocuments.consentId, id));
  await conn
    .update(citizenConsents)
    .set({ purgedAt: now, codeEnc: null, codeHash: sql`'purged:' || ${citizenConsents.id}` })
    .where(eq(citizenConsents.id, id));
}

/** The citizen's documents by id, deleted ones too (names in the access log). */
export function findDocumentsIncludingDeleted(conn: Conn, citizenId: string, ids: string[]): Promise<DocumentRow[]> {
  if (!ids.length) return Promise.resolve([]);
  return conn.select().from(citizenDocuments).where(and(inArray(citizenDocuments.id, ids), eq(citizenDocuments.citizenId, citizenId)));
}

/** The sites a citizen shared with (any consent, purged ones too). */
export function consentSitesOf(conn: Conn, citizenId: string) {
  return conn.selectDistinct({ siteId: citizenConsents.siteId }).from(citizenConsents).where(eq(citizenConsents.citizenId, citizenId));
}
