import { eq, lt, sql } from 'drizzle-orm';
import { rateLimits } from '../db/rate-limits.schema';
import { rows, type Conn } from './db';

/**
 * Limits on FAILED attempts (sign-in, booking proofs), kept in the database so every process
 * behind a load balancer shares them (PostgreSQL and PGlite alike: plain SQL, no store of a
 * library). `rate-limiter-flexible` was considered: it has no PGlite store and reads Date.now(),
 * where Loket's rules follow the injectable clock.
 *
 * One row per key. An attempt is admitted by one atomic upsert that also counts it as pending
 * (in flight), and settled afterwards: a failure adds to `count` and may block the key, a success
 * only gives its pending place back (or clears the key). So successes never use up a limit (39
 * officers behind one NAT), while a burst of concurrent guesses cannot slip past a limit that
 * reads only finished failures: at most `maxPending` run at once under one key.
 * A pending place left by a process killed mid-attempt is forgotten when the row expires.
 */
export type Rule =
  /** At most `max` failures per window (the window starts with the key's first attempt). */
  | { kind: 'window'; key: string; max: number; windowSeconds: number; maxPending: number; resetOnSuccess?: boolean }
  /**
   * Growing delays: after `free` failures in a row each further failure blocks the key for
   * base, 2·base, 4·base … seconds, at most `capSeconds`. Forgotten `forgetSeconds` after the
   * last failure, and cleared by a success.
   */
  | { kind: 'backoff'; key: string; free: number; baseSeconds: number; capSeconds: number; forgetSeconds: number; maxPending: number };

export type Outcome = 'success' | 'failure' | 'abandoned';

export interface Refusal {
  rule: Rule;
  /** Whole seconds until an attempt under this key may be admitted again (≥ 1). */
  retryAfter: number;
}

/** A key made of parts that cannot run into each other (usernames may contain ':'). */
export const limitKey = (...parts: string[]) => parts.map(encodeURIComponent).join(':');

const iso = (d: Date) => d.toISOString();
const ttlOf = (r: Rule) => (r.kind === 'window' ? r.windowSeconds : r.forgetSeconds);

/**
 * Admits one attempt under every rule, or returns the refusal (nothing stays counted then).
 * Rules are taken in order: put the broadest first, so a refused address does not touch the
 * account's rows.
 */
export async function admit(conn: Conn, rules: Rule[], now: Date): Promise<Refusal | null> {
  const taken: Rule[] = [];
  for (const rule of rules) {
    // An expired row starts afresh; a live one takes a pending place unless blocked or crowded.
    const admitted = await rows<{ key: string }>(
      conn,
      sql`INSERT INTO rate_limits AS r (key, count, pending, blocked_until, expires_at)
          VALUES (${rule.key}, 0, 1, NULL, ${iso(now)}::timestamptz + make_interval(secs => ${ttlOf(rule)}))
          ON CONFLICT (key) DO UPDATE SET
            count = CASE WHEN r.expires_at <= ${iso(now)}::timestamptz THEN 0 ELSE r.count END,
            pending = CASE WHEN r.expires_at <= ${iso(now)}::timestamptz THEN 1 ELSE r.pending + 1 END,
            blocked_until = CASE WHEN r.expires_at <= ${iso(now)}::timestamptz THEN NULL ELSE r.blocked_until END,
            expires_at = CASE WHEN r.expires_at <= ${iso(now)}::timestamptz THEN excluded.expires_at ELSE r.expires_at END
          WHERE r.expires_at <= ${iso(now)}::timestamptz
             OR ((r.blocked_until IS NULL OR r.blocked_until <= ${iso(now)}::timestamptz) AND r.pending < ${rule.maxPending})
          RETURNING r.key`,
    );
    if (admitted.length) {
      taken.push(rule);
      continue;
    }
    await release(conn, taken);
    const [row] = await rows<{ blocked_ms: number | null }>(
      conn,
      sql`SELECT (extract(epoch FROM blocked_until) * 1000)::float8 AS blocked_ms FROM rate_limits WHERE key = ${rule.key}`,
    );
    const wait = row?.blocked_ms != null ? Math.ceil((Number(row.blocked_ms) - now.getTime()) / 1000) : 1;
    // Crowded (too many attempts in flight) rather than blocked: try again in a second.
    return { rule, retryAfter: Math.max(1, wait) };
  }
  return null;
}

