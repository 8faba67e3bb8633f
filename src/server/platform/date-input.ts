/**
 * The date and instant schemas every contract uses. A regex such as \d{4}-\d{2}-\d{2} lets
 * 2026-02-30 through to luxon or PostgreSQL (a 500) or to `new Date` (silently 2 March); these
 * check the calendar, so an impossible date is a 400 naming the field.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';

/** A date that exists, YYYY-MM-DD (leap years included). OpenAPI: format date. */
export const calendarDate = z.iso.date().describe('Calendar date YYYY-MM-DD');

const INSTANT_MESSAGES = {
  id: 'Waktu harus ISO 8601 lengkap dengan zona, mis. 2026-11-26T08:00:00+08:00.',
  en: 'Must be an ISO 8601 date-time with its offset, e.g. 2026-11-26T08:00:00+08:00.',
};

/** Whether luxon reads the text as a real date-time with an explicit offset (or Z). */
function isInstant(s: string): boolean {
  if (!/T\d{2}:\d{2}/.test(s) || !/(?:Z|[+-]\d{2}(?::?\d{2})?)$/.test(s)) return false;
  return DateTime.fromISO(s, { setZone: true }).isValid;
}

/**
 * An instant: an ISO 8601 date-time that exists, with its offset (`2026-11-26T08:00:00+08:00`,
 * `…Z`; seconds optional). Kept as the text: callers compare it in the site's zone.
 */
export const isoInstant = z
  .string()
  .min(16)
  .max(40)
  .refine(isInstant, { params: INSTANT_MESSAGES })
  .describe('ISO 8601 date-time with offset');

/**
 * A filter bound: a calendar date (its UTC midnight) or an instant, as a Date. The web sends
 * instants (local midnight as UTC); integrators may send plain dates.
 */
export const instantOrDate = z
  .union([calendarDate, isoInstant])
  .transform((s) => (s.length === 10 ? new Date(`${s}T00:00:00Z`) : new Date(DateTime.fromISO(s, { setZone: true }).toMillis())))
  .describe('YYYY-MM-DD (UTC midnight) or an ISO 8601 date-time with offset');
