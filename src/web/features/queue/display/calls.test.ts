import { describe, expect, it } from 'vitest';
import type { SiteStreamData, SiteStreamEvent } from '../../../../contracts/events';
import type { PublicCounter, QueueSummary } from '../types';
import { countersOnBreak, displayReducer, initialDisplay, servingByAgency, type DisplayState } from './calls';

const C4 = { id: 'c4', name: 'Loket 4', number: 4 };
const C5 = { id: 'c5', name: 'Loket 5', number: 5 };
type InZone = (counterId: string | null | undefined) => boolean;
const all: InZone = () => true;

type Active = { ticketId: string; number: string; status: 'called' | 'serving'; counter: typeof C4 };
function summary(lastEventId: number, active: Active[], recent: string[] = active.map((a) => a.ticketId), paused: string[] = []): QueueSummary {
  return {
    date: '2026-11-25',
    now: '2026-11-25T01:00:00.000Z',
    lastEventId,
    announcement: null,
    services: [
      {
        serviceId: 's1', code: 'KTP', prefix: 'BA', name: 'KTP-el', agency: { id: 'a1', name: 'Disdukcapil' }, waiting: 2,
        estimate: { minMinutes: 0, maxMinutes: 10 },
        nowServing: active.map((a) => ({ ticketId: a.ticketId, number: a.number, status: a.status, counter: a.counter })),
      },
    ],
    recentCalls: recent.map((id) => {
      const a = active.find((x) => x.ticketId === id);
      return { ticketId: id, number: a?.number ?? id.toUpperCase(), serviceId: 's1', status: a?.status ?? 'done', counter: a?.counter ?? C4, calledAt: '2026-11-25T01:00:00.000Z' };
    }),
    pausedCounterIds: paused,
  };
}
const snap = (s: DisplayState, x: QueueSummary, inZone: InZone = all) => displayReducer(s, { type: 'snapshot', summary: x, inZone });
function ev<T extends SiteStreamEvent>(s: DisplayState, event: T, id: number, data: Partial<SiteStreamData[T]>, inZone: InZone = all) {
  return displayReducer(s, { type: 'event', event, id, data: { serviceId: 's1', counter: C4, ...data } as SiteStreamData[T], inZone });
}
const numbers = (s: DisplayState) => s.calls.map((c) => c.number);

