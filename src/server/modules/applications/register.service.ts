/**
 * Registering an application at the counter ("Daftarkan permohonan"), from the ticket being
 * served: the applicant's identity, the requirements checklist of the service standard, and a
 * registration number per agency and year, unique under any concurrency (an atomic sequence per
 * agency and year, and unique constraints behind it).
 */
import { uuidv7 } from 'uuidv7';
import { DEFAULT_NUMBER_FORMAT, formatRegistrationNumber } from '../../../domain/applications';
import { nikMessages, normalizeNik, validateNik } from '../../../domain/nik';
import { localDate } from '../../../domain/opening-hours';
import { recordAudit } from '../../platform/audit';
import { actorLabel, authorize } from '../../platform/authz';
import type { AppContext, Caller } from '../../platform/context';
import { encryptText, hmac, randomCode } from '../../platform/crypto';
import { isUniqueViolation, rows, type Conn, type Tx } from '../../platform/db';
import { AppError, fieldError } from '../../platform/errors';
import { enqueue } from '../../platform/jobs';
import { transact } from '../../platform/tx';
import { sql } from 'drizzle-orm';
import { cachedCatalog, documentTypesByKeys } from '../catalog/catalog.lookup';
import { holdDocuments, recordHistory, shareForApplication } from '../citizens/citizens.lookup';
import { ticketForApplication } from '../queue/queue.lookup';
import { applicationsError } from './applications.errors';
import * as repo from './applications.repository';
import type { ChecklistItem } from './applications.schema';
import { deadlinesOf } from './deadline';
import { presentDetail, type ServiceInfo } from './applications.view';

export interface RegisterInput {
  serviceId: string;
  applicant?: { nik: string; name: string; phone?: string | null; email?: string | null };
  ticketId?: string;
  shareCode?: string;
  received?: string[];
  missing?: string[];
  note?: string;
}

/** Tracking codes: 10 characters of the unambiguous alphabet (≈ 50 bits), like the queue's. */
export const TRACKING_CODE_LENGTH = 10;

export const nikHashOf = (ctx: AppContext, nik: string) => hmac(ctx.keys.blindIndex, `nik:${nik}`);

/**
 * A service of this site, or a 400 naming the field: an unknown service id is bad input of the
 * request body (the "unknown services → 400"), not a missing resource of the path.
 */
export async function serviceOfSite(ctx: AppContext, siteId: string, serviceId: string, field = 'body.serviceId'): Promise<ServiceInfo> {
  let found: ServiceInfo;
  try {
    found = await cachedCatalog.getService(ctx, serviceId);
  } catch (err) {
    if (err instanceof AppError && err.status === 404) throw fieldError(field, 'not_found', { id: 'Layanan tidak ditemukan.', en: 'Service not found.' });
    throw err;
  }
  if (found.service.siteId !== siteId) throw fieldError(field, 'other_site', { id: 'Layanan bukan milik MPP ini.', en: 'The service belongs to another site.' });
  return found;
}

/**
 * The standard's time as the deadline counts it: working days as given, a standard in minutes
 * or hours is a same-day target (0), calendar days give no working-day deadline (null, DESIGN §7).
 */
export function workingDaysOf(s: ServiceInfo['service']): number | null {
  if (s.durationUnit === 'working_days') return Math.max(0, s.durationValue);
  if (s.durationUnit === 'minutes' || s.durationUnit === 'hours') return 0;
  return null;
}

/** The requirements checklist: each requirement of the standard, received or not. */
export async function checklistOf(ctx: AppContext, found: ServiceInfo, received: string[] | undefined): Promise<ChecklistItem[]> {
  const reqs = found.service.requirements;
  const keys = new Set(reqs.map((r) => r.documentTypeKey));
  received?.forEach((k, i) => {
    if (!keys.has(k)) throw fieldError(`body.received.${i}`, 'not_a_requirement', { id: 'Bukan persyaratan layanan ini.', en: 'Not a requirement of this service.' });
  });
  const names = new Map((await documentTypesByKeys(ctx, [...keys])).map((d) => [d.key, d.name]));
  const ticked = received ? new Set(received) : keys;
  return reqs.map((r) => ({ documentTypeKey: r.documentTypeKey, name: names.get(r.documentTypeKey) ?? r.documentTypeKey, ...(r.note ? { note: r.note } : {}), received: ticked.has(r.documentTypeKey) }));
}

