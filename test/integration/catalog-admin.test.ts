import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as access from '../../src/contracts/access';
import * as catalog from '../../src/contracts/catalog';
import { page } from '../../src/contracts/common';
import * as staffContract from '../../src/contracts/staff';
import { bearer, createTestApp, type TestApp } from '../support/app';
import { buildCatalog, OFFICE_HOURS, serviceBody, type CatalogFixture } from '../support/catalog-fixture';
import { ok, problem } from '../support/contract';
import { givenAgency, givenService, givenStaff } from '../support/fixtures';

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
const fields = (p: { errors?: Array<{ field: string }> }) => (p.errors ?? []).map((e) => e.field).sort();
const invalid = (res: Awaited<ReturnType<typeof call>>) => problem(res, 400, 'validation_failed');
const servicePage = page(catalog.adminService);
const agencyPage = page(catalog.adminAgency);
const counterPage = page(catalog.adminCounter);

describe('scoping', () => {
  it('lets an agency admin manage their own agency only', async () => {
    const own = await call('PATCH', `/api/v1/catalog/services/${f.services.PASPOR}`, imigrasiAdmin, { handlingMinutes: 20 });
    expect(ok(own, catalog.adminService).handlingMinutes).toBe(20);
    const other = await call('PATCH', `/api/v1/catalog/services/${f.services['KTP-EL']}`, imigrasiAdmin, { handlingMinutes: 20 });
    problem(other, 403, 'auth.forbidden');
    problem(await call('GET', `/api/v1/catalog/services/${f.services['KTP-EL']}`, imigrasiAdmin), 403, 'auth.forbidden');
    // Creating a service for another agency, or moving one there, is refused too.
    const create = await call('POST', `/api/v1/sites/${f.siteId}/catalog/services`, imigrasiAdmin, serviceBody({ agency: 'x', code: 'NEW', prefix: 'N', name: 'Layanan baru' }, f.agencies.Disdukcapil));
    problem(create, 403, 'auth.forbidden');
    problem(await call('PATCH', `/api/v1/catalog/services/${f.services.PASPOR}`, imigrasiAdmin, { agencyId: f.agencies.Disdukcapil }), 403, 'auth.forbidden');
    // Listings show only the agency's rows.
    const list = ok(await call('GET', `/api/v1/sites/${f.siteId}/catalog/services`, imigrasiAdmin), servicePage);
    expect(list.items.map((s) => s.code).sort()).toEqual(['PASPOR', 'PASPOR-GANTI']);
    expect(ok(await call('GET', `/api/v1/sites/${f.siteId}/catalog/agencies`, imigrasiAdmin), agencyPage).total).toBe(1);
  });

  it('lets an agency admin edit their hours but not their agreement or name', async () => {
    const hours = await call('PATCH', `/api/v1/catalog/agencies/${f.agencies.Imigrasi}`, imigrasiAdmin, { hours: { '1': [{ start: '08:00', end: '12:00' }] }, description: 'Paspor dan izin tinggal' });
    expect(ok(hours, catalog.adminAgency).hoursText).toBe('Sen 08:00-12:00');
    problem(await call('PATCH', `/api/v1/catalog/agencies/${f.agencies.Imigrasi}`, imigrasiAdmin, { name: 'Imigrasi Baru' }), 403, 'auth.forbidden');
    problem(await call('PATCH', `/api/v1/catalog/agencies/${f.agencies.Disdukcapil}`, imigrasiAdmin, { description: 'x' }), 403, 'auth.forbidden');
    ok(await call('PATCH', `/api/v1/catalog/agencies/${f.agencies.Imigrasi}`, f.admin, { hours: OFFICE_HOURS }), catalog.adminAgency);
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
      problem(await call(method, url, officer, body), 403, 'auth.forbidden');
      problem(await call(method, url, undefined, body), 401, 'auth.unauthenticated');
    }
  });
});

