/**
 * The catalogue of events: every type the outbox (`emit` in platform/tx) may write, with its
 * aggregate, its public `payload` (delivered on SSE streams: never personal data) and its
 * staff-only `meta`. `emit` is typed by it, so an unknown type or a payload of the wrong shape
 * fails tsc; a test parses every row the flows write with `appEvent`.
 *
 * Payloads and meta are strict: a field added to an event is added here first, where the public
 * ones are reviewed for personal data.
 */
import { z } from 'zod';
import { APPLICATION_STATUSES } from '../domain/applications';
import { MPP_DOCUMENT_KIND_KEYS, MPP_STAGES } from '../domain/establishment';
import { PRIORITIES, TICKET_SOURCES, TICKET_STATUSES } from '../domain/tickets';
import type { EventType, PublicTicketEvent, SiteStreamEvent } from './event-types';

export * from './event-types';

const id = z.string();
const counterRef = z.strictObject({ id, name: z.string(), number: z.number().int() });

/** The public ticket payload of DESIGN §6: no personal data, no priority group. */
export const ticketPayload = z.strictObject({ ticketId: id, number: z.string(), serviceId: id, counter: counterRef.nullable() });
const calledPayload = ticketPayload.extend({ spoken: z.string().optional().describe('The spoken call, for the display') });

/** Who acted at the counter (staff only). */
const byStaff = { officerId: id.nullable(), by: z.string().describe('Actor label: username, device name or system') };
const atCounter = { visitId: id, counterId: id.nullable(), ...byStaff };
const stepMeta = z.strictObject({ ...atCounter, from: z.enum(TICKET_STATUSES) });

const ticketEvent = <T extends EventType, P extends z.ZodType, M extends z.ZodType>(type: T, payload: P, meta: M) =>
  z.object({ type: z.literal(type), aggregateType: z.literal('ticket'), aggregateId: id, payload, meta });

const bookingPayload = z.strictObject({ bookingId: id, serviceId: id });
const noMeta = z.strictObject({}).default({});
const counterPayload = z.strictObject({ counterId: id, name: z.string(), number: z.number().int() });

const stage = z.enum(MPP_STAGES);
const mppRef = { regencyCode: z.string().describe('Kemendagri code without dots, e.g. 6472') };
const mppEvent = <T extends EventType, P extends z.ZodType, M extends z.ZodType>(type: T, payload: P, meta: M) =>
  z.object({ type: z.literal(type), aggregateType: z.literal('mpp'), aggregateId: id, payload, meta });
const surveyActionPayload = z.strictObject({ actionId: id, agencyId: id.nullable(), periodKey: z.string(), element: z.string(), status: z.string() });
/**
 * Complaint events: the public payload is the complaint's id and new status only; meta names the
 * staff actor and the agency, never the reporter (confidentiality holds in the history too).
 */
const COMPLAINT_STATUS = z.enum(['submitted', 'verified', 'not_authority', 'responded', 'closed']);
const complaintPayload = z.strictObject({ complaintId: id, status: COMPLAINT_STATUS });
const complaintBy = { by: z.string().describe('Actor label: username, reporter or system') };
const complaintEvent = <T extends EventType, M extends z.ZodType>(type: T, meta: M) =>
  z.object({ type: z.literal(type), aggregateType: z.literal('complaint'), aggregateId: id, payload: complaintPayload, meta });
const AUTHORS = z.enum(['desk', 'agency', 'reporter', 'system']);
const VISIBILITY = z.enum(['public', 'staff', 'desk']);

const applicationStatus = z.enum(APPLICATION_STATUSES);
/** Public members of an application's events: its ids and statuses; the number, code and applicant are never in them. */
const applicationRef = { applicationId: id, agencyId: id, serviceId: id };
const applicationEvent = <T extends EventType, P extends z.ZodType, M extends z.ZodType>(type: T, payload: P, meta: M) =>
  z.object({ type: z.literal(type), aggregateType: z.literal('application'), aggregateId: id, payload, meta });

