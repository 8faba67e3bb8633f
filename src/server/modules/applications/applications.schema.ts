import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../../../domain/applications';
import type { Pause } from '../../../domain/working-days';
import { agencies, services, sites } from '../catalog/catalog.schema';
import { tickets } from '../queue/queue.schema';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const inList = (col: unknown, values: readonly string[]) => sql`${col} IN (${sql.join(values.map((v) => sql.raw(`'${v}'`)), sql`, `)})`;

/** One requirement of the service standard and whether the counter received it. */
export type ChecklistItem = { documentTypeKey: string; name: string; note?: string; received: boolean };

/**
 * An application (permohonan): registered at the counter from a ticket, or filed online by a
 * signed-in citizen. The applicant's NIK, name and contacts are stored encrypted (AES-256-GCM)
 * with an HMAC blind index of the NIK; the public tracking code and the registration number are
 * not personal data. Every status change is one conditional update on (id, version), so two
 * officers acting at once cannot both succeed. The deadline is computed when read, from the
 * received day, the standard's working days and the pauses, with the calendar as it is then
 * (holidays added later move it); when the application leaves the open statuses its due date
 * and whether it was met are kept, for the figures.
 */
export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey(),
    siteId: uuid('site_id').notNull().references(() => sites.id),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    serviceId: uuid('service_id').notNull().references(() => services.id),
    /** The ticket being served when the counter registered it. */
    ticketId: uuid('ticket_id').references(() => tickets.id),
    channel: text('channel').notNull(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    registrationNumber: text('registration_number').notNull(),
    /** Short, unambiguous, unguessable (CSPRNG): the public tracking page is reached with it. */
    trackingCode: text('tracking_code').notNull(),
    status: text('status').$type<ApplicationStatus>().notNull(),
    /** Bumped by every change: the conditional update's guard. */
    version: integer('version').notNull().default(1),
    nikHash: text('nik_hash'),
    nikEnc: text('nik_enc'),
    nameEnc: text('name_enc'),
    phoneEnc: text('phone_enc'),
    emailEnc: text('email_enc'),
    /** The signed-in citizen who filed it online, or whose account the counter linked. */
    citizenId: uuid('citizen_id'),
    checklist: jsonb('checklist').$type<ChecklistItem[]>().notNull().default(sql`'[]'::jsonb`),
    /** What the applicant still has to bring (status incomplete); public on the tracking page. */
    missing: jsonb('missing').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    /** Working days of the standard at registration: 0 same day, null no working-day deadline. */
    workingDays: integer('working_days'),
    /** The day the complete file was received, in the site's zone (null while only submitted). */
    receivedOn: date('received_on', { mode: 'string' }),
    pauses: jsonb('pauses').$type<Pause[]>().notNull().default(sql`'[]'::jsonb`),
    /** The day it left the open statuses (ready, rejected, withdrawn) and the due date then. */
    closedOn: date('closed_on', { mode: 'string' }),
    dueOn: date('due_on', { mode: 'string' }),
    /** Ready by its due date (null: no deadline, or not ready). */
    onTime: boolean('on_time'),
    /** The due date the agency was last warned of (one working day left without progress). */
    warnedDueOn: date('warned_due_on', { mode: 'string' }),
    /** The latest pickup ticket issued at the kiosk. */
    pickupTicketId: uuid('pickup_ticket_id').references(() => tickets.id),
    /** Who collected: 'applicant' or 'proxy'; the proxy's name and power of attorney, encrypted. */
    collectedBy: text('collected_by'),
    collectorEnc: text('collector_enc'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    unique('applications_tracking_code_uq').on(t.trackingCode),
    // A number is never given twice: one per (agency, year, sequence), and the text per agency.
    unique('applications_agency_year_seq_uq').on(t.agencyId, t.year, t.seq),
    unique('applications_agency_number_uq').on(t.agencyId, t.registrationNumber),
    check('applications_status_ck', inList(t.status, APPLICATION_STATUSES)),
    check('applications_channel_ck', inList(t.channel, ['counter', 'online'])),
    check('applications_collected_by_ck', sql`${t.collectedBy} IS NULL OR ${t.collectedBy} IN ('applicant', 'proxy')`),
    check('applications_working_days_ck', sql`${t.workingDays} IS NULL OR ${t.workingDays} >= 0`),
    index('applications_site_status_idx').on(t.siteId, t.status),
    index('applications_agency_status_idx').on(t.agencyId, t.status),
    index('applications_site_received_idx').on(t.siteId, t.receivedOn),
    index('applications_site_closed_idx').on(t.siteId, t.closedOn),
    index('applications_nik_idx').on(t.nikHash),
    index('applications_citizen_idx').on(t.citizenId),
  ],
);

/** The per-(agency, year) counter behind registration numbers: one atomic upsert per application. */
export const applicationSequences = pgTable(
  'application_sequences',
  {
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.year] })],
);

/** An agency's choices for its applications (the defaults apply without a row). */
export const applicationSettings = pgTable('application_settings', {
  agencyId: uuid('agency_id')
    .primaryKey()
    .references(() => agencies.id),
  siteId: uuid('site_id').notNull().references(() => sites.id),
  /** See DEFAULT_NUMBER_FORMAT in src/domain/applications. */
  numberFormat: text('number_format').notNull(),
  updatedAt: ts('updated_at').notNull(),
});
