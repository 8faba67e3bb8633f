import { and, eq, lt, sql } from 'drizzle-orm';
import { rateLimits } from '../modules/access/access.schema';
import type { Conn } from './db';

/**
 * Fixed-window counters in the database, so every process behind a load balancer shares them.
 * One atomic upsert per hit: no check-then-insert race.
 */
export interface Window {
  key: string;
  windowSeconds: number;
}

function windowStart(now: Date, seconds: number): Date {
  return new Date(Math.floor(now.getTime() / (seconds * 1000)) * seconds * 1000);
}

export function retryAfterSeconds(now: Date, seconds: number): number {
  return Math.max(1, Math.ceil((windowStart(now, seconds).getTime() + seconds * 1000 - now.getTime()) / 1000));
}

export async function hit(conn: Conn, w: Window, now: Date): Promise<number> {
  const [r] = await conn
    .insert(rateLimits)
    .values({ key: w.key, windowStart: windowStart(now, w.windowSeconds), count: 1 })
    .onConflictDoUpdate({ target: [rateLimits.key, rateLimits.windowStart], set: { count: sql`${rateLimits.count} + 1` } })
    .returning({ count: rateLimits.count });
  return r.count;
}

export async function peek(conn: Conn, w: Window, now: Date): Promise<number> {
  const [r] = await conn
    .select({ count: rateLimits.count })
    .from(rateLimits)
    .where(and(eq(rateLimits.key, w.key), eq(rateLimits.windowStart, windowStart(now, w.windowSeconds))));
  return r?.count ?? 0;
}

export async function reset(conn: Conn, key: string): Promise<void> {
  await conn.delete(rateLimits).where(eq(rateLimits.key, key));
}

/** Housekeeping: old windows are worthless. */
export async function purgeBefore(conn: Conn, before: Date): Promise<void> {
  await conn.delete(rateLimits).where(lt(rateLimits.windowStart, before));
}

/**
 * In-process fixed windows for hot public endpoints (booking rushes): no database write per
 * request. With several processes each keeps its own count, so the effective limit is per process;
 * login throttling, which must hold across processes, uses the database counters above.
 */
export class LocalLimiter {
  private windows = new Map<string, { start: number; count: number }>();
  constructor(private readonly windowSeconds: number) {}

  hit(key: string, now: Date): number {
    const start = Math.floor(now.getTime() / (this.windowSeconds * 1000));
    const w = this.windows.get(key);
    if (!w || w.start !== start) {
      if (this.windows.size > 100_000) this.prune(start);
      this.windows.set(key, { start, count: 1 });
      return 1;
    }
    return ++w.count;
  }

  private prune(current: number) {
    for (const [k, w] of this.windows) if (w.start !== current) this.windows.delete(k);
  }
}
