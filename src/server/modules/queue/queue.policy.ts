import { z } from 'zod';
import { DEFAULT_QUEUE_POLICY, type QueuePolicy } from '../../../domain/queue-policy';

/**
 * Per-site queue rules (sites.settings.queuePolicy), each with a default. The first three feed
 * `pickNext` (src/domain/queue-policy.ts); the rest are this module's own knobs.
 */
export const queuePolicySchema = z.object({
  /** Priority calls in a row at one counter before a waiting regular ticket goes first. */
  maxPriorityInARow: z.number().int().min(1).max(100).default(DEFAULT_QUEUE_POLICY.maxPriorityInARow),
  /** A checked-in booking takes precedence from this many minutes before its slot… */
  bookingWindowBeforeMin: z.number().int().min(0).max(240).default(DEFAULT_QUEUE_POLICY.bookingWindowBeforeMin),
  /** …until this many minutes after it. */
  bookingWindowAfterMin: z.number().int().min(0).max(240).default(DEFAULT_QUEUE_POLICY.bookingWindowAfterMin),
  /** Recalls allowed per ticket (the display calls the number again), after the first call. */
  maxRecalls: z.number().int().min(0).max(20).default(3),
  /**
   * Where a transferred ticket (or the next step of a multi-service visit) joins the new
   * service's queue: `original` keeps the visit's first arrival time (the citizen does not queue
   * twice for one visit), `now` puts it at the end, as a new arrival.
   */
  transferOrder: z.enum(['original', 'now']).default('original'),
  /** Finished tickets (today, latest first) whose handling times feed the wait estimate. */
  handlingSample: z.number().int().min(1).max(500).default(20),
  /** Pickup tickets (collecting an application's documents) are called like the priority groups. */
  pickupAsPriority: z.boolean().default(false),
  /**
   * Seconds after a ticket's first call before it may be marked a no-show: the citizen needs a
   * moment to walk over from the far end of the hall (0 = at once).
   */
  noShowGraceSeconds: z.number().int().min(0).max(1800).default(60),
  /** Walk-in tickets stop this many minutes before the service closes (0 = until closing). */
  stopIssuingBeforeCloseMin: z.number().int().min(0).max(240).default(0),
});

export type SiteQueuePolicy = z.infer<typeof queuePolicySchema>;

/** The site's policy; a broken setting falls back to the defaults rather than stopping the queue. */
export function queuePolicyOf(settings: Record<string, unknown> | null | undefined): SiteQueuePolicy {
  const parsed = queuePolicySchema.safeParse(settings?.queuePolicy ?? {});
  return parsed.success ? parsed.data : queuePolicySchema.parse({});
}

export function pickPolicy(p: SiteQueuePolicy): QueuePolicy {
  return { maxPriorityInARow: p.maxPriorityInARow, bookingWindowBeforeMin: p.bookingWindowBeforeMin, bookingWindowAfterMin: p.bookingWindowAfterMin, pickupAsPriority: p.pickupAsPriority };
}
