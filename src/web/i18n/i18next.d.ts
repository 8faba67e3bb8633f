/**
 * Translation keys are typed: `t('kiosk.title')` in `useTranslation('queue')` must name a key of
 * the Indonesian texts of that namespace (English has the same shape, see texts.ts), so a typo or
 * a removed key fails `tsc`. Keys built at run time (`status.${s}`) are checked through the union
 * of their parts.
 */
import 'i18next';
import type { id as admin } from '../app/admin/i18n/id';
import type { id as access } from '../features/access/i18n/id';
import type { id as applications } from '../features/applications/i18n/id';
import type { id as booking } from '../features/booking/i18n/id';
import type { id as catalogAdmin } from '../features/catalog/admin/i18n';
import type { id as catalog } from '../features/catalog/i18n/id';
import type { id as complaints } from '../features/complaints/i18n/id';
import type { id as citizens } from '../features/citizens/i18n/id';
import type { id as establishment } from '../features/establishment/i18n/id';
import type { id as queue } from '../features/queue/i18n/id';
import type { id as queueFloor } from '../features/queue/floor/i18n/id';
import type { id as reports } from '../features/reports/i18n/id';
import type { id as survey } from '../features/survey/i18n/id';
import type translation from './id.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: typeof translation;
      admin: typeof admin;
      access: typeof access;
      booking: typeof booking;
      catalog: typeof catalog & typeof catalogAdmin;
      queue: typeof queue & typeof queueFloor;
      survey: typeof survey;
      establishment: typeof establishment;
      complaints: typeof complaints;
      applications: typeof applications;
      citizens: typeof citizens;
      reports: typeof reports;
    };
  }
}
