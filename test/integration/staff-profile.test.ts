/**
 * The signed-in user's roles carry the names of their site and agency (the web shows them). Access
 * keeps only the ids; the names come from the catalogue through ctx.scopes (platform/scopes).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/app';
import { createMppFixture, type MppFixture } from '../support/fixtures';

type Named = { role: string; siteId: string | null; agencyId: string | null; siteName: string | null; agencyName: string | null };
const byRole = (ms: Named[]) => [...ms].sort((a, b) => a.role.localeCompare(b.role));

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
    expect(login.statusCode).toBe(200);
    expect(byRole(login.json().user.memberships)).toEqual(expected);

    const byToken = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(token) });
    expect(byToken.statusCode).toBe(200);
    expect(byRole(byToken.json().memberships)).toEqual(expected);

    const { cookie } = await t.cookieLogin(username, password);
    const byCookie = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(byCookie.statusCode).toBe(200);
    expect(byRole(byCookie.json().memberships)).toEqual(expected);
  });

  it("shows an agency's new short name at once", async () => {
    const admin = await t.userToken({ memberships: [{ role: 'site_admin', siteId: f.siteId, agencyId: null }] });
    const officer = await t.userToken({ memberships: [{ role: 'officer', siteId: f.siteId, agencyId: f.agency.bpjs }] });
    const renamed = await t.app.inject({ method: 'PATCH', url: `/api/v1/catalog/agencies/${f.agency.bpjs}`, headers: bearer(admin), payload: { shortName: 'BPJS-K' } });
    expect(renamed.statusCode).toBe(200);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(officer) });
    expect(me.json().memberships).toEqual([{ role: 'officer', siteId: f.siteId, agencyId: f.agency.bpjs, siteName: 'MPP Samarinda (uji)', agencyName: 'BPJS-K' }]);
  });
});
