/**
 * A signed-in citizen's side of applications (issue #13): filing online (`submitted` until the
 * counter receives the file), their own list, and withdrawing one that is still open. Identity
 * comes from the citizen's account (citizens.lookup); the agency's staff see the application on
 * their board like any other.
 */
import { uuidv7 } from 'uuidv7';
import { decideTransition, isOpen, nextStatuses, TRANSITIONS } from '../../../domain/applications';
import { nikMessages, validateNik } from '../../../domain/nik';
import { localDate } from '../../../domain/opening-hours';
import type { AppContext } from '../../platform/context';
import { encryptText, randomCode } from '../../platform/crypto';
import { isUniqueViolation } from '../../platform/db';
import { fieldError, notFound } from '../../platform/errors';
import { transact } from '../../platform/tx';
import { cachedCatalog } from '../catalog/catalog.lookup';
import { citizenIdentity, recordHistory, releaseDocuments, type CitizenCaller } from '../citizens/citizens.lookup';
import { changedMeanwhile, unreachable, applicationsError } from './applications.errors';
import * as repo from './applications.repository';
import { presentDetail, trackingPath } from './applications.view';
import { deadlinesOf } from './deadline';
import { checklistOf, nextNumber, nikHashOf, serviceOfSite, TRACKING_CODE_LENGTH, workingDaysOf } from './register.service';

export interface OnlineInput {
  serviceId: string;
  shareCode?: string;
  note?: string;
}

const by = (citizen: CitizenCaller) => `warga:${citizen.citizenId.slice(0, 8)}`;

/** POST /sites/{siteId}/applications by a signed-in citizen: `submitted`, numbered, no clock yet. */
export async function fileOnline(ctx: AppContext, citizen: CitizenCaller, siteId: string, input: OnlineInput) {
  const site = await cachedCatalog.getSite(ctx, siteId);
  const found = await serviceOfSite(ctx, siteId, input.serviceId);
  if (!found.service.active || !found.agency.active) {
    throw applicationsError('applications.service_inactive', { errors: [{ field: 'body.serviceId', code: 'inactive', messages: { id: 'Layanan tidak aktif.', en: 'Service inactive.' } }] });
  }
  const who = await citizenIdentity(ctx, ctx.db, citizen.citizenId);
  if (!who) throw notFound('Akun warga', "Citizen's account");
  // The file is the applicant's: an application without a NIK and a name cannot be received.
  if (!who.nik) throw fieldError('body.applicant.nik', 'required', { id: 'Lengkapi NIK di profil akun Anda terlebih dahulu.', en: 'Add your NIK to your profile first.' });
  const now = ctx.clock.now();
  const v = validateNik(who.nik, now);
  if (!v.ok) throw fieldError('body.applicant.nik', `nik.${v.reason}`, nikMessages[v.reason]);
  if (!who.name || who.name.trim().length < 2) throw fieldError('body.applicant.name', 'required', { id: 'Lengkapi nama di profil akun Anda terlebih dahulu.', en: 'Add your name to your profile first.' });
  const today = localDate(now, site.timeZone);
  // Nothing is received yet: the officer ticks the checklist when the file comes to the counter.
  const checklist = (await checklistOf(ctx, found, [])).map((c) => ({ ...c, received: false }));
  const enc = (s: string | null) => (s ? encryptText(ctx.keys.encryption, s) : null);
  const email = who.contact.includes('@') ? who.contact : null;
  const phone = email ? null : who.contact;
  const note = input.note?.trim() || null;

  for (let attempt = 0; ; attempt++) {
    try {
      const created = await transact(ctx, async (tx, emit) => {
        const { year, seq, number } = await nextNumber(tx, ctx, found.agency, found.service.code, today);
        const id = uuidv7();
        const code = randomCode(TRACKING_CODE_LENGTH);
        await emit({ siteId, type: 'application.registered', aggregateType: 'application', aggregateId: id, actorId: null, payload: { applicationId: id, agencyId: found.agency.id, serviceId: found.service.id, status: 'submitted' }, meta: { by: by(citizen), channel: 'online', ticketId: null, note } });
        const row = await repo.insertApplication(tx, {
          id, siteId, agencyId: found.agency.id, serviceId: found.service.id, ticketId: null, channel: 'online', citizenId: citizen.citizenId,
          year, seq, registrationNumber: number, trackingCode: code, status: 'submitted',
          nikHash: nikHashOf(ctx, v.nik), nikEnc: enc(v.nik), nameEnc: enc(who.name!.trim()), phoneEnc: enc(phone), emailEnc: enc(email),
          checklist, missing: [], workingDays: workingDaysOf(found.service), receivedOn: null, pauses: [],
          createdAt: now, updatedAt: now,
        });
        await recordHistory(tx, citizen.citizenId, { kind: 'application', refId: id, siteId, serviceId: found.service.id, code, at: now, now });
        return row;
      });
      const { of } = await deadlinesOf(ctx, site, [created]);
      return presentDetail(ctx, created, of(created), await repo.historyOf(ctx.db, [created.id]), 'applicant');
    } catch (err) {
      if (isUniqueViolation(err, 'applications_tracking_code_uq') && attempt < 3) continue;
      throw err;
    }
  }
}

