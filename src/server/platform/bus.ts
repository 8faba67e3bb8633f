import { sql } from 'drizzle-orm';
import type { Database, Tx } from './db';
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
  /** Called inside the transaction that wrote the event. */
  written(tx: Tx, event: EventRow): Promise<void>;
  /** Called after that transaction committed. */
  committed(events: EventRow[]): void;
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
    async written() {},
    committed(events) {
      for (const e of events) fanout.deliver(e);
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
  // Ids that arrive together cost one read; reads run one after another so delivery keeps the
  // order in which transactions committed.
  const flush = async () => {
    const ids = pending;
    pending = [];
    if (!ids.length) return;
    try {
      for (const e of await eventsByIds(database.db, ids)) fanout.deliver(e);
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
    async written(tx, event) {
      await tx.execute(sql`SELECT pg_notify(${CHANNEL}, ${String(event.id)})`);
    },
    committed() {},
    subscribe: (l) => fanout.add(l),
    get subscriberCount() {
      return fanout.size;
    },
    close: unlisten,
  };
}
