import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHm, isOpenAt, rangesOn, type Weekday, type WeeklyHoursInput } from './opening-hours';
import { bookingWindow, computeSlots, isBookable, slotCapacity, type SlotInput } from './slots';

const WITA = 'Asia/Makassar';
const none = new Set<string>();
const weekdays = (ranges: Array<{ start: string; end: string }>): WeeklyHoursInput => ({ 1: ranges, 2: ranges, 3: ranges, 4: ranges, 5: ranges });
const base: SlotInput = {
  date: '2026-11-25', // Wednesday
  zone: WITA,
  hours: weekdays([{ start: '08:00', end: '12:00' }, { start: '13:00', end: '16:00' }]),
  closures: none,
  holidays: none,
  slotMinutes: 30,
  countersServing: 2,
  handlingMinutes: 15,
  explicitCapacity: null,
  walkInShare: 0.5,
};

describe('computeSlots', () => {
  it('lays slots inside each opening range with the walk-in share kept back', () => {
    const slots = computeSlots(base);
    expect(slots).toHaveLength(8 + 6);
    expect(slots[0]).toEqual({ start: '2026-11-25T08:00:00+08:00', end: '2026-11-25T08:30:00+08:00', capacity: 2 });
    expect(slots[7].end).toBe('2026-11-25T12:00:00+08:00');
    expect(slots[8].start).toBe('2026-11-25T13:00:00+08:00');
    expect(slots[13].end).toBe('2026-11-25T16:00:00+08:00');
  });

  it('only offers slots that fit entirely', () => {
    const slots = computeSlots({ ...base, hours: weekdays([{ start: '08:00', end: '09:45' }]) });
    expect(slots.map((s) => s.start.slice(11, 16))).toEqual(['08:00', '08:30', '09:00']);
  });

  it('offers nothing on holidays, closures and closed weekdays', () => {
    expect(computeSlots({ ...base, holidays: new Set(['2026-11-25']) })).toEqual([]);
    expect(computeSlots({ ...base, closures: new Set(['2026-11-25']) })).toEqual([]);
    expect(computeSlots({ ...base, date: '2026-11-28' })).toEqual([]); // Saturday
  });

  it('uses an explicit capacity instead of the computed one', () => {
    expect(computeSlots({ ...base, explicitCapacity: 5, walkInShare: 0 })[0].capacity).toBe(5);
    expect(computeSlots({ ...base, explicitCapacity: 5, walkInShare: 0.5 })[0].capacity).toBe(2);
    expect(computeSlots({ ...base, explicitCapacity: 0 })).toEqual([]);
  });

  it('drops slots without a seat', () => {
    expect(computeSlots({ ...base, countersServing: 1, slotMinutes: 10, handlingMinutes: 30 })).toEqual([]);
    expect(computeSlots({ ...base, walkInShare: 1 })).toEqual([]);
    expect(computeSlots({ ...base, countersServing: 0 })).toEqual([]);
  });

  it('does not lose a seat to float noise', () => {
    expect(slotCapacity({ slotMinutes: 10, countersServing: 10, handlingMinutes: 10, walkInShare: 0.3 })).toBe(7);
    expect(slotCapacity({ slotMinutes: 30, countersServing: 3, handlingMinutes: 9, walkInShare: 0.1 })).toBe(9);
  });

  it('a range ending at 24:00 ends its last slot at the next midnight', () => {
    const slots = computeSlots({ ...base, hours: { 3: [{ start: '23:00', end: '24:00' }] } });
    expect(slots.map((s) => s.end)).toEqual(['2026-11-25T23:30:00+08:00', '2026-11-26T00:00:00+08:00']);
  });

  it('rejects nonsense input', () => {
    expect(() => computeSlots({ ...base, slotMinutes: 0 })).toThrow(RangeError);
    expect(() => computeSlots({ ...base, handlingMinutes: 0 })).toThrow(RangeError);
    expect(() => computeSlots({ ...base, walkInShare: 1.5 })).toThrow(RangeError);
    expect(() => computeSlots({ ...base, countersServing: -1 })).toThrow(RangeError);
    expect(() => computeSlots({ ...base, date: '2026-13-01' })).toThrow(RangeError);
  });

  it('property: slots lie within opening hours and never promise more than the counters can handle', () => {
    const hm = fc.integer({ min: 0, max: 96 }).map((q) => q * 15);
    const range = fc.tuple(hm, hm).map(([a, b]) => ({ start: formatHm(Math.min(a, b)), end: formatHm(Math.max(a, b)) }));
    const input = fc.record({
      ranges: fc.array(range, { maxLength: 4 }),
      slotMinutes: fc.integer({ min: 1, max: 120 }),
      countersServing: fc.integer({ min: 0, max: 12 }),
      handlingMinutes: fc.integer({ min: 1, max: 90 }),
      walkInShare: fc.double({ min: 0, max: 1, noNaN: true }),
      day: fc.integer({ min: 0, max: 6 }),
    });
    fc.assert(
      fc.property(input, (i) => {
        const date = `2026-11-${String(23 + i.day).padStart(2, '0')}`;
        const weekday = (1 + i.day) as Weekday;
        const hours: WeeklyHoursInput = { [weekday]: i.ranges };
        const slots = computeSlots({ ...base, ...i, date, hours });
        const openMinutes = rangesOn(hours, weekday).reduce((sum, r) => sum + r.end - r.start, 0);
        const total = slots.reduce((sum, s) => sum + s.capacity, 0);
        expect(total).toBeLessThanOrEqual((i.countersServing * openMinutes) / i.handlingMinutes + 1e-9);
        let previousEnd = 0;
        for (const s of slots) {
          const start = new Date(s.start).getTime();
          const end = new Date(s.end).getTime();
          expect(end - start).toBe(i.slotMinutes * 60_000);
          expect(start).toBeGreaterThanOrEqual(previousEnd);
          expect(isOpenAt(hours, none, WITA, new Date(start))).toBe(true);
          expect(isOpenAt(hours, none, WITA, new Date(end - 1))).toBe(true);
          expect(s.capacity).toBeGreaterThan(0);
          previousEnd = end;
        }
      }),
    );
  });
});

