import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, countWorkingDays, dueDateOf, isWorkingDay, pausedWorkingDays, workingDaysLeft } from './working-days';

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

describe('application deadlines', () => {
  // Samarinda, 2026: Wednesday 25 November; Christmas Friday 25 December with cuti bersama on
  // Thursday 24; New Year Friday 1 January 2027.
  const yearEnd = new Set(['2026-12-24', '2026-12-25', '2027-01-01']);

  it('N working days after the received day (DESIGN §7: Wednesday + 3 → Monday)', () => {
    expect(dueDateOf({ receivedOn: '2026-11-25', workingDays: 3, pauses: [] }, '2026-11-25', none)).toBe('2026-11-30');
    expect(workingDaysLeft('2026-11-25', '2026-11-30', none)).toBe(3);
    expect(workingDaysLeft('2026-12-01', '2026-11-30', none)).toBe(-1);
  });

  it('a same-day target is the received day; no working-day standard, no deadline', () => {
    expect(dueDateOf({ receivedOn: '2026-11-25', workingDays: 0, pauses: [] }, '2026-11-25', none)).toBe('2026-11-25');
    expect(dueDateOf({ receivedOn: '2026-11-28', workingDays: 0, pauses: [] }, '2026-11-28', none)).toBe('2026-11-30');
    expect(dueDateOf({ receivedOn: '2026-11-25', workingDays: null, pauses: [] }, '2026-11-25', none)).toBeNull();
    expect(() => dueDateOf({ receivedOn: '2026-11-25', workingDays: -1, pauses: [] }, '2026-11-25', none)).toThrow(RangeError);
  });

  it('across the year end, skipping cuti bersama and both holidays', () => {
    // Wed 23 Dec + 3: Mon 28, Tue 29, Wed 30.
    expect(dueDateOf({ receivedOn: '2026-12-23', workingDays: 3, pauses: [] }, '2026-12-23', yearEnd)).toBe('2026-12-30');
    // Wed 30 Dec + 3: Thu 31, Mon 4 Jan, Tue 5 Jan (1 January is New Year).
    expect(dueDateOf({ receivedOn: '2026-12-30', workingDays: 3, pauses: [] }, '2026-12-30', yearEnd)).toBe('2027-01-05');
    expect(workingDaysLeft('2026-12-30', '2027-01-05', yearEnd)).toBe(3);
    // Cuti bersama counts like a holiday: without it Thursday 24 would be the first day.
    expect(dueDateOf({ receivedOn: '2026-12-23', workingDays: 1, pauses: [] }, '2026-12-23', new Set(['2026-12-25']))).toBe('2026-12-24');
    expect(dueDateOf({ receivedOn: '2026-12-23', workingDays: 1, pauses: [] }, '2026-12-23', yearEnd)).toBe('2026-12-28');
  });

  it('a pause moves the deadline by the working days after it began up to the day it resumed', () => {
    // Received Monday 23 Nov, 5 working days → Monday 30 Nov. Paused Wednesday 25, resumed Friday 27: 2.
    const d = { receivedOn: '2026-11-23', workingDays: 5, pauses: [{ from: '2026-11-25', to: '2026-11-27' }] };
    expect(pausedWorkingDays(d.pauses, '2026-11-27', none)).toBe(2);
    expect(dueDateOf(d, '2026-11-27', none)).toBe('2026-12-02');
    // Paused over a weekend: Friday to Monday is one working day.
    expect(pausedWorkingDays([{ from: '2026-11-27', to: '2026-11-30' }], '2026-11-30', none)).toBe(1);
    // Paused and resumed the same day: nothing.
    expect(pausedWorkingDays([{ from: '2026-11-25', to: '2026-11-25' }], '2026-11-25', none)).toBe(0);
  });

  it('while paused the deadline moves with every working day, so the days left stay the same', () => {
    const d = { receivedOn: '2026-11-23', workingDays: 3, pauses: [{ from: '2026-11-24', to: null }] };
    const left = (today: string) => workingDaysLeft(today, dueDateOf(d, today, none)!, none);
    expect(dueDateOf(d, '2026-11-24', none)).toBe('2026-11-26');
    expect(dueDateOf(d, '2026-11-27', none)).toBe('2026-12-01');
    expect([left('2026-11-24'), left('2026-11-25'), left('2026-11-27'), left('2026-11-30')]).toEqual([2, 2, 2, 2]);
  });

  it('a holiday added mid-flight moves an open deadline by one day', () => {
    const d = { receivedOn: '2026-11-25', workingDays: 3, pauses: [] };
    expect(dueDateOf(d, '2026-11-26', none)).toBe('2026-11-30');
    expect(dueDateOf(d, '2026-11-26', new Set(['2026-11-27']))).toBe('2026-12-01');
    // A holiday after the deadline changes nothing.
    expect(dueDateOf(d, '2026-11-26', new Set(['2026-12-01']))).toBe('2026-11-30');
  });

  const day = (offset: number) => DateTime.fromISO('2026-01-01').plus({ days: offset }).toISODate()!;
  const dates = fc.integer({ min: 0, max: 730 }).map(day);
  const holidaySets = fc.uniqueArray(fc.integer({ min: 0, max: 900 }), { maxLength: 60 }).map((o) => new Set(o.map(day)));

  it('property: weekends are never counted, whatever the holidays', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 0, max: 60 }), holidaySets, (from, span, h) => {
        const to = DateTime.fromISO(from).plus({ days: span }).toISODate()!;
        let weekdays = 0;
        for (let dt = DateTime.fromISO(from).plus({ days: 1 }); dt <= DateTime.fromISO(to); dt = dt.plus({ days: 1 })) if (dt.weekday < 6 && !h.has(dt.toISODate()!)) weekdays++;
        expect(countWorkingDays(from, to, h)).toBe(weekdays);
        const due = addWorkingDays(from, span, h);
        expect(DateTime.fromISO(due).weekday).toBeLessThan(6);
      }),
    );
  });

  it('a pause that begins after the deadline has passed does not move it: the late file stays late', () => {
    // Received Monday 9 November, one working day: due Tuesday 10. Found incomplete on Friday 20
    // and completed on Monday 7 December: still due on the 10th, not moved to the 25th.
    const d = { receivedOn: '2026-11-09', workingDays: 1, pauses: [{ from: '2026-11-20', to: '2026-12-07' }] };
    expect(dueDateOf(d, '2026-12-07', new Set())).toBe('2026-11-10');
    // A pause that begins before the deadline moves it by all its working days.
    const early = { receivedOn: '2026-11-09', workingDays: 3, pauses: [{ from: '2026-11-10', to: '2026-11-12' }] };
    expect(dueDateOf(early, '2026-11-12', new Set())).toBe('2026-11-16');
  });

  it('property: the due date is a working day, counting back gives N plus the paused days before it, and a holiday never brings it earlier', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), holidaySets, dates, (received, n, pauseAt, pauseLen, h, extra) => {
        const from = DateTime.fromISO(received).plus({ days: pauseAt }).toISODate()!;
        const to = DateTime.fromISO(from).plus({ days: pauseLen }).toISODate()!;
        const d = { receivedOn: received, workingDays: n, pauses: [{ from, to }] };
        const due = dueDateOf(d, to, h)!;
        expect(isWorkingDay(due, h)).toBe(true);
        // The clock ran on exactly N working days up to the due date: the others were paused.
        const pausedBefore = pausedWorkingDays([{ from, to: to < due ? to : due }], to, h);
        expect(countWorkingDays(received, due, h)).toBe(n + (from < due ? pausedBefore : 0));
        expect(dueDateOf(d, to, new Set([...h, extra]))! >= due).toBe(true);
      }),
    );
  });
});
