import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NEXT_OPENING_HORIZON_DAYS, quotaDecision, visitDecision, walkInDecision, type ClosedDay, type IssuingCalendar, type IssuingService } from './issuing';
import { currentRangeEnd, formatHm, isOpenAt, localDate, type WeeklyHoursInput } from './opening-hours';

const WITA = 'Asia/Makassar';
const at = (local: string) => new Date(`${local}+08:00`);
const cal = (closedDays: ClosedDay[] = []): IssuingCalendar => ({ zone: WITA, closedDays });
const open = (hours: WeeklyHoursInput): IssuingService => ({ active: true, hours });
const noCutoff = { stopIssuingBeforeCloseMin: 0 };
const cutoff30 = { stopIssuingBeforeCloseMin: 30 };

const day = (start: string, end: string) => [{ start, end }];
const office = open({ 1: day('08:00', '16:00'), 2: day('08:00', '16:00'), 3: day('08:00', '16:00'), 4: day('08:00', '16:00'), 5: day('08:00', '16:00') });
const mornings = open({ 1: day('08:00', '12:00'), 2: day('08:00', '12:00'), 3: day('08:00', '12:00'), 4: day('08:00', '12:00'), 5: day('08:00', '12:00') });
const afternoons = open({ 1: day('13:00', '16:00'), 2: day('13:00', '16:00'), 3: day('13:00', '16:00'), 4: day('13:00', '16:00'), 5: day('13:00', '16:00') });
// Friday: a short morning and the Friday prayer break.
const fridayShort = open({
  ...office.hours,
  5: [{ start: '08:00', end: '11:30' }, { start: '13:30', end: '15:00' }],
});

