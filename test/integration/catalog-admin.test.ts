import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/app';
import { buildCatalog, OFFICE_HOURS, serviceBody, type CatalogFixture } from '../support/catalog-fixture';

let t: TestApp;
let f: CatalogFixture;
let imigrasiAdmin: string;
let officer: string;

beforeAll(async () => {
  t = await createTestApp({ start: '2026-11-25T09:00:00+08:00' });
  f = await buildCatalog(t);
  imigrasiAdmin = await t.userToken({ memberships: [{ role: 'agency_admin', siteId: f.siteId, agencyId: f.agencies.Imigrasi }] });
  officer = await t.userToken({ memberships: [{ role: 'officer', siteId: f.siteId, agencyId: f.agencies.Disdukcapil }] });
});
afterAll(async () => t?.close());

const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, token?: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
const fields = (res: { json(): { errors?: Array<{ field: string }> } }) => (res.json().errors ?? []).map((e) => e.field).sort();

describe('scoping', () => {
  it('lets an agency admin manage their own agency only', async () => {
    const own = await call('PATCH', `/api/v1/catalog/services/${f.services.PASPOR}`, imigrasiAdmin, { handlingMinutes: 20 });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().handlingMinutes).toBe(20);
    const other = await call('PATCH', `/api/v1/catalog/services/${f.services['KTP-EL']}`, imigrasiAdmin, { handlingMinutes: 20 });
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('auth.forbidden');
    expect((await call('GET', `/api/v1/catalog/services/${f.services['KTP-EL']}`, imigrasiAdmin)).statusCode).toBe(403);
    // Creating a service for another agency, or moving one there, is refused too.
    const create = await call('POST', `/api/v1/sites/${f.siteId}/catalog/services`, imigrasiAdmin, serviceBody({ agency: 'x', code: 'NEW', prefix: 'N', name: 'Layanan baru' }, f.agencies.Disdukcapil));
    expect(create.statusCode).toBe(403);
    expect((await call('PATCH', `/api/v1/catalog/services/${f.services.PASPOR}`, imigrasiAdmin, { agencyId: f.agencies.Disdukcapil })).statusCode).toBe(403);
    // Listings show only the agency's rows.
    const list = await call('GET', `/api/v1/sites/${f.siteId}/catalog/services`, imigrasiAdmin);
    expect(list.json().items.map((s: { code: string }) => s.code).sort()).toEqual(['PASPOR', 'PASPOR-GANTI']);
    expect((await call('GET', `/api/v1/sites/${f.siteId}/catalog/agencies`, imigrasiAdmin)).json().total).toBe(1);
  });

  it('lets an agency admin edit their hours but not their agreement or name', async () => {
    const hours = await call('PATCH', `/api/v1/catalog/agencies/${f.agencies.Imigrasi}`, imigrasiAdmin, { hours: { '1': [{ start: '08:00', end: '12:00' }] }, description: 'Paspor dan izin tinggal' });
    expect(hours.statusCode, hours.body).toBe(200);
    expect(hours.json().hoursText).toBe('Sen 08:00-12:00');
    expect((await call('PATCH', `/api/v1/catalog/agencies/${f.agencies.Imigrasi}`, imigrasiAdmin, { name: 'Imigrasi Baru' })).statusCode).toBe(403);
    expect((await call('PATCH', `/api/v1/catalog/agencies/${f.agencies.Disdukcapil}`, imigrasiAdmin, { description: 'x' })).statusCode).toBe(403);
    expect((await call('PATCH', `/api/v1/catalog/agencies/${f.agencies.Imigrasi}`, f.admin, { hours: OFFICE_HOURS })).statusCode).toBe(200);
  });

  it('refuses admin endpoints to officers (403) and to anonymous callers (401)', async () => {
    const urls: Array<['GET' | 'POST' | 'PATCH', string, unknown?]> = [
      ['GET', `/api/v1/sites/${f.siteId}/catalog/services`],
      ['GET', `/api/v1/sites/${f.siteId}/catalog/agencies`],
      ['GET', `/api/v1/sites/${f.siteId}/catalog/counters`],
      ['GET', `/api/v1/sites/${f.siteId}/catalog/export?format=json`],
      ['GET', `/api/v1/sites/${f.siteId}/staff`],
      ['POST', `/api/v1/sites/${f.siteId}/catalog/agencies`, { kind: 'opd', name: 'Dinas Sosial', shortName: 'Dinsos' }],
      ['PATCH', `/api/v1/catalog/services/${f.services['KTP-EL']}`, { handlingMinutes: 5 }],
      ['PATCH', `/api/v1/sites/${f.siteId}`, { name: 'MPP X' }],
      ['POST', `/api/v1/sites/${f.siteId}/holidays`, { date: '2026-12-30', name: 'Tutup' }],
    ];
    for (const [method, url, body] of urls) {
      expect((await call(method, url, officer, body)).statusCode, `${method} ${url}`).toBe(403);
      expect((await call(method, url, undefined, body)).statusCode, `${method} ${url}`).toBe(401);
    }
  });
});

