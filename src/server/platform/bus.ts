import type { Database } from './db';
import { eventsByIds, type EventRow } from './events';

export type Listener = (event: EventRow) => void;

/**
 * Publishes committed events to this process's subscribers (SSE streams).
 * - One process (PGlite or PostgreSQL without peers): delivered in memory right after commit.
 * - Several processes on one PostgreSQL: the transaction itself issues pg_notify with the event id
 *   (PostgreSQL delivers it only on commit); every process, this one included, reads the rows by
 *   id and delivers them. Notifications carry ids only, never data.
 */
export interface Bus {
  /**
   * Several processes: the channel the statement that writes events must `pg_notify` each id on
   * (platform/events `insertEvents`); null when delivery stays in this process.
   */
  readonly notifyChannel: string | null;
  /** Called inside the transaction, once its events are written (rows with their ids). */
  written(events: EventRow[]): void;
  /** Called after that transaction committed, or failed (`ok` false: the rows do not exist). */
  committed(events: EventRow[], ok?: boolean): void;
  subscribe(listener: Listener): () => void;
  readonly subscriberCount: number;
  close(): Promise<void>;
}

const CHANNEL = 'loket_events';

class Fanout {
  private listeners = new Set<Listener>();
  get size() {
    return this.listeners.size;
  }
  add(l: Listener) {
    this.listeners.add(l);
    return () => void this.listeners.delete(l);
  }
  deliver(event: EventRow) {
    for (const l of this.listeners) {
      try {
        l(event);
      } catch {
        // one broken subscriber must not stop the others
      }
    }
  }
}

export function memoryBus(): Bus {
  const fanout = new Fanout();
  return {
    notifyChannel: null,
    written() {},
    committed(events, ok = true) {
      if (ok) for (const e of events) fanout.deliver(e);
    },
    subscribe: (l) => fanout.add(l),
    get subscriberCount() {
      return fanout.size;
    },
    async close() {},
  };
}

export async function postgresBus(database: Database, onError: (err: unknown) => void = () => {}): Promise<Bus> {
  if (!database.listen) throw new Error('postgresBus needs a PostgreSQL database');
  const fanout = new Fanout();
  let pending: number[] = [];
  let chain = Promise.resolve();
  // Rows this process wrote itself, kept from their write (before the commit, so before any
  // notification can arrive) until their notification arrives: they need no read. Rows of a
  // transaction that failed are dropped; the bound is only a safety net.
  const own = new Map<number, EventRow>();
  const OWN_MAX = 10_000;
  // Ids that arrive together cost (at most) one read; reads run one after another so delivery
  // keeps the order in which transactions committed.
  const flush = async () => {
    const ids = pending;
    pending = [];
    if (!ids.length) return;
    try {
      const missing = ids.filter((id) => !own.has(id));
      const read = missing.length ? new Map((await eventsByIds(database.db, missing)).map((e) => [e.id, e])) : null;
      for (const id of [...ids].sort((a, b) => a - b)) {
        const e = own.get(id) ?? read?.get(id);
        own.delete(id);
        if (e) fanout.deliver(e);
      }
    } catch (err) {
      onError(err);
    }
  };
  const unlisten = await database.listen(CHANNEL, (payload) => {
    const id = Number(payload);
    if (!Number.isSafeInteger(id)) return;
    if (pending.push(id) === 1) chain = chain.then(flush);
  });
  return {
    notifyChannel: CHANNEL,
    written(events) {
      for (const e of events) own.set(e.id, e);
      for (const id of own.keys()) {
        if (own.size <= OWN_MAX) break;
        own.delete(id);
      }
    },
    committed(events, ok = true) {
      if (!ok) for (const e of events) own.delete(e.id);
    },
    subscribe: (l) => fanout.add(l),
    get subscriberCount() {
      return fanout.size;
    },
    close: unlisten,
  };
}