describe('validation names the field', () => {
  it('reports schema problems for every field', async () => {
    const res = await call('POST', `/api/v1/sites/${f.siteId}/catalog/services`, f.admin, { agencyId: 'nope', code: '', name: 'X', procedure: [], duration: { value: -1, unit: 'weeks' }, fee: 1.5 });
    const bad = invalid(res);
    expect(fields(bad)).toEqual(
      expect.arrayContaining(['body.agencyId', 'body.code', 'body.name', 'body.procedure', 'body.duration.value', 'body.duration.unit', 'body.fee', 'body.product', 'body.complaintChannel', 'body.prefix', 'body.requirements']),
    );
    expect(bad.errors?.[0].messages).toEqual({ id: expect.any(String), en: expect.any(String) });
  });

  it('reports bad prefixes, codes, unknown documents and hours with readable messages', async () => {
    const body = {
      ...serviceBody({ agency: 'Imigrasi', code: 'izin tinggal!', prefix: 'X1', name: 'Izin tinggal' }, f.agencies.Imigrasi),
      requirements: [{ documentTypeKey: 'ktp-el' }, { documentTypeKey: 'tidak-ada' }],
      hours: { '1': [{ start: '08:00', end: '12:00' }, { start: '11:00', end: '13:00' }], '2': [{ start: '14:00', end: '13:00' }], '3': [{ start: '8', end: '12:00' }] },
    };
    const res = invalid(await call('POST', `/api/v1/sites/${f.siteId}/catalog/services`, f.admin, body));
    expect(fields(res)).toEqual(['body.code', 'body.hours.1.1', 'body.hours.2.0', 'body.hours.3.0.start', 'body.prefix', 'body.requirements.1.documentTypeKey']);
    const overlap = res.errors?.find((e) => e.field === 'body.hours.1.1');
    expect(overlap).toMatchObject({ code: 'overlap', messages: { id: expect.stringContaining('Senin'), en: expect.stringContaining('overlaps') } });
  });

  it('validates agency hours and agreement dates', async () => {
    const res = await call('PATCH', `/api/v1/catalog/agencies/${f.agencies.Polresta}`, f.admin, {
      hours: { '5': [{ start: '07:30', end: '11:00' }, { start: '10:00', end: '12:00' }] },
      agreement: { number: 'PKS/9', signedOn: '2024-05-01', validUntil: '2023-05-01' },
    });
    expect(fields(invalid(res))).toEqual(['body.agreement.validUntil', 'body.hours.5.1']);
  });
});

describe('conflicts are 409 naming the field', () => {
  it('refuses a duplicate prefix, code, counter number and agency short name', async () => {
    const dupPrefix = await call('POST', `/api/v1/sites/${f.siteId}/catalog/services`, f.admin, serviceBody({ agency: 'Imigrasi', code: 'VISA', prefix: 'p', name: 'Izin tinggal' }, f.agencies.Imigrasi));
    const prefixTaken = problem(dupPrefix, 409, 'conflict');
    expect(prefixTaken).toMatchObject({ code: 'conflict', errors: [{ field: 'body.prefix', code: 'taken' }] });
    expect(prefixTaken.errors?.[0].messages.id).toContain('Awalan');

    const viaPatch = await call('PATCH', `/api/v1/catalog/services/${f.services['PASPOR-GANTI']}`, f.admin, { prefix: 'P' });
    expect(problem(viaPatch, 409, 'conflict').errors?.[0].field).toBe('body.prefix');

    const dupCode = await call('POST', `/api/v1/sites/${f.siteId}/catalog/services`, f.admin, serviceBody({ agency: 'Imigrasi', code: 'paspor', prefix: 'V', name: 'Paspor lagi' }, f.agencies.Imigrasi));
    expect(problem(dupCode, 409, 'conflict').errors?.[0].field).toBe('body.code');

    const dupCounter = await call('POST', `/api/v1/sites/${f.siteId}/catalog/counters`, f.admin, { agencyId: f.agencies.Imigrasi, number: 2 });
    expect(problem(dupCounter, 409, 'conflict').errors?.[0].field).toBe('body.number');

    const dupAgency = await call('POST', `/api/v1/sites/${f.siteId}/catalog/agencies`, f.admin, { kind: 'vertikal', name: 'Kantor Imigrasi Lain', shortName: 'Imigrasi' });
    expect(problem(dupAgency, 409, 'conflict').errors?.[0].field).toBe('body.shortName');

    const dupSlug = await call('POST', '/api/v1/sites', f.platform, { slug: ok(await call('GET', `/api/v1/sites/${f.siteId}`), catalog.siteDetail).slug, name: 'MPP Lain', timeZone: 'Asia/Makassar' });
    expect(problem(dupSlug, 409, 'conflict').errors?.[0].field).toBe('body.slug');
  });
});

