/**
 * What other modules may use of citizens (the one file of citizens they import): who the signed-in
 * citizen of a request is (never throwing: a public route stays public), their history, readiness,
 * holding documents an open application uses, and a share's documents for staff.
 */
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context';
import type { Conn } from '../../platform/db';
import { decryptText } from '../../platform/crypto';
import { citizenOf, type CitizenCaller } from './citizen.caller';
import { citizensError } from './citizens.errors';
import * as repo from './citizens.repository';

export type { CitizenCaller } from './citizen.caller';
export { requireCitizen } from './citizen.caller';
export { readinessFor } from './wallet.service';
export { openShared, shareForApplication } from './shared.service';

/** The signed-in citizen of a request, or null (also for a cookie write without its CSRF header). */
export async function signedInCitizen(ctx: AppContext, req: FastifyRequest): Promise<CitizenCaller | null> {
  return citizenOf(ctx, req).catch(() => null);
}

/** Adds an entry to the citizen's history (Riwayat) in the caller's transaction; once per (kind, ref). */
export async function recordHistory(tx: Conn, citizenId: string, entry: { kind: 'booking' | 'ticket' | 'application'; refId: string; siteId: string | null; serviceId: string | null; code: string | null; at: Date; now: Date }): Promise<void> {
  await repo.insertHistory(tx, { citizenId, kind: entry.kind, refId: entry.refId, siteId: entry.siteId, serviceId: entry.serviceId, code: entry.code, at: entry.at, createdAt: entry.now });
}

/**
 * Holds the citizen's documents for `holder` (an open application): they cannot be deleted until
 * released. 404 when one is not the citizen's or is gone. Serialised with deletions (lockWallet).
 */
export async function holdDocuments(tx: Conn, citizenId: string, documentIds: string[], holder: { type: string; id: string }, now: Date) {
  await repo.lockWallet(tx, citizenId);
  const ids = [...new Set(documentIds)];
  const docs = await repo.findDocumentsOf(tx, citizenId, ids);
  if (docs.length !== ids.length || docs.some((d) => !d.fileId)) throw citizensError('citizen.document_not_found');
  await repo.addHolds(tx, ids, holder, now);
  return docs.map((d) => ({ id: d.id, documentTypeId: d.documentTypeId, status: d.status }));
}

/** Releases what `holder` held (the application ended). */
export async function releaseDocuments(tx: Conn, holder: { type: string; id: string }): Promise<void> {
  await repo.releaseHolds(tx, holder);
}

/**
 * Who a citizen says they are, for an application they file themselves (applications keeps its
 * own encrypted copy): the name, the NIK (null until declared), whether an officer checked it, and
 * the sign-in contact (an email or a mobile number), in the clear. Null for an unknown citizen.
 */
export async function citizenIdentity(ctx: AppContext, conn: Conn, citizenId: string) {
  const c = await repo.findCitizen(conn, citizenId);
  if (!c || c.deletedAt) return null;
  const open = (v: string | null) => (v ? decryptText(ctx.keys.encryption, v) : null);
  return { name: open(c.nameEnc), nik: open(c.nikEnc), nikVerified: !!c.nikVerifiedAt, contact: open(c.contactEnc)! };
}
