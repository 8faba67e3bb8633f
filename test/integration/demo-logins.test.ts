/**
 * The demo seed creates its logins through access (access.lookup) and assigns each officer to
 * its counter: `admin` is the site admin of MPP Samarinda, `petugas-<n>` the officer of counter n.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { sessionResponse } from '../../src/contracts/access';
import * as catalog from '../../src/contracts/catalog';
import { page } from '../../src/contracts/common';
import { seedDemo } from '../../src/server/modules/catalog/catalog.lookup';
import { DEMO_PASSWORD } from '../../src/server/modules/catalog/demo-seed';
import { bearer, createTestApp, type TestApp } from '../support/app';
import { ok } from '../support/contract';

let t: TestApp;
let site: { id: string; name: string };

beforeAll(async () => {
  t = await createTestApp({ start: '2026-11-25T09:00:00+08:00' });
  expect(await seedDemo(t.ctx.db, t.clock)).toEqual({ created: true });
  site = ok(await t.app.inject('/api/v1/sites'), z.array(catalog.siteSummary)).find((s) => s.slug === 'mpp-samarinda')!;
});
afterAll(async () => t?.close());

const login = async (username: string) => {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
  return ok(res, sessionResponse);
};

describe('demo logins', () => {
  it('signs in the site admin and the officer of each counter, assigned to it', async () => {
    const admin = await login('admin');
    expect(admin.user.memberships).toEqual([{ role: 'site_admin', siteId: site.id, agencyId: null, siteName: site.name, agencyName: null }]);
    const counters = ok(await t.app.inject({ url: `/api/v1/sites/${site.id}/catalog/counters?pageSize=100`, headers: bearer(admin.token) }), page(catalog.adminCounter)).items;
    expect(counters.length).toBeGreaterThan(1);
    for (const c of counters.slice(0, 3)) {
      const officer = await login(`petugas-${c.number}`);
      expect(officer.user.memberships).toMatchObject([{ role: 'officer', siteId: site.id, agencyId: c.agencyId }]);
      const staffed = ok(await t.app.inject({ url: `/api/v1/counters/${c.id}/officers`, headers: bearer(admin.token) }), catalog.counterOfficers);
      expect(staffed.officers.map((o) => o.username)).toEqual([`petugas-${c.number}`]);
    }
  });

  it('leaves existing logins and sites alone when run again', async () => {
    expect(await seedDemo(t.ctx.db, t.clock)).toEqual({ created: false });
    expect((await login('admin')).user.memberships).toHaveLength(1);
  });
});
