import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_QUEUE_POLICY,
  INITIAL_QUEUE_STATE,
  arrivalOf,
  callOrder,
  classify,
  pickNext,
  positionOf,
  type Priority,
  type QueuePolicy,
  type QueueState,
  type WaitingTicket,
} from './queue-policy';

const MIN = 60_000;
const T0 = Date.parse('2026-11-25T01:00:00Z'); // 09:00 WITA
const policy = DEFAULT_QUEUE_POLICY;

const ticket = (id: string, minute: number, extra: Partial<WaitingTicket> = {}): WaitingTicket => ({
  id,
  serviceId: 'ktp',
  issuedAt: T0 + minute * MIN,
  priority: null,
  bookingStart: null,
  ...extra,
});

const pick = (waiting: WaitingTicket[], state: QueueState = INITIAL_QUEUE_STATE, services = ['ktp'], now = T0 + 60 * MIN) =>
  pickNext(waiting, services, state, policy, now);

describe('pickNext', () => {
  it('returns null when nobody of the counter services waits', () => {
    expect(pick([])).toBeNull();
    expect(pick([ticket('a', 0, { serviceId: 'kk' })])).toBeNull();
  });

  it('calls the oldest regular ticket first (FIFO, id breaks ties)', () => {
    expect(pick([ticket('b', 5), ticket('a', 3), ticket('c', 3)])!.ticket.id).toBe('a');
  });

  it('only calls tickets of the counter services', () => {
    const waiting = [ticket('old-kk', 0, { serviceId: 'kk' }), ticket('new-ktp', 10)];
    expect(pick(waiting, INITIAL_QUEUE_STATE, ['ktp'])!.ticket.id).toBe('new-ktp');
    expect(pick(waiting, INITIAL_QUEUE_STATE, ['ktp', 'kk'])!.ticket.id).toBe('old-kk');
  });

  it('calls priority before regular and counts the run', () => {
    const r = pick([ticket('reg', 0), ticket('lansia', 10, { priority: 'lansia' })]);
    expect(r).toEqual({ ticket: expect.objectContaining({ id: 'lansia' }), nextState: { priorityCallsInARow: 1 } });
  });

  it('after maxPriorityInARow priority calls, a waiting regular goes first and resets the run', () => {
    const waiting = [ticket('reg', 0), ticket('hamil', 10, { priority: 'ibu_hamil' })];
    expect(pick(waiting, { priorityCallsInARow: 3 })).toEqual({ ticket: expect.objectContaining({ id: 'reg' }), nextState: { priorityCallsInARow: 0 } });
    // With no regular waiting, priority keeps going.
    expect(pick([waiting[1]], { priorityCallsInARow: 3 })!.ticket.id).toBe('hamil');
  });

  it('calls a checked-in booking inside its window first, by slot start', () => {
    const now = T0 + 60 * MIN;
    const waiting = [
      ticket('prio', 0, { priority: 'disabilitas' }),
      ticket('book-10:15', 40, { bookingStart: now + 15 * MIN }),
      ticket('book-10:00', 50, { bookingStart: now }),
      ticket('book-11:00', 1, { bookingStart: now + 60 * MIN }),
    ];
    const r = pick(waiting, { priorityCallsInARow: 2 }, ['ktp'], now);
    expect(r!.ticket.id).toBe('book-10:00');
    expect(r!.nextState).toEqual({ priorityCallsInARow: 2 });
  });

  it('treats a booking outside its window as what it otherwise is', () => {
    const now = T0 + 60 * MIN;
    const early = ticket('early', 0, { bookingStart: now + 60 * MIN });
    const late = ticket('late', 5, { bookingStart: now - 45 * MIN, priority: 'lansia' });
    expect(classify(early, policy, now)).toBe('regular');
    expect(classify(late, policy, now)).toBe('priority');
    expect(classify(ticket('edge', 0, { bookingStart: now + 15 * MIN }), policy, now)).toBe('booking');
    expect(classify(ticket('edge', 0, { bookingStart: now - 30 * MIN }), policy, now)).toBe('booking');
  });

  it('orders a transferred ticket by when it joined this service', () => {
    const transferred = ticket('moved', 0, { transferredAt: T0 + 30 * MIN });
    expect(arrivalOf(transferred)).toBe(T0 + 30 * MIN);
    expect(pick([transferred, ticket('walk-in', 20)])!.ticket.id).toBe('walk-in');
  });
});

