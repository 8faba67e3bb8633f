import { rolesCan, type Action } from '../../domain/policy';
import type { User } from '../features/access/types';

/**
 * Whether the signed-in user holds the action in some membership: the role → action table the
 * server enforces (src/domain/policy.ts). It decides what the staff area shows; the server checks
 * again, with the site and agency, on every call.
 */
export const can = (user: User | null | undefined, action: Action): boolean => !!user && rolesCan(user.memberships.map((m) => m.role), action);
