import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminAgency } from '../../src/contracts/catalog';
import { AGREEMENT_MAX_BYTES, LOGO_MAX_BYTES } from '../../src/server/modules/catalog/agencies.service';
import { agencyFilesFixture, snapshot, type AgencyFilesFixture } from '../support/agency-files';
import { bearer, createTestApp, type TestApp } from '../support/app';
import { decodeStrictly, problem, problemCode, problemHttp } from '../support/contract';
import { fileBody, PNG } from '../support/multipart';
import { streamUpload } from '../support/upload-client';

// A file a little over its limit used to be cut to exactly the limit and stored as if whole (a
// corrupt logo or agreement) when a block of the upload ended right at the limit, as it does when a
// browser streams a file in 64 KiB blocks. Over the limit is 413, nothing stored, whatever the
// size over and however the body arrives (one piece, fetch over HTTP, or browser-like blocks).
// 10 MiB through encryption on a busy 2-core machine: longer than the default 30 s timeout.
let t: TestApp;
let u: AgencyFilesFixture;
let base: string;

beforeAll(async () => {
  t = await createTestApp();
  u = await agencyFilesFixture(t, 'admin-limits');
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => t?.close());

const PDF_HEAD = Buffer.from('%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1');
const padded = (head: Buffer, size: number) => Buffer.concat([head, Buffer.alloc(size - head.length, 0x20)]);
const path = (slot: 'logo' | 'agreement-document') => `/api/v1/sites/${u.f.siteId}/agencies/${u.f.agencyA}/${slot}`;

async function putOverHttp(url: string, body: { payload: Buffer; headers: Record<string, string> }) {
  return fetch(base + url, { method: 'PUT', headers: { ...body.headers, ...bearer(u.siteAdmin) }, body: new Uint8Array(body.payload) });
}

const cases = [
  { slot: 'logo' as const, limit: LOGO_MAX_BYTES, head: PNG, name: 'logo.png', type: 'image/png', overs: [1, 512, 16_384, 60_000] },
  { slot: 'agreement-document' as const, limit: AGREEMENT_MAX_BYTES, head: PDF_HEAD, name: 'pks.pdf', type: 'application/pdf', overs: [1, 61_440] },
];

describe('uploads over the limit', { timeout: 120_000 }, () => {
  for (const c of cases) {
    for (const over of c.overs) {
      it(`${c.slot}: limit + ${over} bytes → 413 file.too_large, nothing stored (inject and HTTP)`, async () => {
        const before = await snapshot(t, u.f.agencyA, c.slot === 'logo' ? 'logoFileId' : 'agreementFileId');
        const body = fileBody(padded(c.head, c.limit + over), c.name, c.type);
        const injected = await t.app.inject({ method: 'PUT', url: path(c.slot), headers: { ...body.headers, ...bearer(u.siteAdmin) }, payload: body.payload });
        expect(problem(injected, 413, 'file.too_large')).toMatchObject({ code: 'file.too_large', maxBytes: c.limit, errors: [{ field: 'file', code: 'too_large' }] });
        await problemHttp(await putOverHttp(path(c.slot), body), 413, 'file.too_large');
        const streamed = await streamUpload(base + path(c.slot), bearer(u.siteAdmin), { name: c.name, type: c.type, content: padded(c.head, c.limit + over) });
        expect(streamed.status, streamed.body).toBe(413);
        expect(problemCode(JSON.parse(streamed.body))).toBe('file.too_large');
        expect(await snapshot(t, u.f.agencyA, c.slot === 'logo' ? 'logoFileId' : 'agreementFileId')).toEqual(before);
      });
    }

    it(`${c.slot}: exactly the limit is stored whole`, async () => {
      const content = padded(c.head, c.limit);
      const res = await streamUpload(base + path(c.slot), bearer(u.siteAdmin), { name: c.name, type: c.type, content });
      expect(res.status, res.body).toBe(200);
      const agency = decodeStrictly(adminAgency, JSON.parse(res.body), path(c.slot));
      if (c.slot === 'agreement-document') expect(agency.agreement?.document?.sizeBytes).toBe(c.limit);
      else expect((await t.app.inject(agency.logoUrl!)).rawPayload.equals(content)).toBe(true);
    });
  }
});