describe('validation names the field', () => {
  it('reports schema problems for every field', async () => {
    const res = await call('POST', `/api/v1/sites/${f.siteId}/catalog/services`, f.admin, { agencyId: 'nope', code: '', name: 'X', procedure: [], duration: { value: -1, unit: 'weeks' }, fee: 1.5 });
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual(
      expect.arrayContaining(['body.agencyId', 'body.code', 'body.name', 'body.procedure', 'body.duration.value', 'body.duration.unit', 'body.fee', 'body.product', 'body.complaintChannel', 'body.prefix', 'body.requirements']),
    );
    expect(res.json().errors[0].messages).toEqual({ id: expect.any(String), en: expect.any(String) });
  });

  it('reports bad prefixes, codes, unknown documents and hours with readable messages', async () => {
    const body = {
      ...serviceBody({ agency: 'Imigrasi', code: 'izin tinggal!', prefix: 'X1', name: 'Izin tinggal' }, f.agencies.Imigrasi),
      requirements: [{ documentTypeKey: 'ktp-el' }, { documentTypeKey: 'tidak-ada' }],
      hours: { '1': [{ start: '08:00', end: '12:00' }, { start: '11:00', end: '13:00' }], '2': [{ start: '14:00', end: '13:00' }], '3': [{ start: '8', end: '12:00' }] },
    };
    const res = await call('POST', `/api/v1/sites/${f.siteId}/catalog/services`, f.admin, body);
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual(['body.code', 'body.hours.1.1', 'body.hours.2.0', 'body.hours.3.0.start', 'body.prefix', 'body.requirements.1.documentTypeKey']);
    const overlap = res.json().errors.find((e: { field: string }) => e.field === 'body.hours.1.1');
    expect(overlap).toMatchObject({ code: 'overlap', messages: { id: expect.stringContaining('Senin'), en: expect.stringContaining('overlaps') } });
  });

  it('validates agency hours and agreement dates', async () => {
    const res = await call('PATCH', `/api/v1/catalog/agencies/${f.agencies.Polresta}`, f.admin, {
      hours: { '5': [{ start: '07:30', end: '11:00' }, { start: '10:00', end: '12:00' }] },
      agreement: { number: 'PKS/9', signedOn: '2024-05-01', validUntil: '2023-05-01' },
    });
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual(['body.agreement.validUntil', 'body.hours.5.1']);
  });
});

describe('conflicts are 409 naming the field', () => {
  it('refuses a duplicate prefix, code, counter number and agency short name', async () => {
    const dupPrefix = await call('POST', `/api/v1/sites/${f.siteId}/catalog/services`, f.admin, serviceBody({ agency: 'Imigrasi', code: 'VISA', prefix: 'p', name: 'Izin tinggal' }, f.agencies.Imigrasi));
    expect(dupPrefix.statusCode).toBe(409);
    expect(dupPrefix.json()).toMatchObject({ code: 'conflict', errors: [{ field: 'body.prefix', code: 'taken' }] });
    expect(dupPrefix.json().errors[0].messages.id).toContain('Awalan');

    const viaPatch = await call('PATCH', `/api/v1/catalog/services/${f.services['PASPOR-GANTI']}`, f.admin, { prefix: 'P' });
    expect(viaPatch.statusCode).toBe(409);
    expect(viaPatch.json().errors[0].field).toBe('body.prefix');

    const dupCode = await call('POST', `/api/v1/sites/${f.siteId}/catalog/services`, f.admin, serviceBody({ agency: 'Imigrasi', code: 'paspor', prefix: 'V', name: 'Paspor lagi' }, f.agencies.Imigrasi));
    expect(dupCode.statusCode).toBe(409);
    expect(dupCode.json().errors[0].field).toBe('body.code');

    const dupCounter = await call('POST', `/api/v1/sites/${f.siteId}/catalog/counters`, f.admin, { agencyId: f.agencies.Imigrasi, number: 2 });
    expect(dupCounter.statusCode).toBe(409);
    expect(dupCounter.json().errors[0].field).toBe('body.number');

    const dupAgency = await call('POST', `/api/v1/sites/${f.siteId}/catalog/agencies`, f.admin, { kind: 'vertikal', name: 'Kantor Imigrasi Lain', shortName: 'Imigrasi' });
    expect(dupAgency.statusCode).toBe(409);
    expect(dupAgency.json().errors[0].field).toBe('body.shortName');

    const dupSlug = await call('POST', '/api/v1/sites', f.platform, { slug: (await call('GET', `/api/v1/sites/${f.siteId}`)).json().slug, name: 'MPP Lain', timeZone: 'Asia/Makassar' });
    expect(dupSlug.statusCode).toBe(409);
    expect(dupSlug.json().errors[0].field).toBe('body.slug');
  });
});

