import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SKM_ELEMENTS, SKM_ELEMENT_KEYS, computeIkm, gradeOf, ikmFromSums, minimumSample, type Score, type SkmResponse } from './ikm';

const uniform = (score: Score): SkmResponse => Object.fromEntries(SKM_ELEMENT_KEYS.map((k) => [k, score])) as SkmResponse;

/** `n` responses whose scores add up to `total`: every answer starts at 1, the rest is spread. */
function responsesWithTotal(n: number, total: number): SkmResponse[] {
  let extra = total - 9 * n;
  return Array.from({ length: n }, () => {
    const r = uniform(1);
    for (const k of SKM_ELEMENT_KEYS) {
      const add = Math.min(3, extra);
      r[k] = (1 + add) as Score;
      extra -= add;
    }
    return r;
  });
}

describe('SKM elements', () => {
  it('has the nine elements with four answers each', () => {
    expect(SKM_ELEMENT_KEYS).toHaveLength(9);
    expect(Object.keys(SKM_ELEMENTS).sort()).toEqual([...SKM_ELEMENT_KEYS].sort());
    for (const e of Object.values(SKM_ELEMENTS)) expect(e.answers).toHaveLength(4);
    expect(SKM_ELEMENTS.biaya.answers[3]).toBe('Gratis');
    expect(SKM_ELEMENTS.pengaduan.answers[1]).toBe('Ada tetapi tidak berfungsi');
  });
});

describe('computeIkm', () => {
  it('returns null without respondents', () => {
    expect(computeIkm([])).toBeNull();
  });

  it('all 4 is 100 (A), all 1 is 25 (D)', () => {
    expect(computeIkm([uniform(4), uniform(4)])).toMatchObject({ respondents: 2, ikm: 4, ikmUnit: 100, grade: 'A', gradeLabel: 'Sangat Baik' });
    expect(computeIkm([uniform(1)])).toMatchObject({ ikm: 1, ikmUnit: 25, grade: 'D', gradeLabel: 'Tidak Baik' });
  });

  it('computes NRR per element by key, whatever the key order', () => {
    const a: SkmResponse = { ...uniform(3), pengaduan: 1, sarana: 4 };
    // Keys in reverse order: the position of an answer never matters.
    const b = Object.fromEntries([...SKM_ELEMENT_KEYS].reverse().map((k) => [k, k === 'sarana' || k === 'pengaduan' ? 2 : 4])) as SkmResponse;
    const r = computeIkm([a, b])!;
    expect(r.nrr.pengaduan).toBe(1.5);
    expect(r.nrr.sarana).toBe(3);
    expect(r.nrr.persyaratan).toBe(3.5);
    // (7 × 3 + 1 + 4) + (7 × 4 + 2 + 2) = 58 points over 2 × 9 answers
    expect(r.ikm).toBe(58 / 18);
    expect(r.ikmUnit).toBe(80.56);
    expect(r.grade).toBe('B');
  });

  it.each([
    [24, 763, 88.31, 'A'],
    [19, 604, 88.3, 'B'],
    [19, 524, 76.61, 'B'], // 76.6082 rounds up to 76.61 before grading
    [26, 717, 76.6, 'C'],
    [5, 117, 65, 'C'],
    [38, 889, 64.99, 'D'],
  ])('grade boundary: %i respondents, total %i → %d %s', (n, total, unit, grade) => {
    const r = computeIkm(responsesWithTotal(n, total))!;
    expect(r.ikmUnit).toBe(unit);
    expect(r.grade).toBe(grade);
  });

  it('uses the exact 1/9 and rounds only the unit: the shortcuts of other e-SKM apps cross a grade', () => {
    // 50 respondents, 1,590 points over 450 answers: IKM 3.5333…, unit 88.333… → 88.33, A.
    const r = computeIkm(responsesWithTotal(50, 1590))!;
    expect(r.ikm).toBe(1590 / 450);
    expect(r).toMatchObject({ ikmUnit: 88.33, grade: 'A', gradeLabel: 'Sangat Baik' });
    const sumNrr = SKM_ELEMENT_KEYS.reduce((s, k) => s + r.nrr[k], 0);
    // A weight of 0.111 instead of 1/9 gives 88.22 (B); rounding the mean to 3.53 first gives 88.25 (B).
    expect(gradeOf(Math.round(sumNrr * 0.111 * 25 * 100) / 100).grade).toBe('B');
    expect(gradeOf(Math.round(r.ikm * 100) / 100 * 25).grade).toBe('B');
  });

  it('rejects missing or out-of-range answers', () => {
    const bad = { ...uniform(3), waktu: 5 } as unknown as SkmResponse;
    expect(() => computeIkm([bad])).toThrow(/waktu/);
    const missing = { ...uniform(3) } as Partial<SkmResponse>;
    delete missing.sarana;
    expect(() => computeIkm([missing as SkmResponse])).toThrow(/sarana/);
  });

  it('ikmFromSums agrees with computeIkm and checks its input', () => {
    const responses = responsesWithTotal(7, 200);
    const sums = Object.fromEntries(SKM_ELEMENT_KEYS.map((k) => [k, responses.reduce((s, r) => s + r[k], 0)])) as Record<string, number>;
    expect(ikmFromSums(sums as never, 7)).toEqual(computeIkm(responses));
    expect(ikmFromSums(sums as never, 0)).toBeNull();
    expect(() => ikmFromSums({ ...sums, waktu: 1 } as never, 7)).toThrow(RangeError);
  });

  it('property: the unit is IKM × 25 rounded half up, within 25..100, graded consistently', () => {
    const response = fc.record(Object.fromEntries(SKM_ELEMENT_KEYS.map((k) => [k, fc.constantFrom<Score>(1, 2, 3, 4)])) as Record<keyof SkmResponse, fc.Arbitrary<Score>>);
    fc.assert(
      fc.property(fc.array(response, { minLength: 1, maxLength: 60 }), (responses) => {
        const r = computeIkm(responses)!;
        const total = responses.reduce((s, x) => s + SKM_ELEMENT_KEYS.reduce((t, k) => t + x[k], 0), 0);
        expect(r.ikm).toBe(total / (9 * responses.length));
        expect(Math.abs(r.ikmUnit - r.ikm * 25)).toBeLessThanOrEqual(0.005 + 1e-9);
        expect(r.ikmUnit).toBeGreaterThanOrEqual(25);
        expect(r.ikmUnit).toBeLessThanOrEqual(100);
        expect(gradeOf(r.ikmUnit).grade).toBe(r.grade);
      }),
    );
  });
});

