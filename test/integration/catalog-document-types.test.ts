import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { auditPage } from '../../src/contracts/access';
import * as c from '../../src/contracts/catalog';
import { page } from '../../src/contracts/common';
import { bearer, createTestApp, type TestApp } from '../support/app';
import { buildCatalog, serviceBody, type CatalogFixture } from '../support/catalog-fixture';
import { ok, problem } from '../support/contract';

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
const fields = (p: { errors?: Array<{ field: string }> }) => (p.errors ?? []).map((e) => e.field).sort();
const typePage = page(c.adminDocumentType);
const list = async (url: string, token: string) => ok(await call('GET', url, token), typePage);
const publicTypes = async () => ok(await call('GET', '/api/v1/document-types'), z.array(c.documentType));
const byKey = async (key: string) => (await list(`${URL}?pageSize=500`, f.admin)).items.find((d) => d.key === key)!;

describe('document types', () => {
  it('lists every type with search, pages and how many services use it', async () => {
    const all = await list(URL, f.admin);
    expect(all).toMatchObject({ total: 5, page: 1, pageSize: 25 });
    // KTP-el is named by KK, PASPOR, PASPOR-GANTI, JKN-DAFTAR, JHT and SKCK.
    expect(all.items.find((d) => d.key === 'ktp-el')).toMatchObject({ name: 'KTP Elektronik', active: true, serviceCount: 6 });
    const found = await list(`${URL}?q=kartu keluarga`, f.admin);
    expect(found.items.map((d) => d.key)).toEqual(['kk']);
    const p2 = await list(`${URL}?pageSize=2&page=2`, f.admin);
    expect(p2).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(p2.items).toHaveLength(2);
    // Agency admins read the list (they pick requirements); officers and anonymous callers do not.
    await list(URL, agencyAdmin);
    problem(await call('GET', URL, officer), 403, 'auth.forbidden');
    problem(await call('GET', URL), 401, 'auth.unauthenticated');
  });

  it('creates a type, names the field of every mistake and refuses a duplicate key or name (409)', async () => {
    const bad = problem(await call('POST', URL, f.admin, { key: 'NPWP!', name: 'N' }), 400, 'validation_failed');
    expect(fields(bad)).toEqual(['body.name']);
    const badKey = problem(await call('POST', URL, f.admin, { key: 'npwp pribadi', name: 'NPWP' }), 400, 'validation_failed');
    expect(badKey.errors).toEqual([expect.objectContaining({ field: 'body.key', code: 'invalid_key', messages: { id: expect.stringContaining('huruf kecil'), en: expect.any(String) } })]);

    const res = await call('POST', URL, f.admin, { key: 'NPWP', name: 'NPWP', description: 'Nomor Pokok Wajib Pajak' });
    expect(ok(res, c.adminDocumentType, 201)).toMatchObject({ key: 'npwp', name: 'NPWP', description: 'Nomor Pokok Wajib Pajak', active: true, serviceCount: 0 });
    // The public list offers it at once.
    expect((await publicTypes()).map((d) => d.key)).toContain('npwp');

    const dupKey = await call('POST', URL, f.admin, { key: 'kk', name: 'Kartu Keluarga Baru' });
    expect(problem(dupKey, 409, 'conflict')).toMatchObject({ code: 'conflict', errors: [{ field: 'body.key', code: 'taken' }] });
    // Names are unique regardless of case and spacing.
    const dupName = await call('POST', URL, f.admin, { key: 'kk-2', name: '  kartu   KELUARGA ' });
    expect(problem(dupName, 409, 'conflict').errors).toEqual([expect.objectContaining({ field: 'body.name', code: 'taken', messages: { id: expect.stringContaining('Kartu Keluarga'), en: expect.any(String) } })]);
  });

  it('lets only site and platform admins create or change types (403 for agency admins and officers)', async () => {
    problem(await call('POST', URL, agencyAdmin, { key: 'visa', name: 'Visa' }), 403, 'auth.forbidden');
    problem(await call('POST', URL, officer, { key: 'visa', name: 'Visa' }), 403, 'auth.forbidden');
    problem(await call('POST', URL, undefined, { key: 'visa', name: 'Visa' }), 401, 'auth.unauthenticated');
    const kk = await byKey('kk');
    problem(await call('PATCH', `${URL}/${kk.id}`, agencyAdmin, { name: 'KK' }), 403, 'auth.forbidden');
    problem(await call('POST', `${URL}/${kk.id}/deactivate`, agencyAdmin), 403, 'auth.forbidden');
    // A site admin of another site, and the platform admin, may.
    const other = await buildCatalog(t, { platform: f.platform });
    const created = await call('POST', URL, other.admin, { key: 'sim', name: 'SIM' });
    const sim = ok(created, c.adminDocumentType, 201);
    expect(ok(await call('PATCH', `${URL}/${sim.id}`, f.platform, { name: 'Surat Izin Mengemudi (SIM)' }), c.adminDocumentType).name).toBe('Surat Izin Mengemudi (SIM)');
  });

  it('renames a shared type (platform admin) without touching its key; services show the new name', async () => {
    const pas = await byKey('pas-foto');
    const clash = await call('PATCH', `${URL}/${pas.id}`, f.platform, { name: 'ktp elektronik' });
    expect(fields(problem(clash, 409, 'conflict'))).toEqual(['body.name']);
    const short = await call('PATCH', `${URL}/${pas.id}`, f.platform, { name: 'P' });
    expect(fields(problem(short, 400, 'validation_failed'))).toEqual(['body.name']);
    problem(await call('PATCH', `${URL}/${pas.id}`, f.platform, { key: 'foto' }), 400, 'validation_failed');

    const res = await call('PATCH', `${URL}/${pas.id}`, f.platform, { name: 'Pas Foto Berwarna', description: '4x6 latar merah' });
    // SKCK of both sites (the second one was built above) asks for it.
    expect(ok(res, c.adminDocumentType)).toMatchObject({ key: 'pas-foto', name: 'Pas Foto Berwarna', description: '4x6 latar merah', serviceCount: 2 });
    // Same name in another case: the type itself is not a clash.
    ok(await call('PATCH', `${URL}/${pas.id}`, f.platform, { name: 'Pas foto berwarna' }), c.adminDocumentType);
    const skck = ok(await call('GET', `/api/v1/services/${f.services.SKCK}`), c.publicServiceDetail);
    expect(skck.standard.requirements.map((r) => r.documentType.name)).toContain('Pas foto berwarna');
  });

  it('deactivates a shared type (platform admin) instead of deleting it: services keep it, new requirements cannot use it', async () => {
    const pengantar = await byKey('surat-pengantar');
    expect(pengantar.serviceCount).toBe(2);
    const off = await call('POST', `${URL}/${pengantar.id}/deactivate`, f.platform);
    expect(ok(off, c.adminDocumentType)).toMatchObject({ key: 'surat-pengantar', active: false });
    expect((await publicTypes()).map((d) => d.key)).not.toContain('surat-pengantar');
    expect((await list(`${URL}?status=inactive`, f.admin)).items.map((d) => d.key)).toEqual(['surat-pengantar']);

    // KK still names it, and can be saved with it …
    const kk = ok(await call('GET', `/api/v1/services/${f.services.KK}`), c.publicServiceDetail);
    expect(kk.standard.requirements.map((r) => r.documentType)).toContainEqual({ key: 'surat-pengantar', name: 'Surat pengantar RT/RW' });
    const keep = await call('PATCH', `/api/v1/catalog/services/${f.services.KK}`, f.admin, { requirements: [{ documentTypeKey: 'ktp-el' }, { documentTypeKey: 'surat-pengantar', note: 'asli' }] });
    ok(keep, c.adminService);
    // … but another service cannot start to require it.
    const add = await call('PATCH', `/api/v1/catalog/services/${f.services['AKTA-LAHIR']}`, f.admin, { requirements: [{ documentTypeKey: 'kk' }, { documentTypeKey: 'surat-pengantar' }] });
    expect(problem(add, 400, 'validation_failed').errors).toEqual([expect.objectContaining({ field: 'body.requirements.1.documentTypeKey', code: 'inactive_document_type' })]);
    const create = await call('POST', `/api/v1/sites/${f.siteId}/catalog/services`, f.admin, {
      ...serviceBody({ agency: 'Disdukcapil', code: 'SKPWNI', prefix: 'W', name: 'Surat Keterangan Pindah' }, f.agencies.Disdukcapil),
      requirements: [{ documentTypeKey: 'surat-pengantar' }],
    });
    expect(fields(problem(create, 400, 'validation_failed'))).toEqual(['body.requirements.0.documentTypeKey']);

    const on = await call('POST', `${URL}/${pengantar.id}/activate`, f.platform);
    expect(ok(on, c.adminDocumentType).active).toBe(true);
    ok(await call('PATCH', `/api/v1/catalog/services/${f.services['AKTA-LAHIR']}`, f.admin, { requirements: [{ documentTypeKey: 'kk' }, { documentTypeKey: 'surat-pengantar' }] }), c.adminService);
  });

  it('records every change in the audit log with the actor', async () => {
    const audit = async (action: string) => ok(await call('GET', `/api/v1/audit?action=${action}&pageSize=50`, f.platform), auditPage).items;
    expect((await audit('catalog.document_type_created')).some((i) => i.details.key === 'npwp')).toBe(true);
    expect((await audit('catalog.document_type_updated')).some((i) => (i.details.changes as Record<string, unknown> | undefined)?.name)).toBe(true);
    expect((await audit('catalog.document_type_deactivated')).map((i) => i.details.key)).toEqual(['surat-pengantar']);
    expect((await audit('catalog.document_type_activated')).map((i) => i.details.key)).toEqual(['surat-pengantar']);
  });
});
