import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPage } from '../../src/contracts/access';
import * as c from '../../src/contracts/complaints';
import { issuedTicket } from '../../src/contracts/queue';
import { forgetCachedCatalog } from '../../src/server/modules/catalog/catalog.lookup';
import { complaintJobHandlers } from '../../src/server/modules/complaints/complaints.jobs';
import { rows } from '../../src/server/platform/db';
import { runDueJobs } from '../../src/server/platform/jobs';
import type { Message } from '../../src/server/platform/notifier';
import { bearer, createTestApp, type TestApp } from '../support/app';
import { ok } from '../support/contract';
import { createMppFixture, type MppFixture } from '../support/fixtures';
import { fileBody, PNG } from '../support/multipart';

/*
 * Confidentiality (rahasia) holds everywhere the agency looks: the board, the detail, the
 * exports, the figures, the audit log, the history and the messages the notifier sends. Each is
 * searched as JSON for the reporter's name, phone and email, the linked ticket's number and the
 * tracking code (the reporter's key). The desk sees the identity: the searches can fail.
 */
const NAME = 'Rahmawati Kusumaningrum';
const PHONE = '081355501234';
const EMAIL = 'rahma.kusuma@example.test';

let t: TestApp;
let f: MppFixture;
let gateway: Server;
const posts: Message[] = [];
let secret: { id: string; trackingCode: string; ticketNumber: string };
let open: { id: string; trackingCode: string };

const post = (url: string, payload: unknown, token?: string) => t.app.inject({ method: 'POST', url, payload: payload as object, headers: token ? bearer(token) : {}, remoteAddress: '10.2.0.1' });
const get = (url: string, token?: string) => t.app.inject({ method: 'GET', url, headers: token ? bearer(token) : {} });
const reportsOf = (res: Awaited<ReturnType<typeof get>>) => ok(res, c.laporReport.array());

/** Every way the identity (or the reporter's key) could show up in a JSON text. */
function leaks(text: string, trackingCode = secret.trackingCode): string[] {
  const needles = [NAME, 'Rahmawati', 'Kusumaningrum', PHONE, PHONE.slice(1), '1355501234', EMAIL, 'rahma.kusuma', secret.ticketNumber, trackingCode];
  return needles.filter((n) => text.toLowerCase().includes(n.toLowerCase()));
}

