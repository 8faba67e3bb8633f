import type { z } from 'zod';
import { uuidv7 } from 'uuidv7';
import type { transitionBody } from '../../../contracts/complaints';
import {
  autoCloseAfterOf,
  canTransition,
  COMPLAINT_STATUSES,
  reopenTarget,
  respondByOf,
  verifyByOf,
  type ComplaintRole,
  type ComplaintStatus,
  type ComplaintTarget,
} from '../../../domain/complaints';
import { recordAudit } from '../../platform/audit';
import { actorLabel, authorize } from '../../platform/authz';
import type { AppContext, Caller } from '../../platform/context';
import { fieldError, forbidden, notFound, nullIfNotFound } from '../../platform/errors';
import { enqueue } from '../../platform/jobs';
import type { Tx } from '../../platform/db';
import type { Emit } from '../../platform/tx';
import { transact } from '../../platform/tx';
import { cachedCatalog } from '../catalog/catalog.lookup';
import { viewOf } from './complaints.access';
import { siteToday } from './complaints.calendar';
import { complaintsError, invalidState } from './complaints.errors';
import { complaintsPolicyOf, deadlinesOf } from './complaints.policy';
import * as repo from './complaints.repository';
import { proveReporter } from './reporter-proof';

export type TransitionInput = z.output<typeof transitionBody>;

/** The audit action of each staff step. */
const AUDIT_ACTIONS: Record<ComplaintTarget, string> = {
  verified: 'complaints.verified',
  not_authority: 'complaints.forwarded_outside',
  responded: 'complaints.responded',
  closed: 'complaints.closed',
};

/** Whether `role` may ever reach `to` (else the refusal is a 403, not a 409 about the status). */
const everAllowed = (to: ComplaintTarget, role: ComplaintRole) => COMPLAINT_STATUSES.some((s) => canTransition(s as ComplaintStatus, to, role));

export async function findComplaint(ctx: AppContext, id: string): Promise<repo.ComplaintRow> {
  const c = await repo.findById(ctx.db, id);
  if (!c) throw notFound('Pengaduan', 'Complaint');
  return c;
}

/** Who the caller is for this complaint: the desk, the assigned agency, or the reporter (tracking code). */
async function roleOf(ctx: AppContext, caller: Caller, c: repo.ComplaintRow, trackingCode: string | null | undefined): Promise<ComplaintRole> {
  const view = viewOf(caller.actor, c);
  if (view?.role === 'desk' || view?.role === 'agency') return view.role;
  if (trackingCode) {
    await proveReporter(ctx, caller, trackingCode, c.id);
    return 'reporter';
  }
  if (caller.actor.kind === 'anonymous') throw fieldError('body.trackingCode', 'required', { id: 'Pelapor menyertakan kode pelacakan.', en: 'The reporter sends the tracking code.' });
  throw forbidden();
}

const byOf = (caller: Caller, role: ComplaintRole) => (role === 'reporter' ? 'reporter' : actorLabel(caller.actor));

/**
 * One step of the workflow (DESIGN §7): the desk verifies and assigns the agency, or forwards the
 * complaint outside (not_authority); the agency responds; the reporter, the desk or the system
 * closes. Each is one conditional update: of two desk officers verifying at once, one wins and
 * the other gets 409.
 */
