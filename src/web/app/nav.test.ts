import { describe, expect, it } from 'vitest';
import { ROLE_ACTIONS, ROLES, type Role } from '../../domain/policy';
import type { User } from '../features/access/types';
import { homeOf, linkOf, mayOpen, NAV, navFor } from './nav';

const userWith = (...roles: Role[]): User => ({
  id: 'u',
  username: 'u',
  displayName: 'U',
  locale: null,
  memberships: roles.map((role) => ({ role, siteId: role === 'platform_admin' ? null : 's', agencyId: null })),
});
const links = (user: User | null) => navFor(user).map(linkOf);

describe('staff navigation', () => {
  it('shows a page exactly to the roles the server grants its action', () => {
    for (const role of ROLES) {
      for (const entry of NAV) {
        // userWith gives every role but platform_admin a site: a platform-wide page is not theirs.
        const expected = !entry.action || (ROLE_ACTIONS[role].has(entry.action) && (!entry.platformWide || role === 'platform_admin'));
        expect({ role, page: entry.path, shown: mayOpen(userWith(role), entry) }).toEqual({ role, page: entry.path, shown: expected });
      }
    }
  });

  it('follows the policy where a hand-written list had drifted: a platform admin manages bookings', () => {
    expect(links(userWith('platform_admin'))).toEqual(['/dashboard', '/admin/catalog', '/admin/audit', '/admin/booking', '/floor', '/applications', '/berkas-warga', '/admin/survey', '/admin/complaints', '/admin/reports', '/province', '/profile']);
    expect(links(userWith('officer'))).toEqual(['/dashboard', '/console', '/applications', '/berkas-warga', '/admin/complaints', '/my-figures', '/profile']);
    expect(links(userWith('auditor'))).toEqual(['/dashboard', '/admin/audit', '/floor', '/applications', '/admin/survey', '/admin/complaints', '/admin/reports', '/profile']);
    expect(links(userWith('site_admin'))).toEqual(['/dashboard', '/admin/catalog', '/admin/audit', '/admin/booking', '/console', '/floor', '/applications', '/berkas-warga', '/admin/survey', '/admin/complaints', '/admin/reports', '/profile']);
    expect(links(userWith('agency_admin'))).toContain('/floor');
  });

  it('shows the province view only to platform-wide memberships (platform admins, auditors of every site)', () => {
    const provinceOf = (u: User) => links(u).includes('/province');
    expect(provinceOf({ ...userWith('auditor'), memberships: [{ role: 'auditor', siteId: null, agencyId: null }] } as User)).toBe(true);
    expect(provinceOf({ ...userWith('auditor'), memberships: [{ role: 'auditor', siteId: 's1', agencyId: null }] } as User)).toBe(false);
  });

  it('opens nothing to nobody, nor to an account without a membership', () => {
    expect(links(null)).toEqual([]);
    expect(links(userWith())).toEqual([]);
  });
});

describe('where staff start', () => {
  it('officers at the console, whatever else they may read; everyone else at the dashboard', () => {
    expect(homeOf(userWith('officer'))).toBe('/console');
    expect(homeOf(userWith('officer', 'agency_admin'))).toBe('/dashboard');
    expect(homeOf(userWith('site_admin'))).toBe('/dashboard');
    expect(homeOf(userWith('auditor'))).toBe('/dashboard');
    expect(homeOf(null)).toBe('/dashboard');
  });
});
