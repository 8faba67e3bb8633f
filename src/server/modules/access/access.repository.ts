import { and, asc, count, desc, eq, gt, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { auditLog } from '../../db/audit.schema';
import { rows as rowsOf, type Conn } from '../../platform/db';
import type { Membership, Role } from '../../platform/authz';
import { devicePairings, devices, memberships, sessions, users } from './access.schema';

export type UserRow = typeof users.$inferSelect;
export type DeviceRow = typeof devices.$inferSelect;

export async function countUsers(conn: Conn): Promise<number> {
  const [r] = await conn.select({ n: count() }).from(users);
  return r.n;
}

export async function findUserByUsername(conn: Conn, username: string): Promise<UserRow | undefined> {
  const [u] = await conn.select().from(users).where(eq(users.username, username.toLowerCase()));
  return u;
}

export async function findUserById(conn: Conn, id: string): Promise<UserRow | undefined> {
  const [u] = await conn.select().from(users).where(eq(users.id, id));
  return u;
}

export async function insertUser(conn: Conn, row: typeof users.$inferInsert): Promise<UserRow | undefined> {
  const [u] = await conn.insert(users).values(row).onConflictDoNothing({ target: users.username }).returning();
  return u;
}

export async function updatePassword(conn: Conn, userId: string, hash: string, at: Date): Promise<void> {
  await conn.update(users).set({ passwordHash: hash, passwordChangedAt: at }).where(eq(users.id, userId));
}

export async function updateLocale(conn: Conn, userId: string, locale: string | null): Promise<void> {
  await conn.update(users).set({ locale }).where(eq(users.id, userId));
}

export async function insertMembership(conn: Conn, row: typeof memberships.$inferInsert): Promise<void> {
  await conn.insert(memberships).values(row).onConflictDoNothing();
}

/** A user's memberships (the names of their sites and agencies come from the catalogue: ./scopes). */
export async function membershipsOf(conn: Conn, userId: string): Promise<Membership[]> {
  const rows = await conn
    .select({ role: memberships.role, siteId: memberships.siteId, agencyId: memberships.agencyId })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  return rows.map((r) => ({ ...r, role: r.role as Role }));
}

export async function insertSession(conn: Conn, row: typeof sessions.$inferInsert): Promise<void> {
  await conn.insert(sessions).values(row);
}

/**
 * A live session, its user and memberships in one round trip: this runs on every staff request.
 * (The names of the sites and agencies, shown by /auth/me, come from the catalogue: ./scopes.)
 */
export async function findLiveSession(conn: Conn, tokenHash: string, now: Date) {
  const [r] = await rowsOf<{
    session_id: string; id: string; username: string; display_name: string; locale: string | null; active: boolean; memberships: Membership[] | null;
  }>(
    conn,
    sql`SELECT s.id AS session_id, u.id, u.username, u.display_name, u.locale, u.active,
          (SELECT json_agg(json_build_object('role', m.role, 'siteId', m.site_id, 'agencyId', m.agency_id))
             FROM memberships m
            WHERE m.user_id = u.id) AS memberships
        FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = ${tokenHash} AND s.revoked_at IS NULL AND s.expires_at > ${now.toISOString()}`,
  );
  if (!r) return undefined;
  return {
    sessionId: r.session_id,
    active: r.active,
    profile: { id: r.id, username: r.username, displayName: r.display_name, locale: r.locale as 'id' | 'en' | null, memberships: r.memberships ?? [] },
  };
}

export async function revokeSession(conn: Conn, sessionId: string, at: Date): Promise<void> {
  await conn.update(sessions).set({ revokedAt: at }).where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

export async function revokeOtherSessions(conn: Conn, userId: string, keepSessionId: string | null, at: Date): Promise<void> {
  await conn
    .update(sessions)
    .set({ revokedAt: at })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), keepSessionId ? sql`${sessions.id} <> ${keepSessionId}` : undefined));
}

export async function insertPairing(conn: Conn, row: typeof devicePairings.$inferInsert): Promise<void> {
  await conn.insert(devicePairings).values(row);
}

/** Claims a pairing exactly once: the conditional update is the lock. */
export async function claimPairing(conn: Conn, codeHash: string, now: Date) {
  const [p] = await conn
    .update(devicePairings)
    .set({ claimedAt: now })
    .where(and(eq(devicePairings.codeHash, codeHash), isNull(devicePairings.claimedAt), gt(devicePairings.expiresAt, now)))
    .returning();
  return p;
}