export async function transitionComplaint(ctx: AppContext, caller: Caller, id: string, input: TransitionInput) {
  const c = await findComplaint(ctx, id);
  const role = await roleOf(ctx, caller, c, input.trackingCode);
  const to = input.to;
  if (!everAllowed(to, role)) throw forbidden();
  if (!canTransition(c.status as ComplaintStatus, to, role)) throw invalidState(c.status, to);

  const site = await cachedCatalog.getSite(ctx, c.siteId);
  const deadlines = deadlinesOf(complaintsPolicyOf(site.settings));
  const { today, holidays } = await siteToday(ctx, site);
  const now = ctx.clock.now();
  const text = input.text ?? null;
  let set: Partial<repo.ComplaintRow>;
  let agencyId = c.agencyId;
  switch (to) {
    case 'verified': {
      if (!input.agencyId) throw fieldError('body.agencyId', 'required', { id: 'Pilih instansi yang menindaklanjuti.', en: 'Choose the agency that follows up.' });
      const agency = await cachedCatalog.getAgency(ctx, input.agencyId).catch(nullIfNotFound);
      if (!agency || agency.siteId !== c.siteId) throw fieldError('body.agencyId', 'unknown', { id: 'Instansi tidak dikenal di MPP ini.', en: 'Unknown agency at this site.' });
      agencyId = agency.id;
      set = { status: 'verified', agencyId, verifiedAt: now, verifiedOn: today, respondBy: respondByOf(today, holidays, deadlines), ...(input.category ? { category: input.category } : {}) };
      break;
    }
    case 'not_authority':
      if (!input.forwardedTo) throw fieldError('body.forwardedTo', 'required', { id: 'Tuliskan ke mana pengaduan diteruskan.', en: 'Say where the complaint was forwarded.' });
      set = { status: 'not_authority', forwardedTo: input.forwardedTo, closedAt: now, closedBy: 'desk' };
      break;
    case 'responded': {
      if (!text) throw fieldError('body.text', 'required', { id: 'Tuliskan tanggapan untuk pelapor.', en: 'Write the response to the reporter.' });
      const onTime = c.respondedOnTime ?? (c.respondBy !== null && today <= c.respondBy);
      set = { status: 'responded', respondedAt: c.respondedAt ?? now, respondedOn: c.respondedOn ?? today, respondedOnTime: onTime, autoCloseAfter: autoCloseAfterOf(today, holidays, deadlines) };
      break;
    }
    case 'closed':
      set = { status: 'closed', closedAt: now, closedBy: role };
      break;
  }

  const moved = await transact(ctx, async (tx, emit) => {
    const row = await repo.transition(tx, c.id, [c.status], { ...set, updatedAt: now });
    if (!row || (role === 'agency' && row.agencyId !== c.agencyId)) {
      const current = await repo.findById(tx, c.id);
      throw invalidState(current?.status ?? c.status, to);
    }
    const payload = { complaintId: c.id, status: row.status as ComplaintStatus };
    const by = byOf(caller, role);
    const actorId = caller.actor.kind === 'user' && role !== 'reporter' ? caller.actor.id : null;
    if (to === 'verified') await emit({ siteId: c.siteId, type: 'complaint.verified', aggregateType: 'complaint', aggregateId: c.id, actorId, payload, meta: { by, agencyId: agencyId!, respondBy: row.respondBy! } });
    else if (to === 'not_authority') await emit({ siteId: c.siteId, type: 'complaint.not_authority', aggregateType: 'complaint', aggregateId: c.id, actorId, payload, meta: { by, from: c.status as ComplaintStatus } });
    else if (to === 'responded') await emit({ siteId: c.siteId, type: 'complaint.responded', aggregateType: 'complaint', aggregateId: c.id, actorId, payload, meta: { by, agencyId: row.agencyId!, onTime: !!row.respondedOnTime } });
    else await emit({ siteId: c.siteId, type: 'complaint.closed', aggregateType: 'complaint', aggregateId: c.id, actorId, payload, meta: { by, from: c.status as ComplaintStatus, closedBy: role } });
    if (text) await addMessage(tx, emit, ctx, caller, row, { author: role, visibility: 'public', text });
    if (role !== 'reporter') {
      // No identity and no ticket number in the audit log (agency admins read it).
      await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action: AUDIT_ACTIONS[to], siteId: c.siteId, agencyId: row.agencyId, targetType: 'complaint', targetId: c.id, details: { from: c.status, to, ...(to === 'verified' ? { agencyId } : {}) } });
    }
    const notify: Array<{ kind: string; runAt: Date; payload: Record<string, unknown> }> = [{ kind: 'complaints.notify', runAt: now, payload: { complaintId: c.id, what: to } }];
    if (to === 'verified') notify.push({ kind: 'complaints.notify', runAt: now, payload: { complaintId: c.id, what: 'assigned' } });
    await enqueue(tx, ctx.clock, notify);
    return row;
  });
  return { id: moved.id, status: moved.status, agencyId: moved.agencyId, verifyBy: moved.verifyBy, respondBy: moved.respondBy, autoCloseAfter: moved.autoCloseAfter };
}

/**
 * The desk hands a verified complaint to another agency (the first said it is not theirs). The
 * verification keeps its date (the figures), the new agency gets its full response time. Only
 * while still verified and still with the agency the desk saw.
 */