beforeAll(async () => {
  gateway = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      posts.push(JSON.parse(body));
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  t = await createTestApp({ config: { notifyWebhookUrl: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/gateway` } });
  f = await createMppFixture(t);
  await t.ctx.db.execute(sql`UPDATE agencies SET email = 'pengaduan@disdukcapil.test', phone = '0541700100' WHERE id = ${f.agency.dukcapil}`);
  forgetCachedCatalog();

  const ticket = ok(await post(`/api/v1/sites/${f.siteId}/tickets`, { serviceId: f.service.ktp }, f.kioskToken), issuedTicket, 201);
  const filed = await post(`/api/v1/sites/${f.siteId}/complaints`, {
    classification: 'pengaduan', title: 'Petugas meminta uang tambahan', body: 'Petugas loket meminta Rp50.000 agar KTP cepat jadi.',
    agencyId: f.agency.dukcapil, trackingCode: ticket.trackingCode, confidential: true, reporter: { name: NAME, phone: PHONE, email: EMAIL },
  });
  const secretFiled = ok(filed, c.filedResponse, 201);
  secret = { id: secretFiled.id, trackingCode: secretFiled.trackingCode, ticketNumber: ticket.number };
  const other = await post(`/api/v1/sites/${f.siteId}/complaints`, { classification: 'aspirasi', title: 'Tambah kursi ruang tunggu', body: 'Kursi kurang saat ramai.', agencyId: f.agency.dukcapil, reporter: { name: 'Andi Pratama', phone: '081211112222', email: 'andi@example.test' } });
  const openFiled = ok(other, c.filedResponse, 201);
  open = { id: openFiled.id, trackingCode: openFiled.trackingCode };

  for (const filedOne of [secret, open]) {
    ok(await post(`/api/v1/complaints/${filedOne.id}/transition`, { to: 'verified', agencyId: f.agency.dukcapil, text: 'Diteruskan ke Disdukcapil.' }, f.tokens.siteAdmin), c.transitioned);
    ok(await post(`/api/v1/complaints/${filedOne.id}/messages`, { text: 'Sedang kami periksa.', visibility: 'public' }, f.tokens.agencyAdmin), c.complaintDetail);
    ok(await post(`/api/v1/complaints/${filedOne.id}/messages`, { text: 'Catatan instansi.', visibility: 'staff' }, f.tokens.officer.dukcapil), c.complaintDetail);
  }
  // The reporter attaches evidence whose file name carries their name.
  const upload = fileBody(PNG, `bukti ${NAME}.png`, 'image/png');
  const att = await t.app.inject({ method: 'POST', url: `/api/v1/complaints/by-code/${secret.trackingCode}/attachments`, payload: upload.payload, headers: upload.headers });
  ok(att, c.uploadedAttachment, 201);
  ok(await post(`/api/v1/complaints/${secret.id}/transition`, { to: 'responded', text: 'Petugas sudah diperiksa dan diberi sanksi.' }, f.tokens.agencyAdmin), c.transitioned);
  await runDueJobs(t.ctx.db, t.clock, complaintJobHandlers(t.ctx));
}, 120_000);

afterAll(async () => {
  await t?.close();
  await new Promise<void>((resolve) => gateway.close(() => resolve()));
});

describe('a confidential (rahasia) complaint', () => {
  it('the desk sees who reported it and the linked ticket (so the searches below can fail)', async () => {
    const desk = await get(`/api/v1/complaints/${secret.id}`, f.tokens.siteAdmin);
    const seen = ok(desk, c.complaintDetail);
    expect(seen.reporter).toEqual({ name: NAME, phone: PHONE, email: EMAIL });
    expect(seen.linked?.number).toBe(secret.ticketNumber);
    expect(seen.trackingCode).toBe(secret.trackingCode);
    expect(leaks(desk.body).length).toBeGreaterThan(3);
    expect(seen.attachments[0].filename).toContain('Rahmawati');
  });

  it('the agency’s board and detail hold no name, phone, email, ticket number or tracking code', async () => {
    for (const token of [f.tokens.agencyAdmin, f.tokens.officer.dukcapil]) {
      const list = await get(`/api/v1/sites/${f.siteId}/complaints`, token);
      const item = ok(list, c.complaintPage).items.find((i) => i.id === secret.id);
      expect(item).toMatchObject({ confidential: true, reporter: null, trackingCode: null });
      expect(leaks(list.body)).toEqual([]);
      const detail = await get(`/api/v1/complaints/${secret.id}`, token);
      const seen = ok(detail, c.complaintDetail);
      expect(seen).toMatchObject({ reporter: null, linked: null, role: 'agency' });
      expect(seen.attachments[0].filename).toBe('lampiran-1.png');
      expect(leaks(detail.body)).toEqual([]);
      const download = await get(`/api/v1/complaints/${secret.id}/attachments/${seen.attachments[0].id}`, token);
      expect(download.statusCode).toBe(200);
      expect(leaks(String(download.headers['content-disposition']))).toEqual([]);
    }
    // An open complaint of the same agency does show its reporter to the agency (positive control).
    const openDetail = ok(await get(`/api/v1/complaints/${open.id}`, f.tokens.agencyAdmin), c.complaintDetail);
    expect(openDetail.reporter?.name).toBe('Andi Pratama');
  });

  it('the agency’s exports (LAPOR! JSON and CSV) and figures hold no identity', async () => {
    const lapor = await get(`/api/v1/sites/${f.siteId}/complaints/export?from=2026-11-01&to=2026-11-30&format=lapor`, f.tokens.agencyAdmin);
    const reports = reportsOf(lapor);
    const r = reports.find((x) => x.rahasia)!;
    expect(r).toMatchObject({ rahasia: true, anonim: false, pelapor: null, kode_pelacakan: null, klasifikasi: 'pengaduan', instansi_tujuan: 'Dinas Kependudukan dan Pencatatan Sipil', status: 'responded' });
    expect(r.tanggapan.map((x) => x.dari)).toEqual(['desk', 'agency', 'agency']);
    expect(leaks(lapor.body)).toEqual([]);
    const csv = await get(`/api/v1/sites/${f.siteId}/complaints/export?from=2026-11-01&to=2026-11-30&format=csv`, f.tokens.agencyAdmin);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Petugas meminta uang tambahan');
    expect(leaks(csv.body)).toEqual([]);
    // The open complaint's reporter goes out (not rahasia): the export is not blank by accident.
    expect(csv.body).toContain('Andi Pratama');
    const figures = await get(`/api/v1/sites/${f.siteId}/complaints/figures?from=2026-11&to=2026-11`, f.tokens.agencyAdmin);
    ok(figures, c.figuresResponse);
    expect(leaks(figures.body)).toEqual([]);
  });

  it('even the desk’s LAPOR! export leaves the identity of a rahasia complaint out', async () => {
    const lapor = await get(`/api/v1/sites/${f.siteId}/complaints/export?from=2026-11-01&to=2026-11-30&format=lapor`, f.tokens.siteAdmin);
    const reports = reportsOf(lapor);
    const r = reports.find((x) => x.rahasia)!;
    expect(r.pelapor).toBeNull();
    expect(r.kode_pelacakan).toBe(secret.trackingCode);
    expect(reports.find((x) => !x.rahasia)?.pelapor).toEqual({ nama: 'Andi Pratama', telepon: '081211112222', email: 'andi@example.test' });
    expect(leaks(lapor.body, '---')).toEqual([]);
  });

  it('the audit log the agency admin reads and the event history hold no identity', async () => {
    const audit = await get(`/api/v1/audit?pageSize=200`, f.tokens.agencyAdmin);
    const mine = ok(audit, auditPage).items.filter((a) => a.action.startsWith('complaints.'));
    expect(mine.length).toBeGreaterThan(3);
    expect(leaks(JSON.stringify(mine))).toEqual([]);
    // Every complaint audit row and every event of the complaint, as stored (the kiosk's own
    // audit row of issuing the ticket names its number, and is not about the complaint).
    const all = await rows<Record<string, unknown>>(t.ctx.db, sql`SELECT * FROM audit_log WHERE action LIKE 'complaints.%' OR target_id = ${secret.id}`);
    expect(all.length).toBeGreaterThan(4);
    for (const a of all) expect(leaks(JSON.stringify(a)), JSON.stringify(a)).toEqual([]);
    const events = await rows<Record<string, unknown>>(t.ctx.db, sql`SELECT type, payload, meta FROM events WHERE aggregate_id = ${secret.id}`);
    expect(events.length).toBeGreaterThan(4);
    expect(leaks(JSON.stringify(events))).toEqual([]);
  });

  it('the notifications: the agency is told without identity; only the reporter gets their own code', async () => {
    const toAgency = posts.filter((m) => m.to.email === 'pengaduan@disdukcapil.test');
    expect(toAgency.map((m) => m.kind)).toContain('complaint.agency_assigned');
    expect(leaks(JSON.stringify(toAgency))).toEqual([]);
    const toReporter = posts.filter((m) => m.to.phone === PHONE);
    expect(toReporter.map((m) => m.kind).sort()).toEqual(['complaint.filed', 'complaint.reply', 'complaint.responded', 'complaint.verified']);
    expect(toReporter.find((m) => m.kind === 'complaint.filed')!.text).toContain(secret.trackingCode);
    // Nothing else carries the reporter's contact.
    expect(posts.filter((m) => m.to.phone !== PHONE && leaks(JSON.stringify(m)).length)).toEqual([]);
  });

  it('the public tracking page shows no identity either', async () => {
    const pub = await get(`/api/v1/complaints/by-code/${secret.trackingCode}`);
    expect(ok(pub, c.publicComplaint).attachments[0].filename).toBe('lampiran-1.png');
    expect(leaks(pub.body, '---')).toEqual([]);
  });
});
