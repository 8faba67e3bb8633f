/**
 * Requests and responses of applications after the counter (permohonan, DESIGN §7): registering,
 * moving through the statuses, the boards, the public tracking page, pickup at the kiosk, exports
 * and each agency's settings. The DESIGN §7 fields are a contract; the others are additions.
 */
import { z } from 'zod';
import { APPLICATION_STATUSES, NOTE_MAX, PICKUP_BRING } from '../domain/applications';
import { calendarDate, idParams, instant, page, siteParams } from './common';
import { issuedTicket, priority } from './queue';

export { idParams, siteParams };

export const applicationStatus = z
  .enum(APPLICATION_STATUSES)
  .describe('submitted (filed online) → received → in_process ⇄ incomplete (clock stopped) → ready → collected; rejected and withdrawn end it');

export { NOTE_MAX };
const note = z.string().trim().max(NOTE_MAX);
const missingItem = z.string().trim().min(1).max(200);

export const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{8,20}$/, 'phone number');

export const applicantBody = z.object({
  nik: z.string().trim().min(1).max(32),
  name: z.string().trim().min(2).max(120),
  phone: phone.nullish(),
  email: z.email().max(200).nullish(),
});

export const registerBody = z.object({
  serviceId: z.uuid(),
  /** Staff: required. A signed-in citizen files for themselves and sends none. */
  applicant: applicantBody.optional(),
  /** The ticket being served at the counter. */
  ticketId: z.uuid().optional(),
  /** A citizen's share code for their documents (citizens module). */
  shareCode: z.string().trim().min(4).max(20).optional(),
  /**
   * The requirements received, by document type key. Left out: all of them. A requirement not
   * listed is missing: the application is registered `incomplete` and the clock waits.
   */
  received: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
  /** Further things the applicant still has to bring, besides unticked requirements. */
  missing: z.array(missingItem).max(20).optional(),
  note: note.optional(),
});

export const transitionBody = z.object({
  to: applicationStatus,
  note: note.optional(),
  /** Required for `incomplete`: what the applicant has to bring (shown to them). */
  missing: z.array(missingItem).max(20).optional(),
  /** For `collected`: who collected, the applicant or a proxy with a power of attorney. */
  collector: z
    .object({
      kind: z.enum(['applicant', 'proxy']),
      name: z.string().trim().min(2).max(120).optional(),
      powerOfAttorney: z.string().trim().min(1).max(200).optional().describe('The surat kuasa (its number or a description)'),
    })
    .optional(),
  /** The version the officer saw: refused with 409 when someone changed it since. */
  version: z.number().int().min(1).optional(),
});

const ref = z.object({ id: z.uuid(), name: z.string() });
const agencyRef = ref.extend({ shortName: z.string() });
const checklistItem = z.object({ documentTypeKey: z.string(), name: z.string(), note: z.string().optional(), received: z.boolean() });

export const historyEntry = z.object({
  status: applicationStatus,
  at: instant,
  note: z.string().optional(),
  missing: z.array(z.string()).optional(),
});

export const staffHistoryEntry = historyEntry.extend({
  from: applicationStatus.nullable(),
  by: z.string().describe('Who made the change (username, kiosk or citizen)'),
  event: z.string().describe('registered, status_changed, pickup_issued'),
});

/** The deadline as it stands today (DESIGN §7); null members: no working-day standard. */
const deadline = {
  dueDate: calendarDate.nullable(),
  workingDaysLeft: z.number().int().nullable().describe('Working days from today to the due date; negative when overdue; null when closed or without a deadline'),
  overdue: z.boolean(),
  paused: z.boolean().describe('Waiting for the applicant (incomplete): the clock is stopped'),
};

/** What staff of the agency (and site admins, auditors) see; a read is audited. */
export const applicationDetail = z.object({
  id: z.uuid(),
  registrationNumber: z.string(),
  trackingCode: z.string(),
  trackingPath: z.string().describe('/lacak/<trackingCode>'),
  status: applicationStatus,
  version: z.number().int(),
  channel: z.enum(['counter', 'online']),
  ...deadline,
  receivedOn: calendarDate.nullable(),
  closedOn: calendarDate.nullable(),
  onTime: z.boolean().nullable(),
  service: ref.extend({ durationText: z.string() }),
  agency: agencyRef,
  site: ref.extend({ timeZone: z.string(), address: z.string() }),
  applicant: z.object({ name: z.string().nullable(), nik: z.string().nullable().describe('Masked'), phone: z.string().nullable().describe('Masked'), email: z.string().nullable().describe('Masked') }),
  ticket: z.object({ id: z.uuid(), number: z.string() }).nullable(),
  checklist: z.array(checklistItem),
  missing: z.array(z.string()),
  collectedBy: z.enum(['applicant', 'proxy']).nullable(),
  next: z.array(applicationStatus).describe('Where the caller may move it now'),
  history: z.array(staffHistoryEntry),
  createdAt: instant,
});

