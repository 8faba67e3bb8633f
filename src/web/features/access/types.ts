/** Shapes of the access API: the server's contracts (src/contracts/access.ts), as types only. */
import type * as c from '../../../contracts/access';
import type { RequestOf, ResponseOf } from '../../../contracts/common';
import type { Role } from '../../../domain/policy';

export { ROLES, type Role } from '../../../domain/policy';

export type User = ResponseOf<typeof c.userSchema>;
export type Membership = User['memberships'][number];
export type Session = ResponseOf<typeof c.sessionResponse>;
export type AuditPage = ResponseOf<typeof c.auditPage>;
export type AuditEntry = AuditPage['items'][number];

/** The audit query as the page sends it: `from` / `to` as ISO instants (or dates). */
export type AuditFilter = Omit<RequestOf<typeof c.auditQuery>, 'page' | 'pageSize'> & { page: number; pageSize: number };

/** The server's rules (src/domain/credentials.ts), for the forms' hints. */
export { MIN_PASSWORD_LENGTH, USERNAME_PATTERN } from '../../../domain/credentials';

export const hasRole = (user: User | null | undefined, roles: readonly Role[]): boolean =>
  !!user && user.memberships.some((m) => roles.includes(m.role));
