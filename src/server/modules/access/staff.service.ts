/**
 * Staff of one site: the site admin creates officers and agency admins, lists them, changes their
 * roles in the site, deactivates them and resets their passwords. Users and memberships are this
 * module's tables; other modules (the catalogue's counter assignment) use staffLookup().
 */
import { naturalCompare } from '../../../domain/natural-order';
import { uuidv7 } from 'uuidv7';
import { recordAudit } from '../../platform/audit';
import { agencyScope, authorize, can, type Actor, type Membership } from '../../platform/authz';
import type { AppContext, Caller } from '../../platform/context';
import { randomCode } from '../../platform/crypto';
import { ambientConn, type Conn } from '../../platform/db';
import { appError, fieldError, notFound, type FieldError } from '../../platform/errors';
import { rankByQuery } from '../../../domain/search';
import * as repo from './access.repository';
import { hashPassword } from './passwords';
import { assertSiteExists, withAgencyNames } from './scopes';
import type { StaffRole } from '../../../domain/policy';
import { insertUserWithRoles } from './users.service';

const AGENCY_ROLES = new Set<StaffRole>(['agency_admin', 'officer']);

function present(u: Awaited<ReturnType<typeof withAgencyNames<repo.StaffRow>>>[number], siteId: string) {
  const here = u.memberships.filter((m) => m.siteId === siteId);
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    active: u.active,
    isDemo: u.isDemo,
    memberships: here.map((m) => ({ role: m.role, agencyId: m.agencyId, agencyName: m.agencyName })),
    elsewhere: u.memberships.some((m) => m.siteId !== siteId),
    createdAt: u.createdAt.toISOString(),
  };
}

/** No authorization: for other modules that show or check staff (counter officers). */
export const staffLookup = (ctx: AppContext, userIds: readonly string[], conn: Conn = ambientConn(ctx.db)) => repo.staffByIds(conn, userIds);

/** Whether a user may serve at a counter of an agency (officer or admin covering it). */
export function canServe(u: Pick<repo.StaffRow, 'id' | 'username' | 'active' | 'memberships'>, siteId: string, agencyId: string): boolean {
  if (!u.active) return false;
  const actor: Actor = { kind: 'user', id: u.id, username: u.username, memberships: u.memberships as Membership[], sessionId: null };
  return can(actor, 'queue.serve', { siteId, agencyId });
}

/**
 * The site's staff with search and pages. A site admin sees everyone with a role in the site; an
 * agency admin sees the staff of their own agencies (to assign officers to counters).
 */
export async function listStaff(
  ctx: AppContext,
  caller: Caller,
  siteId: string,
  q: { q?: string; page: number; pageSize: number; status: 'all' | 'active' | 'inactive'; role?: StaffRole; agencyId?: string },
) {
  if (caller.actor.kind === 'anonymous') throw appError('auth.unauthenticated');
  const scope = can(caller.actor, 'site.manage', { siteId }) ? { all: true as const } : agencyScope(caller.actor, 'catalog.manage', siteId);
  if (!scope) throw appError('auth.forbidden');
  // Natural order: "Petugas 2" before "Petugas 10" (a search ranks its own way below).
  let rows = (await withAgencyNames(ctx, await repo.staffOfSite(ctx.db, siteId))).sort((a, b) => naturalCompare(a.displayName, b.displayName) || naturalCompare(a.username, b.username));
  if (!scope.all) rows = rows.filter((u) => u.memberships.some((m) => m.siteId === siteId && m.agencyId !== null && scope.agencyIds.includes(m.agencyId)));
  if (q.status !== 'all') rows = rows.filter((u) => u.active === (q.status === 'active'));
  if (q.role) rows = rows.filter((u) => u.memberships.some((m) => m.siteId === siteId && m.role === q.role));
  if (q.agencyId) rows = rows.filter((u) => u.memberships.some((m) => m.siteId === siteId && m.agencyId === q.agencyId));
  rows = rankByQuery(rows, q.q, (u) => [
    { text: u.username, weight: 2 },
    { text: u.displayName, weight: 2 },
    { text: u.memberships.map((m) => m.agencyName ?? ''), weight: 1 },
  ]);
  return { items: rows.slice((q.page - 1) * q.pageSize, q.page * q.pageSize).map((u) => present(u, siteId)), total: rows.length, page: q.page, pageSize: q.pageSize };
}

