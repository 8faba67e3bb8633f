import { describe, expect, it } from 'vitest';
import { calendarDate, instantOrDate, isoInstant } from './date-input';

describe('calendarDate', () => {
  it('takes dates that exist and refuses those that only look like one', () => {
    for (const d of ['2026-11-26', '2028-02-29', '2000-02-29', '2026-12-31']) expect(calendarDate.safeParse(d).success).toBe(true);
    for (const d of ['2026-02-30', '2026-13-45', '2026-02-29', '1900-02-29', '2026-00-10', '2026-04-31', '26-11-2026', '2026-11-26T00:00:00Z', '']) expect(calendarDate.safeParse(d).success).toBe(false);
  });
});

describe('isoInstant', () => {
  it('needs a real date-time with its offset', () => {
    for (const s of ['2026-11-26T08:00:00+08:00', '2026-11-26T08:00+08:00', '2026-11-26T00:00:00.000Z', '2028-02-29T23:59:59-05:00']) expect(isoInstant.safeParse(s).success, s).toBe(true);
    for (const s of ['2026-02-30T08:00:00+08:00', '2026-13-45T08:00:00Z', '2026-11-26T25:00:00Z', '2026-11-26T08:00:00', '2026-11-26', 'tomorrow 8am']) expect(isoInstant.safeParse(s).success, s).toBe(false);
  });
});

describe('instantOrDate', () => {
  it('reads a date as its UTC midnight and an instant as itself', () => {
    expect(instantOrDate.parse('2026-11-26').toISOString()).toBe('2026-11-26T00:00:00.000Z');
    expect(instantOrDate.parse('2026-11-26T08:00:00+08:00').toISOString()).toBe('2026-11-26T00:00:00.000Z');
    expect(instantOrDate.safeParse('2026-02-30').success).toBe(false);
  });
});
