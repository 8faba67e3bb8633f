import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetCachedCatalog } from '../../src/server/modules/catalog/catalog.lookup';
import { complaintJobHandlers } from '../../src/server/modules/complaints/complaints.jobs';
import { rows } from '../../src/server/platform/db';
import { runDueJobs } from '../../src/server/platform/jobs';
import type { Message } from '../../src/server/platform/notifier';
import { bearer, createTestApp, type TestApp } from '../support/app';
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

  const ticket = (await post(`/api/v1/sites/${f.siteId}/tickets`, { serviceId: f.service.ktp }, f.kioskToken)).json();
  const filed = await post(`/api/v1/sites/${f.siteId}/complaints`, {
    classification: 'pengaduan', title: 'Petugas meminta uang tambahan', body: 'Petugas loket meminta Rp50.000 agar KTP cepat jadi.',
    agencyId: f.agency.dukcapil, trackingCode: ticket.trackingCode, confidential: true, reporter: { name: NAME, phone: PHONE, email: EMAIL },
  });
  expect(filed.statusCode).toBe(201);
  secret = { id: filed.json().id, trackingCode: filed.json().trackingCode, ticketNumber: ticket.number };
  const other = await post(`/api/v1/sites/${f.siteId}/complaints`, { classification: 'aspirasi', title: 'Tambah kursi ruang tunggu', body: 'Kursi kurang saat ramai.', agencyId: f.agency.dukcapil, reporter: { name: 'Andi Pratama', phone: '081211112222', email: 'andi@example.test' } });
  open = { id: other.json().id, trackingCode: other.json().trackingCode };

  for (const c of [secret, open]) {
    expect((await post(`/api/v1/complaints/${c.id}/transition`, { to: 'verified', agencyId: f.agency.dukcapil, text: 'Diteruskan ke Disdukcapil.' }, f.tokens.siteAdmin)).statusCode).toBe(200);
    await post(`/api/v1/complaints/${c.id}/messages`, { text: 'Sedang kami periksa.', visibility: 'public' }, f.tokens.agencyAdmin);
    await post(`/api/v1/complaints/${c.id}/messages`, { text: 'Catatan instansi.', visibility: 'staff' }, f.tokens.officer.dukcapil);
  }
  // The reporter attaches evidence whose file name carries their name.
  const upload = fileBody(PNG, `bukti ${NAME}.png`, 'image/png');
  const att = await t.app.inject({ method: 'POST', url: `/api/v1/complaints/by-code/${secret.trackingCode}/attachments`, payload: upload.payload, headers: upload.headers });
  expect(att.statusCode).toBe(201);
  await post(`/api/v1/complaints/${secret.id}/transition`, { to: 'responded', text: 'Petugas sudah diperiksa dan diberi sanksi.' }, f.tokens.agencyAdmin);
  await runDueJobs(t.ctx.db, t.clock, complaintJobHandlers(t.ctx));
}, 120_000);

afterAll(async () => {
  await t?.close();
  await new Promise<void>((resolve) => gateway.close(() => resolve()));
});

