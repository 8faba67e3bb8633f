/**
 * Requests and responses of the reports (DESIGN §7 "Reports"): the summary of a scope and period,
 * the monthly report to the ministry and the regional government, its operator's notes, and the
 * public transparency page. Dates are YYYY-MM-DD in the site's zone.
 */
import { z } from 'zod';
import { calendarDate, instant, siteParams } from './common';

export { siteParams };

export const REPORT_FORMATS = ['json', 'csv', 'xlsx', 'pdf'] as const;
export const monthKey = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'A month as YYYY-MM' })
  .describe('A month as YYYY-MM');

export const summaryQuery = z.object({
  from: calendarDate.describe('First day (site zone)'),
  to: calendarDate.describe('Last day (site zone), at most 366 days after from'),
  agencyId: z.uuid().optional(),
  serviceId: z.uuid().optional(),
  counterId: z.uuid().optional(),
  officerId: z.uuid().optional().describe('An officer sees only their own figures: their own id'),
});
export type SummaryQuery = z.infer<typeof summaryQuery>;

/** Minutes over the tickets that have them; zero-wait tickets count as 0, never dropped. */
export const minuteStats = z.object({
  count: z.number().int().describe('Tickets measured'),
  mean: z.number().nullable(),
  p50: z.number().nullable(),
  p90: z.number().nullable(),
});
export type MinuteStats = z.infer<typeof minuteStats>;

const ref = z.object({ id: z.uuid(), name: z.string() });
const counts = {
  visitors: z.number().int().describe('Distinct visits with a ticket in scope'),
  tickets: z.number().int(),
  served: z.number().int(),
  noShows: z.number().int(),
  transfers: z.number().int(),
  cancelled: z.number().int(),
  open: z.number().int().describe('Still waiting, called, serving or parked'),
  walkIns: z.number().int(),
  fromBookings: z.number().int(),
};

export const agencyFigures = z.object({
  agencyId: z.uuid(),
  name: z.string(),
  ...counts,
  waitMinutes: minuteStats,
  serviceMinutes: minuteStats,
});

export const summary = z.object({
  site: z.object({ id: z.uuid(), name: z.string(), timeZone: z.string() }),
  scope: z.object({ agency: ref.nullable(), service: ref.nullable(), counter: ref.nullable(), officer: ref.nullable() }),
  from: calendarDate,
  to: calendarDate,
  asOf: instant,
  ...counts,
  waitMinutes: minuteStats.extend({ walkIn: minuteStats, booking: minuteStats }),
  serviceMinutes: minuteStats,
  withinTarget: z.object({
    targetMinutes: z.number().int().describe("The site's target wait (report settings)"),
    called: z.number().int(),
    withinTarget: z.number().int(),
    share: z.number().nullable(),
  }),
  bookings: z
    .object({ made: z.number().int(), checkedIn: z.number().int(), showRate: z.number().nullable() })
    .nullable()
    .describe('Bookings for slots in the period (not cancelled) and checked in; null for a counter or officer scope: bookings belong to services'),
  arrivals: z.object({
    byHour: z.array(z.number().int()).length(24).describe('Tickets issued per hour of day 0–23, site zone'),
    byWeekday: z.array(z.number().int()).length(7).describe('Monday … Sunday'),
    heat: z.array(z.array(z.number().int()).length(24)).length(7).describe('[weekday Monday=0][hour]'),
  }),
  byDay: z.array(z.object({ date: calendarDate, visitors: z.number().int(), tickets: z.number().int(), served: z.number().int() })),
  byAgency: z.array(agencyFigures),
  ikm: z.number().nullable().describe('IKM (25–100), withheld below the minimum group size'),
  ikmGrade: z.string().nullable(),
  ikmRespondents: z.number().int(),
  complaints: z
    .object({ received: z.number().int(), onTime: z.number().int().describe('Responded within the deadline'), overdue: z.number().int().describe('Open and past a deadline today') })
    .nullable()
    .describe('Filed in the period; null for a service, counter or officer scope (complaints are assigned to agencies)'),
  applications: z
    .object({ received: z.number().int(), onTime: z.number().int(), late: z.number().int(), open: z.number().int().nullable().describe('Open now; null for one service') })
    .nullable()
    .describe('Received, and completed on time or late, in the period; null for a counter or officer scope'),
});
export type Summary = z.infer<typeof summary>;

export const monthlyQuery = z.object({
  month: monthKey,
  format: z.enum(REPORT_FORMATS).default('json'),
  agencyId: z.uuid().optional(),
});

export const trendPoint = z.object({
  month: monthKey,
  visitors: z.number().int(),
  tickets: z.number().int(),
  served: z.number().int(),
  waitMinutesMean: z.number().nullable(),
});

export const monthly = z.object({
  month: monthKey,
  generatedAt: instant,
  summary,
  trend: z.array(trendPoint).describe('The 12 months up to this one'),
  notes: z.string().describe("The operator's notes for the month ('' when none)"),
  indicators: z.array(z.string()).describe('Which indicators the report shows, in order (report settings)'),
});
export type Monthly = z.infer<typeof monthly>;

export const notesParams = siteParams.extend({ month: monthKey });
export const notesBody = z.strictObject({ notes: z.string().max(10_000) });
export const notesResponse = z.object({ month: monthKey, notes: z.string(), updatedAt: instant.nullable() });

export const INDICATORS = ['visitors', 'tickets', 'served', 'noShows', 'wait', 'service', 'withinTarget', 'bookings', 'ikm', 'complaints', 'applications', 'byAgency', 'trend'] as const;
export type Indicator = (typeof INDICATORS)[number];
export const settingsSchema = z.object({
  targetWaitMinutes: z.number().int().min(1).max(480),
  indicators: z.array(z.enum(INDICATORS)).min(1),
});
export const settingsBody = settingsSchema.partial().strict();

export const transparency = z.object({
  site: z.object({ id: z.uuid(), name: z.string() }),
  month: monthKey,
  visitors: z.number().int(),
  agencies: z.array(z.object({ agencyId: z.uuid(), name: z.string(), visitors: z.number().int(), waitMinutesMean: z.number().nullable() })),
  ikm: z.number().nullable(),
  ikmGrade: z.string().nullable(),
  complaints: z.object({ received: z.number().int(), followedUp: z.number().int() }),
});

export const archiveItem = z.object({ month: monthKey, generatedAt: instant, automatic: z.boolean() });