describe('callOrder and positionOf', () => {
  it('interleaves priority and regular tickets fairly', () => {
    const waiting = [
      ticket('r1', 0),
      ticket('r2', 1),
      ...[2, 3, 4, 5, 6].map((m) => ticket(`p${m}`, m, { priority: 'lansia' })),
    ];
    expect(callOrder(waiting, policy, T0).map((t) => t.id)).toEqual(['p2', 'p3', 'p4', 'r1', 'p5', 'p6', 'r2']);
    expect(positionOf('r1', waiting, policy, T0)).toBe(3);
    expect(positionOf('p2', waiting, policy, T0)).toBe(0);
    expect(positionOf('nobody', waiting, policy, T0)).toBeNull();
  });

  it('counts only tickets of the same service as ahead', () => {
    const waiting = [ticket('kk1', 0, { serviceId: 'kk' }), ticket('kk2', 1, { serviceId: 'kk' }), ticket('ktp', 2)];
    expect(positionOf('ktp', waiting, policy, T0)).toBe(0);
    expect(positionOf('kk2', waiting, policy, T0)).toBe(1);
  });
});

// ---- properties ----

const SERVICES = ['s1', 's2', 's3'];
const arbPriority: fc.Arbitrary<Priority | null> = fc.constantFrom(null, null, 'lansia', 'disabilitas', 'ibu_hamil');
const arbPolicy: fc.Arbitrary<QueuePolicy> = fc.record({
  maxPriorityInARow: fc.integer({ min: 0, max: 5 }),
  bookingWindowBeforeMin: fc.integer({ min: 0, max: 30 }),
  bookingWindowAfterMin: fc.integer({ min: 0, max: 30 }),
});
const arbTicket = (id: number): fc.Arbitrary<WaitingTicket> =>
  fc.record({
    id: fc.constant(`t${String(id).padStart(4, '0')}`),
    serviceId: fc.constantFrom(...SERVICES),
    // Coarse times so that ties (and the id tie-break) happen.
    issuedAt: fc.integer({ min: 0, max: 6 }).map((m) => T0 + m * MIN),
    priority: arbPriority,
    bookingStart: fc.option(fc.integer({ min: -60, max: 120 }).map((m) => T0 + m * MIN), { freq: 4 }),
    transferredAt: fc.option(fc.integer({ min: 0, max: 6 }).map((m) => T0 + m * MIN), { freq: 4 }),
  });
const arbWaiting = fc.integer({ min: 0, max: 25 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbTicket(i))));
const arbServices = fc.subarray(SERVICES);
const arbState = fc.record({ priorityCallsInARow: fc.integer({ min: 0, max: 6 }) });
const arbNow = fc.integer({ min: 0, max: 90 }).map((m) => T0 + m * MIN);

/** Sort key inside a class, mirroring the documented order. */
const key = (t: WaitingTicket, cls: string) => [cls === 'booking' ? t.bookingStart! : 0, arrivalOf(t), t.id] as const;
const less = (a: readonly [number, number, string], b: readonly [number, number, string]) =>
  a[0] !== b[0] ? a[0] < b[0] : a[1] !== b[1] ? a[1] < b[1] : a[2] < b[2];

