/**
 * How an application is shown: to staff of its agency (masked identity, history with who acted),
 * to anyone with the tracking code (no name, NIK, address or phone), and in the boards' lists.
 */
import { nextStatuses, PICKUP_BRING, type ApplicationStatus, type Mover } from '../../../domain/applications';
import { maskNik, maskPhone } from '../../../domain/nik';
import { nextOpening, type WeeklyHoursInput } from '../../../domain/opening-hours';
import type { AppContext } from '../../platform/context';
import { decryptText } from '../../platform/crypto';
import type { EventRow } from '../../platform/events';
import { cachedCatalog, effectiveHours } from '../catalog/catalog.lookup';
import { ticketForApplication } from '../queue/queue.lookup';
import type { ApplicationRow } from './applications.repository';
import type { Deadline } from './deadline';

export type ServiceInfo = Awaited<ReturnType<typeof cachedCatalog.getService>>;
export type SiteInfo = Awaited<ReturnType<typeof cachedCatalog.getSite>>;

export const trackingPath = (code: string) => `/lacak/${code}`;

const open = (ctx: AppContext, sealed: string | null) => (sealed ? decryptText(ctx.keys.encryption, sealed) : null);

/** `warga@example.com` → `wa•••@example.com`. */
export function maskEmail(email: string): string {
  const at = email.indexOf('@');
  if (at < 1) return '•••';
  return `${email.slice(0, Math.min(2, at))}•••${email.slice(at)}`;
}

/** The text the standard gives for its time, or one built from its value and unit. */
export function durationTextOf(s: ServiceInfo['service']): string {
  if (s.durationText) return s.durationText;
  const unit = { minutes: 'menit', hours: 'jam', days: 'hari', working_days: 'hari kerja' }[s.durationUnit] ?? s.durationUnit;
  return `${s.durationValue} ${unit}`;
}

type StaffHistory = { status: ApplicationStatus; from: ApplicationStatus | null; at: string; note?: string; missing?: string[]; by: string; event: string };

/** The staff history of one application from its events, oldest first. */
export function staffHistory(events: readonly EventRow[]): StaffHistory[] {
  const out: StaffHistory[] = [];
  let current: ApplicationStatus | null = null;
  for (const e of events) {
    const at = e.createdAt.toISOString();
    if (e.type === 'application.registered') {
      current = e.payload.status;
      out.push({ status: e.payload.status, from: null, at, ...(e.meta.note ? { note: e.meta.note } : {}), by: e.meta.by, event: 'registered' });
    } else if (e.type === 'application.status_changed') {
      current = e.payload.to;
      out.push({ status: e.payload.to, from: e.payload.from, at, ...(e.meta.note ? { note: e.meta.note } : {}), ...(e.meta.missing?.length ? { missing: e.meta.missing } : {}), by: e.meta.by, event: 'status_changed' });
    } else if (e.type === 'application.pickup_issued' && current) {
      out.push({ status: current, from: current, at, note: `Tiket ambil dokumen ${e.meta.number}`, by: e.meta.by, event: 'pickup_issued' });
    }
  }
  return out;
}

/** The public history: statuses with their dates, the officer's words to the applicant, what is missing. */
export const publicHistory = (events: readonly EventRow[]) =>
  staffHistory(events)
    .filter((h) => h.event !== 'pickup_issued')
    .map(({ status, at, note, missing }) => ({ status, at, ...(note ? { note } : {}), ...(missing ? { missing } : {}) }));

/** The detail (`who`: whose moves `next` lists: staff, or the applicant reading their own). */
export async function presentDetail(ctx: AppContext, a: ApplicationRow, deadline: Deadline, history: readonly EventRow[], who: Mover = 'staff') {
  const [site, found, ticket] = await Promise.all([cachedCatalog.getSite(ctx, a.siteId), cachedCatalog.getService(ctx, a.serviceId), a.ticketId ? ticketForApplication(ctx, a.ticketId) : null]);
  const nik = open(ctx, a.nikEnc);
  const phone = open(ctx, a.phoneEnc);
  const email = open(ctx, a.emailEnc);
  return {
    id: a.id,
    registrationNumber: a.registrationNumber,
    trackingCode: a.trackingCode,
    trackingPath: trackingPath(a.trackingCode),
    status: a.status,
    version: a.version,
    channel: a.channel as 'counter' | 'online',
    ...deadline,
    receivedOn: a.receivedOn,
    closedOn: a.closedOn,
    onTime: a.onTime,
    service: { id: found.service.id, name: found.service.name, durationText: durationTextOf(found.service) },
    agency: { id: found.agency.id, name: found.agency.name, shortName: found.agency.shortName },
    site: { id: site.id, name: site.name, timeZone: site.timeZone, address: site.address },
    applicant: { name: open(ctx, a.nameEnc), nik: nik ? maskNik(nik) : null, phone: phone ? maskPhone(phone) : null, email: email ? maskEmail(email) : null },
    ticket: ticket ? { id: ticket.id, number: ticket.number } : null,
    checklist: a.checklist,
    missing: a.missing,
    collectedBy: (a.collectedBy as 'applicant' | 'proxy' | null) ?? null,
    next: nextStatuses(a.status, who),
    history: staffHistory(history),
    createdAt: a.createdAt.toISOString(),
  };
}


export async function presentPublic(ctx: AppContext, a: ApplicationRow, deadline: Deadline, history: readonly EventRow[]) {
  const [site, found] = await Promise.all([cachedCatalog.getSite(ctx, a.siteId), cachedCatalog.getService(ctx, a.serviceId)]);
  let pickup = null;
  if (a.status === 'ready') {
    const now = ctx.clock.now();
    const closed = await cachedCatalog.closedDays(ctx, site.id, a.closedOn ?? a.receivedOn ?? '2000-01-01', new Date(now.getTime() + 40 * 86_400_000).toISOString().slice(0, 10));
    const at = nextOpening(effectiveHours(found.service, found.agency) as unknown as WeeklyHoursInput, new Set(closed.map((d) => d.date)), site.timeZone, now);
    pickup = { bring: [...PICKUP_BRING], product: found.service.product, nextOpening: at ? at.toISOString() : null };
  }
  return {
    registrationNumber: a.registrationNumber,
    service: { id: found.service.id, name: found.service.name },
    agency: { id: found.agency.id, name: found.agency.name },
    site: { id: site.id, name: site.name, timeZone: site.timeZone },
    status: a.status,
    ...deadline,
    receivedOn: a.receivedOn,
    missing: a.status === 'incomplete' ? a.missing : [],
    history: publicHistory(history),
    pickup,
  };
}

export function presentListItem(ctx: AppContext, a: ApplicationRow, found: ServiceInfo, deadline: Deadline) {
  return {
    id: a.id,
    registrationNumber: a.registrationNumber,
    trackingCode: a.trackingCode,
    status: a.status,
    service: { id: found.service.id, name: found.service.name },
    agency: { id: found.agency.id, name: found.agency.name, shortName: found.agency.shortName },
    applicantName: open(ctx, a.nameEnc),
    ...deadline,
    receivedOn: a.receivedOn,
    updatedAt: a.updatedAt.toISOString(),
  };
}
