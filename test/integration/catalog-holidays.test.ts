import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/app';
import { buildCatalog, type CatalogFixture } from '../support/catalog-fixture';

/**
 * The national list (libur nasional and cuti bersama), kept by the platform admin for every site,
 * and how a site's calendar follows it. "Today" is Monday 23 November 2026, 10:00 WITA.
 */
let t: TestApp;
let f: CatalogFixture;

beforeAll(async () => {
  t = await createTestApp({ start: '2026-11-23T10:00:00+08:00' });
  f = await buildCatalog(t);
});
afterAll(async () => t?.close());

type Day = { id: string; date: string; name: string; kind: string; siteId: string | null; closed: boolean };
const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, token?: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
const national = async (year: number) => (await call('GET', `/api/v1/holidays?year=${year}`)).json() as Day[];
const calendar = async (year: number) => (await call('GET', `/api/v1/sites/${f.siteId}/holidays?year=${year}`)).json() as Day[];
const disdukcapil = async () => (await call('GET', `/api/v1/sites/${f.siteId}/agencies`)).json().find((a: { shortName: string }) => a.shortName === 'Disdukcapil');

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
      expect((await call(method, url, f.admin, body)).statusCode, `${method} ${url}`).toBe(403);
      expect((await call(method, url, agencyAdmin, body)).statusCode, `${method} ${url}`).toBe(403);
      expect((await call(method, url, undefined, body)).statusCode, `${method} ${url}`).toBe(401);
    }
    // A site admin cannot remove a national day through the site's own endpoint either.
    expect((await call('DELETE', `/api/v1/sites/${f.siteId}/holidays/${first.id}`, f.admin)).statusCode).toBe(404);
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

    const res = await call('POST', '/api/v1/holidays', f.platform, { date: '2026-12-04', name: 'Cuti bersama (uji)', kind: 'cuti_bersama' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ date: '2026-12-04', kind: 'cuti_bersama', siteId: null, closed: true });
    expect((await calendar(2026)).find((h) => h.date === '2026-12-04')).toMatchObject({ name: 'Cuti bersama (uji)', kind: 'cuti_bersama', closed: true });
    // The open state follows at once (the change is announced to every site's caches).
    expect(await on4Dec()).toMatchObject({ openNow: false, today: { closed: { name: 'Cuti bersama (uji)', kind: 'cuti_bersama' } } });

    // A second site sees it too, and may still decide to open.
    const other = await buildCatalog(t, { platform: f.platform });
    expect(((await call('GET', `/api/v1/sites/${other.siteId}/holidays?year=2026`)).json() as Day[]).some((h) => h.date === '2026-12-04' && h.closed)).toBe(true);
    const open = await call('POST', `/api/v1/sites/${other.siteId}/holidays`, other.admin, { date: '2026-12-04', name: 'Tetap buka', kind: 'open' });
    expect(open.statusCode, open.body).toBe(201);
    expect(((await call('GET', `/api/v1/sites/${other.siteId}/holidays?year=2026`)).json() as Day[]).find((h) => h.date === '2026-12-04' && h.siteId === null)!.closed).toBe(false);
  });

  it('validates the date and refuses a date already on the list, naming body.date', async () => {
    const invalid = await call('POST', '/api/v1/holidays', f.platform, { date: '2027-02-30', name: 'Tanggal salah', kind: 'national' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors).toEqual([expect.objectContaining({ field: 'body.date', code: 'invalid_date' })]);
    const malformed = await call('POST', '/api/v1/holidays', f.platform, { date: '5/2/2027', name: 'Tanggal salah', kind: 'national' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.date']);
    const kind = await call('POST', '/api/v1/holidays', f.platform, { date: '2027-02-05', name: 'Penutupan', kind: 'closure' });
    expect(kind.statusCode).toBe(400);
    expect(kind.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.kind']);

    const dup = await call('POST', '/api/v1/holidays', f.platform, { date: '2027-08-17', name: 'HUT RI', kind: 'national' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors).toEqual([expect.objectContaining({ field: 'body.date', code: 'taken', messages: { id: expect.stringContaining('daftar libur nasional'), en: expect.any(String) } })]);
    // Moving an entry onto a taken date is refused the same way.
    const moved = await call('POST', '/api/v1/holidays', f.platform, { date: '2027-12-24', name: 'Cuti bersama Natal', kind: 'cuti_bersama' });
    expect(moved.statusCode, moved.body).toBe(201);
    const clash = await call('PATCH', `/api/v1/holidays/${moved.json().id}`, f.platform, { date: '2027-12-25' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().errors[0].field).toBe('body.date');
    const badPatch = await call('PATCH', `/api/v1/holidays/${moved.json().id}`, f.platform, { date: '2027-13-01' });
    expect(badPatch.statusCode).toBe(400);
    expect(badPatch.json().errors[0].field).toBe('body.date');
  });

  it('edits the name and kind of an entry, then removes it, and the calendar follows', async () => {
    const added = (await call('POST', '/api/v1/holidays', f.platform, { date: '2027-02-05', name: 'Cuti bersama Imlek', kind: 'national' })).json() as Day;
    const renamed = await call('PATCH', `/api/v1/holidays/${added.id}`, f.platform, { name: 'Cuti bersama Tahun Baru Imlek 2578 Kongzili', kind: 'cuti_bersama' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ date: '2027-02-05', name: 'Cuti bersama Tahun Baru Imlek 2578 Kongzili', kind: 'cuti_bersama' });
    expect((await calendar(2027)).find((h) => h.date === '2027-02-05')).toMatchObject({ kind: 'cuti_bersama', closed: true });
    expect((await national(2027)).filter((h) => h.kind === 'cuti_bersama').map((h) => h.date)).toEqual(['2027-02-05', '2027-12-24']);

    const removed = await call('DELETE', `/api/v1/holidays/${added.id}`, f.platform);
    expect(removed.statusCode).toBe(204);
    expect((await calendar(2027)).some((h) => h.date === '2027-02-05')).toBe(false);
    expect((await call('DELETE', `/api/v1/holidays/${added.id}`, f.platform)).statusCode).toBe(404);
    // A site's own row is not the national list's to edit.
    const closure = (await call('POST', `/api/v1/sites/${f.siteId}/holidays`, f.admin, { date: '2027-03-01', name: 'Pemeliharaan gedung' })).json() as Day;
    expect((await call('PATCH', `/api/v1/holidays/${closure.id}`, f.platform, { name: 'Penutupan lain' })).statusCode).toBe(404);

    const audit = (await call('GET', '/api/v1/audit?action=calendar.national_updated', f.platform)).json();
    expect(audit.items[0]).toMatchObject({ targetId: added.id, details: { date: '2027-02-05', changes: { kind: { from: 'national', to: 'cuti_bersama' } } } });
    expect((await call('GET', '/api/v1/audit?action=calendar.national_removed', f.platform)).json().items[0]).toMatchObject({ targetId: added.id, details: { date: '2027-02-05' } });
  });

  it('seeds a year from the built-in list only where dates are missing', async () => {
    const before = (await national(2026)).length;
    const res = await call('POST', '/api/v1/holidays/seed', f.platform, { year: 2026 });
    expect(res.json()).toEqual({ year: 2026, added: 0 });
    expect((await national(2026)).length).toBe(before);
  });
});
