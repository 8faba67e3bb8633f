/**
 * Expected wait, shown to citizens as a range ("10–20 menit"), never as a promise.
 *
 * Method
 * 1. Handling time per ticket comes from the service's recently finished tickets (minutes from
 *    start to finish; non-positive and non-finite values are dropped as mis-clicks). With at
 *    least MIN_SAMPLES of them we use the 25th, 50th and 75th percentiles (linear interpolation
 *    between closest ranks): the median is robust to the odd very long case, and the quartiles
 *    describe a typical fast and a typical slow case. With fewer samples we use the service's
 *    configured default handling time, from 50% to 150% of it.
 * 2. The work ahead is shared by the open counters (at least 1): a ticket with k people ahead
 *    and c counters waits about k/c handling times.
 * 3. Low end: k × p25 / c (everyone ahead is quick, and a counter frees up at once).
 *    High end: (k + 1) × p75 / c: everyone ahead is slow, and the counters are just starting
 *    on the people already at them. So nobody ahead still gives a small upper bound
 *    (0 – p75/c), not a promise of zero.
 * 4. Low end rounded down, high end rounded up, to whole minutes; the high end is at least the
 *    low end and at least 1 minute. The central estimate k × median / c always lies inside.
 * The range deliberately ignores queue-jumping by priority and booked tickets and counters
 * that close: the "people ahead" count the caller passes should already reflect the order.
 */

export const MIN_SAMPLES = 5;

export interface WaitInput {
  peopleAhead: number;
  /** Handling minutes of recently finished tickets of this service. */
  recentHandlingMinutes: readonly number[];
  /** The service's configured handling time, used until enough tickets have finished. */
  defaultHandlingMinutes: number;
  openCounters: number;
}

export interface WaitEstimate {
  minMinutes: number;
  maxMinutes: number;
}

/** Percentile `p` (0…1) of an ascending, non-empty list, interpolating between closest ranks. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError('percentile of an empty list');
  const rank = (sorted.length - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

/** Typical fast, median and slow handling minutes for the method above. */
export function handlingSpread(recent: readonly number[], defaultMinutes: number): { fast: number; median: number; slow: number } {
  const samples = recent.filter((m) => Number.isFinite(m) && m > 0).sort((a, b) => a - b);
  if (samples.length >= MIN_SAMPLES) {
    return { fast: percentile(samples, 0.25), median: percentile(samples, 0.5), slow: percentile(samples, 0.75) };
  }
  const d = Number.isFinite(defaultMinutes) && defaultMinutes > 0 ? defaultMinutes : 1;
  return { fast: d * 0.5, median: d, slow: d * 1.5 };
}

export function estimateWait(input: WaitInput): WaitEstimate {
  const k = Number.isFinite(input.peopleAhead) ? Math.max(0, Math.floor(input.peopleAhead)) : 0;
  const c = Number.isFinite(input.openCounters) ? Math.max(1, Math.floor(input.openCounters)) : 1;
  const { fast, slow } = handlingSpread(input.recentHandlingMinutes, input.defaultHandlingMinutes);
  // A tiny epsilon keeps float noise (e.g. 3 × 0.1) from pushing a whole number up or down.
  const minMinutes = Math.floor((k * fast) / c + 1e-9);
  const maxMinutes = Math.max(minMinutes, 1, Math.ceil(((k + 1) * slow) / c - 1e-9));
  return { minMinutes, maxMinutes };
}
