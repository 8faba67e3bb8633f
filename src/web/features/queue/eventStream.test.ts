import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SiteStreamData } from '../../../contracts/events';
import { openStream } from './eventStream';

/** A stand-in for the browser's EventSource: the test plays the server. */
class FakeEventSource {
  static CONNECTING = 0;
  static OPEN = 1;
  static CLOSED = 2;
  static all: FakeEventSource[] = [];
  readyState = FakeEventSource.CONNECTING;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  listeners = new Map<string, Set<(e: unknown) => void>>();
  lastEventId = '';
  constructor(public url: string) {
    FakeEventSource.all.push(this);
  }
  addEventListener(type: string, fn: (e: unknown) => void) {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)!.add(fn);
  }
  removeEventListener(type: string, fn: (e: unknown) => void) {
    this.listeners.get(type)?.delete(fn);
  }
  close() {
    this.readyState = FakeEventSource.CLOSED;
  }
  open() {
    this.readyState = FakeEventSource.OPEN;
    this.onopen?.();
  }
  /** Like the browser: an event without an id keeps the previous one as `lastEventId`. */
  emit(type: string, data: unknown, id?: number) {
    if (id !== undefined) this.lastEventId = String(id);
    for (const fn of this.listeners.get(type) ?? []) fn({ type, data: JSON.stringify(data), lastEventId: this.lastEventId });
  }
  fail() {
    this.readyState = FakeEventSource.CLOSED;
    this.onerror?.();
  }
}

const win = new EventTarget();

beforeEach(() => {
  FakeEventSource.all = [];
  vi.useFakeTimers();
  vi.stubGlobal('EventSource', FakeEventSource);
  vi.stubGlobal('addEventListener', win.addEventListener.bind(win));
  vi.stubGlobal('removeEventListener', win.removeEventListener.bind(win));
  vi.stubGlobal('location', { href: 'http://mpp.test/display/x' });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('openStream', () => {
  it('resumes after the snapshot id and drops replayed duplicates', () => {
    const seen: Array<[string, number | null]> = [];
    const close = openStream('/api/v1/sites/s/stream', { events: ['ticket.called'], lastEventId: 7, onEvent: (t, _d, id) => seen.push([t, id]) });
    const es = FakeEventSource.all[0];
    expect(es.url).toBe('/api/v1/sites/s/stream?lastEventId=7');
    es.open();
    es.emit('ticket.called', { number: 'A-001' }, 7);
    es.emit('ticket.called', { number: 'A-002' }, 8);
    es.emit('ticket.called', { number: 'A-002' }, 8);
    expect(seen).toEqual([['ticket.called', 8]]);
    close();
    expect(es.readyState).toBe(FakeEventSource.CLOSED);
    expect(es.listeners.get('ticket.called')?.size).toBe(0);
  });

  it('reconnects by itself after the browser gives up, from the last event seen', () => {
    const seen: number[] = [];
    const close = openStream('/s', { events: ['ticket.called'], onEvent: (_t, _d, id) => seen.push(id!) });
    const first = FakeEventSource.all[0];
    expect(first.url).toBe('/s');
    first.open();
    first.emit('ticket.called', {}, 3);
    first.fail();
    expect(FakeEventSource.all).toHaveLength(1);
    vi.advanceTimersByTime(2_000);
    const second = FakeEventSource.all[1];
    expect(second.url).toBe('/s?lastEventId=3');
    // The replay of missed calls arrives, each once.
    second.emit('ticket.called', {}, 4);
    second.emit('ticket.called', {}, 5);
    expect(seen).toEqual([3, 4, 5]);
    close();
  });

  it('drops the connection when the device goes offline and resumes when back', () => {
    const states: string[] = [];
    const close = openStream('/s', { events: ['ticket.called'], onEvent: () => undefined, onState: (s) => states.push(s) });
    const first = FakeEventSource.all[0];
    first.open();
    first.emit('ticket.called', {}, 10);
    win.dispatchEvent(new Event('offline'));
    expect(first.readyState).toBe(FakeEventSource.CLOSED);
    win.dispatchEvent(new Event('online'));
    expect(FakeEventSource.all[1].url).toBe('/s?lastEventId=10');
    expect(states).toEqual(['connecting', 'open', 'reconnecting', 'reconnecting']);
    close();
  });

  it('lets unnumbered events through even though EventSource repeats the previous id on them', () => {
    const seen: string[] = [];
    const close = openStream<SiteStreamData & { status: unknown }>('/t', { events: ['status', 'ticket.called'], unnumbered: ['status'], onEvent: (t, _d, _id) => seen.push(t) });
    const es = FakeEventSource.all[0];
    es.open();
    es.emit('status', { status: 'waiting' });
    es.emit('ticket.called', {}, 2);
    es.emit('status', { status: 'called' });
    es.emit('status', { status: 'serving' });
    expect(seen).toEqual(['status', 'ticket.called', 'status', 'status']);
    close();
  });
});
