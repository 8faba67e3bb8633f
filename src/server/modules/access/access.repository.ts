import { and, count, eq, gt, isNull, sql } from 'drizzle-orm';
import { rows as rowsOf, type Conn } from '../../platform/db';
import type { Membership, Role } from '../../platform/authz';
import { agencies, sites } from '../catalog/catalog.schema';
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

export interface MembershipView extends Membership {
  siteName: string | null;
  agencyName: string | null;
}

export async function membershipsOf(conn: Conn, userId: string): Promise<MembershipView[]> {
  const rows = await conn
    .select({
      role: memberships.role,
      siteId: memberships.siteId,
      agencyId: memberships.agencyId,
      siteName: sites.name,
      agencyName: agencies.shortName,
    })
    .from(memberships)
    .leftJoin(sites, eq(sites.id, memberships.siteId))
    .leftJoin(agencies, eq(agencies.id, memberships.agencyId))
    .where(eq(memberships.userId, userId));
  return rows.map((r) => ({ ...r, role: r.role as Role }));
}

export async function insertSession(conn: Conn, row: typeof sessions.$inferInsert): Promise<void> {
  await conn.insert(sessions).values(row);
}

/**
 * A live session, its user and memberships (with site and agency names) in one round trip: this
 * runs on every staff request.
 */
export async function findLiveSession(conn: Conn, tokenHash: string, now: Date) {
  const [r] = await rowsOf<{
    session_id: string; id: string; username: string; display_name: string; locale: string | null; active: boolean; memberships: MembershipView[] | null;
  }>(
    conn,
    sql`SELECT s.id AS session_id, u.id, u.username, u.display_name, u.locale, u.active,
          (SELECT json_agg(json_build_object('role', m.role, 'siteId', m.site_id, 'agencyId', m.agency_id,
                   'siteName', st.name, 'agencyName', a.short_name))
             FROM memberships m
             LEFT JOIN sites st ON st.id = m.site_id
             LEFT JOIN agencies a ON a.id = m.agency_id
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
export async function claimPairing(conn: Conn, codeHash: string, now: Date, deviceId: string) {
  const [p] = await conn
    .update(devicePairings)
    .set({ claimedAt: now, deviceId })
    .where(and(eq(devicePairings.codeHash, codeHash), isNull(devicePairings.claimedAt), gt(devicePairings.expiresAt, now)))
    .returning();
  return p;
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
