import { and, count, desc, eq, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import { auditLog, users } from '../modules/access/access.schema';
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

export interface AuditQuery {
  /** 'all', or the sites (whole) and agencies (own entries only) the reader may see. */
  scope: 'all' | { siteIds: string[]; agencyIds: string[] };
  siteId?: string;
  action?: string;
  actorId?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

export async function queryAudit(conn: Conn, q: AuditQuery) {
  const where: SQL[] = [];
  if (q.scope !== 'all') {
    const { siteIds, agencyIds } = q.scope;
    if (siteIds.length === 0 && agencyIds.length === 0) return { items: [], total: 0 };
    const parts: SQL[] = [];
    if (siteIds.length) parts.push(inArray(auditLog.siteId, siteIds));
    if (agencyIds.length) parts.push(inArray(auditLog.agencyId, agencyIds));
    where.push(or(...parts) as SQL);
  }
  if (q.siteId) where.push(eq(auditLog.siteId, q.siteId));
  if (q.action) where.push(eq(auditLog.action, q.action));
  if (q.actorId) where.push(eq(auditLog.actorUserId, q.actorId));
  if (q.from) where.push(gte(auditLog.at, q.from));
  if (q.to) where.push(lte(auditLog.at, q.to));
  const cond = where.length ? and(...where) : undefined;
  const [{ total }] = await conn.select({ total: count() }).from(auditLog).where(cond);
  const items = await conn
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorUserId: auditLog.actorUserId,
      actorLabel: auditLog.actorLabel,
      actorUsername: users.username,
      action: auditLog.action,
      siteId: auditLog.siteId,
      agencyId: auditLog.agencyId,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      ip: auditLog.ip,
      details: auditLog.details,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(cond)
    .orderBy(desc(auditLog.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items, total };
}
