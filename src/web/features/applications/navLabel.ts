import i18n from '../../i18n';

/** The staff navbar label of the applications pages, registered before their chunk (and texts) load. */
i18n.addResourceBundle('id', 'applications', { nav: 'Permohonan' }, true, false);
i18n.addResourceBundle('en', 'applications', { nav: 'Applications' }, true, false);

export const APPLICATIONS_LABEL_KEY = 'applications:nav';