const CATALOG_ENTITIES = ['site', 'agency', 'service', 'counter', 'holiday', 'document_type'] as const;

/** Citizens' events name ids only: no name, NIK, contact, file name or purpose. */
const citizenRef = { citizenId: id, agencyId: id };
const citizenEvent = <T extends EventType, A extends string, P extends z.ZodType>(type: T, aggregateType: A, payload: P) =>
  z.object({ type: z.literal(type), aggregateType: z.literal(aggregateType), aggregateId: id, payload, meta: noMeta });

export const appEvent = z.discriminatedUnion('type', [
  ticketEvent(
    'ticket.issued',
    ticketPayload,
    z.strictObject({ visitId: id, source: z.enum(TICKET_SOURCES), priority: z.enum(PRIORITIES).nullable(), bookingId: id.nullable(), previousTicketId: id.nullable(), by: z.string() }),
  ),
  ticketEvent(
    'ticket.called',
    calledPayload,
    z.strictObject({ ...atCounter, priority: z.enum(PRIORITIES).nullable(), resumed: z.boolean(), priorityCallsInARow: z.number().int() }),
  ),
  ticketEvent('ticket.recalled', calledPayload, z.strictObject({ ...atCounter, recallCount: z.number().int() })),
  ticketEvent('ticket.started', ticketPayload, stepMeta),
  ticketEvent('ticket.finished', ticketPayload, stepMeta.extend({ outcome: z.enum(['done', 'follow_up']) })),
  ticketEvent('ticket.no_show', ticketPayload, stepMeta),
  ticketEvent(
    'ticket.transferred',
    ticketPayload.extend({ toServiceId: id, toNumber: z.string() }),
    stepMeta.extend({ toTicketId: id, toServiceId: id }),
  ),
  ticketEvent('ticket.parked', ticketPayload, stepMeta),
  ticketEvent('ticket.resumed', ticketPayload, stepMeta),
  ticketEvent('ticket.cancelled', ticketPayload, z.strictObject({ visitId: id, reason: z.literal('day_closed') })),
  z.object({ type: z.literal('counter.paused'), aggregateType: z.literal('counter'), aggregateId: id, payload: counterPayload, meta: z.strictObject(byStaff) }),
  z.object({
    type: z.literal('announcement.posted'),
    aggregateType: z.literal('announcement'),
    aggregateId: id,
    payload: z.strictObject({ announcementId: id, text: z.string().describe('Typed by staff for the waiting hall (public)'), until: z.string().nullable().describe('ISO 8601; null: until cleared') }),
    meta: z.strictObject({ by: z.string(), replaced: id.nullable() }),
  }),
  z.object({ type: z.literal('announcement.cleared'), aggregateType: z.literal('announcement'), aggregateId: id, payload: z.strictObject({ announcementId: id }), meta: z.strictObject({ by: z.string() }) }),
  z.object({
    type: z.literal('queue.settings_changed'),
    aggregateType: z.literal('site'),
    aggregateId: id,
    payload: z.strictObject({ siteId: id }),
    meta: z.strictObject({ by: z.string(), targetWaitMinutes: z.number().int() }),
  }),
  z.object({ type: z.literal('counter.opened'), aggregateType: z.literal('counter'), aggregateId: id, payload: counterPayload, meta: z.strictObject(byStaff) }),
  z.object({
    type: z.literal('booking.created'),
    aggregateType: z.literal('booking'),
    aggregateId: id,
    payload: bookingPayload.extend({ start: z.string().describe('ISO 8601 slot start') }),
    meta: noMeta,
  }),
  z.object({ type: z.literal('booking.cancelled'), aggregateType: z.literal('booking'), aggregateId: id, payload: bookingPayload, meta: noMeta }),
  z.object({ type: z.literal('booking.no_show'), aggregateType: z.literal('booking'), aggregateId: id, payload: bookingPayload, meta: noMeta }),
  z.object({
    type: z.literal('booking.day_changed'),
    aggregateType: z.literal('service'),
    aggregateId: id,
    payload: z.strictObject({ serviceId: id, date: z.string() }),
    meta: z.strictObject({ date: z.string(), capacityPerSlot: z.number().int().nullable(), closed: z.boolean(), reason: z.string().optional(), affected: z.number().int() }),
  }),
  complaintEvent(
    'complaint.filed',
    z.strictObject({ ...complaintBy, channel: z.enum(['web', 'status_page', 'receipt', 'desk']), classification: z.string(), confidential: z.boolean(), anonymous: z.boolean(), requestedAgencyId: id.nullable() }),
  ),
  complaintEvent('complaint.verified', z.strictObject({ ...complaintBy, agencyId: id, respondBy: z.string() })),
  complaintEvent('complaint.assigned', z.strictObject({ ...complaintBy, agencyId: id, previousAgencyId: id.nullable(), respondBy: z.string() })),
  complaintEvent('complaint.not_authority', z.strictObject({ ...complaintBy, from: COMPLAINT_STATUS })),
  complaintEvent('complaint.responded', z.strictObject({ ...complaintBy, agencyId: id, onTime: z.boolean() })),
  complaintEvent('complaint.closed', z.strictObject({ ...complaintBy, from: COMPLAINT_STATUS, closedBy: AUTHORS })),
  complaintEvent('complaint.reopened', z.strictObject({ ...complaintBy })),
  complaintEvent('complaint.message_added', z.strictObject({ ...complaintBy, messageId: id, author: AUTHORS, visibility: VISIBILITY })),
  complaintEvent('complaint.attachment_added', z.strictObject({ ...complaintBy, fileId: id, author: AUTHORS, visibility: VISIBILITY })),
  complaintEvent('complaint.escalated', z.strictObject({ ...complaintBy, step: z.enum(['verify', 'respond']), due: z.string(), agencyId: id.nullable() })),
  complaintEvent('complaint.lapor_linked', z.strictObject({ ...complaintBy })),
  z.object({
    type: z.literal('catalog.changed'),
    aggregateType: z.enum(CATALOG_ENTITIES),
    aggregateId: id,
    payload: z.strictObject({
      /** `catalog`: a whole site's catalogue (an import). */
      entity: z.enum([...CATALOG_ENTITIES, 'catalog']),
      id,
      action: z.enum(['created', 'updated', 'removed', 'imported', 'seeded']),
    }),
    meta: noMeta,
  }),
  mppEvent(
    'establishment.stage_changed',
    z.strictObject({ ...mppRef, from: stage, to: stage, date: z.string() }),
    z.strictObject({ direction: z.enum(['advance', 'back']), note: z.string().nullable(), reason: z.string().nullable(), by: z.string() }),
  ),
  mppEvent('establishment.updated', z.strictObject({ ...mppRef, what: z.enum(['plan', 'checklist']) }), z.strictObject({ by: z.string(), changed: z.array(z.string()) })),
  mppEvent(
    'establishment.document_added',
    z.strictObject({ ...mppRef, documentId: id, kind: z.enum(MPP_DOCUMENT_KIND_KEYS), stage }),
    z.strictObject({ by: z.string(), fileId: id }),
  ),
  mppEvent('establishment.document_removed', z.strictObject({ ...mppRef, documentId: id }), z.strictObject({ by: z.string() })),
  mppEvent('establishment.site_linked', z.strictObject({ ...mppRef, siteId: id }), z.strictObject({ by: z.string() })),
  // Applications: the history staff and the applicant see. `note` and `missing` are the officer's
  // words to the applicant (shown on the tracking page), staff-only on the event stream.
  applicationEvent(
    'application.registered',
    z.strictObject({ ...applicationRef, status: applicationStatus }),
    z.strictObject({ by: z.string(), channel: z.enum(['counter', 'online']), ticketId: id.nullable(), note: z.string().nullable() }),
  ),
  applicationEvent(
    'application.status_changed',
    z.strictObject({ ...applicationRef, from: applicationStatus, to: applicationStatus }),
    z.strictObject({ by: z.string(), note: z.string().nullable(), missing: z.array(z.string()).nullable(), collectedBy: z.enum(['applicant', 'proxy']).nullable() }),
  ),
  z.object({ type: z.literal('application.settings_changed'), aggregateType: z.literal('agency'), aggregateId: id, payload: z.strictObject({ agencyId: id }), meta: z.strictObject({ by: z.string(), numberFormat: z.string() }) }),
  applicationEvent('application.pickup_issued', z.strictObject({ ...applicationRef, ticketId: id }), z.strictObject({ by: z.string(), number: z.string() })),
  // Survey. No score, no comment and no ticket in any of them: an answer is not traceable to an
  // officer through the event log either.
  z.object({
    type: z.literal('survey.answered'),
    aggregateType: z.literal('survey_response'),
    aggregateId: id,
    payload: z.strictObject({ serviceId: id }),
    meta: z.strictObject({ channel: z.enum(['web', 'qr', 'tablet']) }),
  }),
  z.object({ type: z.literal('survey.action_recorded'), aggregateType: z.literal('survey_action'), aggregateId: id, payload: surveyActionPayload, meta: z.strictObject({ by: z.string() }) }),
  z.object({
    type: z.literal('survey.action_updated'),
    aggregateType: z.literal('survey_action'),
    aggregateId: id,
    payload: surveyActionPayload,
    meta: z.strictObject({ by: z.string(), changed: z.array(z.string()) }),
  }),
  z.object({
    type: z.literal('survey.tablet_placed'),
    aggregateType: z.literal('device'),
    aggregateId: id,
    payload: z.strictObject({ deviceId: id, counterId: id.nullable() }),
    meta: z.strictObject({ by: z.string() }),
  }),
  z.object({
    type: z.literal('survey.settings_changed'),
    aggregateType: z.literal('site'),
    aggregateId: id,
    payload: z.strictObject({ what: z.enum(['settings', 'signatory']) }),
    meta: z.strictObject({ by: z.string(), agencyId: id.nullable().optional() }),
  }),
  citizenEvent('citizen.document_reviewed', 'citizen_document', z.strictObject({ ...citizenRef, documentId: id, status: z.enum(['verified', 'rejected']) })),
  citizenEvent('citizen.document_issued', 'citizen_document', z.strictObject({ ...citizenRef, documentId: id, documentTypeId: id })),
  citizenEvent('citizen.nik_verified', 'citizen', z.strictObject(citizenRef)),
  citizenEvent('citizen.consent_created', 'citizen_consent', z.strictObject({ ...citizenRef, consentId: id, documents: z.number().int() })),
  citizenEvent('citizen.consent_revoked', 'citizen_consent', z.strictObject({ ...citizenRef, consentId: id })),
]);

/** An event as written (what `emit` takes, without the envelope: site and actor). */
export type AppEventInput = z.input<typeof appEvent>;
/** An event as stored and delivered (jsonb: `undefined` members are gone). */
export type AppEvent = z.output<typeof appEvent>;
export type EventOf<T extends EventType> = Extract<AppEvent, { type: T }>;
/** What happened to the entity a `catalog.changed` names. */
export type CatalogChange = EventOf<'catalog.changed'>['payload']['action'];
/** The public data an SSE subscriber receives for an event type. */
export type PayloadOf<T extends EventType> = EventOf<T>['payload'];
/** The data of each event on the public site stream, by event name. */
export type SiteStreamData = { [T in SiteStreamEvent]: PayloadOf<T> };
/** What a display or phone may receive on one of DESIGN §6's ticket events. */
export type TicketEventData = SiteStreamData[PublicTicketEvent];

/** Every name of EVENT_TYPES has a schema above, and no schema a name outside it (tsc). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const complete: Same<AppEvent['type'], EventType> = true;
void complete;