type MembershipInput = { role: StaffRole; agencyId: string | null };

/** Agency roles need an agency of this site; site roles need none. */
async function checkMemberships(ctx: AppContext, siteId: string, list: MembershipInput[]): Promise<void> {
  const errors: FieldError[] = [];
  const { agencies } = await ctx.scopes.find(ctx, { agencyIds: list.flatMap((m) => (m.agencyId ? [m.agencyId] : [])) });
  for (const [i, m] of list.entries()) {
    const field = `body.memberships.${i}.agencyId`;
    if (AGENCY_ROLES.has(m.role)) {
      if (!m.agencyId) {
        errors.push({ field, code: 'required', messages: { id: 'Pilih instansi untuk peran ini.', en: 'Choose the agency for this role.' } });
        continue;
      }
      const agency = agencies.get(m.agencyId);
      if (!agency || agency.siteId !== siteId) errors.push({ field, code: 'unknown_agency', messages: { id: 'Instansi tidak ada di MPP ini.', en: 'No such agency in this site.' } });
    } else if (m.role === 'site_admin' && m.agencyId) {
      errors.push({ field, code: 'not_allowed', messages: { id: 'Admin MPP berlaku untuk seluruh MPP, tanpa instansi.', en: 'A site admin covers the whole site: no agency.' } });
    }
  }
  if (errors.length) throw appError('validation_failed', { errors });
}

/** Site admin: a new staff user with roles in this site. */
export async function createStaff(ctx: AppContext, caller: Caller, siteId: string, input: { username: string; displayName: string; password: string; memberships: MembershipInput[] }) {
  authorize(caller.actor, 'site.manage', { siteId });
  // A platform admin may name any site id: an unknown one is a 404, not a foreign-key failure.
  await assertSiteExists(ctx, siteId);
  await checkMemberships(ctx, siteId, input.memberships);
  const user = await ctx.db.transaction(async (tx) => {
    const u = await insertUserWithRoles(tx, ctx.clock.now(), {
      username: input.username,
      displayName: input.displayName,
      password: input.password,
      memberships: dedupe(input.memberships).map((m) => ({ role: m.role, siteId, agencyId: m.agencyId })),
    });
    await recordAudit(tx, ctx.clock, caller.actor, caller.ip, {
      action: 'staff.created',
      siteId,
      targetType: 'user',
      targetId: u.id,
      details: { username: u.username, memberships: input.memberships },
    });
    return u;
  });
  const [row] = await withAgencyNames(ctx, await repo.staffByIds(ctx.db, [user.id]));
  return present(row, siteId);
}

