import { isLateFiling, overdueOf, targetsFor, workingDaysLeft, type ComplaintStatus } from '../../../domain/complaints';
import { recordAudit } from '../../platform/audit';
import { agencyScope, authorize } from '../../platform/authz';
import type { AppContext, Caller } from '../../platform/context';
import { decryptText } from '../../platform/crypto';
import { eventsOf } from '../../platform/events';
import { fieldError, forbidden } from '../../platform/errors';
import { enqueue } from '../../platform/jobs';
import { transact } from '../../platform/tx';
import { cachedCatalog } from '../catalog/catalog.lookup';
import { staffLookup } from '../access/access.lookup';
import { describeFiles } from '../files/files.lookup';
import { shownName } from './attachments.service';
import { requireView, viewOf, visibleTo, type ComplaintView } from './complaints.access';
import { siteToday } from './complaints.calendar';
import { complaintsError } from './complaints.errors';
import { complaintsPolicyOf, deadlinesOf } from './complaints.policy';
import * as repo from './complaints.repository';
import { namesOf } from './track.service';
import { referenceOf } from './reference';
import { addMessage, findComplaint } from './workflow.service';

const dec = (ctx: AppContext, s: string | null) => (s ? decryptText(ctx.keys.encryption, s) : null);

/** The reporter as this view may see them (null: anonymous, or hidden by confidentiality). */
export function reporterFor(ctx: AppContext, view: ComplaintView, c: repo.ComplaintRow) {
  if (!view.identity || c.anonymous) return null;
  return { name: dec(ctx, c.reporterNameEnc), phone: dec(ctx, c.reporterPhoneEnc), email: dec(ctx, c.reporterEmailEnc) };
}

async function itemOf(ctx: AppContext, view: ComplaintView, c: repo.ComplaintRow, today: string, holidays: Set<string>) {
  const names = await namesOf(ctx, c);
  const overdue = overdueOf({ status: c.status as ComplaintStatus, verifyBy: c.verifyBy, respondBy: c.respondBy }, today);
  const due = c.status === 'submitted' ? c.verifyBy : c.status === 'verified' ? c.respondBy : null;
  return {
    id: c.id,
    reference: referenceOf(c),
    trackingCode: view.role === 'desk' ? c.trackingCode : null,
    status: c.status as ComplaintStatus,
    classification: c.classification as 'pengaduan',
    category: c.category,
    title: c.title,
    agency: names.agency,
    requestedAgency: names.requestedAgency,
    service: names.service,
    channel: c.channel as 'web',
    filedAt: c.filedAt.toISOString(),
    verifyBy: c.verifyBy,
    respondBy: c.respondBy,
    workingDaysLeft: due ? workingDaysLeft(today, due, holidays) : null,
    overdue,
    escalated: (overdue === 'verify' && !!c.verifyEscalatedAt) || (overdue === 'respond' && !!c.respondEscalatedAt),
    confidential: c.confidential,
    anonymous: c.anonymous,
    reporter: reporterFor(ctx, view, c),
    laporTicket: c.laporTicket,
  };
}

/**
 * The complaints board (DESIGN §7): the desk sees the whole site, an agency its assigned
 * complaints, an auditor the whole site without identities. Showing identities is a read of
 * personal data: audited (how many, never who).
 */
export async function listComplaints(ctx: AppContext, caller: Caller, siteId: string, q: { status?: string; overdue?: '0' | '1'; agencyId?: string; q?: string; page: number; pageSize: number }) {
  const site = await cachedCatalog.getSite(ctx, siteId);
  if (caller.actor.kind === 'anonymous') authorize(caller.actor, 'complaints.read', { siteId });
  const scope = agencyScope(caller.actor, 'complaints.read', siteId);
  if (!scope) throw forbidden();
  const { today, holidays } = await siteToday(ctx, site);
  const page = await repo.list(ctx.db, { siteId, agencyIds: scope.all ? null : scope.agencyIds, status: q.status, agencyId: q.agencyId, overdueOn: q.overdue === '1' ? today : undefined, q: q.q, withCode: scope.all && agencyScope(caller.actor, 'complaints.desk', siteId) !== null, page: q.page, pageSize: q.pageSize });
  const items = [];
  let identities = 0;
  for (const c of page.items) {
    const view = viewOf(caller.actor, c);
    if (!view) continue;
    const item = await itemOf(ctx, view, c, today, holidays);
    if (item.reporter) identities++;
    items.push(item);
  }
  if (identities) await recordAudit(ctx.db, ctx.clock, caller.actor, caller.ip, { action: 'complaints.list_read', siteId, targetType: 'complaint_list', targetId: siteId, details: { identities, page: q.page } });
  return { items, total: page.total, page: q.page, pageSize: q.pageSize };
}

