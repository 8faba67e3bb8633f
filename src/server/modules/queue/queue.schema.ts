import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { PRIORITIES, TICKET_SOURCES, type TicketStatus } from '../../../domain/tickets';
import { agencies, counters, services, sites } from '../catalog/catalog.schema';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

// The statuses, priorities and sources are shared with the contracts and the web (src/domain).
export { PRIORITIES, TICKET_SOURCES, TICKET_STATUSES, type TicketStatus } from '../../../domain/tickets';

/**
 * One citizen's visit to the MPP: the tracking code printed on the ticket follows the citizen
 * across services (transfers, several agencies chosen at the kiosk).
 */
export const visits = pgTable(
  'visits',
  {
    id: uuid('id').primaryKey(),
    siteId: uuid('site_id').notNull().references(() => sites.id),
    /** Short, unambiguous, unguessable (CSPRNG); public: the status page is reached with it. */
    trackingCode: text('tracking_code').notNull(),
    /** The visit's day in the site's zone. */
    localDate: date('local_date', { mode: 'string' }).notNull(),
    /** Services chosen at the kiosk that still wait for their ticket, in order. */
    pendingServiceIds: jsonb('pending_service_ids').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    /** Planned services given up (the citizen missed an earlier call). */
    droppedServiceIds: jsonb('dropped_service_ids').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [unique('visits_tracking_code_uq').on(t.trackingCode), index('visits_site_day_idx').on(t.siteId, t.localDate)],
);

/**
 * Tickets. Times kept for statistics: issued (row created), queued (the arrival used for ordering),
 * called (first call), started, finished. Wait = called − issued; handling = finished − started.
 */
export const tickets = pgTable(
  'tickets',
  {
    id: uuid('id').primaryKey(),
    siteId: uuid('site_id').notNull().references(() => sites.id),
    visitId: uuid('visit_id').notNull().references(() => visits.id),
    serviceId: uuid('service_id').notNull().references(() => services.id),
    /** The service's agency when the ticket was issued: the scope officers act in. */
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    prefix: text('prefix').notNull(),
    localDate: date('local_date', { mode: 'string' }).notNull(),
    seq: integer('seq').notNull(),
    number: text('number').notNull(),
    status: text('status').$type<TicketStatus>().notNull(),
    priority: text('priority').$type<(typeof PRIORITIES)[number]>(),
    source: text('source').$type<(typeof TICKET_SOURCES)[number]>().notNull(),
    bookingId: uuid('booking_id'),
    /** Slot start of a checked-in booking (call precedence near the slot); null for walk-ins. */
    bookingStart: ts('booking_start'),
    /** The ticket this one continues (transfer, or the previous step of a multi-service visit). */
    previousTicketId: uuid('previous_ticket_id'),
    idempotencyKey: text('idempotency_key'),
    issuedAt: ts('issued_at').notNull(),
    /** Arrival for call order: issue time, or the visit's original arrival (see docs/queue.md). */
    queuedAt: ts('queued_at').notNull(),
    calledAt: ts('called_at'),
    startedAt: ts('started_at'),
    finishedAt: ts('finished_at'),
    /** The counter that called it (current or last). */
    counterId: uuid('counter_id').references(() => counters.id),
    officerId: uuid('officer_id'),
    recallCount: integer('recall_count').notNull().default(0),
    parkedAt: ts('parked_at'),
    /** A resumed ticket waits for this counter only, ahead of its other tickets. */
    pinnedCounterId: uuid('pinned_counter_id').references(() => counters.id),
    outcome: text('outcome'),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    // Numbers are never repeated: one row per (site, prefix, day, sequence).
    unique('tickets_number_uq').on(t.siteId, t.prefix, t.localDate, t.seq),
    // One active ticket per counter.
    uniqueIndex('tickets_counter_active_uq').on(t.counterId).where(sql`${t.status} IN ('called', 'serving')`),
    // A double tap at the kiosk returns the ticket it already printed.
    uniqueIndex('tickets_idempotency_uq').on(t.siteId, t.idempotencyKey).where(sql`${t.idempotencyKey} IS NOT NULL`),
    check('tickets_status_ck', sql`${t.status} IN ('waiting', 'called', 'serving', 'parked', 'done', 'no_show', 'transferred', 'cancelled')`),
    check('tickets_priority_ck', sql`${t.priority} IS NULL OR ${t.priority} IN ('lansia', 'disabilitas', 'ibu_hamil')`),
    check('tickets_recall_ck', sql`${t.recallCount} >= 0`),
    index('tickets_site_day_status_idx').on(t.siteId, t.localDate, t.status),
    index('tickets_service_day_status_idx').on(t.serviceId, t.localDate, t.status),
    index('tickets_counter_day_idx').on(t.counterId, t.localDate),
    index('tickets_visit_idx').on(t.visitId),
  ],
);

/** The per-(site, prefix, day) counter behind ticket numbers: one atomic upsert per ticket. */
export const ticketSequences = pgTable(
  'ticket_sequences',
  {
    siteId: uuid('site_id').notNull().references(() => sites.id),
    prefix: text('prefix').notNull(),
    localDate: date('local_date', { mode: 'string' }).notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.prefix, t.localDate] })],
);

/** What a counter remembers between calls: break (istirahat) and the priority run. */
export const counterStates = pgTable('counter_states', {
  counterId: uuid('counter_id')
    .primaryKey()
    .references(() => counters.id),
  siteId: uuid('site_id').notNull().references(() => sites.id),
  paused: boolean('paused').notNull().default(false),
  pausedAt: ts('paused_at'),
  priorityCallsInARow: integer('priority_calls_in_a_row').notNull().default(0),
  updatedAt: ts('updated_at').notNull(),
});

/**
 * The floor's own settings per site (the live floor view): a site without a row uses the
 * defaults (floor.settings.ts). A column, not `sites.settings.queuePolicy`, because it is the
 * queue's rule, changed through the queue's own endpoint and audited there.
 */
export const queueSettings = pgTable(
  'queue_settings',
  {
    siteId: uuid('site_id')
      .primaryKey()
      .references(() => sites.id),
    /** A ticket waiting longer than this (minutes since issue) is highlighted on the floor view. */
    targetWaitMinutes: integer('target_wait_minutes').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [check('queue_settings_target_ck', sql`${t.targetWaitMinutes} BETWEEN 1 AND 480`)],
);

/**
 * A line typed on the floor view that runs on the TV's ticker. At most one is active per site: a
 * new one clears the previous (under the site lock); it ends when cleared or at `until`.
 */
export const announcements = pgTable(
  'announcements',
  {
    id: uuid('id').primaryKey(),
    siteId: uuid('site_id').notNull().references(() => sites.id),
    text: text('text').notNull(),
    /** Shown until then; null: until cleared. */
    until: ts('until'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
    clearedAt: ts('cleared_at'),
    clearedBy: uuid('cleared_by'),
  },
  (t) => [
    check('announcements_text_ck', sql`char_length(${t.text}) BETWEEN 1 AND 200`),
    // One not-cleared announcement per site (an expired one is cleared when the next is posted).
    uniqueIndex('announcements_site_open_uq').on(t.siteId).where(sql`${t.clearedAt} IS NULL`),
  ],
);
