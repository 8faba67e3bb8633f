/**
 * The document wallet (issue #12, item 3) and readiness (item 4): uploads by document type,
 * checked by content and size, streamed and encrypted at rest in sealed pieces; refusals store
 * nothing; deletion removes the bytes; another citizen's documents are a 404.
 */
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as c from '../../src/contracts/citizens';
import { citizenDocuments } from '../../src/server/modules/citizens/citizens.schema';
import { storedFileChunks, storedFiles } from '../../src/server/modules/files/files.schema';
import { bearer, type TestApp } from '../support/app';
import { ok, problem } from '../support/contract';
import { bigPdf, citizensApp, createCitizensFixture, pdf, signIn, uploadDocument, type CitizensFixture, type Gateway } from '../support/citizens';
import { PNG } from '../support/multipart';

let t: TestApp;
let gw: Gateway;
let f: CitizensFixture;
let ani: string;
let budi: string;

beforeAll(async () => {
  ({ t, gw } = await citizensApp());
  f = await createCitizensFixture(t);
  ani = (await signIn(t, gw, 'ani@contoh.id')).token;
  budi = (await signIn(t, gw, '081255556666', '+6281255556666')).token;
});
afterAll(async () => {
  await t?.close();
  await gw?.close();
});

const uploaded = async (res: Promise<Awaited<ReturnType<typeof uploadDocument>>>) => ok(await res, c.citizenDocument, 201);
const myDocuments = async (token: string) => ok(await t.app.inject({ method: 'GET', url: '/api/v1/me/documents', headers: bearer(token) }), z.array(c.citizenDocument));
const KK = pdf('KARTU KELUARGA No. 6472010101010001 WIJAYA');
const counts = async () => {
  const [files] = await t.ctx.db.select({ n: count() }).from(storedFiles);
  const [chunks] = await t.ctx.db.select({ n: count() }).from(storedFileChunks);
  const [docs] = await t.ctx.db.select({ n: count() }).from(citizenDocuments);
  return { files: files.n, chunks: chunks.n, docs: docs.n };
};