export async function assignComplaint(ctx: AppContext, caller: Caller, id: string, agencyId: string) {
  const c = await findComplaint(ctx, id);
  authorize(caller.actor, 'complaints.desk', { siteId: c.siteId });
  if (c.status !== 'verified') throw invalidState(c.status, 'verified');
  const agency = await cachedCatalog.getAgency(ctx, agencyId).catch(nullIfNotFound);
  if (!agency || agency.siteId !== c.siteId) throw fieldError('body.agencyId', 'unknown', { id: 'Instansi tidak dikenal di MPP ini.', en: 'Unknown agency at this site.' });
  if (agency.id === c.agencyId) throw fieldError('body.agencyId', 'same_agency', { id: 'Pengaduan sudah ditangani instansi ini.', en: 'The complaint is already with this agency.' });
  const site = await cachedCatalog.getSite(ctx, c.siteId);
  const { today, holidays } = await siteToday(ctx, site);
  const now = ctx.clock.now();
  const respondBy = respondByOf(today, holidays, deadlinesOf(complaintsPolicyOf(site.settings)));
  const row = await transact(ctx, async (tx, emit) => {
    const moved = await repo.reassign(tx, c.id, c.agencyId, { agencyId: agency.id, respondBy, respondEscalatedAt: null, updatedAt: now });
    if (!moved) throw invalidState((await repo.findById(tx, c.id))?.status ?? c.status, 'verified');
    await emit({ siteId: c.siteId, type: 'complaint.assigned', aggregateType: 'complaint', aggregateId: c.id, actorId: caller.actor.kind === 'user' ? caller.actor.id : null, payload: { complaintId: c.id, status: 'verified' }, meta: { by: actorLabel(caller.actor), agencyId: agency.id, previousAgencyId: c.agencyId, respondBy } });
    await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action: 'complaints.reassigned', siteId: c.siteId, agencyId: agency.id, targetType: 'complaint', targetId: c.id, details: { previousAgencyId: c.agencyId, agencyId: agency.id } });
    await enqueue(tx, ctx.clock, { kind: 'complaints.notify', runAt: now, payload: { complaintId: c.id, what: 'assigned' } });
    return moved;
  });
  return { id: row.id, status: row.status, agencyId: row.agencyId, verifyBy: row.verifyBy, respondBy: row.respondBy, autoCloseAfter: row.autoCloseAfter };
}

/**
 * Adds a message in the caller's transaction. A public reply of the desk or the agency is the
 * first reply (PEKPPP's 24 hours) if none came before.
 */
export async function addMessage(
  tx: Tx,
  emit: Emit,
  ctx: AppContext,
  caller: Caller,
  c: repo.ComplaintRow,
  m: { author: ComplaintRole; visibility: 'public' | 'staff' | 'desk'; text: string },
): Promise<string> {
  const id = uuidv7();
  const now = ctx.clock.now();
  await repo.insertMessage(tx, { id, complaintId: c.id, at: now, author: m.author, authorUserId: caller.actor.kind === 'user' && m.author !== 'reporter' ? caller.actor.id : null, visibility: m.visibility, text: m.text });
  if (m.visibility === 'public' && (m.author === 'desk' || m.author === 'agency')) await repo.markFirstReply(tx, c.id, now);
  await emit({
    siteId: c.siteId, type: 'complaint.message_added', aggregateType: 'complaint', aggregateId: c.id,
    payload: { complaintId: c.id, status: c.status as ComplaintStatus },
    meta: { by: byOf(caller, m.author), messageId: id, author: m.author, visibility: m.visibility },
  });
  return id;
}

/**
 * The reporter reopens a complaint, once, with a reason: back to the agency with a fresh
 * response deadline (or to the desk when no agency was assigned).
 */
export async function reopenComplaint(ctx: AppContext, caller: Caller, c: repo.ComplaintRow, reason: string) {
  const to = reopenTarget({ status: c.status as ComplaintStatus, reopenCount: c.reopenCount, agencyId: c.agencyId });
  if (!to) throw complaintsError('complaints.reopen_refused');
  const site = await cachedCatalog.getSite(ctx, c.siteId);
  const deadlines = deadlinesOf(complaintsPolicyOf(site.settings));
  const { today, holidays } = await siteToday(ctx, site);
  const now = ctx.clock.now();
  const deadline = to === 'verified' ? { respondBy: respondByOf(today, holidays, deadlines), respondEscalatedAt: null } : { verifyBy: verifyByOf(today, holidays, deadlines), verifyEscalatedAt: null };
  return transact(ctx, async (tx, emit) => {
    const row = await repo.transition(tx, c.id, [c.status], { status: to, reopenCount: c.reopenCount + 1, reopenedAt: now, closedAt: null, closedBy: null, autoCloseAfter: null, updatedAt: now, ...deadline });
    if (!row) throw complaintsError('complaints.reopen_refused');
    await emit({ siteId: c.siteId, type: 'complaint.reopened', aggregateType: 'complaint', aggregateId: c.id, payload: { complaintId: c.id, status: to }, meta: { by: 'reporter' } });
    await addMessage(tx, emit, ctx, caller, row, { author: 'reporter', visibility: 'public', text: reason });
    await enqueue(tx, ctx.clock, { kind: 'complaints.notify', runAt: now, payload: { complaintId: c.id, what: 'reopened' } });
    return row;
  });
}
