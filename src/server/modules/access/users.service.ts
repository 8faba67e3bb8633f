import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { appError, type FieldError } from '../../platform/errors';
import { authorize, type Role } from '../../platform/authz';
import { recordAudit } from '../../platform/audit';
import type { AppContext, Caller } from '../../platform/context';
import type { Conn } from '../../platform/db';
import { accessError } from './access.errors';
import * as repo from './access.repository';
import { hashPassword } from './passwords';
import { knownScopes } from './scopes';

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  memberships: Array<{ role: Role; siteId: string | null; agencyId: string | null }>;
}

/** Inserts a user and its memberships; used by setup, the CLI, the admin UI and the demo seed. */
export async function insertUserWithRoles(conn: Conn, now: Date, input: NewUser): Promise<repo.UserRow> {
  const user = await repo.insertUser(conn, {
    id: uuidv7(),
    username: input.username.trim().toLowerCase(),
    displayName: input.displayName.trim(),
    passwordHash: await hashPassword(input.password),
    createdAt: now,
    passwordChangedAt: now,
  });
  if (!user) throw accessError('user.username_taken', { errors: [{ field: 'body.username', code: 'taken', messages: { id: 'Nama pengguna sudah dipakai.', en: 'Username already taken.' } }] });
  for (const m of input.memberships) {
    await repo.insertMembership(conn, { id: uuidv7(), userId: user.id, role: m.role, siteId: m.siteId, agencyId: m.agencyId, createdAt: now });
  }
  return user;
}

/**
 * The demo logins (usable only in demo mode: every start switches them on or off, see
 * setDemoLoginsActive), each with its memberships and the one demo password, hashed once by the
 * caller (argon2 is slow on purpose). A username that exists is left alone. Returns the ids of the
 * users created, by username.
 */
export async function insertDemoUsers(conn: Conn, now: Date, passwordHash: string, list: Array<Omit<NewUser, 'password'>>): Promise<Map<string, string>> {
  const created = new Map<string, string>();
  for (const input of list) {
    const user = await repo.insertUser(conn, { id: uuidv7(), username: input.username, displayName: input.displayName, passwordHash, isDemo: true, createdAt: now, passwordChangedAt: now });
    if (!user) continue;
    for (const m of input.memberships) await repo.insertMembership(conn, { id: uuidv7(), userId: user.id, role: m.role, siteId: m.siteId, agencyId: m.agencyId, createdAt: now });
    created.set(user.username, user.id);
  }
  return created;
}

export async function setupNeeded(ctx: AppContext): Promise<boolean> {
  return (await repo.countUsers(ctx.db)) === 0;
}

/**
 * First run: creates the first platform admin while no user exists. An advisory lock makes two
 * simultaneous setup requests safe: the second sees a user and is refused.
 */
export async function createFirstAdmin(ctx: AppContext, caller: Caller, input: { username: string; displayName: string; password: string }) {
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('loket:setup'))`);
    if ((await repo.countUsers(tx)) > 0) throw accessError('setup.already_done');
    const user = await insertUserWithRoles(tx, ctx.clock.now(), { ...input, memberships: [{ role: 'platform_admin', siteId: null, agencyId: null }] });
    await recordAudit(tx, ctx.clock, { kind: 'user', id: user.id, username: user.username, memberships: [], sessionId: null }, caller.ip, {
      action: 'setup.first_admin',
      targetType: 'user',
      targetId: user.id,
    });
    return user;
  });
}

/** Every site and agency a membership names exists (the agency in that site): else a 400 naming it. */
async function checkReferences(ctx: AppContext, memberships: NewUser['memberships']): Promise<void> {
  const errors: FieldError[] = [];
  const known = await knownScopes(ctx, memberships);
  for (const [i, m] of memberships.entries()) {
    if (m.siteId && !known.sites.has(m.siteId)) {
      errors.push({ field: `body.memberships.${i}.siteId`, code: 'unknown_site', messages: { id: 'MPP tidak ditemukan.', en: 'No such site.' } });
      continue;
    }
    if (!m.agencyId) continue;
    const agency = known.agencies.get(m.agencyId);
    if (!agency || agency.siteId !== m.siteId) {
      errors.push({ field: `body.memberships.${i}.agencyId`, code: 'unknown_agency', messages: { id: 'Instansi tidak ada di MPP ini.', en: 'No such agency in this site.' } });
    }
  }
  if (errors.length) throw appError('validation_failed', { errors });
}

/** Staff user creation by an admin; site admins may only grant roles inside their own site. */
export async function createUser(ctx: AppContext, caller: Caller, input: NewUser) {
  for (const m of input.memberships) {
    if (m.role === 'platform_admin' || m.siteId === null) authorize(caller.actor, 'platform.manage');
    else authorize(caller.actor, 'site.manage', { siteId: m.siteId });
  }
  await checkReferences(ctx, input.memberships);
  return ctx.db.transaction(async (tx) => {
    const user = await insertUserWithRoles(tx, ctx.clock.now(), input);
    await recordAudit(tx, ctx.clock, caller.actor, caller.ip, {
      action: 'user.created',
      siteId: input.memberships[0]?.siteId ?? null,
      targetType: 'user',
      targetId: user.id,
      details: { username: user.username, roles: input.memberships.map((m) => m.role) },
    });
    return user;
  });
}
