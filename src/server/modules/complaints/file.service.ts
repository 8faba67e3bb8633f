import type { z } from 'zod';
import QRCode from 'qrcode';
import { uuidv7 } from 'uuidv7';
import type { fileBody } from '../../../contracts/complaints';
import { isLateFiling, verifyByOf } from '../../../domain/complaints';
import { localDate } from '../../../domain/opening-hours';
import { recordAudit } from '../../platform/audit';
import { agencyScope } from '../../platform/authz';
import type { AppContext, Caller } from '../../platform/context';
import { encryptText, hmac, randomCode } from '../../platform/crypto';
import { isUniqueViolation } from '../../platform/db';
import { appError, fieldError, nullIfNotFound } from '../../platform/errors';
import { enqueue } from '../../platform/jobs';
import { admit, limitKey, settle, waitText, type Outcome, type Rule } from '../../platform/rate-limit';
import { transact } from '../../platform/tx';
import { cachedCatalog } from '../catalog/catalog.lookup';
import { applicationByTrackingCode } from '../applications/applications.lookup';
import { visitByTrackingCode } from '../queue/queue.lookup';
import { holidaysAround } from './complaints.calendar';
import { complaintsError } from './complaints.errors';
import { complaintsPolicyOf, deadlinesOf, type ComplaintsPolicy } from './complaints.policy';
import * as repo from './complaints.repository';

export type FileInput = z.output<typeof fileBody>;

/** The path of a complaint's public tracking page. */
export const trackingPath = (code: string) => `/pengaduan/lacak/${code}`;

/**
 * Spam throttling of public filings (docs/complaints.md): per address and per reporter contact,
 * counted in the database so that every process behind a load balancer shares the count. Every
 * accepted filing counts (it is settled as a counted attempt); a refused one does not.
 */
function filingRules(ctx: AppContext, caller: Caller, siteId: string, policy: ComplaintsPolicy, contact: string | null): Rule[] {
  const rules: Rule[] = [{ kind: 'window', key: limitKey('complaint', 'address', siteId, caller.ip ?? 'unknown'), max: policy.perAddressPerHour, windowSeconds: 3600, maxPending: 5 }];
  // The contact is kept only as its keyed hash, never readable, in the limits table.
  if (contact) rules.push({ kind: 'window', key: limitKey('complaint', 'contact', hmac(ctx.keys.blindIndex, `complaint-contact:${contact}`)), max: policy.perContactPerDay, windowSeconds: 86_400, maxPending: 2 });
  return rules;
}

const contactOf = (r: FileInput['reporter']) => (r?.email ? r.email.trim().toLowerCase() : r?.phone ? r.phone.replace(/[^0-9+]/g, '') : null);

/** Checks the agency and service named in a filing against the site (400 naming the field). */
async function resolveTarget(ctx: AppContext, siteId: string, input: Pick<FileInput, 'agencyId' | 'serviceId'>) {
  let agencyId = input.agencyId ?? null;
  let serviceId = input.serviceId ?? null;
  if (agencyId) {
    const agency = await cachedCatalog.getAgency(ctx, agencyId).catch(nullIfNotFound);
    if (!agency || agency.siteId !== siteId) throw fieldError('body.agencyId', 'unknown', { id: 'Instansi tidak dikenal di MPP ini.', en: 'Unknown agency at this site.' });
  }
  if (serviceId) {
    const found = await cachedCatalog.getService(ctx, serviceId).catch(nullIfNotFound);
    if (!found || found.service.siteId !== siteId) throw fieldError('body.serviceId', 'unknown', { id: 'Layanan tidak dikenal di MPP ini.', en: 'Unknown service at this site.' });
    if (agencyId && found.agency.id !== agencyId) throw fieldError('body.serviceId', 'other_agency', { id: 'Layanan ini bukan milik instansi yang dipilih.', en: 'This service belongs to another agency.' });
    agencyId = found.agency.id;
    serviceId = found.service.id;
  }
  return { agencyId, serviceId };
}

/**
 * Files a complaint: in public (no account), or by an officer for a walk-in (channel desk). The
 * reporter gets a tracking code (and its QR); the desk has `verifyBy` to verify it. An anonymous
 * complaint keeps no identity at all: no name, no contact, no linked ticket.
 */
