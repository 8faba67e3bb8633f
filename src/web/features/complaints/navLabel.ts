import i18n from '../../i18n';

/** The staff navbar label of the complaints board, registered before its chunk (and texts) load. */
i18n.addResourceBundle('id', 'complaints', { nav: 'Pengaduan' }, true, false);
i18n.addResourceBundle('en', 'complaints', { nav: 'Complaints' }, true, false);

export const COMPLAINTS_LABEL_KEY = 'complaints:nav';
