/**
 * The live floor view's figures (pure): what state a counter is in, and how long a service's
 * waiting tickets have waited against the site's target. No I/O; `now` is a parameter.
 */

export type FloorCounterState = 'serving' | 'idle' | 'on_break' | 'closed';

export interface CounterFacts {
  /** The counter is active in the catalogue. */
  active: boolean;
  /** On a break (istirahat). */
  paused: boolean;
  /** A ticket is called to it or being served there. */
  hasCurrent: boolean;
  /** At least one of its services (and that service's agency) is open now. */
  anyServiceOpen: boolean;
}

/**
 * A ticket at the counter wins over everything (the citizen stands there even if the hours
 * ended); then a break; then closed (inactive, or nothing of it open now); else idle.
 */
export function counterFloorState(f: CounterFacts): FloorCounterState {
  if (f.hasCurrent) return 'serving';
  if (!f.active) return 'closed';
  if (f.paused) return 'on_break';
  return f.anyServiceOpen ? 'idle' : 'closed';
}

/** Whole minutes waited from `since` to `now` (never negative). */
export const minutesWaited = (since: number, now: number): number => Math.max(0, Math.floor((now - since) / 60_000));

export interface WaitingEntry {
  id: string;
  number: string;
  /** When the ticket was issued (epoch ms): wait = call − issue, as the statistics count it. */
  issuedAt: number;
}

export interface WaitFigures {
  waiting: number;
  oldestSince: number | null;
  longestWaitMinutes: number | null;
  /** Tickets that have waited longer than the target (strictly). */
  overTarget: number;
  /** The over-target tickets, longest first, at most `limit`. */
  overTargetTickets: Array<{ id: string; number: string; since: number; minutes: number }>;
}

export function waitFigures(waiting: readonly WaitingEntry[], now: number, targetMinutes: number, limit = 20): WaitFigures {
  const sorted = [...waiting].sort((a, b) => a.issuedAt - b.issuedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const over = sorted.filter((w) => minutesWaited(w.issuedAt, now) > targetMinutes);
  const oldest = sorted[0];
  return {
    waiting: sorted.length,
    oldestSince: oldest ? oldest.issuedAt : null,
    longestWaitMinutes: oldest ? minutesWaited(oldest.issuedAt, now) : null,
    overTarget: over.length,
    overTargetTickets: over.slice(0, limit).map((w) => ({ id: w.id, number: w.number, since: w.issuedAt, minutes: minutesWaited(w.issuedAt, now) })),
  };
}

/** Whether an announcement is on the ticker at `now`: not cleared and not past its end. */
export const announcementActive = (a: { until: number | null }, now: number): boolean => a.until === null || a.until > now;