describe('services', () => {
  it('creates a service with all six published and eight internal components, then deactivates it', async () => {
    // An agency of its own, so the other tests' listings of Imigrasi do not depend on this one.
    const agency = await givenAgency(t, f);
    const agencyAdmin = await givenStaff(t, 'agency_admin', f.siteId, agency.id);
    const body = {
      ...serviceBody({ agency: agency.shortName, code: 'ITAS', prefix: 'R', name: 'Izin Tinggal Terbatas', keywords: ['itas', 'kitas'] }, agency.id),
      duration: { value: 3, unit: 'working_days' },
      fee: 500000,
      internal: { legalBasis: 'UU 6/2011', facilities: 'Kursi roda, jalur landai', competence: 'Petugas imigrasi', supervision: 'Kepala kantor', staffCount: 3, guarantee: 'Tepat waktu', security: 'CCTV', evaluation: 'Triwulanan' },
      hours: { '2': [{ start: '08:00', end: '12:00' }], '4': [{ start: '08:00', end: '12:00' }] },
    };
    const s = ok(await call('POST', `/api/v1/sites/${f.siteId}/catalog/services`, agencyAdmin, body), catalog.adminService, 201);
    expect(s).toMatchObject({ code: 'ITAS', internal: body.internal, hours: body.hours, hoursText: 'Sel 08:00-12:00; Kam 08:00-12:00', active: true, standard: { fee: 500000, durationText: '3 hari kerja' } });
    // The public page follows the service's own hours.
    expect(ok(await call('GET', `/api/v1/services/${s.id}`), catalog.publicServiceDetail)).toMatchObject({ hoursText: 'Sel 08:00-12:00; Kam 08:00-12:00', openNow: false, nextOpening: '2026-11-26T00:00:00.000Z' });

    const off = ok(await call('POST', `/api/v1/catalog/services/${s.id}/deactivate`, agencyAdmin), catalog.adminService);
    expect(off.active).toBe(false);
    problem(await call('GET', `/api/v1/services/${s.id}`), 404, 'not_found');
    expect(ok(await call('GET', `/api/v1/sites/${f.siteId}/services?q=itas`), z.array(catalog.publicService))).toEqual([]);
    const admin = await call('GET', `/api/v1/sites/${f.siteId}/catalog/services?q=itas&status=inactive`, agencyAdmin);
    expect(ok(admin, servicePage)).toMatchObject({ total: 1, page: 1, pageSize: 25, items: [{ code: 'ITAS', active: false }] });
  });

  it('publishes a fee "sesuai tarif" only with its legal basis', async () => {
    const agency = await givenAgency(t, f);
    const base = serviceBody({ agency: agency.shortName, code: 'VISA-KUNJUNGAN', prefix: 'VK', name: 'Visa Kunjungan' }, agency.id);
    const noBasis = invalid(await call('POST', `/api/v1/sites/${f.siteId}/catalog/services`, f.admin, { ...base, fee: 0, feeVariable: true, feeBasis: '  ' }));
    expect(noBasis.errors).toEqual([expect.objectContaining({ field: 'body.feeBasis', code: 'required', messages: { id: expect.stringContaining('sesuai tarif'), en: expect.any(String) } })]);
    const bad = invalid(await call('POST', `/api/v1/sites/${f.siteId}/catalog/services`, f.admin, { ...base, feeVariable: 'ya' }));
    expect(fields(bad)).toEqual(['body.feeVariable']);

    const res = await call('POST', `/api/v1/sites/${f.siteId}/catalog/services`, f.admin, { ...base, fee: 500000, feeVariable: true, feeBasis: 'PP 45/2024 tentang Jenis dan Tarif PNBP Kementerian Imigrasi' });
    const created = ok(res, catalog.adminService, 201);
    expect(created.standard).toMatchObject({ fee: 500000, feeVariable: true, feeBasis: 'PP 45/2024 tentang Jenis dan Tarif PNBP Kementerian Imigrasi' });
    const id = created.id;
    expect(ok(await call('GET', `/api/v1/services/${id}`), catalog.publicServiceDetail).standard).toMatchObject({ fee: 500000, feeVariable: true });
    expect(ok(await call('GET', `/api/v1/sites/${f.siteId}/services?q=visa`), z.array(catalog.publicService))[0].standard.feeVariable).toBe(true);
    // Other services say they are not.
    expect(ok(await call('GET', `/api/v1/services/${f.services['KTP-EL']}`), catalog.publicServiceDetail).standard).toMatchObject({ fee: 0, feeVariable: false });

    // A patch may not drop the basis of a variable fee; patches of other fields are not held up.
    const drop = invalid(await call('PATCH', `/api/v1/catalog/services/${id}`, f.admin, { feeBasis: '' }));
    expect(fields(drop)).toEqual(['body.feeBasis']);
    ok(await call('PATCH', `/api/v1/catalog/services/${id}`, f.admin, { handlingMinutes: 25 }), catalog.adminService);
    const fixed = ok(await call('PATCH', `/api/v1/catalog/services/${id}`, f.admin, { feeVariable: false, fee: 0, feeBasis: '' }), catalog.adminService);
    expect(fixed.standard).toMatchObject({ fee: 0, feeVariable: false, feeBasis: '' });
    const audit = ok(await call('GET', `/api/v1/audit?action=catalog.service_updated&pageSize=50`, f.admin), access.auditPage);
    expect(audit.items.some((i) => i.targetId === id && (i.details.changes as Record<string, unknown> | undefined)?.feeVariable)).toBe(true);
  });

  it('pages and searches admin listings', async () => {
    const p1 = ok(await call('GET', `/api/v1/sites/${f.siteId}/catalog/services?pageSize=3&page=1`, f.admin), servicePage);
    const p2 = ok(await call('GET', `/api/v1/sites/${f.siteId}/catalog/services?pageSize=3&page=2`, f.admin), servicePage);
    expect(p1.items).toHaveLength(3);
    expect(p1.total).toBe(p2.total);
    expect(p1.items.map((s) => s.id)).not.toContain(p2.items[0].id);
    expect(ok(await call('GET', `/api/v1/sites/${f.siteId}/catalog/agencies?q=bpjs`, f.admin), agencyPage).total).toBe(2);
    expect(ok(await call('GET', `/api/v1/sites/${f.siteId}/catalog/counters?q=imigrasi`, f.admin), counterPage).items.map((c) => c.number)).toEqual([2]);
    const bad = invalid(await call('GET', `/api/v1/sites/${f.siteId}/catalog/services?pageSize=0`, f.admin));
    expect(fields(bad)).toEqual(['querystring.pageSize']);
  });
});

