import { sql } from 'drizzle-orm';
import { check, date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ChecklistValues, MppPlan } from '../../../domain/establishment';
import { sites } from '../catalog/catalog.schema';
import { storedFiles } from '../files/files.schema';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const STAGE_CHECK = (col: unknown) => sql`${col} IN ('none', 'usulan', 'verifikasi', 'koordinasi', 'pembangunan', 'uji_coba', 'diresmikan')`;

/**
 * One MPP being established (or operating) in a kabupaten/kota, by its Kemendagri code. A region
 * without a row is at stage `none`; the row is made with its first stage change. A region has one
 * MPP (`kind` 'mpp', unique) and may later add service points. Once it operates, it is linked to
 * its site in the catalogue. The stage moves by conditional update only (`WHERE stage = $from`),
 * so two admins moving it at once never both succeed.
 */
export const mppEstablishments = pgTable(
  'mpp_establishments',
  {
    id: uuid('id').primaryKey(),
    /** Kemendagri code without dots: "6472". */
    regencyCode: text('regency_code').notNull(),
    provinceCode: text('province_code').notNull(),
    kind: text('kind').notNull().default('mpp'),
    stage: text('stage').notNull().default('none'),
    /** The date the current stage was reached (in the region's zone); null at `none`. */
    stageSince: date('stage_since', { mode: 'string' }),
    siteId: uuid('site_id').references(() => sites.id),
    /** Planned date of each stage. */
    plan: jsonb('plan').$type<MppPlan>().notNull().default(sql`'{}'::jsonb`),
    /** What the province notes about the plan (e.g. the national inauguration batch). */
    planNote: text('plan_note').notNull().default(''),
    /** Entered checklist values by `stage.item`. */
    checklist: jsonb('checklist').$type<ChecklistValues>().notNull().default(sql`'{}'::jsonb`),
    /** A line about the MPP shown on the dashboard (the building shared with the UMKM Center …). */
    note: text('note').notNull().default(''),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('mpp_establishments_regency_mpp_uq').on(t.regencyCode).where(sql`${t.kind} = 'mpp'`),
    uniqueIndex('mpp_establishments_site_uq').on(t.siteId),
    index('mpp_establishments_province_idx').on(t.provinceCode),
    check('mpp_establishments_stage_ck', STAGE_CHECK(t.stage)),
    check('mpp_establishments_kind_ck', sql`${t.kind} IN ('mpp', 'service_point')`),
    check('mpp_establishments_code_ck', sql`${t.regencyCode} ~ '^[0-9]{4}$' AND ${t.provinceCode} = left(${t.regencyCode}, 2)`),
    check('mpp_establishments_since_ck', sql`(${t.stage} = 'none') = (${t.stageSince} IS NULL)`),
  ],
);

/** Every stage change, forward or back (with its reason): the history reported to the centre. */
export const mppStageChanges = pgTable(
  'mpp_stage_changes',
  {
    id: uuid('id').primaryKey(),
    establishmentId: uuid('establishment_id').notNull().references(() => mppEstablishments.id),
    fromStage: text('from_stage').notNull(),
    toStage: text('to_stage').notNull(),
    direction: text('direction').notNull(),
    /** The day the stage was reached (or left, for a step back). */
    date: date('date', { mode: 'string' }).notNull(),
    note: text('note'),
    reason: text('reason'),
    actorUserId: uuid('actor_user_id'),
    actorLabel: text('actor_label').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [
    index('mpp_stage_changes_establishment_idx').on(t.establishmentId, t.at),
    check('mpp_stage_changes_stage_ck', sql`${STAGE_CHECK(t.fromStage)} AND ${STAGE_CHECK(t.toStage)}`),
    check('mpp_stage_changes_direction_ck', sql`${t.direction} IN ('advance', 'back')`),
    check('mpp_stage_changes_reason_ck', sql`${t.direction} = 'advance' OR length(trim(${t.reason})) > 0`),
  ],
);

/** Evidence documents of a stage; the file itself is stored encrypted (stored_files). */
export const mppDocuments = pgTable(
  'mpp_documents',
  {
    id: uuid('id').primaryKey(),
    establishmentId: uuid('establishment_id').notNull().references(() => mppEstablishments.id),
    stage: text('stage').notNull(),
    kind: text('kind').notNull(),
    /** The agency a PKS is signed with. */
    agencyName: text('agency_name'),
    title: text('title').notNull().default(''),
    /** The document's own date (signed on), when given. */
    documentDate: date('document_date', { mode: 'string' }),
    fileId: uuid('file_id').notNull().references(() => storedFiles.id),
    uploadedBy: uuid('uploaded_by'),
    uploadedAt: ts('uploaded_at').notNull(),
    /** Unlinked (the stored file is kept for history). */
    removedAt: ts('removed_at'),
  },
  (t) => [index('mpp_documents_establishment_idx').on(t.establishmentId), check('mpp_documents_agency_ck', sql`${t.kind} <> 'pks' OR length(trim(${t.agencyName})) > 0`)],
);
