/**
 * Survei Kepuasan Masyarakat (SKM) and its index, IKM, per PermenPANRB 14/2017.
 *
 * Answers are stored by element key, never by position: the regulation's element list and its
 * questionnaire order the last two elements differently, and published apps disagree on U8/U9.
 *
 * NRR per element = sum / respondents; IKM = Σ NRR × 1/9 = (sum of all scores) / (9 × respondents),
 * computed from integer sums with one division so no float drift can move a grade boundary.
 * IKM unit = IKM × 25, rounded to 2 decimals before grading, graded with >= thresholds.
 */

export type ElementKey =
  | 'persyaratan'
  | 'prosedur'
  | 'waktu'
  | 'biaya'
  | 'produk'
  | 'kompetensi'
  | 'perilaku'
  | 'pengaduan'
  | 'sarana';

export type Score = 1 | 2 | 3 | 4;
export type SkmResponse = Record<ElementKey, Score>;

export interface SkmElement {
  label: string;
  /** Labels of the answers 1…4, in that order. */
  answers: readonly [string, string, string, string];
}

/** The nine elements in the regulation's order (U1…U9); look elements up by key. */
export const SKM_ELEMENT_KEYS: readonly ElementKey[] = [
  'persyaratan',
  'prosedur',
  'waktu',
  'biaya',
  'produk',
  'kompetensi',
  'perilaku',
  'pengaduan',
  'sarana',
];

export const SKM_ELEMENTS: Readonly<Record<ElementKey, SkmElement>> = {
  persyaratan: { label: 'Persyaratan', answers: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'] },
  prosedur: { label: 'Sistem, mekanisme dan prosedur', answers: ['Tidak mudah', 'Kurang mudah', 'Mudah', 'Sangat mudah'] },
  waktu: { label: 'Waktu penyelesaian', answers: ['Tidak cepat', 'Kurang cepat', 'Cepat', 'Sangat cepat'] },
  biaya: { label: 'Biaya/tarif', answers: ['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis'] },
  produk: { label: 'Produk spesifikasi jenis pelayanan', answers: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'] },
  kompetensi: { label: 'Kompetensi pelaksana', answers: ['Tidak kompeten', 'Kurang kompeten', 'Kompeten', 'Sangat kompeten'] },
  perilaku: {
    label: 'Perilaku pelaksana',
    answers: ['Tidak sopan dan ramah', 'Kurang sopan dan ramah', 'Sopan dan ramah', 'Sangat sopan dan ramah'],
  },
  pengaduan: {
    label: 'Penanganan pengaduan, saran dan masukan',
    answers: ['Tidak ada', 'Ada tetapi tidak berfungsi', 'Berfungsi kurang maksimal', 'Dikelola dengan baik'],
  },
  sarana: { label: 'Sarana dan prasarana', answers: ['Buruk', 'Cukup', 'Baik', 'Sangat baik'] },
};

export type IkmGrade = 'A' | 'B' | 'C' | 'D';

/** Lower bounds of each grade, in hundredths of an IKM unit (8831 = 88.31). */
export const IKM_GRADES: ReadonlyArray<{ grade: IkmGrade; min: number; label: string }> = [
  { grade: 'A', min: 8831, label: 'Sangat Baik' },
  { grade: 'B', min: 7661, label: 'Baik' },
  { grade: 'C', min: 6500, label: 'Kurang Baik' },
  { grade: 'D', min: 0, label: 'Tidak Baik' },
];

export interface IkmResult {
  respondents: number;
  /** Nilai rata-rata per element, 1…4. */
  nrr: Record<ElementKey, number>;
  /** The index on the 1…4 scale, unrounded. */
  ikm: number;
  /** The index converted to 25…100, rounded to 2 decimals. */
  ikmUnit: number;
  grade: IkmGrade;
  gradeLabel: string;
}

/** The grade of an IKM unit value; grades on the value rounded to 2 decimals. */
export function gradeOf(ikmUnit: number): { grade: IkmGrade; label: string } {
  const hundredths = Math.round(ikmUnit * 100);
  const g = IKM_GRADES.find((x) => hundredths >= x.min)!;
  return { grade: g.grade, label: g.label };
}

/**
 * The IKM from per-element score sums (what a report's SQL `SUM` gives). Returns null when
 * nobody answered: there is no index, not an index of zero.
 */
export function ikmFromSums(sums: Record<ElementKey, number>, respondents: number): IkmResult | null {
  if (!Number.isInteger(respondents) || respondents < 0) throw new RangeError(`respondents must be a whole number, got ${respondents}`);
  if (respondents === 0) return null;
  let total = 0;
  const nrr = {} as Record<ElementKey, number>;
  for (const key of SKM_ELEMENT_KEYS) {
    const sum = sums[key];
    if (!Number.isInteger(sum) || sum < respondents || sum > 4 * respondents) {
      throw new RangeError(`Sum for "${key}" must be a whole number between ${respondents} and ${4 * respondents}, got ${sum}`);
    }
    total += sum;
    nrr[key] = sum / respondents;
  }
  const denominator = 9 * respondents;
  // ikmUnit = round2(25 × total / denominator), done in integers: hundredths, rounded half up.
  const hundredths = Math.floor((2 * 2500 * total + denominator) / (2 * denominator));
  const g = IKM_GRADES.find((x) => hundredths >= x.min)!;
  return { respondents, nrr, ikm: total / denominator, ikmUnit: hundredths / 100, grade: g.grade, gradeLabel: g.label };
}

/** The IKM of a set of responses; null when there are none. Throws on a missing or invalid answer. */
export function computeIkm(responses: ReadonlyArray<Record<ElementKey, Score>>): IkmResult | null {
  const sums = Object.fromEntries(SKM_ELEMENT_KEYS.map((k) => [k, 0])) as Record<ElementKey, number>;
  responses.forEach((response, i) => {
    for (const key of SKM_ELEMENT_KEYS) {
      const score = response[key];
      if (score !== 1 && score !== 2 && score !== 3 && score !== 4) {
        throw new RangeError(`Response ${i}: "${key}" must be 1, 2, 3 or 4, got ${String(score)}`);
      }
      sums[key] += score;
    }
  });
  return ikmFromSums(sums, responses.length);
}

/**
 * Minimum number of respondents for a population of `population` service users (Krejcie and
 * Morgan): S = 3.841·N·0.25 / (0.0025·(N−1) + 3.841·0.25), rounded up. Multiplied through by
 * 40,000 it is the integer ratio 38410·N / (100·(N−1) + 38410), so the ceiling is exact.
 */
export function minimumSample(population: number): number {
  if (!Number.isInteger(population) || population < 0) throw new RangeError(`population must be a whole number, got ${population}`);
  if (population === 0) return 0;
  const num = 38410 * population;
  const den = 100 * (population - 1) + 38410;
  const rem = num % den;
  return (num - rem) / den + (rem === 0 ? 0 : 1);
}
