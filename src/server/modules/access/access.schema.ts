import { boolean, index, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { agencies, sites } from '../catalog/catalog.schema';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  locale: text('locale'),
  active: boolean('active').notNull().default(true),
  /** Demo logins are usable only while the server runs in demo mode. */
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: ts('created_at').notNull(),
  passwordChangedAt: ts('password_changed_at').notNull(),
});

/** A role held in a scope: platform-wide (no site), a site, or one agency in one site. */
export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id').notNull().references(() => users.id),
    role: text('role').notNull(),
    siteId: uuid('site_id').references(() => sites.id),
    agencyId: uuid('agency_id').references(() => agencies.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [unique('memberships_scope_uq').on(t.userId, t.role, t.siteId, t.agencyId).nullsNotDistinct()],
);

export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id').notNull().references(() => users.id),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const devices = pgTable('devices', {
  id: uuid('id').primaryKey(),
  siteId: uuid('site_id').notNull().references(() => sites.id),
  role: text('role').notNull(),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: ts('created_at').notNull(),
  lastSeenAt: ts('last_seen_at'),
  revokedAt: ts('revoked_at'),
});

export const devicePairings = pgTable('device_pairings', {
  id: uuid('id').primaryKey(),
  siteId: uuid('site_id').notNull().references(() => sites.id),
  role: text('role').notNull(),
  name: text('name').notNull(),
  codeHash: text('code_hash').notNull().unique(),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: ts('created_at').notNull(),
  expiresAt: ts('expires_at').notNull(),
  claimedAt: ts('claimed_at'),
  deviceId: uuid('device_id').references(() => devices.id),
});
