import type { Bus } from './bus';
import type { Clock } from './clock';
import type { Db, Tx } from './db';
import { insertEvent, type EventInput, type EventRow } from './events';

export type Emit = (event: EventInput) => Promise<EventRow>;

/**
 * One unit of work: the change and its event rows commit together (outbox), and subscribers hear
 * of the events only after the commit, so nobody is ever told of a change that rolled back.
 */
export async function transact<T>(
  deps: { db: Db; bus: Bus; clock: Clock },
  work: (tx: Tx, emit: Emit) => Promise<T>,
): Promise<T> {
  const written: EventRow[] = [];
  const result = await deps.db.transaction(async (tx) =>
    work(tx, async (input) => {
      const row = await insertEvent(tx, deps.clock, input);
      await deps.bus.written(tx, row);
      written.push(row);
      return row;
    }),
  );
  deps.bus.committed(written);
  return result;
}
