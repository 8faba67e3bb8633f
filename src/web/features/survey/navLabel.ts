import i18n from '../../i18n';

/** The staff navbar label of the survey pages, registered before their chunk (and texts) load. */
i18n.addResourceBundle('id', 'survey', { nav: 'Survei (SKM)' }, true, false);
i18n.addResourceBundle('en', 'survey', { nav: 'Survey (SKM)' }, true, false);

export const SURVEY_LABEL_KEY = 'survey:nav';