describe('uploading', () => {
  it('stores a PDF by document type, encrypted at rest, and lists it as uploaded', async () => {
    const doc = await uploaded(uploadDocument(t, ani, f.types.kk, KK, 'KK Wijaya.pdf'));
    expect(doc).toMatchObject({ documentTypeId: f.types.kk, name: 'Kartu Keluarga', status: 'uploaded', verifiedBy: null, file: { filename: 'KK Wijaya.pdf', mediaType: 'application/pdf', sizeBytes: KK.length } });
    const [row] = await t.ctx.db.select().from(citizenDocuments).where(eq(citizenDocuments.id, doc.id));
    const chunks = await t.ctx.db.select().from(storedFileChunks).where(eq(storedFileChunks.fileId, row.fileId!));
    expect(chunks.length).toBe(1);
    expect(chunks[0].contentEnc.includes(Buffer.from('KARTU KELUARGA'))).toBe(false);
    expect(chunks[0].contentEnc.includes(Buffer.from('%PDF'))).toBe(false);
    expect((await myDocuments(ani)).map((d) => d.id)).toContain(doc.id);
    const own = await t.app.inject({ method: 'GET', url: `/api/v1/me/documents/${doc.id}/content`, headers: bearer(ani) });
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toBe('application/pdf');
    expect(own.rawPayload.equals(KK)).toBe(true);
  });

  it('streams a file over 256 KiB in several sealed pieces and gives back the same bytes', async () => {
    const big = bigPdf(3 * 1024 * 1024 + 123);
    const doc = await uploaded(uploadDocument(t, ani, f.types.ktp, big, 'ktp.pdf'));
    const [row] = await t.ctx.db.select().from(citizenDocuments).where(eq(citizenDocuments.id, doc.id));
    const [{ n }] = await t.ctx.db.select({ n: count() }).from(storedFileChunks).where(eq(storedFileChunks.fileId, row.fileId!));
    expect(n).toBe(13);
    const own = await t.app.inject({ method: 'GET', url: `/api/v1/me/documents/${doc.id}/content`, headers: bearer(ani) });
    expect(own.rawPayload.equals(big)).toBe(true);
  }, 120_000);

  it('takes PNG and JPEG photos, sniffed by content whatever the name says', async () => {
    const doc = await uploaded(uploadDocument(t, ani, f.types.foto, PNG, 'foto.pdf', 'application/pdf'));
    expect(doc.file).toMatchObject({ mediaType: 'image/png', filename: 'foto.pdf.png' });
  });

  it('refuses a wrong type (415), an oversize file (413), and an unknown or inactive document type (400 naming the field), storing nothing', async () => {
    const before = await counts();
    const text = await uploadDocument(t, ani, f.types.kk, Buffer.from('ini bukan pdf'), 'kk.pdf');
    expect(problem(text, 415, 'file.type_not_allowed').errors?.[0].field).toBe('file');
    const gif = await uploadDocument(t, ani, f.types.kk, Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'), 'kk.gif', 'image/gif');
    problem(gif, 415, 'file.type_not_allowed');
    const big = await uploadDocument(t, ani, f.types.kk, bigPdf(10 * 1024 * 1024 + 10), 'besar.pdf');
    expect(problem(big, 413, 'file.too_large')).toMatchObject({ code: 'file.too_large', maxBytes: 10 * 1024 * 1024 });
    for (const typeId of ['00000000-0000-7000-8000-000000000000', 'kk', f.types.old, null]) {
      const r = await uploadDocument(t, ani, typeId, KK);
      expect(problem(r, 400).errors?.[0].field, String(typeId)).toBe('body.documentTypeId');
    }
    const empty = await uploadDocument(t, ani, f.types.kk, Buffer.alloc(0));
    problem(empty, 400);
    expect(await counts()).toEqual(before);
  }, 120_000);

  it('takes the document type from the query too', async () => {
    const body = (await import('../support/multipart')).fileBody(KK, 'kk2.pdf');
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/me/documents?documentTypeId=${f.types.kk}`, payload: body.payload, headers: { ...body.headers, ...bearer(budi) } });
    ok(res, c.citizenDocument, 201);
  });
});

describe('deleting', () => {
  it("removes the document and its bytes; another citizen's document is a 404 and stays", async () => {
    const doc = await uploaded(uploadDocument(t, ani, f.types.kk, pdf('hapus saya')));
    const [row] = await t.ctx.db.select().from(citizenDocuments).where(eq(citizenDocuments.id, doc.id));
    const other = await t.app.inject({ method: 'DELETE', url: `/api/v1/me/documents/${doc.id}`, headers: bearer(budi) });
    problem(other, 404, 'citizen.document_not_found');
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/me/documents/${doc.id}/content`, headers: bearer(budi) });
    problem(read, 404, 'citizen.document_not_found');
    const res = await t.app.inject({ method: 'DELETE', url: `/api/v1/me/documents/${doc.id}`, headers: bearer(ani) });
    expect(res.statusCode).toBe(204);
    expect(await t.ctx.db.select().from(storedFiles).where(eq(storedFiles.id, row.fileId!))).toEqual([]);
    expect(await t.ctx.db.select().from(storedFileChunks).where(eq(storedFileChunks.fileId, row.fileId!))).toEqual([]);
    expect((await myDocuments(ani)).map((d) => d.id)).not.toContain(doc.id);
    problem(await t.app.inject({ method: 'DELETE', url: `/api/v1/me/documents/${doc.id}`, headers: bearer(ani) }), 404, 'citizen.document_not_found');
  });

  it('refuses (409) while an open application holds the document', async () => {
    const doc = await uploaded(uploadDocument(t, ani, f.types.kk, pdf('dipakai')));
    await t.ctx.db.execute(sql`INSERT INTO citizen_document_holds (document_id, holder_type, holder_id, created_at) VALUES (${doc.id}, 'application', 'app-1', now())`);
    const res = await t.app.inject({ method: 'DELETE', url: `/api/v1/me/documents/${doc.id}`, headers: bearer(ani) });
    problem(res, 409, 'citizen.document_in_use');
  });
});

describe('readiness', () => {
  it('tells which requirements of a service the wallet holds', async () => {
    const fresh = (await signIn(t, gw, 'siap@contoh.id')).token;
    const url = `/api/v1/me/readiness?serviceId=${f.services.daftar}`;
    const readiness = async () => ok(await t.app.inject({ method: 'GET', url, headers: bearer(fresh) }), c.readiness);
    let r = await readiness();
    expect(r).toMatchObject({ serviceId: f.services.daftar, ready: false, have: 0, total: 3 });
    expect(r.requirements.map((x) => [x.key, x.have])).toEqual([['kk', 'missing'], ['ktp_el', 'missing'], ['pas_foto', 'missing']]);
    await uploaded(uploadDocument(t, fresh, f.types.kk, KK));
    await uploaded(uploadDocument(t, fresh, f.types.ktp, pdf('KTP')));
    r = await readiness();
    expect(r).toMatchObject({ ready: false, have: 2, total: 3 });
    expect(r.requirements[0]).toMatchObject({ key: 'kk', name: 'Kartu Keluarga', have: 'uploaded', documentId: expect.any(String) });
    await uploaded(uploadDocument(t, fresh, f.types.foto, PNG, 'foto.png', 'image/png'));
    r = await readiness();
    expect(r).toMatchObject({ ready: true, have: 3 });
    const unknown = await t.app.inject({ method: 'GET', url: '/api/v1/me/readiness?serviceId=00000000-0000-7000-8000-000000000000', headers: bearer(fresh) });
    expect(problem(unknown, 400).errors?.[0].field).toBe('query.serviceId');
  });
});
