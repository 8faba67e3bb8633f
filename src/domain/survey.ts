/**
 * The SKM's vocabularies and report rules that are not the index itself (that is ./ikm): the
 * optional respondent profile, reporting periods, the minimum group size that keeps officers from
 * tracing who rated them, and which elements are the weak ones. Pure: server and web share it.
 */
import { DateTime } from 'luxon';
import { SKM_ELEMENT_KEYS, type ElementKey } from './ikm';

/** Age bands of the questionnaire. Only the band is stored, never the age itself. */
export const AGE_BANDS = ['<20', '20-29', '30-39', '40-49', '50-59', '60+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** The band of an age in whole years (the API also takes an age and keeps only its band). */
export function ageBandOf(age: number): AgeBand {
  if (age < 20) return '<20';
  if (age < 30) return '20-29';
  if (age < 40) return '30-39';
  if (age < 50) return '40-49';
  if (age < 60) return '50-59';
  return '60+';
}

export const SEXES = ['L', 'P'] as const;
export type Sex = (typeof SEXES)[number];
/** Pendidikan terakhir, as the customary SKM form lists it. */
export const EDUCATIONS = ['sd', 'smp', 'sma', 'diploma', 's1', 's2', 's3'] as const;
export type Education = (typeof EDUCATIONS)[number];
/** Pekerjaan utama, as the customary SKM form lists it. */
export const OCCUPATIONS = ['pns', 'tni_polri', 'swasta', 'wirausaha', 'pelajar', 'lainnya'] as const;
export type Occupation = (typeof OCCUPATIONS)[number];

/** Where the citizen answered: the status page, the QR on the ticket, or a survey tablet. */
export const SURVEY_CHANNELS = ['web', 'qr', 'tablet'] as const;
export type SurveyChannel = (typeof SURVEY_CHANNELS)[number];

/** Follow-up actions (rencana tindak lanjut) move through these. */
export const ACTION_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

// ---------------------------------------------------------------------------------------------
// Periods

export const PERIOD_KINDS = ['month', 'quarter', 'semester', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** A period key: `2026`, `2026-S2`, `2026-Q4` or `2026-11`. */
export const PERIOD_PATTERN = /^(\d{4})(?:-(S[12]|Q[1-4]|0[1-9]|1[0-2]))?$/;

export interface Period {
  key: string;
  kind: PeriodKind;
  /** First and last day, inclusive (YYYY-MM-DD). */
  from: string;
  to: string;
}

/** The period a key names, or null when the key is not one. */
export function parsePeriod(key: string): Period | null {
  const m = PERIOD_PATTERN.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return null;
  const part = m[2];
  let kind: PeriodKind;
  let firstMonth: number;
  let months: number;
  if (!part) [kind, firstMonth, months] = ['year', 1, 12];
  else if (part.startsWith('S')) [kind, firstMonth, months] = ['semester', part === 'S1' ? 1 : 7, 6];
  else if (part.startsWith('Q')) [kind, firstMonth, months] = ['quarter', (Number(part[1]) - 1) * 3 + 1, 3];
  else [kind, firstMonth, months] = ['month', Number(part), 1];
  const start = DateTime.utc(year, firstMonth, 1);
  return { key, kind, from: start.toISODate()!, to: start.plus({ months }).minus({ days: 1 }).toISODate()! };
}

/** The period of a kind that holds a date (YYYY-MM-DD). */
export function periodOf(kind: PeriodKind, date: string): Period {
  const [y, mo] = date.split('-').map(Number);
  const key =
    kind === 'year' ? `${y}` : kind === 'semester' ? `${y}-S${mo <= 6 ? 1 : 2}` : kind === 'quarter' ? `${y}-Q${Math.ceil(mo / 3)}` : `${y}-${String(mo).padStart(2, '0')}`;
  return parsePeriod(key)!;
}

// ---------------------------------------------------------------------------------------------
// Honesty and emphasis

/**
 * Default least number of respondents a group (a service, a counter, an agency) must have before
 * its figures, profile and comments are shown to the agency: below it, an officer who serves
 * alone could tell who rated them.
 */
export const DEFAULT_MIN_GROUP_SIZE = 5;

/** Whether a group's figures may be shown. */
export const showable = (respondents: number, minGroupSize: number): boolean => respondents >= minGroupSize;

/**
 * The weak elements of a result: the lowest NRR (every element tied at the lowest), and any
 * element whose NRR is below the "Baik" threshold on the 1–4 scale (3.0644: 76.61 ÷ 25). These
 * are the ones a follow-up plan (rencana tindak lanjut) must address.
 */
export const WEAK_NRR = 3.0644;
export function weakElements(nrr: Record<ElementKey, number>): ElementKey[] {
  const lowest = Math.min(...SKM_ELEMENT_KEYS.map((k) => nrr[k]));
  return SKM_ELEMENT_KEYS.filter((k) => nrr[k] === lowest || nrr[k] < WEAK_NRR);
}