function dedupe(list: MembershipInput[]): MembershipInput[] {
  const seen = new Set<string>();
  return list.filter((m) => {
    const k = `${m.role}:${m.agencyId ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

async function loadStaff(ctx: AppContext, siteId: string, userId: string): Promise<repo.StaffRow> {
  const [u] = await repo.staffByIds(ctx.db, [userId]);
  if (!u || !u.memberships.some((m) => m.siteId === siteId)) throw notFound('Petugas', 'Staff member');
  return u;
}

/** Account-wide changes (active, password, name) need the right over every role the user holds. */
function authorizeWholeUser(actor: Actor, u: repo.StaffRow): void {
  for (const m of u.memberships) {
    if (m.siteId === null || m.role === 'platform_admin') authorize(actor, 'platform.manage');
    else authorize(actor, 'site.manage', { siteId: m.siteId });
  }
}

function notSelf(actor: Actor, userId: string, field: string): void {
  if (actor.kind === 'user' && actor.id === userId) {
    throw fieldError(field, 'self', { id: 'Anda tidak dapat melakukan ini pada akun sendiri.', en: 'You cannot do this to your own account.' });
  }
}

/** Site admin: display name and the user's roles in this site (roles elsewhere are kept). */
export async function updateStaff(ctx: AppContext, caller: Caller, siteId: string, userId: string, input: { displayName?: string; memberships?: MembershipInput[] }) {
  authorize(caller.actor, 'site.manage', { siteId });
  const u = await loadStaff(ctx, siteId, userId);
  if (input.displayName !== undefined && input.displayName !== u.displayName) authorizeWholeUser(caller.actor, u);
  if (input.memberships) {
    await checkMemberships(ctx, siteId, input.memberships);
    const before = u.memberships.some((m) => m.siteId === siteId && m.role === 'site_admin');
    const after = input.memberships.some((m) => m.role === 'site_admin');
    if (caller.actor.kind === 'user' && caller.actor.id === userId && before && !after) {
      throw fieldError('body.memberships', 'self', { id: 'Anda tidak dapat mencabut peran admin MPP Anda sendiri.', en: 'You cannot remove your own site admin role.' });
    }
  }
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    if (input.displayName !== undefined && input.displayName !== u.displayName) await repo.updateUser(tx, userId, { displayName: input.displayName });
    if (input.memberships) {
      await repo.deleteSiteMemberships(tx, userId, siteId);
      for (const m of dedupe(input.memberships)) await repo.insertMembership(tx, { id: uuidv7(), userId, role: m.role, siteId, agencyId: m.agencyId, createdAt: now });
    }
    await recordAudit(tx, ctx.clock, caller.actor, caller.ip, {
      action: 'staff.updated',
      siteId,
      targetType: 'user',
      targetId: userId,
      details: {
        ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
        ...(input.memberships ? { memberships: { from: u.memberships.filter((m) => m.siteId === siteId).map(({ role, agencyId }) => ({ role, agencyId })), to: input.memberships } } : {}),
      },
    });
  });
  const [row] = await withAgencyNames(ctx, await repo.staffByIds(ctx.db, [userId]));
  return present(row, siteId);
}

/** Site admin: disables or re-enables an account; disabling signs it out everywhere. */
export async function setStaffActive(ctx: AppContext, caller: Caller, siteId: string, userId: string, active: boolean) {
  authorize(caller.actor, 'site.manage', { siteId });
  const u = await loadStaff(ctx, siteId, userId);
  authorizeWholeUser(caller.actor, u);
  if (!active) notSelf(caller.actor, userId, 'userId');
  if (u.active !== active) {
    await ctx.db.transaction(async (tx) => {
      await repo.updateUser(tx, userId, { active });
      if (!active) await repo.revokeAllSessions(tx, userId, ctx.clock.now());
      await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action: active ? 'staff.activated' : 'staff.deactivated', siteId, targetType: 'user', targetId: userId, details: { username: u.username } });
    });
  }
  const [row] = await withAgencyNames(ctx, await repo.staffByIds(ctx.db, [userId]));
  return present(row, siteId);
}

/**
 * Site admin: sets a new password (or generates a temporary one, returned once) and signs the
 * user out everywhere. Own password: POST /auth/password.
 */
export async function resetStaffPassword(ctx: AppContext, caller: Caller, siteId: string, userId: string, input: { password?: string }) {
  authorize(caller.actor, 'site.manage', { siteId });
  const u = await loadStaff(ctx, siteId, userId);
  authorizeWholeUser(caller.actor, u);
  notSelf(caller.actor, userId, 'userId');
  const generated = input.password ? null : `${randomCode(4)}-${randomCode(4)}-${randomCode(4)}`;
  const hash = await hashPassword(input.password ?? generated!);
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    await repo.updatePassword(tx, userId, hash, now);
    await repo.revokeAllSessions(tx, userId, now);
    await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action: 'staff.password_reset', siteId, targetType: 'user', targetId: userId, details: { username: u.username, generated: generated !== null } });
  });
  return { temporaryPassword: generated };
}
