import { DateTime } from 'luxon';
import { uuidv7 } from 'uuidv7';
import { quotaDecision, visitDecision, walkInDecision, type IssuingCalendar, type IssuingService, type Refusal } from '../../../domain/issuing';
import { formatOpening, localDate, type WeeklyHoursInput } from '../../../domain/opening-hours';
import { formatTicketNumber } from '../../../domain/ticket-number';
import { recordAudit } from '../../platform/audit';
import { actorLabel, agencyScope, authorize, type Actor } from '../../platform/authz';
import type { AppContext, Caller } from '../../platform/context';
import { randomCode } from '../../platform/crypto';
import { isUniqueViolation, type Tx } from '../../platform/db';
import { AppError, appError, fieldError } from '../../platform/errors';
import { transact, type Emit } from '../../platform/tx';
import { attachTicket, checkInBooking, proveCheckIn } from '../booking/booking.lookup';
import { cachedCatalog, effectiveHours, type getSite } from '../catalog/catalog.lookup';
import { queueError } from './queue.errors';
import { queuePolicyOf, type SiteQueuePolicy } from './queue.policy';
import * as repo from './queue.repository';
import type { TicketRow, VisitRow } from './queue.repository';
import type { tickets } from './queue.schema';
import { Names, placeIn, publicPayload, serviceSnapshot, visitSteps, type ServiceInfo } from './queue.view';

export type Site = Awaited<ReturnType<typeof getSite>>;

export interface IssueInput {
  /** Required for walk-ins; a booking check-in may leave it out (the booking names its service). */
  serviceId?: string;
  priority?: 'lansia' | 'disabilitas' | 'ibu_hamil';
  bookingCode?: string;
  nik?: string;
  serviceIds?: string[];
  idempotencyKey?: string;
}

export const actorId = (a: Actor) => (a.kind === 'user' || a.kind === 'device' ? a.id : null);

/** Tracking codes: 10 characters of the unambiguous alphabet from a CSPRNG (≈ 50 bits). */
export const TRACKING_CODE_LENGTH = 10;

/** A service of this site, or a 404/400 naming the field. */
export async function serviceOfSite(ctx: AppContext, siteId: string, serviceId: string, field: string): Promise<ServiceInfo> {
  let found: ServiceInfo;
  try {
    found = await cachedCatalog.getService(ctx, serviceId);
  } catch (err) {
    if (err instanceof AppError && err.status === 404) {
      throw appError('not_found', {
        messages: err.messages,
        errors: [{ field, code: 'not_found', messages: { id: 'Layanan tidak ditemukan.', en: 'Service not found.' } }],
      });
    }
    throw err;
  }
  if (found.service.siteId !== siteId) throw fieldError(field, 'other_site', { id: 'Layanan bukan milik MPP ini.', en: 'The service belongs to another site.' });
  return found;
}

function inactive(found: ServiceInfo, field: string): AppError {
  return queueError('queue.service_inactive', {
    messages: { id: `Layanan ${found.service.name} sedang tidak tersedia.`, en: `The service ${found.service.name} is not available.` },
    errors: [{ field, code: 'inactive', messages: { id: 'Layanan tidak aktif.', en: 'Service inactive.' } }],
    extra: { nextOpening: null, serviceId: found.service.id },
  });
}

/** The site's zone and closed days (holidays, cuti bersama, closures) from today, for hours checks. */
export interface Calendar extends IssuingCalendar {
  today: string;
}

export async function calendarOf(ctx: AppContext, site: Site, now: Date): Promise<Calendar> {
  const today = localDate(now, site.timeZone);
  const until = DateTime.fromISO(today).plus({ days: 60 }).toISODate()!;
  const closedDays = await cachedCatalog.closedDays(ctx, site.id, today, until);
  return { today, zone: site.timeZone, closedDays };
}

const hoursOf = (found: ServiceInfo) => effectiveHours(found.service, found.agency) as unknown as WeeklyHoursInput;
const issuingOf = (found: ServiceInfo): IssuingService => ({ active: found.service.active && found.agency.active, hours: hoursOf(found) });

function refusal(code: 'queue.holiday' | 'queue.closed' | 'queue.quota_full', found: ServiceInfo, site: Site, next: Date | null, why: { id: string; en: string }, field: string): AppError {
  const when = next ? formatOpening(next, site.timeZone) : null;
  return queueError(code, {
    messages: {
      id: `${why.id} ${when ? `Layanan buka kembali ${when.id}.` : 'Jadwal buka berikutnya belum tersedia.'}`,
      en: `${why.en} ${when ? `The service opens again ${when.en}.` : 'No next opening is scheduled yet.'}`,
    },
    errors: [{ field, code: code.replace('queue.', ''), messages: why }],
    extra: { nextOpening: next ? next.toISOString() : null, serviceId: found.service.id },
  });
}

