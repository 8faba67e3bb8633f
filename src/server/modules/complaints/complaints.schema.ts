import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { agencies, services, sites } from '../catalog/catalog.schema';
import { storedFiles } from '../files/files.schema';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Complaints (pengaduan, aspirasi, permintaan informasi; DOMAIN §5). Dates ending in `On`/`By`/
 * `After` are calendar dates in the site's zone; deadlines are stored when they are set, in
 * working days of the site's calendar at that moment.
 *
 * Identity: `anonymous` complaints keep none (every reporter column null, no linked ticket);
 * otherwise name, phone and email are encrypted. `confidential` (rahasia) complaints keep them
 * for the complaint desk only: the agency never receives them (services, docs/complaints.md).
 */
export const complaints = pgTable(
  'complaints',
  {
    id: uuid('id').primaryKey(),
    siteId: uuid('site_id').notNull().references(() => sites.id),
    /** Short, unambiguous, unguessable (CSPRNG): the reporter's only key to the complaint. */
    trackingCode: text('tracking_code').notNull(),
    classification: text('classification').notNull(),
    /** SP4N-LAPOR! kategori, set by the reporter or the desk. */
    category: text('category'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** The agency the reporter named ("tidak tahu": null). */
    requestedAgencyId: uuid('requested_agency_id').references(() => agencies.id),
    /** The agency the desk assigned on verification. */
    agencyId: uuid('agency_id').references(() => agencies.id),
    serviceId: uuid('service_id').references(() => services.id),
    /** When the service complained about happened (the linked ticket's day, or as reported). */
    serviceOn: date('service_on', { mode: 'string' }),
    /** A ticket (visit) or application tracking code the reporter linked; never for anonymous ones. */
    linkedKind: text('linked_kind'),
    linkedCode: text('linked_code'),
    /** The linked ticket's number as printed, for the desk. */
    linkedNumber: text('linked_number'),
    anonymous: boolean('anonymous').notNull(),
    confidential: boolean('confidential').notNull(),
    reporterNameEnc: text('reporter_name_enc'),
    reporterPhoneEnc: text('reporter_phone_enc'),
    reporterEmailEnc: text('reporter_email_enc'),
    channel: text('channel').notNull(),
    /** The officer who filed it for a walk-in (channel desk). */
    filedBy: uuid('filed_by'),
    status: text('status').notNull(),
    filedAt: ts('filed_at').notNull(),
    filedOn: date('filed_on', { mode: 'string' }).notNull(),
    verifyBy: date('verify_by', { mode: 'string' }).notNull(),
    verifiedAt: ts('verified_at'),
    verifiedOn: date('verified_on', { mode: 'string' }),
    respondBy: date('respond_by', { mode: 'string' }),
    /** The agency's first response (kept when reopened: the figures count the first). */
    respondedAt: ts('responded_at'),
    respondedOn: date('responded_on', { mode: 'string' }),
    /** On time: answered the day it was due or before (kept from the first time). */
    respondedOnTime: boolean('responded_on_time'),
    /** The first public reply of the desk or the agency (PEKPPP: within 24 hours). */
    firstReplyAt: ts('first_reply_at'),
    autoCloseAfter: date('auto_close_after', { mode: 'string' }),
    closedAt: ts('closed_at'),
    closedBy: text('closed_by'),
    /** not_authority: where the complaint was forwarded to. */
    forwardedTo: text('forwarded_to'),
    reopenCount: integer('reopen_count').notNull().default(0),
    reopenedAt: ts('reopened_at'),
    /** Overdue steps already escalated to the site admin (each once). */
    verifyEscalatedAt: ts('verify_escalated_at'),
    respondEscalatedAt: ts('respond_escalated_at'),
    /** The SP4N-LAPOR! ticket number when the complaint was also filed there. */
    laporTicket: text('lapor_ticket'),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    unique('complaints_tracking_code_uq').on(t.trackingCode),
    check('complaints_status_ck', sql`${t.status} IN ('submitted', 'verified', 'not_authority', 'responded', 'closed')`),
    check('complaints_classification_ck', sql`${t.classification} IN ('pengaduan', 'aspirasi', 'permintaan_informasi')`),
    check('complaints_channel_ck', sql`${t.channel} IN ('web', 'status_page', 'receipt', 'desk')`),
    check('complaints_reopen_ck', sql`${t.reopenCount} BETWEEN 0 AND 1`),
    // Anonymous means no identity at all, whatever a service might try to write.
    check(
      'complaints_anonymous_ck',
      sql`NOT ${t.anonymous} OR (${t.reporterNameEnc} IS NULL AND ${t.reporterPhoneEnc} IS NULL AND ${t.reporterEmailEnc} IS NULL AND ${t.linkedCode} IS NULL AND ${t.linkedNumber} IS NULL)`,
    ),
    check('complaints_verified_ck', sql`${t.status} IN ('submitted', 'not_authority', 'closed') OR ${t.agencyId} IS NOT NULL`),
    index('complaints_site_status_idx').on(t.siteId, t.status),
    index('complaints_site_filed_idx').on(t.siteId, t.filedOn),
    index('complaints_agency_idx').on(t.agencyId, t.status),
  ],
);

/** The conversation: replies (public), staff notes and desk-only notes. */
export const complaintMessages = pgTable(
  'complaint_messages',
  {
    id: uuid('id').primaryKey(),
    complaintId: uuid('complaint_id').notNull().references(() => complaints.id),
    at: ts('at').notNull(),
    /** desk, agency, reporter or system. */
    author: text('author').notNull(),
    authorUserId: uuid('author_user_id'),
    visibility: text('visibility').notNull(),
    text: text('text').notNull(),
  },
  (t) => [
    check('complaint_messages_visibility_ck', sql`${t.visibility} IN ('public', 'staff', 'desk')`),
    check('complaint_messages_author_ck', sql`${t.author} IN ('desk', 'agency', 'reporter', 'system')`),
    index('complaint_messages_complaint_idx').on(t.complaintId, t.at),
  ],
);

/** Files attached by the reporter or by staff (encrypted in stored_files). */
export const complaintAttachments = pgTable(
  'complaint_attachments',
  {
    complaintId: uuid('complaint_id').notNull().references(() => complaints.id),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id)
      .primaryKey(),
    author: text('author').notNull(),
    visibility: text('visibility').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [check('complaint_attachments_visibility_ck', sql`${t.visibility} IN ('public', 'staff', 'desk')`), index('complaint_attachments_complaint_idx').on(t.complaintId)],
);
