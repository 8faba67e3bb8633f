import { sql } from 'drizzle-orm';
import { boolean, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

import { storedFiles } from '../files/files.schema';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export type TimeRange = { start: string; end: string };
export type WeeklyHoursJson = Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', TimeRange[]>>;

export const sites = pgTable('sites', {
  id: uuid('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  regency: text('regency').notNull().default(''),
  province: text('province').notNull().default(''),
  address: text('address').notNull().default(''),
  latitude: doublePrecision('latitude'),
  longitude: doublePrecision('longitude'),
  timeZone: text('time_zone').notNull(),
  status: text('status').notNull().default('operating'),
  phone: text('phone'),
  email: text('email'),
  whatsapp: text('whatsapp'),
  website: text('website'),
  /** What the public page says about the site (opening note, directions). */
  description: text('description').notNull().default(''),
  maklumat: text('maklumat'),
  /** Per-site policy knobs (queue policy, booking policy); validated by zod in the services. */
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export const agencies = pgTable(
  'agencies',
  {
    id: uuid('id').primaryKey(),
    siteId: uuid('site_id').notNull().references(() => sites.id),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    /** The agency's logo (stored_files, public). */
    logoFileId: uuid('logo_file_id').references(() => storedFiles.id),
    description: text('description').notNull().default(''),
    phone: text('phone'),
    email: text('email'),
    website: text('website'),
    agreementNumber: text('agreement_number'),
    agreementSignedOn: date('agreement_signed_on', { mode: 'string' }),
    agreementValidUntil: date('agreement_valid_until', { mode: 'string' }),
    /** The scanned, signed agreement (stored_files). */
    agreementFileId: uuid('agreement_file_id').references(() => storedFiles.id),
    hours: jsonb('hours').$type<WeeklyHoursJson>().notNull().default(sql`'{}'::jsonb`),
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [unique('agencies_site_short_uq').on(t.siteId, t.shortName), index('agencies_site_idx').on(t.siteId)],
);

/**
 * Keys are unique across the platform (a requirement names a key). `site_id` null: a shared type,
 * the platform admin's (KTP-el, KK …); otherwise the type of that site only, which its admins
 * manage and only its services may require.
 */
export const documentTypes = pgTable(
  'document_types',
  {
    id: uuid('id').primaryKey(),
    key: text('key').notNull().unique(),
    name: text('name').notNull(),
    description: text('description'),
    active: boolean('active').notNull().default(true),
    siteId: uuid('site_id').references(() => sites.id),
  },
  (t) => [index('document_types_site_idx').on(t.siteId)],
);

export type RequirementJson = { documentTypeKey: string; note?: string };
export type InternalStandardJson = {
  legalBasis?: string; facilities?: string; competence?: string; supervision?: string;
  staffCount?: number; guarantee?: string; security?: string; evaluation?: string;
};

export const services = pgTable(
  'services',
  {
    id: uuid('id').primaryKey(),
    siteId: uuid('site_id').notNull().references(() => sites.id),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    code: text('code').notNull(),
    prefix: text('prefix').notNull(),
    name: text('name').notNull(),
    keywords: text('keywords').array().notNull().default(sql`'{}'::text[]`),
    description: text('description').notNull().default(''),
    requirements: jsonb('requirements').$type<RequirementJson[]>().notNull().default(sql`'[]'::jsonb`),
    procedure: jsonb('procedure').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    durationValue: integer('duration_value').notNull().default(0),
    durationUnit: text('duration_unit').notNull().default('minutes'),
    durationText: text('duration_text'),
    fee: integer('fee').notNull().default(0),
    feeBasis: text('fee_basis').notNull().default(''),
    /** "Sesuai tarif": the fee depends on the case (e.g. a tax); `fee` is then the starting amount or 0. */
    feeVariable: boolean('fee_variable').notNull().default(false),
    product: text('product').notNull().default(''),
    complaintChannel: text('complaint_channel').notNull().default(''),
    internal: jsonb('internal').$type<InternalStandardJson>().notNull().default(sql`'{}'::jsonb`),
    /** Overrides the agency's hours when set. */
    hours: jsonb('hours').$type<WeeklyHoursJson | null>(),
    handlingMinutes: integer('handling_minutes').notNull().default(10),
    bookable: boolean('bookable').notNull().default(false),
    walkInQuota: integer('walk_in_quota').notNull().default(100),
    bookingQuota: integer('booking_quota').notNull().default(0),
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    unique('services_site_code_uq').on(t.siteId, t.code),
    unique('services_site_prefix_uq').on(t.siteId, t.prefix),
    index('services_agency_idx').on(t.agencyId),
  ],
);

export const counters = pgTable(
  'counters',
  {
    id: uuid('id').primaryKey(),
    siteId: uuid('site_id').notNull().references(() => sites.id),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    number: integer('number').notNull(),
    name: text('name').notNull(),
    zone: text('zone').notNull().default(''),
    /** Where in the building a citizen finds it ("Lantai 2, Zona B, dekat eskalator"): printed on tickets, shown on the TV. */
    location: text('location').notNull().default(''),
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [unique('counters_site_number_uq').on(t.siteId, t.number)],
);

export const counterServices = pgTable(
  'counter_services',
  {
    counterId: uuid('counter_id').notNull().references(() => counters.id),
    serviceId: uuid('service_id').notNull().references(() => services.id),
  },
  (t) => [primaryKey({ columns: [t.counterId, t.serviceId] }), index('counter_services_service_idx').on(t.serviceId)],
);

/** Officers assigned to counters (an officer may staff several counters on different days). */
export const counterAssignments = pgTable(
  'counter_assignments',
  {
    counterId: uuid('counter_id').notNull().references(() => counters.id),
    userId: uuid('user_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.counterId, t.userId] })],
);

/**
 * National holidays and cuti bersama (site_id null, kind 'national' | 'cuti_bersama'), and a
 * site's own days (site_id set): kind 'closure' closes the site, kind 'open' keeps it open on a
 * national holiday or cuti bersama day.
 */
export const holidays = pgTable(
  'holidays',
  {
    id: uuid('id').primaryKey(),
    siteId: uuid('site_id').references(() => sites.id),
    date: date('date', { mode: 'string' }).notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [unique('holidays_site_date_uq').on(t.siteId, t.date).nullsNotDistinct()],
);