const missingOf = (checklist: ChecklistItem[], extra: string[] = []) => [...checklist.filter((c) => !c.received).map((c) => (c.note ? `${c.name} (${c.note})` : c.name)), ...extra.map((m) => m.trim()).filter(Boolean)];

function checkApplicant(a: RegisterInput['applicant'], now: Date): NonNullable<RegisterInput['applicant']> {
  if (!a) throw fieldError('body.applicant', 'required', { id: 'Isi NIK dan nama pemohon.', en: "Give the applicant's NIK and name." });
  const v = validateNik(a.nik, now);
  if (!v.ok) throw fieldError('body.applicant.nik', `nik.${v.reason}`, nikMessages[v.reason]);
  return { ...a, nik: normalizeNik(a.nik), name: a.name.trim() };
}

/** The ticket being served, if one is named: of this site, this agency and served today. */
async function ticketOf(ctx: AppContext, ticketId: string | undefined, siteId: string, agencyId: string, today: string) {
  if (!ticketId) return null;
  const t = await ticketForApplication(ctx, ticketId);
  const field = 'body.ticketId';
  if (!t || t.siteId !== siteId) {
    throw fieldError(field, 'not_found', { id: 'Tiket tidak ditemukan di MPP ini.', en: 'No ticket of this site has this id.' });
  }
  if (t.agencyId !== agencyId) throw fieldError(field, 'other_agency', { id: 'Tiket ini untuk instansi lain.', en: 'This ticket is for another agency.' });
  if (t.localDate !== today || !['called', 'serving', 'done'].includes(t.status)) {
    throw fieldError(field, 'not_served', { id: 'Tiket ini tidak sedang atau baru saja dilayani hari ini.', en: 'This ticket is not being (or was not just) served today.' });
  }
  return t;
}

/**
 * The citizen behind a share code shown at the counter, and the documents shared; a code that is
 * unknown, expired, revoked or not for this agency is a 400 naming the field (the refusal is
 * audited and shown to the citizen by citizens).
 */
async function sharedBy(ctx: AppContext, caller: Caller, shareCode: string, agencyId: string) {
  const field = 'body.shareCode';
  const refused = () => fieldError(field, 'not_found', { id: 'Kode berbagi tidak ditemukan, kedaluwarsa, dicabut, atau bukan untuk instansi ini.', en: 'The share code is unknown, expired, revoked or not for this agency.' });
  let share: Awaited<ReturnType<typeof shareForApplication>>;
  try {
    share = await shareForApplication(ctx, caller, shareCode);
  } catch (err) {
    if (err instanceof AppError && err.code === 'citizen.share_not_found') throw refused();
    throw err;
  }
  if (share.agencyId !== agencyId) throw refused();
  return share;
}

export async function numberFormatOf(conn: Conn, agencyId: string): Promise<string> {
  return (await repo.settingsOf(conn, agencyId))?.numberFormat ?? DEFAULT_NUMBER_FORMAT;
}

/**
 * The next registration number of the agency's year, in the caller's transaction: the sequence's
 * row stays locked until commit, so the check that no earlier format gave this text already
 * cannot race another registration of the same agency.
 */
export async function nextNumber(tx: Tx, ctx: AppContext, agency: { id: string; shortName: string }, serviceCode: string, today: string) {
  const year = Number(today.slice(0, 4));
  const format = await numberFormatOf(tx, agency.id);
  for (;;) {
    const seq = await repo.takeSequence(tx, agency.id, year);
    const number = formatRegistrationNumber(format, { agency: agency.shortName, year, month: Number(today.slice(5, 7)), service: serviceCode, seq });
    const [taken] = await rows<{ n: number }>(tx, sql`SELECT 1 AS n FROM applications WHERE agency_id = ${agency.id} AND registration_number = ${number}`);
    if (!taken) return { year, seq, number };
  }
}

