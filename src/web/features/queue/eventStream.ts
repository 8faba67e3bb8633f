/**
 * Server-Sent Events that survive days of flaky Wi-Fi.
 *
 * The browser's EventSource reconnects by itself after a dropped connection and sends
 * `Last-Event-ID`; the server then replays what was missed. When the server answers a reconnect
 * with an error (restart, 502 from a proxy) EventSource gives up for good: we then open a new one
 * ourselves, with `?lastEventId=` (a new EventSource cannot set the header), after a growing pause.
 * Events with an id at or below the last one seen are dropped, so a replay never repeats a call.
 */

import type { SiteStreamData } from '../../../contracts/events';

export type StreamState = 'connecting' | 'open' | 'reconnecting';

/** Event name → its `data`. The default is the public site stream of the event catalogue. */
export type StreamData = Record<string, unknown>;

/**
 * One event as the listener gets it: the name tells the data (`if (type === 'ticket.called')
 * data.spoken`). A listener declares all three parameters, or none.
 */
export type StreamEvent<M extends StreamData> = { [K in keyof M & string]: [type: K, data: M[K], id: number | null] }[keyof M & string];

export interface StreamOptions<M extends StreamData = SiteStreamData> {
  /** Event names to listen to. */
  events: readonly (keyof M & string)[];
  onEvent: (...event: StreamEvent<M>) => void;
  onState?: (state: StreamState) => void;
  /** Resume after this event id (e.g. the `lastEventId` of a snapshot read just before). */
  lastEventId?: number | null;
  /**
   * Events the server sends without `id:` (e.g. the status page's `status`). EventSource reports
   * the previous event's id on them, so they skip the duplicate check and never move the cursor.
   */
  unnumbered?: readonly (keyof M & string)[];
}

const MAX_BACKOFF_MS = 30_000;
/** The server sends a `heartbeat` event every 15 s; silence for this long means a dead link. */
const SILENCE_MS = 45_000;

function withLastId(url: string, id: number | null): string {
  if (!id) return url;
  const u = new URL(url, globalThis.location?.href ?? 'http://localhost/');
  u.searchParams.set('lastEventId', String(id));
  return u.pathname + u.search;
}

/**
 * Opens the stream; returns the function that closes it and removes every listener. The data of
 * each event is what the server's catalogue (src/contracts/events) says that event carries.
 */
export function openStream<M extends StreamData = SiteStreamData>(url: string, opts: StreamOptions<NoInfer<M>>): () => void {
  let last: number | null = opts.lastEventId && opts.lastEventId > 0 ? opts.lastEventId : null;
  let es: EventSource | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let backoff = 2_000;
  let closed = false;

  const unnumbered = new Set<string>(opts.unnumbered ?? []);
  const deliver = opts.onEvent as (type: string, data: unknown, id: number | null) => void;
  let heardAt = Date.now();
  const heard = () => {
    heardAt = Date.now();
  };
  const listener = (ev: MessageEvent<string>) => {
    heard();
    const id = !unnumbered.has(ev.type) && ev.lastEventId && /^\d+$/.test(ev.lastEventId) ? Number(ev.lastEventId) : null;
    if (id !== null) {
      if (last !== null && id <= last) return;
      last = id;
    }
    let data: unknown = ev.data;
    try {
      data = JSON.parse(ev.data);
    } catch {
      // Plain text data is passed on as it is.
    }
    deliver(ev.type, data, id);
  };

  const detach = () => {
    if (!es) return;
    for (const type of opts.events) es.removeEventListener(type, listener as EventListener);
    es.removeEventListener('heartbeat', heard);
    es.onopen = null;
    es.onerror = null;
    es.close();
    es = null;
  };

  const connect = () => {
    if (closed) return;
    detach();
    opts.onState?.(last === null ? 'connecting' : 'reconnecting');
    const source = new EventSource(withLastId(url, last));
    es = source;
    for (const type of opts.events) source.addEventListener(type, listener as EventListener);
    source.addEventListener('heartbeat', heard);
    heard();
    source.onopen = () => {
      heard();
      backoff = 2_000;
      opts.onState?.('open');
    };
    source.onerror = () => {
      if (closed) return;
      if (source.readyState === EventSource.CLOSED) {
        // The browser gave up: try again ourselves, resuming after the last event seen.
        detach();
        opts.onState?.('reconnecting');
        clearTimeout(timer);
        timer = setTimeout(connect, backoff);
        backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
      } else {
        opts.onState?.('reconnecting');
      }
    };
  };

  // The device says the network is gone: a connection on a dead link can hang for minutes, so
  // drop it now; back online, reconnect at once and resume after the last event seen.
  const offline = () => {
    if (closed) return;
    clearTimeout(timer);
    detach();
    opts.onState?.('reconnecting');
  };
  const online = () => {
    if (!closed && (!es || es.readyState !== EventSource.OPEN)) {
      clearTimeout(timer);
      connect();
    }
  };
  globalThis.addEventListener?.('offline', offline);
  globalThis.addEventListener?.('online', online);

  // A connection can hang without an error (a Wi-Fi access point dropping packets): when even the
  // heartbeat stops, start over, resuming after the last event seen.
  const watchdog = setInterval(() => {
    if (!closed && es && Date.now() - heardAt > SILENCE_MS) connect();
  }, 10_000);

  connect();
  return () => {
    closed = true;
    clearInterval(watchdog);
    clearTimeout(timer);
    globalThis.removeEventListener?.('offline', offline);
    globalThis.removeEventListener?.('online', online);
    detach();
  };
}
