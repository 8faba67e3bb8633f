/**
 * The document wallet: requirement documents the citizen uploads by document type (PDF, JPEG or
 * PNG, sniffed from the content, at most 10 MiB, streamed and sealed in pieces: files.spool), or
 * that an agency issued. The citizen can delete a document no open application holds; its bytes
 * go with it. Readiness compares a service's requirements with what the wallet holds.
 */
import { uuidv7 } from 'uuidv7';
import { DOCUMENT_MAX_BYTES } from '../../../contracts/citizen-values';
import type { AppContext } from '../../platform/context';
import { ambientConn, type Conn } from '../../platform/db';
import { fieldError, nullIfNotFound } from '../../platform/errors';
import { cachedCatalog, documentTypesByIds, documentTypesByKeys, getDocumentType } from '../catalog/catalog.lookup';
import { deleteStoredFile, describeFiles, openFileStream, spoolUpload, storeSpooled, type FilePolicy, type OpenUpload } from '../files/files.lookup';
import type { CitizenCaller } from './citizen.caller';
import { citizensError, documentNotFound } from './citizens.errors';
import * as repo from './citizens.repository';
import { transact } from '../../platform/tx';

export { DOCUMENT_MAX_BYTES };
export const DOCUMENT_POLICY: FilePolicy = { maxBytes: DOCUMENT_MAX_BYTES, types: { 'application/pdf': ['pdf'], 'image/jpeg': ['jpg', 'jpeg'], 'image/png': ['png'] } };
export const FILE_PURPOSE = 'citizen.document';

/** A document type the wallet takes: it exists and is active (400 naming the field otherwise). */
export async function documentTypeFor(ctx: AppContext, id: string | undefined, field = 'body.documentTypeId') {
  const bad = () => fieldError(field, 'unknown_document_type', { id: 'Jenis dokumen tidak dikenal.', en: 'Unknown document type.' });
  if (!id || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
    if (!id) throw fieldError(field, 'required', { id: 'Pilih jenis dokumen.', en: 'Choose a document type.' });
    throw bad();
  }
  const t = await getDocumentType(ctx, id).catch(nullIfNotFound);
  if (!t || !t.active) throw bad();
  return t;
}

/**
 * Stores an upload as a document of the wallet: the type is checked before the file is read; the
 * file is spooled (checked, sealed) before any row is written; the file and the document commit
 * in one short transaction. A refusal, a cut connection or a kill -9 leave nothing.
 */
export async function storeDocument(
  ctx: AppContext,
  citizenId: string,
  upload: OpenUpload,
  documentTypeId: string | undefined,
  review: { status: 'uploaded' } | { status: 'issued'; agencyId: string; siteId: string; by: string },
  inTx?: (tx: Parameters<Parameters<typeof transact>[1]>[0], emit: Parameters<Parameters<typeof transact>[1]>[1], doc: repo.DocumentRow) => Promise<void>,
) {
  let type;
  try {
    type = await documentTypeFor(ctx, documentTypeId);
  } catch (err) {
    upload.stream.resume();
    throw err;
  }
  const spooled = await spoolUpload(ctx, upload, DOCUMENT_POLICY);
  try {
    const now = ctx.clock.now();
    const doc = await transact(ctx, async (tx, emit) => {
      const file = await storeSpooled(tx, ctx, spooled, { siteId: review.status === 'issued' ? review.siteId : null, purpose: FILE_PURPOSE, createdBy: review.status === 'issued' ? review.by : null });
      const d = await repo.insertDocument(tx, {
        id: uuidv7(),
        citizenId,
        documentTypeId: type.id,
        fileId: file.id,
        status: review.status,
        ...(review.status === 'issued' ? { reviewedAgencyId: review.agencyId, reviewedBy: review.by, reviewedAt: now } : {}),
        createdAt: now,
      });
      await inTx?.(tx, emit, d);
      return d;
    });
    return (await presentDocuments(ctx, [doc]))[0];
  } finally {
    await spooled.discard();
  }
}

/** POST /me/documents */
export const uploadDocument = (ctx: AppContext, caller: CitizenCaller, upload: OpenUpload, documentTypeId: string | undefined) =>
  storeDocument(ctx, caller.citizenId, upload, documentTypeId, { status: 'uploaded' });

