import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as c from '../../src/contracts/catalog';
import { seedDemo } from '../../src/server/modules/catalog/demo-seed';
import { bearer, createTestApp, type TestApp } from '../support/app';
import { ok } from '../support/contract';

/** The demo catalogue (MPP Samarinda) through the public API: search, hours, import/export. */
let t: TestApp;
let siteId: string;

beforeAll(async () => {
  t = await createTestApp({ start: '2026-11-25T09:00:00+08:00' });
  await seedDemo(t.ctx.db, t.clock);
  siteId = ok(await t.app.inject('/api/v1/sites'), z.array(c.siteSummary)).find((s) => s.slug === 'mpp-samarinda')!.id;
});
afterAll(async () => t?.close());

const search = async (q: string) => ok(await t.app.inject(`/api/v1/sites/${siteId}/services?q=${encodeURIComponent(q)}`), z.array(c.publicService));

describe('demo catalogue', () => {
  it('finds the right services for what citizens type', async () => {
    expect((await search('ktp'))[0].code).toBe('KTP-EL');
    expect((await search('KTP'))[0].code).toBe('KTP-EL');
    for (const q of ['paspor', 'PÁSPOR', 'Paspor']) {
      const r = await search(q);
      expect(r.length, q).toBeGreaterThan(0);
      expect(r.every((s) => s.code.startsWith('PASPOR')), q).toBe(true);
    }
    const bpjs = await search('bpjs');
    expect(bpjs.slice(0, 5).every((s) => s.agency.name.includes('BPJS'))).toBe(true);
    for (const q of ['Kependudukan', 'kependudukán', 'KEPENDUDUKAN']) {
      const r = await search(q);
      expect(r.map((s) => s.code), q).toContain('KTP-EL');
      expect(r.every((s) => s.agency.name.includes('Kependudukan')), q).toBe(true);
    }
  });

  it('serves the site page and open state of every agency', async () => {
    const site = ok(await t.app.inject(`/api/v1/sites/mpp-samarinda`), c.siteDetail);
    expect(site).toMatchObject({ id: siteId, timeZone: 'Asia/Makassar', openNow: true });
    expect(site.agencyCount).toBeGreaterThanOrEqual(25);
    const agencies = ok(await t.app.inject(`/api/v1/sites/${siteId}/agencies`), z.array(c.publicAgency));
    expect(agencies.length).toBe(site.agencyCount);
    for (const a of agencies) expect(typeof a.openNow).toBe('boolean');
  });

  it('exports and re-imports the whole demo catalogue unchanged', async () => {
    const admin = await t.userToken({ memberships: [{ role: 'platform_admin', siteId: null, agencyId: null }] });
    const file = (await t.app.inject({ url: `/api/v1/sites/${siteId}/catalog/export?format=xlsx`, headers: bearer(admin) })).rawPayload;
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/sites/${siteId}/catalog/import?dryRun=1`, headers: { ...bearer(admin), 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, payload: file });
    expect(ok(res, c.importResult)).toMatchObject({ agencies: { created: 0, updated: 0 }, services: { created: 0, updated: 0 }, counters: { created: 0, updated: 0 } });
  });
});
