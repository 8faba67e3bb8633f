import { DateTime, Info } from 'luxon';

/**
 * Opening hours in a site's IANA time zone. Every "is it open", "today" and "next opening" is
 * computed in the site's zone, never the server's: at 00:01 WITA it is still yesterday in UTC.
 */

/** ISO weekday: 1 = Monday … 7 = Sunday (luxon's `weekday`). */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7];

/** Local wall-clock range, 'HH:MM', end exclusive; '24:00' is allowed as an end. */
export interface TimeRange {
  start: string;
  end: string;
}

/** Several ranges per day (e.g. a lunch break); an empty or missing day is closed. */
export type WeeklyHours = Record<Weekday, TimeRange[]>;
/** What stored hours usually look like: days may be missing, keys may be '1'…'7'. */
export type WeeklyHoursInput = Partial<Record<Weekday, readonly TimeRange[]>>;

/** A date the place is closed although its weekly hours say open (holiday, event, outage). */
export interface Closure {
  date: string;
  reason?: string;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const TIME_RE = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;

/** 'HH:MM' → minutes after local midnight (0…1440). Throws on malformed input. */
export function parseHm(time: string): number {
  const m = TIME_RE.exec(time);
  if (!m) throw new RangeError(`Invalid time "${time}", expected HH:MM`);
  return m[3] ? 24 * 60 : Number(m[1]) * 60 + Number(m[2]);
}

/** Minutes after midnight → 'HH:MM'. */
export function formatHm(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** Parses 'YYYY-MM-DD' as a calendar date; throws on malformed or impossible dates. */
export function parseLocalDate(date: string, zone = 'UTC'): DateTime {
  const dt = DATE_RE.test(date) ? DateTime.fromISO(date, { zone }) : DateTime.invalid('format');
  if (!dt.isValid) throw new RangeError(`Invalid date "${date}", expected YYYY-MM-DD`);
  return dt;
}

function checkZone(zone: string): void {
  if (!Info.normalizeZone(zone)?.isValid) throw new RangeError(`Unknown time zone "${zone}"`);
}

/**
 * The day's ranges as sorted, merged minute intervals. Touching or overlapping ranges become
 * one (08:00–12:00 + 12:00–15:00 is open without a gap), empty or reversed ranges are dropped
 * (overnight ranges are not supported: no agency in an MPP works past midnight).
 */
export function rangesOn(hours: WeeklyHoursInput, weekday: Weekday): Array<{ start: number; end: number }> {
  const raw = (hours[weekday] ?? [])
    .map((r) => ({ start: parseHm(r.start), end: parseHm(r.end) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start);
  const merged: Array<{ start: number; end: number }> = [];
  for (const r of raw) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

/** ISO weekday of a 'YYYY-MM-DD' date. */
export function weekdayOf(date: string): Weekday {
  return parseLocalDate(date).weekday as Weekday;
}

const localDateMemo = new Map<string, string>();

/** The calendar date (YYYY-MM-DD) of an instant in a zone. */
export function localDate(at: Date, zone: string): string {
  // Asked on every booking attempt, and luxon's zone offsets are costly. A local date can only
  // change on a whole minute, so answers are memoised per minute and zone.
  const key = `${Math.floor(at.getTime() / 60_000)}|${zone}`;
  let date = localDateMemo.get(key);
  if (date === undefined) {
    checkZone(zone);
    date = DateTime.fromJSDate(at, { zone }).toISODate()!;
    if (localDateMemo.size >= 1_000) localDateMemo.clear();
    localDateMemo.set(key, date);
  }
  return date;
}

/** The wall-clock time ('HH:MM', truncated) of an instant in a zone. */
export function localTime(at: Date, zone: string): string {
  checkZone(zone);
  return DateTime.fromJSDate(at, { zone }).toFormat('HH:mm');
}

/** The instant a local date starts in a zone. */
export function startOfLocalDay(date: string, zone: string): Date {
  checkZone(zone);
  return parseLocalDate(date, zone).startOf('day').toJSDate();
}

/** The instant of a local date and wall-clock time in a zone ('24:00' = next midnight). */
export function zonedDateTime(date: string, time: string, zone: string): Date {
  checkZone(zone);
  const minutes = parseHm(time);
  const day = parseLocalDate(date, zone);
  // Built from wall-clock fields rather than "midnight + N minutes" so that zones with DST
  // still land on the stated local time.
  const dt = minutes === 24 * 60
    ? day.plus({ days: 1 }).startOf('day')
    : day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0, millisecond: 0 });
  return dt.toJSDate();
}

/** Minutes since local midnight of an instant, with seconds as a fraction. */
function minuteOfDay(dt: DateTime): number {
  return dt.hour * 60 + dt.minute + dt.second / 60 + dt.millisecond / 60_000;
}

/** The open range containing `at`, as local minutes, or null when closed. */
function openRangeAt(hours: WeeklyHoursInput, closures: ReadonlySet<string>, zone: string, at: Date) {
  checkZone(zone);
  const local = DateTime.fromJSDate(at, { zone });
  if (closures.has(local.toISODate()!)) return null;
  const t = minuteOfDay(local);
  const range = rangesOn(hours, local.weekday as Weekday).find((r) => r.start <= t && t < r.end);
  return range ? { date: local.toISODate()!, ...range } : null;
}

/** Whether the place is open at an instant: start inclusive, end exclusive. */
export function isOpenAt(hours: WeeklyHoursInput, closures: ReadonlySet<string>, zone: string, at: Date): boolean {
  return openRangeAt(hours, closures, zone, at) !== null;
}

/** When the range open at `at` ends (merged with touching ranges), or null when closed now. */
export function currentRangeEnd(hours: WeeklyHoursInput, closures: ReadonlySet<string>, zone: string, at: Date): Date | null {
  const range = openRangeAt(hours, closures, zone, at);
  return range ? zonedDateTime(range.date, formatHm(range.end), zone) : null;
}

/**
 * The next instant the place opens: `at` itself when open now, otherwise the first range start
 * after `at` within `searchDays` local days (closures skipped), or null when none is found.
 */
export function nextOpening(
  hours: WeeklyHoursInput,
  closures: ReadonlySet<string>,
  zone: string,
  at: Date,
  searchDays = 30,
): Date | null {
  if (isOpenAt(hours, closures, zone, at)) return at;
  const today = DateTime.fromJSDate(at, { zone }).startOf('day');
  for (let i = 0; i <= searchDays; i++) {
    const date = today.plus({ days: i }).toISODate()!;
    if (closures.has(date)) continue;
    for (const r of rangesOn(hours, weekdayOf(date))) {
      const start = zonedDateTime(date, formatHm(r.start), zone);
      if (start.getTime() > at.getTime()) return start;
    }
  }
  return null;
}

const ZONE_ABBR: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** A moment as a citizen reads it: "Kamis, 26 Nov 08.00 WITA" / "Thu 26 Nov 08:00 WITA". */
export function formatOpening(at: Date, zone: string): { id: string; en: string } {
  const dt = DateTime.fromJSDate(at, { zone });
  const abbr = ZONE_ABBR[zone] ?? dt.toFormat("'UTC'ZZ");
  return { id: `${dt.setLocale('id').toFormat('cccc, d LLL HH.mm')} ${abbr}`, en: `${dt.setLocale('en').toFormat('ccc d LLL HH:mm')} ${abbr}` };
}
