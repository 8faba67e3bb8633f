import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as catalog from '../../src/contracts/catalog';
import { page } from '../../src/contracts/common';
import { AGREEMENT_MAX_BYTES } from '../../src/server/modules/catalog/agencies.service';
import { storedFiles } from '../../src/server/modules/files/files.schema';
import { events } from '../../src/server/db/events.schema';
import { agencyFilesFixture, agencyRow, auditOf, deleteFile, fileCount, putFile, snapshot as snapshotOf, type AgencyFilesFixture } from '../support/agency-files';
import { bearer, createTestApp, type TestApp } from '../support/app';
import { ok, problem } from '../support/contract';
import { fileBody, minimalPdf, multipart, PNG } from '../support/multipart';

let t: TestApp;
let f: AgencyFilesFixture['f'];
let other: AgencyFilesFixture['other'];
let siteAdmin: string;
let imigrasiAdmin: string;
let dukcapilAdmin: string;
let officer: string;
let otherSiteAdmin: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ f, other, siteAdmin, imigrasiAdmin, dukcapilAdmin, officer, otherSiteAdmin } = await agencyFilesFixture(t, 'admin-mpp'));
});
afterAll(async () => t?.close());

// ---------- content ----------

const PDF = minimalPdf('PKS Nomor 12/MPP-SMD/2026 Kantor Imigrasi Samarinda');

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

// ---------- calls ----------

const docUrl = (agencyId: string, siteId = f.siteId) => `/api/v1/sites/${siteId}/agencies/${agencyId}/agreement-document`;

const upload = (agencyId: string, token: string | undefined, body: { payload: Buffer; headers: Record<string, string> }, siteId?: string) => putFile(t, docUrl(agencyId, siteId), token, body);
const download = (agencyId: string, token?: string, siteId?: string) => t.app.inject({ method: 'GET', url: docUrl(agencyId, siteId), headers: token ? bearer(token) : {} });
const remove = (agencyId: string, token?: string) => deleteFile(t, docUrl(agencyId), token);
/** Everything a refused upload must leave as it was. */
const snapshot = (agencyId: string) => snapshotOf(t, agencyId, 'agreementFileId');

