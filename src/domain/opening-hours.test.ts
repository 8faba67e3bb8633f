import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  currentRangeEnd,
  formatHm,
  isOpenAt,
  localDate,
  localTime,
  nextOpening,
  rangesOn,
  startOfLocalDay,
  zonedDateTime,
  type Weekday,
  type WeeklyHoursInput,
} from './opening-hours';

const WITA = 'Asia/Makassar';
const at = (iso: string) => new Date(iso);
const none = new Set<string>();
const weekdays = (ranges: Array<{ start: string; end: string }>, days: Weekday[] = [1, 2, 3, 4, 5]): WeeklyHoursInput =>
  Object.fromEntries(days.map((d) => [d, ranges]));

const office = weekdays([{ start: '08:00', end: '16:00' }]);

describe('local date and time in WITA', () => {
  it('23:59 on the 25th is still the 25th', () => {
    expect(localDate(at('2026-11-25T23:59:00+08:00'), WITA)).toBe('2026-11-25');
    expect(localTime(at('2026-11-25T23:59:00+08:00'), WITA)).toBe('23:59');
  });

  it('00:01 on the 26th is the 26th locally although UTC still says the 25th', () => {
    const instant = at('2026-11-26T00:01:00+08:00');
    expect(instant.toISOString()).toBe('2026-11-25T16:01:00.000Z');
    expect(localDate(instant, WITA)).toBe('2026-11-26');
    expect(localTime(instant, WITA)).toBe('00:01');
  });

  it('weekday rules follow the local day around midnight', () => {
    const wedAllDay: WeeklyHoursInput = { 3: [{ start: '00:00', end: '24:00' }] };
    expect(isOpenAt(wedAllDay, none, WITA, at('2026-11-25T23:59:00+08:00'))).toBe(true);
    expect(isOpenAt(wedAllDay, none, WITA, at('2026-11-26T00:01:00+08:00'))).toBe(false);
    const thuNight: WeeklyHoursInput = { 4: [{ start: '00:00', end: '02:00' }] };
    expect(isOpenAt(thuNight, none, WITA, at('2026-11-26T00:01:00+08:00'))).toBe(true);
  });

  it('startOfLocalDay and zonedDateTime give instants in the zone', () => {
    expect(startOfLocalDay('2026-11-26', WITA).toISOString()).toBe('2026-11-25T16:00:00.000Z');
    expect(zonedDateTime('2026-11-25', '08:30', WITA).toISOString()).toBe('2026-11-25T00:30:00.000Z');
    expect(zonedDateTime('2026-11-25', '24:00', WITA).toISOString()).toBe('2026-11-25T16:00:00.000Z');
    expect(zonedDateTime('2026-11-25', '08:00', 'Asia/Jayapura').toISOString()).toBe('2026-11-24T23:00:00.000Z');
  });

  it('rejects malformed dates, times and zones', () => {
    expect(() => zonedDateTime('2026-02-30', '08:00', WITA)).toThrow(RangeError);
    expect(() => zonedDateTime('2026-11-25', '8:00', WITA)).toThrow(RangeError);
    expect(() => zonedDateTime('2026-11-25', '24:01', WITA)).toThrow(RangeError);
    expect(() => localDate(new Date(0), 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('isOpenAt', () => {
  it('start is inclusive, end exclusive', () => {
    expect(isOpenAt(office, none, WITA, at('2026-11-25T07:59:00+08:00'))).toBe(false);
    expect(isOpenAt(office, none, WITA, at('2026-11-25T08:00:00+08:00'))).toBe(true);
    expect(isOpenAt(office, none, WITA, at('2026-11-25T15:59:59+08:00'))).toBe(true);
    expect(isOpenAt(office, none, WITA, at('2026-11-25T16:00:00+08:00'))).toBe(false);
  });

  it('is closed at weekends and on closure dates', () => {
    expect(isOpenAt(office, none, WITA, at('2026-11-28T10:00:00+08:00'))).toBe(false); // Saturday
    const christmas = new Set(['2026-12-25']);
    expect(isOpenAt(office, christmas, WITA, at('2026-12-25T10:00:00+08:00'))).toBe(false);
    expect(isOpenAt(office, christmas, WITA, at('2026-12-24T10:00:00+08:00'))).toBe(true);
  });

  it('treats a lunch break as closed and touching ranges as one', () => {
    const lunch = weekdays([{ start: '08:00', end: '12:00' }, { start: '13:00', end: '16:00' }]);
    expect(isOpenAt(lunch, none, WITA, at('2026-11-25T12:30:00+08:00'))).toBe(false);
    expect(nextOpening(lunch, none, WITA, at('2026-11-25T12:30:00+08:00'))).toEqual(at('2026-11-25T13:00:00+08:00'));
    const touching = weekdays([{ start: '12:00', end: '15:00' }, { start: '08:00', end: '12:00' }]);
    expect(rangesOn(touching, 3)).toEqual([{ start: 480, end: 900 }]);
    expect(currentRangeEnd(touching, none, WITA, at('2026-11-25T09:00:00+08:00'))).toEqual(at('2026-11-25T15:00:00+08:00'));
  });
});

describe('nextOpening', () => {
  it('returns the instant itself when open', () => {
    const now = at('2026-11-25T09:00:00+08:00');
    expect(nextOpening(office, none, WITA, now)).toBe(now);
  });

  it('after closing time, opens tomorrow morning', () => {
    expect(nextOpening(office, none, WITA, at('2026-11-25T16:00:00+08:00'))).toEqual(at('2026-11-26T08:00:00+08:00'));
  });

  it('just after local midnight, opens the same local morning', () => {
    expect(nextOpening(office, none, WITA, at('2026-11-26T00:01:00+08:00'))).toEqual(at('2026-11-26T08:00:00+08:00'));
  });

  it('skips a holiday and the weekend', () => {
    const closures = new Set(['2026-12-24', '2026-12-25']);
    expect(nextOpening(office, closures, WITA, at('2026-12-23T17:00:00+08:00'))).toEqual(at('2026-12-28T08:00:00+08:00'));
  });

  it('an agency open only Mon/Wed/Fri', () => {
    const mwf = weekdays([{ start: '08:00', end: '15:00' }], [1, 3, 5]);
    expect(isOpenAt(mwf, none, WITA, at('2026-11-24T10:00:00+08:00'))).toBe(false); // Tuesday
    expect(nextOpening(mwf, none, WITA, at('2026-11-24T10:00:00+08:00'))).toEqual(at('2026-11-25T08:00:00+08:00'));
    expect(nextOpening(mwf, none, WITA, at('2026-11-27T15:00:00+08:00'))).toEqual(at('2026-11-30T08:00:00+08:00'));
  });

  it('an agency open only 08:00–12:00 (SIM, KPP Pratama)', () => {
    const mornings = weekdays([{ start: '08:00', end: '12:00' }]);
    expect(isOpenAt(mornings, none, WITA, at('2026-11-25T11:59:00+08:00'))).toBe(true);
    expect(isOpenAt(mornings, none, WITA, at('2026-11-25T12:00:00+08:00'))).toBe(false);
    expect(currentRangeEnd(mornings, none, WITA, at('2026-11-25T10:00:00+08:00'))).toEqual(at('2026-11-25T12:00:00+08:00'));
    expect(currentRangeEnd(mornings, none, WITA, at('2026-11-25T12:30:00+08:00'))).toBeNull();
    expect(nextOpening(mornings, none, WITA, at('2026-11-25T12:30:00+08:00'))).toEqual(at('2026-11-26T08:00:00+08:00'));
  });

  it('returns null when nothing opens within the search window', () => {
    expect(nextOpening({}, none, WITA, at('2026-11-25T10:00:00+08:00'))).toBeNull();
    const mondays = weekdays([{ start: '08:00', end: '12:00' }], [1]);
    expect(nextOpening(mondays, none, WITA, at('2026-11-25T10:00:00+08:00'), 3)).toBeNull();
    expect(nextOpening(mondays, none, WITA, at('2026-11-25T10:00:00+08:00'), 5)).toEqual(at('2026-11-30T08:00:00+08:00'));
  });

  it('property: the next opening is open, not before `at`, and closed the minute before', () => {
    const hm = fc.integer({ min: 0, max: 23 * 4 }).map((q) => q * 15);
    const range = fc.tuple(hm, fc.integer({ min: 1, max: 16 })).map(([s, len]) => ({
      start: formatHm(s),
      end: formatHm(Math.min(s + len * 15, 1440)),
    }));
    const hours = fc.dictionary(fc.constantFrom('1', '2', '3', '4', '5', '6', '7'), fc.array(range, { maxLength: 3 }));
    const instant = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) }).map((ms) => new Date(ms));
    fc.assert(
      fc.property(hours, instant, (h, now) => {
        const next = nextOpening(h as WeeklyHoursInput, none, WITA, now);
        if (next === null) return isNeverOpen(h as WeeklyHoursInput);
        expect(next.getTime()).toBeGreaterThanOrEqual(now.getTime());
        expect(isOpenAt(h as WeeklyHoursInput, none, WITA, next)).toBe(true);
        if (next !== now) expect(isOpenAt(h as WeeklyHoursInput, none, WITA, new Date(next.getTime() - 60_000))).toBe(false);
        return true;
      }),
    );
  });
});

function isNeverOpen(h: WeeklyHoursInput): boolean {
  return ([1, 2, 3, 4, 5, 6, 7] as Weekday[]).every((d) => rangesOn(h, d).length === 0);
}
