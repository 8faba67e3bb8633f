/**
 * Demo mode's province view (issue #17 item 5, DESIGN §7): Kalimantan Timur's ten kabupaten/kota
 * at their stages as of the seeds, linked to the demo sites, the `pemprov` login (platform_admin)
 * and the agency admins' logins `admin-<agency key>`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetCachedCatalog, seedDemo } from '../../src/server/modules/catalog/catalog.lookup';
import { agencyAdminLogin, DEMO_PASSWORD } from '../../src/server/modules/catalog/demo-seed';
import { seedEstablishmentDemo } from '../../src/server/modules/establishment/establishment.lookup';
import { bearer, createTestApp, type TestApp } from '../support/app';

let t: TestApp;
type Json = Record<string, any>;

beforeAll(async () => {
  t = await createTestApp({ start: '2026-11-25T09:00:00+08:00' });
  await seedDemo(t.ctx.db, t.clock);
  expect(await seedEstablishmentDemo(t.ctx)).toEqual({ created: 10 });
  forgetCachedCatalog();
}, 180_000);
afterAll(async () => t?.close());

const login = async (username: string) => {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
  expect(res.statusCode, username).toBe(200);
  return res.json() as { token: string; user: { memberships: Array<Json> } };
};

describe('the demo province view', () => {
  it('signs in pemprov as platform admin and shows the ten kabupaten/kota at their stages', async () => {
    const pemprov = await login('pemprov');
    expect(pemprov.user.memberships).toEqual([expect.objectContaining({ role: 'platform_admin', siteId: null, agencyId: null })]);
    const sites = (await t.app.inject('/api/v1/sites')).json() as Json[];
    const bySlug = (slug: string) => sites.find((s) => s.slug === slug)!;
    const list = (await t.app.inject({ url: '/api/v1/regions/64/mpp', headers: bearer(pemprov.token) })).json() as Json[];
    const stages = Object.fromEntries(list.map((r) => [r.regencyName, r.stage]));
    expect(stages).toEqual({
      'Kabupaten Paser': 'koordinasi',
      'Kabupaten Kutai Kartanegara': 'pembangunan',
      'Kabupaten Berau': 'verifikasi',
      'Kabupaten Kutai Barat': 'verifikasi',
      'Kabupaten Kutai Timur': 'pembangunan',
      'Kabupaten Penajam Paser Utara': 'usulan',
      'Kabupaten Mahakam Ulu': 'usulan',
      'Kota Balikpapan': 'uji_coba',
      'Kota Samarinda': 'diresmikan',
      'Kota Bontang': 'koordinasi',
    });
    const samarinda = list.find((r) => r.regencyCode === '6472')!;
    expect(samarinda).toMatchObject({ stageSince: '2019-12-19', siteId: bySlug('mpp-samarinda').id, next: null });
    expect(samarinda.agencies).toBeGreaterThanOrEqual(26);
    expect(samarinda.services).toBeGreaterThan(samarinda.agencies);
    expect(bySlug('mpp-samarinda').status).toBe('operating');
    const balikpapan = list.find((r) => r.regencyCode === '6471')!;
    expect(balikpapan).toMatchObject({ siteId: bySlug('mpp-balikpapan').id, next: { stage: 'diresmikan', plannedDate: '2022-12-31', late: true } });
    expect(list.find((r) => r.regencyCode === '6408')!.note).toContain('UMKM Center');
    expect(list.find((r) => r.regencyCode === '6474')!.note).toContain('dipilih untuk demo');
  });

  it("keeps Kutai Timur's MoU of 24 Nov 2023 as an encrypted PDF on its record", async () => {
    const { token } = await login('pemprov');
    const record = (await t.app.inject({ url: '/api/v1/regions/6408/mpp/record', headers: bearer(token) })).json() as Json;
    const mou = record.documents.find((d: Json) => d.kind === 'kesepakatan_bersama');
    expect(mou).toMatchObject({ stage: 'koordinasi', documentDate: '2023-11-24', mediaType: 'application/pdf' });
    expect(record.history.map((h: Json) => h.to)).toEqual(['pembangunan', 'koordinasi', 'verifikasi', 'usulan']);
    const file = await t.app.inject({ url: `/api/v1/regions/6408/mpp/documents/${mou.id}/content`, headers: bearer(token) });
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('signs in each agency admin of MPP Samarinda as admin-<agency key>', async () => {
    expect(agencyAdminLogin('BPJS Kesehatan')).toBe('admin-bpjskesehatan');
    expect(agencyAdminLogin('Diskop UKM')).toBe('admin-diskopukm');
    for (const [username, shortName] of [['admin-disdukcapil', 'Disdukcapil'], ['admin-dpmptsp', 'DPMPTSP'], ['admin-bpjskesehatan', 'BPJS Kesehatan']]) {
      const { user, token } = await login(username);
      expect(user.memberships).toEqual([expect.objectContaining({ role: 'agency_admin', siteName: 'Mal Pelayanan Publik Kota Samarinda', agencyName: shortName })]);
      // An agency admin has no business in the province view.
      expect((await t.app.inject({ url: '/api/v1/regions/64/mpp', headers: bearer(token) })).statusCode).toBe(403);
    }
  });

  it('is idempotent', async () => {
    expect(await seedEstablishmentDemo(t.ctx)).toEqual({ created: 0 });
  });
});
