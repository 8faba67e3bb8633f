/**
 * What other modules may use of booking (the one file of booking they import): the queue checks
 * a booking in at the kiosk or front desk and links the ticket it issues to it; the reports read
 * how many bookings stood and how many came.
 */
import type { AppContext } from '../../platform/context';
import { ambientConn } from '../../platform/db';
import * as repo from './booking.repository';

export { attachTicket, checkInBooking, proveCheckIn, type CheckIn } from './checkin.service';

/** Bookings made (not cancelled) and checked in for slots on local dates from..to. */
export const bookingFigures = (ctx: AppContext, siteId: string, from: string, to: string, serviceIds: readonly string[] | null = null) =>
  repo.bookingCounts(ambientConn(ctx.db), siteId, from, to, serviceIds);
