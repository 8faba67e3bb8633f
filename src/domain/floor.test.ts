import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { announcementActive, counterFloorState, minutesWaited, waitFigures } from './floor';

const MIN = 60_000;

describe('counter state on the floor view', () => {
  it('shows a ticket at the counter first, then break, then closed, else idle', () => {
    const base = { active: true, paused: false, hasCurrent: false, anyServiceOpen: true };
    expect(counterFloorState(base)).toBe('idle');
    expect(counterFloorState({ ...base, hasCurrent: true, anyServiceOpen: false })).toBe('serving');
    expect(counterFloorState({ ...base, paused: true })).toBe('on_break');
    expect(counterFloorState({ ...base, anyServiceOpen: false })).toBe('closed');
    expect(counterFloorState({ ...base, active: false, paused: true })).toBe('closed');
  });
});

describe('wait figures', () => {
  const now = 10_000 * MIN;
  it('counts the longest wait and the tickets strictly over target, longest first', () => {
    const f = waitFigures(
      [
        { id: 'b', number: 'A-002', issuedAt: now - 15 * MIN },
        { id: 'a', number: 'A-001', issuedAt: now - 40 * MIN - 30_000 },
        { id: 'c', number: 'A-003', issuedAt: now - 16 * MIN },
        { id: 'd', number: 'A-004', issuedAt: now - 2 * MIN },
      ],
      now,
      15,
    );
    expect(f).toEqual({
      waiting: 4,
      oldestSince: now - 40 * MIN - 30_000,
      longestWaitMinutes: 40,
      overTarget: 2,
      overTargetTickets: [
        { id: 'a', number: 'A-001', since: now - 40 * MIN - 30_000, minutes: 40 },
        { id: 'c', number: 'A-003', since: now - 16 * MIN, minutes: 16 },
      ],
    });
  });

  it('is empty for nobody waiting', () => {
    expect(waitFigures([], now, 15)).toEqual({ waiting: 0, oldestSince: null, longestWaitMinutes: null, overTarget: 0, overTargetTickets: [] });
  });

  it('never lists more than the limit, and the count stays whole', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 60 }), fc.integer({ min: 1, max: 120 }), (ages, target) => {
        const f = waitFigures(ages.map((m, i) => ({ id: `t${i}`, number: `A-${i}`, issuedAt: now - m * MIN })), now, target, 5);
        expect(f.overTarget).toBe(ages.filter((m) => m > target).length);
        expect(f.overTargetTickets.length).toBe(Math.min(5, f.overTarget));
        for (const t of f.overTargetTickets) expect(t.minutes).toBeGreaterThan(target);
        expect(f.longestWaitMinutes).toBe(ages.length ? Math.max(...ages) : null);
      }),
    );
  });

  it('rounds minutes down and never below zero (a clock a little behind)', () => {
    expect(minutesWaited(now - 59_999, now)).toBe(0);
    expect(minutesWaited(now + 5_000, now)).toBe(0);
  });
});

describe('announcement on the ticker', () => {
  it('runs until its end, or until cleared when it has none', () => {
    expect(announcementActive({ until: null }, 5)).toBe(true);
    expect(announcementActive({ until: 6 }, 5)).toBe(true);
    expect(announcementActive({ until: 5 }, 5)).toBe(false);
  });
});
