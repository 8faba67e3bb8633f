import type { SQL } from 'drizzle-orm';

/** Inserts an open `transact` transaction writes together with its events (platform/tx). */
export interface DeferredWrites {
  /** A data-modifying CTE, `name AS (…)`, with a name unique in the transaction. */
  add(cte: SQL): void;
  /** How many were added so far (for unique names). */
  count(): number;
}

const registry = new WeakMap<object, DeferredWrites>();

/**
 * The open `transact` transaction `conn` belongs to, if any: an insert given to it is written
 * with the transaction's events, in the same statement (platform/audit defers audit rows so).
 */
export const deferredWrites = (conn: object): DeferredWrites | undefined => registry.get(conn);

export function registerDeferredWrites(conn: object, writes: DeferredWrites): () => void {
  registry.set(conn, writes);
  return () => void registry.delete(conn);
}