/** The problem a refusal decided in `domain/issuing` is answered with (codes and fields are public API). */
function refusalError(r: Refusal, found: ServiceInfo, site: Site, field: string): AppError {
  const name = found.service.name;
  switch (r.reason) {
    case 'inactive':
      return inactive(found, field);
    case 'holiday': {
      const n = r.holidayName ? `: ${r.holidayName}` : '';
      return refusal('queue.holiday', found, site, r.nextOpening, { id: `Hari ini libur${n}.`, en: `Today is a holiday${n}.` }, field);
    }
    case 'cutoff':
      return refusal('queue.closed', found, site, r.nextOpening, { id: `Pengambilan antrean ${name} sudah ditutup untuk sesi ini.`, en: `Tickets for ${name} are closed for this session.` }, field);
    case 'closed':
      return refusal('queue.closed', found, site, r.nextOpening, { id: `Layanan ${name} sedang tutup.`, en: `The service ${name} is closed.` }, field);
    case 'quota_full':
      return refusal('queue.quota_full', found, site, r.nextOpening, { id: `Kuota antrean ${name} hari ini sudah habis.`, en: `Today's quota for ${name} is used up.` }, field);
  }
}

/**
 * Refuses a walk-in ticket for a service now unless `walkInDecision` allows it. `laterToday`
 * accepts a service that opens later the same day (a transfer, the further steps of a visit).
 */
export function assertOpen(found: ServiceInfo, site: Site, cal: Calendar, policy: SiteQueuePolicy, now: Date, field: string, laterToday = false): void {
  const d = walkInDecision(issuingOf(found), cal, policy, now, { laterToday });
  if (!d.ok) throw refusalError(d, found, site, field);
}

function ticketNumber(prefix: string, seq: number): string {
  try {
    return formatTicketNumber(prefix, seq);
  } catch {
    return `${prefix.toUpperCase()}-${String(seq).padStart(3, '0')}`;
  }
}

export interface NewTicket {
  site: Site;
  visit: VisitRow;
  found: ServiceInfo;
  source: TicketRow['source'];
  priority: TicketRow['priority'];
  queuedAt: Date;
  now: Date;
  bookingId?: string | null;
  bookingStart?: Date | null;
  previousTicketId?: string | null;
  idempotencyKey?: string | null;
}

type NewTicketRow = typeof tickets.$inferInsert & Pick<TicketRow, 'id' | 'siteId' | 'visitId' | 'serviceId' | 'number' | 'source' | 'priority' | 'bookingId' | 'previousTicketId'>;

/** The ticket row of a new ticket, numbered `seq`. */
export function ticketRow(t: NewTicket, prefix: string, day: string, seq: number): NewTicketRow {
  return {
    id: uuidv7(),
    siteId: t.site.id,
    visitId: t.visit.id,
    serviceId: t.found.service.id,
    agencyId: t.found.agency.id,
    prefix,
    localDate: day,
    seq,
    number: ticketNumber(prefix, seq),
    status: 'waiting',
    priority: t.priority ?? null,
    source: t.source,
    bookingId: t.bookingId ?? null,
    bookingStart: t.bookingStart ?? null,
    previousTicketId: t.previousTicketId ?? null,
    idempotencyKey: t.idempotencyKey ?? null,
    issuedAt: t.now,
    queuedAt: t.queuedAt,
    updatedAt: t.now,
  };
}

export const prefixOf = (found: ServiceInfo) => found.service.prefix.trim().toUpperCase();

/** Numbers and inserts one ticket of an existing visit (no event yet). Call under the site lock. */
export async function insertTicketRow(tx: Tx, t: NewTicket): Promise<TicketRow> {
  const prefix = prefixOf(t.found);
  const day = localDate(t.now, t.site.timeZone);
  const { seq } = await repo.takeNumber(tx, t.site.id, prefix, day, null);
  return repo.insertTicket(tx, ticketRow(t, prefix, day, seq));
}

export async function emitIssued(emit: Emit, actor: Actor, ticket: Pick<TicketRow, 'id' | 'siteId' | 'visitId' | 'serviceId' | 'number' | 'source' | 'priority' | 'bookingId' | 'previousTicketId'>): Promise<void> {
  await emit({
    siteId: ticket.siteId,
    type: 'ticket.issued',
    aggregateType: 'ticket',
    aggregateId: ticket.id,
    actorId: actorId(actor),
    payload: publicPayload(ticket, null),
    meta: { visitId: ticket.visitId, source: ticket.source, priority: ticket.priority, bookingId: ticket.bookingId, previousTicketId: ticket.previousTicketId, by: actorLabel(actor) },
  });
}