describe('gradeOf', () => {
  it.each([
    [100, 'A'],
    [88.31, 'A'],
    [88.3, 'B'],
    [76.61, 'B'],
    [76.6, 'C'],
    [65, 'C'],
    [64.99, 'D'],
    [25, 'D'],
  ])('%d → %s', (unit, grade) => expect(gradeOf(unit).grade).toBe(grade));
});

describe('minimumSample (Krejcie–Morgan, rounded up)', () => {
  it('matches the reference sizes', () => {
    expect(minimumSample(1000)).toBe(278);
    expect(minimumSample(100)).toBe(80);
    expect(minimumSample(200)).toBe(132);
    expect(minimumSample(10)).toBe(10);
    expect(minimumSample(1)).toBe(1);
    expect(minimumSample(0)).toBe(0);
    expect(minimumSample(1_000_000)).toBe(384);
  });

  it('rejects a non-integer population', () => {
    expect(() => minimumSample(10.5)).toThrow(RangeError);
    expect(() => minimumSample(-1)).toThrow(RangeError);
  });

  it('property: never more than the population, never decreasing, never above 385 (the limit is 384.1)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), (n) => {
        const s = minimumSample(n);
        expect(s).toBeLessThanOrEqual(n);
        expect(s).toBeLessThanOrEqual(385);
        expect(minimumSample(n + 1)).toBeGreaterThanOrEqual(s);
        expect(s).toBeGreaterThanOrEqual((3.841 * n * 0.25) / (0.0025 * (n - 1) + 3.841 * 0.25) - 1e-9);
      }),
    );
  });
});
