import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { AGE_BANDS, EDUCATIONS, OCCUPATIONS, SURVEY_CHANNELS, ACTION_STATUSES } from '../../../domain/survey';
import { SKM_ELEMENT_KEYS } from '../../../domain/ikm';
import { devices } from '../access/access.schema';
import { agencies, counters, services, sites } from '../catalog/catalog.schema';
import { tickets } from '../queue/queue.schema';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const inList = (col: unknown, values: readonly string[]) => sql`${col} IN (${sql.join(values.map((v) => sql.raw(`'${v}'`)), sql`, `)})`;
const score = (name: string) => smallint(name).notNull();

/**
 * One answered questionnaire (SKM, PermenPANRB 14/2017) for one served service. Answers are
 * columns named by element key, never positions. No name, NIK or phone is asked or kept; the
 * counter is kept for group figures that are only shown at or above the minimum group size.
 * Rows are never updated: a survey cannot be edited after submission.
 */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: uuid('id').primaryKey(),
    siteId: uuid('site_id').notNull().references(() => sites.id),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    serviceId: uuid('service_id').notNull().references(() => services.id),
    /** What the tracking code belongs to: a queue visit (an application, once that module exists). */
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    ticketId: uuid('ticket_id').references(() => tickets.id),
    counterId: uuid('counter_id').references(() => counters.id),
    /** The day the service was given, in the site's zone: the period the answer counts in. */
    servedDate: date('served_date', { mode: 'string' }).notNull(),
    channel: text('channel').notNull(),
    deviceId: uuid('device_id').references(() => devices.id),
    persyaratan: score('persyaratan'),
    prosedur: score('prosedur'),
    waktu: score('waktu'),
    biaya: score('biaya'),
    produk: score('produk'),
    kompetensi: score('kompetensi'),
    perilaku: score('perilaku'),
    pengaduan: score('pengaduan'),
    sarana: score('sarana'),
    ageBand: text('age_band'),
    sex: text('sex'),
    education: text('education'),
    occupation: text('occupation'),
    comment: text('comment'),
    answeredAt: ts('answered_at').notNull(),
  },
  (t) => [
    // One answer per served service of a visit (a multi-service visit rates each service once).
    unique('survey_responses_subject_service_uq').on(t.subjectType, t.subjectId, t.serviceId),
    check('survey_responses_scores_ck', sql.raw(SKM_ELEMENT_KEYS.map((k) => `${k} BETWEEN 1 AND 4`).join(' AND '))),
    check('survey_responses_subject_ck', inList(t.subjectType, ['visit', 'application'])),
    check('survey_responses_channel_ck', inList(t.channel, SURVEY_CHANNELS)),
    check('survey_responses_age_ck', sql`${t.ageBand} IS NULL OR ${inList(t.ageBand, AGE_BANDS)}`),
    check('survey_responses_sex_ck', sql`${t.sex} IS NULL OR ${t.sex} IN ('L', 'P')`),
    check('survey_responses_education_ck', sql`${t.education} IS NULL OR ${inList(t.education, EDUCATIONS)}`),
    check('survey_responses_occupation_ck', sql`${t.occupation} IS NULL OR ${inList(t.occupation, OCCUPATIONS)}`),
    check('survey_responses_comment_ck', sql`${t.comment} IS NULL OR length(${t.comment}) <= 1000`),
    index('survey_responses_site_day_idx').on(t.siteId, t.servedDate),
    index('survey_responses_agency_day_idx').on(t.agencyId, t.servedDate),
    index('survey_responses_service_day_idx').on(t.serviceId, t.servedDate),
  ],
);

/** A paired survey tablet's place: beside one counter, or at the exit (counter null: the whole site). */
export const surveyTablets = pgTable('survey_tablets', {
  deviceId: uuid('device_id')
    .primaryKey()
    .references(() => devices.id),
  siteId: uuid('site_id').notNull().references(() => sites.id),
  counterId: uuid('counter_id').references(() => counters.id),
  updatedAt: ts('updated_at').notNull(),
});

/** Per-site survey rules; a site without a row uses the defaults (survey.settings.ts). */
export const surveySettings = pgTable(
  'survey_settings',
  {
    siteId: uuid('site_id')
      .primaryKey()
      .references(() => sites.id),
    /** Days after the service during which the citizen may still answer. */
    windowDays: integer('window_days').notNull(),
    /** Least respondents before a group's figures are shown to the agency. */
    minGroupSize: integer('min_group_size').notNull(),
    /** A tablet offers the tickets finished at its counter within this many minutes. */
    offerMinutes: integer('offer_minutes').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    check('survey_settings_window_ck', sql`${t.windowDays} BETWEEN 1 AND 90`),
    check('survey_settings_group_ck', sql`${t.minGroupSize} BETWEEN 1 AND 100`),
    check('survey_settings_offer_ck', sql`${t.offerMinutes} BETWEEN 1 AND 240`),
  ],
);

/** Who signs the printed report: the head of the unit (the agency, or the MPP when agency is null). */
export const surveySignatories = pgTable(
  'survey_signatories',
  {
    id: uuid('id').primaryKey(),
    siteId: uuid('site_id').notNull().references(() => sites.id),
    agencyId: uuid('agency_id').references(() => agencies.id),
    name: text('name').notNull(),
    title: text('title').notNull(),
    nip: text('nip'),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [unique('survey_signatories_scope_uq').on(t.siteId, t.agencyId).nullsNotDistinct()],
);

/** Rencana tindak lanjut: an action on a weak element of a period's results. */
export const surveyActions = pgTable(
  'survey_actions',
  {
    id: uuid('id').primaryKey(),
    siteId: uuid('site_id').notNull().references(() => sites.id),
    /** null: an action of the MPP as a whole. */
    agencyId: uuid('agency_id').references(() => agencies.id),
    /** The results period it answers (`2026-Q4`, `2026-11`, `2026`). */
    periodKey: text('period_key').notNull(),
    element: text('element').notNull(),
    action: text('action').notNull(),
    responsible: text('responsible').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    status: text('status').notNull(),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    completedAt: ts('completed_at'),
  },
  (t) => [
    check('survey_actions_element_ck', inList(t.element, SKM_ELEMENT_KEYS)),
    check('survey_actions_status_ck', inList(t.status, ACTION_STATUSES)),
    index('survey_actions_site_period_idx').on(t.siteId, t.periodKey),
  ],
);
