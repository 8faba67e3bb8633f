import { DateTime } from 'luxon';
import { notFound } from '../../platform/errors';
import type { AppContext, Caller } from '../../platform/context';
import { decryptText, normaliseCode } from '../../platform/crypto';
import { cancelJob } from '../../platform/jobs';
import { transact } from '../../platform/tx';
import { getService, getSite } from '../catalog/catalog.lookup';
import { bookSlot, presentBooking } from './book.service';
import { bookingError } from './booking.errors';
import * as repo from './booking.repository';
import type { BookingRow } from './booking.repository';
import { limited, proveBooking, sourceRule } from './proof';

/** The NIK proves ownership of a booking (no account needed); wrong proofs are limited (proof.ts). */
const ownedBooking = (ctx: AppContext, caller: Caller, code: string, nik: string, siteId?: string) =>
  proveBooking(ctx, caller, { code, nik, mode: 'nik', codeField: 'params.code', siteId });

export async function getBooking(ctx: AppContext, caller: Caller, code: string, nik: string) {
  const b = await ownedBooking(ctx, caller, code, nik);
  const site = await getSite(ctx, b.siteId);
  return presentBooking(ctx, {
    code: b.code, start: b.slotStart.toISOString(), end: b.slotEnd.toISOString(), status: b.status,
    nik: b.nikEnc ? decryptText(ctx.keys.encryption, b.nikEnc) : null, name: b.nameEnc ? decryptText(ctx.keys.encryption, b.nameEnc) : null,
    site, service: await getService(ctx, b.serviceId), movedTo: await movedTo(ctx, b, site.timeZone),
  });
}

/** An instant with the site's offset, as the booking answer writes its slot (2026-11-30T09:00:00+08:00). */
const inZone = (d: Date, zone: string) => DateTime.fromJSDate(d, { zone }).toISO({ suppressMilliseconds: true })!;

/** How many reschedules of one booking are followed to find where it is now. */
const MAX_MOVES = 20;

/**
 * Where a rescheduled booking went: the booking that replaced it, or the one that replaced that
 * (moved twice), so an old code always points at the slot the citizen holds now.
 */
async function movedTo(ctx: AppContext, b: BookingRow, zone: string): Promise<{ code: string; start: string; end: string } | null> {
  let current = b;
  for (let i = 0; i < MAX_MOVES && current.replacedById; i++) {
    const next = await repo.findById(ctx.db, current.replacedById);
    if (!next) break;
    current = next;
  }
  return current === b ? null : { code: current.code, start: inZone(current.slotStart, zone), end: inZone(current.slotEnd, zone) };
}

export async function cancelBooking(ctx: AppContext, caller: Caller, siteId: string, code: string, nik: string) {
  return cancelProven(ctx, siteId, await ownedBooking(ctx, caller, code, nik, siteId));
}

/** Cancels a booking whose ownership is already proved. */
async function cancelProven(ctx: AppContext, siteId: string, b: BookingRow) {
  await transact(ctx, async (tx, emit) => {
    const moved = await repo.transition(tx, b.id, ['booked'], { status: 'cancelled', cancelledAt: ctx.clock.now() });
    if (!moved) {
      throw bookingError('booking.invalid_state', { messages: { id: `Booking tidak bisa dibatalkan (status: ${b.status}).`, en: `The booking cannot be cancelled (status: ${b.status}).` } });
    }
    await repo.releaseSeat(tx, b.serviceId, b.slotStart);
    await cancelJob(tx, `booking.reminder:${b.id}`);
    await emit({ siteId, type: 'booking.cancelled', aggregateType: 'booking', aggregateId: b.id, payload: { bookingId: b.id, serviceId: b.serviceId } });
  });
  return { code: b.code, status: 'cancelled' as const };
}

/**
 * Moves a booking to another slot, in one transaction (book.service): the old booking is
 * cancelled, its seat given back, the new seat taken and the old code pointed at the new booking.
 * When the new slot cannot be had, nothing changed: the citizen keeps the old code and slot.
 */
export async function rescheduleBooking(ctx: AppContext, caller: Caller, siteId: string, code: string, input: { nik: string; start: string }) {
  const b = await ownedBooking(ctx, caller, code, input.nik, siteId);
  if (b.status !== 'booked') throw bookingError('booking.invalid_state');
  const dec = (v: string | null) => (v ? decryptText(ctx.keys.encryption, v) : null);
  return bookSlot(ctx, caller, siteId, { serviceId: b.serviceId, start: input.start, nik: input.nik, name: dec(b.nameEnc) ?? '', phone: dec(b.phoneEnc), email: dec(b.emailEnc) }, { replacing: b });
}

/**
 * An iCalendar file for the booking (RFC 5545), so the citizen's phone reminds them too. The code
 * alone opens it (no personal data in it); unknown codes count against the caller's proof limit,
 * so the file cannot be used to find codes that exist.
 */
export async function bookingIcs(ctx: AppContext, caller: Caller, code: string): Promise<string> {
  const b = await limited(ctx, [sourceRule(caller)], async () => {
    const found = await repo.findByCode(ctx.db, normaliseCode(code));
    if (!found) throw notFound('Booking', 'Booking');
    return found;
  });
  const site = await getSite(ctx, b.siteId);
  const { service, agency } = await getService(ctx, b.serviceId);
  const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const esc = (s: string) => s.replace(/[\\;,]/g, (m) => `\\${m}`).replace(/\n/g, '\\n');
  return [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Loket//Booking//ID', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${b.id}@loket`,
    `DTSTAMP:${stamp(b.createdAt)}`,
    `DTSTART:${stamp(b.slotStart)}`,
    `DTEND:${stamp(b.slotEnd)}`,
    `SUMMARY:${esc(`${service.name} (${agency.shortName}), kode ${b.code}`)}`,
    `LOCATION:${esc(`${site.name}, ${site.address}`)}`,
    `DESCRIPTION:${esc(`Kode booking ${b.code}. Datang paling lambat sesuai jadwal, bawa KTP-el dan persyaratan. Check-in di anjungan dengan kode ini.`)}`,
    'BEGIN:VALARM', 'TRIGGER:-PT2H', 'ACTION:DISPLAY', 'DESCRIPTION:Pengingat booking MPP', 'END:VALARM',
    'END:VEVENT', 'END:VCALENDAR', '',
  ].join('\r\n');
}
