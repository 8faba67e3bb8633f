/**
 * Every problem code of the API, one closed catalogue merged from each module's own list.
 * The server throws only these codes (platform/errors `AppError` is typed by it); the web and
 * integrators may rely on the status and the messages of each.
 */
import { ACCESS_ERRORS } from './access';
import { APPLICATIONS_ERRORS } from './applications';
import { BOOKING_ERRORS } from './booking';
import { CATALOG_ERRORS } from './catalog';
import { COMPLAINTS_ERRORS } from './complaints';
import { ESTABLISHMENT_ERRORS } from './establishment';
import { CITIZENS_ERRORS } from './citizens';
import type { ExtraOf } from './define';
import { FILES_ERRORS } from './files';
import { PLATFORM_ERRORS } from './platform';
import { QUEUE_ERRORS } from './queue';
import { REPORTS_ERRORS } from './reports';
import { SURVEY_ERRORS } from './survey';

export { carries, type Carries, type Catalogue, type ErrorEntry } from './define';
export { ACCESS_ERRORS, BOOKING_ERRORS, CATALOG_ERRORS, FILES_ERRORS, PLATFORM_ERRORS, QUEUE_ERRORS, SURVEY_ERRORS, CITIZENS_ERRORS };
export { COMPLAINTS_ERRORS, ESTABLISHMENT_ERRORS };
export { APPLICATIONS_ERRORS, REPORTS_ERRORS };

/** Each module's catalogue by module, for checks that a code is declared once. */
export const ERROR_CATALOGUES = {
  platform: PLATFORM_ERRORS,
  access: ACCESS_ERRORS,
  catalog: CATALOG_ERRORS,
  files: FILES_ERRORS,
  queue: QUEUE_ERRORS,
  booking: BOOKING_ERRORS,
  establishment: ESTABLISHMENT_ERRORS,
  survey: SURVEY_ERRORS,
  citizens: CITIZENS_ERRORS,
  complaints: COMPLAINTS_ERRORS,
  applications: APPLICATIONS_ERRORS,
  reports: REPORTS_ERRORS,
} as const;

export const ERROR_CATALOGUE = { ...PLATFORM_ERRORS, ...ACCESS_ERRORS, ...CATALOG_ERRORS, ...FILES_ERRORS, ...QUEUE_ERRORS, ...BOOKING_ERRORS, ...ESTABLISHMENT_ERRORS, ...SURVEY_ERRORS, ...CITIZENS_ERRORS, ...COMPLAINTS_ERRORS, ...APPLICATIONS_ERRORS, ...REPORTS_ERRORS } as const;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;
export const ERROR_CODES = Object.keys(ERROR_CATALOGUE) as ErrorCode[];

/** The extra members the problem of `C` carries (`undefined`: none). */
export type ErrorExtra<C extends ErrorCode> = ExtraOf<(typeof ERROR_CATALOGUE)[C]>;
