import i18n from '../../i18n';

/**
 * The staff navbar label of the booking page. The navbar is drawn before the booking chunk (with
 * the rest of the booking texts) loads, so just this one label is registered up front.
 */
i18n.addResourceBundle('id', 'booking', { nav: 'Booking' }, true, false);
i18n.addResourceBundle('en', 'booking', { nav: 'Bookings' }, true, false);

export const BOOKING_LABEL_KEY = 'booking:nav';