describe('services', () => {
  it('creates a service with all six published and eight internal components, then deactivates it', async () => {
    const body = {
      ...serviceBody({ agency: 'Imigrasi', code: 'ITAS', prefix: 'R', name: 'Izin Tinggal Terbatas', keywords: ['itas', 'kitas'] }, f.agencies.Imigrasi),
      duration: { value: 3, unit: 'working_days' },
      fee: 500000,
      internal: { legalBasis: 'UU 6/2011', facilities: 'Kursi roda, jalur landai', competence: 'Petugas imigrasi', supervision: 'Kepala kantor', staffCount: 3, guarantee: 'Tepat waktu', security: 'CCTV', evaluation: 'Triwulanan' },
      hours: { '2': [{ start: '08:00', end: '12:00' }], '4': [{ start: '08:00', end: '12:00' }] },
    };
    const res = await call('POST', `/api/v1/sites/${f.siteId}/catalog/services`, imigrasiAdmin, body);
    expect(res.statusCode, res.body).toBe(201);
    const s = res.json();
    expect(s).toMatchObject({ code: 'ITAS', internal: body.internal, hours: body.hours, hoursText: 'Sel 08:00-12:00; Kam 08:00-12:00', active: true, standard: { fee: 500000, durationText: '3 hari kerja' } });
    // The public page follows the service's own hours.
    expect((await call('GET', `/api/v1/services/${s.id}`)).json()).toMatchObject({ hoursText: 'Sel 08:00-12:00; Kam 08:00-12:00', openNow: false, nextOpening: '2026-11-26T00:00:00.000Z' });

    const off = await call('POST', `/api/v1/catalog/services/${s.id}/deactivate`, imigrasiAdmin);
    expect(off.json().active).toBe(false);
    expect((await call('GET', `/api/v1/services/${s.id}`)).statusCode).toBe(404);
    expect((await call('GET', `/api/v1/sites/${f.siteId}/services?q=itas`)).json()).toEqual([]);
    const admin = await call('GET', `/api/v1/sites/${f.siteId}/catalog/services?q=itas&status=inactive`, imigrasiAdmin);
    expect(admin.json()).toMatchObject({ total: 1, page: 1, pageSize: 25, items: [{ code: 'ITAS', active: false }] });
  });

  it('publishes a fee "sesuai tarif" only with its legal basis', async () => {
    const base = serviceBody({ agency: 'Imigrasi', code: 'VISA-KUNJUNGAN', prefix: 'VK', name: 'Visa Kunjungan' }, f.agencies.Imigrasi);
    const noBasis = await call('POST', `/api/v1/sites/${f.siteId}/catalog/services`, f.admin, { ...base, fee: 0, feeVariable: true, feeBasis: '  ' });
    expect(noBasis.statusCode).toBe(400);
    expect(noBasis.json().errors).toEqual([expect.objectContaining({ field: 'body.feeBasis', code: 'required', messages: { id: expect.stringContaining('sesuai tarif'), en: expect.any(String) } })]);
    const bad = await call('POST', `/api/v1/sites/${f.siteId}/catalog/services`, f.admin, { ...base, feeVariable: 'ya' });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad)).toEqual(['body.feeVariable']);

    const res = await call('POST', `/api/v1/sites/${f.siteId}/catalog/services`, f.admin, { ...base, fee: 500000, feeVariable: true, feeBasis: 'PP 45/2024 tentang Jenis dan Tarif PNBP Kementerian Imigrasi' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().standard).toMatchObject({ fee: 500000, feeVariable: true, feeBasis: 'PP 45/2024 tentang Jenis dan Tarif PNBP Kementerian Imigrasi' });
    const id = res.json().id;
    expect((await call('GET', `/api/v1/services/${id}`)).json().standard).toMatchObject({ fee: 500000, feeVariable: true });
    expect((await call('GET', `/api/v1/sites/${f.siteId}/services?q=visa`)).json()[0].standard.feeVariable).toBe(true);
    // Other services say they are not.
    expect((await call('GET', `/api/v1/services/${f.services['KTP-EL']}`)).json().standard).toMatchObject({ fee: 0, feeVariable: false });

    // A patch may not drop the basis of a variable fee; patches of other fields are not held up.
    const drop = await call('PATCH', `/api/v1/catalog/services/${id}`, f.admin, { feeBasis: '' });
    expect(drop.statusCode).toBe(400);
    expect(fields(drop)).toEqual(['body.feeBasis']);
    expect((await call('PATCH', `/api/v1/catalog/services/${id}`, f.admin, { handlingMinutes: 25 })).statusCode).toBe(200);
    const fixed = await call('PATCH', `/api/v1/catalog/services/${id}`, f.admin, { feeVariable: false, fee: 0, feeBasis: '' });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json().standard).toMatchObject({ fee: 0, feeVariable: false, feeBasis: '' });
    const audit = (await call('GET', `/api/v1/audit?action=catalog.service_updated&pageSize=50`, f.admin)).json();
    expect(audit.items.some((i: { targetId: string; details: { changes?: Record<string, unknown> } }) => i.targetId === id && i.details.changes?.feeVariable)).toBe(true);
  });

  it('pages and searches admin listings', async () => {
    const p1 = (await call('GET', `/api/v1/sites/${f.siteId}/catalog/services?pageSize=3&page=1`, f.admin)).json();
    const p2 = (await call('GET', `/api/v1/sites/${f.siteId}/catalog/services?pageSize=3&page=2`, f.admin)).json();
    expect(p1.items).toHaveLength(3);
    expect(p1.total).toBe(p2.total);
    expect(p1.items.map((s: { id: string }) => s.id)).not.toContain(p2.items[0].id);
    expect((await call('GET', `/api/v1/sites/${f.siteId}/catalog/agencies?q=bpjs`, f.admin)).json().total).toBe(2);
    expect((await call('GET', `/api/v1/sites/${f.siteId}/catalog/counters?q=imigrasi`, f.admin)).json().items.map((c: { number: number }) => c.number)).toEqual([2]);
    const bad = await call('GET', `/api/v1/sites/${f.siteId}/catalog/services?pageSize=0`, f.admin);
    expect(bad.statusCode).toBe(400);
    expect(fields(bad)).toEqual(['querystring.pageSize']);
  });
});

