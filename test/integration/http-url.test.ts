import type { OpenAPIV3_1 } from 'openapi-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as c from '../../src/contracts/catalog';
import { bearer, createTestApp, type TestApp } from '../support/app';
import { buildCatalog, type CatalogFixture } from '../support/catalog-fixture';
import { ok, problem } from '../support/contract';

let t: TestApp;
let f: CatalogFixture;

beforeAll(async () => {
  t = await createTestApp();
  f = await buildCatalog(t);
});
afterAll(async () => t?.close());

const BAD = ['javascript:alert(document.cookie)', 'JavaScript://x.go.id/%0Aalert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'http:evil.example', 'ftp://files.example', ' \tjavascript:alert(1)'];

describe('URL fields accept only http(s)', () => {
  it('agency website: 400 naming body.website for every other scheme, http(s) kept', async () => {
    const agencyId = f.agencies.Imigrasi;
    for (const website of BAD) {
      const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/catalog/agencies/${agencyId}`, headers: bearer(f.admin), payload: { website } });
      const err = problem(res, 400, 'validation_failed').errors?.find((e) => e.field === 'body.website');
      expect(err?.messages.en, website).toContain('http://');
      expect(err?.messages.id, website).toContain('https://');
    }
    const kept = await t.app.inject({ method: 'PATCH', url: `/api/v1/catalog/agencies/${agencyId}`, headers: bearer(f.admin), payload: { website: 'https://imigrasi.go.id/layanan' } });
    expect(ok(kept, c.adminAgency).website).toBe('https://imigrasi.go.id/layanan');
    const created = await t.app.inject({ method: 'POST', url: `/api/v1/sites/${f.siteId}/catalog/agencies`, headers: bearer(f.admin), payload: { kind: 'opd', name: 'Dinas Uji', shortName: 'Uji', website: 'javascript:alert(1)' } });
    problem(created, 400, 'validation_failed');
  });

  it('site website: the same rule', async () => {
    const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/sites/${f.siteId}`, headers: bearer(f.platform), payload: { website: 'javascript:alert(1)' } });
    expect(problem(res, 400, 'validation_failed').errors?.[0].field).toBe('body.website');
    const kept = await t.app.inject({ method: 'PATCH', url: `/api/v1/sites/${f.siteId}`, headers: bearer(f.platform), payload: { website: 'http://mpp.samarindakota.go.id' } });
    ok(kept, c.siteDetail);
  });

  it('catalogue import: a javascript: website is a row issue, nothing written', async () => {
    const file = ok(await t.app.inject({ url: `/api/v1/sites/${f.siteId}/catalog/export?format=json`, headers: bearer(f.admin) }), c.catalogFile);
    const agencies = file.agencies ?? [];
    const row = agencies.findIndex((a) => a.shortName === 'Polresta');
    agencies[row].website = 'javascript:alert(1)';
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/sites/${f.siteId}/catalog/import`, headers: bearer(f.admin), payload: { ...file, agencies } });
    expect(problem(res, 400, 'catalog.import_invalid').errors).toEqual(expect.arrayContaining([expect.objectContaining({ sheet: 'agencies', row: row + 1, field: 'website', code: 'invalid_url' })]));
    const after = ok(await t.app.inject({ url: `/api/v1/catalog/agencies/${f.agencies.Polresta}`, headers: bearer(f.admin) }), c.adminAgency);
    expect(after.website).toBeNull();
  });

  it('every URL-like field a client can send uses the shared http(s) schema', async () => {
    // The document itself is the contract: read with the OpenAPI types.
    const doc = JSON.parse((await t.app.inject('/api/openapi.json')).body) as OpenAPIV3_1.Document;
    const found: string[] = [];
    const bad: string[] = [];
    const walk = (schema: Record<string, unknown> | undefined, where: string) => {
      if (!schema || typeof schema !== 'object') return;
      for (const [name, prop] of Object.entries((schema.properties ?? {}) as Record<string, Record<string, unknown>>)) {
        const variants = [prop, ...(((prop.anyOf ?? prop.oneOf ?? []) as Record<string, unknown>[]))];
        const urlish = /url|website|href|link/i.test(name) || variants.some((v) => v.format === 'uri');
        if (urlish) {
          found.push(`${where}.${name}`);
          if (!variants.some((v) => v.format === 'uri' && v.description === 'http:// or https:// address')) bad.push(`${where}.${name}`);
        }
        walk(prop, `${where}.${name}`);
        for (const v of variants) walk(v, `${where}.${name}`);
        walk(prop.items as Record<string, unknown>, `${where}.${name}[]`);
      }
    };
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, Record<string, unknown>>>)) {
      for (const [method, op] of Object.entries(ops)) {
        const body = (op.requestBody as { content?: Record<string, { schema?: Record<string, unknown> }> } | undefined)?.content?.['application/json']?.schema;
        walk(body, `${method.toUpperCase()} ${path} body`);
        for (const p of (op.parameters ?? []) as Array<{ name: string; schema?: Record<string, unknown> }>) walk({ properties: { [p.name]: p.schema ?? {} } }, `${method.toUpperCase()} ${path} param`);
      }
    }
    expect(found.length).toBeGreaterThanOrEqual(4);
    expect(bad).toEqual([]);
  });
});
