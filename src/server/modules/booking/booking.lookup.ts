/**
 * What other modules may use of booking (the one file of booking they import): the queue checks
 * a booking in at the kiosk or front desk and links the ticket it issues to it.
 */
export { attachTicket, checkInBooking, proveCheckIn, type CheckIn } from './checkin.service';