describe('counters and officers', () => {
  it('requires every service served to belong to the counter agency', async () => {
    const res = invalid(await call('PATCH', `/api/v1/catalog/counters/${f.counters[2]}`, f.admin, { serviceIds: [f.services.PASPOR, f.services['KTP-EL']] }));
    expect(res.errors).toEqual([expect.objectContaining({ field: 'body.serviceIds.1', code: 'other_agency' })]);
    const patched = ok(await call('PATCH', `/api/v1/catalog/counters/${f.counters[2]}`, imigrasiAdmin, { serviceIds: [f.services.PASPOR], name: 'Loket Paspor' }), catalog.adminCounter);
    expect(patched).toMatchObject({ name: 'Loket Paspor', services: [{ code: 'PASPOR' }] });
    // The number and the agency are the site's floor plan.
    problem(await call('PATCH', `/api/v1/catalog/counters/${f.counters[2]}`, imigrasiAdmin, { number: 20 }), 403, 'auth.forbidden');
  });

  it('assigns officers of the counter agency only', async () => {
    const staff = ok(
      await call('POST', `/api/v1/sites/${f.siteId}/staff`, f.admin, {
        username: 'petugas-imigrasi',
        displayName: 'Petugas Imigrasi',
        password: 'rahasia-sekali-1',
        memberships: [{ role: 'officer', agencyId: f.agencies.Imigrasi }],
      }),
      staffContract.staffMember,
      201,
    );
    const other = ok(await call('POST', `/api/v1/sites/${f.siteId}/staff`, f.admin, { username: 'petugas-dukcapil', displayName: 'Petugas Dukcapil', password: 'rahasia-sekali-1', memberships: [{ role: 'officer', agencyId: f.agencies.Disdukcapil }] }), staffContract.staffMember, 201);
    const wrong = invalid(await call('PUT', `/api/v1/counters/${f.counters[2]}/officers`, f.admin, { userIds: [staff.id, other.id] }));
    expect(wrong.errors).toEqual([expect.objectContaining({ field: 'body.userIds.1', code: 'not_allowed' })]);
    const staffed = ok(await call('PUT', `/api/v1/counters/${f.counters[2]}/officers`, imigrasiAdmin, { userIds: [staff.id] }), catalog.counterOfficers);
    expect(staffed.officers).toEqual([{ id: staff.id, username: 'petugas-imigrasi', displayName: 'Petugas Imigrasi', active: true }]);
    expect(ok(await call('GET', `/api/v1/catalog/counters/${f.counters[2]}`, f.admin), catalog.adminCounter).officers).toHaveLength(1);
    problem(await call('PUT', `/api/v1/counters/${f.counters[1]}/officers`, imigrasiAdmin, { userIds: [] }), 403, 'auth.forbidden');
  });

  it('deactivating an agency deactivates its services and counters, never deleting them', async () => {
    const res = await call('POST', `/api/v1/sites/${f.siteId}/catalog/agencies`, f.admin, { kind: 'opd', name: 'Dinas Sosial', shortName: 'Dinsos', hours: OFFICE_HOURS });
    const dinsos = ok(res, catalog.adminAgency, 201).id;
    const svc = ok(await call('POST', `/api/v1/sites/${f.siteId}/catalog/services`, f.admin, serviceBody({ agency: 'Dinsos', code: 'DTKS', prefix: 'D', name: 'Pendaftaran DTKS' }, dinsos)), catalog.adminService, 201);
    const counter = ok(await call('POST', `/api/v1/sites/${f.siteId}/catalog/counters`, f.admin, { agencyId: dinsos, number: 9, serviceIds: [svc.id] }), catalog.adminCounter, 201);
    const off = ok(await call('POST', `/api/v1/catalog/agencies/${dinsos}/deactivate`, f.admin), catalog.adminAgency);
    expect(off).toMatchObject({ active: false, serviceCount: 1, counterCount: 1 });
    expect(ok(await call('GET', `/api/v1/catalog/services/${svc.id}`, f.admin), catalog.adminService).active).toBe(false);
    expect(ok(await call('GET', `/api/v1/catalog/counters/${counter.id}`, f.admin), catalog.adminCounter).active).toBe(false);
    expect(ok(await call('GET', `/api/v1/sites/${f.siteId}/agencies`), z.array(catalog.publicAgency)).map((a) => a.shortName)).not.toContain('Dinsos');
    const audit = ok(await call('GET', `/api/v1/audit?action=catalog.agency_deactivated`, f.admin), access.auditPage);
    expect(audit.items[0]).toMatchObject({ targetId: dinsos, details: { deactivated: { services: 1, counters: 1 } } });
  });
});

