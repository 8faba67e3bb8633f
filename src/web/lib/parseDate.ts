/**
 * What a person types into a date field, read the Indonesian way: day first. Accepts 2026-01-15,
 * 15/1/2026, 15-01-2026, 15.1.2026 and "15 Januari 2026" / "15 Jan 2026" / "15 January 2026";
 * returns the calendar date YYYY-MM-DD, or null when it is not a real date. Never month first
 * (the browser's mm/dd/yyyy is what confused officers).
 */
const MONTHS: Record<string, number> = {};
for (const locale of ['id', 'en']) {
  for (let m = 0; m < 12; m++) {
    const d = new Date(Date.UTC(2026, m, 15));
    for (const style of ['long', 'short'] as const) {
      const name = new Intl.DateTimeFormat(locale, { month: style, timeZone: 'UTC' }).format(d).toLowerCase().replace(/\.$/, '');
      MONTHS[name] = m + 1;
    }
  }
}
// Spellings people use besides the locale's own abbreviations.
Object.assign(MONTHS, { agu: 8, ags: 8, agt: 8, okt: 10, des: 12, sept: 9, mei: 5 });

function iso(y: number, m: number, d: number): string | null {
  if (!(y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function parseDayFirst(input: string): string | null {
  const s = input.trim().toLowerCase();
  let r = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (r) return iso(Number(r[1]), Number(r[2]), Number(r[3]));
  r = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (r) return iso(Number(r[3]), Number(r[2]), Number(r[1]));
  r = /^(?:[a-z]+,?\s+)?(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$/.exec(s);
  if (r && MONTHS[r[2]]) return iso(Number(r[3]), MONTHS[r[2]], Number(r[1]));
  return null;
}
