/**
 * Consents and what staff see through them (issue #12, items 5–7): share codes with QR, the
 * officer's preview, reads logged for the citizen and in the audit log, revocation and expiry
 * answering 404 like an unknown code, another agency's staff refused (and audited), review,
 * NIK confirmation and issuing into the wallet.
 */
import { and, eq, sql } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as c from '../../src/contracts/citizens';
import { auditLog } from '../../src/server/db/audit.schema';
import { citizenAccessLog } from '../../src/server/modules/citizens/citizens.schema';
import { bearer, type TestApp } from '../support/app';
import { ok, problem } from '../support/contract';
import { citizensApp, createCitizensFixture, pdf, signIn, uploadDocument, type CitizensFixture, type Gateway } from '../support/citizens';
import { multipart, PNG } from '../support/multipart';

let t: TestApp;
let gw: Gateway;
let f: CitizensFixture;
let ani: { token: string; citizen: { id: string } };
let budi: { token: string; citizen: { id: string } };
let bpjsOfficer: string;
let bpjsAdmin: string;
let dukcapilOfficer: string;
let siteAdmin: string;
let kk: string;
let ktp: string;

const KK = pdf('KARTU KELUARGA WIJAYA');

beforeAll(async () => {
  ({ t, gw } = await citizensApp());
  f = await createCitizensFixture(t);
  ani = await signIn(t, gw, 'ani@contoh.id');
  budi = await signIn(t, gw, 'budi@contoh.id');
  ok(await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: bearer(ani.token), payload: { name: 'Ani Wijaya', nik: '6472015007900001' } }), c.citizenSelf);
  bpjsOfficer = await f.officer(f.bpjs);
  bpjsAdmin = await f.officer(f.bpjs, 'agency_admin');
  dukcapilOfficer = await f.officer(f.dukcapil);
  siteAdmin = await f.officer(f.bpjs, 'site_admin');
  kk = ok(await uploadDocument(t, ani.token, f.types.kk, KK, 'kk.pdf'), c.citizenDocument, 201).id;
  ktp = ok(await uploadDocument(t, ani.token, f.types.ktp, PNG, 'ktp.png', 'image/png'), c.citizenDocument, 201).id;
});
afterAll(async () => {
  await t?.close();
  await gw?.close();
});

