/**
 * The names of every event type (the payloads are in ./events). Plain constants, no zod: the
 * display, the status page and the console import these without carrying a schema library.
 */

/** The public site stream's event names (DESIGN §6): none of these is ever removed or renamed. */
export const PUBLIC_TICKET_EVENTS = ['ticket.issued', 'ticket.called', 'ticket.recalled', 'ticket.started', 'ticket.finished', 'ticket.no_show', 'ticket.transferred'] as const;
export type PublicTicketEvent = (typeof PUBLIC_TICKET_EVENTS)[number];

/**
 * More queue events on the public site stream (DESIGN §6 allows additions): without them a TV
 * keeps showing a call after the ticket was parked or the counter went on a break. Their
 * payloads are as public as the seven above (number, service, counter; no personal data).
 */
export const MORE_QUEUE_EVENTS = ['ticket.parked', 'ticket.resumed', 'ticket.cancelled', 'counter.paused', 'counter.opened'] as const;

/**
 * The TV ticker's announcement (typed on the floor view): posted, cleared. Public on purpose:
 * staff write it for the waiting hall; payload is its id, text and end time, nothing else.
 */
export const ANNOUNCEMENT_EVENTS = ['announcement.posted', 'announcement.cleared'] as const;
export type AnnouncementEvent = (typeof ANNOUNCEMENT_EVENTS)[number];

/** Everything the public site stream (`/sites/{id}/stream`) sends, by name. */
export const SITE_STREAM_EVENTS = [...PUBLIC_TICKET_EVENTS, ...MORE_QUEUE_EVENTS, ...ANNOUNCEMENT_EVENTS] as const;

/** The queue's own settings (target wait of the floor view): staff history only, never on a site stream. */
export const QUEUE_SETTINGS_EVENTS = ['queue.settings_changed'] as const;
export type SiteStreamEvent = (typeof SITE_STREAM_EVENTS)[number];

export const BOOKING_EVENTS = ['booking.created', 'booking.cancelled', 'booking.no_show', 'booking.day_changed'] as const;

/** One event for any change to a site's catalogue (agencies, services, counters, holidays, …). */
export const CATALOG_EVENTS = ['catalog.changed'] as const;

/** The satisfaction survey: an answer taken, follow-up actions, tablets and settings. */
export const SURVEY_EVENTS = ['survey.answered', 'survey.action_recorded', 'survey.action_updated', 'survey.tablet_placed', 'survey.settings_changed'] as const;

/** The province view: an MPP's stage, plan, checklist, evidence and site (staff only, never on a site stream). */
export const ESTABLISHMENT_EVENTS = ['establishment.stage_changed', 'establishment.updated', 'establishment.document_added', 'establishment.document_removed', 'establishment.site_linked'] as const;

/** Citizens' wallet and consents: staff reviews and issues, the citizen's consents (ids only, never on a public stream). */
export const CITIZEN_EVENTS = ['citizen.document_reviewed', 'citizen.document_issued', 'citizen.nik_verified', 'citizen.consent_created', 'citizen.consent_revoked'] as const;

/** Complaint handling (docs/complaints.md): staff history and figures; never on a public stream. */
export const COMPLAINT_EVENTS = [
  'complaint.filed',
  'complaint.verified',
  'complaint.assigned',
  'complaint.not_authority',
  'complaint.responded',
  'complaint.closed',
  'complaint.reopened',
  'complaint.message_added',
  'complaint.attachment_added',
  'complaint.escalated',
  'complaint.lapor_linked',
] as const;

/** Applications after the counter: registered, moved through the statuses, a pickup ticket issued (staff only, never on a site stream). */
export const APPLICATION_EVENTS = ['application.registered', 'application.status_changed', 'application.pickup_issued', 'application.settings_changed'] as const;

export const EVENT_TYPES = [...SITE_STREAM_EVENTS, ...QUEUE_SETTINGS_EVENTS, ...BOOKING_EVENTS, ...CATALOG_EVENTS, ...ESTABLISHMENT_EVENTS, ...SURVEY_EVENTS, ...CITIZEN_EVENTS, ...COMPLAINT_EVENTS, ...APPLICATION_EVENTS] as const;
export type EventType = (typeof EVENT_TYPES)[number];
