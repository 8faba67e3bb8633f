/**
 * The problems booking throws with its own codes (slots, bookings and check-in). The codes, their
 * statuses, messages and extra members are declared once, in src/contracts/errors/booking.ts; the
 * platform's common codes (not_found, validation_failed, auth.forbidden, …) go through `appError`
 * of platform/errors.
 */
import { BOOKING_ERRORS } from '../../../contracts/errors';
import { errorsOf } from '../../platform/errors';

export const bookingError = errorsOf(BOOKING_ERRORS);
