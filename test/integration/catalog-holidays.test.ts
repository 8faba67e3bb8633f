import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as access from '../../src/contracts/access';
import * as catalog from '../../src/contracts/catalog';
import { bearer, createTestApp, type TestApp } from '../support/app';
import { buildCatalog, type CatalogFixture } from '../support/catalog-fixture';
import { ok, problem } from '../support/contract';

/**
 * The national list (libur nasional and cuti bersama), kept by the platform admin for every site,
 * and how a site's calendar follows it. "Today" is Monday 23 November 2026, 10:00 WITA.
 * The national list is one for the whole database: a test that adds to it uses dates no other
 * test asserts on (2028 is seeded by the test that needs it), or removes what it added.
 */
let t: TestApp;
let f: CatalogFixture;

beforeAll(async () => {
  t = await createTestApp({ start: '2026-11-23T10:00:00+08:00' });
  f = await buildCatalog(t);
});
afterAll(async () => t?.close());

const days = z.array(catalog.holiday);
const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, token?: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
const national = async (year: number) => ok(await call('GET', `/api/v1/holidays?year=${year}`), days);
const calendar = async (year: number, siteId = f.siteId) => ok(await call('GET', `/api/v1/sites/${siteId}/holidays?year=${year}`), days);
const disdukcapil = async () => ok(await call('GET', `/api/v1/sites/${f.siteId}/agencies`), z.array(catalog.publicAgency)).find((a) => a.shortName === 'Disdukcapil');
const addNational = async (body: { date: string; name: string; kind: string }) => ok(await call('POST', '/api/v1/holidays', f.platform, body), catalog.holiday, 201);

