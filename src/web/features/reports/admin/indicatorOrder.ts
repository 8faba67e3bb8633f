import { INDICATORS, type Indicator } from '../types';

export interface IndicatorRow {
  key: Indicator;
  on: boolean;
}

/** The settings' indicators in their order, then the ones not shown, in the catalogue's order. */
export const rowsOf = (shown: readonly Indicator[]): IndicatorRow[] => [...shown.map((key) => ({ key, on: true })), ...INDICATORS.filter((k) => !shown.includes(k)).map((key) => ({ key, on: false }))];

/** Moves row `i` one place up (-1) or down (+1); at an end nothing moves. */
export function move(rows: IndicatorRow[], i: number, by: -1 | 1): IndicatorRow[] {
  const j = i + by;
  if (j < 0 || j >= rows.length) return rows;
  const next = [...rows];
  [next[i], next[j]] = [next[j], next[i]];
  return next;
}

export const shownOf = (rows: IndicatorRow[]): Indicator[] => rows.filter((r) => r.on).map((r) => r.key);
