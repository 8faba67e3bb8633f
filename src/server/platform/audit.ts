import { and, count, desc, eq, gte, inArray, lte, or, type SQL } from 'drizzle-orm';
import { auditLog, users } from '../modules/access/access.schema';
import { actorLabel, type Actor } from './authz';
import type { Clock } from './clock';
import type { Conn } from './db';

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
 * exists exactly when the change does.
 */
export async function recordAudit(conn: Conn, clock: Clock, actor: Actor, ip: string | null, entry: AuditEntry): Promise<void> {
  await conn.insert(auditLog).values({
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
  });
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
