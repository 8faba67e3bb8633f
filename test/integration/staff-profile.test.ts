/**
 * The signed-in user's roles carry the names of their site and agency (the web shows them). Access
 * keeps only the ids; the names come from the catalogue through ctx.scopes (platform/scopes).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as access from '../../src/contracts/access';
import { adminAgency } from '../../src/contracts/catalog';
import { bearer, createTestApp, type TestApp } from '../support/app';
import { ok } from '../support/contract';
import { createMppFixture, type MppFixture } from '../support/fixtures';

const byRole = (ms: Array<{ role: string }>) => [...ms].sort((a, b) => a.role.localeCompare(b.role));

describe('signed-in user', () => {
  let t: TestApp;
  let f: MppFixture;
  beforeAll(async () => {
    t = await createTestApp();
    f = await createMppFixture(t, { users: false });
  });
  afterAll(() => t.close());

  it('names the site and agency of every role at sign-in and in /auth/me, by token and by cookie', async () => {
    const username = 'ani-profil';
    const password = 'correct-horse-battery';
    const token = await t.userToken({
      username,
      password,
      memberships: [
        { role: 'platform_admin', siteId: null, agencyId: null },
        { role: 'site_admin', siteId: f.siteId, agencyId: null },
        { role: 'officer', siteId: f.siteId, agencyId: f.agency.dukcapil },
      ],
    });
    const expected = [
      { role: 'officer', siteId: f.siteId, agencyId: f.agency.dukcapil, siteName: 'MPP Samarinda (uji)', agencyName: 'Disdukcapil' },
      { role: 'platform_admin', siteId: null, agencyId: null, siteName: null, agencyName: null },
      { role: 'site_admin', siteId: f.siteId, agencyId: null, siteName: 'MPP Samarinda (uji)', agencyName: null },
    ];

    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
    expect(byRole(ok(login, access.sessionResponse).user.memberships)).toEqual(expected);

    const byToken = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(token) });
    expect(byRole(ok(byToken, access.userSchema).memberships)).toEqual(expected);

    const { cookie } = await t.cookieLogin(username, password);
    const byCookie = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(byRole(ok(byCookie, access.userSchema).memberships)).toEqual(expected);
  });

  it("shows an agency's new short name at once", async () => {
    const admin = await t.userToken({ memberships: [{ role: 'site_admin', siteId: f.siteId, agencyId: null }] });
    const officer = await t.userToken({ memberships: [{ role: 'officer', siteId: f.siteId, agencyId: f.agency.bpjs }] });
    const renamed = await t.app.inject({ method: 'PATCH', url: `/api/v1/catalog/agencies/${f.agency.bpjs}`, headers: bearer(admin), payload: { shortName: 'BPJS-K' } });
    ok(renamed, adminAgency);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(officer) });
    expect(ok(me, access.userSchema).memberships).toEqual([{ role: 'officer', siteId: f.siteId, agencyId: f.agency.bpjs, siteName: 'MPP Samarinda (uji)', agencyName: 'BPJS-K' }]);
  });
});
