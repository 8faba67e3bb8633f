import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SKM_ELEMENT_KEYS, computeIkm, gradeOf, ikmFromSums, type Score, type SkmResponse } from './ikm';
import { ageBandOf, parsePeriod, periodOf, showable, weakElements, WEAK_NRR } from './survey';

const response = fc.record(Object.fromEntries(SKM_ELEMENT_KEYS.map((k) => [k, fc.constantFrom<Score>(1, 2, 3, 4)])) as Record<keyof SkmResponse, fc.Arbitrary<Score>>);
const uniform = (s: Score) => Object.fromEntries(SKM_ELEMENT_KEYS.map((k) => [k, s])) as SkmResponse;

describe('the regulation (PermenPANRB 14/2017, lampiran)', () => {
  // The table of nilai persepsi: interval of the IKM (1–4) and of its conversion (25–100).
  it.each([
    [1.0, 25, 'D'],
    [2.5996, 64.99, 'D'],
    [2.6, 65.0, 'C'],
    [3.064, 76.6, 'C'],
    [3.0644, 76.61, 'B'],
    [3.532, 88.3, 'B'],
    [3.5324, 88.31, 'A'],
    [4.0, 100, 'A'],
  ])('IKM %d converts to %d, mutu %s', (ikm, unit, grade) => {
    const converted = Math.round(ikm * 25 * 100) / 100;
    expect(converted).toBe(unit);
    expect(gradeOf(converted).grade).toBe(grade);
  });

  it('uses the exact 1/9, not 0.111: 125 respondents totalling 3,975 points are 88.33 (A), not 88.25 (B)', () => {
    const sums = Object.fromEntries(SKM_ELEMENT_KEYS.map((k, i) => [k, i < 6 ? 442 : 441])) as Record<(typeof SKM_ELEMENT_KEYS)[number], number>;
    expect(Object.values(sums).reduce((a, b) => a + b, 0)).toBe(3975);
    const r = ikmFromSums(sums, 125)!;
    expect(r.ikmUnit).toBe(88.33);
    expect(r.grade).toBe('A');
    // What the apps that weigh each NRR by 0.111 print: a grade lower.
    const withPointOneOneOne = Math.round(SKM_ELEMENT_KEYS.reduce((s, k) => s + (sums[k] / 125) * 0.111, 0) * 25 * 100) / 100;
    expect(withPointOneOneOne).toBe(88.25);
    expect(gradeOf(withPointOneOneOne).grade).toBe('B');
  });

  it('rounds the unit before grading, not the mean before × 25', () => {
    // Mean 3.0643… × 25 = 76.608… → 76.61 (B); rounding the mean to 3.06 first would give 76.50 (C).
    const r = ikmFromSums(Object.fromEntries(SKM_ELEMENT_KEYS.map((k, i) => [k, i < 2 ? 59 : 58])) as never, 19)!;
    expect(r.ikm).toBeCloseTo(3.0643, 4);
    expect(r.ikmUnit).toBe(76.61);
    expect(r.grade).toBe('B');
    expect(Math.round(r.ikm * 100) / 100 * 25).toBe(76.5);
  });

  it('boundaries after rounding: 88.30/88.31, 76.60/76.61, 64.99/65.00', () => {
    expect([88.3, 88.31, 76.6, 76.61, 64.99, 65.0].map((u) => gradeOf(u).grade)).toEqual(['B', 'A', 'C', 'B', 'D', 'C']);
    expect(gradeOf(88.305).grade).toBe('A'); // 88.305 rounds to 88.31
    expect(gradeOf(64.994).grade).toBe('D');
  });
});

describe('properties of the index', () => {
  it('permuting the respondents, or the keys within an answer, changes nothing', () => {
    fc.assert(
      fc.property(fc.array(response, { minLength: 1, maxLength: 40 }), fc.integer(), (responses, seed) => {
        const shuffled = [...responses].sort((a, b) => ((JSON.stringify(a).length * seed) % 7) - ((JSON.stringify(b).length * seed) % 7) || 0).reverse();
        const rekeyed = shuffled.map((r) => Object.fromEntries(Object.entries(r).reverse()) as SkmResponse);
        expect(computeIkm(rekeyed)).toEqual(computeIkm(responses));
      }),
    );
  });

  it('all 4s are 100.00 A, whatever the number of respondents; one more 1 never raises the index', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.array(response, { maxLength: 30 }), (n, rest) => {
        expect(computeIkm(Array.from({ length: n }, () => uniform(4)))).toMatchObject({ ikmUnit: 100, grade: 'A', gradeLabel: 'Sangat Baik' });
        if (rest.length) expect(computeIkm([...rest, uniform(1)])!.ikm).toBeLessThanOrEqual(computeIkm(rest)!.ikm);
      }),
    );
  });
});

describe('periods', () => {
  it.each([
    ['2026', 'year', '2026-01-01', '2026-12-31'],
    ['2026-S1', 'semester', '2026-01-01', '2026-06-30'],
    ['2026-S2', 'semester', '2026-07-01', '2026-12-31'],
    ['2026-Q1', 'quarter', '2026-01-01', '2026-03-31'],
    ['2026-Q4', 'quarter', '2026-10-01', '2026-12-31'],
    ['2028-02', 'month', '2028-02-01', '2028-02-29'],
  ])('%s is a %s from %s to %s', (key, kind, from, to) => expect(parsePeriod(key)).toEqual({ key, kind, from, to }));

  it('refuses what is not a period, and finds the period of a date', () => {
    for (const bad of ['2026-Q5', '2026-13', '2026-S3', '26', '2026-1', '1999']) expect(parsePeriod(bad)).toBeNull();
    expect(periodOf('quarter', '2026-11-25').key).toBe('2026-Q4');
    expect(periodOf('semester', '2026-06-30').key).toBe('2026-S1');
    expect(periodOf('month', '2026-11-25').key).toBe('2026-11');
    expect(periodOf('year', '2026-11-25').key).toBe('2026');
  });
});

describe('profile, honesty and emphasis', () => {
  it('keeps only the age band', () => {
    expect([15, 20, 29, 30, 45, 59, 60, 90].map(ageBandOf)).toEqual(['<20', '20-29', '20-29', '30-39', '40-49', '50-59', '60+', '60+']);
  });
  it('shows a group only at or above the minimum size', () => {
    expect(showable(4, 5)).toBe(false);
    expect(showable(5, 5)).toBe(true);
  });
  it('weak elements: the lowest, ties included, and any below the "Baik" interval', () => {
    const nrr = Object.fromEntries(SKM_ELEMENT_KEYS.map((k) => [k, 3.5])) as Record<(typeof SKM_ELEMENT_KEYS)[number], number>;
    expect(weakElements({ ...nrr, waktu: 3.2, pengaduan: 3.2 })).toEqual(['waktu', 'pengaduan']);
    expect(weakElements({ ...nrr, waktu: 2.9, sarana: WEAK_NRR - 0.001 })).toEqual(['waktu', 'sarana']);
  });
});
