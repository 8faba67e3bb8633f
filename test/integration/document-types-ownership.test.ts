import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/app';
import { buildCatalog, type CatalogFixture } from '../support/catalog-fixture';

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
const list = async (token: string, query = '') => (await call('GET', `${URL}?pageSize=500${query}`, token)).json().items as Array<{ id: string; key: string; name: string; siteId: string | null; editable: boolean; active: boolean }>;
const requirementNames = async (serviceId: string) =>
  ((await call('GET', `/api/v1/services/${serviceId}`)).json().standard.requirements as Array<{ documentType: { name: string } }>).map((r) => r.documentType.name);

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
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json()).toMatchObject({ code: 'auth.forbidden', messages: { id: expect.stringContaining('admin platform'), en: expect.stringContaining('platform admin') } });
    }
    expect(await requirementNames(g.services.KK)).toEqual(before);
    expect((await list(g.admin)).find((d) => d.key === 'kk')).toMatchObject({ name: 'Kartu Keluarga', active: true });
    // Nor may a site admin create a shared one.
    const shared = await call('POST', URL, f.admin, { key: 'npwp', name: 'NPWP', siteId: null });
    expect(shared.statusCode).toBe(403);
  });

  it('the platform admin edits shared types, and sees every type as editable', async () => {
    const items = await list(f.platform);
    expect(items.every((d) => d.editable)).toBe(true);
    const pas = items.find((d) => d.key === 'pas-foto')!;
    const res = await call('PATCH', `${URL}/${pas.id}`, f.platform, { description: '4x6 latar merah' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ siteId: null, description: '4x6 latar merah', editable: true });
  });
});

describe('a site’s own document types', () => {
  let izin: { id: string; key: string };

  it('a site admin adds one for its site: editable by it, not shared', async () => {
    const res = await call('POST', URL, f.admin, { key: 'izin-reklame-smd', name: 'Izin Reklame Kota Samarinda' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ siteId: f.siteId, editable: true });
    izin = res.json();
    const renamed = await call('PATCH', `${URL}/${izin.id}`, f.admin, { name: 'Izin Reklame (Samarinda)' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    // The site of a site admin of several sites is named; the owner must be one the caller manages.
    expect((await call('POST', URL, f.admin, { key: 'izin-lain', name: 'Izin Lain', siteId: g.siteId })).statusCode).toBe(403);
    const unknown = await call('POST', URL, f.platform, { key: 'izin-lain', name: 'Izin Lain', siteId: '01900000-0000-7000-8000-000000000000' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({ field: 'body.siteId', code: 'unknown_site' });
  });

  it('another site neither lists, edits nor requires it; its own services may', async () => {
    expect((await list(g.admin)).map((d) => d.key)).not.toContain(izin.key);
    expect((await list(g.admin, `&siteId=${g.siteId}`)).map((d) => d.key)).not.toContain(izin.key);
    expect((await list(f.admin, `&siteId=${f.siteId}`)).find((d) => d.key === izin.key)).toMatchObject({ editable: true });
    expect((await call('GET', `${URL}?siteId=${f.siteId}`, g.admin)).statusCode).toBe(403);
    expect((await call('PATCH', `${URL}/${izin.id}`, g.admin, { name: 'Punya Balikpapan' })).statusCode).toBe(403);
    expect((await call('POST', `${URL}/${izin.id}/deactivate`, g.admin)).statusCode).toBe(403);

    const other = await call('PATCH', `/api/v1/catalog/services/${g.services.SKCK}`, g.admin, { requirements: [{ documentTypeKey: izin.key }] });
    expect(other.statusCode).toBe(400);
    expect(other.json().errors).toEqual([expect.objectContaining({ field: 'body.requirements.0.documentTypeKey', code: 'unknown_document_type' })]);
    const own = await call('PATCH', `/api/v1/catalog/services/${f.services.SKCK}`, f.admin, { requirements: [{ documentTypeKey: 'ktp-el' }, { documentTypeKey: izin.key }] });
    expect(own.statusCode, own.body).toBe(200);
    expect(await requirementNames(f.services.SKCK)).toContain('Izin Reklame (Samarinda)');
    // The public list of a site offers the shared types and its own.
    const publicKeys = async (siteId: string) => ((await call('GET', `/api/v1/document-types?siteId=${siteId}`)).json() as Array<{ key: string }>).map((d) => d.key);
    expect(await publicKeys(f.siteId)).toEqual(expect.arrayContaining(['kk', izin.key]));
    expect(await publicKeys(g.siteId)).not.toContain(izin.key);
  });

  it('names: unique among what one site sees, so two sites may each have theirs', async () => {
    const clashShared = await call('POST', URL, g.admin, { key: 'kk-bpn', name: 'kartu keluarga' });
    expect(clashShared.statusCode).toBe(409);
    const sameAsOtherSite = await call('POST', URL, g.admin, { key: 'izin-reklame-bpn', name: 'Izin Reklame (Samarinda)' });
    expect(sameAsOtherSite.statusCode, sameAsOtherSite.body).toBe(201);
    expect(sameAsOtherSite.json().siteId).toBe(g.siteId);
    // Keys stay unique on the platform: a requirement names one type.
    expect((await call('POST', URL, g.admin, { key: izin.key, name: 'Apa saja' })).statusCode).toBe(409);
  });

  it('a catalogue import brings new types as the site’s own and cannot take another site’s key', async () => {
    const file = (await call('GET', `/api/v1/sites/${g.siteId}/catalog/export?format=json`, g.admin)).json();
    const res = await call('POST', `/api/v1/sites/${g.siteId}/catalog/import`, g.admin, { ...file, documentTypes: [...file.documentTypes, { key: 'surat-domisili-bpn', name: 'Surat Domisili Balikpapan', description: null }] });
    expect(res.statusCode, res.body).toBe(200);
    expect((await list(g.admin)).find((d) => d.key === 'surat-domisili-bpn')).toMatchObject({ siteId: g.siteId, editable: true });

    const skck = file.services.findIndex((s: { code: string }) => s.code === 'SKCK');
    file.services[skck].requirements = [{ documentType: izin.key, note: null }];
    const taken = await call('POST', `/api/v1/sites/${g.siteId}/catalog/import`, g.admin, { ...file, documentTypes: [...file.documentTypes, { key: izin.key, name: 'Izin Reklame', description: null }] });
    expect(taken.statusCode).toBe(400);
    const issues = taken.json().errors.map((e: { sheet: string; field: string; code: string }) => `${e.sheet}:${e.field}:${e.code}`);
    expect(issues).toEqual(expect.arrayContaining(['documentTypes:key:taken', 'services:requirements:unknown_document_type']));
  });
});
