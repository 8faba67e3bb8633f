import { AppError } from './errors';

export const ROLES = ['platform_admin', 'site_admin', 'agency_admin', 'officer', 'auditor'] as const;
export type Role = (typeof ROLES)[number];
export type DeviceRole = 'kiosk' | 'display';

export interface Membership {
  role: Role;
  /** null: every site (province / ministry view). */
  siteId: string | null;
  /** null: the whole site. */
  agencyId: string | null;
}

/** What the web shows of the signed-in user; loaded with the session in one read. */
export interface UserProfile {
  id: string;
  username: string;
  displayName: string;
  locale: 'id' | 'en' | null;
  memberships: Array<Membership & { siteName: string | null; agencyName: string | null }>;
}

export type Actor =
  | { kind: 'user'; id: string; username: string; memberships: Membership[]; sessionId: string | null; profile?: UserProfile }
  | { kind: 'device'; id: string; siteId: string; role: DeviceRole; name: string }
  | { kind: 'anonymous' };

export const anonymous: Actor = { kind: 'anonymous' };

/** What can be done. Services call authorize() with one of these on every call. */
export type Action =
  | 'platform.manage' // sites, platform users, establishment
  | 'site.manage' // site settings, staff users and memberships, devices
  | 'catalog.manage' // agencies, services, counters, hours (agency_admin: own agency)
  | 'audit.read'
  | 'queue.issue' // issue a ticket (kiosk, front desk)
  | 'queue.serve' // call, start, finish at a counter
  | 'queue.monitor' // see the whole queue, statistics
  | 'booking.manage'
  | 'booking.checkin'
  | 'personal.read'; // read a citizen's personal data

const READ_ONLY: Action[] = ['audit.read', 'queue.monitor'];

const ROLE_ACTIONS: Record<Role, ReadonlySet<Action>> = {
  platform_admin: new Set<Action>(['platform.manage', 'site.manage', 'catalog.manage', 'audit.read', 'queue.issue', 'queue.monitor', 'booking.manage', 'booking.checkin', 'personal.read']),
  site_admin: new Set<Action>(['site.manage', 'catalog.manage', 'audit.read', 'queue.issue', 'queue.serve', 'queue.monitor', 'booking.manage', 'booking.checkin', 'personal.read']),
  agency_admin: new Set<Action>(['catalog.manage', 'audit.read', 'queue.issue', 'queue.serve', 'queue.monitor', 'booking.manage', 'booking.checkin', 'personal.read']),
  officer: new Set<Action>(['queue.issue', 'queue.serve', 'booking.checkin', 'personal.read']),
  auditor: new Set<Action>(READ_ONLY),
};

const DEVICE_ACTIONS: Record<DeviceRole, ReadonlySet<Action>> = {
  kiosk: new Set<Action>(['queue.issue', 'booking.checkin']),
  display: new Set<Action>([]),
};

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
  return actor.memberships.some((m) => ROLE_ACTIONS[m.role].has(action) && covers(m, scope));
}

/** Throws 401 for nobody, 403 for somebody without the right in that scope. */
export function authorize(actor: Actor, action: Action, scope: Scope = {}): void {
  if (actor.kind === 'anonymous') throw new AppError('auth.unauthenticated');
  if (!can(actor, action, scope)) throw new AppError('auth.forbidden');
}

/**
 * For listings inside a site: every agency, or only the agencies the actor holds the action for.
 * Returns null when the actor may not see any.
 */
export function agencyScope(actor: Actor, action: Action, siteId: string): { all: true } | { all: false; agencyIds: string[] } | null {
  if (actor.kind === 'device') return can(actor, action, { siteId }) ? { all: true } : null;
  if (actor.kind !== 'user') return null;
  const ms = actor.memberships.filter((m) => ROLE_ACTIONS[m.role].has(action) && (m.siteId === null || m.siteId === siteId));
  if (ms.length === 0) return null;
  if (ms.some((m) => m.agencyId === null)) return { all: true };
  return { all: false, agencyIds: [...new Set(ms.map((m) => m.agencyId as string))] };
}

export function requireUser(actor: Actor): Extract<Actor, { kind: 'user' }> {
  if (actor.kind !== 'user') throw new AppError('auth.unauthenticated');
  return actor;
}

export function actorLabel(actor: Actor): string {
  if (actor.kind === 'user') return actor.username;
  if (actor.kind === 'device') return `device:${actor.name}`;
  return 'anonymous';
}