describe('counters and officers', () => {
  it('requires every service served to belong to the counter agency', async () => {
    const res = await call('PATCH', `/api/v1/catalog/counters/${f.counters[2]}`, f.admin, { serviceIds: [f.services.PASPOR, f.services['KTP-EL']] });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'body.serviceIds.1', code: 'other_agency' })]);
    const ok = await call('PATCH', `/api/v1/catalog/counters/${f.counters[2]}`, imigrasiAdmin, { serviceIds: [f.services.PASPOR], name: 'Loket Paspor' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ name: 'Loket Paspor', services: [{ code: 'PASPOR' }] });
    // The number and the agency are the site's floor plan.
    expect((await call('PATCH', `/api/v1/catalog/counters/${f.counters[2]}`, imigrasiAdmin, { number: 20 })).statusCode).toBe(403);
  });

  it('assigns officers of the counter agency only', async () => {
    const staff = await call('POST', `/api/v1/sites/${f.siteId}/staff`, f.admin, {
      username: 'petugas-imigrasi',
      displayName: 'Petugas Imigrasi',
      password: 'rahasia-sekali-1',
      memberships: [{ role: 'officer', agencyId: f.agencies.Imigrasi }],
    });
    expect(staff.statusCode, staff.body).toBe(201);
    const other = await call('POST', `/api/v1/sites/${f.siteId}/staff`, f.admin, { username: 'petugas-dukcapil', displayName: 'Petugas Dukcapil', password: 'rahasia-sekali-1', memberships: [{ role: 'officer', agencyId: f.agencies.Disdukcapil }] });
    const wrong = await call('PUT', `/api/v1/counters/${f.counters[2]}/officers`, f.admin, { userIds: [staff.json().id, other.json().id] });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([expect.objectContaining({ field: 'body.userIds.1', code: 'not_allowed' })]);
    const ok = await call('PUT', `/api/v1/counters/${f.counters[2]}/officers`, imigrasiAdmin, { userIds: [staff.json().id] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().officers).toEqual([{ id: staff.json().id, username: 'petugas-imigrasi', displayName: 'Petugas Imigrasi', active: true }]);
    expect((await call('GET', `/api/v1/catalog/counters/${f.counters[2]}`, f.admin)).json().officers).toHaveLength(1);
    expect((await call('PUT', `/api/v1/counters/${f.counters[1]}/officers`, imigrasiAdmin, { userIds: [] })).statusCode).toBe(403);
  });

  it('deactivating an agency deactivates its services and counters, never deleting them', async () => {
    const res = await call('POST', `/api/v1/sites/${f.siteId}/catalog/agencies`, f.admin, { kind: 'opd', name: 'Dinas Sosial', shortName: 'Dinsos', hours: OFFICE_HOURS });
    const dinsos = res.json().id;
    const svc = (await call('POST', `/api/v1/sites/${f.siteId}/catalog/services`, f.admin, serviceBody({ agency: 'Dinsos', code: 'DTKS', prefix: 'D', name: 'Pendaftaran DTKS' }, dinsos))).json();
    const counter = (await call('POST', `/api/v1/sites/${f.siteId}/catalog/counters`, f.admin, { agencyId: dinsos, number: 9, serviceIds: [svc.id] })).json();
    const off = await call('POST', `/api/v1/catalog/agencies/${dinsos}/deactivate`, f.admin);
    expect(off.json()).toMatchObject({ active: false, serviceCount: 1, counterCount: 1 });
    expect((await call('GET', `/api/v1/catalog/services/${svc.id}`, f.admin)).json().active).toBe(false);
    expect((await call('GET', `/api/v1/catalog/counters/${counter.id}`, f.admin)).json().active).toBe(false);
    expect((await call('GET', `/api/v1/sites/${f.siteId}/agencies`)).json().map((a: { shortName: string }) => a.shortName)).not.toContain('Dinsos');
    const audit = (await call('GET', `/api/v1/audit?action=catalog.agency_deactivated`, f.admin)).json();
    expect(audit.items[0]).toMatchObject({ targetId: dinsos, details: { deactivated: { services: 1, counters: 1 } } });
  });
});

