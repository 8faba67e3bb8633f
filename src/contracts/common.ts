/**
 * Primitives every contract uses: calendar-checked dates, instants, http(s) URLs, ids, pages and
 * the problem document. Like every file in src/contracts, this imports only zod and src/domain,
 * so the web can take types from here (`import type`) without pulling in server code.
 */
import { z } from 'zod';
import { instantOfDateOrInstant, isInstant } from '../domain/instant';

// ---------- dates and instants ----------
// A regex such as \d{4}-\d{2}-\d{2} lets 2026-02-30 through to luxon or PostgreSQL (a 500) or to
// `new Date` (silently 2 March); these check the calendar, so an impossible date is a 400 naming
// the field.

/** A date that exists, YYYY-MM-DD (leap years included). OpenAPI: format date. */
export const calendarDate = z.iso.date().describe('Calendar date YYYY-MM-DD');

const INSTANT_MESSAGES = {
  id: 'Waktu harus ISO 8601 lengkap dengan zona, mis. 2026-11-26T08:00:00+08:00.',
  en: 'Must be an ISO 8601 date-time with its offset, e.g. 2026-11-26T08:00:00+08:00.',
};

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
  .transform(instantOfDateOrInstant)
  .describe('YYYY-MM-DD (UTC midnight) or an ISO 8601 date-time with offset');

/** An instant in a response (the server writes them with toISOString or its zone's offset). */
export const instant = z.string().describe('ISO 8601 instant');

// ---------- URLs ----------

/**
 * Whether `s` is an absolute http(s) address, written as such. Stored URLs end up as `href`s on
 * public pages, so `javascript:`, `data:` or `vbscript:` would run in a citizen's browser. The
 * WHATWG parser alone is not enough: it accepts `http:example` and trims leading control
 * characters, so the text itself must start with the scheme and hold no whitespace or controls.
 */
export function isHttpUrl(s: string): boolean {
  if (!/^https?:\/\/[^\s\p{Cc}]+$/iu.test(s) || !URL.canParse(s)) return false;
  const u = new URL(s);
  return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
}

export const HTTP_URL_MESSAGES = {
  id: 'Harus alamat web lengkap yang diawali http:// atau https://.',
  en: 'Must be a full web address starting with http:// or https://.',
};

/** The one schema for every URL a client sends (agency and site websites, and any added later). */
export const httpUrl = z
  .string()
  .trim()
  .max(300)
  .refine(isHttpUrl, { message: HTTP_URL_MESSAGES.en, params: HTTP_URL_MESSAGES })
  .meta({ format: 'uri', description: 'http:// or https:// address' });

// ---------- ids, pages ----------
export const siteParams = z.object({ siteId: z.uuid() });
export const idParams = z.object({ id: z.uuid() });
export const counterParams = z.object({ counterId: z.uuid() });

/** One page of a list: the admin lists and the audit log. */
export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

// ---------- problems ----------
export const bilingual = z.object({ id: z.string().describe('Bahasa Indonesia'), en: z.string().describe('English') });

/** One bad field of a problem: `params.<name>`, `querystring.<name>`, `body.<path>` (or an import cell). */
export const fieldProblem = z.object({
  field: z.string(),
  code: z.string(),
  messages: bilingual,
  sheet: z.string().optional().describe('Catalogue import: the sheet (XLSX) or array key (JSON)'),
  row: z.number().int().optional().describe('Catalogue import: the 1-based row'),
});

/**
 * An error answer, application/problem+json (RFC 9457) with a stable `code`. Some problems add
 * members of their own (`retryAfter`, `limit`, `nextOpening`, …), hence the open object.
 */
export const problem = z
  .looseObject({
    type: z.string().describe('urn:loket:problem:<code>'),
    title: z.string(),
    status: z.number().int(),
    code: z.string().describe('Stable: clients translate it, or show messages'),
    detail: z.string().optional(),
    messages: bilingual,
    errors: z.array(fieldProblem).optional().describe('Each bad field'),
  })
  .describe('RFC 9457 problem document');

// ---------- types for clients ----------
/** A value as JSON carries it: the Dates a service returns arrive as ISO 8601 strings. */
export type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;
/** What a client receives from a route whose response schema is S. */
export type ResponseOf<S extends z.ZodType> = Wire<z.output<S>>;
/** What a client may send to a route whose request schema is S (defaults may be left out). */
export type RequestOf<S extends z.ZodType> = z.input<S>;