describe('site settings', () => {
  it('lets the site admin edit contacts, maklumat and status, but not the slug', async () => {
    const res = await call('PATCH', `/api/v1/sites/${f.siteId}`, f.admin, { phone: '0541-777', whatsapp: '08123456789', website: 'https://mpp.samarindakota.go.id', status: 'operating', maklumat: 'Maklumat baru' });
    expect(ok(res, catalog.siteDetail)).toMatchObject({ contacts: { phone: '0541-777', whatsapp: '08123456789', website: 'https://mpp.samarindakota.go.id' }, maklumat: 'Maklumat baru' });
    problem(await call('PATCH', `/api/v1/sites/${f.siteId}`, f.admin, { slug: 'lain' }), 403, 'auth.forbidden');
    const badZone = invalid(await call('POST', '/api/v1/sites', f.platform, { slug: 'mpp-mars', name: 'MPP Mars', timeZone: 'Mars/Olympus' }));
    expect(fields(badZone)).toEqual(['body.timeZone']);
    problem(await call('POST', '/api/v1/sites', f.admin, { slug: 'mpp-baru', name: 'MPP Baru', timeZone: 'Asia/Makassar' }), 403, 'auth.forbidden');
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
    const member = ok(created, staffContract.staffMember, 201);
    expect(member).toMatchObject({ username: 'admin-bpjs', active: true, memberships: [{ role: 'agency_admin', agencyName: 'BPJS Kesehatan' }], elsewhere: false });
    const id = member.id;

    const noAgency = invalid(await call('POST', `/api/v1/sites/${f.siteId}/staff`, f.admin, { username: 'x-officer', displayName: 'X', password: 'rahasia-sekali-2', memberships: [{ role: 'officer' }] }));
    expect(fields(noAgency)).toEqual(['body.memberships.0.agencyId']);
    problem(await call('POST', `/api/v1/sites/${f.siteId}/staff`, imigrasiAdmin, { username: 'x-two', displayName: 'X', password: 'rahasia-sekali-2', memberships: [{ role: 'officer', agencyId: f.agencies.Imigrasi }] }), 403, 'auth.forbidden');

    const list = ok(await call('GET', `/api/v1/sites/${f.siteId}/staff?q=bpjs`, f.admin), staffContract.staffPage);
    expect(list.items.map((u) => u.username)).toEqual(['admin-bpjs']);
    // An agency admin sees their agency's staff (to staff counters).
    const mine = ok(await call('GET', `/api/v1/sites/${f.siteId}/staff`, imigrasiAdmin), staffContract.staffPage);
    expect(mine.items.every((u) => u.memberships.some((m) => m.agencyId === f.agencies.Imigrasi))).toBe(true);

    const login = () => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin-bpjs', password: 'rahasia-sekali-2' } });
    const session = ok(await login(), access.sessionResponse).token;
    expect(ok(await call('POST', `/api/v1/sites/${f.siteId}/staff/${id}/deactivate`, f.admin), staffContract.staffMember).active).toBe(false);
    problem(await login(), 403, 'auth.user_inactive');
    problem(await call('GET', '/api/v1/auth/me', session), 401, 'auth.unauthenticated');
    expect(ok(await call('POST', `/api/v1/sites/${f.siteId}/staff/${id}/activate`, f.admin), staffContract.staffMember).active).toBe(true);

    const reset = await call('POST', `/api/v1/sites/${f.siteId}/staff/${id}/reset-password`, f.admin, {});
    const temp = ok(reset, staffContract.resetPasswordResult).temporaryPassword;
    expect(temp).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    problem(await login(), 401, 'auth.invalid_credentials');
    ok(await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin-bpjs', password: temp } }), access.sessionResponse);

    const roles = await call('PATCH', `/api/v1/sites/${f.siteId}/staff/${id}`, f.admin, { memberships: [{ role: 'officer', agencyId: f.agencies['BPJS Kesehatan'] }] });
    expect(ok(roles, staffContract.staffMember).memberships).toEqual([{ role: 'officer', agencyId: f.agencies['BPJS Kesehatan'], agencyName: 'BPJS Kesehatan' }]);
  });

  it('keeps a site admin from touching users of other sites', async () => {
    const other = await buildCatalog(t, { platform: f.platform });
    const foreign = ok(await call('POST', `/api/v1/sites/${other.siteId}/staff`, other.admin, { username: 'petugas-lain', displayName: 'Lain', password: 'rahasia-sekali-3', memberships: [{ role: 'officer', agencyId: other.agencies.Imigrasi }] }), staffContract.staffMember, 201);
    problem(await call('POST', `/api/v1/sites/${other.siteId}/staff/${foreign.id}/deactivate`, f.admin), 403, 'auth.forbidden');
    problem(await call('POST', `/api/v1/sites/${f.siteId}/staff/${foreign.id}/deactivate`, f.admin), 404, 'not_found');
    // A role in an agency of another site cannot be granted.
    const cross = invalid(await call('POST', `/api/v1/sites/${f.siteId}/staff`, f.admin, { username: 'silang', displayName: 'Silang', password: 'rahasia-sekali-3', memberships: [{ role: 'officer', agencyId: other.agencies.Imigrasi }] }));
    expect(fields(cross)).toEqual(['body.memberships.0.agencyId']);
  });
});

describe('audit', () => {
  it('records catalogue changes with the actor', async () => {
    // A change of its own to find, rather than one an earlier test made.
    const service = await givenService(t, f, f.agencies.Imigrasi);
    ok(await call('PATCH', `/api/v1/catalog/services/${service.id}`, f.admin, { handlingMinutes: 30 }), catalog.adminService);
    const res = ok(await call('GET', `/api/v1/audit?siteId=${f.siteId}&action=catalog.service_created&pageSize=50`, f.admin), access.auditPage);
    expect(res.total).toBeGreaterThanOrEqual(8);
    const upd = ok(await call('GET', `/api/v1/audit?siteId=${f.siteId}&action=catalog.service_updated`, f.admin), access.auditPage);
    expect(upd.items.some((i) => i.targetId === service.id && (i.details.changes as Record<string, unknown> | undefined)?.handlingMinutes)).toBe(true);
  });
});
