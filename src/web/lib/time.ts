import type { Lang } from './api';

const ZONES: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** Indonesian abbreviation of a site's IANA zone (WIB, WITA, WIT), else the zone name itself. */
export const zoneLabel = (timeZone: string): string => ZONES[timeZone] ?? timeZone;

const intlLocale = (lang: Lang) => (lang === 'en' ? 'en-GB' : 'id-ID');

/** Date and time in the browser's zone with the zone named, e.g. "25 Nov 2026, 09.00.12 WITA". */
export function formatDateTime(value: string | number | Date, lang: Lang, timeZone?: string): string {
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return new Intl.DateTimeFormat(intlLocale(lang), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'short',
    timeZone,
  }).format(d);
}

export function formatNumber(n: number, lang: Lang): string {
  return new Intl.NumberFormat(intlLocale(lang)).format(n);
}