/** Numbers and inserts one ticket and writes its `ticket.issued` event. Call under the site lock. */
export async function insertTicketTx(tx: Tx, emit: Emit, actor: Actor, t: NewTicket): Promise<TicketRow> {
  const ticket = await insertTicketRow(tx, t);
  await emitIssued(emit, actor, ticket);
  return ticket;
}

/**
 * Issues a ticket at the kiosk or front desk. Walk-ins are refused (409 with `nextOpening`)
 * outside hours, on holidays and past the daily quota; a booking check-in follows the booking
 * module's rules instead. The same idempotency key within the site returns the ticket already
 * issued (a double tap prints one ticket).
 */
export async function issueTicket(ctx: AppContext, caller: Caller, siteId: string, given: IssueInput, headerKey?: string) {
  const site = await cachedCatalog.getSite(ctx, siteId);
  // Looking a code up is for those who may issue tickets here (no code oracle for anyone else).
  if (!given.serviceId && agencyScope(caller.actor, 'queue.issue', siteId) === null) authorize(caller.actor, 'queue.issue', { siteId });
  // A booking is proved (code + NIK digits) before anything about it is used; the booking names
  // its service when the kiosk sends the code alone.
  const prove = () => proveCheckIn(ctx, caller, siteId, given.bookingCode!, given.nik);
  let booking = given.bookingCode && !given.serviceId ? await prove() : null;
  const serviceId = given.serviceId ?? booking?.serviceId;
  if (!serviceId) throw fieldError('body.serviceId', 'required', { id: 'Pilih layanan.', en: 'Choose a service.' });
  const input = { ...given, serviceId };
  const found = await serviceOfSite(ctx, siteId, serviceId, 'body.serviceId');
  authorize(caller.actor, 'queue.issue', { siteId, agencyId: found.agency.id });
  if (given.bookingCode && !booking) booking = await prove();
  const policy = queuePolicyOf(site.settings);

  if (input.idempotencyKey && headerKey && input.idempotencyKey !== headerKey.trim()) {
    throw fieldError('body.idempotencyKey', 'mismatch', { id: 'Berbeda dengan header Idempotency-Key.', en: 'Differs from the Idempotency-Key header.' });
  }
  const key = input.idempotencyKey ?? (headerKey?.trim() || undefined);
  if (key !== undefined && (key.length < 8 || key.length > 100)) {
    throw fieldError('headers.idempotency-key', 'length', { id: 'Panjang 8–100 karakter.', en: '8–100 characters.' });
  }
  if (key) {
    const existing = await repo.findByIdempotencyKey(ctx.db, siteId, key);
    if (existing) return replay(ctx, site, existing, input, policy);
  }

  const extra = input.serviceIds ?? [];
  const seen = new Set([input.serviceId]);
  const extraFound: ServiceInfo[] = [];
  for (const [i, id] of extra.entries()) {
    if (seen.has(id)) throw fieldError(`body.serviceIds.${i}`, 'duplicate', { id: 'Layanan dipilih dua kali.', en: 'Service chosen twice.' });
    seen.add(id);
    extraFound.push(await serviceOfSite(ctx, siteId, id, `body.serviceIds.${i}`));
  }
  if (input.bookingCode && extra.length) {
    throw fieldError('body.serviceIds', 'with_booking', { id: 'Layanan tambahan tidak bisa digabung dengan check-in booking.', en: 'Extra services cannot be combined with a booking check-in.' });
  }

  const now = ctx.clock.now();
  const cal = await calendarOf(ctx, site, now);
  if (!input.bookingCode) {
    const steps = [found, ...extraFound];
    const d = visitDecision(steps.map(issuingOf), cal, policy, now);
    if (!d.ok) throw refusalError(d, steps[d.step], site, d.step === 0 ? 'body.serviceId' : `body.serviceIds.${d.step - 1}`);
  } else if (!found.service.active || !found.agency.active) {
    throw inactive(found, 'body.serviceId');
  }

  let issuedVisit: VisitRow | null = null;
  for (let attempt = 0; ; attempt++) {
    try {
      const ticket = await transact(ctx, (tx, emit) => repo.underSiteLock(tx, siteId, async () => {
        if (key) {
          const existing = await repo.findByIdempotencyKey(tx, siteId, key);
          if (existing) return { ticket: existing, replayed: true };
        }
        let bookingId: string | null = null;
        let bookingStart: Date | null = null;
        if (booking) {
          const checkIn = await checkInBooking(ctx, tx, { siteId, bookingId: booking.id });
          if (checkIn.serviceId !== found.service.id) {
            throw fieldError('body.bookingCode', 'other_service', { id: 'Booking ini untuk layanan lain.', en: 'This booking is for another service.' });
          }
          bookingId = checkIn.bookingId;
          bookingStart = checkIn.bookingStart;
        }
        // The number and, for walk-ins, the quota count in one statement. Under the site lock: no
        // two kiosks can both take the last place of the quota (a refusal rolls the number back).
        const prefix = prefixOf(found);
        const { seq, issued } = await repo.takeNumber(tx, siteId, prefix, cal.today, bookingId ? null : found.service.id);
        if (!bookingId) {
          const quota = quotaDecision(issued, found.service.walkInQuota, issuingOf(found), cal, now);
          if (!quota.ok) throw refusalError(quota, found, site, 'body.serviceId');
        }
        const visit: VisitRow = {
          id: uuidv7(),
          siteId,
          trackingCode: randomCode(TRACKING_CODE_LENGTH),
          localDate: cal.today,
          pendingServiceIds: extraFound.map((f) => f.service.id),
          droppedServiceIds: [],
          createdAt: now,
        };
        const row = ticketRow(
          {
            site, visit, found, now, queuedAt: now,
            source: bookingId ? 'booking' : 'walk_in',
            priority: input.priority ?? null,
            bookingId, bookingStart,
            idempotencyKey: key ?? null,
          },
          prefix,
          cal.today,
          seq,
        );
        // The event and the audit row are written by the statement that inserts the visit and
        // the ticket (one round trip under the lock).
        await emitIssued(emit, caller.actor, row);
        await recordAudit(tx, ctx.clock, caller.actor, caller.ip, {
          action: 'queue.ticket_issued',
          siteId,
          agencyId: found.agency.id,
          targetType: 'ticket',
          targetId: row.id,
          details: { number: row.number, serviceId: row.serviceId, source: row.source, steps: extraFound.length + 1 },
        });
        const t = await repo.insertVisitWithTicket(tx, visit, row);
        if (bookingId) await attachTicket(tx, bookingId, t.id);
        issuedVisit = visit;
        return { ticket: t, replayed: false };
      }));
      if (ticket.replayed) return replay(ctx, site, ticket.ticket, input, policy);
      return presentIssued(ctx, site, ticket.ticket, policy, false, { found, visit: issuedVisit!, tickets: [ticket.ticket] });
    } catch (err) {
      // A tracking code collision (≈ never): try again with a fresh code.
      if (isUniqueViolation(err, 'visits_tracking_code_uq') && attempt < 3) continue;
      if (key && isUniqueViolation(err, 'tickets_idempotency_uq')) {
        const existing = await repo.findByIdempotencyKey(ctx.db, siteId, key);
        if (existing) return replay(ctx, site, existing, input, policy);
      }
      throw err;
    }
  }
}

