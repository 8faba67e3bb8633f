import type { Lang } from '../../lib/api';
import type { Estimate } from './types';

const intlLocale = (lang: Lang) => (lang === 'en' ? 'en-GB' : 'id-ID');

const ZONES: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** WIB / WITA / WIT for Indonesian zones, else the zone name. */
export const zoneAbbr = (timeZone: string): string => ZONES[timeZone] ?? timeZone;

/** Formatters are costly to build; a display formats every second for days, so they are reused. */
const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(lang: Lang, timeZone: string | undefined, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${timeZone ?? ''}|${JSON.stringify(opts)}`;
  let f = cache.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(intlLocale(lang), { ...opts, timeZone });
    } catch {
      // An unknown zone: the device's own.
      f = new Intl.DateTimeFormat(intlLocale(lang), opts);
    }
    if (cache.size > 50) cache.clear();
    cache.set(key, f);
  }
  return f;
}

const toDate = (v: string | number | Date) => (v instanceof Date ? v : new Date(v));

/** "09.05" (id) / "09:05" (en) in the given zone. */
export function formatClock(v: string | number | Date, lang: Lang, timeZone?: string, seconds = false): string {
  const d = toDate(v);
  if (Number.isNaN(d.getTime())) return '';
  return formatter(lang, timeZone, { hour: '2-digit', minute: '2-digit', second: seconds ? '2-digit' : undefined, hourCycle: 'h23' }).format(d);
}

/** "Rabu, 25 November 2026". */
export function formatLongDate(v: string | number | Date, lang: Lang, timeZone?: string): string {
  const d = toDate(v);
  if (Number.isNaN(d.getTime())) return '';
  return formatter(lang, timeZone, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(d);
}

/** "25 Nov 2026 09.05" for the printed ticket. */
export function formatDateTimeShort(v: string | number | Date, lang: Lang, timeZone?: string): string {
  const d = toDate(v);
  if (Number.isNaN(d.getTime())) return '';
  return formatter(lang, timeZone, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
}

/** "Kamis, 26 Nov 08.00" for a next opening time. */
export function formatOpening(v: string | number | Date, lang: Lang, timeZone?: string): string {
  const d = toDate(v);
  if (Number.isNaN(d.getTime())) return '';
  return formatter(lang, timeZone, { weekday: 'long', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
}

/**
 * An expected wait as a range: `{min: 10, max: 25}` → "10–25"; the caller adds the unit. Null when
 * there is nothing to say; "0" when the wait is (about) none.
 */
export function estimateRange(e: Estimate | null | undefined): string | null {
  if (!e) return null;
  const min = Math.max(0, Math.round(e.minMinutes));
  const max = Math.max(min, Math.round(e.maxMinutes));
  if (max <= 0) return '0';
  return min === max ? String(min) : `${min}–${max}`;
}

/** A fallback UUID v4 where crypto.randomUUID is missing (it needs a secure context: a kiosk on plain http). */
export function newKey(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') {
    try {
      return c.randomUUID();
    } catch {
      // Not a secure context.
    }
  }
  const b = new Uint8Array(16);
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(b);
  else for (let i = 0; i < 16; i++) b[i] = Math.floor(Math.random() * 256);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** localStorage that never throws (private mode, storage full). */
export const store = {
  get<T>(key: string): T | null {
    try {
      const raw = globalThis.localStorage?.getItem(key);
      return raw ? (JSON.parse(raw) as T) : null;
    } catch {
      return null;
    }
  },
  set(key: string, value: unknown): void {
    try {
      globalThis.localStorage?.setItem(key, JSON.stringify(value));
    } catch {
      // Not kept.
    }
  },
  remove(key: string): void {
    try {
      globalThis.localStorage?.removeItem(key);
    } catch {
      // Nothing to do.
    }
  },
};
