import type { OpenAPIV3_1 } from 'openapi-types';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as c from '../../src/contracts/catalog';
import { bearer, createTestApp, type TestApp } from '../support/app';
import { buildCatalog, type CatalogFixture } from '../support/catalog-fixture';
import { ok, problem } from '../support/contract';

let t: TestApp;
let f: CatalogFixture;

beforeAll(async () => {
  t = await createTestApp({ start: '2026-11-25T09:00:00+08:00' });
  f = await buildCatalog(t);
});
afterAll(async () => t?.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
const services = async (url: string) => ok(await get(url), z.array(c.publicService));
const agencies = async () => ok(await get(`/api/v1/sites/${f.siteId}/agencies`), z.array(c.publicAgency));
const holidays = async (url: string) => ok(await get(url), z.array(c.holiday));

describe('public catalogue', () => {
  it('lists sites and shows a site by id or slug', async () => {
    const sites = ok(await get('/api/v1/sites'), z.array(c.siteSummary));
    const site = sites.find((s) => s.id === f.siteId);
    expect(site).toMatchObject({ id: f.siteId, slug: expect.any(String), name: 'MPP Kota Samarinda', timeZone: 'Asia/Makassar' });
    const byId = ok(await get(`/api/v1/sites/${f.siteId}`), c.siteDetail);
    const bySlug = ok(await get(`/api/v1/sites/${site!.slug}`), c.siteDetail);
    expect(bySlug.id).toBe(f.siteId);
    expect(byId).toMatchObject({
      address: 'Jl. Basuki Rahmat',
      status: 'operating',
      contacts: { phone: '0541-123456', email: null },
      maklumat: expect.stringContaining('sanggup'),
      agencyCount: 5,
      serviceCount: 8,
      openNow: true,
    });
    problem(await get('/api/v1/sites/tidak-ada'), 404);
  });

  it('lists services exactly as DESIGN §6 describes them', async () => {
    const list = await services(`/api/v1/sites/${f.siteId}/services`);
    expect(list).toHaveLength(8);
    const paspor = list.find((s) => s.code === 'PASPOR');
    expect(paspor).toMatchObject({
      id: f.services.PASPOR,
      code: 'PASPOR',
      name: 'Paspor Baru',
      bookable: true,
      prefix: 'P',
      keywords: ['passport'],
      agency: { id: f.agencies.Imigrasi, name: 'Kantor Imigrasi Kelas I TPI Samarinda', kind: 'vertikal' },
      standard: {
        requirements: [
          { documentType: { key: 'ktp-el', name: 'KTP Elektronik' }, note: null },
          { documentType: { key: 'kk', name: 'Kartu Keluarga' }, note: null },
          { documentType: { key: 'akta-kelahiran', name: 'Akta Kelahiran' }, note: null },
        ],
        procedure: ['Ambil nomor antrean', 'Serahkan berkas di loket', 'Terima produk layanan'],
        durationText: '1 hari',
        duration: { value: 1, unit: 'days' },
        fee: 0,
        feeBasis: 'Gratis (UU 24/2013)',
        product: 'Dokumen Paspor Baru',
        complaintChannel: expect.stringContaining('LAPOR'),
      },
    });
    // Internal components of the standard are not public.
    expect(paspor).not.toHaveProperty('internal');
    expect((await services(`/api/v1/sites/${f.siteId}/services?bookable=true`)).map((s) => s.code)).toEqual(['PASPOR']);
  });

  it('describes the catalogue in OpenAPI', async () => {
    // The document itself is the contract: read with the OpenAPI types.
    const doc = JSON.parse((await get('/api/openapi.json')).body) as OpenAPIV3_1.Document;
    const paths = doc.paths ?? {};
    for (const p of ['/api/v1/sites/{siteId}/services', '/api/v1/services/{id}', '/api/v1/sites/{siteId}/agencies', '/api/v1/document-types', '/api/v1/sites/{siteId}/holidays', '/api/v1/sites/{siteId}/catalog/import', '/api/v1/counters/{counterId}/officers']) {
      expect(Object.keys(paths)).toContain(p);
    }
    const answer = paths['/api/v1/sites/{siteId}/services']?.get?.responses?.['200'] as OpenAPIV3_1.ResponseObject;
    const item = (answer.content?.['application/json'].schema as OpenAPIV3_1.ArraySchemaObject).items as OpenAPIV3_1.SchemaObject;
    expect(Object.keys(item.properties ?? {})).toEqual(expect.arrayContaining(['id', 'code', 'name', 'bookable', 'agency', 'standard']));
  });
});

describe('search', () => {
  const codes = async (q: string) => (await services(`/api/v1/sites/${f.siteId}/services?q=${encodeURIComponent(q)}`)).map((s) => s.code);

  it('finds KTP services for "ktp" in any case, and KTP first', async () => {
    for (const q of ['ktp', 'KTP', 'kTp', 'e-KTP', 'ektp']) expect((await codes(q))[0], q).toBe('KTP-EL');
    // Services that only mention a KTP requirement in their description do not crowd the list.
    expect(await codes('ktp')).not.toContain('PASPOR');
  });

  it('finds passports with odd case, diacritics and English spelling', async () => {
    for (const q of ['paspor', 'PASPOR', 'Páspör', 'passport']) expect((await codes(q)).slice(0, 2).sort(), q).toEqual(['PASPOR', 'PASPOR-GANTI']);
  });

  it('finds services by agency name and short name', async () => {
    expect((await codes('bpjs')).sort()).toEqual(['JHT', 'JKN-DAFTAR']);
    expect((await codes('BPJS  Kesehatan!')).sort()).toEqual(['JKN-DAFTAR']);
    for (const q of ['Kependudukan', 'KEPENDUDUKÁN', 'kependudukan dan pencatatan sipil', 'dukcapil']) expect((await codes(q)).sort(), q).toEqual(['AKTA-LAHIR', 'KK', 'KTP-EL']);
    expect(await codes('akte kelahiran')).toEqual(['AKTA-LAHIR']);
    expect(await codes('tidak ada yang cocok')).toEqual([]);
  });
});

describe('service page and agencies', () => {
  it('shows a service with its agency, site, hours and counters', async () => {
    const res = await get(`/api/v1/services/${f.services.SKCK}`);
    expect(ok(res, c.publicServiceDetail)).toMatchObject({
      code: 'SKCK',
      agency: { id: f.agencies.Polresta, kind: 'vertikal', shortName: 'Polresta' },
      site: { id: f.siteId, timeZone: 'Asia/Makassar' },
      hoursText: 'Sen-Jum 08:00-12:00',
      counters: [{ id: f.counters[5], number: 5, name: 'Loket 5' }],
      openNow: true,
      standard: { requirements: [{ documentType: { key: 'ktp-el' } }, { documentType: { key: 'pas-foto' }, note: '4x6 latar merah, 6 lembar' }] },
    });
  });

  it('lists agencies in kind order with hours text and open state', async () => {
    const list = await agencies();
    expect(list.map((a) => a.kind)).toEqual(['opd', 'vertikal', 'vertikal', 'bumn', 'bumn']);
    expect(list[0]).toMatchObject({
      shortName: 'Disdukcapil',
      hasAgreement: true,
      hoursText: 'Sen-Kam 08:00-12:00,13:00-15:00; Jum 08:00-11:30',
      serviceCount: 3,
      counterNumbers: [1],
      openNow: true,
      today: { date: '2026-11-25', ranges: [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '15:00' }], closed: null },
    });
  });
});