// 2026-11-25 is a Wednesday, 2026-11-27 a Friday.
describe('walkInDecision: worked examples', () => {
  it('accepts inside the hours', () => {
    expect(walkInDecision(office, cal(), noCutoff, at('2026-11-25T09:00:00'))).toEqual({ ok: true });
    expect(walkInDecision(office, cal(), noCutoff, at('2026-11-25T08:00:00'))).toEqual({ ok: true });
  });

  it('before opening: closed, opening this morning', () => {
    expect(walkInDecision(office, cal(), noCutoff, at('2026-11-25T07:30:00'))).toEqual({ ok: false, reason: 'closed', nextOpening: at('2026-11-25T08:00:00') });
  });

  it('at closing time and later: closed, opening tomorrow; at the weekend: on Monday', () => {
    expect(walkInDecision(office, cal(), noCutoff, at('2026-11-25T16:00:00'))).toEqual({ ok: false, reason: 'closed', nextOpening: at('2026-11-26T08:00:00') });
    expect(walkInDecision(office, cal(), noCutoff, at('2026-11-28T09:00:00'))).toEqual({ ok: false, reason: 'closed', nextOpening: at('2026-11-30T08:00:00') });
  });

  it('after the cut-off: refused for this range, the next opening after it', () => {
    expect(walkInDecision(office, cal(), cutoff30, at('2026-11-25T15:29:00'))).toEqual({ ok: true });
    // Exactly 30 minutes before closing is still in time.
    expect(walkInDecision(office, cal(), cutoff30, at('2026-11-25T15:30:00'))).toEqual({ ok: true });
    expect(walkInDecision(office, cal(), cutoff30, at('2026-11-25T15:30:01'))).toEqual({ ok: false, reason: 'cutoff', nextOpening: at('2026-11-26T08:00:00') });
    expect(walkInDecision(office, cal(), noCutoff, at('2026-11-25T15:59:00'))).toEqual({ ok: true });
  });

  it('a holiday: refused with its name and the first working day after the closed days', () => {
    const christmas = cal([{ date: '2026-12-24', name: 'Cuti bersama Natal' }, { date: '2026-12-25', name: 'Natal' }]);
    expect(walkInDecision(office, christmas, noCutoff, at('2026-12-24T09:00:00'))).toEqual({
      ok: false, reason: 'holiday', holidayName: 'Cuti bersama Natal', nextOpening: at('2026-12-28T08:00:00'),
    });
    // The day before, the holiday only moves the next opening.
    expect(walkInDecision(office, christmas, noCutoff, at('2026-12-23T17:00:00'))).toEqual({ ok: false, reason: 'closed', nextOpening: at('2026-12-28T08:00:00') });
    expect(walkInDecision(office, cal([{ date: '2026-11-25' }]), noCutoff, at('2026-11-25T09:00:00'))).toMatchObject({ reason: 'holiday', holidayName: '' });
  });

  it('a Friday short day: the prayer break, the cut-off before it, and the early close', () => {
    expect(walkInDecision(fridayShort, cal(), noCutoff, at('2026-11-27T11:00:00'))).toEqual({ ok: true });
    expect(walkInDecision(fridayShort, cal(), cutoff30, at('2026-11-27T11:10:00'))).toEqual({ ok: false, reason: 'cutoff', nextOpening: at('2026-11-27T13:30:00') });
    expect(walkInDecision(fridayShort, cal(), noCutoff, at('2026-11-27T12:00:00'))).toEqual({ ok: false, reason: 'closed', nextOpening: at('2026-11-27T13:30:00') });
    expect(walkInDecision(fridayShort, cal(), noCutoff, at('2026-11-27T12:00:00'), { laterToday: true })).toEqual({ ok: true });
    expect(walkInDecision(fridayShort, cal(), noCutoff, at('2026-11-27T15:30:00'))).toEqual({ ok: false, reason: 'closed', nextOpening: at('2026-11-30T08:00:00') });
    // The same hour on a Thursday is open.
    expect(walkInDecision(fridayShort, cal(), noCutoff, at('2026-11-26T15:30:00'))).toEqual({ ok: true });
  });

  it('an inactive service is refused first, with no next opening', () => {
    expect(walkInDecision({ ...office, active: false }, cal([{ date: '2026-11-25', name: 'Libur' }]), noCutoff, at('2026-11-25T09:00:00'))).toEqual({ ok: false, reason: 'inactive', nextOpening: null });
  });

  it('no next opening within the horizon: null', () => {
    expect(walkInDecision(open({}), cal(), noCutoff, at('2026-11-25T09:00:00'))).toEqual({ ok: false, reason: 'closed', nextOpening: null });
  });

  it('"today" is the site zone\'s: 00:30 WITA on Thursday is Thursday, though UTC says Wednesday', () => {
    const thursdayOff = cal([{ date: '2026-11-26', name: 'Libur' }]);
    expect(walkInDecision(office, thursdayOff, noCutoff, at('2026-11-26T00:30:00'))).toMatchObject({ reason: 'holiday', nextOpening: at('2026-11-27T08:00:00') });
  });
});

describe('visitDecision: a multi-service visit', () => {
  it('accepts planned services that open later today', () => {
    expect(visitDecision([office, afternoons], cal(), noCutoff, at('2026-11-25T09:00:00'))).toEqual({ ok: true });
  });

  it('refuses a planned service that never opens again today, naming its step', () => {
    expect(visitDecision([office, mornings], cal(), noCutoff, at('2026-11-25T13:30:00'))).toEqual({ ok: false, step: 1, reason: 'closed', nextOpening: at('2026-11-26T08:00:00') });
    expect(visitDecision([office, afternoons, { ...office, active: false }], cal(), noCutoff, at('2026-11-25T09:00:00'))).toEqual({ ok: false, step: 2, reason: 'inactive', nextOpening: null });
  });

  it('the service issued now must be open now, and is checked first', () => {
    expect(visitDecision([afternoons, { ...office, active: false }], cal(), noCutoff, at('2026-11-25T09:00:00'))).toEqual({ ok: false, step: 0, reason: 'closed', nextOpening: at('2026-11-25T13:00:00') });
  });
});

