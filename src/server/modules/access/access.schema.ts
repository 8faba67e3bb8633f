import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
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

/** Fixed-window counters shared by every process (login throttling, per-IP limits). */
/** Failed-attempt limits (platform/rate-limit): one row per key, swept once expired. */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    /** Failures in the current window, or in a row (backoff). */
    count: integer('count').notNull().default(0),
    /** Attempts admitted and not yet settled. */
    pending: integer('pending').notNull().default(0),
    blockedUntil: ts('blocked_until'),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('rate_limits_expires_idx').on(t.expiresAt)],
);

/** Append-only (a trigger refuses UPDATE and DELETE). */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorDeviceId: uuid('actor_device_id'),
    actorLabel: text('actor_label'),
    action: text('action').notNull(),
    siteId: uuid('site_id'),
    agencyId: uuid('agency_id'),
    targetType: text('target_type'),
    targetId: text('target_id'),
    ip: text('ip'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [index('audit_at_idx').on(t.at), index('audit_site_at_idx').on(t.siteId, t.at), index('audit_actor_idx').on(t.actorUserId, t.at)],
);
