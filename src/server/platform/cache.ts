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
  private entries = new Map<string, { at: number; value: Promise<V> }>();

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
    this.entries.set(key, { at: now, value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
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