describe('quotaDecision', () => {
  it('one left is accepted; exactly full is refused with the first opening from tomorrow', () => {
    const now = at('2026-11-25T10:00:00');
    expect(quotaDecision(2, 3, office, cal(), now)).toEqual({ ok: true });
    expect(quotaDecision(3, 3, office, cal(), now)).toEqual({ ok: false, reason: 'quota_full', nextOpening: at('2026-11-26T08:00:00') });
    expect(quotaDecision(0, 0, office, cal(), now)).toMatchObject({ ok: false, reason: 'quota_full' });
  });

  it('full on a Friday or before a holiday: the next working day', () => {
    expect(quotaDecision(5, 5, fridayShort, cal(), at('2026-11-27T09:00:00'))).toMatchObject({ nextOpening: at('2026-11-30T08:00:00') });
    expect(quotaDecision(5, 5, office, cal([{ date: '2026-12-25', name: 'Natal' }]), at('2026-12-24T09:00:00'))).toMatchObject({ nextOpening: at('2026-12-28T08:00:00') });
  });

  it('rejects counts that are not whole numbers', () => {
    expect(() => quotaDecision(-1, 3, office, cal(), at('2026-11-25T10:00:00'))).toThrow(RangeError);
    expect(() => quotaDecision(1, Number.NaN, office, cal(), at('2026-11-25T10:00:00'))).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const QUARTER = 15 * 60_000;
const hm = fc.integer({ min: 0, max: 23 * 4 }).map((q) => q * 15);
const range = fc.tuple(hm, fc.integer({ min: 1, max: 24 })).map(([s, len]) => ({ start: formatHm(s), end: formatHm(Math.min(s + len * 15, 1440)) }));
const hours = fc.dictionary(fc.constantFrom('1', '2', '3', '4', '5', '6', '7'), fc.array(range, { maxLength: 3 })).map((h) => h as WeeklyHoursInput);
// Instants on the whole minute, over four weeks from Monday 2026-11-23.
const START = at('2026-11-23T00:00:00').getTime();
const instant = fc.integer({ min: 0, max: 28 * 24 * 60 }).map((m) => new Date(START + m * 60_000));
const dateNear = fc.integer({ min: 0, max: 40 }).map((d) => localDate(new Date(START + d * 86_400_000), WITA));
const closedDays = fc.array(fc.record({ date: dateNear, name: fc.constantFrom('Natal', 'Cuti bersama', 'Renovasi', undefined) }), { maxLength: 12 });
const policy = fc.record({ stopIssuingBeforeCloseMin: fc.constantFrom(0, 15, 30, 60, 90) });

/** The first quarter hour after `from` (and after `now`) at which the service is open, by brute force. */
function firstOpenQuarter(h: WeeklyHoursInput, closed: ReadonlySet<string>, from: Date, now: Date): Date | null {
  const limit = now.getTime() + NEXT_OPENING_HORIZON_DAYS * 86_400_000;
  let t = Math.floor(from.getTime() / QUARTER) * QUARTER;
  for (; t <= limit; t += QUARTER) {
    if (t > now.getTime() && t >= from.getTime() && isOpenAt(h, closed, WITA, new Date(t))) return new Date(t);
  }
  return null;
}

describe('issuing: properties', () => {
  it('quota: with q issued and a quota of Q, the refusal happens iff q ≥ Q, and points after today', () => {
    fc.assert(
      fc.property(fc.nat(500), fc.nat(500), hours, instant, (q, quota, h, now) => {
        const d = quotaDecision(q, quota, open(h), cal(), now);
        expect(d.ok).toBe(q < quota);
        if (!d.ok && d.nextOpening) expect(localDate(d.nextOpening, WITA) > localDate(now, WITA)).toBe(true);
      }),
    );
  });

  it('opening: a time refusal carries an open next opening strictly after now whenever one exists within the horizon', () => {
    fc.assert(
      fc.property(hours, closedDays, policy, instant, (h, days, p, now) => {
        const d = walkInDecision(open(h), cal(days), p, now);
        if (d.ok) return;
        const closed = new Set(days.map((x) => x.date));
        // After a cut-off the next chance lies beyond the current range; otherwise after now.
        const from = d.reason === 'cutoff' ? currentRangeEnd(h, closed, WITA, now)! : now;
        const brute = firstOpenQuarter(h, closed, from, now);
        if (brute) expect(d.nextOpening).not.toBeNull();
        if (d.nextOpening) {
          expect(d.nextOpening.getTime()).toBeGreaterThan(now.getTime());
          expect(isOpenAt(h, closed, WITA, d.nextOpening)).toBe(true);
          // It is the first one: no open quarter hour comes before it.
          if (brute) expect(d.nextOpening.getTime()).toBeLessThanOrEqual(brute.getTime());
        }
      }),
      { numRuns: 60 },
    );
  });

  it('cut-off: while open, refused iff the range ends within the cut-off', () => {
    fc.assert(
      fc.property(hours, policy, instant, (h, p, now) => {
        const end = currentRangeEnd(h, new Set(), WITA, now);
        fc.pre(end !== null);
        const d = walkInDecision(open(h), cal(), p, now);
        expect(d.ok).toBe(end!.getTime() - now.getTime() >= p.stopIssuingBeforeCloseMin * 60_000);
        if (!d.ok) expect(d.reason).toBe('cutoff');
      }),
    );
  });

  it('later today only adds acceptances: of services that open again the same local day', () => {
    fc.assert(
      fc.property(hours, closedDays, policy, instant, (h, days, p, now) => {
        const strict = walkInDecision(open(h), cal(days), p, now);
        const later = walkInDecision(open(h), cal(days), p, now, { laterToday: true });
        if (strict.ok) expect(later).toEqual({ ok: true });
        else if (later.ok) expect(strict.reason === 'closed' && strict.nextOpening && localDate(strict.nextOpening, WITA) === localDate(now, WITA)).toBe(true);
        else expect(later).toEqual(strict);
      }),
    );
  });

  it('a visit is refused at the first step that its own decision refuses', () => {
    const step = fc.record({ active: fc.boolean(), hours });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 4 }), closedDays, policy, instant, (steps, days, p, now) => {
        const each = steps.map((s, i) => walkInDecision(s, cal(days), p, now, { laterToday: i > 0 }));
        const first = each.findIndex((d) => !d.ok);
        const d = visitDecision(steps, cal(days), p, now);
        if (first < 0) expect(d).toEqual({ ok: true });
        else expect(d).toEqual({ ...each[first], step: first });
      }),
    );
  });

  it('no decision depends on the order of the holiday list', () => {
    // Duplicated dates with other names included: the server never sends them, but the order
    // must still not pick the name.
    // Days counted from now's local date, so that today is often among them, often twice.
    const list = fc.array(fc.record({ offset: fc.nat(6), name: fc.constantFrom('Natal', 'Cuti bersama', 'Renovasi') }), { maxLength: 12 });
    const shuffled = list.chain((l) => fc.tuple(fc.constant(l), fc.shuffledSubarray(l, { minLength: l.length, maxLength: l.length })));
    const dated = (now: Date, l: Array<{ offset: number; name: string }>) => l.map((x) => ({ date: localDate(new Date(now.getTime() + x.offset * 86_400_000), WITA), name: x.name }));
    fc.assert(
      fc.property(hours, shuffled, policy, instant, fc.nat(5), (h, [l1, l2], p, now, q) => {
        const a = dated(now, l1);
        const b = dated(now, l2);
        const s = open(h);
        expect(walkInDecision(s, cal(b), p, now)).toEqual(walkInDecision(s, cal(a), p, now));
        expect(visitDecision([s, s], cal(b), p, now)).toEqual(visitDecision([s, s], cal(a), p, now));
        expect(quotaDecision(q, 3, s, cal(b), now)).toEqual(quotaDecision(q, 3, s, cal(a), now));
      }),
      { numRuns: 60 },
    );
  });
});
