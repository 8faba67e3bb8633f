/**
 * A small in-process read cache with a time to live, for data that changes rarely and is read on
 * every request (the catalogue behind every queue call). Values are shared between requests:
 * they are frozen, never change them.
 *
 * - A value is at most `ttlMs` old (real time, not the app clock: this is about freshness, not
 *   business time).
 * - `clear()` drops everything; a load that was in flight when `clear()` ran still answers its
 *   callers but is not kept, so a clear is never undone by a slow read.
 * - Concurrent misses of one key share one load; failed loads are not kept.
 */
export class TtlCache<V> {
  private entries = new Map<string, { at: number; value: Promise<V>; settled?: { value: V } }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 5_000,
  ) {}

  get(key: string, load: () => Promise<V>): Promise<V> {
    const now = performance.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.value;
    const value = load().then(deepFreeze);
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    const entry: { at: number; value: Promise<V>; settled?: { value: V } } = { at: now, value };
    this.entries.set(key, entry);
    value.then((v) => (entry.settled = { value: v }), () => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }

  /**
   * A fresh value that has already loaded, without waiting for anything. Inside a transaction on
   * PGlite's single connection, awaiting another request's load (a root query queued behind this
   * very transaction) would hang: such callers `peek`, and on a miss read through their
   * transaction instead (catalog.lookup).
   */
  peek(key: string): { value: V } | undefined {
    const hit = this.entries.get(key);
    return hit?.settled && performance.now() - hit.at < this.ttlMs ? hit.settled : undefined;
  }

  /** Drops every entry, loads in flight included: they answer their callers and are not kept. */
  clear(): void {
    this.entries.clear();
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    if (!(value instanceof Date)) for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
