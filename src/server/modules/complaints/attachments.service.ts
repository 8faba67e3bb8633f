import type { ComplaintRole, ComplaintStatus, MessageVisibility } from '../../../domain/complaints';
import { recordAudit } from '../../platform/audit';
import { actorLabel } from '../../platform/authz';
import type { AppContext, Caller } from '../../platform/context';
import { fieldError, forbidden, notFound } from '../../platform/errors';
import { transact } from '../../platform/tx';
import { readFile, storeFile, type FilePolicy, type Upload } from '../files/files.lookup';
import { requireView, visibleTo, type ComplaintView } from './complaints.access';
import { complaintsError } from './complaints.errors';
import * as repo from './complaints.repository';
import { proveReporter } from './reporter-proof';
import { findComplaint } from './workflow.service';

/** Evidence a reporter or the staff attach: photos and PDF letters, checked from the content. */
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
export const ATTACHMENT_POLICY: FilePolicy = {
  maxBytes: ATTACHMENT_MAX_BYTES,
  types: { 'image/jpeg': ['jpg', 'jpeg'], 'image/png': ['png'], 'image/webp': ['webp'], 'application/pdf': ['pdf'] },
};
/** Files per complaint (reporter and staff together). */
export const MAX_ATTACHMENTS = 10;

const OPEN: readonly string[] = ['submitted', 'verified', 'responded'];

/**
 * The name a view shows of an attachment. A file name can carry the reporter's name: the public
 * tracking page always names files neutrally ("lampiran-2.pdf"), and so does every staff view but
 * the desk's for a confidential complaint.
 */
export function shownName(view: ComplaintView | 'public', c: Pick<repo.ComplaintRow, 'confidential'>, file: { filename: string }, index: number): string {
  if (view !== 'public' && (view.role === 'desk' || !c.confidential)) return file.filename;
  const ext = file.filename.includes('.') ? file.filename.slice(file.filename.lastIndexOf('.')) : '';
  return `lampiran-${index + 1}${ext}`;
}

async function attach(ctx: AppContext, caller: Caller, c: repo.ComplaintRow, author: ComplaintRole, visibility: MessageVisibility, read: () => Promise<Upload>) {
  const upload = await read();
  return transact(ctx, async (tx, emit) => {
    await repo.lockComplaint(tx, c.id);
    if ((await repo.attachmentCount(tx, c.id)) >= MAX_ATTACHMENTS) throw complaintsError('complaints.attachment_limit', { extra: { max: MAX_ATTACHMENTS } });
    const file = await storeFile(tx, ctx, { siteId: c.siteId, purpose: 'complaint.attachment', policy: ATTACHMENT_POLICY, filename: upload.filename, content: upload.content, createdBy: caller.actor.kind === 'user' && author !== 'reporter' ? caller.actor.id : null });
    await repo.insertAttachment(tx, { complaintId: c.id, fileId: file.id, author, visibility, at: ctx.clock.now() });
    await emit({
      siteId: c.siteId, type: 'complaint.attachment_added', aggregateType: 'complaint', aggregateId: c.id,
      payload: { complaintId: c.id, status: c.status as ComplaintStatus },
      meta: { by: author === 'reporter' ? 'reporter' : actorLabel(caller.actor), fileId: file.id, author, visibility },
    });
    // The file's name is not audited: it may carry the reporter's name.
    if (author !== 'reporter') await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action: 'complaints.attachment_added', siteId: c.siteId, agencyId: c.agencyId, targetType: 'complaint', targetId: c.id, details: { fileId: file.id, mediaType: file.mediaType, sizeBytes: file.sizeBytes, visibility } });
    return { id: file.id, filename: file.filename, mediaType: file.mediaType, sizeBytes: file.sizeBytes, from: author, visibility, at: ctx.clock.now().toISOString() };
  });
}

/** The reporter attaches a file (by tracking code) while the complaint is open. */
export async function attachByReporter(ctx: AppContext, caller: Caller, code: string, read: () => Promise<Upload>) {
  const c = await proveReporter(ctx, caller, code);
  if (!OPEN.includes(c.status)) throw complaintsError('complaints.conversation_closed');
  return attach(ctx, caller, c, 'reporter', 'public', read);
}

/** The desk or the agency attaches a file (a letter, a photo of the fix). */
export async function attachByStaff(ctx: AppContext, caller: Caller, id: string, visibility: MessageVisibility, read: () => Promise<Upload>) {
  const c = await findComplaint(ctx, id);
  const view = requireView(caller.actor, c);
  if (view.role === 'auditor') throw forbidden();
  if (visibility === 'desk' && view.role !== 'desk') throw fieldError('querystring.visibility', 'desk_only', { id: 'Lampiran khusus meja pengaduan hanya untuk meja pengaduan.', en: 'Desk-only files are for the complaint desk.' });
  return attach(ctx, caller, c, view.role, visibility, read);
}

async function fileOf(ctx: AppContext, c: repo.ComplaintRow, fileId: string, allowed: (visibility: string) => boolean) {
  const all = await repo.attachmentsOf(ctx.db, c.id);
  const index = all.findIndex((a) => a.fileId === fileId);
  if (index < 0 || !allowed(all[index].visibility)) throw notFound('Lampiran', 'Attachment');
  return { index, file: await readFile(ctx, fileId) };
}

/** The reporter downloads a public attachment. */
export async function reporterAttachment(ctx: AppContext, caller: Caller, code: string, fileId: string) {
  const c = await proveReporter(ctx, caller, code);
  const { index, file } = await fileOf(ctx, c, fileId, (v) => v === 'public');
  return { ...file, filename: shownName('public', c, file, index) };
}

/** Staff download an attachment their view allows; audited. */
export async function staffAttachment(ctx: AppContext, caller: Caller, id: string, fileId: string) {
  const c = await findComplaint(ctx, id);
  const view = requireView(caller.actor, c);
  const { index, file } = await fileOf(ctx, c, fileId, (v) => visibleTo(view, v));
  await recordAudit(ctx.db, ctx.clock, caller.actor, caller.ip, { action: 'complaints.attachment_read', siteId: c.siteId, agencyId: c.agencyId, targetType: 'complaint', targetId: c.id, details: { fileId } });
  return { ...file, filename: shownName(view, c, file, index) };
}