describe('a confidential (rahasia) complaint', () => {
  it('the desk sees who reported it and the linked ticket (so the searches below can fail)', async () => {
    const desk = await get(`/api/v1/complaints/${secret.id}`, f.tokens.siteAdmin);
    expect(desk.json().reporter).toEqual({ name: NAME, phone: PHONE, email: EMAIL });
    expect(desk.json().linked.number).toBe(secret.ticketNumber);
    expect(desk.json().trackingCode).toBe(secret.trackingCode);
    expect(leaks(desk.body).length).toBeGreaterThan(3);
    expect(desk.json().attachments[0].filename).toContain('Rahmawati');
  });

  it('the agency’s board and detail hold no name, phone, email, ticket number or tracking code', async () => {
    for (const token of [f.tokens.agencyAdmin, f.tokens.officer.dukcapil]) {
      const list = await get(`/api/v1/sites/${f.siteId}/complaints`, token);
      expect(list.statusCode).toBe(200);
      const item = list.json().items.find((i: { id: string }) => i.id === secret.id);
      expect(item).toMatchObject({ confidential: true, reporter: null, trackingCode: null });
      expect(leaks(list.body)).toEqual([]);
      const detail = await get(`/api/v1/complaints/${secret.id}`, token);
      expect(detail.statusCode).toBe(200);
      expect(detail.json()).toMatchObject({ reporter: null, linked: null, role: 'agency' });
      expect(detail.json().attachments[0].filename).toBe('lampiran-1.png');
      expect(leaks(detail.body)).toEqual([]);
      const download = await get(`/api/v1/complaints/${secret.id}/attachments/${detail.json().attachments[0].id}`, token);
      expect(download.statusCode).toBe(200);
      expect(leaks(String(download.headers['content-disposition']))).toEqual([]);
    }
    // An open complaint of the same agency does show its reporter to the agency (positive control).
    const openDetail = (await get(`/api/v1/complaints/${open.id}`, f.tokens.agencyAdmin)).json();
    expect(openDetail.reporter.name).toBe('Andi Pratama');
  });

  it('the agency’s exports (LAPOR! JSON and CSV) and figures hold no identity', async () => {
    const lapor = await get(`/api/v1/sites/${f.siteId}/complaints/export?from=2026-11-01&to=2026-11-30&format=lapor`, f.tokens.agencyAdmin);
    expect(lapor.statusCode).toBe(200);
    const reports = lapor.json();
    const r = reports.find((x: { referensi: string; rahasia: boolean }) => x.rahasia);
    expect(r).toMatchObject({ rahasia: true, anonim: false, pelapor: null, kode_pelacakan: null, klasifikasi: 'pengaduan', instansi_tujuan: 'Dinas Kependudukan dan Pencatatan Sipil', status: 'responded' });
    expect(r.tanggapan.map((x: { dari: string }) => x.dari)).toEqual(['desk', 'agency', 'agency']);
    expect(leaks(lapor.body)).toEqual([]);
    const csv = await get(`/api/v1/sites/${f.siteId}/complaints/export?from=2026-11-01&to=2026-11-30&format=csv`, f.tokens.agencyAdmin);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Petugas meminta uang tambahan');
    expect(leaks(csv.body)).toEqual([]);
    // The open complaint's reporter goes out (not rahasia): the export is not blank by accident.
    expect(csv.body).toContain('Andi Pratama');
    const figures = await get(`/api/v1/sites/${f.siteId}/complaints/figures?from=2026-11&to=2026-11`, f.tokens.agencyAdmin);
    expect(figures.statusCode).toBe(200);
    expect(leaks(figures.body)).toEqual([]);
  });

  it('even the desk’s LAPOR! export leaves the identity of a rahasia complaint out', async () => {
    const lapor = await get(`/api/v1/sites/${f.siteId}/complaints/export?from=2026-11-01&to=2026-11-30&format=lapor`, f.tokens.siteAdmin);
    const reports = lapor.json();
    const r = reports.find((x: { rahasia: boolean }) => x.rahasia);
    expect(r.pelapor).toBeNull();
    expect(r.kode_pelacakan).toBe(secret.trackingCode);
    expect(reports.find((x: { rahasia: boolean }) => !x.rahasia).pelapor).toEqual({ nama: 'Andi Pratama', telepon: '081211112222', email: 'andi@example.test' });
    expect(leaks(lapor.body, '---')).toEqual([]);
  });

  it('the audit log the agency admin reads and the event history hold no identity', async () => {
    const audit = await get(`/api/v1/audit?pageSize=200`, f.tokens.agencyAdmin);
    expect(audit.statusCode).toBe(200);
    const mine = audit.json().items.filter((a: { action: string }) => a.action.startsWith('complaints.'));
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
    expect(pub.statusCode).toBe(200);
    expect(pub.json().attachments[0].filename).toBe('lampiran-1.png');
    expect(leaks(pub.body, '---')).toEqual([]);
  });
});
