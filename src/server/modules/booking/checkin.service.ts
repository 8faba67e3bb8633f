import { formatOpening } from '../../../domain/opening-hours';
import { AppError, fieldError } from '../../platform/errors';
import type { AppContext } from '../../platform/context';
import { decryptText, normaliseCode } from '../../platform/crypto';
import type { Conn } from '../../platform/db';
import { getSite } from '../catalog/catalog.lookup';
import { bookingPolicyOf } from './booking.policy';
import * as repo from './booking.repository';

export interface CheckIn {
  bookingId: string;
  serviceId: string;
  /** The slot start for ordering, or null when the citizen came late and joins as a walk-in. */
  bookingStart: Date | null;
  late: boolean;
}

/**
 * Check-in at the kiosk, called by the queue inside its issuing transaction. The booking is
 * personal: the citizen proves it with the NIK or its last digits (at least 4). Early arrivals
 * wait for the window; late ones follow the site's rule (walk-in ticket or refusal).
 */
const codeNotFound = () =>
  new AppError('booking.not_found', 404, {
    messages: { id: 'Kode booking tidak ditemukan.', en: 'Booking code not found.' },
    errors: [{ field: 'body.bookingCode', code: 'not_found', messages: { id: 'Kode tidak ditemukan.', en: 'Code not found.' } }],
  });

/**
 * The service a booking code was made for, so that a citizen at the kiosk can type the code
 * without first finding the service. Says nothing else about the booking: the NIK check and all
 * other rules run in checkInBooking.
 */
export async function bookedServiceOf(ctx: AppContext, siteId: string, code: string): Promise<string> {
  const b = await repo.findByCode(ctx.db, normaliseCode(code));
  if (!b || b.siteId !== siteId) throw codeNotFound();
  return b.serviceId;
}

export async function checkInBooking(ctx: AppContext, tx: Conn, input: { siteId: string; code: string; nik?: string | null }): Promise<CheckIn> {
  const b = await repo.findByCode(tx, normaliseCode(input.code));
  if (!b || b.siteId !== input.siteId) throw codeNotFound();
  if (b.status !== 'booked') {
    throw new AppError('booking.invalid_state', 409, {
      messages: { id: `Booking ini tidak bisa check-in (status: ${b.status}).`, en: `This booking cannot check in (status: ${b.status}).` },
      errors: [{ field: 'body.bookingCode', code: b.status, messages: { id: 'Sudah dipakai atau dibatalkan.', en: 'Already used or cancelled.' } }],
    });
  }
  const given = (input.nik ?? '').replace(/\D/g, '');
  const nik = b.nikEnc ? decryptText(ctx.keys.encryption, b.nikEnc) : '';
  if (given.length < 4 || !nik.endsWith(given)) {
    throw fieldError('body.nik', 'mismatch', { id: 'NIK tidak sesuai dengan booking ini.', en: 'The NIK does not match this booking.' });
  }
  const site = await getSite(ctx, b.siteId, tx);
  const policy = bookingPolicyOf(site.settings);
  const now = ctx.clock.now().getTime();
  const opens = b.slotStart.getTime() - policy.checkInBeforeMinutes * 60_000;
  const closes = b.slotStart.getTime() + policy.checkInAfterMinutes * 60_000;
  if (now < opens) {
    const at = formatOpening(new Date(opens), site.timeZone);
    throw new AppError('booking.too_early', 409, {
      messages: {
        id: `Check-in dibuka ${policy.checkInBeforeMinutes} menit sebelum jadwal, mulai ${at.id}.`,
        en: `Check-in opens ${policy.checkInBeforeMinutes} minutes before the slot, from ${at.en}.`,
      },
      extra: { checkInOpensAt: new Date(opens).toISOString() },
    });
  }
  const late = now > closes;
  if (late && policy.lateArrival === 'refuse') {
    throw new AppError('booking.too_late', 409, { messages: { id: 'Waktu check-in sudah lewat.', en: 'The check-in window has passed.' } });
  }
  const moved = await repo.transition(tx, b.id, ['booked'], { status: 'checked_in', checkedInAt: ctx.clock.now() });
  if (!moved) throw new AppError('booking.invalid_state', 409);
  return { bookingId: b.id, serviceId: b.serviceId, bookingStart: late ? null : b.slotStart, late };
}

export async function attachTicket(tx: Conn, bookingId: string, ticketId: string): Promise<void> {
  await repo.transition(tx, bookingId, ['checked_in'], { ticketId });
}
