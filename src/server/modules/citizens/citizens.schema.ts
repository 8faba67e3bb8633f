import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agencies, documentTypes, sites } from '../catalog/catalog.schema';
import { storedFiles } from '../files/files.schema';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * A citizen's account. The contact (email or Indonesian mobile number, normalised) and the NIK
 * are stored encrypted with an HMAC blind index for lookups (DESIGN §4); the name is encrypted
 * too. One account per contact: the unique blind index is the lock of the first sign-in.
 */
export const citizens = pgTable(
  'citizens',
  {
    id: uuid('id').primaryKey(),
    contactKind: text('contact_kind').notNull(),
    contactHash: text('contact_hash').notNull(),
    contactEnc: text('contact_enc').notNull(),
    nameEnc: text('name_enc'),
    nikHash: text('nik_hash'),
    nikEnc: text('nik_enc'),
    /** Set when an officer who saw the KTP confirmed the declared NIK. */
    nikVerifiedAt: ts('nik_verified_at'),
    nikVerifiedBy: uuid('nik_verified_by'),
    nikVerifiedAgencyId: uuid('nik_verified_agency_id').references(() => agencies.id),
    createdAt: ts('created_at').notNull(),
    /** Deleted by the citizen: signed out everywhere; documents purged by the retention sweep. */
    deletedAt: ts('deleted_at'),
    purgedAt: ts('purged_at'),
  },
  (t) => [
    uniqueIndex('citizens_contact_uq').on(t.contactHash).where(sql`${t.deletedAt} IS NULL`),
    check('citizens_contact_kind_ck', sql`${t.contactKind} IN ('email', 'phone')`),
  ],
);

/**
 * One-time sign-in codes: only an HMAC of the code is kept. A code dies when used, after 5 wrong
 * tries, when a newer one is sent to the same contact, or at `expires_at`. The rows are also the
 * throttle's memory (codes per contact and per address in the last hour), shared by every process.
 */
export const citizenLoginCodes = pgTable(
  'citizen_login_codes',
  {
    id: uuid('id').primaryKey(),
    contactHash: text('contact_hash').notNull(),
    /** HMAC of the requesting address: the per-address throttle without keeping addresses. */
    sourceHash: text('source_hash').notNull(),
    codeHash: text('code_hash').notNull(),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    usedAt: ts('used_at'),
    supersededAt: ts('superseded_at'),
  },
  (t) => [index('citizen_login_codes_contact_idx').on(t.contactHash, t.createdAt), index('citizen_login_codes_source_idx').on(t.sourceHash, t.createdAt)],
);

/** Citizen sessions: apart from staff sessions (own table, cookie and token prefix `lc_`). */
export const citizenSessions = pgTable(
  'citizen_sessions',
  {
    id: uuid('id').primaryKey(),
    citizenId: uuid('citizen_id')
      .notNull()
      .references(() => citizens.id),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
    /** The browser's User-Agent when the session opened (cut to 200 characters): how the citizen tells their sessions apart. */
    userAgent: text('user_agent'),
  },
  (t) => [index('citizen_sessions_citizen_idx').on(t.citizenId)],
);

/**
 * The document wallet. `file_id` is null once the bytes are gone (deleted by the citizen, or
 * purged by the retention sweep); the row stays as the access log's reference.
 */
export const citizenDocuments = pgTable(
  'citizen_documents',
  {
    id: uuid('id').primaryKey(),
    citizenId: uuid('citizen_id')
      .notNull()
      .references(() => citizens.id),
    documentTypeId: uuid('document_type_id')
      .notNull()
      .references(() => documentTypes.id),
    fileId: uuid('file_id').references(() => storedFiles.id),
    status: text('status').notNull(),
    /** The agency of the officer who verified or rejected it, or the agency that issued it. */
    reviewedAgencyId: uuid('reviewed_agency_id').references(() => agencies.id),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: ts('reviewed_at'),
    rejectionReason: text('rejection_reason'),
    createdAt: ts('created_at').notNull(),
    deletedAt: ts('deleted_at'),
  },
  (t) => [
    index('citizen_documents_citizen_idx').on(t.citizenId),
    check('citizen_documents_status_ck', sql`${t.status} IN ('uploaded', 'verified', 'issued', 'rejected')`),
  ],
);

/**
 * What holds a document (an open application that uses it): a held document cannot be deleted.
 * Other modules add and remove holds through citizens.lookup.
 */
export const citizenDocumentHolds = pgTable(
  'citizen_document_holds',
  {
    documentId: uuid('document_id')
      .notNull()
      .references(() => citizenDocuments.id),
    holderType: text('holder_type').notNull(),
    holderId: text('holder_id').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.holderType, t.holderId] })],
);

/**
 * A consent: chosen documents shared with one agency, for a stated purpose, until `expires_at`
 * or revocation. The share code is looked up by its blind index and kept encrypted so the
 * citizen can show it again.
 */
export const citizenConsents = pgTable(
  'citizen_consents',
  {
    id: uuid('id').primaryKey(),
    citizenId: uuid('citizen_id')
      .notNull()
      .references(() => citizens.id),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    purpose: text('purpose').notNull(),
    codeHash: text('code_hash').notNull().unique(),
    codeEnc: text('code_enc'),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
    /** The retention sweep removed the code and the links to the documents. */
    purgedAt: ts('purged_at'),
  },
  (t) => [index('citizen_consents_citizen_idx').on(t.citizenId)],
);

export const citizenConsentDocuments = pgTable(
  'citizen_consent_documents',
  {
    consentId: uuid('consent_id')
      .notNull()
      .references(() => citizenConsents.id),
    documentId: uuid('document_id')
      .notNull()
      .references(() => citizenDocuments.id),
  },
  (t) => [primaryKey({ columns: [t.consentId, t.documentId] })],
);

/**
 * Every read of a citizen's data by anyone but the citizen: append-only (a trigger refuses
 * UPDATE and DELETE), shown to the citizen newest first. `role` is what the citizen sees of the
 * reader; the person (user id) is kept for the staff audit.
 */
export const citizenAccessLog = pgTable(
  'citizen_access_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    citizenId: uuid('citizen_id')
      .notNull()
      .references(() => citizens.id),
    at: ts('at').notNull(),
    actorUserId: uuid('actor_user_id'),
    agencyId: uuid('agency_id').references(() => agencies.id),
    role: text('role'),
    consentId: uuid('consent_id'),
    documentId: uuid('document_id'),
    /** profile.read, document.read, document.verified, document.rejected, document.issued, nik.verified, read_refused */
    action: text('action').notNull(),
    purpose: text('purpose'),
  },
  (t) => [index('citizen_access_log_citizen_idx').on(t.citizenId, t.id)],
);

/**
 * What a citizen did while signed in at other modules (bookings now, applications later): the
 * history ("Riwayat"). Written by those modules through citizens.lookup in their transaction.
 */
export const citizenHistory = pgTable(
  'citizen_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    citizenId: uuid('citizen_id')
      .notNull()
      .references(() => citizens.id),
    kind: text('kind').notNull(),
    refId: text('ref_id').notNull(),
    siteId: uuid('site_id'),
    serviceId: uuid('service_id'),
    code: text('code'),
    at: ts('at').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('citizen_history_ref_uq').on(t.citizenId, t.kind, t.refId), index('citizen_history_citizen_idx').on(t.citizenId, t.at)],
);
