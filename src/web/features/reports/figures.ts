import type { Lang } from '../../lib/api';
import { localeOf } from '../../lib/format';

/*
 * How report figures read: Indonesian number formats (1.234; 12,5 menit; 87 %), a dash for a
 * figure that does not exist (no ticket measured), and the tables' CSV.
 */

const cache = new Map<string, Intl.NumberFormat>();
function nf(lang: Lang, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(opts)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(localeOf(lang), opts)));
  return f;
}

export const DASH = '–';
/** Minutes with one decimal: "12,5". */
export const fmtMinutes = (n: number | null | undefined, lang: Lang): string => (n === null || n === undefined ? DASH : nf(lang, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(n));
/** A share 0…1 as a whole percentage: "87%". */
export const fmtShare = (n: number | null | undefined, lang: Lang): string => (n === null || n === undefined ? DASH : nf(lang, { style: 'percent', maximumFractionDigits: 0 }).format(n));
/** A count: "1.234". */
export const fmtCount = (n: number, lang: Lang): string => nf(lang, {}).format(n);
/** The IKM with two decimals: "82,47". */
export const fmtIkm = (n: number | null | undefined, lang: Lang): string => (n === null || n === undefined ? DASH : nf(lang, { maximumFractionDigits: 2, minimumFractionDigits: 2 }).format(n));

export type Cell = string | number | null;
export interface TableData {
  header: string[];
  rows: Cell[][];
}

/**
 * A table as CSV for a spreadsheet: comma-separated, CRLF, UTF-8 with a BOM (Excel otherwise reads
 * "Pelayanan Terpadu" accents wrong), a cell with a comma, semicolon (Excel's separator under an
 * Indonesian locale), quote or line break quoted, and a cell a spreadsheet would run as a formula
 * (`=`, `+`, `-`, `@`, tab, CR) prefixed with `'` (CSV injection), as the server's exports do.
 * Numbers stay plain (12.5), for the spreadsheet to format.
 */
export function toCsv({ header, rows }: TableData): string {
  const cell = (v: Cell): string => {
    if (v === null) return '';
    if (typeof v === 'number') return String(v);
    const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
