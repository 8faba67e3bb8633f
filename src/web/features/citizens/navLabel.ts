import i18n from '../../i18n';

/** The staff navbar label of "Buka berkas warga", registered before its chunk (and texts) load. */
i18n.addResourceBundle('id', 'citizens', { nav: 'Buka berkas warga' }, true, false);
i18n.addResourceBundle('en', 'citizens', { nav: "Open a citizen's documents" }, true, false);

export const CITIZENS_LABEL_KEY = 'citizens:nav';
