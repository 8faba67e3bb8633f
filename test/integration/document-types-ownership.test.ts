import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as c from '../../src/contracts/catalog';
import { page } from '../../src/contracts/common';
import { bearer, createTestApp, type TestApp } from '../support/app';
import { buildCatalog, type CatalogFixture } from '../support/catalog-fixture';
import { ok, problem } from '../support/contract';

// Two MPPs on one platform: Samarinda (f) and Balikpapan (g). The national documents are shared
// (the platform admin's); each site may add its own. A site admin must not be able to change
// what Balikpapan's public pages show.
let t: TestApp;
let f: CatalogFixture;
let g: CatalogFixture;

beforeAll(async () => {
  t = await createTestApp();
  f = await buildCatalog(t);
  g = await buildCatalog(t, { platform: f.platform });
});
afterAll(async () => t?.close());

const URL = '/api/v1/catalog/document-types';
const call = (method: 'GET' | 'POST' | 'PATCH', url: string, token?: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
const list = async (token: string, query = '') => ok(await call('GET', `${URL}?pageSize=500${query}`, token), page(c.adminDocumentType)).items;
const requirementNames = async (serviceId: string) => ok(await call('GET', `/api/v1/services/${serviceId}`), c.publicServiceDetail).standard.requirements.map((r) => r.documentType.name);

describe('shared document types belong to the platform admin', () => {
  it('a site admin can neither rename, describe, deactivate nor reactivate one, and Balikpapan’s pages stay as they were', async () => {
    const kk = (await list(f.admin)).find((d) => d.key === 'kk')!;
    expect(kk).toMatchObject({ siteId: null, editable: false });
    const before = await requirementNames(g.services.KK);
    for (const res of [
      await call('PATCH', `${URL}/${kk.id}`, f.admin, { name: 'Kartu Keluarga Samarinda' }),
      await call('PATCH', `${URL}/${kk.id}`, f.admin, { description: 'diubah' }),
      await call('PATCH', `${URL}/${kk.id}`, f.admin, { active: false }),
      await call('POST', `${URL}/${kk.id}/deactivate`, f.admin),
      await call('POST', `${URL}/${kk.id}/activate`, f.admin),
    ]) {
      expect(problem(res, 403, 'auth.forbidden')).toMatchObject({ code: 'auth.forbidden', messages: { id: expect.stringContaining('admin platform'), en: expect.stringContaining('platform admin') } });
    }
    expect(await requirementNames(g.services.KK)).toEqual(before);
    expect((await list(g.admin)).find((d) => d.key === 'kk')).toMatchObject({ name: 'Kartu Keluarga', active: true });
    // Nor may a site admin create a shared one.
    const shared = await call('POST', URL, f.admin, { key: 'npwp', name: 'NPWP', siteId: null });
    problem(shared, 403, 'auth.forbidden');
  });

  it('the platform admin edits shared types, and sees every type as editable', async () => {
    const items = await list(f.platform);
    expect(items.every((d) => d.editable)).toBe(true);
    const pas = items.find((d) => d.key === 'pas-foto')!;
    const res = await call('PATCH', `${URL}/${pas.id}`, f.platform, { description: '4x6 latar merah' });
    expect(ok(res, c.adminDocumentType)).toMatchObject({ siteId: null, description: '4x6 latar merah', editable: true });
  });
});

describe('a site’s own document types', () => {
  let izin: { id: string; key: string };

  it('a site admin adds one for its site: editable by it, not shared', async () => {
    const res = await call('POST', URL, f.admin, { key: 'izin-reklame-smd', name: 'Izin Reklame Kota Samarinda' });
    izin = ok(res, c.adminDocumentType, 201);
    expect(izin).toMatchObject({ siteId: f.siteId, editable: true });
    const renamed = await call('PATCH', `${URL}/${izin.id}`, f.admin, { name: 'Izin Reklame (Samarinda)' });
    ok(renamed, c.adminDocumentType);
    // The site of a site admin of several sites is named; the owner must be one the caller manages.
    problem(await call('POST', URL, f.admin, { key: 'izin-lain', name: 'Izin Lain', siteId: g.siteId }), 403, 'auth.forbidden');
    const unknown = await call('POST', URL, f.platform, { key: 'izin-lain', name: 'Izin Lain', siteId: '01900000-0000-7000-8000-000000000000' });
    expect(problem(unknown, 400).errors?.[0]).toMatchObject({ field: 'body.siteId', code: 'unknown_site' });
  });

  it('another site neither lists, edits nor requires it; its own services may', async () => {
    expect((await list(g.admin)).map((d) => d.key)).not.toContain(izin.key);
    expect((await list(g.admin, `&siteId=${g.siteId}`)).map((d) => d.key)).not.toContain(izin.key);
    expect((await list(f.admin, `&siteId=${f.siteId}`)).find((d) => d.key === izin.key)).toMatchObject({ editable: true });
    problem(await call('GET', `${URL}?siteId=${f.siteId}`, g.admin), 403, 'auth.forbidden');
    problem(await call('PATCH', `${URL}/${izin.id}`, g.admin, { name: 'Punya Balikpapan' }), 403, 'auth.forbidden');
    problem(await call('POST', `${URL}/${izin.id}/deactivate`, g.admin), 403, 'auth.forbidden');

    const other = await call('PATCH', `/api/v1/catalog/services/${g.services.SKCK}`, g.admin, { requirements: [{ documentTypeKey: izin.key }] });
    expect(problem(other, 400, 'validation_failed').errors).toEqual([expect.objectContaining({ field: 'body.requirements.0.documentTypeKey', code: 'unknown_document_type' })]);
    const own = await call('PATCH', `/api/v1/catalog/services/${f.services.SKCK}`, f.admin, { requirements: [{ documentTypeKey: 'ktp-el' }, { documentTypeKey: izin.key }] });
    ok(own, c.adminService);
    expect(await requirementNames(f.services.SKCK)).toContain('Izin Reklame (Samarinda)');
    // The public list of a site offers the shared types and its own.
    const publicKeys = async (siteId: string) => ok(await call('GET', `/api/v1/document-types?siteId=${siteId}`), z.array(c.documentType)).map((d) => d.key);
    expect(await publicKeys(f.siteId)).toEqual(expect.arrayContaining(['kk', izin.key]));
    expect(await publicKeys(g.siteId)).not.toContain(izin.key);
  });

  it('names: unique among what one site sees, so two sites may each have theirs', async () => {
    const clashShared = await call('POST', URL, g.admin, { key: 'kk-bpn', name: 'kartu keluarga' });
    problem(clashShared, 409, 'conflict');
    const sameAsOtherSite = await call('POST', URL, g.admin, { key: 'izin-reklame-bpn', name: 'Izin Reklame (Samarinda)' });
    expect(ok(sameAsOtherSite, c.adminDocumentType, 201).siteId).toBe(g.siteId);
    // Keys stay unique on the platform: a requirement names one type.
    problem(await call('POST', URL, g.admin, { key: izin.key, name: 'Apa saja' }), 409, 'conflict');
  });

  it('a catalogue import brings new types as the site’s own and cannot take another site’s key', async () => {
    const file = ok(await call('GET', `/api/v1/sites/${g.siteId}/catalog/export?format=json`, g.admin), c.catalogFile);
    const types = file.documentTypes ?? [];
    const services = file.services ?? [];
    const res = await call('POST', `/api/v1/sites/${g.siteId}/catalog/import`, g.admin, { ...file, documentTypes: [...types, { key: 'surat-domisili-bpn', name: 'Surat Domisili Balikpapan', description: null }] });
    ok(res, c.importResult);
    expect((await list(g.admin)).find((d) => d.key === 'surat-domisili-bpn')).toMatchObject({ siteId: g.siteId, editable: true });

    const skck = services.findIndex((s) => s.code === 'SKCK');
    services[skck].requirements = [{ documentType: izin.key, note: null }];
    const taken = await call('POST', `/api/v1/sites/${g.siteId}/catalog/import`, g.admin, { ...file, services, documentTypes: [...types, { key: izin.key, name: 'Izin Reklame', description: null }] });
    const issues = problem(taken, 400, 'catalog.import_invalid').errors?.map((e) => `${e.sheet}:${e.field}:${e.code}`);
    expect(issues).toEqual(expect.arrayContaining(['documentTypes:key:taken', 'services:requirements:unknown_document_type']));
  });
});
