/** Requests and responses of the queue: issuing, the counter console, public status and displays. */
import { z } from 'zod';
import { PRIORITIES, TICKET_SOURCES, TICKET_STATUSES } from '../domain/tickets';
import { counterParams, isoInstant, siteParams } from './common';

export { counterParams, siteParams };

/** Event types on the public site stream (DESIGN §6). Payload: {ticketId, number, serviceId, counter}. */
export const PUBLIC_TICKET_EVENTS = ['ticket.issued', 'ticket.called', 'ticket.recalled', 'ticket.started', 'ticket.finished', 'ticket.no_show', 'ticket.transferred'] as const;
export type PublicTicketEvent = (typeof PUBLIC_TICKET_EVENTS)[number];

export const ticketParams = z.object({ id: z.uuid() });
export const codeParams = z.object({ trackingCode: z.string().trim().min(4).max(20) });

export const ticketStatus = z.enum(TICKET_STATUSES).describe('waiting, called, serving, done, no_show, transferred, cancelled (DESIGN §6), plus parked: set aside at a counter while the citizen fetches a document');
export const priority = z.enum(PRIORITIES);
const iso = z.string().describe('ISO 8601 instant');

export const issueBody = z
  .object({
    serviceId: z.uuid().optional().describe('Required for walk-ins; a booking check-in (bookingCode) may leave it out'),
    priority: priority.optional().describe('Priority group (lansia, penyandang disabilitas, ibu hamil): served first, with fairness for the rest'),
    bookingCode: z.string().trim().min(4).max(20).optional().describe('Check in a booking: the ticket follows the booking slot'),
    nik: z.string().trim().min(4).max(32).optional().describe('With bookingCode: the NIK of the booking, or at least its last 4 digits'),
    serviceIds: z.array(z.uuid()).max(5).optional().describe('More services of a multi-agency visit, in order: the next ticket is issued when the previous one finishes'),
    idempotencyKey: z.string().trim().min(8).max(100).optional().describe('Also accepted as the Idempotency-Key header: the same key within the site returns the same ticket'),
  })
  .strict()
  .refine((b) => b.serviceId !== undefined || b.bookingCode !== undefined, {
    path: ['serviceId'],
    message: 'Required without bookingCode',
    params: { id: 'Pilih layanan (atau masukkan kode booking).', en: 'Choose a service (or enter a booking code).' },
    // Checked alongside the other fields, so one answer names every bad field.
    when: (p) => typeof p.value === 'object' && p.value !== null,
  });

export const transferBody = z.object({ serviceId: z.uuid() }).strict();
export const finishBody = z
  .object({ outcome: z.enum(['done', 'follow_up']).optional().describe('follow_up: served, the citizen must come back (e.g. a document to complete)') })
  .strict()
  .nullish();

export const estimate = z.object({ minMinutes: z.number().int(), maxMinutes: z.number().int() }).describe('Expected wait range in minutes (see docs/queue.md)');
const counterRef = z.object({ id: z.uuid(), name: z.string(), number: z.number().int() });

export const stepSchema = z.object({
  ticketId: z.uuid().nullable(),
  serviceId: z.uuid(),
  serviceName: z.string(),
  agencyName: z.string(),
  status: z.union([ticketStatus, z.literal('planned')]).describe("A ticket's status, or planned: chosen at the kiosk, ticket issued when the previous step finishes"),
  number: z.string().nullable(),
});

export const issuedTicket = z.object({
  id: z.uuid(),
  number: z.string(),
  serviceId: z.uuid(),
  status: ticketStatus,
  trackingCode: z.string(),
  statusPath: z.string().describe('Path of the citizen status page (for the QR code on the printed ticket)'),
  position: z.number().int().nullable().describe('1 = next to be called at this service; null when not waiting'),
  peopleAhead: z.number().int().nullable(),
  estimate: estimate.nullable(),
  priority: priority.nullable(),
  issuedAt: iso,
  service: z.object({ id: z.uuid(), name: z.string(), agencyName: z.string() }),
  site: z.object({ id: z.uuid(), name: z.string(), timeZone: z.string() }),
  visit: z.object({ id: z.uuid(), steps: z.array(stepSchema) }),
  replayed: z.boolean().describe('True when an earlier request with the same idempotency key issued this ticket'),
});

