import type { Lang } from './api';

/**
 * Dates, times, zones and numbers as the web shows them: one place for the locale of each UI
 * language, the Indonesian zone names and the formatters (the kiosk and the display format every
 * second for days, so formatters are built once and reused).
 *
 * Instants (ISO strings from the server) are shown in the site's zone, never the browser's.
 * Calendar dates (YYYY-MM-DD) are the site's local dates: they are formatted as UTC so the
 * browser's own zone never shifts them.
 */

/** Intl locale of each UI language. */
export const LOCALES: Readonly<Record<Lang, string>> = { id: 'id-ID', en: 'en-GB' };
export const localeOf = (lang: Lang): string => LOCALES[lang] ?? LOCALES.id;

const ZONES: Readonly<Record<string, string>> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** Indonesian abbreviation of a site's IANA zone (WIB, WITA, WIT), else the zone name itself. */
export const zoneLabel = (timeZone: string): string => ZONES[timeZone] ?? timeZone;

const cache = new Map<string, Intl.DateTimeFormat>();

/** A cached Intl.DateTimeFormat; an unknown zone falls back to the device's own. */
function formatter(locale: string, opts: Intl.DateTimeFormatOptions, timeZone?: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone ?? ''}|${JSON.stringify(opts)}`;
  let f = cache.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale, { ...opts, timeZone });
    } catch {
      f = new Intl.DateTimeFormat(locale, opts);
    }
    if (cache.size > 100) cache.clear();
    cache.set(key, f);
  }
  return f;
}

type Instant = string | number | Date;
const toDate = (v: Instant): Date => (v instanceof Date ? v : new Date(v));
const HM23 = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;

/* ------------------------------------------------------------------ instants */

/** Date and time with the zone named, e.g. "25 Nov 2026, 09.00.12 WITA" (the browser's zone when none is given). */
export function formatDateTime(value: Instant, lang: Lang, timeZone?: string): string {
  const d = toDate(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return formatter(localeOf(lang), { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'short' }, timeZone).format(d);
}

/** An instant with these Intl options in the given zone; '' for an unreadable instant. */
export function formatInstant(v: Instant, lang: Lang, opts: Intl.DateTimeFormatOptions, timeZone?: string): string {
  const d = toDate(v);
  return Number.isNaN(d.getTime()) ? '' : formatter(localeOf(lang), opts, timeZone).format(d);
}

/** "09.05" (id) / "09:05" (en) in the given zone. */
export const formatClock = (v: Instant, lang: Lang, timeZone?: string, seconds = false): string => formatInstant(v, lang, { ...HM23, second: seconds ? '2-digit' : undefined }, timeZone);

/** "Rabu, 25 November 2026". */
export const formatLongDate = (v: Instant, lang: Lang, timeZone?: string): string => formatInstant(v, lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }, timeZone);

/** "25 Nov 2026 09.05" for the printed ticket. */
export const formatDateTimeShort = (v: Instant, lang: Lang, timeZone?: string): string => formatInstant(v, lang, { day: 'numeric', month: 'short', year: 'numeric', ...HM23 }, timeZone);

/** "Kamis, 26 Nov 08.00" for a next opening time. */
export const formatOpening = (v: Instant, lang: Lang, timeZone?: string): string => formatInstant(v, lang, { weekday: 'long', day: 'numeric', month: 'short', ...HM23 }, timeZone);

/** "08.00–08.30 WITA". */
export function formatTimeRange(start: string, end: string, lang: Lang, timeZone: string): string {
  return `${formatClock(start, lang, timeZone)}–${formatClock(end, lang, timeZone)} ${zoneLabel(timeZone)}`;
}

/** "Kamis, 26 November 2026, 08.00–08.30 WITA". */
export function formatSlot(start: string, end: string, lang: Lang, timeZone: string): string {
  return `${formatDate(dateInZone(start, timeZone), lang)}, ${formatTimeRange(start, end, lang, timeZone)}`;
}

/** The local date (YYYY-MM-DD) of an instant in a zone. */
export function dateInZone(instant: Instant, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return formatter('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }, timeZone).format(toDate(instant));
}

/** The wall-clock "HH:MM" (24 h) of an instant in a zone, for comparing with stored hours. */
export const hmInZone = (instant: Instant, timeZone: string): string => formatter('en-GB', HM23, timeZone).format(toDate(instant));

/**
 * The weekday, wall-clock time, short date and zone of an instant in a site's zone:
 * { day: "Kamis", time: "08.00", date: "26 Nov", zone: "WITA" }.
 */
export function zonedParts(instant: Instant, timeZone: string, lang: Lang): { day: string; time: string; date: string; zone: string } {
  const d = toDate(instant);
  const loc = localeOf(lang);
  return {
    day: formatter(loc, { weekday: 'long' }, timeZone).format(d),
    time: formatHm(hmInZone(d, timeZone), lang),
    date: formatter(loc, { day: 'numeric', month: 'short' }, timeZone).format(d),
    zone: zoneLabel(timeZone),
  };
}

/* --------------------------------------------------------- times of day */

/** "08.00" (id) / "08:00" (en) for a stored "HH:MM" (the same on every ICU version). */
export const formatHm = (hm: string, lang: Lang): string => (lang === 'en' ? hm : hm.replace(':', '.'));

/* ------------------------------------------------------- calendar dates */

export type DateStyle = 'long' | 'medium' | 'short';
const DATE_STYLES: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  long: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  medium: { weekday: 'long', day: 'numeric', month: 'long' },
  short: { weekday: 'short', day: 'numeric', month: 'short' },
};

const calendarDay = (date: string): Date => new Date(`${date}T00:00:00Z`);

/** A calendar date "2026-11-26" as "Kamis, 26 November 2026" (long), "Kamis, 26 November" (medium), "Kam, 26 Nov" (short) or by options. */
export function formatDate(date: string, lang: Lang, style: DateStyle | Intl.DateTimeFormatOptions = 'long'): string {
  const d = calendarDay(date);
  if (Number.isNaN(d.getTime())) return date;
  return formatter(localeOf(lang), typeof style === 'string' ? DATE_STYLES[style] : style, 'UTC').format(d);
}

/** Parts of a calendar date for a compact tile: weekday "Kam", day "26", month "Nov". */
export function dateParts(date: string, lang: Lang): { weekday: string; day: string; month: string } {
  const d = calendarDay(date);
  const f = (o: Intl.DateTimeFormatOptions) => formatter(localeOf(lang), o, 'UTC').format(d);
  return { weekday: f({ weekday: 'short' }), day: String(d.getUTCDate()), month: f({ month: 'short' }) };
}

/** "November 2026" for YYYY-MM. */
export const formatMonth = (month: string, lang: Lang): string => formatter(localeOf(lang), { month: 'long', year: 'numeric' }, 'UTC').format(calendarDay(`${month}-01`));

/** Weekday names Monday first, in the UI language ("Senin" … "Minggu", or "Sen" … "Min"). */
export function weekdayNames(lang: Lang, width: 'long' | 'short' = 'long'): string[] {
  const f = formatter(localeOf(lang), { weekday: width }, 'UTC');
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => f.format(new Date(Date.UTC(2024, 0, 1 + i, 12))));
}

/* --------------------------------------------------------------- numbers */

export const formatNumber = (n: number, lang: Lang): string => new Intl.NumberFormat(localeOf(lang)).format(n);
