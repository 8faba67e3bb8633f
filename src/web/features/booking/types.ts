/**
 * Shapes of the booking API (src/contracts/booking.ts) and of the public catalogue fields the
 * booking pages use (DESIGN §6, src/contracts/catalog.ts): the contracts' types, never copies.
 */
import type * as c from '../../../contracts/booking';
import type * as catalog from '../../../contracts/catalog';
import type { RequestOf, ResponseOf } from '../../../contracts/common';

export { BOOKING_STATUSES } from '../../../domain/bookings';

export type PublicSite = ResponseOf<typeof catalog.siteSummary>;
/** A service as the public list gives it (GET /sites/{siteId}/services). */
export type BookableService = ResponseOf<typeof catalog.publicService>;
export type ServiceRequirement = BookableService['standard']['requirements'][number];

export type Slot = ResponseOf<typeof c.slotSchema>;
/** booked, checked_in, cancelled or no_show (the server may add more). */
export type BookingStatus = Booking['status'];
/** A booking as the citizen sees it; `qrSvg` is an SVG document, rendered as an image, never injected as markup. */
export type Booking = ResponseOf<typeof c.bookingResponse>;
export type BookRequest = RequestOf<typeof c.bookBody>;

// ---------- operator ----------
export type CalendarDay = ResponseOf<typeof c.calendarDay>;
export type DayBooking = ResponseOf<typeof c.dayBooking>;
export type DayOverview = ResponseOf<typeof c.dayOverview>;
export type DayChange = RequestOf<typeof c.capacityBody>;
export type DayChangeResult = ResponseOf<typeof c.dayChangeResult>;