const share = (token: string, body: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/v1/me/consents', headers: bearer(token), payload: body });
const openAs = (token: string | null, code: string) => t.app.inject({ method: 'GET', url: `/api/v1/shared/${code}`, headers: token ? bearer(token) : {} });
const readAs = (token: string, code: string, doc: string, watermark = false) => t.app.inject({ method: 'GET', url: `/api/v1/shared/${code}/documents/${doc}/content${watermark ? '?watermark=1' : ''}`, headers: bearer(token) });
const accessLogOf = async (token: string) => ok(await t.app.inject({ method: 'GET', url: '/api/v1/me/access-log', headers: bearer(token) }), z.array(c.accessLogEntry));
const consentsOf = async (token: string) => ok(await t.app.inject({ method: 'GET', url: '/api/v1/me/consents', headers: bearer(token) }), z.array(c.consentView));

describe('giving a consent', () => {
  it('answers a share code, its QR and the expiry (7 days by default, at most 30)', async () => {
    const res = await share(ani.token, { agencyId: f.bpjs, documentIds: [kk], purpose: 'Pendaftaran peserta JKN' });
    const consent = ok(res, c.consentCreated, 201);
    expect(consent.shareCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(consent.qrSvg).toContain('<svg');
    expect(new Date(consent.expiresAt).getTime() - t.clock.now().getTime()).toBe(7 * 86_400_000);
    problem(await share(ani.token, { agencyId: f.bpjs, documentIds: [kk], purpose: 'x', expiresInDays: 31 }), 400, 'validation_failed');
    const list = await consentsOf(ani.token);
    expect(list[0]).toMatchObject({ id: consent.id, shareCode: consent.shareCode, status: 'active', agency: { id: f.bpjs, name: 'BPJS Kesehatan' }, documents: [{ id: kk, name: 'Kartu Keluarga' }] });
  });

  it("refuses another citizen's document (404), an unknown agency (400 naming the field)", async () => {
    const other = await share(budi.token, { agencyId: f.bpjs, documentIds: [kk], purpose: 'Coba-coba' });
    problem(other, 404, 'citizen.document_not_found');
    const agency = await share(ani.token, { agencyId: '00000000-0000-7000-8000-000000000000', documentIds: [kk], purpose: 'Daftar' });
    expect(problem(agency, 400).errors?.[0].field).toBe('body.agencyId');
  });
});

describe('the officer of the agency', () => {
  let code: string;
  let consentId: string;
  beforeAll(async () => {
    const consent = ok(await share(ani.token, { agencyId: f.bpjs, documentIds: [kk, ktp], purpose: 'Pendaftaran peserta JKN', expiresInDays: 2 }), c.consentCreated, 201);
    code = consent.shareCode;
    consentId = consent.id;
  });

  it('sees the name, the masked NIK and those documents only, as the citizen sees them', async () => {
    const res = await openAs(bpjsOfficer, code.toLowerCase().replace('-', ' '));
    expect(ok(res, c.sharedView)).toMatchObject({
      citizen: { name: 'Ani Wijaya', nik: '6472••••••••0001', nikVerified: false },
      agency: { id: f.bpjs, name: 'BPJS Kesehatan' },
      purpose: 'Pendaftaran peserta JKN',
      documents: [
        { id: kk, name: 'Kartu Keluarga', status: 'uploaded', mediaType: 'application/pdf' },
        { id: ktp, name: 'KTP-el', status: 'uploaded', mediaType: 'image/png' },
      ],
    });
    expect(res.body).not.toContain('6472015007900001');
    expect(res.body).not.toContain('ani@contoh.id');
  });

  it('reads a document; the citizen sees the read (agency and role, not the name), newest first; the audit log has it', async () => {
    const res = await readAs(bpjsOfficer, code, kk);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(KK)).toBe(true);
    const log = await accessLogOf(ani.token);
    expect(log[0]).toMatchObject({ action: 'document.read', agency: { id: f.bpjs, name: 'BPJS Kesehatan' }, role: 'officer', documentId: kk, documentName: 'Kartu Keluarga', purpose: 'Pendaftaran peserta JKN' });
    expect(log[1]).toMatchObject({ action: 'profile.read', documentId: null });
    expect(JSON.stringify(log)).not.toMatch(/user\d|officer-|username/);
    const audit = await t.ctx.db.select().from(auditLog).where(and(eq(auditLog.action, 'citizens.document_read'), eq(auditLog.targetId, kk)));
    expect(audit.length).toBe(1);
    expect(audit[0]).toMatchObject({ agencyId: f.bpjs, siteId: f.siteId });
  });

  it('views a watermarked PDF of a PDF and of an image', async () => {
    for (const doc of [kk, ktp]) {
      const res = await readAs(bpjsOfficer, code, doc, true);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(String(res.headers['content-disposition'])).toMatch(/^inline/);
      // Framed by the console's viewer (same origin only), with nothing to run.
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'self'");
      expect(res.headers['content-security-policy']).toContain("default-src 'none'");
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      const stamped = await PDFDocument.load(res.rawPayload);
      expect(stamped.getPageCount()).toBe(1);
      expect(stamped.getTitle()).toContain('BPJS Kesehatan');
      expect(stamped.getTitle()).toContain('WITA');
    }
  });

  it('verifies and rejects with a reason; the citizen sees who (agency) and why', async () => {
    const verified = await t.app.inject({ method: 'POST', url: `/api/v1/shared/${code}/documents/${kk}/review`, headers: bearer(bpjsOfficer), payload: { status: 'verified' } });
    expect(ok(verified, c.citizenDocument)).toMatchObject({ status: 'verified', verifiedBy: { agency: { id: f.bpjs, name: 'BPJS Kesehatan' } } });
    const noReason = await t.app.inject({ method: 'POST', url: `/api/v1/shared/${code}/documents/${ktp}/review`, headers: bearer(bpjsOfficer), payload: { status: 'rejected' } });
    problem(noReason, 400);
    const no = await t.app.inject({ method: 'POST', url: `/api/v1/shared/${code}/documents/${ktp}/review`, headers: bearer(bpjsOfficer), payload: { status: 'rejected', reason: 'Foto buram, tidak terbaca' } });
    ok(no, c.citizenDocument);
    const mine = ok(await t.app.inject({ method: 'GET', url: '/api/v1/me/documents', headers: bearer(ani.token) }), z.array(c.citizenDocument));
    expect(mine.find((d) => d.id === ktp)).toMatchObject({ status: 'rejected', rejection: { agency: { name: 'BPJS Kesehatan' }, reason: 'Foto buram, tidak terbaca' } });
    const readiness = ok(await t.app.inject({ method: 'GET', url: `/api/v1/me/readiness?serviceId=${f.services.daftar}`, headers: bearer(ani.token) }), c.readiness);
    expect(readiness.requirements.map((r) => r.have)).toEqual(['verified', 'missing', 'missing']);
    const events = await t.ctx.db.execute(sql`SELECT type, payload FROM events WHERE type = 'citizen.document_reviewed'`);
    expect((events as unknown as { rows: unknown[] }).rows.length).toBe(2);
  });

  it("confirms the NIK after seeing the KTP, and issues a document into the wallet (verified by construction)", async () => {
    const nik = await t.app.inject({ method: 'POST', url: `/api/v1/shared/${code}/nik-verification`, headers: bearer(bpjsAdmin) });
    ok(nik, c.nikConfirmed);
    const me = ok(await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(ani.token) }), c.citizenSelf);
    expect(me).toMatchObject({ nikVerified: true, nikVerifiedBy: { agency: { id: f.bpjs } } });
    const body = multipart([{ name: 'documentTypeId', content: f.types.foto }, { name: 'file', filename: 'kartu-jkn.pdf', type: 'application/pdf', content: pdf('KARTU JKN') }]);
    const issued = await t.app.inject({ method: 'POST', url: `/api/v1/shared/${code}/documents`, payload: body.payload, headers: { ...body.headers, ...bearer(bpjsOfficer) } });
    const doc = ok(issued, c.citizenDocument, 201);
    expect(doc).toMatchObject({ status: 'issued', verifiedBy: { agency: { id: f.bpjs } } });
    const log = await accessLogOf(ani.token);
    expect(log[0]).toMatchObject({ action: 'document.issued', documentId: doc.id });
  });

  it('refuses staff of another agency, site admins and nobody alike (404 / 401), and audits each attempt', async () => {
    const before = (await accessLogOf(ani.token)).length;
    for (const token of [dukcapilOfficer, siteAdmin]) {
      const res = await openAs(token, code);
      problem(res, 404, 'citizen.share_not_found');
      problem(await readAs(token, code, kk), 404, 'citizen.share_not_found');
    }
    problem(await openAs(null, code), 401);
    problem(await openAs(ani.token, code), 401);
    const refused = await t.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'citizens.share_refused'));
    expect(refused.length).toBeGreaterThanOrEqual(4);
    const log = await accessLogOf(ani.token);
    expect(log.length).toBe(before + 4);
    expect(log[0]).toMatchObject({ action: 'read_refused' });
  });

  it('refuses a document the consent does not share', async () => {
    const other = ok(await uploadDocument(t, ani.token, f.types.foto, PNG, 'foto.png', 'image/png'), c.citizenDocument, 201).id;
    problem(await readAs(bpjsOfficer, code, other), 404);
  });

  it('answers 404 after revocation and after expiry, exactly like an unknown code', async () => {
    const unknown = problem(await openAs(bpjsOfficer, 'ZZZZ-ZZZZ'), 404, 'citizen.share_not_found');
    const res = await t.app.inject({ method: 'DELETE', url: `/api/v1/me/consents/${consentId}`, headers: bearer(ani.token) });
    expect(res.statusCode).toBe(204);
    const revoked = problem(await openAs(bpjsOfficer, code), 404, 'citizen.share_not_found');
    expect(revoked).toEqual(unknown);
    problem(await readAs(bpjsOfficer, code, kk), 404);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/me/consents/${consentId}`, headers: bearer(ani.token) })).statusCode).toBe(204);
    problem(await t.app.inject({ method: 'DELETE', url: `/api/v1/me/consents/${consentId}`, headers: bearer(budi.token) }), 404);
    const list = await consentsOf(ani.token);
    expect(list.find((x) => x.id === consentId)).toMatchObject({ status: 'revoked', shareCode: null });

    const later = ok(await share(ani.token, { agencyId: f.bpjs, documentIds: [kk], purpose: 'Perubahan data', expiresInDays: 1 }), c.consentCreated, 201);
    ok(await openAs(bpjsOfficer, later.shareCode), c.sharedView);
    t.clock.advance(86_400_000 + 1000);
    // (a staff session lasts less than a day: sign in again)
    const expired = await openAs(await f.officer(f.bpjs), later.shareCode);
    expect(problem(expired, 404, 'citizen.share_not_found')).toEqual(unknown);
    const rows = await t.ctx.db.select().from(citizenAccessLog).where(eq(citizenAccessLog.consentId, later.id));
    expect(rows.map((r) => r.action)).toEqual(['profile.read', 'read_refused']);
  });

  it('keeps the access log append-only in the database', async () => {
    await expect(t.ctx.db.execute(sql`UPDATE citizen_access_log SET action = 'x'`)).rejects.toThrow();
    await expect(t.ctx.db.execute(sql`DELETE FROM citizen_access_log`)).rejects.toThrow();
  });
});
