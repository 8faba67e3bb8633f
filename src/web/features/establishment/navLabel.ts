import i18n from '../../i18n';

/**
 * The staff navbar label of the province view. The navbar is drawn before the page's chunk (with
 * the rest of its texts) loads, so just this one label is registered up front.
 */
i18n.addResourceBundle('id', 'establishment', { nav: 'Tahapan MPP' }, true, false);
i18n.addResourceBundle('en', 'establishment', { nav: 'MPP stages' }, true, false);

export const PROVINCE_LABEL_KEY = 'establishment:nav';