export async function linkPairingToDevice(conn: Conn, pairingId: string, deviceId: string): Promise<void> {
  await conn.update(devicePairings).set({ deviceId }).where(eq(devicePairings.id, pairingId));
}

export async function insertDevice(conn: Conn, row: typeof devices.$inferInsert): Promise<DeviceRow> {
  const [d] = await conn.insert(devices).values(row).returning();
  return d;
}

export async function findLiveDevice(conn: Conn, tokenHash: string): Promise<DeviceRow | undefined> {
  const [d] = await conn.select().from(devices).where(and(eq(devices.tokenHash, tokenHash), isNull(devices.revokedAt)));
  return d;
}

export async function findDevice(conn: Conn, id: string): Promise<DeviceRow | undefined> {
  const [d] = await conn.select().from(devices).where(eq(devices.id, id));
  return d;
}

export function listDevices(conn: Conn, siteId: string) {
  return conn
    .select({
      id: devices.id,
      siteId: devices.siteId,
      role: devices.role,
      name: devices.name,
      createdAt: devices.createdAt,
      lastSeenAt: devices.lastSeenAt,
      revokedAt: devices.revokedAt,
    })
    .from(devices)
    .where(eq(devices.siteId, siteId))
    .orderBy(devices.createdAt);
}

export async function revokeDevice(conn: Conn, id: string, at: Date): Promise<boolean> {
  const r = await conn.update(devices).set({ revokedAt: at }).where(and(eq(devices.id, id), isNull(devices.revokedAt))).returning({ id: devices.id });
  return r.length > 0;
}

/** Demo logins never work outside demo mode: they are switched on or off at every start. */
export async function setDemoLoginsActive(conn: Conn, active: boolean): Promise<void> {
  await conn.update(users).set({ active }).where(eq(users.isDemo, true));
}

// ---------- staff of a site (used by staff.service.ts) ----------

export interface StaffRow {
  id: string;
  username: string;
  displayName: string;
  active: boolean;
  isDemo: boolean;
  createdAt: Date;
  memberships: Membership[];
}

/** Users with at least one membership in a site, each with all their memberships. */
export async function staffOfSite(conn: Conn, siteId: string): Promise<StaffRow[]> {
  const ids = conn.select({ id: memberships.userId }).from(memberships).where(eq(memberships.siteId, siteId));
  const us = await conn.select().from(users).where(inArray(users.id, ids)).orderBy(asc(users.username));
  return withMemberships(conn, us);
}

/** Users by id, each with all their memberships (unknown ids are left out). */
export async function staffByIds(conn: Conn, userIds: readonly string[]): Promise<StaffRow[]> {
  if (userIds.length === 0) return [];
  const us = await conn.select().from(users).where(inArray(users.id, [...userIds]));
  return withMemberships(conn, us);
}

async function withMemberships(conn: Conn, us: UserRow[]): Promise<StaffRow[]> {
  if (us.length === 0) return [];
  const ms = await conn
    .select({ userId: memberships.userId, role: memberships.role, siteId: memberships.siteId, agencyId: memberships.agencyId })
    .from(memberships)
    .where(inArray(memberships.userId, us.map((u) => u.id)));
  return us.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    active: u.active,
    isDemo: u.isDemo,
    createdAt: u.createdAt,
    memberships: ms.filter((m) => m.userId === u.id).map((m) => ({ role: m.role as Role, siteId: m.siteId, agencyId: m.agencyId })),
  }));
}

/** Removes a user's memberships in one site (roles elsewhere stay). */
export async function deleteSiteMemberships(conn: Conn, userId: string, siteId: string): Promise<void> {
  await conn.delete(memberships).where(and(eq(memberships.userId, userId), eq(memberships.siteId, siteId)));
}

export async function updateUser(conn: Conn, userId: string, patch: { displayName?: string; active?: boolean }): Promise<UserRow | undefined> {
  const [u] = await conn.update(users).set(patch).where(eq(users.id, userId)).returning();
  return u;
}

/** Signs a user out everywhere (deactivation, password reset). */
export async function revokeAllSessions(conn: Conn, userId: string, at: Date): Promise<void> {
  await conn.update(sessions).set({ revokedAt: at }).where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}

// ---------- the audit log, as staff read it (written by every module through platform/audit) ----------

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
