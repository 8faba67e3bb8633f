import { sql, type SQL } from 'drizzle-orm';
import { auditLog } from '../db/audit.schema';
import { actorLabel, type Actor } from './authz';
import type { Clock } from './clock';
import type { Conn } from './db';
import { deferredWrites } from './deferred';

export interface AuditEntry {
  action: string;
  siteId?: string | null;
  agencyId?: string | null;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
}

/**
 * Append one audit row. Call it inside the transaction of the change it records, so the record
 * exists exactly when the change does. Inside `transact` the row is written with the
 * transaction's events, in the same statement, just before commit (platform/tx).
 */
export async function recordAudit(conn: Conn, clock: Clock, actor: Actor, ip: string | null, entry: AuditEntry): Promise<void> {
  const row = auditValues(clock, actor, ip, entry);
  const later = deferredWrites(conn);
  if (later) later.add(auditCte([row], `outbox_a${later.count()}`));
  else await conn.insert(auditLog).values(row);
}

export type AuditRow = typeof auditLog.$inferInsert;

/** The audit row of an entry (what `recordAudit` writes). */
export function auditValues(clock: Clock, actor: Actor, ip: string | null, entry: AuditEntry): AuditRow {
  return {
    at: clock.now(),
    actorUserId: actor.kind === 'user' ? actor.id : null,
    actorDeviceId: actor.kind === 'device' ? actor.id : null,
    actorLabel: actorLabel(actor),
    action: entry.action,
    siteId: entry.siteId ?? null,
    agencyId: entry.agencyId ?? null,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    ip,
    details: entry.details ?? {},
  };
}

/**
 * The CTE `name AS (…)` that appends `rows` to the audit log, with `when` (the name of another
 * CTE of the statement) only if that CTE returned a row (platform/tx writes the outbox with it).
 */
export function auditCte(rows: AuditRow[], name: string, when?: string): SQL {
  const values = rows.map(
    (r) =>
      sql`(${r.at!.toISOString()}::timestamptz, ${r.actorUserId ?? null}::uuid, ${r.actorDeviceId ?? null}::uuid, ${r.actorLabel ?? null}::text, ${r.action}::text,
           ${r.siteId ?? null}::uuid, ${r.agencyId ?? null}::uuid, ${r.targetType ?? null}::text, ${r.targetId ?? null}::text, ${r.ip ?? null}::text,
           ${JSON.stringify(r.details ?? {})}::jsonb)`,
  );
  return sql`${sql.identifier(name)} AS (
    INSERT INTO audit_log (at, actor_user_id, actor_device_id, actor_label, action, site_id, agency_id, target_type, target_id, ip, details)
    SELECT v.* FROM (VALUES ${sql.join(values, sql`, `)}) AS v${when ? sql` WHERE EXISTS (SELECT 1 FROM ${sql.identifier(when)})` : sql``})`;
}
