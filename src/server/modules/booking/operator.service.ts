import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import { maskNik, maskPhone } from '../../../domain/nik';
import { recordAudit } from '../../platform/audit';
import { agencyScope, authorize } from '../../platform/authz';
import type { AppContext, Caller } from '../../platform/context';
import { decryptText } from '../../platform/crypto';
import { toCsv } from '../../platform/csv';
import { appError, fieldError } from '../../platform/errors';
import { enqueue } from '../../platform/jobs';
import { transact } from '../../platform/tx';
import { cachedCatalog, getService, getSite } from '../catalog/catalog.lookup';
import * as repo from './booking.repository';
import { configuredSlots, slotsFor } from './slots.service';

async function serviceInSite(ctx: AppContext, caller: Caller, siteId: string, serviceId: string, action: 'booking.manage') {
  const found = await getService(ctx, serviceId);
  if (found.service.siteId !== siteId) throw fieldError('serviceId', 'other_site', { id: 'Layanan bukan milik MPP ini.', en: 'The service belongs to another site.' });
  authorize(caller.actor, action, { siteId, agencyId: found.agency.id });
  return found;
}

/** Booked and free seats per day for one service (operator calendar). */
export async function bookingCalendar(ctx: AppContext, caller: Caller, siteId: string, serviceId: string, from: string, to: string) {
  const site = await getSite(ctx, siteId);
  const found = await serviceInSite(ctx, caller, siteId, serviceId, 'booking.manage');
  const days: Array<{ date: string; capacity: number; booked: number; available: number; closed: boolean; override: number | null }> = [];
  const overrides = new Map((await repo.dayOverrides(ctx.db, serviceId, from, to)).map((o) => [o.date, o]));
  for (let d = DateTime.fromISO(from); d.toISODate()! <= to && days.length < 62; d = d.plus({ days: 1 })) {
    const date = d.toISODate()!;
    const slots = await slotsFor(ctx, site, found, date);
    const capacity = slots.reduce((n, s) => n + s.capacity, 0);
    const available = slots.reduce((n, s) => n + s.available, 0);
    const o = overrides.get(date);
    days.push({ date, capacity, booked: capacity - available, available, closed: !!o?.closed || slots.length === 0, override: o?.capacityPerSlot ?? null });
  }
  return days;
}

/**
 * The agencies whose bookings the caller manages at this site: every one (site admins) or theirs
 * (agency admins); 403 for nobody.
 */
async function managedServiceIds(ctx: AppContext, caller: Caller, siteId: string): Promise<Set<string> | 'all'> {
  const scope = agencyScope(caller.actor, 'booking.manage', siteId);
  if (!scope) {
    authorize(caller.actor, 'booking.manage', { siteId });
    throw appError('auth.forbidden');
  }
  if (scope.all) return 'all';
  const agencies = new Set(scope.agencyIds);
  return new Set((await cachedCatalog.servicesWithAgencyOfSite(ctx, siteId)).filter((s) => agencies.has(s.agency.id)).map((s) => s.service.id));
}

/** The day's bookings with masked identity; reading names is a personal-data read (audited). */
export async function bookingsOfDay(ctx: AppContext, caller: Caller, siteId: string, date: string, serviceId?: string) {
  let mine: Set<string> | 'all' = 'all';
  if (serviceId) await serviceInSite(ctx, caller, siteId, serviceId, 'booking.manage');
  else mine = await managedServiceIds(ctx, caller, siteId);
  const rows = (await repo.bookingsOfDay(ctx.db, siteId, date, serviceId)).filter((b) => mine === 'all' || mine.has(b.serviceId));
  await recordAudit(ctx.db, ctx.clock, caller.actor, caller.ip, { action: 'booking.list_read', siteId, targetType: 'booking_day', targetId: date, details: { serviceId: serviceId ?? null, count: rows.length } });
  const dec = (s: string | null) => (s ? decryptText(ctx.keys.encryption, s) : null);
  // Rescheduled bookings point at their replacement (often another day), and replacements back.
  const next = new Map((await repo.bookingsByIds(ctx.db, rows.flatMap((b) => (b.replacedById ? [b.replacedById] : [])))).map((n) => [n.id, n]));
  const previous = new Map((await repo.replacedBy(ctx.db, rows.map((b) => b.id))).map((p) => [p.replacedById!, p]));
  return rows.map((b) => {
    const to = b.replacedById ? next.get(b.replacedById) : undefined;
    const from = previous.get(b.id);
    return {
      code: b.code, serviceId: b.serviceId, start: b.slotStart.toISOString(), end: b.slotEnd.toISOString(), status: b.status,
      name: dec(b.nameEnc), nikMasked: b.nikEnc ? maskNik(dec(b.nikEnc)!) : null, phoneMasked: b.phoneEnc ? maskPhone(dec(b.phoneEnc)!) : null,
      checkedInAt: b.checkedInAt?.toISOString() ?? null,
      movedTo: to ? { code: to.code, start: to.slotStart.toISOString(), end: to.slotEnd.toISOString() } : null,
      movedFrom: from ? { code: from.code, start: from.slotStart.toISOString() } : null,
    };
  });
}

