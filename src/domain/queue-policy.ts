/**
 * Who is called next at a counter.
 *
 * Classes, in order:
 * 1. booking: a checked-in booking whose slot is near (now within [start − before, start + after]),
 *    by slot start. Outside that window a booked ticket counts as what it otherwise is
 *    (priority or regular): early arrivals wait like everyone else, late ones lose the slot's
 *    precedence but keep their place by arrival time.
 * 2. priority (lansia, disabilitas, ibu hamil), by arrival;
 * 3. regular, by arrival.
 * Fairness for the rest: after `maxPriorityInARow` priority calls in a row at this counter, the
 * oldest regular ticket goes first if one waits. Booking calls neither count nor reset that run
 * (their number is bounded by slot capacity, which keeps a walk-in share).
 *
 * "Arrival" is when the ticket joined this service's queue: its transfer time if it was
 * transferred here, else its issue time. Ties break on id, so the result never depends on the
 * order of the input.
 */

export type Priority = 'lansia' | 'disabilitas' | 'ibu_hamil';

export interface WaitingTicket {
  id: string;
  serviceId: string;
  /** Epoch milliseconds. */
  issuedAt: number;
  priority: Priority | null;
  /** Slot start of a checked-in booking, epoch ms; null for walk-ins. */
  bookingStart: number | null;
  /** When the ticket was transferred to its current service, epoch ms. */
  transferredAt?: number | null;
  /** A pickup ticket: the citizen collects a finished application's documents. */
  pickup?: boolean;
}

export interface QueuePolicy {
  /** Priority calls in a row at one counter before a waiting regular ticket goes first. */
  maxPriorityInARow: number;
  /** A booked ticket takes precedence from this many minutes before its slot starts… */
  bookingWindowBeforeMin: number;
  /** …until this many minutes after. */
  bookingWindowAfterMin: number;
  /** Pickup tickets are called like the priority groups (a short errand: collect a document). */
  pickupAsPriority?: boolean;
}

export const DEFAULT_QUEUE_POLICY: QueuePolicy = {
  maxPriorityInARow: 3,
  bookingWindowBeforeMin: 15,
  bookingWindowAfterMin: 30,
};

/** Per-counter memory between calls. */
export interface QueueState {
  priorityCallsInARow: number;
}

export const INITIAL_QUEUE_STATE: QueueState = { priorityCallsInARow: 0 };

export type TicketClass = 'booking' | 'priority' | 'regular';

const MINUTE = 60_000;

/** When the ticket joined its current service's queue. */
export const arrivalOf = (t: WaitingTicket): number => t.transferredAt ?? t.issuedAt;

export function classify(t: WaitingTicket, policy: QueuePolicy, now: number): TicketClass {
  if (
    t.bookingStart !== null &&
    now >= t.bookingStart - policy.bookingWindowBeforeMin * MINUTE &&
    now <= t.bookingStart + policy.bookingWindowAfterMin * MINUTE
  ) {
    return 'booking';
  }
  return t.priority || (t.pickup && policy.pickupAsPriority) ? 'priority' : 'regular';
}

/** Order inside one class: slot start for bookings, then arrival, then id. */
function before(a: WaitingTicket, b: WaitingTicket, cls: TicketClass): boolean {
  if (cls === 'booking' && a.bookingStart !== b.bookingStart) return a.bookingStart! < b.bookingStart!;
  const da = arrivalOf(a);
  const db = arrivalOf(b);
  if (da !== db) return da < db;
  return a.id < b.id;
}

function firstOf(list: WaitingTicket[], cls: TicketClass): WaitingTicket | null {
  let best: WaitingTicket | null = null;
  for (const t of list) if (!best || before(t, best, cls)) best = t;
  return best;
}

/** The choice between the heads of the three classes, and the counter's next state. */
function choose(
  heads: Record<TicketClass, WaitingTicket | null>,
  state: QueueState,
  policy: QueuePolicy,
): { ticket: WaitingTicket; nextState: QueueState } | null {
  if (heads.booking) return { ticket: heads.booking, nextState: { priorityCallsInARow: state.priorityCallsInARow } };
  if (heads.priority && (!heads.regular || state.priorityCallsInARow < policy.maxPriorityInARow)) {
    return { ticket: heads.priority, nextState: { priorityCallsInARow: state.priorityCallsInARow + 1 } };
  }
  if (heads.regular) return { ticket: heads.regular, nextState: { priorityCallsInARow: 0 } };
  return null;
}

function byClass(waiting: readonly WaitingTicket[], policy: QueuePolicy, now: number): Record<TicketClass, WaitingTicket[]> {
  const groups: Record<TicketClass, WaitingTicket[]> = { booking: [], priority: [], regular: [] };
  for (const t of waiting) groups[classify(t, policy, now)].push(t);
  return groups;
}

/** The ticket a counter serving `counterServiceIds` calls now, or null when none of them waits. */
export function pickNext(
  waiting: readonly WaitingTicket[],
  counterServiceIds: readonly string[],
  state: QueueState,
  policy: QueuePolicy,
  now: number,
): { ticket: WaitingTicket; nextState: QueueState } | null {
  const services = new Set(counterServiceIds);
  const groups = byClass(
    waiting.filter((t) => services.has(t.serviceId)),
    policy,
    now,
  );
  return choose(
    { booking: firstOf(groups.booking, 'booking'), priority: firstOf(groups.priority, 'priority'), regular: firstOf(groups.regular, 'regular') },
    state,
    policy,
  );
}

/**
 * The order in which `waiting` would be called by one counter serving all of them, if nobody
 * else arrived and time stood still at `now`: repeated `pickNext`, in O(n log n).
 */
export function callOrder(
  waiting: readonly WaitingTicket[],
  policy: QueuePolicy,
  now: number,
  state: QueueState = INITIAL_QUEUE_STATE,
): WaitingTicket[] {
  const groups = byClass(waiting, policy, now);
  for (const cls of ['booking', 'priority', 'regular'] as const) {
    groups[cls].sort((a, b) => (before(a, b, cls) ? -1 : before(b, a, cls) ? 1 : 0));
  }
  const next = { booking: 0, priority: 0, regular: 0 };
  const order: WaitingTicket[] = [];
  let s = state;
  for (;;) {
    const picked = choose(
      { booking: groups.booking[next.booking] ?? null, priority: groups.priority[next.priority] ?? null, regular: groups.regular[next.regular] ?? null },
      s,
      policy,
    );
    if (!picked) return order;
    next[classify(picked.ticket, policy, now)]++;
    order.push(picked.ticket);
    s = picked.nextState;
  }
}

/**
 * "People ahead": how many tickets of the same service would be called before this one, by the
 * order above from a fresh priority run. An approximation: counters serving several services,
 * other counters' priority runs and new bookings coming into their window all shift it. Null if
 * the ticket is not waiting.
 */
export function positionOf(ticketId: string, waiting: readonly WaitingTicket[], policy: QueuePolicy, now: number): number | null {
  const ticket = waiting.find((t) => t.id === ticketId);
  if (!ticket) return null;
  const order = callOrder(
    waiting.filter((t) => t.serviceId === ticket.serviceId),
    policy,
    now,
  );
  return order.findIndex((t) => t.id === ticketId);
}
