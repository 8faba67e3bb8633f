import { DEVICE_ACTIONS, roleCan, type Action, type DeviceRole, type Role } from '../../domain/policy';
import { appError } from './errors';

// The role → action table is pure domain data, shared with the web's navigation.
export { ROLES, type Action, type DeviceRole, type Role } from '../../domain/policy';

export interface Membership {
  role: Role;
  /** null: every site (province / ministry view). */
  siteId: string | null;
  /** null: the whole site. */
  agencyId: string | null;
}

/** What the web shows of the signed-in user; loaded with the session in one read (the names of sites and agencies are added by /auth/me). */
export interface UserProfile {
  id: string;
  username: string;
  displayName: string;
  locale: 'id' | 'en' | null;
  memberships: Membership[];
}

export type Actor =
  | { kind: 'user'; id: string; username: string; memberships: Membership[]; sessionId: string | null; profile?: UserProfile }
  | { kind: 'device'; id: string; siteId: string; role: DeviceRole; name: string }
  | { kind: 'anonymous' };

export const anonymous: Actor = { kind: 'anonymous' };

export interface Scope {
  siteId?: string | null;
  agencyId?: string | null;
}

function covers(m: Membership, scope: Scope): boolean {
  if (m.siteId !== null && m.siteId !== scope.siteId) return false;
  if (m.agencyId !== null && m.agencyId !== scope.agencyId) return false;
  return true;
}

export function can(actor: Actor, action: Action, scope: Scope = {}): boolean {
  if (actor.kind === 'device') {
    return DEVICE_ACTIONS[actor.role].has(action) && (scope.siteId === undefined || scope.siteId === actor.siteId);
  }
  if (actor.kind !== 'user') return false;
  return actor.memberships.some((m) => roleCan(m.role, action) && covers(m, scope));
}

/** Throws 401 for nobody, 403 for somebody without the right in that scope. */
export function authorize(actor: Actor, action: Action, scope: Scope = {}): void {
  if (actor.kind === 'anonymous') throw appError('auth.unauthenticated');
  if (!can(actor, action, scope)) throw appError('auth.forbidden');
}

/**
 * For listings inside a site: every agency, or only the agencies the actor holds the action for.
 * Returns null when the actor may not see any.
 */
export function agencyScope(actor: Actor, action: Action, siteId: string): { all: true } | { all: false; agencyIds: string[] } | null {
  if (actor.kind === 'device') return can(actor, action, { siteId }) ? { all: true } : null;
  if (actor.kind !== 'user') return null;
  const ms = actor.memberships.filter((m) => roleCan(m.role, action) && (m.siteId === null || m.siteId === siteId));
  if (ms.length === 0) return null;
  if (ms.some((m) => m.agencyId === null)) return { all: true };
  return { all: false, agencyIds: [...new Set(ms.map((m) => m.agencyId as string))] };
}

export function requireUser(actor: Actor): Extract<Actor, { kind: 'user' }> {
  if (actor.kind !== 'user') throw appError('auth.unauthenticated');
  return actor;
}

export function actorLabel(actor: Actor): string {
  if (actor.kind === 'user') return actor.username;
  if (actor.kind === 'device') return `device:${actor.name}`;
  return 'anonymous';
}
