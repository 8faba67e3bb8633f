import { formatOpening } from '../../../domain/opening-hours';
import type { AppContext, Caller } from '../../platform/context';
import type { Conn } from '../../platform/db';
import { getSite } from '../catalog/catalog.lookup';
import { bookingError } from './booking.errors';
import { bookingPolicyOf } from './booking.policy';
import * as repo from './booking.repository';
import { proveBooking } from './proof';

export interface CheckIn {
  bookingId: string;
  serviceId: string;
  /** The slot start for ordering, or null when the citizen came late and joins as a walk-in. */
  bookingStart: Date | null;
  late: boolean;
}

/**
 * Proves a booking for check-in at the kiosk or the front desk: the code and the NIK or its last
 * digits (at least 4). Outside the issuing transaction, so a wrong proof stays counted (proof.ts);
 * an unknown code and wrong digits give the same answer.
 */
export const proveCheckIn = (ctx: AppContext, caller: Caller, siteId: string, code: string, nik: string | null | undefined) =>
  proveBooking(ctx, caller, { code, nik: nik ?? '', mode: 'digits', codeField: 'body.bookingCode', siteId });

/**
 * Check-in of a proved booking, called by the queue inside its issuing transaction. Early
 * arrivals wait for the window; late ones follow the site's rule (walk-in ticket or refusal).
 */
export async function checkInBooking(ctx: AppContext, tx: Conn, input: { siteId: string; bookingId: string }): Promise<CheckIn> {
  const b = await repo.findById(tx, input.bookingId);
  if (!b || b.siteId !== input.siteId) throw bookingError('booking.invalid_state');
  if (b.status !== 'booked') {
    throw bookingError('booking.invalid_state', {
      messages: { id: `Booking ini tidak bisa check-in (status: ${b.status}).`, en: `This booking cannot check in (status: ${b.status}).` },
      errors: [{ field: 'body.bookingCode', code: b.status, messages: { id: 'Sudah dipakai atau dibatalkan.', en: 'Already used or cancelled.' } }],
    });
  }
  const site = await getSite(ctx, b.siteId, tx);
  const policy = bookingPolicyOf(site.settings);
  const now = ctx.clock.now().getTime();
  const opens = b.slotStart.getTime() - policy.checkInBeforeMinutes * 60_000;
  const closes = b.slotStart.getTime() + policy.checkInAfterMinutes * 60_000;
  if (now < opens) {
    const at = formatOpening(new Date(opens), site.timeZone);
    throw bookingError('booking.too_early', {
      messages: {
        id: `Check-in dibuka ${policy.checkInBeforeMinutes} menit sebelum jadwal, mulai ${at.id}.`,
        en: `Check-in opens ${policy.checkInBeforeMinutes} minutes before the slot, from ${at.en}.`,
      },
      extra: { checkInOpensAt: new Date(opens).toISOString() },
    });
  }
  const late = now > closes;
  if (late && policy.lateArrival === 'refuse') {
    throw bookingError('booking.too_late');
  }
  const moved = await repo.transition(tx, b.id, ['booked'], { status: 'checked_in', checkedInAt: ctx.clock.now() });
  if (!moved) throw bookingError('booking.invalid_state');
  return { bookingId: b.id, serviceId: b.serviceId, bookingStart: late ? null : b.slotStart, late };
}

export async function attachTicket(tx: Conn, bookingId: string, ticketId: string): Promise<void> {
  await repo.transition(tx, bookingId, ['checked_in'], { ticketId });
}