export const publicStatus = z.object({
  number: z.string(),
  status: ticketStatus,
  position: z.number().int().nullable(),
  peopleAhead: z.number().int().nullable(),
  estimate: estimate.nullable(),
  counter: z.object({ name: z.string(), number: z.number().int() }).nullable(),
  service: z.object({ id: z.uuid(), name: z.string(), agencyName: z.string() }),
  site: z.object({ id: z.uuid().describe('For the status page\'s links (complaint form, survey)'), name: z.string(), timeZone: z.string() }),
  issuedAt: iso,
  calledAt: iso.nullable(),
  steps: z.array(stepSchema.omit({ ticketId: true })),
});

export const ticketView = z.object({
  id: z.uuid(),
  number: z.string(),
  status: ticketStatus,
  serviceId: z.uuid(),
  service: z.object({ id: z.uuid(), name: z.string(), prefix: z.string() }),
  agencyId: z.uuid(),
  priority: priority.nullable(),
  source: z.enum(TICKET_SOURCES),
  bookingStart: iso.nullable(),
  visitId: z.uuid(),
  issuedAt: iso,
  queuedAt: iso.describe('The arrival used for call order'),
  calledAt: iso.nullable(),
  startedAt: iso.nullable(),
  finishedAt: iso.nullable(),
  parkedAt: iso.nullable(),
  counter: counterRef.nullable(),
  officerId: z.uuid().nullable(),
  recallCount: z.number().int(),
  outcome: z.string().nullable(),
});

export const ticketResponse = z.object({ ticket: ticketView });
export const transferResponse = ticketResponse.extend({ transferred: ticketView.describe('The new ticket at the other service') });

export const visitStep = z.object({
  ticketId: z.uuid().nullable(),
  serviceId: z.uuid(),
  serviceName: z.string(),
  agencyId: z.uuid().nullable(),
  agencyName: z.string(),
  number: z.string().nullable(),
  status: z.union([ticketStatus, z.literal('planned')]),
  issuedAt: iso.nullable(),
  calledAt: iso.nullable(),
  finishedAt: iso.nullable(),
  counter: counterRef.nullable(),
  outcome: z.string().nullable(),
});

export const ticketDetail = z.object({
  ticket: ticketView,
  position: z.number().int().nullable(),
  estimate: estimate.nullable(),
  visit: z.object({ id: z.uuid(), trackingCode: z.string(), createdAt: iso, steps: z.array(visitStep) }),
  events: z.array(
    z.object({ id: z.number().int(), type: z.string(), at: iso, actorId: z.string().nullable(), payload: z.record(z.string(), z.unknown()), meta: z.record(z.string(), z.unknown()) }),
  ),
});

export const counterStateView = z.object({
  id: z.uuid(),
  name: z.string(),
  number: z.number().int(),
  agencyId: z.uuid(),
  serviceIds: z.array(z.uuid()),
  active: z.boolean(),
  paused: z.boolean(),
  pausedAt: iso.nullable(),
});

export const counterQueue = z.object({
  counter: counterStateView,
  current: ticketView.nullable(),
  waiting: z.array(ticketView).describe('In the order this counter would call them now (resumed tickets first)'),
  parked: z.array(ticketView),
});

const stats = z.object({
  served: z.number().int(),
  followUps: z.number().int(),
  noShows: z.number().int(),
  transferred: z.number().int(),
  called: z.number().int(),
  avgWaitMinutes: z.number().nullable().describe('Issue → first call, of tickets called at this counter'),
  avgHandlingMinutes: z.number().nullable().describe('Start (or call) → finish, of tickets served here'),
});
export const counterStats = z.object({ date: z.string(), counter: stats, mine: stats.nullable().describe("The signed-in officer's own share") });

export const myCounters = z.object({ counterIds: z.array(z.uuid()).describe('Active counters of the site the caller is assigned to, in counter order') });
export const publicCounter = z.object({
  id: z.uuid(),
  name: z.string(),
  number: z.number().int(),
  zone: z.string(),
  location: z.string().describe('Where in the building (lantai / zona); empty when not given'),
  agencyId: z.uuid(),
  serviceIds: z.array(z.uuid()),
  paused: z.boolean(),
});

export const publicCall = z.object({ ticketId: z.uuid(), number: z.string(), serviceId: z.uuid(), status: ticketStatus, counter: counterRef.nullable(), calledAt: iso });