/**
 * One day across every bookable service the caller manages (the operator's "hari ini" view): quota,
 * seats left and bookings by status per service. No personal data: not audited.
 */
export async function dayOverview(ctx: AppContext, caller: Caller, siteId: string, date: string) {
  const site = await getSite(ctx, siteId);
  const mine = await managedServiceIds(ctx, caller, siteId);
  const bookable = (await cachedCatalog.servicesWithAgencyOfSite(ctx, siteId)).filter((s) => s.service.bookable && s.service.active && (mine === 'all' || mine.has(s.service.id)));
  const counts = new Map((await repo.bookedCountsByDay(ctx.db, siteId, date, date)).map((r) => [r.service_id, r]));
  const services = [];
  for (const found of bookable) {
    const slots = await slotsFor(ctx, site, found, date);
    const n = counts.get(found.service.id);
    services.push({
      service: { id: found.service.id, code: found.service.code, name: found.service.name },
      agency: { id: found.agency.id, name: found.agency.name, shortName: found.agency.shortName },
      capacity: slots.reduce((a, x) => a + x.capacity, 0),
      available: slots.reduce((a, x) => a + x.available, 0),
      closed: slots.length === 0,
      booked: n?.booked ?? 0,
      checkedIn: n?.checked_in ?? 0,
      noShow: n?.no_show ?? 0,
      cancelled: n?.cancelled ?? 0,
    });
  }
  return { date, services };
}

/** Overrides seats per slot for a day, or closes the day (booked citizens are told). */
export async function setDayCapacity(ctx: AppContext, caller: Caller, siteId: string, serviceId: string, input: { date: string; capacityPerSlot: number | null; closed: boolean; reason?: string }) {
  const site = await getSite(ctx, siteId);
  const found = await serviceInSite(ctx, caller, siteId, serviceId, 'booking.manage');
  return transact(ctx, async (tx, emit) => {
    await repo.upsertDayOverride(tx, { serviceId, date: input.date, capacityPerSlot: input.capacityPerSlot, closed: input.closed ? 1 : 0, reason: input.reason ?? null, updatedAt: ctx.clock.now() });
    let affected = 0;
    if (input.closed) {
      for (const b of await repo.liveBookingsOfServiceDay(tx, serviceId, input.date)) {
        await repo.transition(tx, b.id, ['booked'], { status: 'cancelled', cancelledAt: ctx.clock.now() });
        await repo.releaseSeat(tx, serviceId, b.slotStart);
        await enqueue(tx, ctx.clock, { kind: 'booking.notify', runAt: ctx.clock.now(), payload: { bookingId: b.id, what: 'day_closed', reason: input.reason ?? '' } });
        affected++;
      }
    } else {
      // Seats already taken keep their stored rows: bring each to the new (or automatic) capacity.
      for (const s of await configuredSlots(ctx, site, found, input.date, tx)) await repo.setSlotCapacity(tx, serviceId, new Date(s.start), s.capacity);
    }
    await emit({ siteId, type: 'booking.day_changed', aggregateType: 'service', aggregateId: serviceId, payload: { serviceId, date: input.date }, meta: { ...input, affected } });
    await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action: input.closed ? 'booking.day_closed' : 'booking.capacity_set', siteId, agencyId: found.agency.id, targetType: 'service', targetId: serviceId, details: { ...input, affected } });
    return { date: input.date, closed: input.closed, capacityPerSlot: input.capacityPerSlot, cancelled: affected };
  });
}

/** CSV or XLSX of a day's bookings (masked NIK), for the operator's own records. */
export async function exportBookings(ctx: AppContext, caller: Caller, siteId: string, date: string, format: 'csv' | 'xlsx') {
  const rows = await bookingsOfDay(ctx, caller, siteId, date);
  const header = ['Kode', 'Layanan', 'Mulai', 'Selesai', 'Status', 'Nama', 'NIK', 'Telepon', 'Check-in', 'Dipindahkan ke', 'Pindahan dari'];
  const names = new Map<string, string>();
  for (const r of rows) if (!names.has(r.serviceId)) names.set(r.serviceId, (await getService(ctx, r.serviceId)).service.name);
  const data = rows.map((r) => [r.code, names.get(r.serviceId)!, r.start, r.end, r.status, r.name ?? '', r.nikMasked ?? '', r.phoneMasked ?? '', r.checkedInAt ?? '', r.movedTo?.code ?? '', r.movedFrom?.code ?? '']);
  if (format === 'csv') return toCsv(header, data);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`Booking ${date}`);
  ws.addRow(header).font = { bold: true };
  data.forEach((r) => ws.addRow(r));
  ws.columns.forEach((c) => (c.width = 18));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
