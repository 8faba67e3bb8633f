import i18n from '../../i18n';

/**
 * The staff navbar label of the officer console. The navbar is drawn before the console's chunk
 * (with the rest of the queue texts) loads, so just this one label is registered up front.
 */
i18n.addResourceBundle('id', 'queue', { nav: { console: 'Konsol loket' } }, true, false);
i18n.addResourceBundle('en', 'queue', { nav: { console: 'Counter console' } }, true, false);

export const CONSOLE_LABEL_KEY = 'queue:nav.console';