/** The TV ticker's line (site admins type it on the floor view). */
export const announcement = z.object({
  id: z.uuid(),
  text: z.string(),
  until: iso.nullable().describe('Shown until then; null: until cleared'),
  createdAt: iso,
});

export const announcementBody = z
  .object({
    text: z.string().trim().min(1).max(200).describe('At most 200 characters'),
    until: isoInstant.optional().describe('Shown until then (ISO 8601 with offset); left out: until cleared'),
  })
  .strict();

export const queueSummary = z.object({
  date: z.string(),
  now: iso.describe("The server's clock (a display can follow a demo clock)"),
  lastEventId: z.number().int().describe('Open the site stream with Last-Event-ID (or ?lastEventId=) set to this to miss nothing after this snapshot'),
  services: z.array(
    z.object({
      serviceId: z.uuid(),
      code: z.string(),
      prefix: z.string(),
      name: z.string(),
      agency: z.object({ id: z.uuid(), name: z.string() }),
      waiting: z.number().int(),
      nowServing: z.array(z.object({ ticketId: z.uuid(), number: z.string(), status: ticketStatus, counter: counterRef.nullable() })),
      estimate: estimate.describe('For a ticket issued now'),
    }),
  ),
  recentCalls: z.array(publicCall),
  pausedCounterIds: z.array(z.uuid()).describe('Counters on a break (istirahat) as of lastEventId'),
  announcement: announcement.nullable().describe("The ticker's active announcement as of lastEventId (the stream's announcement.* events follow)"),
});

// ---------- the live floor view (site and agency admins) ----------

export const queueSettings = z.object({
  targetWaitMinutes: z.number().int().describe('A ticket waiting longer than this since issue is over target (default 15)'),
});
export const updateQueueSettingsBody = z
  .object({
    targetWaitMinutes: z.number().int().min(1).max(480).describe('Minutes, 1 to 480'),
  })
  .strict();

export const FLOOR_COUNTER_STATES = ['serving', 'idle', 'on_break', 'closed'] as const;

export const floorCounter = z.object({
  id: z.uuid(),
  name: z.string(),
  number: z.number().int(),
  zone: z.string(),
  agency: z.object({ id: z.uuid(), name: z.string(), shortName: z.string().nullable() }),
  state: z.enum(FLOOR_COUNTER_STATES).describe('serving: a ticket called or served; on_break: istirahat; closed: inactive, or none of its services open now; idle: open, nobody at it'),
  officer: z.object({ id: z.uuid(), displayName: z.string() }).nullable().describe("Who called the current ticket, else the counter's latest call today"),
  current: z
    .object({ ticketId: z.uuid(), number: z.string(), status: ticketStatus, serviceId: z.uuid(), since: iso.describe('Called at (called) or started at (serving)') })
    .nullable(),
  pausedAt: iso.nullable(),
  servedToday: z.number().int(),
});

export const floorWaitingTicket = z.object({ ticketId: z.uuid(), number: z.string(), since: iso.describe('Issued at'), minutes: z.number().int() });

export const floorService = z.object({
  serviceId: z.uuid(),
  code: z.string(),
  name: z.string(),
  agency: z.object({ id: z.uuid(), name: z.string() }),
  waiting: z.number().int(),
  oldestSince: iso.nullable().describe('Issue time of the ticket waiting longest'),
  longestWaitMinutes: z.number().int().nullable(),
  overTarget: z.number().int().describe('Tickets waiting longer than the target'),
  overTargetTickets: z.array(floorWaitingTicket).describe('The longest-waiting over-target tickets, longest first (at most 20)'),
  openCounters: z.number().int().describe('Counters of this service that are idle or serving'),
});

export const floorView = z.object({
  date: z.string(),
  timeZone: z.string().describe("The site's IANA zone"),
  now: iso,
  lastEventId: z.number().int().describe('Open the site stream after this id to hear every change since this snapshot'),
  targetWaitMinutes: z.number().int(),
  scope: z.object({ all: z.boolean(), agencyIds: z.array(z.uuid()).describe('Empty when all') }),
  counters: z.array(floorCounter),
  services: z.array(floorService),
  announcement: announcement.nullable(),
});

export const streamQuery = z.object({ lastEventId: z.string().regex(/^\d+$/).optional().describe('Same as the Last-Event-ID header') });