describe('queue policy properties', () => {
  it('never returns a ticket outside the counter services; null iff none is eligible', () => {
    fc.assert(
      fc.property(arbWaiting, arbServices, arbState, arbPolicy, arbNow, (waiting, services, state, pol, now) => {
        const r = pickNext(waiting, services, state, pol, now);
        const eligible = waiting.filter((t) => services.includes(t.serviceId));
        expect(r === null).toBe(eligible.length === 0);
        if (r) {
          expect(services).toContain(r.ticket.serviceId);
          expect(waiting).toContain(r.ticket);
        }
      }),
    );
  });

  it('FIFO within a class: nothing eligible of the same class is ahead of the pick', () => {
    fc.assert(
      fc.property(arbWaiting, arbServices, arbState, arbPolicy, arbNow, (waiting, services, state, pol, now) => {
        const r = pickNext(waiting, services, state, pol, now);
        if (!r) return;
        const cls = classify(r.ticket, pol, now);
        for (const t of waiting) {
          if (t === r.ticket || !services.includes(t.serviceId) || classify(t, pol, now) !== cls) continue;
          expect(less(key(t, cls), key(r.ticket, cls))).toBe(false);
        }
      }),
    );
  });

  it('is deterministic: the input order does not matter', () => {
    fc.assert(
      fc.property(
        arbWaiting.chain((w) => fc.tuple(fc.constant(w), fc.shuffledSubarray(w, { minLength: w.length, maxLength: w.length }))),
        arbServices,
        arbState,
        arbPolicy,
        arbNow,
        ([waiting, shuffled], services, state, pol, now) => {
          expect(pickNext(shuffled, services, state, pol, now)).toEqual(pickNext(waiting, services, state, pol, now));
          expect(callOrder(shuffled, pol, now, state)).toEqual(callOrder(waiting, pol, now, state));
        },
      ),
    );
  });

  it('callOrder is repeated pickNext', () => {
    fc.assert(
      fc.property(arbWaiting, arbState, arbPolicy, arbNow, (waiting, state, pol, now) => {
        const order = callOrder(waiting, pol, now, state);
        let left = [...waiting];
        let s = state;
        for (const expected of order) {
          const r = pickNext(left, SERVICES, s, pol, now)!;
          expect(r.ticket).toBe(expected);
          left = left.filter((t) => t !== r.ticket);
          s = r.nextState;
        }
        expect(left).toEqual([]);
      }),
    );
  });

  it('regular tickets are never starved: at most maxPriorityInARow priority calls while one waits', () => {
    const step = fc.record({
      arrivals: fc.array(fc.record({ priority: arbPriority, booked: fc.boolean() }), { maxLength: 3 }),
      call: fc.boolean(),
    });
    fc.assert(
      fc.property(arbPolicy, fc.array(step, { minLength: 1, maxLength: 120 }), (pol, steps) => {
        let waiting: WaitingTicket[] = [];
        let state = INITIAL_QUEUE_STATE;
        let priorityWhileRegularWaits = 0;
        let seq = 0;
        steps.forEach((s, i) => {
          const now = T0 + i * MIN;
          for (const a of s.arrivals) {
            const id = `t${String(seq++).padStart(4, '0')}`;
            waiting.push({ id, serviceId: 's1', issuedAt: now, priority: a.priority, bookingStart: a.booked ? now + 5 * MIN : null });
          }
          if (!s.call) return;
          const regularWaits = waiting.some((t) => classify(t, pol, now) === 'regular');
          const r = pickNext(waiting, ['s1'], state, pol, now);
          if (!r) return;
          const cls = classify(r.ticket, pol, now);
          if (cls === 'regular') priorityWhileRegularWaits = 0;
          else if (cls === 'priority' && regularWaits) priorityWhileRegularWaits++;
          expect(priorityWhileRegularWaits).toBeLessThanOrEqual(pol.maxPriorityInARow);
          waiting = waiting.filter((t) => t !== r.ticket);
          state = r.nextState;
        });
      }),
    );
  });
});

describe('pickup tickets (collecting an application)', () => {
  it('queue as regular tickets unless the site calls them like the priority groups', () => {
    const waiting = [ticket('walkin', 0), ticket('pickup', 5, { pickup: true })];
    const now = T0 + 60 * MIN;
    expect(classify(waiting[1], policy, now)).toBe('regular');
    expect(pickNext(waiting, ['ktp'], INITIAL_QUEUE_STATE, policy, now)!.ticket.id).toBe('walkin');
    const first = { ...policy, pickupAsPriority: true };
    expect(classify(waiting[1], first, now)).toBe('priority');
    expect(pickNext(waiting, ['ktp'], INITIAL_QUEUE_STATE, first, now)!.ticket.id).toBe('pickup');
    // The fairness run still holds: after maxPriorityInARow priority calls a regular one goes first.
    expect(pickNext(waiting, ['ktp'], { priorityCallsInARow: first.maxPriorityInARow }, first, now)!.ticket.id).toBe('walkin');
  });
});
