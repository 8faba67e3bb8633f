import type { AppContext } from './platform/context';
import { startJobRunner } from './platform/jobs';
import { sweepExpired } from './platform/rate-limit';
import { bookingJobHandlers, purgeOldBookings, sweepNoShows } from './modules/booking/booking.jobs';
import { closeStaleTickets } from './modules/queue/queue.jobs';
import { complaintJobHandlers, sweepComplaints } from './modules/complaints/complaints.jobs';
import { sweepCitizenRetention } from './modules/citizens/citizens.jobs';
import { applicationJobHandlers, warnDueSoon } from './modules/applications/applications.jobs';
import { keepMonthlyReports } from './modules/reports/reports.jobs';

/**
 * Background work of one process: queued jobs (booking messages) and periodic sweeps. Every sweep
 * is a set of conditional updates, so several processes may run them at once without harm.
 */
export function startBackground(ctx: AppContext, opts: { jobEveryMs?: number; sweepEveryMs?: number } = {}) {
  const onError = (err: unknown) => ctx.log.error({ err }, 'background task failed');
  const stopJobs = startJobRunner(ctx.db, ctx.clock, { ...bookingJobHandlers(ctx), ...complaintJobHandlers(ctx), ...applicationJobHandlers(ctx) }, onError, opts.jobEveryMs ?? 5000);
  let lastPurge = 0;
  let lastDeadlineSweep = 0;
  const sweep = async () => {
    await sweepNoShows(ctx);
    // Tickets left open on earlier days would block a counter: close them.
    await closeStaleTickets(ctx);
    // Overdue complaints escalate to the site admin; unanswered responses close (working days).
    await sweepComplaints(ctx);
    // Deadlines one working day away: the agency is warned once per due date (applications).
    if (ctx.clock.now().getTime() - lastDeadlineSweep > 15 * 60_000) {
      await warnDueSoon(ctx);
      lastDeadlineSweep = ctx.clock.now().getTime();
    }
    if (ctx.clock.now().getTime() - lastPurge > 3600_000) {
      await purgeOldBookings(ctx);
      // On the 1st (each site's zone) last month's report is kept, once.
      await keepMonthlyReports(ctx);
      // Documents of deleted accounts and ended consents, past the sites' retention.
      await sweepCitizenRetention(ctx);
      // Expired sign-in and proof counters (platform/rate-limit): one indexed DELETE.
      await sweepExpired(ctx.db, ctx.clock.now());
      lastPurge = ctx.clock.now().getTime();
    }
  };
  let running: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(sweep).catch(onError);
  }, opts.sweepEveryMs ?? 60_000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
    await stopJobs();
  };
}