describe('the TV derived from its snapshot and the stream', () => {
  it('shows from a snapshot only the calls still at a counter, newest first', () => {
    const s = snap(initialDisplay, summary(10, [{ ticketId: 't2', number: 'BA-002', status: 'serving', counter: C5 }], ['t3', 't2', 't1']));
    // t3 and t1 were called and are done: not on the screen.
    expect(numbers(s)).toEqual(['BA-002']);
    expect(s.calls[0]).toMatchObject({ status: 'serving', counterName: 'Loket 5' });
  });

  it('takes a parked ticket off at once, and a snapshot read before the park cannot bring it back', () => {
    let s = snap(initialDisplay, summary(10, []));
    s = ev(s, 'ticket.called', 11, { ticketId: 't3', number: 'BA-003' });
    expect(numbers(s)).toEqual(['BA-003']);
    s = ev(s, 'ticket.parked', 12, { ticketId: 't3', number: 'BA-003' });
    expect(numbers(s)).toEqual([]);
    // The refetch that the call triggered answers late: as of event 11 BA-003 was called.
    s = snap(s, summary(11, [{ ticketId: 't3', number: 'BA-003', status: 'called', counter: C4 }]));
    expect(numbers(s)).toEqual([]);
    // A snapshot after the park agrees; the memory of the park is then dropped.
    s = snap(s, summary(12, []));
    expect(numbers(s)).toEqual([]);
    expect(s.ended.size).toBe(0);
    // Resumed and called again: back on the screen.
    s = ev(s, 'ticket.resumed', 13, { ticketId: 't3', number: 'BA-003', counter: null });
    s = ev(s, 'ticket.called', 14, { ticketId: 't3', number: 'BA-003' });
    expect(numbers(s)).toEqual(['BA-003']);
  });

  it.each(['ticket.finished', 'ticket.no_show', 'ticket.transferred', 'ticket.cancelled'] as const)('ends a call on %s', (type) => {
    let s = snap(initialDisplay, summary(1, []));
    s = ev(s, 'ticket.called', 2, { ticketId: 't1', number: 'A-001' });
    s = ev(s, 'ticket.called', 3, { ticketId: 't2', number: 'A-002', counter: C5 });
    s = ev(s, type, 4, { ticketId: 't1', number: 'A-001', ...(type === 'ticket.transferred' ? { toServiceId: 's2', toNumber: 'B-001' } : {}) });
    expect(numbers(s)).toEqual(['A-002']);
  });

  it('corrects what it missed from the next snapshot (a change whose event never arrived)', () => {
    let s = snap(initialDisplay, summary(1, []));
    s = ev(s, 'ticket.called', 2, { ticketId: 't1', number: 'A-001' });
    s = ev(s, 'ticket.called', 3, { ticketId: 't2', number: 'A-002', counter: C5 });
    // Event 4 (A-001 parked) was lost; the snapshot as of 5 no longer has A-001 at a counter.
    s = snap(s, summary(5, [{ ticketId: 't2', number: 'A-002', status: 'serving', counter: C5 }]));
    expect(numbers(s)).toEqual(['A-002']);
    expect(s.calls[0].status).toBe('serving');
  });

  it('keeps the live order: a recall moves to the top, a start keeps the place', () => {
    let s = snap(initialDisplay, summary(1, []));
    s = ev(s, 'ticket.called', 2, { ticketId: 't1', number: 'A-001' });
    s = ev(s, 'ticket.called', 3, { ticketId: 't2', number: 'A-002', counter: C5 });
    s = ev(s, 'ticket.started', 4, { ticketId: 't2', number: 'A-002', counter: C5 });
    s = ev(s, 'ticket.recalled', 5, { ticketId: 't1', number: 'A-001' });
    expect(numbers(s)).toEqual(['A-001', 'A-002']);
    expect(s.calls.map((c) => [c.recall, c.status])).toEqual([[true, 'called'], [false, 'serving']]);
    // A snapshot taken in between (as of 4) does not reorder or drop them.
    s = snap(s, summary(4, [{ ticketId: 't1', number: 'A-001', status: 'called', counter: C4 }, { ticketId: 't2', number: 'A-002', status: 'serving', counter: C5 }], ['t2', 't1']));
    expect(numbers(s)).toEqual(['A-001', 'A-002']);
    // The same call replayed after a reconnect is not added twice.
    s = ev(s, 'ticket.recalled', 5, { ticketId: 't1', number: 'A-001' });
    expect(numbers(s)).toEqual(['A-001', 'A-002']);
  });

  it('follows breaks from events and snapshots, newest information first', () => {
    let s = snap(initialDisplay, summary(1, [], [], ['c5']));
    expect([...countersOnBreak(s)]).toEqual(['c5']);
    s = ev(s, 'counter.paused', 2, { counterId: 'c4', name: 'Loket 4', number: 4 } as never);
    s = ev(s, 'counter.opened', 3, { counterId: 'c5', name: 'Loket 5', number: 5 } as never);
    expect([...countersOnBreak(s)]).toEqual(['c4']);
    // An older snapshot still saying c5 rests is ignored; a newer one is believed.
    s = snap(s, summary(2, [], [], ['c4', 'c5']));
    expect([...countersOnBreak(s)].sort()).toEqual(['c4']);
    s = snap(s, summary(3, [], [], []));
    expect([...countersOnBreak(s)]).toEqual([]);
  });

  it('ignores calls at counters of another zone', () => {
    const inZone: InZone = (id) => id === 'c4';
    let s = snap(initialDisplay, summary(1, [{ ticketId: 't9', number: 'Z-009', status: 'called', counter: C5 }]), inZone);
    s = ev(s, 'ticket.called', 2, { ticketId: 't1', number: 'A-001', counter: C5 }, inZone);
    s = ev(s, 'ticket.called', 3, { ticketId: 't2', number: 'A-002' }, inZone);
    expect(numbers(s)).toEqual(['A-002']);
  });

  it('lists per agency who is at a counter, without tickets ended since the snapshot, and the counters on a break', () => {
    const x = summary(10, [{ ticketId: 't3', number: 'BA-003', status: 'called', counter: C4 }]);
    let s = snap(initialDisplay, x);
    const counters: PublicCounter[] = [
      { id: 'c4', name: 'Loket 4', number: 4, zone: '', location: '', agencyId: 'a1', serviceIds: ['s1'], paused: false },
      { id: 'c5', name: 'Loket 5', number: 5, zone: '', location: '', agencyId: 'a1', serviceIds: ['s1'], paused: false },
    ];
    expect(servingByAgency(x, s, all, null, counters)).toEqual([{ agencyId: 'a1', agency: 'Disdukcapil', waiting: 2, tickets: [{ ticketId: 't3', number: 'BA-003', counter: 'Loket 4' }], onBreak: [] }]);
    s = ev(s, 'ticket.parked', 11, { ticketId: 't3', number: 'BA-003' });
    s = ev(s, 'counter.paused', 12, { counterId: 'c4', name: 'Loket 4', number: 4 } as never);
    expect(servingByAgency(x, s, all, null, counters)).toEqual([{ agencyId: 'a1', agency: 'Disdukcapil', waiting: 2, tickets: [], onBreak: ['Loket 4'] }]);
  });
});
