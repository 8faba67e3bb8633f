import i18n from '../../i18n';

/**
 * The staff navbar labels of the reports: the site's and agencies' dashboards, and an officer's
 * own figures. The navbar is drawn before the pages' chunk (with the rest of its texts) loads.
 */
i18n.addResourceBundle('id', 'reports', { nav: 'Laporan', navOwn: 'Kinerja saya' }, true, false);
i18n.addResourceBundle('en', 'reports', { nav: 'Reports', navOwn: 'My figures' }, true, false);

export const REPORTS_LABEL_KEY = 'reports:nav';
export const OWN_FIGURES_LABEL_KEY = 'reports:navOwn';
