import { canTransition, reopenTarget, type ComplaintStatus } from '../../../domain/complaints';
import type { AppContext, Caller } from '../../platform/context';
import { nullIfNotFound } from '../../platform/errors';
import { enqueue } from '../../platform/jobs';
import { transact } from '../../platform/tx';
import { cachedCatalog } from '../catalog/catalog.lookup';
import { describeFiles } from '../files/files.lookup';
import { shownName } from './attachments.service';
import { complaintsError } from './complaints.errors';
import * as repo from './complaints.repository';
import { proveReporter } from './reporter-proof';
import { addMessage, reopenComplaint } from './workflow.service';

/** Statuses in which the reporter may still write. */
const OPEN: readonly string[] = ['submitted', 'verified', 'responded'];

/** The names of a complaint's agency and service (public: no people in them). */
export async function namesOf(ctx: AppContext, c: Pick<repo.ComplaintRow, 'agencyId' | 'requestedAgencyId' | 'serviceId'>) {
  const agencyId = c.agencyId ?? c.requestedAgencyId;
  const agency = agencyId ? await cachedCatalog.getAgency(ctx, agencyId).catch(nullIfNotFound) : null;
  const requested = c.requestedAgencyId ? await cachedCatalog.getAgency(ctx, c.requestedAgencyId).catch(nullIfNotFound) : null;
  const service = c.serviceId ? await cachedCatalog.getService(ctx, c.serviceId).catch(nullIfNotFound) : null;
  return {
    agency: agency && c.agencyId ? { id: agency.id, name: agency.name } : null,
    requestedAgency: requested ? { id: requested.id, name: requested.name } : null,
    shownAgency: agency ? { id: agency.id, name: agency.name } : null,
    service: service ? { id: service.service.id, name: service.service.name } : null,
  };
}

/**
 * The reporter's view by tracking code (DESIGN §7): status, deadlines and the public replies.
 * No identity at all (not even the reporter's own name): the code may be seen over a shoulder.
 */
export async function complaintByCode(ctx: AppContext, caller: Caller, code: string) {
  const c = await proveReporter(ctx, caller, code);
  return presentPublic(ctx, c);
}

export async function presentPublic(ctx: AppContext, c: repo.ComplaintRow) {
  const site = await cachedCatalog.getSite(ctx, c.siteId);
  const names = await namesOf(ctx, c);
  const messages = (await repo.messagesOf(ctx.db, c.id)).filter((m) => m.visibility === 'public');
  const attachments = (await repo.attachmentsOf(ctx.db, c.id)).map((a, index) => ({ ...a, index })).filter((a) => a.visibility === 'public');
  const files = await describeFiles(ctx.db, attachments.map((a) => a.fileId));
  return {
    id: c.id,
    trackingCode: c.trackingCode,
    status: c.status as ComplaintStatus,
    classification: c.classification as 'pengaduan',
    title: c.title,
    body: c.body,
    agency: names.shownAgency,
    service: names.service,
    filedAt: c.filedAt.toISOString(),
    verifyBy: c.verifyBy,
    respondBy: c.respondBy,
    autoCloseAfter: c.status === 'responded' ? c.autoCloseAfter : null,
    forwardedTo: c.forwardedTo,
    closedBy: c.status === 'closed' ? (c.closedBy as 'system') : null,
    confidential: c.confidential,
    anonymous: c.anonymous,
    canReopen: reopenTarget({ status: c.status as ComplaintStatus, reopenCount: c.reopenCount, agencyId: c.agencyId }) !== null,
    canConfirm: canTransition(c.status as ComplaintStatus, 'closed', 'reporter'),
    canReply: OPEN.includes(c.status),
    site: { name: site.name, timeZone: site.timeZone },
    replies: messages.map((m) => ({ at: m.at.toISOString(), from: m.author as 'desk', text: m.text })),
    attachments: attachments.flatMap((a) => {
      const f = files.get(a.fileId);
      return f ? [{ id: f.id, filename: shownName('public', c, f, a.index), mediaType: f.mediaType, sizeBytes: f.sizeBytes, from: a.author as 'reporter', at: a.at.toISOString() }] : [];
    }),
  };
}

/** The reporter writes in the conversation (while the complaint is open). */
export async function reporterReply(ctx: AppContext, caller: Caller, code: string, text: string) {
  const c = await proveReporter(ctx, caller, code);
  if (!OPEN.includes(c.status)) throw complaintsError('complaints.conversation_closed');
  await transact(ctx, async (tx, emit) => {
    await addMessage(tx, emit, ctx, caller, c, { author: 'reporter', visibility: 'public', text });
    await enqueue(tx, ctx.clock, { kind: 'complaints.notify', runAt: ctx.clock.now(), payload: { complaintId: c.id, what: 'reporter_reply' } });
  });
  return presentPublic(ctx, (await repo.findById(ctx.db, c.id))!);
}

/** The reporter reopens the complaint (once, with a reason). */
export async function reopenByCode(ctx: AppContext, caller: Caller, code: string, reason: string) {
  const c = await proveReporter(ctx, caller, code);
  const row = await reopenComplaint(ctx, caller, c, reason);
  return presentPublic(ctx, row);
}
