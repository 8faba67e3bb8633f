import { describe, expect, it } from 'vitest';
import { agencyScope, authorize, can, type Actor } from './authz';

const user = (memberships: Extract<Actor, { kind: 'user' }>['memberships']): Actor => ({ kind: 'user', id: 'u', username: 'u', memberships, sessionId: null });
const S1 = 'site-1';
const S2 = 'site-2';
const A = 'agency-a';
const B = 'agency-b';

describe('authorize', () => {
  it('keeps an officer inside its own agency', () => {
    const officer = user([{ role: 'officer', siteId: S1, agencyId: A }]);
    expect(can(officer, 'queue.serve', { siteId: S1, agencyId: A })).toBe(true);
    expect(can(officer, 'queue.serve', { siteId: S1, agencyId: B })).toBe(false);
    expect(can(officer, 'queue.serve', { siteId: S2, agencyId: A })).toBe(false);
    expect(can(officer, 'catalog.manage', { siteId: S1, agencyId: A })).toBe(false);
  });

  it('gives a site admin the whole site and nothing else', () => {
    const admin = user([{ role: 'site_admin', siteId: S1, agencyId: null }]);
    expect(can(admin, 'catalog.manage', { siteId: S1, agencyId: B })).toBe(true);
    expect(can(admin, 'catalog.manage', { siteId: S2 })).toBe(false);
    expect(can(admin, 'platform.manage')).toBe(false);
  });

  it('lets a platform admin act everywhere and an auditor only read', () => {
    expect(can(user([{ role: 'platform_admin', siteId: null, agencyId: null }]), 'site.manage', { siteId: S2 })).toBe(true);
    const auditor = user([{ role: 'auditor', siteId: S1, agencyId: null }]);
    expect(can(auditor, 'audit.read', { siteId: S1 })).toBe(true);
    expect(can(auditor, 'catalog.manage', { siteId: S1 })).toBe(false);
  });

  it('limits devices to their job and their site', () => {
    const kiosk: Actor = { kind: 'device', id: 'd', siteId: S1, role: 'kiosk', name: 'Kiosk 1' };
    const display: Actor = { kind: 'device', id: 'd', siteId: S1, role: 'display', name: 'TV' };
    expect(can(kiosk, 'queue.issue', { siteId: S1 })).toBe(true);
    expect(can(kiosk, 'queue.issue', { siteId: S2 })).toBe(false);
    expect(can(kiosk, 'queue.serve', { siteId: S1 })).toBe(false);
    expect(can(display, 'queue.issue', { siteId: S1 })).toBe(false);
  });

  it('throws 401 for anonymous and 403 for the wrong scope', () => {
    expect(() => authorize({ kind: 'anonymous' }, 'audit.read')).toThrow(expect.objectContaining({ status: 401 }));
    expect(() => authorize(user([{ role: 'officer', siteId: S1, agencyId: A }]), 'audit.read', { siteId: S1 })).toThrow(expect.objectContaining({ status: 403 }));
  });

  it('narrows listings to the agencies an actor holds', () => {
    const both = user([
      { role: 'officer', siteId: S1, agencyId: A },
      { role: 'officer', siteId: S1, agencyId: B },
    ]);
    expect(agencyScope(both, 'queue.serve', S1)).toEqual({ all: false, agencyIds: [A, B] });
    expect(agencyScope(both, 'queue.serve', S2)).toBeNull();
    expect(agencyScope(user([{ role: 'site_admin', siteId: S1, agencyId: null }]), 'queue.serve', S1)).toEqual({ all: true });
  });
});
