import { z } from 'zod';
import { DEFAULT_COMPLAINT_DEADLINES, type ComplaintDeadlines } from '../../../domain/complaints';

/**
 * Per-site complaint rules (sites.settings.complaints), each with a default from SP4N-LAPOR!'s
 * published guidance (DOMAIN §5) or a sensible limit, so a site can follow a changed regulation
 * without a release.
 */
export const complaintsPolicySchema = z.object({
  verifyDays: z.number().int().min(1).max(30).default(DEFAULT_COMPLAINT_DEADLINES.verifyDays),
  respondDays: z.number().int().min(1).max(60).default(DEFAULT_COMPLAINT_DEADLINES.respondDays),
  autoCloseDays: z.number().int().min(1).max(60).default(DEFAULT_COMPLAINT_DEADLINES.autoCloseDays),
  filingWindowDays: z.number().int().min(1).max(365).default(DEFAULT_COMPLAINT_DEADLINES.filingWindowDays),
  /** Public filings per address per hour (counted in the database: every process shares it). */
  perAddressPerHour: z.number().int().min(1).max(100_000).default(10),
  /** Filings per reporter contact (phone or email) per day. */
  perContactPerDay: z.number().int().min(1).max(1_000).default(5),
  /** Where overdue complaints are escalated (else the site's own email and phone). */
  escalationEmail: z.email().nullable().default(null),
  escalationPhone: z.string().nullable().default(null),
});

export type ComplaintsPolicy = z.infer<typeof complaintsPolicySchema>;

export function complaintsPolicyOf(settings: Record<string, unknown> | null | undefined): ComplaintsPolicy {
  const parsed = complaintsPolicySchema.safeParse(settings?.complaints ?? {});
  return parsed.success ? parsed.data : complaintsPolicySchema.parse({});
}

export const deadlinesOf = (p: ComplaintsPolicy): ComplaintDeadlines => ({
  verifyDays: p.verifyDays,
  respondDays: p.respondDays,
  autoCloseDays: p.autoCloseDays,
  filingWindowDays: p.filingWindowDays,
});