describe('uploading, storing and downloading the agreement', () => {
  let firstFileId: string;

  it('stores a real PDF and shows it on the agency', async () => {
    const before = await fileCount(t);
    const res = await upload(f.agencyA, siteAdmin, fileBody(PDF, 'PKS Imigrasi 2026.pdf'));
    const view = ok(res, catalog.adminAgency);
    expect(view.id).toBe(f.agencyA);
    expect(view.agreement).toMatchObject({
      number: null,
      fileId: expect.any(String),
      document: { filename: 'PKS Imigrasi 2026.pdf', mediaType: 'application/pdf', sizeBytes: PDF.length, sha256: sha256(PDF), uploadedAt: t.clock.now().toISOString() },
    });
    firstFileId = view.agreement!.fileId!;
    expect(await fileCount(t)).toBe(before + 1);
    expect((await agencyRow(t, f.agencyA)).agreementFileId).toBe(firstFileId);

    // The same view from the agency endpoint.
    const agency = await t.app.inject({ method: 'GET', url: `/api/v1/catalog/agencies/${f.agencyA}`, headers: bearer(siteAdmin) });
    expect(ok(agency, catalog.adminAgency).agreement?.document?.filename).toBe('PKS Imigrasi 2026.pdf');

    // Audited and announced like other agency changes, in the same transaction.
    const [entry] = await auditOf(t, f.agencyA, 'catalog.agency_agreement_uploaded');
    expect(entry).toMatchObject({ siteId: f.siteId, targetType: 'agency', targetId: f.agencyA, actorLabel: 'admin-mpp' });
    expect(entry.details).toMatchObject({ fileId: firstFileId, previousFileId: null, mediaType: 'application/pdf', sizeBytes: PDF.length, sha256: sha256(PDF) });
    const changed = await t.ctx.db.select().from(events).where(and(eq(events.aggregateId, f.agencyA), eq(events.type, 'catalog.changed')));
    expect(changed.map((e) => e.payload)).toContainEqual({ entity: 'agency', id: f.agencyA, action: 'updated' });
  });

  it('encrypts the content at rest', async () => {
    const [row] = await t.ctx.db.select().from(storedFiles).where(eq(storedFiles.id, firstFileId));
    expect(row).toMatchObject({ siteId: f.siteId, purpose: 'agency.agreement', mediaType: 'application/pdf', sizeBytes: PDF.length, sha256: sha256(PDF) });
    expect(Buffer.isBuffer(row.contentEnc)).toBe(true);
    // nonce (12) ‖ ciphertext ‖ tag (16)
    expect(row.contentEnc!.length).toBe(12 + PDF.length + 16);
    expect(row.contentEnc!.includes(Buffer.from('%PDF'))).toBe(false);
    expect(row.contentEnc!.includes(Buffer.from('Kantor Imigrasi'))).toBe(false);
    expect(row.contentEnc!.includes(PDF.subarray(40, 72))).toBe(false);
  });

  it('downloads the identical bytes with safe headers, and audits the download', async () => {
    const audited = (await auditOf(t, f.agencyA, 'catalog.agency_agreement_downloaded')).length;
    const res = await download(f.agencyA, siteAdmin);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.rawPayload.equals(PDF)).toBe(true);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-length']).toBe(String(PDF.length));
    expect(res.headers['content-disposition']).toBe(`attachment; filename="PKS Imigrasi 2026.pdf"; filename*=UTF-8''PKS%20Imigrasi%202026.pdf`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('private, no-store');
    const entries = await auditOf(t, f.agencyA, 'catalog.agency_agreement_downloaded');
    expect(entries.length).toBe(audited + 1);
    expect(entries[entries.length - 1].details).toMatchObject({ fileId: firstFileId, sha256: sha256(PDF) });
  });

  it('lets the agency admin of that agency upload and download too', async () => {
    ok(await upload(f.agencyA, imigrasiAdmin, fileBody(PDF, 'pks.pdf')), catalog.adminAgency);
    const down = await download(f.agencyA, imigrasiAdmin);
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(PDF)).toBe(true);
  });

  it('keeps the number and the document together in the view', async () => {
    const patch = await t.app.inject({ method: 'PATCH', url: `/api/v1/catalog/agencies/${f.agencyA}`, headers: bearer(siteAdmin), payload: { agreement: { number: 'PKS/12/2026', signedOn: '2026-01-05' } } });
    expect(ok(patch, catalog.adminAgency).agreement).toMatchObject({ number: 'PKS/12/2026', signedOn: '2026-01-05', document: { mediaType: 'application/pdf' } });
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/sites/${f.siteId}/catalog/agencies`, headers: bearer(siteAdmin) });
    const { items } = ok(list, page(catalog.adminAgency));
    expect(items.find((a) => a.id === f.agencyA)?.agreement?.document?.sizeBytes).toBe(PDF.length);
    expect(items.find((a) => a.id === f.agencyB)?.agreement).toBeNull();
  });
});

describe('refusals write nothing', () => {
  it('refuses a text file named x.pdf and sent as application/pdf, naming the field', async () => {
    const before = await snapshot(f.agencyB);
    const res = await upload(f.agencyB, siteAdmin, fileBody('Ini bukan PDF, hanya teks biasa.\n'.repeat(20), 'x.pdf', 'application/pdf'));
    const refused = problem(res, 415, 'file.type_not_allowed');
    expect(refused.errors).toEqual([{ field: 'file', code: 'type_not_allowed', messages: { id: expect.stringContaining('PDF, JPG atau PNG'), en: expect.stringContaining('PDF, JPG or PNG') } }]);
    expect(refused.allowedTypes).toEqual(['application/pdf', 'image/jpeg', 'image/png']);
    expect(await snapshot(f.agencyB)).toEqual(before);
  });

  it('refuses a type that is real but not allowed (a ZIP named .pdf)', async () => {
    const before = await snapshot(f.agencyB);
    const zip = Buffer.concat([Buffer.from('PK\x03\x04\x14\x00\x00\x00\x08\x00', 'latin1'), Buffer.alloc(200, 1)]);
    const res = await upload(f.agencyB, siteAdmin, fileBody(zip, 'pks.pdf'));
    expect(problem(res, 415, 'file.type_not_allowed').errors?.[0].field).toBe('file');
    expect(await snapshot(f.agencyB)).toEqual(before);
  });

  it('refuses a file over 10 MiB with 413, whether the declared length or the stream says so', async () => {
    const before = await snapshot(f.agencyB);
    const justOver = Buffer.concat([PDF, Buffer.alloc(AGREEMENT_MAX_BYTES + 1 - PDF.length, 0x20)]);
    expect(justOver.length).toBe(AGREEMENT_MAX_BYTES + 1);
    // Within the multipart allowance of the declared length: cut off by the parser's limit.
    const res = await upload(f.agencyB, siteAdmin, fileBody(justOver));
    const tooLarge = problem(res, 413, 'file.too_large');
    expect(tooLarge).toMatchObject({ code: 'file.too_large', maxBytes: AGREEMENT_MAX_BYTES, errors: [{ field: 'file', code: 'too_large' }] });
    expect(tooLarge.errors?.[0].messages.id).toContain('10 MB');

    // A declared length far over the limit is refused before the body is read.
    const big = fileBody(Buffer.concat([PDF, Buffer.alloc(12 * 1024 * 1024, 0x20)]));
    const early = await upload(f.agencyB, siteAdmin, big);
    problem(early, 413, 'file.too_large');
    // …even for a caller who would be refused anyway: nothing of it is read.
    problem(await upload(f.agencyB, undefined, big), 413, 'file.too_large');

    // Chunked (no Content-Length): the stream is cut at the limit.
    const chunked = await t.app.inject({
      method: 'PUT',
      url: docUrl(f.agencyB),
      headers: { ...big.headers, ...bearer(siteAdmin) },
      payload: Readable.from((function* () {
        for (let i = 0; i < big.payload.length; i += 256 * 1024) yield big.payload.subarray(i, i + 256 * 1024);
      })()),
    });
    problem(chunked, 413, 'file.too_large');
    expect(await snapshot(f.agencyB)).toEqual(before);
  });

  it('accepts a file of exactly 10 MiB', async () => {
    const exact = Buffer.concat([PDF, Buffer.alloc(AGREEMENT_MAX_BYTES - PDF.length, 0x20)]);
    const res = await upload(other.agencyA, otherSiteAdmin, fileBody(exact), other.siteId);
    expect(ok(res, catalog.adminAgency).agreement?.document?.sizeBytes).toBe(AGREEMENT_MAX_BYTES);
  });

  it('refuses a request without the file, an empty file and a body that is not multipart', async () => {
    const before = await snapshot(f.agencyB);
    const noFile = await upload(f.agencyB, siteAdmin, multipart([{ name: 'note', content: 'tanpa berkas' }]));
    expect(problem(noFile, 400, 'file.missing')).toMatchObject({ code: 'file.missing', errors: [{ field: 'file', code: 'missing' }] });
    const otherField = await upload(f.agencyB, siteAdmin, multipart([{ name: 'dokumen', filename: 'pks.pdf', type: 'application/pdf', content: PDF }]));
    problem(otherField, 400, 'file.missing');
    const empty = await upload(f.agencyB, siteAdmin, fileBody(Buffer.alloc(0)));
    expect(problem(empty, 400, 'file.missing')).toMatchObject({ code: 'file.missing', errors: [{ field: 'file', code: 'empty' }] });
    const json = await t.app.inject({ method: 'PUT', url: docUrl(f.agencyB), headers: bearer(siteAdmin), payload: { file: PDF.toString('base64') } });
    expect(problem(json, 415).errors?.[0].field).toBe('file');
    const raw = await t.app.inject({ method: 'PUT', url: docUrl(f.agencyB), headers: { ...bearer(siteAdmin), 'content-type': 'application/pdf' }, payload: PDF });
    problem(raw, 415);
    expect(await snapshot(f.agencyB)).toEqual(before);
  });
});

describe('who may', () => {
  it('refuses the agency admin of another agency, officers and other sites (403), and anonymous callers (401)', async () => {
    const before = await snapshot(f.agencyA);
    for (const token of [dukcapilAdmin, officer, otherSiteAdmin]) {
      const up = await upload(f.agencyA, token, fileBody(PNG, 'x.png', 'image/png'));
      problem(up, 403, 'auth.forbidden');
      problem(await download(f.agencyA, token), 403, 'auth.forbidden');
      problem(await remove(f.agencyA, token), 403, 'auth.forbidden');
    }
    const anon = await upload(f.agencyA, undefined, fileBody(PNG, 'x.png', 'image/png'));
    problem(anon, 401, 'auth.unauthenticated');
    problem(await download(f.agencyA), 401, 'auth.unauthenticated');
    problem(await remove(f.agencyA), 401, 'auth.unauthenticated');
    expect(await snapshot(f.agencyA)).toEqual(before);
  });

  it('does not reach an agency through another site', async () => {
    const before = await snapshot(other.agencyB);
    // The site admin of site f, naming site f, but an agency of the other site.
    const res = await upload(other.agencyB, siteAdmin, fileBody(PNG, 'x.png', 'image/png'));
    problem(res, 404);
    problem(await download(other.agencyA, siteAdmin), 404);
    expect(await snapshot(other.agencyB)).toEqual(before);
  });

  it('needs the CSRF header with a cookie session, as every other mutation', async () => {
    const { cookie, csrf } = await t.cookieLogin('admin-mpp', 'correct-horse-battery');
    const body = fileBody(PNG, 'tanpa-csrf.png', 'image/png');
    const before = await snapshot(f.agencyB);
    const without = await t.app.inject({ method: 'PUT', url: docUrl(f.agencyB), headers: { ...body.headers, cookie }, payload: body.payload });
    problem(without, 403, 'auth.csrf');
    expect(await snapshot(f.agencyB)).toEqual(before);
    const withToken = await t.app.inject({ method: 'PUT', url: docUrl(f.agencyB), headers: { ...body.headers, cookie, 'x-csrf-token': csrf }, payload: body.payload });
    expect(ok(withToken, catalog.adminAgency).agreement?.document).toMatchObject({ filename: 'tanpa-csrf.png', mediaType: 'image/png' });
    // A download is a GET: the cookie alone is enough.
    const down = await t.app.inject({ method: 'GET', url: docUrl(f.agencyB), headers: { cookie } });
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(PNG)).toBe(true);
  });
});

describe('replacing and removing', () => {
  it('replaces the document with a new file, keeping the old row, audited', async () => {
    const previous = (await agencyRow(t, f.agencyA)).agreementFileId as string;
    const files = await fileCount(t);
    const res = await upload(f.agencyA, siteAdmin, fileBody(PNG, 'C:\\Scan\\..\\\u202Epindai\u0007 PKS.png', 'application/octet-stream'));
    const doc = ok(res, catalog.adminAgency).agreement!;
    expect(doc.fileId).not.toBe(previous);
    // Path, control and bidi characters are gone; the type comes from the content.
    expect(doc.document).toMatchObject({ filename: 'pindai PKS.png', mediaType: 'image/png', sizeBytes: PNG.length });
    expect(await fileCount(t)).toBe(files + 1);
    expect((await t.ctx.db.select().from(storedFiles).where(eq(storedFiles.id, previous))).length).toBe(1);

    const down = await download(f.agencyA, siteAdmin);
    expect(down.headers['content-type']).toBe('image/png');
    expect(down.rawPayload.equals(PNG)).toBe(true);

    const [entry] = await auditOf(t, f.agencyA, 'catalog.agency_agreement_replaced').then((rows) => rows.slice(-1));
    expect(entry.details).toMatchObject({ fileId: doc.fileId, previousFileId: previous, filename: 'pindai PKS.png', mediaType: 'image/png' });
  });

  it('names a file after its content type and keeps non-ASCII names exact', async () => {
    const res = await upload(f.agencyA, siteAdmin, fileBody(PDF, 'Perjanjian Kerja Sama – Imigrasi <final>: v2', 'text/plain'));
    expect(ok(res, catalog.adminAgency).agreement?.document?.filename).toBe('Perjanjian Kerja Sama – Imigrasi _final__ v2.pdf');
    const down = await download(f.agencyA, siteAdmin);
    expect(down.headers['content-disposition']).toBe(
      `attachment; filename="Perjanjian Kerja Sama _ Imigrasi _final__ v2.pdf"; filename*=UTF-8''Perjanjian%20Kerja%20Sama%20%E2%80%93%20Imigrasi%20_final__%20v2.pdf`,
    );
  });

  it('unlinks the document on delete, keeps the stored row, and audits it once', async () => {
    const fileId = (await agencyRow(t, f.agencyB)).agreementFileId as string;
    expect(fileId).toBeTruthy();
    const files = await fileCount(t);
    const res = await remove(f.agencyB, dukcapilAdmin);
    expect(ok(res, catalog.adminAgency).agreement).toBeNull();
    expect((await agencyRow(t, f.agencyB)).agreementFileId).toBeNull();
    expect(await fileCount(t)).toBe(files);
    const entries = await auditOf(t, f.agencyB, 'catalog.agency_agreement_removed');
    expect(entries.map((e) => e.details)).toEqual([{ fileId }]);

    const gone = await download(f.agencyB, siteAdmin);
    expect(problem(gone, 404, 'not_found')).toMatchObject({ code: 'not_found', messages: { id: expect.stringContaining('belum diunggah') } });

    // Removing again changes and records nothing.
    const again = await remove(f.agencyB, siteAdmin);
    ok(again, catalog.adminAgency);
    expect(await auditOf(t, f.agencyB, 'catalog.agency_agreement_removed')).toHaveLength(1);
  });

  it('keeps the agreement number when the document is removed', async () => {
    const res = await remove(f.agencyA, siteAdmin);
    expect(ok(res, catalog.adminAgency).agreement).toEqual({ number: 'PKS/12/2026', signedOn: '2026-01-05', validUntil: null, fileId: null, document: null });
    problem(await download(f.agencyA, siteAdmin), 404);
  });
});
