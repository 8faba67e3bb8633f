import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/app';
import { buildCatalog, serviceBody, type CatalogFixture } from '../support/catalog-fixture';

/** Document types: shared ones (the platform admin's) and each site's own (its site admins'). */
let t: TestApp;
let f: CatalogFixture;
let agencyAdmin: string;
let officer: string;

beforeAll(async () => {
  t = await createTestApp({ start: '2026-11-23T10:00:00+08:00' });
  f = await buildCatalog(t);
  agencyAdmin = await t.userToken({ memberships: [{ role: 'agency_admin', siteId: f.siteId, agencyId: f.agencies.Imigrasi }] });
  officer = await t.userToken({ memberships: [{ role: 'officer', siteId: f.siteId, agencyId: f.agencies.Disdukcapil }] });
});
afterAll(async () => t?.close());

const URL = '/api/v1/catalog/document-types';
const call = (method: 'GET' | 'POST' | 'PATCH', url: string, token?: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
const fields = (res: { json(): { errors?: Array<{ field: string }> } }) => (res.json().errors ?? []).map((e) => e.field).sort();
const byKey = async (key: string) => (await call('GET', `${URL}?pageSize=500`, f.admin)).json().items.find((d: { key: string }) => d.key === key);

describe('document types', () => {
  it('lists every type with search, pages and how many services use it', async () => {
    const all = (await call('GET', URL, f.admin)).json();
    expect(all).toMatchObject({ total: 5, page: 1, pageSize: 25 });
    // KTP-el is named by KK, PASPOR, PASPOR-GANTI, JKN-DAFTAR, JHT and SKCK.
    expect(all.items.find((d: { key: string }) => d.key === 'ktp-el')).toMatchObject({ name: 'KTP Elektronik', active: true, serviceCount: 6 });
    const found = (await call('GET', `${URL}?q=kartu keluarga`, f.admin)).json();
    expect(found.items.map((d: { key: string }) => d.key)).toEqual(['kk']);
    const p2 = (await call('GET', `${URL}?pageSize=2&page=2`, f.admin)).json();
    expect(p2).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(p2.items).toHaveLength(2);
    // Agency admins read the list (they pick requirements); officers and anonymous callers do not.
    expect((await call('GET', URL, agencyAdmin)).statusCode).toBe(200);
    expect((await call('GET', URL, officer)).statusCode).toBe(403);
    expect((await call('GET', URL)).statusCode).toBe(401);
  });

  it('creates a type, names the field of every mistake and refuses a duplicate key or name (409)', async () => {
    const bad = await call('POST', URL, f.admin, { key: 'NPWP!', name: 'N' });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad)).toEqual(['body.name']);
    const badKey = await call('POST', URL, f.admin, { key: 'npwp pribadi', name: 'NPWP' });
    expect(badKey.statusCode).toBe(400);
    expect(badKey.json().errors).toEqual([expect.objectContaining({ field: 'body.key', code: 'invalid_key', messages: { id: expect.stringContaining('huruf kecil'), en: expect.any(String) } })]);

    const res = await call('POST', URL, f.admin, { key: 'NPWP', name: 'NPWP', description: 'Nomor Pokok Wajib Pajak' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ key: 'npwp', name: 'NPWP', description: 'Nomor Pokok Wajib Pajak', active: true, serviceCount: 0 });
    // The public list offers it at once.
    expect((await call('GET', '/api/v1/document-types')).json().map((d: { key: string }) => d.key)).toContain('npwp');

    const dupKey = await call('POST', URL, f.admin, { key: 'kk', name: 'Kartu Keluarga Baru' });
    expect(dupKey.statusCode).toBe(409);
    expect(dupKey.json()).toMatchObject({ code: 'conflict', errors: [{ field: 'body.key', code: 'taken' }] });
    // Names are unique regardless of case and spacing.
    const dupName = await call('POST', URL, f.admin, { key: 'kk-2', name: '  kartu   KELUARGA ' });
    expect(dupName.statusCode).toBe(409);
    expect(dupName.json().errors).toEqual([expect.objectContaining({ field: 'body.name', code: 'taken', messages: { id: expect.stringContaining('Kartu Keluarga'), en: expect.any(String) } })]);
  });

  it('lets only site and platform admins create or change types (403 for agency admins and officers)', async () => {
    expect((await call('POST', URL, agencyAdmin, { key: 'visa', name: 'Visa' })).statusCode).toBe(403);
    expect((await call('POST', URL, officer, { key: 'visa', name: 'Visa' })).statusCode).toBe(403);
    expect((await call('POST', URL, undefined, { key: 'visa', name: 'Visa' })).statusCode).toBe(401);
    const kk = await byKey('kk');
    expect((await call('PATCH', `${URL}/${kk.id}`, agencyAdmin, { name: 'KK' })).statusCode).toBe(403);
    expect((await call('POST', `${URL}/${kk.id}/deactivate`, agencyAdmin)).statusCode).toBe(403);
    // A site admin of another site, and the platform admin, may.
    const other = await buildCatalog(t, { platform: f.platform });
    const created = await call('POST', URL, other.admin, { key: 'sim', name: 'SIM' });
    expect(created.statusCode, created.body).toBe(201);
    expect((await call('PATCH', `${URL}/${created.json().id}`, f.platform, { name: 'Surat Izin Mengemudi (SIM)' })).json().name).toBe('Surat Izin Mengemudi (SIM)');
  });

  it('renames a shared type (platform admin) without touching its key; services show the new name', async () => {
    const pas = await byKey('pas-foto');
    const clash = await call('PATCH', `${URL}/${pas.id}`, f.platform, { name: 'ktp elektronik' });
    expect(clash.statusCode).toBe(409);
    expect(fields(clash)).toEqual(['body.name']);
    const short = await call('PATCH', `${URL}/${pas.id}`, f.platform, { name: 'P' });
    expect(short.statusCode).toBe(400);
    expect(fields(short)).toEqual(['body.name']);
    expect((await call('PATCH', `${URL}/${pas.id}`, f.platform, { key: 'foto' })).statusCode).toBe(400);

    const res = await call('PATCH', `${URL}/${pas.id}`, f.platform, { name: 'Pas Foto Berwarna', description: '4x6 latar merah' });
    expect(res.statusCode, res.body).toBe(200);
    // SKCK of both sites (the second one was built above) asks for it.
    expect(res.json()).toMatchObject({ key: 'pas-foto', name: 'Pas Foto Berwarna', description: '4x6 latar merah', serviceCount: 2 });
    // Same name in another case: the type itself is not a clash.
    expect((await call('PATCH', `${URL}/${pas.id}`, f.platform, { name: 'Pas foto berwarna' })).statusCode).toBe(200);
    const skck = (await call('GET', `/api/v1/services/${f.services.SKCK}`)).json();
    expect(skck.standard.requirements.map((r: { documentType: { name: string } }) => r.documentType.name)).toContain('Pas foto berwarna');
  });

  it('deactivates a shared type (platform admin) instead of deleting it: services keep it, new requirements cannot use it', async () => {
    const pengantar = await byKey('surat-pengantar');
    expect(pengantar.serviceCount).toBe(2);
    const off = await call('POST', `${URL}/${pengantar.id}/deactivate`, f.platform);
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ key: 'surat-pengantar', active: false });
    expect((await call('GET', '/api/v1/document-types')).json().map((d: { key: string }) => d.key)).not.toContain('surat-pengantar');
    expect((await call('GET', `${URL}?status=inactive`, f.admin)).json().items.map((d: { key: string }) => d.key)).toEqual(['surat-pengantar']);

    // KK still names it, and can be saved with it …
    const kk = (await call('GET', `/api/v1/services/${f.services.KK}`)).json();
    expect(kk.standard.requirements.map((r: { documentType: { key: string; name: string } }) => r.documentType)).toContainEqual({ key: 'surat-pengantar', name: 'Surat pengantar RT/RW' });
    const keep = await call('PATCH', `/api/v1/catalog/services/${f.services.KK}`, f.admin, { requirements: [{ documentTypeKey: 'ktp-el' }, { documentTypeKey: 'surat-pengantar', note: 'asli' }] });
    expect(keep.statusCode, keep.body).toBe(200);
    // … but another service cannot start to require it.
    const add = await call('PATCH', `/api/v1/catalog/services/${f.services['AKTA-LAHIR']}`, f.admin, { requirements: [{ documentTypeKey: 'kk' }, { documentTypeKey: 'surat-pengantar' }] });
    expect(add.statusCode).toBe(400);
    expect(add.json().errors).toEqual([expect.objectContaining({ field: 'body.requirements.1.documentTypeKey', code: 'inactive_document_type' })]);
    const create = await call('POST', `/api/v1/sites/${f.siteId}/catalog/services`, f.admin, {
      ...serviceBody({ agency: 'Disdukcapil', code: 'SKPWNI', prefix: 'W', name: 'Surat Keterangan Pindah' }, f.agencies.Disdukcapil),
      requirements: [{ documentTypeKey: 'surat-pengantar' }],
    });
    expect(create.statusCode).toBe(400);
    expect(fields(create)).toEqual(['body.requirements.0.documentTypeKey']);

    const on = await call('POST', `${URL}/${pengantar.id}/activate`, f.platform);
    expect(on.json().active).toBe(true);
    expect((await call('PATCH', `/api/v1/catalog/services/${f.services['AKTA-LAHIR']}`, f.admin, { requirements: [{ documentTypeKey: 'kk' }, { documentTypeKey: 'surat-pengantar' }] })).statusCode).toBe(200);
  });

  it('records every change in the audit log with the actor', async () => {
    const audit = async (action: string) => (await call('GET', `/api/v1/audit?action=${action}&pageSize=50`, f.platform)).json().items as Array<{ actor?: unknown; targetType: string; details: Record<string, unknown> }>;
    expect((await audit('catalog.document_type_created')).some((i) => i.details.key === 'npwp')).toBe(true);
    expect((await audit('catalog.document_type_updated')).some((i) => (i.details.changes as Record<string, unknown> | undefined)?.name)).toBe(true);
    expect((await audit('catalog.document_type_deactivated')).map((i) => i.details.key)).toEqual(['surat-pengantar']);
    expect((await audit('catalog.document_type_activated')).map((i) => i.details.key)).toEqual(['surat-pengantar']);
  });
});
