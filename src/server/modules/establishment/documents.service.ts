/**
 * Evidence documents of an MPP's stages (surat usulan, kajian urgensi, the ministry's
 * verification letter, kesepakatan bersama, a PKS per agency, berita acara of the trial and of
 * the inauguration): checked from their content and stored encrypted by the files module, in the
 * same transaction as the record that points to them. A document belongs to a stage the MPP has
 * reached. Platform admins upload and unlink; auditors may read; every download is audited.
 */
import { uuidv7 } from 'uuidv7';
import { MPP_DOCUMENT_KINDS, PER_AGENCY_KINDS, reached, type MppDocumentKind, type MppStage } from '../../../domain/establishment';
import { recordAudit } from '../../platform/audit';
import { actorLabel } from '../../platform/authz';
import type { AppContext, Caller } from '../../platform/context';
import { fieldError, notFound } from '../../platform/errors';
import { transact } from '../../platform/tx';
import { readFile, storeFile, type FilePolicy, type Upload } from '../files/files.lookup';
import { authorizeProvinceChange, authorizeProvinceRead } from './establishment.access';
import { establishmentError } from './establishment.errors';
import * as repo from './establishment.repository';
import { presentRecord, regencyOr404 } from './view.service';

/** 10 MiB: a scanned agreement or berita acara of a few dozen pages. */
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
export const DOCUMENT_POLICY: FilePolicy = { maxBytes: DOCUMENT_MAX_BYTES, types: { 'application/pdf': ['pdf'], 'image/jpeg': ['jpg', 'jpeg'], 'image/png': ['png'] } };
const PURPOSE = 'establishment.evidence';

export interface DocumentInput {
  kind: MppDocumentKind;
  title?: string;
  agencyName?: string;
  documentDate?: string;
}

export async function addDocument(ctx: AppContext, caller: Caller, regencyCode: string, input: DocumentInput, read: () => Promise<Upload>) {
  authorizeProvinceChange(caller.actor);
  const { regency, province } = regencyOr404(regencyCode);
  const agencyName = input.agencyName?.trim() || null;
  if (PER_AGENCY_KINDS.has(input.kind) && !agencyName) {
    throw fieldError('querystring.agencyName', 'required', { id: 'PKS ditandatangani dengan satu instansi: sebutkan instansinya.', en: 'A PKS is signed with one agency: name it.' });
  }
  const stage = MPP_DOCUMENT_KINDS[input.kind];
  const before = await repo.findByRegency(ctx.db, regency.code);
  const current = (before?.stage ?? 'none') as MppStage;
  if (!reached(current, stage)) throw establishmentError('establishment.stage_not_reached', { extra: { currentStage: current } });
  // Read only once the caller may upload and the record takes the document.
  const upload = await read();
  return transact(ctx, async (tx, emit) => {
    const record = await repo.findByRegency(tx, regency.code);
    if (!record || !reached(record.stage as MppStage, stage)) throw establishmentError('establishment.stage_not_reached', { extra: { currentStage: record?.stage ?? 'none' } });
    const file = await storeFile(tx, ctx, { siteId: record.siteId, purpose: PURPOSE, policy: DOCUMENT_POLICY, filename: upload.filename, content: upload.content, createdBy: caller.actor.kind === 'user' ? caller.actor.id : null });
    const doc = await repo.insertDocument(tx, {
      id: uuidv7(),
      establishmentId: record.id,
      stage,
      kind: input.kind,
      agencyName,
      title: input.title?.trim() ?? '',
      documentDate: input.documentDate ?? null,
      fileId: file.id,
      uploadedBy: caller.actor.kind === 'user' ? caller.actor.id : null,
      uploadedAt: ctx.clock.now(),
    });
    await emit({ siteId: record.siteId, type: 'establishment.document_added', aggregateType: 'mpp', aggregateId: record.id, payload: { regencyCode: regency.code, documentId: doc.id, kind: input.kind, stage }, meta: { by: actorLabel(caller.actor), fileId: file.id } });
    await recordAudit(tx, ctx.clock, caller.actor, caller.ip, {
      action: 'establishment.document_uploaded',
      siteId: record.siteId,
      targetType: 'mpp_document',
      targetId: doc.id,
      details: { regencyCode: regency.code, kind: input.kind, stage, agencyName, fileId: file.id, filename: file.filename, mediaType: file.mediaType, sizeBytes: file.sizeBytes, sha256: file.sha256 },
    });
    return presentRecord(ctx, regency, province, tx);
  });
}

async function documentOf(ctx: AppContext, regencyCode: string, documentId: string) {
  const record = await repo.findByRegency(ctx.db, regencyCode);
  const doc = await repo.findDocument(ctx.db, documentId);
  if (!record || !doc || doc.establishmentId !== record.id) throw notFound('Dokumen', 'Document');
  return { record, doc };
}

/** The decrypted file; the read is audited (the evidence is the province's record to the centre). */
export async function documentContent(ctx: AppContext, caller: Caller, regencyCode: string, documentId: string) {
  authorizeProvinceRead(caller.actor);
  regencyOr404(regencyCode);
  const { record, doc } = await documentOf(ctx, regencyCode, documentId);
  return transact(ctx, async (tx) => {
    const file = await readFile(ctx, doc.fileId, tx);
    await recordAudit(tx, ctx.clock, caller.actor, caller.ip, {
      action: 'establishment.document_downloaded',
      siteId: record.siteId,
      targetType: 'mpp_document',
      targetId: doc.id,
      details: { regencyCode, kind: doc.kind, fileId: doc.fileId, sha256: file.sha256 },
    });
    return file;
  });
}

/** Unlinks a document from the record (the stored file is kept for history). */
export async function removeDocument(ctx: AppContext, caller: Caller, regencyCode: string, documentId: string) {
  authorizeProvinceChange(caller.actor);
  const { regency, province } = regencyOr404(regencyCode);
  const { record } = await documentOf(ctx, regency.code, documentId);
  return transact(ctx, async (tx, emit) => {
    const gone = await repo.unlinkDocument(tx, documentId, ctx.clock.now());
    if (!gone) throw notFound('Dokumen', 'Document');
    await emit({ siteId: record.siteId, type: 'establishment.document_removed', aggregateType: 'mpp', aggregateId: record.id, payload: { regencyCode: regency.code, documentId }, meta: { by: actorLabel(caller.actor) } });
    await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action: 'establishment.document_removed', siteId: record.siteId, targetType: 'mpp_document', targetId: documentId, details: { regencyCode: regency.code, kind: gone.kind, fileId: gone.fileId } });
    return presentRecord(ctx, regency, province, tx);
  });
}
