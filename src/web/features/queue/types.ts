/**
 * Shapes of the queue API as the web uses them (mirrors src/server/modules/queue/queue.contracts.ts
 * and the catalogue's public shapes of DESIGN §6). Types only: nothing here reaches a bundle.
 */

export type TicketStatus = 'waiting' | 'called' | 'serving' | 'parked' | 'done' | 'no_show' | 'transferred' | 'cancelled';
export type StepStatus = TicketStatus | 'planned';
export const PRIORITIES = ['lansia', 'disabilitas', 'ibu_hamil'] as const;
export type Priority = (typeof PRIORITIES)[number];

export interface Estimate {
  minMinutes: number;
  maxMinutes: number;
}

export interface CounterRef {
  id: string;
  name: string;
  number: number;
}

export interface Site {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
}

/** `GET /api/v1/sites/{id}` (catalogue): only the members the queue pages read. */
export interface SiteDetail extends Site {
  address?: string;
  regency?: string;
  description?: string;
  /** Free text for the display's ticker, when the catalogue exposes one. */
  displayText?: string | null;
  ticker?: string | null;
  /** The catalogue's open state; `nextOpening` is "now" (server time) while open. */
  openNow?: boolean;
  nextOpening?: string | null;
}

/** `GET /api/v1/sites/{siteId}/services` (DESIGN §6, more fields are fine). */
export interface PublicService {
  id: string;
  code: string;
  prefix?: string;
  name: string;
  bookable: boolean;
  description?: string;
  handlingMinutes?: number;
  agency: { id: string; name: string; kind: string; shortName?: string };
  /** Present when the catalogue tells (service detail); else the agency's state is used. */
  openNow?: boolean;
  nextOpening?: string | null;
}

/** `GET /api/v1/sites/{siteId}/agencies` (catalogue, optional for the kiosk). */
export interface PublicAgency {
  id: string;
  name: string;
  shortName?: string;
  kind: string;
  /** The public logo's address, or null. */
  logoUrl?: string | null;
  openNow?: boolean;
  nextOpening?: string | null;
  hoursText?: string;
}

/** `GET /api/v1/sites/{siteId}/counters`. */
export interface PublicCounter {
  id: string;
  name: string;
  number: number;
  zone?: string;
  agencyId: string;
  serviceIds: string[];
  paused?: boolean;
}

export interface PublicStep {
  serviceId: string;
  serviceName: string;
  agencyName: string;
  status: StepStatus;
  number: string | null;
}

/** `POST /api/v1/sites/{siteId}/tickets` → 201 (200 when replayed by the idempotency key). */
export interface IssuedTicket {
  id: string;
  number: string;
  serviceId: string;
  status: TicketStatus;
  trackingCode: string;
  statusPath?: string;
  position: number | null;
  peopleAhead?: number | null;
  estimate: Estimate | null;
  priority?: Priority | null;
  issuedAt?: string;
  service?: { id: string; name: string; agencyName: string };
  site?: { id: string; name: string; timeZone: string };
  visit?: { id: string; steps: Array<PublicStep & { ticketId: string | null }> };
  replayed?: boolean;
}

export interface IssueBody {
  /** Left out for a booking check-in: the booking names its service. */
  serviceId?: string;
  priority?: Priority;
  bookingCode?: string;
  nik?: string;
  serviceIds?: string[];
}

/** `GET /api/v1/tickets/by-code/{code}` and the `status` event of its stream. */
export interface PublicStatus {
  number: string;
  status: TicketStatus;
  position: number | null;
  peopleAhead?: number | null;
  estimate: Estimate | null;
  counter: { name: string; number?: number } | null;
  service?: { id: string; name: string; agencyName: string };
  site?: { name: string; timeZone: string };
  issuedAt?: string;
  calledAt?: string | null;
  steps?: PublicStep[];
}

/** The public stream's event names and data (DESIGN §6) come from the server's event catalogue. */
export { PUBLIC_TICKET_EVENTS, type PublicTicketEvent } from '../../../contracts/event-types';
export type { SiteStreamData, TicketEventData } from '../../../contracts/events';

export interface PublicCall {
  ticketId: string;
  number: string;
  serviceId: string;
  status: TicketStatus;
  counter: CounterRef | null;
  calledAt: string;
}

/** `GET /api/v1/sites/{siteId}/queue/summary`. */
export interface QueueSummary {
  date: string;
  lastEventId: number;
  services: Array<{
    serviceId: string;
    code: string;
    prefix: string;
    name: string;
    agency: { id: string; name: string };
    waiting: number;
    nowServing: Array<{ ticketId: string; number: string; status: TicketStatus; counter: CounterRef | null }>;
    estimate: Estimate;
  }>;
  recentCalls: PublicCall[];
  /** Server time, when the server sends it (lets a display follow a demo clock). */
  now?: string;
}

// ---------- staff ----------

export interface TicketView {
  id: string;
  number: string;
  status: TicketStatus;
  serviceId: string;
  service: { id: string; name: string; prefix: string };
  agencyId: string;
  priority: Priority | null;
  source: 'walk_in' | 'booking' | 'transfer' | 'step';
  bookingStart: string | null;
  visitId: string;
  issuedAt: string;
  queuedAt: string;
  calledAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  parkedAt: string | null;
  counter: CounterRef | null;
  officerId: string | null;
  recallCount: number;
  outcome: string | null;
}

export interface CounterState {
  id: string;
  name: string;
  number: number;
  agencyId: string;
  serviceIds: string[];
  active: boolean;
  paused: boolean;
  pausedAt: string | null;
}

export interface CounterQueue {
  counter: CounterState;
  current: TicketView | null;
  waiting: TicketView[];
  parked: TicketView[];
}

export interface Stats {
  served: number;
  followUps: number;
  noShows: number;
  transferred: number;
  called: number;
  avgWaitMinutes: number | null;
  avgHandlingMinutes: number | null;
}

export interface CounterStats {
  date: string;
  counter: Stats;
  mine: Stats | null;
}

export interface VisitStep {
  ticketId: string | null;
  serviceId: string;
  serviceName: string;
  agencyId: string | null;
  agencyName: string;
  number: string | null;
  status: StepStatus;
  issuedAt: string | null;
  calledAt: string | null;
  finishedAt: string | null;
  counter: CounterRef | null;
  outcome: string | null;
}

export interface TicketDetail {
  ticket: TicketView;
  position: number | null;
  estimate: Estimate | null;
  visit: { id: string; trackingCode: string; createdAt: string; steps: VisitStep[] };
}