export async function fileComplaint(ctx: AppContext, caller: Caller, siteId: string, input: FileInput) {
  const site = await cachedCatalog.getSite(ctx, siteId);
  const policy = complaintsPolicyOf(site.settings);
  // Bots fill every field; people never see this one.
  if (input.homepage && input.homepage.trim()) {
    ctx.log.info({ siteId }, 'complaint refused by the honeypot');
    throw complaintsError('complaints.rejected');
  }
  const staff = caller.actor.kind === 'user' && agencyScope(caller.actor, 'complaints.file', siteId) !== null;
  const anonymous = input.anonymous;
  const reporter = anonymous ? null : (input.reporter ?? null);
  if (!anonymous && !reporter) {
    throw fieldError('body.reporter.name', 'required', { id: 'Isi nama pelapor, atau pilih "anonim".', en: 'Give the reporter’s name, or choose "anonymous".' });
  }
  let target = await resolveTarget(ctx, siteId, input);

  // The ticket or application the complaint is about. A ticket's day is when the service
  // happened; a finished application's is the day it ended, an open one's service is still going
  // on (no late filing). With "tidak tahu", either says where the citizen was served.
  let serviceOn = input.serviceDate ?? null;
  let linked: { kind: 'ticket' | 'application'; code: string; number: string } | null = null;
  if (input.trackingCode) {
    const visit = await visitByTrackingCode(ctx, input.trackingCode);
    const application = visit ? null : await applicationByTrackingCode(ctx, input.trackingCode);
    if (visit && visit.siteId === siteId) {
      serviceOn = visit.localDate;
      linked = { kind: 'ticket', code: visit.trackingCode, number: visit.tickets.map((t) => t.number).join(', ') };
      if (!target.agencyId && !target.serviceId && visit.tickets.length) {
        // The visit's last service.
        const last = visit.tickets[visit.tickets.length - 1];
        target = { agencyId: last.agencyId, serviceId: last.serviceId };
      }
    } else if (application && application.siteId === siteId) {
      serviceOn = input.serviceDate ?? application.closedOn ?? null;
      linked = { kind: 'application', code: application.trackingCode, number: application.registrationNumber };
      if (!target.agencyId && !target.serviceId) target = { agencyId: application.agencyId, serviceId: application.serviceId };
    } else {
      throw fieldError('body.trackingCode', 'unknown', { id: 'Kode pelacakan tiket atau permohonan tidak ditemukan di MPP ini.', en: 'No ticket or application of this site has this tracking code.' });
    }
  }

  const now = ctx.clock.now();
  const filedOn = localDate(now, site.timeZone);
  const deadlines = deadlinesOf(policy);
  const holidays = await holidaysAround(ctx, siteId, filedOn);
  const verifyBy = verifyByOf(filedOn, holidays, deadlines);
  const warnings = isLateFiling(serviceOn, filedOn, deadlines)
    ? [{ code: 'late_filing', messages: { id: `Layanan terjadi lebih dari ${deadlines.filingWindowDays} hari yang lalu (UU 25/2009). Pengaduan tetap diterima; meja pengaduan akan menilainya.`, en: `The service was more than ${deadlines.filingWindowDays} days ago (UU 25/2009). The complaint is still accepted; the complaint desk will assess it.` } }]
    : [];

  const rules = staff ? [] : filingRules(ctx, caller, siteId, policy, contactOf(reporter));
  const refused = rules.length ? await admit(ctx.db, rules, now) : null;
  if (refused) {
    const wait = waitText(refused.retryAfter);
    const limit = refused.rule.key.startsWith('complaint:contact') ? 'contact' : 'address';
    throw appError('rate_limited', {
      messages: { id: `Terlalu banyak pengaduan dikirim dalam waktu singkat. Coba lagi dalam ${wait.id}.`, en: `Too many complaints sent in a short time. Try again in ${wait.en}.` },
      extra: { retryAfter: refused.retryAfter, limit },
      headers: { 'retry-after': String(refused.retryAfter) },
    });
  }
  let outcome: Outcome = 'abandoned';
  try {
    const enc = (s: string | null | undefined) => (s ? encryptText(ctx.keys.encryption, s.trim()) : null);
    const id = uuidv7();
    const channel = staff ? 'desk' : input.source;
    let code = '';
    for (let attempt = 0; ; attempt++) {
      code = randomCode(10);
      try {
        await transact(ctx, async (tx, emit) => {
          await emit({
            siteId, type: 'complaint.filed', aggregateType: 'complaint', aggregateId: id, actorId: staff && caller.actor.kind === 'user' ? caller.actor.id : null,
            payload: { complaintId: id, status: 'submitted' },
            meta: { by: staff && caller.actor.kind === 'user' ? caller.actor.username : 'reporter', channel, classification: input.classification, confidential: input.confidential, anonymous, requestedAgencyId: target.agencyId },
          });
          if (staff) {
            await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action: 'complaints.filed_for_walk_in', siteId, agencyId: target.agencyId, targetType: 'complaint', targetId: id, details: { classification: input.classification, confidential: input.confidential, anonymous } });
          }
          await repo.insertComplaint(tx, {
            id, siteId, trackingCode: code, classification: input.classification, category: input.category ?? null,
            title: input.title, body: input.body, requestedAgencyId: target.agencyId, agencyId: null, serviceId: target.serviceId, serviceOn,
            linkedKind: linked && !anonymous ? linked.kind : null, linkedCode: anonymous ? null : (linked?.code ?? null), linkedNumber: anonymous ? null : (linked?.number ?? null),
            anonymous, confidential: input.confidential,
            reporterNameEnc: enc(reporter?.name), reporterPhoneEnc: enc(reporter?.phone), reporterEmailEnc: enc(reporter?.email),
            channel, filedBy: staff && caller.actor.kind === 'user' ? caller.actor.id : null,
            status: 'submitted', filedAt: now, filedOn, verifyBy, updatedAt: now,
          });
          if (reporter?.phone || reporter?.email) await enqueue(tx, ctx.clock, { kind: 'complaints.notify', runAt: now, payload: { complaintId: id, what: 'filed' } });
        });
        break;
      } catch (err) {
        // A tracking code drawn twice (31^10 codes): draw another.
        if (attempt < 3 && isUniqueViolation(err, 'complaints_tracking_code_uq')) continue;
        throw err;
      }
    }
    outcome = 'failure'; // counted: every accepted filing uses up the limit
    const url = ctx.config.publicUrl ? `${ctx.config.publicUrl.replace(/\/$/, '')}${trackingPath(code)}` : code;
    return {
      id, trackingCode: code, status: 'submitted' as const, verifyBy, trackingUrl: trackingPath(code),
      qrSvg: await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
      warnings,
    };
  } finally {
    if (rules.length) await settle(ctx.db, rules, outcome, ctx.clock.now());
  }
}
