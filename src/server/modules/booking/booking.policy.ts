import { z } from 'zod';

/** Per-site booking rules (sites.settings.booking), each with a sensible default. */
export const bookingPolicySchema = z.object({
  /** First bookable day, counted from today in the site's zone (1 = tomorrow). */
  minDaysAhead: z.number().int().min(0).max(30).default(1),
  /** Last bookable day, counted from today. */
  horizonDays: z.number().int().min(1).max(90).default(14),
  /** No new booking this many minutes before a slot starts (when minDaysAhead is 0). */
  cutoffMinutes: z.number().int().min(0).max(24 * 60).default(60),
  slotMinutes: z.number().int().min(5).max(240).default(30),
  /** Share of each slot's capacity kept for walk-ins. */
  walkInShare: z.number().min(0).max(1).default(0.5),
  /** Live bookings one NIK may hold in one ISO week across the site. */
  maxPerWeek: z.number().int().min(1).max(50).default(3),
  /** Booking attempts per IP per hour (bots, resellers). */
  perIpPerHour: z.number().int().min(1).max(1_000_000).default(30),
  /** Check-in window around the slot start. */
  checkInBeforeMinutes: z.number().int().min(0).max(240).default(30),
  checkInAfterMinutes: z.number().int().min(0).max(240).default(15),
  /** Late arrivals: refused, or issued a walk-in ticket. */
  lateArrival: z.enum(['walk_in', 'refuse']).default('walk_in'),
  /** After this many no-shows in 90 days a NIK may not book (0 = no limit). */
  noShowLimit: z.number().int().min(0).max(100).default(3),
  /** Personal data of past bookings is erased after this many days. */
  retentionDays: z.number().int().min(1).max(3650).default(30),
});

export type BookingPolicy = z.infer<typeof bookingPolicySchema>;

export function bookingPolicyOf(settings: Record<string, unknown> | null | undefined): BookingPolicy {
  const parsed = bookingPolicySchema.safeParse(settings?.booking ?? {});
  return parsed.success ? parsed.data : bookingPolicySchema.parse({});
}
