import { boolean, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sites } from '../catalog/catalog.schema';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Per site: the target wait the summary measures against and the monthly report's indicators. */
export const reportSettings = pgTable('report_settings', {
  siteId: uuid('site_id').primaryKey().references(() => sites.id),
  targetWaitMinutes: integer('target_wait_minutes').notNull(),
  indicators: jsonb('indicators').$type<string[]>().notNull(),
  updatedAt: ts('updated_at').notNull(),
});

/** The operator's notes of a month (the monthly report's last section). */
export const reportNotes = pgTable(
  'report_notes',
  {
    siteId: uuid('site_id').notNull().references(() => sites.id),
    month: text('month').notNull(),
    notes: text('notes').notNull(),
    updatedAt: ts('updated_at').notNull(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.month] })],
);

/**
 * Monthly reports as generated (on the 1st for the month before, or on request): the figures
 * are kept as they were, so a report sent to the ministry reads the same when opened later.
 */
export const monthlyReports = pgTable(
  'monthly_reports',
  {
    siteId: uuid('site_id').notNull().references(() => sites.id),
    month: text('month').notNull(),
    generatedAt: ts('generated_at').notNull(),
    automatic: boolean('automatic').notNull(),
    snapshot: jsonb('snapshot').notNull(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.month] })],
);
