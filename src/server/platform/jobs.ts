import { and, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { jobs } from '../db/jobs.schema';
import type { Clock } from './clock';
import type { Conn, Db } from './db';

export type JobRow = typeof jobs.$inferSelect;
export type JobHandler = (job: JobRow) => Promise<void>;

const MAX_ATTEMPTS = 5;
const LOCK_MS = 5 * 60_000;

/** Schedules a job in the caller's transaction, so it exists exactly when the change does. */
type NewJob = { kind: string; runAt: Date; payload?: Record<string, unknown>; dedupeKey?: string };

/** Queues one job, or several in one statement (a job whose dedupe key is pending is skipped). */
export async function enqueue(conn: Conn, clock: Clock, job: NewJob | NewJob[]): Promise<void> {
  const list = Array.isArray(job) ? job : [job];
  if (!list.length) return;
  const createdAt = clock.now();
  await conn
    .insert(jobs)
    .values(list.map((j) => ({ kind: j.kind, runAt: j.runAt, payload: j.payload ?? {}, dedupeKey: j.dedupeKey ?? null, createdAt })))
    .onConflictDoNothing({ target: jobs.dedupeKey });
}

export async function cancelJob(conn: Conn, dedupeKey: string): Promise<void> {
  await conn.update(jobs).set({ status: 'cancelled', dedupeKey: null }).where(and(eq(jobs.dedupeKey, dedupeKey), eq(jobs.status, 'pending')));
}

/**
 * Claims due jobs with FOR UPDATE SKIP LOCKED and a lease, so several processes share the work
 * and a job whose process died is picked up again when its lease runs out.
 */
export async function claimDue(db: Db, now: Date, limit = 20): Promise<JobRow[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: jobs.id })
      .from(jobs)
      .where(and(eq(jobs.status, 'pending'), lte(jobs.runAt, now), or(isNull(jobs.lockedUntil), lt(jobs.lockedUntil, now))))
      .orderBy(jobs.runAt)
      .limit(limit)
      .for('update', { skipLocked: true });
    if (!due.length) return [];
    return tx
      .update(jobs)
      .set({ lockedUntil: new Date(now.getTime() + LOCK_MS), attempts: sql`${jobs.attempts} + 1` })
      .where(inArray(jobs.id, due.map((d) => d.id)))
      .returning();
  });
}

export async function runDueJobs(db: Db, clock: Clock, handlers: Record<string, JobHandler>): Promise<number> {
  const claimed = await claimDue(db, clock.now());
  for (const job of claimed) {
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for ${job.kind}`);
      await handler(job);
      await db.update(jobs).set({ status: 'done', finishedAt: clock.now(), dedupeKey: null, lockedUntil: null }).where(eq(jobs.id, job.id));
    } catch (err) {
      const failed = job.attempts >= MAX_ATTEMPTS;
      // Back off: 1, 2, 4, 8 minutes.
      await db
        .update(jobs)
        .set({
          status: failed ? 'failed' : 'pending',
          lastError: String((err as Error).message ?? err).slice(0, 500),
          lockedUntil: null,
          runAt: new Date(clock.now().getTime() + 2 ** (job.attempts - 1) * 60_000),
          ...(failed ? { dedupeKey: null } : {}),
        })
        .where(eq(jobs.id, job.id));
    }
  }
  return claimed.length;
}

/** Polls for due jobs every few seconds until stopped. */
export function startJobRunner(db: Db, clock: Clock, handlers: Record<string, JobHandler>, onError: (err: unknown) => void, everyMs = 5000) {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    if (stopped) return;
    running = runDueJobs(db, clock, handlers)
      .catch(onError)
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, everyMs);
      });
  };
  let timer = setTimeout(tick, everyMs);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