describe('national holidays and cuti bersama', () => {
  it('has the SKB list for 2026 and no cuti bersama yet for 2027', async () => {
    const y2026 = await national(2026);
    expect(y2026.filter((h) => h.kind === 'cuti_bersama').map((h) => h.date)).toContain('2026-12-24');
    const y2027 = await national(2027);
    expect(y2027.some((h) => h.date === '2027-08-17' && h.kind === 'national')).toBe(true);
    expect(y2027.filter((h) => h.kind === 'cuti_bersama')).toEqual([]);
  });

  it('refuses every change of the national list to a site admin (403) and to anonymous callers (401)', async () => {
    const [first] = await national(2027);
    const attempts: Array<['POST' | 'PATCH' | 'DELETE', string, unknown?]> = [
      ['POST', '/api/v1/holidays', { date: '2027-02-05', name: 'Cuti bersama Tahun Baru Imlek', kind: 'cuti_bersama' }],
      ['PATCH', `/api/v1/holidays/${first.id}`, { name: 'Tahun Baru' }],
      ['DELETE', `/api/v1/holidays/${first.id}`],
      ['POST', '/api/v1/holidays/seed', { year: 2027 }],
    ];
    const agencyAdmin = await t.userToken({ memberships: [{ role: 'agency_admin', siteId: f.siteId, agencyId: f.agencies.Imigrasi }] });
    for (const [method, url, body] of attempts) {
      problem(await call(method, url, f.admin, body), 403, 'auth.forbidden');
      problem(await call(method, url, agencyAdmin, body), 403, 'auth.forbidden');
      problem(await call(method, url, undefined, body), 401, 'auth.unauthenticated');
    }
    // A site admin cannot remove a national day through the site's own endpoint either.
    problem(await call('DELETE', `/api/v1/sites/${f.siteId}/holidays/${first.id}`, f.admin), 404);
    expect((await national(2027)).find((h) => h.id === first.id)).toMatchObject({ name: first.name });
  });

  it('lets the platform admin add cuti bersama; every site calendar closes that day', async () => {
    // Friday 4 Dec 2026 is an ordinary working day: open at 09:00 WITA. (Only public reads run
    // on that day: the sessions were opened on 23 November.)
    const on4Dec = async () => {
      t.clock.set('2026-12-04T09:00:00+08:00');
      try {
        return await disdukcapil();
      } finally {
        t.clock.set('2026-11-23T10:00:00+08:00');
      }
    };
    expect(await on4Dec()).toMatchObject({ openNow: true, today: { closed: null } });

    expect(await addNational({ date: '2026-12-04', name: 'Cuti bersama (uji)', kind: 'cuti_bersama' })).toMatchObject({ date: '2026-12-04', kind: 'cuti_bersama', siteId: null, closed: true });
    expect((await calendar(2026)).find((h) => h.date === '2026-12-04')).toMatchObject({ name: 'Cuti bersama (uji)', kind: 'cuti_bersama', closed: true });
    // The open state follows at once (the change is announced to every site's caches).
    expect(await on4Dec()).toMatchObject({ openNow: false, today: { closed: { name: 'Cuti bersama (uji)', kind: 'cuti_bersama' } } });

    // A second site sees it too, and may still decide to open.
    const other = await buildCatalog(t, { platform: f.platform });
    expect((await calendar(2026, other.siteId)).some((h) => h.date === '2026-12-04' && h.closed)).toBe(true);
    ok(await call('POST', `/api/v1/sites/${other.siteId}/holidays`, other.admin, { date: '2026-12-04', name: 'Tetap buka', kind: 'open' }), catalog.holiday, 201);
    expect((await calendar(2026, other.siteId)).find((h) => h.date === '2026-12-04' && h.siteId === null)!.closed).toBe(false);
  });

  it('validates the date and refuses a date already on the list, naming body.date', async () => {
    // A year of its own, loaded from the built-in list, so its additions meet no other test's.
    ok(await call('POST', '/api/v1/holidays/seed', f.platform, { year: 2028 }), catalog.seededHolidays);
    const invalid = problem(await call('POST', '/api/v1/holidays', f.platform, { date: '2028-02-30', name: 'Tanggal salah', kind: 'national' }), 400, 'validation_failed');
    expect(invalid.errors).toEqual([expect.objectContaining({ field: 'body.date', code: 'invalid_date' })]);
    const malformed = problem(await call('POST', '/api/v1/holidays', f.platform, { date: '5/2/2028', name: 'Tanggal salah', kind: 'national' }), 400, 'validation_failed');
    expect(malformed.errors?.map((e) => e.field)).toEqual(['body.date']);
    const kind = problem(await call('POST', '/api/v1/holidays', f.platform, { date: '2028-02-04', name: 'Penutupan', kind: 'closure' }), 400, 'validation_failed');
    expect(kind.errors?.map((e) => e.field)).toEqual(['body.kind']);

    const dup = problem(await call('POST', '/api/v1/holidays', f.platform, { date: '2028-08-17', name: 'HUT RI', kind: 'national' }), 409);
    expect(dup.errors).toEqual([expect.objectContaining({ field: 'body.date', code: 'taken', messages: { id: expect.stringContaining('daftar libur nasional'), en: expect.any(String) } })]);
    // Moving an entry onto a taken date is refused the same way.
    const moved = await addNational({ date: '2028-12-26', name: 'Cuti bersama Natal', kind: 'cuti_bersama' });
    const clash = problem(await call('PATCH', `/api/v1/holidays/${moved.id}`, f.platform, { date: '2028-12-25' }), 409);
    expect(clash.errors?.[0].field).toBe('body.date');
    const badPatch = problem(await call('PATCH', `/api/v1/holidays/${moved.id}`, f.platform, { date: '2028-13-01' }), 400, 'validation_failed');
    expect(badPatch.errors?.[0].field).toBe('body.date');
  });

  it('edits the name and kind of an entry, then removes it, and the calendar follows', async () => {
    const cutiBersama2027 = async () => (await national(2027)).filter((h) => h.kind === 'cuti_bersama').map((h) => h.date);
    const before = await cutiBersama2027();
    const added = await addNational({ date: '2027-02-05', name: 'Cuti bersama Imlek', kind: 'national' });
    const renamed = ok(await call('PATCH', `/api/v1/holidays/${added.id}`, f.platform, { name: 'Cuti bersama Tahun Baru Imlek 2578 Kongzili', kind: 'cuti_bersama' }), catalog.holiday);
    expect(renamed).toMatchObject({ date: '2027-02-05', name: 'Cuti bersama Tahun Baru Imlek 2578 Kongzili', kind: 'cuti_bersama' });
    expect((await calendar(2027)).find((h) => h.date === '2027-02-05')).toMatchObject({ kind: 'cuti_bersama', closed: true });
    expect(await cutiBersama2027()).toEqual([...before, '2027-02-05'].sort());

    expect((await call('DELETE', `/api/v1/holidays/${added.id}`, f.platform)).statusCode).toBe(204);
    expect((await calendar(2027)).some((h) => h.date === '2027-02-05')).toBe(false);
    problem(await call('DELETE', `/api/v1/holidays/${added.id}`, f.platform), 404);
    // A site's own row is not the national list's to edit.
    const closure = ok(await call('POST', `/api/v1/sites/${f.siteId}/holidays`, f.admin, { date: '2027-03-01', name: 'Pemeliharaan gedung' }), catalog.holiday, 201);
    problem(await call('PATCH', `/api/v1/holidays/${closure.id}`, f.platform, { name: 'Penutupan lain' }), 404);

    const updated = ok(await call('GET', '/api/v1/audit?action=calendar.national_updated', f.platform), access.auditPage);
    expect(updated.items[0]).toMatchObject({ targetId: added.id, details: { date: '2027-02-05', changes: { kind: { from: 'national', to: 'cuti_bersama' } } } });
    expect(ok(await call('GET', '/api/v1/audit?action=calendar.national_removed', f.platform), access.auditPage).items[0]).toMatchObject({ targetId: added.id, details: { date: '2027-02-05' } });
  });

  it('seeds a year from the built-in list only where dates are missing', async () => {
    const before = (await national(2026)).length;
    expect(ok(await call('POST', '/api/v1/holidays/seed', f.platform, { year: 2026 }), catalog.seededHolidays)).toEqual({ year: 2026, added: 0 });
    expect((await national(2026)).length).toBe(before);
  });
});
