import { sql, type SQL } from 'drizzle-orm';
import type { Bus } from './bus';
import type { Clock } from './clock';
import type { Conn, Db, Tx } from './db';
import { auditCte, type AuditRow } from './audit';
import { registerDeferredWrites } from './deferred';
import { eventRowOf, eventsCte, insertEvents, OUTBOX_EVENT_IDS, outboxIds, type EventInput, type EventRow, type NewEventRow } from './events';

/** Records an event of the transaction (see `transact`). */
export type Emit = (event: EventInput) => Promise<void>;

/**
 * What a `transact` transaction has queued and not yet written: events (in emit order) and
 * other inserts (audit rows, as CTEs), written together in one statement.
 */
class Outbox {
  events: Array<NewEventRow> = [];
  also: SQL[] = [];
  written: EventRow[] = [];
  /** Set when the outbox went with a statement that changed nothing: the transaction must not commit. */
  void = false;
  constructor(readonly bus: Bus) {}

  /** Takes everything queued, for one statement. */
  take() {
    const taken = { events: this.events, also: this.also };
    this.events = [];
    this.also = [];
    return taken;
  }

  settle(events: Array<NewEventRow>, ids: number[]): void {
    const rows = events.map((r, i) => ({ id: ids[i], ...r }));
    this.written.push(...rows);
    this.bus.written(rows);
  }
}
const outboxes = new WeakMap<object, Outbox>();

/** Raw result rows of a statement that carries an outbox: its own columns and `event_ids`. */
type RawRow = Record<string, unknown>;

/** What a statement carries to write the transaction's outbox with it (see `writeWithOutbox`). */
export interface OutboxPart {
  /** Data-modifying CTEs (`name AS (…)`) to add to the statement's WITH clause. */
  ctes: SQL[];
  /** To return as `event_ids` (RETURNING or select list): the new events' ids. */
  eventIds: SQL;
}

/**
 * Saves the outbox its own round trip: `statement(part)` is a data-modifying statement that adds
 * `part.ctes` to its WITH clause and returns `part.eventIds` as `event_ids`, so the events emitted
 * and the audit rows recorded so far in this transaction are written by that same statement
 * (emit and audit first, with the values the change will have, then run the change).
 * When it returns no row (a conditional update that found the state changed), the transaction can
 * no longer commit: throw, as you would anyway. Outside `transact`, or with nothing queued, `part`
 * is null and the statement runs on its own.
 */
export async function writeWithOutbox(conn: Conn, statement: (part: OutboxPart | null) => PromiseLike<RawRow[]>): Promise<RawRow[]> {
  const outbox = outboxes.get(conn);
  if (!outbox || (!outbox.events.length && !outbox.also.length)) return await statement(null);
  const taken = outbox.take();
  const part: OutboxPart = {
    ctes: [...(taken.events.length ? [eventsCte(taken.events, outbox.bus.notifyChannel)] : []), ...taken.also],
    eventIds: taken.events.length ? OUTBOX_EVENT_IDS : sql`'[]'::json`,
  };
  const rows = await statement(part);
  if (!rows.length) {
    outbox.void = true;
    return [];
  }
  outbox.settle(taken.events, outboxIds(rows[0].event_ids));
  return rows;
}

/** What `commitStatement` gives its statement to carry the outbox. */
export interface StatementOutbox {
  /**
   * The outbox CTEs (`name AS (…)`), to add to the WITH clause after the change's CTE named
   * `change`: they write the events and audit rows only if `change` returns a row.
   */
  ctes(change: string): SQL[];
  /** To select as `event_ids`: the new events' ids. */
  eventIds: SQL;
}

/**
 * A unit of work that is ONE statement, committed on its own (autocommit: no BEGIN and COMMIT
 * round trips): a data-modifying CTE makes the change; the outbox CTEs (`part.ctes(name)`) write
 * `events` and `audit` rows only if it returned a row; the statement selects the change's rows
 * and `part.eventIds` as `event_ids`. Nothing is written if it changed nothing. For a conditional
 * update that needs no read under a lock (the queue takes its site lock in the statement itself,
 * see queue.repository `transitionAlone`).
 */
export async function commitStatement(
  deps: { db: Db; bus: Bus; clock: Clock },
  outbox: { events: EventInput[]; audit: AuditRow[] },
  statement: (conn: Db, part: StatementOutbox) => PromiseLike<RawRow[]>,
): Promise<RawRow[]> {
  const events = outbox.events.map((e) => eventRowOf(e, deps.clock.now()));
  const part: StatementOutbox = {
    ctes: (change) => [
      ...(events.length ? [eventsCte(events, deps.bus.notifyChannel, change)] : []),
      ...(outbox.audit.length ? [auditCte(outbox.audit, 'outbox_a', change)] : []),
    ],
    eventIds: events.length ? OUTBOX_EVENT_IDS : sql`'[]'::json`,
  };
  const rows = await statement(deps.db, part);
  if (!rows.length) return [];
  const ids = outboxIds(rows[0].event_ids);
  const written = events.map((r, i) => ({ id: ids[i], ...r }));
  deps.bus.written(written);
  committed(deps.bus, written);
  return rows;
}

type CommitListener = (events: readonly EventRow[]) => void;
const commitListeners = new Set<CommitListener>();

/**
 * Hears of every event committed by this process, synchronously, right after the commit and
 * before `transact` returns (the bus delivers to other processes later). For caches of this
 * process that must never outlive a change they are told of (catalog.lookup).
 */
export function onCommitted(listener: CommitListener): () => void {
  commitListeners.add(listener);
  return () => void commitListeners.delete(listener);
}

function committed(bus: Bus, written: EventRow[]): void {
  if (written.length) {
    for (const l of commitListeners) {
      try {
        l(written);
      } catch {
        // a listener must not turn a committed change into an error
      }
    }
  }
  bus.committed(written);
}

/**
 * One unit of work: the change and its event rows commit together (outbox), and subscribers hear
 * of the events only after the commit, so nobody is ever told of a change that rolled back.
 *
 * `emit` queues the event, `recordAudit(tx, …)` queues its row. They are written in ONE statement
 * (ids follow emit order): with a statement of the work that takes them (`writeWithOutbox`), or
 * when `work` returns, just before commit. Work under a lock (the queue's site lock) thus pays
 * at most one round trip for its events and audit rows, not one per row. Nothing is written if
 * `work` throws.
 */
export async function transact<T>(
  deps: { db: Db; bus: Bus; clock: Clock },
  work: (tx: Tx, emit: Emit) => Promise<T>,
): Promise<T> {
  const outbox = new Outbox(deps.bus);
  let result: T;
  try {
    result = await deps.db.transaction(async (tx) => {
      outboxes.set(tx, outbox);
      const unregister = registerDeferredWrites(tx, { add: (cte) => void outbox.also.push(cte), count: () => outbox.also.length });
      let out: T;
      try {
        out = await work(tx, async (input) => {
          outbox.events.push(eventRowOf(input, deps.clock.now()));
        });
        if (outbox.void) throw new Error('transact: the outbox was written with a statement that changed nothing, and the work did not throw');
        const rest = outbox.take();
        if (rest.events.length || rest.also.length) {
          const rows = await insertEvents(tx, rest.events, { notify: deps.bus.notifyChannel, also: rest.also });
          outbox.settle(rest.events, rows.map((r) => r.id));
        }
      } finally {
        outboxes.delete(tx);
        unregister();
      }
      return out;
    });
  } catch (err) {
    if (outbox.written.length) deps.bus.committed(outbox.written, false);
    throw err;
  }
  committed(deps.bus, outbox.written);
  return result;
}