describe('opening now and next opening in WITA', () => {
  afterEach(() => t.clock.set('2026-11-25T09:00:00+08:00'));
  const disdukcapil = async () => (await agencies()).find((a) => a.shortName === 'Disdukcapil');

  it('around midnight: the local date decides, not UTC', async () => {
    // Wednesday 23:59 WITA: closed, opens Thursday 08:00 WITA (00:00 UTC).
    t.clock.set('2026-11-25T23:59:00+08:00');
    expect(await disdukcapil()).toMatchObject({ openNow: false, nextOpening: '2026-11-26T00:00:00.000Z', today: { date: '2026-11-25' } });
    // Thursday 00:01 WITA is still Wednesday 16:01 in UTC.
    t.clock.set('2026-11-26T00:01:00+08:00');
    expect(await disdukcapil()).toMatchObject({
      openNow: false,
      nextOpening: '2026-11-26T00:00:00.000Z',
      today: { date: '2026-11-26', ranges: [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '15:00' }] },
    });
    t.clock.set('2026-11-26T08:00:00+08:00');
    expect(await disdukcapil()).toMatchObject({ openNow: true, nextOpening: '2026-11-26T00:00:00.000Z' });
    // Lunch break, then Friday's short hours.
    t.clock.set('2026-11-26T12:30:00+08:00');
    expect(await disdukcapil()).toMatchObject({ openNow: false, nextOpening: '2026-11-26T05:00:00.000Z' });
    t.clock.set('2026-11-27T11:45:00+08:00');
    expect(await disdukcapil()).toMatchObject({ openNow: false, nextOpening: '2026-11-30T00:00:00.000Z' });
    t.clock.set('2026-11-25T09:00:00+08:00');
  });

  it('skips national holidays and cuti bersama, and honours site closures and open days', async () => {
    // Wednesday 23 Dec 2026 after closing: 24 Dec cuti bersama, 25 Dec Christmas, weekend → Monday 28 Dec.
    t.clock.set('2026-12-23T16:00:00+08:00');
    expect(await disdukcapil()).toMatchObject({ openNow: false, nextOpening: '2026-12-28T00:00:00.000Z' });
    t.clock.set('2026-12-24T00:00:30+08:00');
    expect(await disdukcapil()).toMatchObject({ openNow: false, today: { date: '2026-12-24', closed: { kind: 'cuti_bersama' } } });
    t.clock.set('2026-12-24T09:00:00+08:00');
    expect((await disdukcapil())?.openNow).toBe(false);
    const site = ok(await get(`/api/v1/sites/${f.siteId}`), c.siteDetail);
    expect(site).toMatchObject({ openNow: false, today: { closed: { kind: 'cuti_bersama' } } });

    // The site decides to work on the cuti bersama day (a fresh session: a month has passed).
    const admin = await t.userToken({ memberships: [{ role: 'site_admin', siteId: f.siteId, agencyId: null }] });
    const open = await t.app.inject({ method: 'POST', url: `/api/v1/sites/${f.siteId}/holidays`, headers: bearer(admin), payload: { date: '2026-12-24', name: 'Tetap buka', kind: 'open' } });
    ok(open, c.holiday, 201);
    expect(await disdukcapil()).toMatchObject({ openNow: true, today: { closed: null } });
    const calendar = await holidays(`/api/v1/sites/${f.siteId}/holidays?year=2026`);
    expect(calendar.filter((h) => h.date === '2026-12-24')).toEqual([
      expect.objectContaining({ kind: 'cuti_bersama', siteId: null, closed: false }),
      expect.objectContaining({ kind: 'open', siteId: f.siteId, closed: false }),
    ]);
    // …and closes on an ordinary Monday.
    const closure = await t.app.inject({ method: 'POST', url: `/api/v1/sites/${f.siteId}/holidays`, headers: bearer(admin), payload: { date: '2026-12-28', name: 'Pemeliharaan gedung' } });
    const closed = ok(closure, c.holiday, 201);
    t.clock.set('2026-12-24T16:00:00+08:00');
    expect((await disdukcapil())?.nextOpening).toBe('2026-12-29T00:00:00.000Z');
    // Removing the closure reopens Monday.
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/sites/${f.siteId}/holidays/${closed.id}`, headers: bearer(admin) })).statusCode).toBe(204);
    expect((await disdukcapil())?.nextOpening).toBe('2026-12-28T00:00:00.000Z');
    t.clock.set('2026-11-25T09:00:00+08:00');
  });

  it('refuses an open day that is not a holiday and a second entry on the same date', async () => {
    const url = `/api/v1/sites/${f.siteId}/holidays`;
    const notHoliday = await t.app.inject({ method: 'POST', url, headers: bearer(f.admin), payload: { date: '2026-12-02', name: 'x buka', kind: 'open' } });
    expect(problem(notHoliday, 400).errors?.[0].field).toBe('body.date');
    const first = await t.app.inject({ method: 'POST', url, headers: bearer(f.admin), payload: { date: '2026-12-03', name: 'Rapat kerja' } });
    ok(first, c.holiday, 201);
    const again = await t.app.inject({ method: 'POST', url, headers: bearer(f.admin), payload: { date: '2026-12-03', name: 'Lagi' } });
    expect(problem(again, 409, 'conflict').errors?.[0].field).toBe('body.date');
  });
});

describe('holidays of a new site', () => {
  it('seeds national holidays and cuti bersama of this and next year', async () => {
    const h2026 = await holidays(`/api/v1/sites/${f.siteId}/holidays?year=2026`);
    expect(h2026.some((h) => h.date === '2026-08-17' && h.kind === 'national')).toBe(true);
    expect(h2026.some((h) => h.kind === 'cuti_bersama')).toBe(true);
    const h2027 = await holidays(`/api/v1/sites/${f.siteId}/holidays?year=2027`);
    expect(h2027.some((h) => h.date === '2027-08-17')).toBe(true);
    // Default year: the current year in the site zone.
    expect(await holidays(`/api/v1/sites/${f.siteId}/holidays`)).toEqual(expect.arrayContaining([expect.objectContaining({ date: '2026-12-25' })]));
  });

  it('lets only a platform admin edit the national list', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/holidays', headers: bearer(f.admin), payload: { date: '2026-11-27', name: 'Pilkada', kind: 'national' } });
    problem(res, 403, 'auth.forbidden');
    const added = ok(await t.app.inject({ method: 'POST', url: '/api/v1/holidays', headers: bearer(f.platform), payload: { date: '2026-11-27', name: 'Pemungutan suara', kind: 'national' } }), c.holiday, 201);
    expect((await holidays('/api/v1/holidays?year=2026')).some((h) => h.date === '2026-11-27')).toBe(true);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/holidays/${added.id}`, headers: bearer(f.platform) })).statusCode).toBe(204);
    const seeded = await t.app.inject({ method: 'POST', url: '/api/v1/holidays/seed', headers: bearer(f.platform), payload: { year: 2028 } });
    expect(ok(seeded, c.seededHolidays).added).toBeGreaterThan(5);
  });
});
