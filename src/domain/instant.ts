/**
 * Instants as clients write them: an ISO 8601 date-time that exists, with its offset
 * (`2026-11-26T08:00:00+08:00`, `…Z`; seconds optional). The contracts check requests with these,
 * so the server and the web's forms judge a date-time alike.
 */
import { DateTime } from 'luxon';

/** Whether luxon reads the text as a real date-time with an explicit offset (or Z). */
export function isInstant(s: string): boolean {
  if (!/T\d{2}:\d{2}/.test(s) || !/(?:Z|[+-]\d{2}(?::?\d{2})?)$/.test(s)) return false;
  return DateTime.fromISO(s, { setZone: true }).isValid;
}

/** The instant of a calendar date (its UTC midnight) or of an ISO date-time with offset. */
export function instantOfDateOrInstant(s: string): Date {
  return s.length === 10 ? new Date(`${s}T00:00:00Z`) : new Date(DateTime.fromISO(s, { setZone: true }).toMillis());
}