describe('site settings', () => {
  it('lets the site admin edit contacts, maklumat and status, but not the slug', async () => {
    const res = await call('PATCH', `/api/v1/sites/${f.siteId}`, f.admin, { phone: '0541-777', whatsapp: '08123456789', website: 'https://mpp.samarindakota.go.id', status: 'operating', maklumat: 'Maklumat baru' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ contacts: { phone: '0541-777', whatsapp: '08123456789', website: 'https://mpp.samarindakota.go.id' }, maklumat: 'Maklumat baru' });
    expect((await call('PATCH', `/api/v1/sites/${f.siteId}`, f.admin, { slug: 'lain' })).statusCode).toBe(403);
    const badZone = await call('POST', '/api/v1/sites', f.platform, { slug: 'mpp-mars', name: 'MPP Mars', timeZone: 'Mars/Olympus' });
    expect(badZone.statusCode).toBe(400);
    expect(fields(badZone)).toEqual(['body.timeZone']);
    expect((await call('POST', '/api/v1/sites', f.admin, { slug: 'mpp-baru', name: 'MPP Baru', timeZone: 'Asia/Makassar' })).statusCode).toBe(403);
  });
});

describe('staff of a site', () => {
  it('creates, lists, deactivates and resets staff of the site', async () => {
    const created = await call('POST', `/api/v1/sites/${f.siteId}/staff`, f.admin, {
      username: 'admin-bpjs',
      displayName: 'Admin BPJS',
      password: 'rahasia-sekali-2',
      memberships: [{ role: 'agency_admin', agencyId: f.agencies['BPJS Kesehatan'] }],
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ username: 'admin-bpjs', active: true, memberships: [{ role: 'agency_admin', agencyName: 'BPJS Kesehatan' }], elsewhere: false });
    const id = created.json().id;

    const noAgency = await call('POST', `/api/v1/sites/${f.siteId}/staff`, f.admin, { username: 'x-officer', displayName: 'X', password: 'rahasia-sekali-2', memberships: [{ role: 'officer' }] });
    expect(noAgency.statusCode).toBe(400);
    expect(fields(noAgency)).toEqual(['body.memberships.0.agencyId']);
    expect((await call('POST', `/api/v1/sites/${f.siteId}/staff`, imigrasiAdmin, { username: 'x-two', displayName: 'X', password: 'rahasia-sekali-2', memberships: [{ role: 'officer', agencyId: f.agencies.Imigrasi }] })).statusCode).toBe(403);

    const list = (await call('GET', `/api/v1/sites/${f.siteId}/staff?q=bpjs`, f.admin)).json();
    expect(list.items.map((u: { username: string }) => u.username)).toEqual(['admin-bpjs']);
    // An agency admin sees their agency's staff (to staff counters).
    const mine = (await call('GET', `/api/v1/sites/${f.siteId}/staff`, imigrasiAdmin)).json();
    expect(mine.items.every((u: { memberships: Array<{ agencyId: string }> }) => u.memberships.some((m) => m.agencyId === f.agencies.Imigrasi))).toBe(true);

    const login = () => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin-bpjs', password: 'rahasia-sekali-2' } });
    const session = (await login()).json().token;
    expect((await call('POST', `/api/v1/sites/${f.siteId}/staff/${id}/deactivate`, f.admin)).json().active).toBe(false);
    expect((await login()).statusCode).toBe(403);
    expect((await call('GET', '/api/v1/auth/me', session)).statusCode).toBe(401);
    expect((await call('POST', `/api/v1/sites/${f.siteId}/staff/${id}/activate`, f.admin)).json().active).toBe(true);

    const reset = await call('POST', `/api/v1/sites/${f.siteId}/staff/${id}/reset-password`, f.admin, {});
    expect(reset.statusCode, reset.body).toBe(200);
    const temp = reset.json().temporaryPassword;
    expect(temp).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect((await login()).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin-bpjs', password: temp } })).statusCode).toBe(200);

    const roles = await call('PATCH', `/api/v1/sites/${f.siteId}/staff/${id}`, f.admin, { memberships: [{ role: 'officer', agencyId: f.agencies['BPJS Kesehatan'] }] });
    expect(roles.json().memberships).toEqual([{ role: 'officer', agencyId: f.agencies['BPJS Kesehatan'], agencyName: 'BPJS Kesehatan' }]);
  });

  it('keeps a site admin from touching users of other sites', async () => {
    const other = await buildCatalog(t, { platform: f.platform });
    const foreign = await call('POST', `/api/v1/sites/${other.siteId}/staff`, other.admin, { username: 'petugas-lain', displayName: 'Lain', password: 'rahasia-sekali-3', memberships: [{ role: 'officer', agencyId: other.agencies.Imigrasi }] });
    expect(foreign.statusCode).toBe(201);
    expect((await call('POST', `/api/v1/sites/${other.siteId}/staff/${foreign.json().id}/deactivate`, f.admin)).statusCode).toBe(403);
    expect((await call('POST', `/api/v1/sites/${f.siteId}/staff/${foreign.json().id}/deactivate`, f.admin)).statusCode).toBe(404);
    // A role in an agency of another site cannot be granted.
    const cross = await call('POST', `/api/v1/sites/${f.siteId}/staff`, f.admin, { username: 'silang', displayName: 'Silang', password: 'rahasia-sekali-3', memberships: [{ role: 'officer', agencyId: other.agencies.Imigrasi }] });
    expect(cross.statusCode).toBe(400);
    expect(fields(cross)).toEqual(['body.memberships.0.agencyId']);
  });
});

describe('audit', () => {
  it('records catalogue changes with the actor', async () => {
    const res = await call('GET', `/api/v1/audit?siteId=${f.siteId}&action=catalog.service_created&pageSize=50`, f.admin);
    expect(res.json().total).toBeGreaterThanOrEqual(8);
    const upd = (await call('GET', `/api/v1/audit?siteId=${f.siteId}&action=catalog.service_updated`, f.admin)).json();
    expect(upd.items.some((i: { details: { changes?: Record<string, unknown> } }) => i.details.changes?.handlingMinutes)).toBe(true);
  });
});