/** Staff of the service's agency register an application (DESIGN §7). */
export async function registerApplication(ctx: AppContext, caller: Caller, siteId: string, input: RegisterInput) {
  const site = await cachedCatalog.getSite(ctx, siteId);
  const found = await serviceOfSite(ctx, siteId, input.serviceId);
  authorize(caller.actor, 'applications.manage', { siteId, agencyId: found.agency.id });
  if (!found.service.active || !found.agency.active) {
    throw applicationsError('applications.service_inactive', { errors: [{ field: 'body.serviceId', code: 'inactive', messages: { id: 'Layanan tidak aktif.', en: 'Service inactive.' } }] });
  }
  const now = ctx.clock.now();
  const applicant = checkApplicant(input.applicant, now);
  const today = localDate(now, site.timeZone);
  const ticket = await ticketOf(ctx, input.ticketId, siteId, found.agency.id, today);
  const checklist = await checklistOf(ctx, found, input.received);
  const share = input.shareCode ? await sharedBy(ctx, caller, input.shareCode, found.agency.id) : null;
  const missing = missingOf(checklist, input.missing);
  const status = missing.length ? 'incomplete' : 'received';
  const enc = (v: string | null | undefined) => (v ? encryptText(ctx.keys.encryption, v) : null);
  const by = actorLabel(caller.actor);
  const note = input.note?.trim() || null;

  for (let attempt = 0; ; attempt++) {
    try {
      const created = await transact(ctx, async (tx, emit) => {
        const { year, seq, number } = await nextNumber(tx, ctx, found.agency, found.service.code, today);
        const id = uuidv7();
        const ref = { applicationId: id, agencyId: found.agency.id, serviceId: found.service.id };
        await emit({ siteId, type: 'application.registered', aggregateType: 'application', aggregateId: id, actorId: caller.actor.kind === 'user' ? caller.actor.id : null, payload: { ...ref, status: 'received' }, meta: { by, channel: 'counter', ticketId: ticket?.id ?? null, note } });
        if (status === 'incomplete') {
          await emit({ siteId, type: 'application.status_changed', aggregateType: 'application', aggregateId: id, payload: { ...ref, from: 'received', to: 'incomplete' }, meta: { by, note: null, missing, collectedBy: null } });
        }
        await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action: 'applications.registered', siteId, agencyId: found.agency.id, targetType: 'application', targetId: id, details: { registrationNumber: number, serviceId: found.service.id, ticketId: ticket?.id ?? null, status } });
        const row = await repo.insertApplication(tx, {
          id, siteId, agencyId: found.agency.id, serviceId: found.service.id, ticketId: ticket?.id ?? null, channel: 'counter', citizenId: share?.citizenId ?? null,
          year, seq, registrationNumber: number, trackingCode: randomCode(TRACKING_CODE_LENGTH), status,
          nikHash: nikHashOf(ctx, applicant.nik), nikEnc: enc(applicant.nik), nameEnc: enc(applicant.name), phoneEnc: enc(applicant.phone), emailEnc: enc(applicant.email),
          checklist, missing, workingDays: workingDaysOf(found.service), receivedOn: today,
          pauses: status === 'incomplete' ? [{ from: today, to: null }] : [],
          createdAt: now, updatedAt: now,
        });
        if (share) {
          // The application joins the citizen's account and holds what they shared while it is open.
          const code = row.trackingCode;
          if (share.documentIds.length) await holdDocuments(tx, share.citizenId, share.documentIds, { type: 'application', id }, now);
          await recordHistory(tx, share.citizenId, { kind: 'application', refId: id, siteId, serviceId: found.service.id, code, at: now, now });
        }
        await enqueue(tx, ctx.clock, { kind: 'applications.notify', runAt: now, payload: { applicationId: id, what: status } });
        return row;
      });
      const { of } = await deadlinesOf(ctx, site, [created]);
      return presentDetail(ctx, created, of(created), await repo.historyOf(ctx.db, [created.id]));
    } catch (err) {
      // A tracking code collision (≈ never): again with a fresh code.
      if (isUniqueViolation(err, 'applications_tracking_code_uq') && attempt < 3) continue;
      throw err;
    }
  }
}
