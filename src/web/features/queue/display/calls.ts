/**
 * What the TV shows, derived from two sources: the snapshot (`/queue/summary`, as of its
 * `lastEventId` L) and the site stream's events (ids above L, replayed after a reconnect).
 *
 * A call stays on the screen only while its ticket is at the counter (called or serving): a park,
 * a finish, a no-show, a transfer or the day's close takes it off at once. Every entry and every
 * counter's break remembers the id of the event that last changed it (`rev`); a snapshot decides
 * only about what no event after its L has touched, so a slow snapshot never brings back a call
 * the stream already ended, and a missed event is corrected by the next snapshot.
 */
import type { SiteStreamData, SiteStreamEvent } from '../../../../contracts/events';
import type { PublicCounter, QueueSummary } from '../types';

/** How many calls the display keeps (the big one plus the list): bounded for a screen that runs for days. */
export const MAX_CALLS = 9;
/** Ended tickets remembered until a snapshot covers them (bounded if snapshots keep failing). */
const MAX_ENDED = 500;

export interface Call {
  /** The call's event id (or the ticket id for calls from the snapshot): a recall is a new entry. */
  key: string;
  ticketId: string;
  number: string;
  counterName: string;
  counterId: string | null;
  recall: boolean;
  status: 'called' | 'serving';
  /** Id of the event (or snapshot) that last changed this entry. */
  rev: number;
}

export interface DisplayState {
  calls: Call[];
  /** Tickets whose call ended (park, finish, …) by event id: a snapshot older than that cannot revive them. */
  ended: Map<string, number>;
  /** Counters on a break, and the event id that said so (snapshots: their L). */
  breaks: Map<string, { paused: boolean; rev: number }>;
  /** L of the newest snapshot applied. */
  rev: number;
}

export const initialDisplay: DisplayState = { calls: [], ended: new Map(), breaks: new Map(), rev: -1 };

export type DisplayAction =
  | { type: 'snapshot'; summary: Pick<QueueSummary, 'lastEventId' | 'services' | 'recentCalls' | 'pausedCounterIds'>; inZone: (counterId: string | null | undefined) => boolean }
  | { type: 'event'; event: SiteStreamEvent; data: SiteStreamData[SiteStreamEvent]; id: number | null; inZone: (counterId: string | null | undefined) => boolean };

const ENDS = new Set<SiteStreamEvent>(['ticket.finished', 'ticket.no_show', 'ticket.transferred', 'ticket.parked', 'ticket.resumed', 'ticket.cancelled']);

export function displayReducer(state: DisplayState, a: DisplayAction): DisplayState {
  return a.type === 'snapshot' ? applySnapshot(state, a.summary, a.inZone) : applyEvent(state, a.event, a.data, a.id ?? state.rev, a.inZone);
}

function applySnapshot(state: DisplayState, s: Extract<DisplayAction, { type: 'snapshot' }>['summary'], inZone: (id: string | null | undefined) => boolean): DisplayState {
  const L = s.lastEventId;
  if (L < state.rev) return state; // an older answer arriving late
  // Who is at a counter as of the snapshot: every service's called or serving tickets.
  const atCounter = new Map<string, { status: 'called' | 'serving'; number: string; counter: { id: string; name: string } | null }>();
  for (const svc of s.services)
    for (const n of svc.nowServing)
      if ((n.status === 'called' || n.status === 'serving') && inZone(n.counter?.id)) atCounter.set(n.ticketId, { status: n.status, number: n.number, counter: n.counter });

  const kept = state.calls.flatMap((c): Call[] => {
    if (c.rev > L) return [c];
    const now = atCounter.get(c.ticketId);
    return now ? [{ ...c, status: now.status, rev: L }] : [];
  });
  const have = new Set(kept.map((c) => c.ticketId));
  const endedAfter = (id: string) => (state.ended.get(id) ?? -1) > L;
  // Calls the screen has not seen (first load, a new day, a missed event), newest call first.
  const added: Call[] = [];
  for (const r of s.recentCalls) {
    const now = atCounter.get(r.ticketId);
    if (!now || have.has(r.ticketId) || endedAfter(r.ticketId)) continue;
    have.add(r.ticketId);
    added.push({ key: `snap:${r.ticketId}`, ticketId: r.ticketId, number: r.number, counterName: r.counter?.name ?? '', counterId: r.counter?.id ?? null, recall: false, status: now.status, rev: L });
  }

  const ended = new Map([...state.ended].filter(([, rev]) => rev > L));
  const breaks = new Map<string, { paused: boolean; rev: number }>([...state.breaks].filter(([, b]) => b.rev > L));
  for (const id of s.pausedCounterIds) if (!breaks.has(id)) breaks.set(id, { paused: true, rev: L });
  return { calls: [...kept, ...added].slice(0, MAX_CALLS), ended, breaks, rev: L };
}