async function replay(ctx: AppContext, site: Site, ticket: TicketRow, input: IssueInput & { serviceId: string }, policy: SiteQueuePolicy) {
  if (ticket.serviceId !== input.serviceId) {
    throw queueError('queue.idempotency_conflict', {
      errors: [{ field: 'body.idempotencyKey', code: 'reused', messages: { id: 'Sudah dipakai.', en: 'Already used.' } }],
    });
  }
  return presentIssued(ctx, site, ticket, policy, true);
}

export async function presentIssued(
  ctx: AppContext,
  site: Site,
  ticket: TicketRow,
  policy: SiteQueuePolicy,
  replayed: boolean,
  known?: { found: ServiceInfo; visit: VisitRow; tickets: TicketRow[] },
) {
  const names = new Names(ctx);
  if (known) names.seedService(known.found);
  const now = ctx.clock.now();
  const svc = await names.service(ticket.serviceId);
  const [visit, visitTickets, snapshot] = await Promise.all([
    known ? known.visit : repo.findVisit(ctx.db, ticket.visitId),
    known ? known.tickets : repo.ticketsOfVisit(ctx.db, ticket.visitId),
    ticket.status === 'waiting' && svc ? serviceSnapshot(ctx, { id: svc.service.id, handlingMinutes: svc.service.handlingMinutes }, ticket.localDate, policy, now) : Promise.resolve(null),
  ]);
  const steps = await visitSteps(names, visit!, visitTickets);
  const place = placeIn(snapshot, ticket);
  return {
    id: ticket.id,
    number: ticket.number,
    serviceId: ticket.serviceId,
    status: ticket.status,
    trackingCode: visit!.trackingCode,
    statusPath: `/t/${visit!.trackingCode}`,
    ...place,
    priority: ticket.priority ?? null,
    issuedAt: ticket.issuedAt.toISOString(),
    service: { id: ticket.serviceId, name: svc?.service.name ?? '', agencyName: svc?.agency.name ?? '' },
    site: { id: site.id, name: site.name, timeZone: site.timeZone },
    visit: { id: visit!.id, steps: steps.map(({ ticketId, serviceId, serviceName, agencyName, status, number }) => ({ ticketId, serviceId, serviceName, agencyName, status, number })) },
    replayed,
  };
}