/** What a citizen (and, for shared ones, an officer) sees of documents. */
export async function presentDocuments(ctx: AppContext, docs: repo.DocumentRow[], conn: Conn = ambientConn(ctx.db)) {
  const types = new Map((await documentTypesByIds(ctx, docs.map((d) => d.documentTypeId), conn)).map((t) => [t.id, t]));
  const files = await describeFiles(conn, docs.map((d) => d.fileId));
  const out = [];
  for (const d of docs) {
    const agency = d.reviewedAgencyId ? await cachedCatalog.getAgency(ctx, d.reviewedAgencyId).catch(nullIfNotFound) : null;
    const ref = agency ? { id: agency.id, name: agency.name } : null;
    const f = d.fileId ? files.get(d.fileId) : undefined;
    out.push({
      id: d.id,
      documentTypeId: d.documentTypeId,
      name: types.get(d.documentTypeId)?.name ?? '',
      status: d.status as 'uploaded' | 'verified' | 'issued' | 'rejected',
      verifiedBy: ref && (d.status === 'verified' || d.status === 'issued') ? { agency: ref } : null,
      rejection: ref && d.status === 'rejected' ? { agency: ref, reason: d.rejectionReason ?? '' } : null,
      file: f ? { filename: f.filename, mediaType: f.mediaType, sizeBytes: f.sizeBytes } : null,
      uploadedAt: d.createdAt.toISOString(),
    });
  }
  return out;
}

/** GET /me/documents */
export async function listDocuments(ctx: AppContext, caller: CitizenCaller) {
  return presentDocuments(ctx, await repo.documentsOf(ctx.db, caller.citizenId));
}

/** GET /me/documents/{id}/content: the citizen's own download (not an access: not logged). */
export async function ownDocumentContent(ctx: AppContext, caller: CitizenCaller, id: string) {
  const d = await repo.findDocumentOf(ctx.db, caller.citizenId, id);
  if (!d?.fileId) throw documentNotFound();
  return openFileStream(ctx, d.fileId);
}

/**
 * DELETE /me/documents/{id}: refused (409) while an open application holds it; otherwise the
 * document is marked deleted and its bytes removed in the same transaction. Another citizen's
 * document is a 404, like an unknown one.
 */
export async function deleteDocument(ctx: AppContext, caller: CitizenCaller, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await repo.lockWallet(tx, caller.citizenId);
    const d = await repo.findDocumentOf(tx, caller.citizenId, id);
    if (!d) throw documentNotFound();
    if (await repo.isHeld(tx, id)) throw citizensError('citizen.document_in_use');
    await repo.markDeleted(tx, id, ctx.clock.now());
    if (d.fileId) await deleteStoredFile(tx, d.fileId);
  });
}

const RANK = { verified: 2, uploaded: 1, missing: 0 } as const;

/** GET /me/readiness?serviceId=: which of the service's requirements the wallet holds. */
export async function readinessFor(ctx: AppContext, citizenId: string, serviceId: string) {
  const found = await cachedCatalog.getService(ctx, serviceId).catch(nullIfNotFound);
  if (!found) throw fieldError('query.serviceId', 'unknown_service', { id: 'Layanan tidak ditemukan.', en: 'Unknown service.' });
  const reqs = found.service.requirements;
  const types = new Map((await documentTypesByKeys(ctx, reqs.map((r) => r.documentTypeKey))).map((t) => [t.key, t]));
  const docs = await repo.documentsOf(ctx.db, citizenId);
  const requirements = reqs.map((r) => {
    const t = types.get(r.documentTypeKey);
    let have: keyof typeof RANK = 'missing';
    let documentId: string | null = null;
    for (const d of docs) {
      if (!t || d.documentTypeId !== t.id || !d.fileId) continue;
      const h = d.status === 'verified' || d.status === 'issued' ? 'verified' : d.status === 'uploaded' ? 'uploaded' : 'missing';
      if (RANK[h] > RANK[have]) ((have = h), (documentId = d.id));
    }
    return { documentTypeId: t?.id ?? '', key: r.documentTypeKey, name: t?.name ?? r.documentTypeKey, note: r.note ?? null, have, documentId };
  });
  const held = requirements.filter((r) => r.have !== 'missing').length;
  return { serviceId, ready: held === requirements.length, have: held, total: requirements.length, requirements };
}
