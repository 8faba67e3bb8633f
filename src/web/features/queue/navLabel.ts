import i18n from '../../i18n';

/**
 * The staff navbar labels of the officer console and the floor view. The navbar is drawn before
 * their chunks (with the rest of the queue texts) load, so just these labels are registered up front.
 */
i18n.addResourceBundle('id', 'queue', { nav: { console: 'Konsol loket', floor: 'Pantauan lantai' } }, true, false);
i18n.addResourceBundle('en', 'queue', { nav: { console: 'Counter console', floor: 'Floor view' } }, true, false);

export const CONSOLE_LABEL_KEY = 'queue:nav.console';
export const FLOOR_LABEL_KEY = 'queue:nav.floor';