/** GET /me/applications: the citizen's own, newest first, with where each stands today. */
export async function myApplications(ctx: AppContext, citizen: CitizenCaller) {
  const list = await repo.ofCitizen(ctx.db, citizen.citizenId, 100);
  const out = [];
  const bySite = new Map<string, typeof list>();
  for (const a of list) bySite.set(a.siteId, [...(bySite.get(a.siteId) ?? []), a]);
  const deadline = new Map<string, Awaited<ReturnType<typeof deadlinesOf<repo.ApplicationRow>>>>();
  for (const [siteId, of] of bySite) deadline.set(siteId, await deadlinesOf(ctx, await cachedCatalog.getSite(ctx, siteId), of));
  for (const a of list) {
    const [site, found] = await Promise.all([cachedCatalog.getSite(ctx, a.siteId), cachedCatalog.getService(ctx, a.serviceId)]);
    out.push({
      id: a.id,
      registrationNumber: a.registrationNumber,
      trackingCode: a.trackingCode,
      trackingPath: trackingPath(a.trackingCode),
      channel: a.channel as 'counter' | 'online',
      service: { id: found.service.id, name: found.service.name },
      agency: { id: found.agency.id, name: found.agency.name },
      site: { id: site.id, name: site.name, timeZone: site.timeZone },
      status: a.status,
      ...deadline.get(a.siteId)!.of(a),
      receivedOn: a.receivedOn,
      missing: a.status === 'incomplete' ? a.missing : [],
      mayWithdraw: nextStatuses(a.status, 'applicant').includes('withdrawn'),
      createdAt: a.createdAt.toISOString(),
      updatedAt: a.updatedAt.toISOString(),
    });
  }
  return out;
}

/**
 * POST /me/applications/{id}/withdraw: the applicant ends their own open application. Another
 * citizen's is a 404 (its existence is not told); a closed one a 409 naming its status.
 */
export async function withdrawOwn(ctx: AppContext, citizen: CitizenCaller, id: string, input: { note?: string }) {
  const a = await repo.findById(ctx.db, id);
  if (!a || a.citizenId !== citizen.citizenId) throw notFound('Permohonan', 'Application');
  const d = decideTransition(a.status, 'withdrawn', 'applicant');
  if (!d.ok) throw unreachable(a.status, 'withdrawn');
  const site = await cachedCatalog.getSite(ctx, a.siteId);
  const now = ctx.clock.now();
  const today = localDate(now, site.timeZone);
  const note = input.note?.trim() || null;
  const moved = await transact(ctx, async (tx, emit) => {
    const row = await repo.moveIfUnchanged(tx, a.id, a.version, {
      status: 'withdrawn',
      missing: [],
      pauses: a.pauses.map((p) => (p.to === null ? { ...p, to: today } : p)),
      ...(isOpen(a.status) ? { closedOn: today, onTime: null } : {}),
      updatedAt: now,
    });
    if (!row) return null;
    await releaseDocuments(tx, { type: 'application', id: a.id });
    await emit({
      siteId: a.siteId, type: 'application.status_changed', aggregateType: 'application', aggregateId: a.id, actorId: null,
      payload: { applicationId: a.id, agencyId: a.agencyId, serviceId: a.serviceId, from: a.status, to: 'withdrawn' },
      meta: { by: by(citizen), note, missing: null, collectedBy: null },
    });
    return row;
  });
  if (!moved) {
    const now2 = await repo.findById(ctx.db, a.id);
    throw now2 && !TRANSITIONS[now2.status].withdrawn ? unreachable(now2.status, 'withdrawn') : changedMeanwhile(now2 ?? a);
  }
  const { of } = await deadlinesOf(ctx, site, [moved]);
  return presentDetail(ctx, moved, of(moved), await repo.historyOf(ctx.db, [moved.id]), 'applicant');
}