/** DESIGN §7: POST answers 201 {id, registrationNumber, trackingCode, status, dueDate|null}, here with the receipt's data. */
export const registered = applicationDetail;

/** The public tracking page: no name, NIK, address or phone. */
export const publicApplication = z.object({
  registrationNumber: z.string(),
  service: ref,
  agency: ref,
  site: ref.extend({ timeZone: z.string() }),
  status: applicationStatus,
  ...deadline,
  receivedOn: calendarDate.nullable(),
  missing: z.array(z.string()).describe('What the applicant still has to bring'),
  history: z.array(historyEntry),
  pickup: z
    .object({ bring: z.array(z.enum(PICKUP_BRING)).describe('receipt: the bukti pendaftaran; ktp: the KTP-el of whoever collects; proxy_letter: for a proxy, the surat kuasa'), product: z.string(), nextOpening: instant.nullable().describe("The agency's next opening hour, when the product can be collected") })
    .nullable()
    .describe('When ready: what to bring and when'),
});

/** GET /me/applications: a signed-in citizen's own applications (their own data, so the tracking code too). */
export const myApplication = publicApplication.omit({ pickup: true, history: true }).extend({
  id: z.uuid(),
  trackingCode: z.string(),
  trackingPath: z.string().describe('/lacak/<trackingCode>: the steps, and when ready what to bring'),
  channel: z.enum(['counter', 'online']),
  mayWithdraw: z.boolean().describe('The citizen may still withdraw it (POST /me/applications/{id}/withdraw)'),
  createdAt: instant,
  updatedAt: instant,
});
export const myApplications = z.array(myApplication);

/** A citizen files online: the service, and optionally a share of their documents for the agency. */
export const citizenRegisterBody = registerBody.pick({ serviceId: true, shareCode: true, note: true });
export const withdrawBody = z.object({ note: note.optional().describe('Why (shown to the agency and on the tracking page)') });

export const trackingParams = z.object({ trackingCode: z.string().trim().min(4).max(20) });

const flag = z.enum(['0', '1']).optional();
export const listQuery = z.object({
  status: applicationStatus.optional(),
  /** `open`: received, in_process or incomplete. */
  state: z.enum(['open', 'closed']).optional(),
  agencyId: z.uuid().optional(),
  serviceId: z.uuid().optional(),
  overdue: flag,
  dueToday: flag,
  q: z.string().trim().min(1).max(40).optional().describe('Part of a registration number or a tracking code'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const listItem = z.object({
  id: z.uuid(),
  registrationNumber: z.string(),
  trackingCode: z.string(),
  status: applicationStatus,
  service: ref,
  agency: agencyRef,
  applicantName: z.string().nullable(),
  ...deadline,
  receivedOn: calendarDate.nullable(),
  updatedAt: instant,
});

export const boardCounts = z.object({ open: z.number().int(), dueToday: z.number().int(), overdue: z.number().int(), incomplete: z.number().int(), ready: z.number().int() });
export const listResponse = page(listItem).extend({ counts: boardCounts.describe('Of the scope, whatever the filters') });

export const figuresQuery = z.object({ from: calendarDate.optional(), to: calendarDate.optional() });
const share = { completed: z.number().int(), onTime: z.number().int(), late: z.number().int(), onTimeShare: z.number().nullable().describe('onTime / completed, 0..1; null when nothing was completed') };
export const summaryResponse = z.object({
  from: calendarDate,
  to: calendarDate,
  agencies: z.array(boardCounts.extend({ agency: agencyRef, received: z.number().int(), ...share })),
  services: z.array(z.object({ service: ref, agencyId: z.uuid(), received: z.number().int(), ...share })),
});

export const exportQuery = figuresQuery.extend({ format: z.enum(['csv', 'xlsx']).default('csv'), agencyId: z.uuid().optional(), status: applicationStatus.optional() });

export const pickupBody = z.object({ trackingCode: z.string().trim().min(4).max(20), priority: priority.optional() });
export const pickupResponse = z.object({
  ticket: issuedTicket,
  application: z.object({ registrationNumber: z.string(), service: ref, agency: ref }),
});

export const agencyParams = z.object({ agencyId: z.uuid() });
export const settingsBody = z.object({ numberFormat: z.string().trim().min(1).max(60) });
export const settingsResponse = z.object({ agencyId: z.uuid(), numberFormat: z.string(), example: z.string().describe('The number the next application would get') });
