import type { Lang } from '../../lib/api';
import { zoneLabel } from '../../lib/time';

/**
 * Calendar dates (YYYY-MM-DD) are the site's local dates: they are handled as UTC midnights so
 * the browser's own zone never shifts them. Instants are shown in the site's zone.
 */

const intlLocale = (lang: Lang) => (lang === 'en' ? 'en-GB' : 'id-ID');
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const isIsoDate = (s: string | null | undefined): s is string => !!s && ISO_DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

const utc = (date: string) => new Date(`${date}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  const d = utc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
}

/** The local date of an instant in a zone. */
export function dateInZone(instant: Date | string | number, timeZone: string): string {
  const d = instant instanceof Date ? instant : new Date(instant);
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export const isoWeekday = (date: string): number => utc(date).getUTCDay() || 7;

/** "Kamis, 26 November 2026" (long) or "Kam, 26 Nov" (short) for a calendar date. */
export function formatDate(date: string, lang: Lang, style: 'long' | 'short' | 'medium' = 'long'): string {
  const opts: Intl.DateTimeFormatOptions =
    style === 'long'
      ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }
      : style === 'medium'
        ? { weekday: 'long', day: 'numeric', month: 'long' }
        : { weekday: 'short', day: 'numeric', month: 'short' };
  return new Intl.DateTimeFormat(intlLocale(lang), { ...opts, timeZone: 'UTC' }).format(utc(date));
}

/** Parts of a calendar date for a compact tile: weekday "Kam", day "26", month "Nov". */
export function dateParts(date: string, lang: Lang): { weekday: string; day: string; month: string } {
  const d = utc(date);
  const f = (o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(intlLocale(lang), { ...o, timeZone: 'UTC' }).format(d);
  return { weekday: f({ weekday: 'short' }), day: String(d.getUTCDate()), month: f({ month: 'short' }) };
}

/** "November 2026" for YYYY-MM. */
export function formatMonth(month: string, lang: Lang): string {
  return new Intl.DateTimeFormat(intlLocale(lang), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(utc(`${month}-01`));
}

/** "08.00" in the site's zone. */
export function formatTime(instant: string, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale(lang), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(new Date(instant));
}

/** "08.00–08.30 WITA". */
export function formatTimeRange(start: string, end: string, lang: Lang, timeZone: string): string {
  return `${formatTime(start, lang, timeZone)}–${formatTime(end, lang, timeZone)} ${zoneLabel(timeZone)}`;
}

/** "Kamis, 26 November 2026, 08.00–08.30 WITA". */
export function formatSlot(start: string, end: string, lang: Lang, timeZone: string): string {
  return `${formatDate(dateInZone(start, timeZone), lang)}, ${formatTimeRange(start, end, lang, timeZone)}`;
}

export const monthOf = (date: string): string => date.slice(0, 7);

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return iso(d).slice(0, 7);
}

/** First and last dates of a month. */
export function monthRange(month: string): { from: string; to: string } {
  const from = `${month}-01`;
  return { from, to: addDays(`${addMonths(month, 1)}-01`, -1) };
}

/** The weeks (Monday first) of a month; days outside it are null. */
export function monthWeeks(month: string): Array<Array<string | null>> {
  const { from, to } = monthRange(month);
  const weeks: Array<Array<string | null>> = [];
  let week: Array<string | null> = Array.from({ length: isoWeekday(from) - 1 }, () => null);
  for (let d = from; d <= to; d = addDays(d, 1)) {
    week.push(d);
    if (week.length === 7) {
      weeks.push(week);
      week = [];
    }
  }
  if (week.length) weeks.push([...week, ...Array.from({ length: 7 - week.length }, () => null)]);
  return weeks;
}

/** Short weekday names, Monday first. */
export function weekdayNames(lang: Lang, style: 'short' | 'long' = 'short'): string[] {
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => new Intl.DateTimeFormat(intlLocale(lang), { weekday: style, timeZone: 'UTC' }).format(utc(addDays('2024-01-01', i))));
}

/** Upper-case letters and digits only, as the server reads a code. */
export const normaliseCode = (code: string): string => code.toUpperCase().replace(/[^A-Z0-9]/g, '');
