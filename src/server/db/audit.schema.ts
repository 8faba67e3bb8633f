import { sql } from 'drizzle-orm';
import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * The audit trail every module writes through platform/audit (the platform's table, not a
 * module's). Append-only (a trigger refuses UPDATE and DELETE). No foreign keys: an entry outlives
 * what it names.
 */
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