function applyEvent(state: DisplayState, type: SiteStreamEvent, data: SiteStreamData[SiteStreamEvent], rev: number, inZone: (id: string | null | undefined) => boolean): DisplayState {
  if (type === 'counter.paused' || type === 'counter.opened') {
    const d = data as SiteStreamData['counter.paused'];
    const breaks = new Map(state.breaks);
    breaks.set(d.counterId, { paused: type === 'counter.paused', rev });
    return { ...state, breaks };
  }
  const d = data as SiteStreamData['ticket.called'];
  if (type === 'ticket.called' || type === 'ticket.recalled') {
    if (!inZone(d.counter?.id)) return state;
    const key = `ev:${rev}`;
    if (state.calls.some((c) => c.key === key)) return state;
    const call: Call = { key, ticketId: d.ticketId, number: d.number, counterName: d.counter?.name ?? '', counterId: d.counter?.id ?? null, recall: type === 'ticket.recalled', status: 'called', rev };
    const ended = new Map(state.ended);
    ended.delete(d.ticketId);
    // The same ticket called again moves to the top instead of appearing twice.
    return { ...state, ended, calls: [call, ...state.calls.filter((c) => c.ticketId !== d.ticketId)].slice(0, MAX_CALLS) };
  }
  if (type === 'ticket.started') {
    return { ...state, calls: state.calls.map((c) => (c.ticketId === d.ticketId ? { ...c, status: 'serving', rev } : c)) };
  }
  if (ENDS.has(type)) {
    const ended = new Map(state.ended);
    ended.set(d.ticketId, rev);
    while (ended.size > MAX_ENDED) ended.delete(ended.keys().next().value!);
    return { ...state, ended, calls: state.calls.filter((c) => c.ticketId !== d.ticketId) };
  }
  return state; // ticket.issued: nothing on the call panels
}

/** Counters on a break now. */
export function countersOnBreak(state: DisplayState): Set<string> {
  return new Set([...state.breaks].filter(([, b]) => b.paused).map(([id]) => id));
}

export interface ServingGroup {
  agencyId: string;
  agency: string;
  waiting: number;
  tickets: Array<{ ticketId: string; number: string; counter: string }>;
  /** Names of this agency's counters on a break. */
  onBreak: string[];
}

/**
 * Now serving per agency (called or serving tickets) from the snapshot, without the tickets an
 * event after it has ended, and the counters on a break; only counters of the zone when one is set.
 */
export function servingByAgency(
  s: QueueSummary | undefined,
  state: DisplayState,
  inZone: (counterId: string | null | undefined) => boolean,
  zoneAgencies: Set<string> | null,
  counters: readonly PublicCounter[],
): ServingGroup[] {
  if (!s) return [];
  const endedSince = (id: string) => (state.ended.get(id) ?? -1) > s.lastEventId;
  const resting = countersOnBreak(state);
  const groups = new Map<string, ServingGroup>();
  for (const svc of s.services) {
    if (zoneAgencies && !zoneAgencies.has(svc.agency.id)) continue;
    let g = groups.get(svc.agency.id);
    if (!g) groups.set(svc.agency.id, (g = { agencyId: svc.agency.id, agency: svc.agency.name, waiting: 0, tickets: [], onBreak: [] }));
    g.waiting += svc.waiting;
    for (const n of svc.nowServing) if (n.counter && inZone(n.counter.id) && !endedSince(n.ticketId)) g.tickets.push({ ticketId: n.ticketId, number: n.number, counter: n.counter.name });
  }
  for (const c of counters) {
    const g = groups.get(c.agencyId);
    if (g && resting.has(c.id) && inZone(c.id)) g.onBreak.push(c.name);
  }
  // Agencies with nobody at a counter in this zone, nobody waiting and no break stay off the screen.
  return [...groups.values()].filter((g) => g.tickets.length > 0 || g.waiting > 0 || g.onBreak.length > 0);
}
