import { DateTime } from 'luxon';
import { parseLocalDate } from './opening-hours';
import { addWorkingDays, countWorkingDays } from './working-days';

/**
 * Complaint handling (pengaduan, DOMAIN §5; Perpres 89/2021, SP4N-LAPOR!): the vocabularies, the
 * state table and the working-day deadlines. Pure data and functions, shared by the server (which
 * enforces them) and the web (which shows what each person may do next).
 */

/** Length limits of a complaint's title and body (DESIGN §7) and of one message; the web counts against them too. */
export const TITLE_MAX = 200;
export const BODY_MAX = 10_000;
export const MESSAGE_MAX = 5_000;

export const COMPLAINT_CLASSIFICATIONS = ['pengaduan', 'aspirasi', 'permintaan_informasi'] as const;
export type ComplaintClassification = (typeof COMPLAINT_CLASSIFICATIONS)[number];

export const COMPLAINT_STATUSES = ['submitted', 'verified', 'not_authority', 'responded', 'closed'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** The statuses a transition may ask for (DESIGN §7). */
export const COMPLAINT_TARGETS = ['verified', 'not_authority', 'responded', 'closed'] as const;
export type ComplaintTarget = (typeof COMPLAINT_TARGETS)[number];

/**
 * Who moves a complaint: the MPP's complaint desk (the operator, DPMPTSP: site admins), the staff
 * of the assigned agency, the reporter (proved by the tracking code) and the system (auto-close).
 */
export const COMPLAINT_ROLES = ['desk', 'agency', 'reporter', 'system'] as const;
export type ComplaintRole = (typeof COMPLAINT_ROLES)[number];

/** Where a complaint came from (statistics; `desk`: filed by an officer for a walk-in). */
export const COMPLAINT_CHANNELS = ['web', 'status_page', 'receipt', 'desk'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

/** Who reads a message: everybody with the tracking code, every staff member of the complaint, or the desk only. */
export const MESSAGE_VISIBILITIES = ['public', 'staff', 'desk'] as const;
export type MessageVisibility = (typeof MESSAGE_VISIBILITIES)[number];

/**
 * The state table: for each status, the statuses it may move to and who may move it there.
 * - submitted → verified: the desk checks the report and assigns the agency (≤ 3 working days);
 *   → not_authority: not the MPP's to handle, forwarded outside (with where to);
 *   → closed: the desk archives it (spam, duplicate), with a reason.
 * - verified → responded: the agency's follow-up (≤ 5 working days after verification);
 *   → not_authority, closed: as above. (Assigning another agency is not a transition: a second
 *   "verify" must fail, so that of two desk officers verifying at once one gets 409.)
 * - responded → closed: the reporter confirms, the desk closes, or the system closes it
 *   10 working days after the response when nobody answered.
 * Reopening (once, by the reporter, with a reason) is not a target of its own: see `reopenTarget`.
 */
export const COMPLAINT_TRANSITIONS: Readonly<Record<ComplaintStatus, Partial<Record<ComplaintTarget, readonly ComplaintRole[]>>>> = {
  submitted: { verified: ['desk'], not_authority: ['desk'], closed: ['desk'] },
  verified: { responded: ['agency', 'desk'], not_authority: ['desk'], closed: ['desk'] },
  responded: { closed: ['reporter', 'desk', 'system'] },
  not_authority: {},
  closed: {},
};

/** Whether `role` may move a complaint from `from` to `to`. */
export function canTransition(from: ComplaintStatus, to: ComplaintTarget, role: ComplaintRole): boolean {
  return COMPLAINT_TRANSITIONS[from][to]?.includes(role) ?? false;
}

/** The targets `role` may choose from `from` (what the UI offers). */
export function targetsFor(from: ComplaintStatus, role: ComplaintRole): ComplaintTarget[] {
  return COMPLAINT_TARGETS.filter((to) => canTransition(from, to, role));
}

/** How many times a reporter may reopen a complaint. */
export const MAX_REOPENS = 1;

/**
 * Where a reopened complaint goes: back to the agency (verified) when it had one, else back to the
 * desk (submitted). Null when it cannot be reopened: only responded or closed complaints, only
 * once, and never one forwarded outside (not_authority).
 */
export function reopenTarget(c: { status: ComplaintStatus; reopenCount: number; agencyId: string | null }): 'verified' | 'submitted' | null {
  if (c.status !== 'responded' && c.status !== 'closed') return null;
  if (c.reopenCount >= MAX_REOPENS) return null;
  return c.agencyId ? 'verified' : 'submitted';
}

/** The time limits, in working days (SP4N-LAPOR!'s published guidance; configurable per site). */
export interface ComplaintDeadlines {
  /** Verification by the desk after filing. */
  verifyDays: number;
  /** The agency's follow-up after verification. */
  respondDays: number;
  /** Automatic closing after the response when neither reporter nor desk answers. */
  autoCloseDays: number;
  /** UU 25/2009: a complaint is filed within this many (calendar) days of the service. */
  filingWindowDays: number;
}

export const DEFAULT_COMPLAINT_DEADLINES: ComplaintDeadlines = { verifyDays: 3, respondDays: 5, autoCloseDays: 10, filingWindowDays: 30 };

/** The last day to verify a complaint filed on `filedOn` (a site-local date). */
export const verifyByOf = (filedOn: string, holidays: ReadonlySet<string>, d: ComplaintDeadlines = DEFAULT_COMPLAINT_DEADLINES) => addWorkingDays(filedOn, d.verifyDays, holidays);

/** The last day for the agency to respond to a complaint verified on `verifiedOn`. */
export const respondByOf = (verifiedOn: string, holidays: ReadonlySet<string>, d: ComplaintDeadlines = DEFAULT_COMPLAINT_DEADLINES) => addWorkingDays(verifiedOn, d.respondDays, holidays);

/**
 * The last day the reporter may still answer a response given on `respondedOn`; the complaint
 * closes itself on the first day after it.
 */
export const autoCloseAfterOf = (respondedOn: string, holidays: ReadonlySet<string>, d: ComplaintDeadlines = DEFAULT_COMPLAINT_DEADLINES) => addWorkingDays(respondedOn, d.autoCloseDays, holidays);

/** Which deadline an open complaint has missed on `today`: the desk's, the agency's, or none. */
export function overdueOf(c: { status: ComplaintStatus; verifyBy: string; respondBy: string | null }, today: string): 'verify' | 'respond' | null {
  if (c.status === 'submitted' && today > c.verifyBy) return 'verify';
  if (c.status === 'verified' && c.respondBy !== null && today > c.respondBy) return 'respond';
  return null;
}

/** Whether a responded complaint closes itself on `today`. */
export const autoClosesOn = (c: { status: ComplaintStatus; autoCloseAfter: string | null }, today: string) => c.status === 'responded' && c.autoCloseAfter !== null && today > c.autoCloseAfter;

/** Working days left until `due` (0 on the day itself, negative once it has passed). */
export const workingDaysLeft = (today: string, due: string, holidays: ReadonlySet<string>) => countWorkingDays(today, due, holidays);

/**
 * Whether the service was longer ago than the filing window (UU 25/2009: 30 days). A warning,
 * never a refusal: the desk decides.
 */
export function isLateFiling(serviceOn: string | null, filedOn: string, d: ComplaintDeadlines = DEFAULT_COMPLAINT_DEADLINES): boolean {
  if (!serviceOn) return false;
  return parseLocalDate(filedOn).diff(parseLocalDate(serviceOn), 'days').days > d.filingWindowDays;
}

/**
 * How many calendar days of holidays to load to compute `workingDays` ahead: a generous margin
 * for Lebaran's run of cuti bersama.
 */
export const calendarSpanFor = (workingDays: number) => workingDays * 2 + 30;

/** `date` plus `days` calendar days (the end of a holiday range to load). */
export const plusCalendarDays = (date: string, days: number) => DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!;
