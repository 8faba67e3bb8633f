import { DateTime } from 'luxon';

/** How the dashboard's period is chosen: a preset counted back from the site's today, or two dates. */
export const PERIOD_PRESETS = ['today', 'week', 'month', 'lastMonth', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];
export interface DateRange {
  from: string;
  to: string;
}

/** The server's limit (DESIGN §7): a year and a day. */
export const MAX_RANGE_DAYS = 366;

const day = (iso: string) => DateTime.fromISO(iso, { zone: 'UTC' });
const iso = (d: DateTime) => d.toISODate()!;

/**
 * The dates of a preset for the site's `today` (YYYY-MM-DD in its zone): "Minggu ini" runs from
 * Monday, "Bulan ini" from the 1st, both up to today; "Bulan lalu" is the whole previous month.
 */
export function presetRange(preset: Exclude<PeriodPreset, 'custom'>, today: string): DateRange {
  const d = day(today);
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'week':
      return { from: iso(d.startOf('week')), to: today };
    case 'month':
      return { from: iso(d.startOf('month')), to: today };
    case 'lastMonth': {
      const m = d.minus({ months: 1 });
      return { from: iso(m.startOf('month')), to: iso(m.endOf('month')) };
    }
  }
}

/** What is wrong with a custom range, as a text key, or null; the server checks the same. */
export function rangeProblem(r: Partial<DateRange>): 'fromMissing' | 'toMissing' | 'toBeforeFrom' | 'tooLong' | null {
  if (!r.from || !day(r.from).isValid) return 'fromMissing';
  if (!r.to || !day(r.to).isValid) return 'toMissing';
  if (r.to < r.from) return 'toBeforeFrom';
  return day(r.to).diff(day(r.from), 'days').days + 1 > MAX_RANGE_DAYS ? 'tooLong' : null;
}

/** The `count` months up to and including today's, newest first: ["2026-11", "2026-10", …]. */
export function recentMonths(today: string, count: number): string[] {
  const d = day(today).startOf('month');
  return Array.from({ length: count }, (_, i) => d.minus({ months: i }).toFormat('yyyy-MM'));
}

/** The month before today's: the one the monthly report and the transparency page speak of. */
export const previousMonth = (today: string): string => day(today).minus({ months: 1 }).toFormat('yyyy-MM');
