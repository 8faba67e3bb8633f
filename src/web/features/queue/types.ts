/**
 * Shapes of the queue API as the web uses them: the server's contracts (src/contracts/queue.ts and
 * the catalogue's public shapes of DESIGN §6), as types only: nothing here reaches a bundle.
 */
import type * as c from '../../../contracts/queue';
import type * as catalog from '../../../contracts/catalog';
import type { RequestOf, ResponseOf } from '../../../contracts/common';
import type { TicketStatus } from '../../../domain/tickets';

export { PRIORITIES, type Priority, type TicketStatus } from '../../../domain/tickets';
export type StepStatus = TicketStatus | 'planned';

export type Estimate = ResponseOf<typeof c.estimate>;
export type PublicCall = ResponseOf<typeof c.publicCall>;
export type CounterRef = NonNullable<PublicCall['counter']>;

export type Site = ResponseOf<typeof catalog.siteSummary>;
/** `GET /api/v1/sites/{id}` (catalogue): the open state's `nextOpening` is "now" (server time) while open. */
export type SiteDetail = ResponseOf<typeof catalog.siteDetail>;
/** `GET /api/v1/sites/{siteId}/services` (DESIGN §6). */
export type PublicService = ResponseOf<typeof catalog.publicService>;
/** `GET /api/v1/sites/{siteId}/agencies`. */
export type PublicAgency = ResponseOf<typeof catalog.publicAgency>;
export type MyCounters = ResponseOf<typeof c.myCounters>;
/** `GET /api/v1/sites/{siteId}/counters`. */
export type PublicCounter = ResponseOf<typeof c.publicCounter>;

/** `POST /api/v1/sites/{siteId}/tickets` → 201 (200 when replayed by the idempotency key). */
export type IssuedTicket = ResponseOf<typeof c.issuedTicket>;
export type IssueBody = RequestOf<typeof c.issueBody>;
/** `GET /api/v1/tickets/by-code/{code}` and the `status` event of its stream. */
export type PublicStatus = ResponseOf<typeof c.publicStatus>;
export type PublicStep = PublicStatus['steps'][number];

/** The public stream's event names and data (DESIGN §6) come from the server's event catalogue. */
export { PUBLIC_TICKET_EVENTS, type PublicTicketEvent } from '../../../contracts/event-types';
export type { SiteStreamData, TicketEventData } from '../../../contracts/events';

/** `GET /api/v1/sites/{siteId}/queue/summary`. */
export type QueueSummary = ResponseOf<typeof c.queueSummary>;
/** The TV ticker's line (in the summary, and on the floor view). */
export type Announcement = ResponseOf<typeof c.announcement>;

// ---------- staff ----------
export type TicketView = ResponseOf<typeof c.ticketView>;
export type CounterState = ResponseOf<typeof c.counterStateView>;
export type CounterQueue = ResponseOf<typeof c.counterQueue>;
export type CounterStats = ResponseOf<typeof c.counterStats>;
export type Stats = CounterStats['counter'];
export type TicketDetail = ResponseOf<typeof c.ticketDetail>;
export type VisitStep = TicketDetail['visit']['steps'][number];

// ---------- the live floor view ----------
export type FloorView = ResponseOf<typeof c.floorView>;
export type FloorCounter = FloorView['counters'][number];
export type FloorService = FloorView['services'][number];
export type AnnouncementBody = RequestOf<typeof c.announcementBody>;
export type QueueSettings = ResponseOf<typeof c.queueSettings>;
