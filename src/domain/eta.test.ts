import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateWait, handlingSpread, percentile } from './eta';

describe('percentile', () => {
  it('interpolates between closest ranks', () => {
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([10], 0.25)).toBe(10);
    expect(percentile([5, 6, 7, 8, 9, 10, 30], 0.25)).toBe(6.5);
    expect(percentile([5, 6, 7, 8, 9, 10, 30], 0.75)).toBe(9.5);
    expect(() => percentile([], 0.5)).toThrow(RangeError);
  });
});

describe('handlingSpread', () => {
  it('uses quartiles of enough recent tickets, ignoring mis-clicks', () => {
    expect(handlingSpread([9, 5, 30, 7, 6, 10, 8, 0, -2, Number.NaN], 20)).toEqual({ fast: 6.5, median: 8, slow: 9.5 });
  });

  it('falls back to the default ±50% with few samples', () => {
    expect(handlingSpread([3, 4], 10)).toEqual({ fast: 5, median: 10, slow: 15 });
    expect(handlingSpread([], 0)).toEqual({ fast: 0.5, median: 1, slow: 1.5 });
  });
});

describe('estimateWait', () => {
  it('nobody ahead: from 0 to a small bound', () => {
    expect(estimateWait({ peopleAhead: 0, recentHandlingMinutes: [], defaultHandlingMinutes: 10, openCounters: 1 })).toEqual({ minMinutes: 0, maxMinutes: 15 });
    expect(estimateWait({ peopleAhead: 0, recentHandlingMinutes: [], defaultHandlingMinutes: 10, openCounters: 2 })).toEqual({ minMinutes: 0, maxMinutes: 8 });
    expect(estimateWait({ peopleAhead: 0, recentHandlingMinutes: [], defaultHandlingMinutes: 0.2, openCounters: 3 })).toEqual({ minMinutes: 0, maxMinutes: 1 });
  });

  it('shares the work ahead between open counters', () => {
    const recent = [5, 6, 7, 8, 9, 10, 30];
    expect(estimateWait({ peopleAhead: 4, recentHandlingMinutes: recent, defaultHandlingMinutes: 20, openCounters: 2 })).toEqual({ minMinutes: 13, maxMinutes: 24 });
    expect(estimateWait({ peopleAhead: 4, recentHandlingMinutes: recent, defaultHandlingMinutes: 20, openCounters: 1 })).toEqual({ minMinutes: 26, maxMinutes: 48 });
  });

  it('is robust to one very long case', () => {
    const recent = [5, 6, 7, 8, 9, 10];
    const a = estimateWait({ peopleAhead: 5, recentHandlingMinutes: recent, defaultHandlingMinutes: 10, openCounters: 1 });
    const b = estimateWait({ peopleAhead: 5, recentHandlingMinutes: [...recent, 240], defaultHandlingMinutes: 10, openCounters: 1 });
    expect(b.maxMinutes - a.maxMinutes).toBeLessThanOrEqual(6);
  });

  it('treats no open counter as one and nonsense counts as zero', () => {
    const base = { recentHandlingMinutes: [], defaultHandlingMinutes: 10 };
    expect(estimateWait({ ...base, peopleAhead: 2, openCounters: 0 })).toEqual(estimateWait({ ...base, peopleAhead: 2, openCounters: 1 }));
    expect(estimateWait({ ...base, peopleAhead: -3, openCounters: 1 })).toEqual(estimateWait({ ...base, peopleAhead: 0, openCounters: 1 }));
    expect(estimateWait({ ...base, peopleAhead: Number.NaN, openCounters: Number.NaN })).toEqual({ minMinutes: 0, maxMinutes: 15 });
  });

  it('property: whole minutes, min ≤ max, monotone in people ahead and counters, median inside', () => {
    const input = fc.record({
      peopleAhead: fc.integer({ min: 0, max: 200 }),
      recentHandlingMinutes: fc.array(fc.double({ min: 0.1, max: 120, noNaN: true }), { maxLength: 40 }),
      defaultHandlingMinutes: fc.integer({ min: 1, max: 60 }),
      openCounters: fc.integer({ min: 1, max: 10 }),
    });
    fc.assert(
      fc.property(input, (i) => {
        const e = estimateWait(i);
        expect(Number.isInteger(e.minMinutes) && Number.isInteger(e.maxMinutes)).toBe(true);
        expect(e.minMinutes).toBeGreaterThanOrEqual(0);
        expect(e.maxMinutes).toBeGreaterThanOrEqual(Math.max(1, e.minMinutes));
        const more = estimateWait({ ...i, peopleAhead: i.peopleAhead + 1 });
        expect(more.minMinutes).toBeGreaterThanOrEqual(e.minMinutes);
        expect(more.maxMinutes).toBeGreaterThanOrEqual(e.maxMinutes);
        const extraCounter = estimateWait({ ...i, openCounters: i.openCounters + 1 });
        expect(extraCounter.maxMinutes).toBeLessThanOrEqual(e.maxMinutes);
        const { median } = handlingSpread(i.recentHandlingMinutes, i.defaultHandlingMinutes);
        const central = (i.peopleAhead * median) / i.openCounters;
        expect(central).toBeGreaterThanOrEqual(e.minMinutes);
        expect(central).toBeLessThanOrEqual(e.maxMinutes);
      }),
    );
  });
});
