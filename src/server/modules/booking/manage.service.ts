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
    site, service: await getService(ctx, b.serviceId),
  });
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

/** Moves a booking to another slot: the new seat is taken before the old one is given back. */
export async function rescheduleBooking(ctx: AppContext, caller: Caller, siteId: string, code: string, input: { nik: string; start: string }) {
  const b = await ownedBooking(ctx, caller, code, input.nik, siteId);
  if (b.status !== 'booked') throw bookingError('booking.invalid_state');
  const name = b.nameEnc ? decryptText(ctx.keys.encryption, b.nameEnc) : '';
  const phone = b.phoneEnc ? decryptText(ctx.keys.encryption, b.phoneEnc) : null;
  const email = b.emailEnc ? decryptText(ctx.keys.encryption, b.emailEnc) : null;
  // On the same day the new booking would collide with the old one (one per NIK per service per
  // day), so the old one is cancelled first and restored if the new slot cannot be had.
  const site = await getSite(ctx, siteId);
  const target = DateTime.fromISO(input.start, { setZone: true });
  const sameDay = target.isValid && target.setZone(site.timeZone).toISODate() === b.localDate;
  if (sameDay) {
    await cancelProven(ctx, siteId, b);
    try {
      return await bookSlot(ctx, caller, siteId, { serviceId: b.serviceId, start: input.start, nik: input.nik, name, phone, email });
    } catch (err) {
      // Put the citizen back in the old slot if the new one could not be had.
      await bookSlot(ctx, caller, siteId, { serviceId: b.serviceId, start: b.slotStart.toISOString(), nik: input.nik, name, phone, email }).catch(() => {});
      throw err;
    }
  }
  const created = await bookSlot(ctx, caller, siteId, { serviceId: b.serviceId, start: input.start, nik: input.nik, name, phone, email });
  await cancelProven(ctx, siteId, b);
  return created;
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
