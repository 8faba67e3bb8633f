import { uuidv7 } from 'uuidv7';
import { appError, fieldError } from '../../platform/errors';
import type { Actor, Membership } from '../../platform/authz';
import { requireUser } from '../../platform/authz';
import { recordAudit } from '../../platform/audit';
import type { AppContext, Caller } from '../../platform/context';
import { hmac, randomToken, sha256 } from '../../platform/crypto';
import { admit, settle, type Outcome } from '../../platform/rate-limit';
import { accessError } from './access.errors';
import * as repo from './access.repository';
import { loginRules, signInRefused } from './login-limits';
import { withScopeNames } from './scopes';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords';

export interface SessionIssued {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: Awaited<ReturnType<typeof presentUser>>;
}

export async function presentUser(ctx: AppContext, user: repo.UserRow) {
  const memberships = await withScopeNames(ctx, await repo.membershipsOf(ctx.db, user.id));
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    locale: user.locale as 'id' | 'en' | null,
    memberships,
  };
}

/** The CSRF token is bound to the session: an attacker cannot mint one for a victim's cookie. */
export function csrfTokenFor(ctx: AppContext, sessionId: string): string {
  return hmac(ctx.keys.session, `csrf:${sessionId}`);
}

export async function startSession(ctx: AppContext, user: repo.UserRow, caller: Caller, userAgent?: string): Promise<SessionIssued> {
  const token = `ls_${randomToken()}`;
  const id = uuidv7();
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + ctx.config.sessionTtlHours * 3600_000);
  await repo.insertSession(ctx.db, { id, userId: user.id, tokenHash: sha256(token), createdAt: now, expiresAt, ip: caller.ip, userAgent: userAgent?.slice(0, 300) ?? null });
  return { token, csrfToken: csrfTokenFor(ctx, id), expiresAt, user: await presentUser(ctx, user) };
}

export async function login(ctx: AppContext, caller: Caller, input: { username: string; password: string }, userAgent?: string): Promise<SessionIssued> {
  const username = input.username.trim().toLowerCase();
  // Unknown usernames are limited like real ones: the limits say nothing about who exists.
  const rules = loginRules(username, caller.ip ?? 'unknown');
  const refused = await admit(ctx.db, rules, ctx.clock.now());
  if (refused) throw signInRefused(refused);

  let outcome: Outcome = 'abandoned';
  let user: repo.UserRow | undefined;
  try {
    user = await repo.findUserByUsername(ctx.db, username);
    const ok = await verifyPassword(user?.passwordHash, input.password);
    if (!user || !ok) {
      outcome = 'failure';
      await recordAudit(ctx.db, ctx.clock, { kind: 'anonymous' }, caller.ip, { action: 'auth.login_failed', details: { username } });
      throw accessError('auth.invalid_credentials');
    }
    // A disabled account with the right password is neither a guess nor a success.
    if (!user.active) throw accessError('auth.user_inactive');
    outcome = 'success';
  } finally {
    await settle(ctx.db, rules, outcome, ctx.clock.now());
  }
  const session = await startSession(ctx, user, caller, userAgent);
  await recordAudit(ctx.db, ctx.clock, { kind: 'user', id: user.id, username: user.username, memberships: [], sessionId: null }, caller.ip, {
    action: 'auth.login',
    targetType: 'user',
    targetId: user.id,
  });
  return session;
}

export async function logout(ctx: AppContext, caller: Caller): Promise<void> {
  if (caller.actor.kind !== 'user' || !caller.actor.sessionId) return;
  await repo.revokeSession(ctx.db, caller.actor.sessionId, ctx.clock.now());
  await recordAudit(ctx.db, ctx.clock, caller.actor, caller.ip, { action: 'auth.logout', targetType: 'user', targetId: caller.actor.id });
}

/** Resolves a session token to an actor, or null when unknown, expired or revoked. */
export async function actorFromSession(ctx: AppContext, token: string): Promise<Extract<Actor, { kind: 'user' }> | null> {
  const found = await repo.findLiveSession(ctx.db, sha256(token), ctx.clock.now());
  if (!found || !found.active) return null;
  const { profile } = found;
  const memberships: Membership[] = profile.memberships.map(({ role, siteId, agencyId }) => ({ role, siteId, agencyId }));
  return { kind: 'user', id: profile.id, username: profile.username, memberships, sessionId: found.sessionId, profile };
}

export async function me(ctx: AppContext, actor: Actor) {
  const u = requireUser(actor);
  if (u.profile) return { ...u.profile, memberships: await withScopeNames(ctx, u.profile.memberships) };
  const user = await repo.findUserById(ctx.db, u.id);
  if (!user) throw appError('auth.unauthenticated');
  return presentUser(ctx, user);
}

export async function changePassword(ctx: AppContext, caller: Caller, input: { currentPassword: string; newPassword: string }): Promise<void> {
  const u = requireUser(caller.actor);
  const user = await repo.findUserById(ctx.db, u.id);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw accessError('auth.invalid_credentials', {
      messages: { id: 'Kata sandi saat ini salah.', en: 'The current password is wrong.' },
      errors: [{ field: 'body.currentPassword', code: 'wrong_password', messages: { id: 'Kata sandi saat ini salah.', en: 'The current password is wrong.' } }],
    });
  }
  if (input.newPassword === input.currentPassword) {
    throw fieldError('body.newPassword', 'same_as_current', { id: 'Kata sandi baru harus berbeda dari yang lama.', en: 'The new password must differ from the current one.' });
  }
  const now = ctx.clock.now();
  const hash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await repo.updatePassword(tx, u.id, hash, now);
    // Other devices signed in with the old password are signed out.
    await repo.revokeOtherSessions(tx, u.id, u.sessionId, now);
    await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action: 'auth.password_changed', targetType: 'user', targetId: u.id });
  });
}

export { MIN_PASSWORD_LENGTH };