describe('bookingWindow', () => {
  it('runs from minDaysAhead to horizonDays after today', () => {
    expect(bookingWindow({ today: '2026-11-25', horizonDays: 14, minDaysAhead: 1 })).toEqual({ first: '2026-11-26', last: '2026-12-09' });
    expect(bookingWindow({ today: '2026-12-30', horizonDays: 3, minDaysAhead: 0 })).toEqual({ first: '2026-12-30', last: '2027-01-02' });
    expect(bookingWindow({ today: '2026-11-25', horizonDays: 1, minDaysAhead: 2 })).toBeNull();
  });
});

describe('isBookable', () => {
  const policy = { minDaysAhead: 1, horizonDays: 14, cutoffMinutes: 60 };
  const now = new Date('2026-11-25T09:00:00+08:00');
  const slot = (iso: string) => new Date(iso);

  it('accepts a slot tomorrow and up to the horizon', () => {
    expect(isBookable(slot('2026-11-26T08:00:00+08:00'), now, policy, WITA)).toEqual({ ok: true });
    expect(isBookable(slot('2026-12-09T15:30:00+08:00'), now, policy, WITA)).toEqual({ ok: true });
  });

  it('gives the reason when not', () => {
    expect(isBookable(slot('2026-11-25T08:00:00+08:00'), now, policy, WITA)).toEqual({ ok: false, reason: 'past' });
    expect(isBookable(slot('2026-11-25T14:00:00+08:00'), now, policy, WITA)).toEqual({ ok: false, reason: 'too_soon' });
    expect(isBookable(slot('2026-12-10T08:00:00+08:00'), now, policy, WITA)).toEqual({ ok: false, reason: 'beyond_horizon' });
    const sameDay = { ...policy, minDaysAhead: 0 };
    expect(isBookable(slot('2026-11-25T09:59:00+08:00'), now, sameDay, WITA)).toEqual({ ok: false, reason: 'cutoff' });
    expect(isBookable(slot('2026-11-25T10:00:00+08:00'), now, sameDay, WITA)).toEqual({ ok: true });
  });

  it('counts days in the site zone, not UTC', () => {
    // 00:01 WITA on the 26th is still the 25th in UTC; an 08:00 slot that day is "today".
    expect(isBookable(slot('2026-11-26T08:00:00+08:00'), new Date('2026-11-26T00:01:00+08:00'), policy, WITA)).toEqual({ ok: false, reason: 'too_soon' });
    // 23:59 WITA on the 25th: the same slot is tomorrow.
    expect(isBookable(slot('2026-11-26T08:00:00+08:00'), new Date('2026-11-25T23:59:00+08:00'), policy, WITA)).toEqual({ ok: true });
  });
});