/** Settles an admitted attempt under the same rules. `abandoned`: neither counted nor cleared. */
export async function settle(conn: Conn, rules: Rule[], outcome: Outcome, now: Date): Promise<void> {
  if (outcome !== 'failure') {
    const cleared = outcome === 'success' ? rules.filter((r) => r.kind === 'backoff' || r.resetOnSuccess) : [];
    for (const rule of cleared) await conn.delete(rateLimits).where(eq(rateLimits.key, rule.key));
    await release(conn, rules.filter((r) => !cleared.includes(r)));
    return;
  }
  for (const rule of rules) {
    if (rule.kind === 'window') {
      // Reaching the limit blocks the key until its window ends.
      await conn.execute(sql`UPDATE rate_limits SET
          pending = GREATEST(pending - 1, 0),
          count = count + 1,
          blocked_until = CASE WHEN count + 1 >= ${rule.max} THEN expires_at ELSE blocked_until END
        WHERE key = ${rule.key}`);
    } else {
      // The exponent is clamped so that a long run of failures cannot overflow.
      await conn.execute(sql`UPDATE rate_limits SET
          pending = GREATEST(pending - 1, 0),
          count = count + 1,
          blocked_until = CASE WHEN count + 1 >= ${rule.free}
            THEN ${iso(now)}::timestamptz + make_interval(secs => LEAST(${rule.capSeconds}::float8, ${rule.baseSeconds}::float8 * power(2, LEAST(count + 1 - ${rule.free}, 40))))
            ELSE NULL END,
          expires_at = ${iso(now)}::timestamptz + make_interval(secs => ${Math.max(rule.forgetSeconds, rule.capSeconds)})
        WHERE key = ${rule.key}`);
    }
  }
}

/**
 * One statement per key, never one over several: a multi-row UPDATE locks its rows in the order
 * it finds them (on a small table, their physical order, which every update changes), so two
 * releases of the same keys could each hold one row and wait for the other (PostgreSQL:
 * "deadlock detected"). Statements that each lock a single row cannot deadlock.
 */
async function release(conn: Conn, rules: Rule[]): Promise<void> {
  for (const rule of rules) {
    await conn
      .update(rateLimits)
      .set({ pending: sql`GREATEST(${rateLimits.pending} - 1, 0)` })
      .where(eq(rateLimits.key, rule.key));
  }
}

/** Housekeeping (background sweep): expired rows are worthless. Returns how many went. */
export async function sweepExpired(conn: Conn, now: Date): Promise<number> {
  const gone = await conn.delete(rateLimits).where(lt(rateLimits.expiresAt, now)).returning({ key: rateLimits.key });
  return gone.length;
}

/** "2 menit" / "2 minutes", "40 detik" / "40 seconds": the wait in a refusal's message. */
export function waitText(seconds: number): { id: string; en: string } {
  if (seconds < 90) return { id: `${seconds} detik`, en: `${seconds} second${seconds === 1 ? '' : 's'}` };
  const m = Math.ceil(seconds / 60);
  return { id: `${m} menit`, en: `${m} minutes` };
}

function windowStart(now: Date, seconds: number): Date {
  return new Date(Math.floor(now.getTime() / (seconds * 1000)) * seconds * 1000);
}

/** Seconds until the aligned window of `seconds` that holds `now` ends (LocalLimiter). */
export function retryAfterSeconds(now: Date, seconds: number): number {
  return Math.max(1, Math.ceil((windowStart(now, seconds).getTime() + seconds * 1000 - now.getTime()) / 1000));
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
