import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as c from '../../src/contracts/catalog';
import { events } from '../../src/server/db/events.schema';
import { storedFiles } from '../../src/server/modules/files/files.schema';
import { LOGO_MAX_BYTES } from '../../src/server/modules/catalog/agencies.service';
import { agencyFilesFixture, agencyRow, auditOf, deleteFile, fileCount, putFile, snapshot as snapshotOf, type AgencyFilesFixture } from '../support/agency-files';
import { bearer, createTestApp, type TestApp } from '../support/app';
import { ok, problem } from '../support/contract';
import { fileBody, PNG } from '../support/multipart';

let t: TestApp;
/** The sites, agencies and callers (see agencyFilesFixture). */
let u: AgencyFilesFixture;

beforeAll(async () => {
  t = await createTestApp();
  u = await agencyFilesFixture(t, 'admin-logo');
});
afterAll(async () => t?.close());

/** A real 1×1 lossless WebP. */
const WEBP = Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64');
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><script>alert(document.cookie)</script><rect width="40" height="40"/></svg>';
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/** A PNG padded after its end to `size` bytes: still sniffed as PNG. */
const pngOf = (size: number) => Buffer.concat([PNG, Buffer.alloc(size - PNG.length, 0)]);

const logoPath = (agencyId: string, siteId = u.f.siteId) => `/api/v1/sites/${siteId}/agencies/${agencyId}/logo`;
const upload = (agencyId: string, token: string | undefined, body: { payload: Buffer; headers: Record<string, string> }, siteId?: string) => putFile(t, logoPath(agencyId, siteId), token, body);
const remove = (agencyId: string, token?: string) => deleteFile(t, logoPath(agencyId), token);
/** Public: no token. */
const fetchLogo = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
const publicAgencies = async (siteRef = u.f.siteId) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/sites/${siteRef}/agencies` });
  return ok(res, z.array(c.publicAgency));
};

/** Everything a refused upload must leave as it was. */
const snapshot = (agencyId: string) => snapshotOf(t, agencyId, 'logoFileId');

describe('uploading and serving a logo', () => {
  let logoUrl: string;

  it('stores a PNG, links it and shows its versioned address in the admin view and the public list', async () => {
    const before = await fileCount(t);
    const res = await upload(u.f.agencyA, u.siteAdmin, fileBody(PNG, 'logo imigrasi.png', 'image/png'));
    logoUrl = ok(res, c.adminAgency).logoUrl!;
    expect(logoUrl).toBe(`${logoPath(u.f.agencyA)}?v=${sha256(PNG).slice(0, 8)}`);
    expect(await fileCount(t)).toBe(before + 1);
    const fileId = (await agencyRow(t, u.f.agencyA)).logoFileId as string;
    const [row] = await t.ctx.db.select().from(storedFiles).where(eq(storedFiles.id, fileId));
    expect(row).toMatchObject({ siteId: u.f.siteId, purpose: 'agency.logo', mediaType: 'image/png', sizeBytes: PNG.length, sha256: sha256(PNG), filename: 'logo imigrasi.png' });
    expect(row.contentEnc!.includes(PNG)).toBe(false);

    // The agreement is a different file: untouched.
    expect((await agencyRow(t, u.f.agencyA)).agreementFileId).toBeNull();

    const list = await publicAgencies();
    expect(list.find((a) => a.id === u.f.agencyA)?.logoUrl).toBe(logoUrl);
    expect(list.find((a) => a.id === u.f.agencyB)?.logoUrl).toBeNull();
    const admin = await t.app.inject({ method: 'GET', url: `/api/v1/catalog/agencies/${u.f.agencyA}`, headers: bearer(u.siteAdmin) });
    expect(ok(admin, c.adminAgency).logoUrl).toBe(logoUrl);

    const [entry] = await auditOf(t, u.f.agencyA, 'catalog.agency_logo_uploaded');
    expect(entry).toMatchObject({ siteId: u.f.siteId, targetType: 'agency', targetId: u.f.agencyA, actorLabel: 'admin-logo' });
    expect(entry.details).toMatchObject({ fileId, previousFileId: null, mediaType: 'image/png', sha256: sha256(PNG) });
    const changed = await t.ctx.db.select().from(events).where(and(eq(events.aggregateId, u.f.agencyA), eq(events.type, 'catalog.changed')));
    expect(changed.map((e) => e.payload)).toContainEqual({ entity: 'agency', id: u.f.agencyA, action: 'updated' });
  });

  it('serves the identical bytes to anyone, with safe and cacheable headers', async () => {
    const res = await fetchLogo(logoUrl);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.rawPayload.equals(PNG)).toBe(true);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-length']).toBe(String(PNG.length));
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBe("default-src 'none'");
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(res.headers.etag).toBe(`"${sha256(PNG)}"`);
    // Without the version too.
    expect((await fetchLogo(logoPath(u.f.agencyA))).rawPayload.equals(PNG)).toBe(true);
  });

  it('answers 304 when the client has it already', async () => {
    const etag = `"${sha256(PNG)}"`;
    for (const ifNoneMatch of [etag, `W/${etag}`, `"something-else", ${etag}`, '*']) {
      const res = await fetchLogo(logoUrl, { 'if-none-match': ifNoneMatch });
      expect(res.statusCode, ifNoneMatch).toBe(304);
      expect(res.rawPayload.length).toBe(0);
      expect(res.headers.etag).toBe(etag);
      expect(res.headers['cache-control']).toBe('public, max-age=300');
    }
    const stale = await fetchLogo(logoUrl, { 'if-none-match': '"0000"' });
    expect(stale.statusCode).toBe(200);
    expect(stale.rawPayload.equals(PNG)).toBe(true);
  });

  it('lets the agency admin replace their own logo (a WebP), with a new address', async () => {
    const previous = (await agencyRow(t, u.f.agencyA)).logoFileId;
    const res = await upload(u.f.agencyA, u.imigrasiAdmin, fileBody(WEBP, 'logo.webp', 'image/webp'));
    const url = ok(res, c.adminAgency).logoUrl!;
    expect(url).toBe(`${logoPath(u.f.agencyA)}?v=${sha256(WEBP).slice(0, 8)}`);
    expect(url).not.toBe(logoUrl);
    const served = await fetchLogo(url);
    expect(served.headers['content-type']).toBe('image/webp');
    expect(served.rawPayload.equals(WEBP)).toBe(true);
    // The old tag no longer matches.
    expect((await fetchLogo(url, { 'if-none-match': `"${sha256(PNG)}"` })).statusCode).toBe(200);
    const [entry] = await auditOf(t, u.f.agencyA, 'catalog.agency_logo_replaced');
    expect(entry.details).toMatchObject({ previousFileId: previous, mediaType: 'image/webp' });
  });

  it('accepts a logo of exactly 1 MiB', async () => {
    const res = await upload(u.other.agencyA, u.otherSiteAdmin, fileBody(pngOf(LOGO_MAX_BYTES), 'besar.png', 'image/png'), u.other.siteId);
    expect(ok(res, c.adminAgency).logoUrl).toContain(`/sites/${u.other.siteId}/agencies/${u.other.agencyA}/logo?v=`);
  });
});

describe('refusals write nothing', () => {
  it('refuses an SVG (script risk), a text file named .png and a PDF, naming the field', async () => {
    const before = await snapshot(u.f.agencyB);
    for (const body of [fileBody(SVG, 'logo.svg', 'image/svg+xml'), fileBody('bukan gambar\n'.repeat(10), 'logo.png', 'image/png'), fileBody(Buffer.from('%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n', 'latin1'), 'logo.pdf', 'application/pdf')]) {
      const res = await upload(u.f.agencyB, u.siteAdmin, body);
      const refused = problem(res, 415, 'file.type_not_allowed');
      expect(refused.allowedTypes).toEqual(['image/png', 'image/jpeg', 'image/webp']);
      expect(refused.errors).toEqual([{ field: 'file', code: 'type_not_allowed', messages: { id: expect.stringContaining('PNG, JPG atau WebP'), en: expect.stringContaining('PNG, JPG or WebP') } }]);
    }
    expect(await snapshot(u.f.agencyB)).toEqual(before);
  });

  it('refuses a logo over 1 MiB with 413', async () => {
    const before = await snapshot(u.f.agencyB);
    const res = await upload(u.f.agencyB, u.siteAdmin, fileBody(pngOf(LOGO_MAX_BYTES + 1), 'besar.png', 'image/png'));
    const tooLarge = problem(res, 413, 'file.too_large');
    expect(tooLarge).toMatchObject({ code: 'file.too_large', maxBytes: LOGO_MAX_BYTES, errors: [{ field: 'file', code: 'too_large' }] });
    expect(tooLarge.errors?.[0].messages.id).toContain('1 MB');
    // A declared length far over the limit is refused before the body is read.
    const early = await upload(u.f.agencyB, u.siteAdmin, fileBody(pngOf(3 * LOGO_MAX_BYTES), 'besar.png', 'image/png'));
    problem(early, 413, 'file.too_large');
    expect(await snapshot(u.f.agencyB)).toEqual(before);
  });
});

describe('who may', () => {
  it('refuses the agency admin of another agency, officers and other sites (403), and anonymous callers (401)', async () => {
    const before = await snapshot(u.f.agencyA);
    for (const token of [u.dukcapilAdmin, u.officer, u.otherSiteAdmin]) {
      const up = await upload(u.f.agencyA, token, fileBody(PNG, 'x.png', 'image/png'));
      problem(up, 403, 'auth.forbidden');
      problem(await remove(u.f.agencyA, token), 403, 'auth.forbidden');
    }
    problem(await upload(u.f.agencyA, undefined, fileBody(PNG, 'x.png', 'image/png')), 401, 'auth.unauthenticated');
    problem(await remove(u.f.agencyA), 401, 'auth.unauthenticated');
    expect(await snapshot(u.f.agencyA)).toEqual(before);
  });

  it('does not reach an agency through another site', async () => {
    const res = await upload(u.other.agencyB, u.siteAdmin, fileBody(PNG, 'x.png', 'image/png'));
    problem(res, 404);
    // The public logo of the other site's agency, asked for under this site.
    problem(await fetchLogo(logoPath(u.other.agencyA, u.f.siteId)), 404);
    expect((await fetchLogo(logoPath(u.other.agencyA, u.other.siteId))).statusCode).toBe(200);
  });
});

describe('removing', () => {
  it('unlinks the logo, keeps the stored row, audits it once; the public address is then 404', async () => {
    const fileId = (await agencyRow(t, u.f.agencyA)).logoFileId as string;
    const files = await fileCount(t);
    const res = await remove(u.f.agencyA, u.imigrasiAdmin);
    expect(ok(res, c.adminAgency).logoUrl).toBeNull();
    expect((await agencyRow(t, u.f.agencyA)).logoFileId).toBeNull();
    expect(await fileCount(t)).toBe(files);
    expect((await auditOf(t, u.f.agencyA, 'catalog.agency_logo_removed')).map((e) => e.details)).toEqual([{ fileId }]);

    const gone = await fetchLogo(logoPath(u.f.agencyA));
    expect(problem(gone, 404, 'not_found')).toMatchObject({ code: 'not_found', messages: { id: expect.stringContaining('logo') } });
    expect((await publicAgencies()).find((a) => a.id === u.f.agencyA)?.logoUrl).toBeNull();

    // Removing again changes and records nothing.
    ok(await remove(u.f.agencyA, u.siteAdmin), c.adminAgency);
    expect(await auditOf(t, u.f.agencyA, 'catalog.agency_logo_removed')).toHaveLength(1);
  });
});
