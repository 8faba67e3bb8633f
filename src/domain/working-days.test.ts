import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, countWorkingDays, isWorkingDay } from './working-days';

const none = new Set<string>();
// Around Nyepi and Idul Fitri 2026 (SKB 3 Menteri): cuti bersama 18, 20, 23, 24 March; Nyepi 19;
// Idul Fitri 21–22 March (a weekend). Tuesday 17 to Wednesday 25 March has no working day between.
const lebaran2026 = new Set(['2026-03-18', '2026-03-19', '2026-03-20', '2026-03-21', '2026-03-22', '2026-03-23', '2026-03-24']);
const christmas2026 = new Set(['2026-12-24', '2026-12-25']);

describe('isWorkingDay', () => {
  it('weekdays work, weekends and holidays do not', () => {
    expect(isWorkingDay('2026-11-25', none)).toBe(true); // Wednesday
    expect(isWorkingDay('2026-11-28', none)).toBe(false); // Saturday
    expect(isWorkingDay('2026-11-29', none)).toBe(false); // Sunday
    expect(isWorkingDay('2026-12-25', christmas2026)).toBe(false);
    expect(isWorkingDay('2026-11-28', none, [7])).toBe(true); // a six-day week
  });

  it('rejects impossible dates', () => {
    expect(() => isWorkingDay('2026-02-29', none)).toThrow(RangeError);
    expect(() => isWorkingDay('25-11-2026', none)).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it('does not count the start day and skips the weekend', () => {
    expect(addWorkingDays('2026-11-27', 3, none)).toBe('2026-12-02'); // Fri + 3 = Wed
    expect(addWorkingDays('2026-11-25', 1, none)).toBe('2026-11-26');
    expect(addWorkingDays('2026-11-28', 1, none)).toBe('2026-11-30'); // Sat + 1 = Mon
  });

  it('zero days rolls a non-working day forward', () => {
    expect(addWorkingDays('2026-11-25', 0, none)).toBe('2026-11-25');
    expect(addWorkingDays('2026-11-28', 0, none)).toBe('2026-11-30');
    expect(addWorkingDays('2026-12-24', 0, christmas2026)).toBe('2026-12-28');
  });

  it('skips a run of cuti bersama and holidays', () => {
    expect(addWorkingDays('2026-03-17', 1, lebaran2026)).toBe('2026-03-25');
    expect(addWorkingDays('2026-03-13', 5, lebaran2026)).toBe('2026-03-27'); // 16, 17, 25, 26, 27
    expect(addWorkingDays('2026-12-23', 1, christmas2026)).toBe('2026-12-28');
  });

  it('counts backwards with negative days', () => {
    expect(addWorkingDays('2026-03-25', -1, lebaran2026)).toBe('2026-03-17');
    expect(addWorkingDays('2026-11-30', -1, none)).toBe('2026-11-27');
  });

  it('honours a custom weekend', () => {
    expect(addWorkingDays('2026-11-27', 1, none, [7])).toBe('2026-11-28');
    expect(() => addWorkingDays('2026-11-27', 1, none, [1, 2, 3, 4, 5, 6, 7])).toThrow(RangeError);
    expect(() => addWorkingDays('2026-11-27', 1.5, none)).toThrow(RangeError);
  });
});

describe('countWorkingDays', () => {
  it('counts (from, to]', () => {
    expect(countWorkingDays('2026-11-27', '2026-12-02', none)).toBe(3);
    expect(countWorkingDays('2026-11-25', '2026-11-25', none)).toBe(0);
    expect(countWorkingDays('2026-03-17', '2026-03-25', lebaran2026)).toBe(1);
    expect(countWorkingDays('2026-12-02', '2026-11-27', none)).toBe(-3);
  });

  it('property: counting undoes adding, and the result is a working day', () => {
    const start = fc.integer({ min: 0, max: 730 }).map((d) => DateTime.fromISO('2026-01-01').plus({ days: d }).toISODate()!);
    const holidays = fc
      .uniqueArray(fc.integer({ min: 0, max: 900 }), { maxLength: 60 })
      .map((offsets) => new Set(offsets.map((d) => DateTime.fromISO('2026-01-01').plus({ days: d }).toISODate()!)));
    fc.assert(
      fc.property(start, fc.integer({ min: -40, max: 40 }).filter((n) => n !== 0), holidays, (s, n, h) => {
        const due = addWorkingDays(s, n, h);
        expect(isWorkingDay(due, h)).toBe(true);
        expect(countWorkingDays(s, due, h)).toBe(n > 0 ? n : n + (isWorkingDay(s, h) ? 0 : 1));
      }),
    );
  });
});
