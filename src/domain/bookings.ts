/** A booking's life: booked → checked_in at the kiosk or front desk, or cancelled, or no_show. */
export const BOOKING_STATUSES = ['booked', 'checked_in', 'cancelled', 'no_show'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
