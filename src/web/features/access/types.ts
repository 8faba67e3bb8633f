/** Shapes of the access API (mirrors src/server/modules/access/access.contracts.ts). */

export const ROLES = ['platform_admin', 'site_admin', 'agency_admin', 'officer', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export interface Membership {
  role: Role;
  siteId: string | null;
  agencyId: string | null;
  siteName?: string | null;
  agencyName?: string | null;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  locale: 'id' | 'en' | null;
  memberships: Membership[];
}

export interface Session {
  token: string;
  user: User;
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: { id: string | null; username: string } | null;
  action: string;
  siteId: string | null;
  agencyId: string | null;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  details: unknown;
}

export interface AuditPage {
  items: AuditEntry[];
  total: number;
  page: number;
  pageSize: number;
}

export interface AuditFilter {
  page: number;
  pageSize: number;
  action?: string;
  actorId?: string;
  siteId?: string;
  /** ISO instants. */
  from?: string;
  to?: string;
}

/** Matches the server's rule (passwords.ts MIN_PASSWORD_LENGTH). */
export const MIN_PASSWORD_LENGTH = 10;
export const USERNAME_PATTERN = /^[a-zA-Z0-9._-]{3,64}$/;

export const hasRole = (user: User | null | undefined, roles: readonly Role[]): boolean =>
  !!user && user.memberships.some((m) => roles.includes(m.role));
