/**
 * Moving an application through its statuses (DESIGN §7). The move is decided by the pure table
 * (src/domain/applications) and made by one conditional update on the version the officer read,
 * so two officers acting at once cannot both succeed; the change, its event (the history) and
 * its audit row commit together.
 */
import { decideTransition, isFinal, isOpen, TRANSITIONS, type ApplicationStatus } from '../../../domain/applications';
import { localDate } from '../../../domain/opening-hours';
import type { Pause } from '../../../domain/working-days';
import { recordAudit } from '../../platform/audit';
import { actorLabel, authorize } from '../../platform/authz';
import type { AppContext, Caller } from '../../platform/context';
import { encryptText } from '../../platform/crypto';
import { fieldError, notFound } from '../../platform/errors';
import { enqueue } from '../../platform/jobs';
import { transact } from '../../platform/tx';
import { cachedCatalog } from '../catalog/catalog.lookup';
import { releaseDocuments } from '../citizens/citizens.lookup';
import { changedMeanwhile, unreachable } from './applications.errors';
import * as repo from './applications.repository';
import { deadlinesOf, dueOnClosing } from './deadline';
import { presentDetail } from './applications.view';

export interface TransitionInput {
  to: ApplicationStatus;
  note?: string;
  missing?: string[];
  collector?: { kind: 'applicant' | 'proxy'; name?: string; powerOfAttorney?: string };
  version?: number;
}

/** The citizen is told of these (the agency of deadlines: applications.jobs). */
const TOLD: ReadonlySet<ApplicationStatus> = new Set(['received', 'incomplete', 'ready', 'rejected']);

function checkCollector(input: TransitionInput) {
  if (input.to !== 'collected') return null;
  const c = input.collector;
  if (!c) throw fieldError('body.collector', 'required', { id: 'Catat siapa yang mengambil: pemohon atau kuasanya.', en: 'Record who collected: the applicant or a proxy.' });
  if (c.kind === 'proxy') {
    if (!c.name) throw fieldError('body.collector.name', 'required', { id: 'Isi nama penerima kuasa.', en: "Give the proxy's name." });
    if (!c.powerOfAttorney) throw fieldError('body.collector.powerOfAttorney', 'required', { id: 'Catat surat kuasanya.', en: 'Record the power of attorney.' });
  }
  return c;
}

/** Staff of the application's agency move it (403 for another agency, 409 when not reachable). */
export async function transitionApplication(ctx: AppContext, caller: Caller, id: string, input: TransitionInput) {
  const a = await repo.findById(ctx.db, id);
  if (!a) throw notFound('Permohonan', 'Application');
  authorize(caller.actor, 'applications.manage', { siteId: a.siteId, agencyId: a.agencyId });
  const missing = (input.missing ?? []).map((m) => m.trim()).filter(Boolean);
  const d = decideTransition(a.status, input.to, 'staff', { note: input.note, missing });
  if (!d.ok) {
    if (d.reason === 'note_required') throw fieldError('body.note', 'required', { id: 'Tuliskan alasannya (akan dibaca pemohon).', en: 'Give the reason (the applicant will read it).' });
    if (d.reason === 'missing_required') throw fieldError('body.missing', 'required', { id: 'Sebutkan apa saja yang kurang.', en: 'List what is missing.' });
    throw unreachable(a.status, input.to);
  }
  if (input.version !== undefined && input.version !== a.version) throw changedMeanwhile(a);
  const collector = checkCollector(input);

  const site = await cachedCatalog.getSite(ctx, a.siteId);
  const now = ctx.clock.now();
  const today = localDate(now, site.timeZone);
  let pauses: Pause[] = a.pauses;
  if (d.rule.clock === 'pause') pauses = [...pauses, { from: today, to: null }];
  // Resumed, or closed while waiting: the open pause ends today.
  if (d.rule.clock === 'resume' || (a.status === 'incomplete' && !isOpen(input.to))) pauses = pauses.map((p) => (p.to === null ? { ...p, to: today } : p));
  const closing = isOpen(a.status) && !isOpen(input.to);
  const dueOn = closing ? await dueOnClosing(ctx, site, { ...a, pauses }, today) : a.dueOn;
  const note = input.note?.trim() || null;

  const moved = await transact(ctx, async (tx, emit) => {
    const row = await repo.moveIfUnchanged(tx, a.id, a.version, {
      status: input.to,
      pauses,
      missing: input.to === 'incomplete' ? missing : [],
      ...(input.to === 'received' ? { receivedOn: today } : {}),
      ...(closing ? { closedOn: today, dueOn, onTime: input.to === 'ready' && dueOn ? today <= dueOn : null } : {}),
      ...(collector ? { collectedBy: collector.kind, collectorEnc: collector.kind === 'proxy' ? encryptText(ctx.keys.encryption, JSON.stringify({ name: collector.name, powerOfAttorney: collector.powerOfAttorney })) : null } : {}),
      updatedAt: now,
    });
    if (!row) return null;
    await emit({
      siteId: a.siteId, type: 'application.status_changed', aggregateType: 'application', aggregateId: a.id, actorId: caller.actor.kind === 'user' ? caller.actor.id : null,
      payload: { applicationId: a.id, agencyId: a.agencyId, serviceId: a.serviceId, from: a.status, to: input.to },
      meta: { by: actorLabel(caller.actor), note, missing: input.to === 'incomplete' ? missing : null, collectedBy: collector?.kind ?? null },
    });
    await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action: 'applications.status_changed', siteId: a.siteId, agencyId: a.agencyId, targetType: 'application', targetId: a.id, details: { from: a.status, to: input.to, registrationNumber: a.registrationNumber } });
    // Ended: the citizen's shared documents it held may be deleted again.
    if (isFinal(input.to) && a.citizenId) await releaseDocuments(tx, { type: 'application', id: a.id });
    if (TOLD.has(input.to)) await enqueue(tx, ctx.clock, { kind: 'applications.notify', runAt: now, payload: { applicationId: a.id, what: input.to } });
    return row;
  });
  if (!moved) {
    // Someone else moved it first: say where it stands now.
    const now2 = await repo.findById(ctx.db, a.id);
    throw now2 && !TRANSITIONS[now2.status][input.to] ? unreachable(now2.status, input.to) : changedMeanwhile(now2 ?? a);
  }
  const { of } = await deadlinesOf(ctx, site, [moved]);
  return presentDetail(ctx, moved, of(moved), await repo.historyOf(ctx.db, [moved.id]));
}
