import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { services, sites } from '../catalog/catalog.schema';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Seats per slot. `booked <= capacity` is a CHECK and every seat is taken with one conditional
 * upsert, so no interleaving of requests can overbook a slot.
 */
export const bookingSlots = pgTable(
  'booking_slots',
  {
    serviceId: uuid('service_id').notNull().references(() => services.id),
    start: ts('start').notNull(),
    capacity: integer('capacity').notNull(),
    booked: integer('booked').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.start] }), check('booking_slots_capacity_ck', sql`${t.booked} >= 0 AND ${t.booked} <= ${t.capacity}`)],
);

/** Per service and day: capacity overrides and closed days set by the operator. */
export const bookingDayOverrides = pgTable(
  'booking_day_overrides',
  {
    serviceId: uuid('service_id').notNull().references(() => services.id),
    date: date('date', { mode: 'string' }).notNull(),
    /** null: computed capacity; 0 with closed = true: no bookings that day. */
    capacityPerSlot: integer('capacity_per_slot'),
    closed: integer('closed').notNull().default(0),
    reason: text('reason'),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.date] })],
);

export const bookings = pgTable(
  'bookings',
  {
    id: uuid('id').primaryKey(),
    siteId: uuid('site_id').notNull().references(() => sites.id),
    serviceId: uuid('service_id').notNull().references(() => services.id),
    /** Short, unambiguous, unguessable public code. */
    code: text('code').notNull().unique(),
    slotStart: ts('slot_start').notNull(),
    slotEnd: ts('slot_end').notNull(),
    /** The slot's date in the site's zone (per-day rules). */
    localDate: date('local_date', { mode: 'string' }).notNull(),
    /** HMAC blind index of the NIK: lookups and fairness rules without storing it readable. */
    nikHash: text('nik_hash'),
    nikEnc: text('nik_enc'),
    nameEnc: text('name_enc'),
    phoneEnc: text('phone_enc'),
    emailEnc: text('email_enc'),
    status: text('status').notNull(),
    createdAt: ts('created_at').notNull(),
    cancelledAt: ts('cancelled_at'),
    checkedInAt: ts('checked_in_at'),
    ticketId: uuid('ticket_id'),
    noShowAt: ts('no_show_at'),
    purgedAt: ts('purged_at'),
    /** Rescheduled: the booking that replaced this (cancelled) one, so its old code points on. */
    replacedById: uuid('replaced_by_id').references((): AnyPgColumn => bookings.id),
  },
  (t) => [
    // One NIK, one live booking per service per day.
    uniqueIndex('bookings_nik_service_day_uq').on(t.nikHash, t.serviceId, t.localDate).where(sql`${t.status} IN ('booked', 'checked_in')`),
    index('bookings_service_day_idx').on(t.serviceId, t.localDate),
    index('bookings_nik_idx').on(t.nikHash, t.localDate),
    // The admin's day list finds where each booking came from.
    index('bookings_replaced_by_idx').on(t.replacedById),
  ],
);