/** One complaint with its conversation, attachments and history, as the caller's view allows. */
export async function complaintDetail(ctx: AppContext, caller: Caller, id: string) {
  const c = await findComplaint(ctx, id);
  const view = requireView(caller.actor, c);
  const site = await cachedCatalog.getSite(ctx, c.siteId);
  const { today, holidays } = await siteToday(ctx, site);
  const item = await itemOf(ctx, view, c, today, holidays);
  const messages = (await repo.messagesOf(ctx.db, c.id)).filter((m) => visibleTo(view, m.visibility));
  // Indexed over every attachment, so a neutral name ("lampiran-2") is the same in every view.
  const attachments = (await repo.attachmentsOf(ctx.db, c.id)).map((a, index) => ({ ...a, index })).filter((a) => visibleTo(view, a.visibility));
  const files = await describeFiles(ctx.db, attachments.map((a) => a.fileId));
  const ids = [...new Set(messages.flatMap((m) => (m.authorUserId ? [m.authorUserId] : [])))];
  const staff = new Map((await staffLookup(ctx, ids)).map((u) => [u.id, u.displayName]));
  const history = await eventsOf(ctx.db, 'complaint', [c.id]);
  if (item.reporter || (view.linked && c.linkedCode)) {
    await recordAudit(ctx.db, ctx.clock, caller.actor, caller.ip, { action: 'complaints.identity_read', siteId: c.siteId, agencyId: c.agencyId, targetType: 'complaint', targetId: c.id, details: { reporter: !!item.reporter, linked: view.linked && !!c.linkedCode } });
  }
  const role = view.role === 'auditor' ? null : view.role;
  return {
    ...item,
    body: c.body,
    serviceDate: c.serviceOn,
    lateFiling: isLateFiling(c.serviceOn, c.filedOn, deadlinesOf(complaintsPolicyOf(site.settings))),
    linked: view.linked && c.linkedKind && c.linkedCode ? { kind: c.linkedKind, code: c.linkedCode, number: c.linkedNumber } : null,
    forwardedTo: c.forwardedTo,
    autoCloseAfter: c.autoCloseAfter,
    closedBy: c.closedBy,
    reopenCount: c.reopenCount,
    role: view.role,
    actions: role ? targetsFor(c.status as ComplaintStatus, role) : [],
    messages: messages.map((m) => ({ id: m.id, at: m.at.toISOString(), from: m.author as 'desk', visibility: m.visibility as 'public', text: m.text, by: m.authorUserId ? (staff.get(m.authorUserId) ?? null) : null })),
    attachments: attachments.flatMap((a) => {
      const f = files.get(a.fileId);
      return f ? [{ id: f.id, filename: shownName(view, c, f, a.index), mediaType: f.mediaType, sizeBytes: f.sizeBytes, from: a.author as 'desk', visibility: a.visibility as 'public', at: a.at.toISOString() }] : [];
    }),
    history: history.map((e) => ({ at: e.createdAt.toISOString(), type: e.type, status: (e.payload as { status?: ComplaintStatus }).status ?? null, by: String((e.meta as { by?: string }).by ?? '') })),
  };
}

/** A staff reply (public), note (staff) or desk-only note. */
export async function staffMessage(ctx: AppContext, caller: Caller, id: string, input: { text: string; visibility: 'public' | 'staff' | 'desk' }) {
  const c = await findComplaint(ctx, id);
  const view = requireView(caller.actor, c);
  if (view.role === 'auditor') throw forbidden();
  if (input.visibility === 'desk' && view.role !== 'desk') throw fieldError('body.visibility', 'desk_only', { id: 'Catatan khusus meja pengaduan hanya untuk meja pengaduan.', en: 'Desk-only notes are for the complaint desk.' });
  if (input.visibility === 'public' && !['submitted', 'verified', 'responded'].includes(c.status)) throw complaintsError('complaints.conversation_closed');
  await transact(ctx, async (tx, emit) => {
    const messageId = await addMessage(tx, emit, ctx, caller, c, { author: view.role as 'desk', visibility: input.visibility, text: input.text });
    await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action: 'complaints.message_added', siteId: c.siteId, agencyId: c.agencyId, targetType: 'complaint', targetId: c.id, details: { messageId, visibility: input.visibility } });
    if (input.visibility === 'public') await enqueue(tx, ctx.clock, { kind: 'complaints.notify', runAt: ctx.clock.now(), payload: { complaintId: c.id, what: 'reply' } });
  });
  return complaintDetail(ctx, caller, id);
}

/** The desk records the SP4N-LAPOR! ticket number of a complaint also filed there. */
export async function setLaporTicket(ctx: AppContext, caller: Caller, id: string, ticketNumber: string | null) {
  const c = await findComplaint(ctx, id);
  authorize(caller.actor, 'complaints.desk', { siteId: c.siteId });
  await transact(ctx, async (tx, emit) => {
    await emit({ siteId: c.siteId, type: 'complaint.lapor_linked', aggregateType: 'complaint', aggregateId: c.id, payload: { complaintId: c.id, status: c.status as ComplaintStatus }, meta: { by: caller.actor.kind === 'user' ? caller.actor.username : 'staff' } });
    await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action: 'complaints.lapor_ticket_set', siteId: c.siteId, agencyId: c.agencyId, targetType: 'complaint', targetId: c.id, details: { ticketNumber } });
    await repo.setLaporTicket(tx, c.id, ticketNumber, ctx.clock.now());
  });
  return complaintDetail(ctx, caller, id);
}
