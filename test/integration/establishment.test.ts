import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/server/platform/db';
import { bearer, createTestApp, type TestApp } from '../support/app';
import { createApplicationsFixture } from '../support/applications-fixture';
import type { MppFixture } from '../support/fixtures';
import { nik } from '../support/site-fixture';
import { fileBody, PNG } from '../support/multipart';

// Wednesday 25 Nov 2026, 09:00 WITA: "today" in Kalimantan Timur is 2026-11-25.
let t: TestApp;
let f: MppFixture;
let admin: string;
let auditor: string;
type Json = Record<string, any>;

async function call(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, token?: string | null, payload?: unknown) {
  const res = await t.app.inject({ method, url: `/api/v1${url}`, headers: token ? bearer(token) : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
  return { status: res.statusCode, body: (res.body && res.headers['content-type']?.toString().includes('json') ? res.json() : null) as Json, raw: res.rawPayload, headers: res.headers };
}
const stage = (code: string, body: Json, token = admin) => call('POST', `/regions/${code}/mpp/stage`, token, body);
const upload = async (code: string, query: string, content: Buffer | string = PDF, name = 'bukti.pdf', type = 'application/pdf', token = admin) => {
  const { payload, headers } = fileBody(content, name, type);
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/regions/${code}/mpp/documents?${query}`, payload, headers: { ...headers, ...bearer(token) } });
  return { status: res.statusCode, body: res.json() as Json };
};
/** A small real PDF (the content is sniffed, not the name). */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

beforeAll(async () => {
  // Sessions outlive the clock's travel to an application's late completion.
  t = await createTestApp({ start: '2026-11-25T09:00:00+08:00', config: { sessionTtlHours: 24 * 30 } });
  f = await createApplicationsFixture(t);
  admin = await t.userToken({ username: 'pemprov-uji', memberships: [{ role: 'platform_admin', siteId: null, agencyId: null }] });
  auditor = await t.userToken({ memberships: [{ role: 'auditor', siteId: null, agencyId: null }] });
}, 120_000);
afterAll(async () => t?.close());

describe('regions', () => {
  it('ships every province and kabupaten/kota of Indonesia with Kemendagri codes', async () => {
    const r = await call('GET', '/regions', admin);
    expect(r.status).toBe(200);
    expect(r.body).toHaveLength(38);
    expect(r.body.reduce((n: number, p: Json) => n + p.regencies, 0)).toBe(514);
    expect(r.body.find((p: Json) => p.code === '64')).toEqual({ code: '64', name: 'Kalimantan Timur', timeZone: 'Asia/Makassar', regencies: 10 });
  });

  it("lists Kalimantan Timur's ten kabupaten/kota with the fields of DESIGN §7", async () => {
    const r = await call('GET', '/regions/64/mpp', admin);
    expect(r.status).toBe(200);
    expect(r.body.map((x: Json) => x.regencyCode)).toEqual(['6401', '6402', '6403', '6407', '6408', '6409', '6411', '6471', '6472', '6474']);
    expect(r.body.find((x: Json) => x.regencyCode === '6472')).toMatchObject({ regencyName: 'Kota Samarinda', regencyType: 'kota', stage: 'none', stageSince: null, siteId: null, agencies: null, services: null, visitorsLast30Days: null, ikm: null, next: { stage: 'usulan' } });
  });

  it('answers 404 for codes that are no region, 400 for codes that are not codes', async () => {
    expect((await call('GET', '/regions/99/mpp', admin)).body.code).toBe('establishment.unknown_region');
    expect((await stage('6499', { stage: 'usulan', date: '2022-01-10' })).status).toBe(404);
    expect((await call('GET', '/regions/6499/mpp/record', admin)).status).toBe(404);
    const bad = await call('GET', '/regions/64.72/mpp/record', admin);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('params.regencyCode');
  });
});

describe('who may see and change it', () => {
  it('lets platform admins change, auditors read, and nobody else in', async () => {
    const { siteAdmin, agencyAdmin, officer } = f.tokens;
    for (const token of [siteAdmin, agencyAdmin, officer.dukcapil]) {
      expect((await call('GET', '/regions/64/mpp', token)).status).toBe(403);
      expect((await stage('6474', { stage: 'usulan', date: '2022-03-01' }, token)).status).toBe(403);
    }
    expect((await call('GET', '/regions/64/mpp', null)).status).toBe(401);
    expect((await stage('6474', { stage: 'usulan', date: '2022-03-01' }, null as never)).status).toBe(401);
    expect((await call('GET', '/regions/64/mpp', auditor)).status).toBe(200);
    expect((await call('GET', '/regions/6474/mpp/record', auditor)).status).toBe(200);
    const refused = await stage('6474', { stage: 'usulan', date: '2022-03-01' }, auditor);
    expect(refused.status).toBe(403);
    expect((await call('GET', '/regions/6474/mpp/record', admin)).body.stage).toBe('none');
  });
});

describe('the stages', () => {
  it('advances in order, each with its date and note, into the history, the events and the audit log', async () => {
    let r = await stage('6474', { stage: 'usulan', date: '2022-03-01', note: 'Surat Wali Kota Bontang' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ stage: 'usulan', stageSince: '2022-03-01', regencyName: 'Kota Bontang', today: '2026-11-25' });
    r = await stage('6474', { stage: 'verifikasi', date: '2022-06-15' });
    expect(r.body.history.map((h: Json) => [h.from, h.to, h.direction, h.by])).toEqual([
      ['usulan', 'verifikasi', 'advance', 'pemprov-uji'],
      ['none', 'usulan', 'advance', 'pemprov-uji'],
    ]);
    expect(r.body.history[1].note).toBe('Surat Wali Kota Bontang');
    const ev = await rows<{ payload: Json; meta: Json }>(t.ctx.db, sql`SELECT payload, meta FROM events WHERE type = 'establishment.stage_changed' ORDER BY id`);
    expect(ev.map((e) => e.payload)).toEqual([
      { regencyCode: '6474', from: 'none', to: 'usulan', date: '2022-03-01' },
      { regencyCode: '6474', from: 'usulan', to: 'verifikasi', date: '2022-06-15' },
    ]);
    const audit = await rows<{ action: string; target_id: string }>(t.ctx.db, sql`SELECT action, target_id FROM audit_log WHERE action LIKE 'establishment.%' ORDER BY id`);
    expect(audit).toEqual([
      { action: 'establishment.stage_advanced', target_id: '6474' },
      { action: 'establishment.stage_advanced', target_id: '6474' },
    ]);
  });

  it('refuses a skipped stage with 409 naming the stage that comes next, and changes nothing', async () => {
    const r = await stage('6474', { stage: 'pembangunan', date: '2022-08-01' });
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ code: 'establishment.stage_skipped', currentStage: 'verifikasi', expectedStage: 'koordinasi' });
    expect((await stage('6474', { stage: 'verifikasi', date: '2022-08-01' })).body.code).toBe('establishment.stage_unchanged');
    expect((await call('GET', '/regions/6474/mpp/record', admin)).body).toMatchObject({ stage: 'verifikasi', stageSince: '2022-06-15' });
  });

  it('refuses a date in the future or before the current stage, naming body.date', async () => {
    let r = await stage('6474', { stage: 'koordinasi', date: '2026-11-26' });
    expect(r.status).toBe(400);
    expect(r.body.errors[0]).toMatchObject({ field: 'body.date', code: 'in_future' });
    expect(r.body.errors[0].messages.id).toContain('masa depan');
    r = await stage('6474', { stage: 'koordinasi', date: '2022-06-14' });
    expect(r.body.errors[0]).toMatchObject({ field: 'body.date', code: 'before_previous' });
    r = await stage('6474', { stage: 'koordinasi', date: '2022-02-30' });
    expect(r.body.errors[0]).toMatchObject({ field: 'body.date' });
    expect((await call('GET', '/regions/6474/mpp/record', admin)).body.stage).toBe('verifikasi');
  });

  it('steps back one stage only, with a reason that is recorded', async () => {
    let r = await stage('6474', { stage: 'usulan', date: '2022-07-01' });
    expect(r.status).toBe(400);
    expect(r.body.errors[0]).toMatchObject({ field: 'body.reason', code: 'required' });
    r = await stage('6474', { stage: 'none', date: '2022-07-01', reason: 'x' });
    expect(r.body).toMatchObject({ code: 'establishment.stage_back_too_far', expectedStage: 'usulan' });
    r = await stage('6474', { stage: 'usulan', date: '2022-07-01', reason: 'Dikembalikan KemenPANRB: kajian urgensi belum memuat analisis sarana' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ stage: 'usulan', stageSince: '2022-07-01' });
    expect(r.body.history[0]).toMatchObject({ from: 'verifikasi', to: 'usulan', direction: 'back', reason: 'Dikembalikan KemenPANRB: kajian urgensi belum memuat analisis sarana' });
    const [a] = await rows<{ details: Json }>(t.ctx.db, sql`SELECT details FROM audit_log WHERE action = 'establishment.stage_stepped_back'`);
    expect(a.details.reason).toContain('Dikembalikan');
    // And forward again.
    expect((await stage('6474', { stage: 'verifikasi', date: '2022-09-01' })).status).toBe(200);
    expect((await stage('6474', { stage: 'koordinasi', date: '2022-12-01' })).status).toBe(200);
  });

  it('lets only one of two admins racing over real HTTP move the same stage', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}/api/v1`;
    const go = () =>
      fetch(`${base}/regions/6403/mpp/stage`, { method: 'POST', headers: { ...bearer(admin), 'content-type': 'application/json' }, body: JSON.stringify({ stage: 'usulan', date: '2023-01-05' }) }).then(async (res) => ({
        status: res.status,
        body: (await res.json()) as Json,
      }));
    const results = await Promise.all(Array.from({ length: 6 }, go));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of results.filter((x) => x.status !== 200)) {
      expect(r.status).toBe(409);
      expect(['establishment.stage_unchanged', 'establishment.stage_moved']).toContain(r.body.code);
    }
    const changes = await rows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM mpp_stage_changes c JOIN mpp_establishments e ON e.id = c.establishment_id WHERE e.regency_code = '6403'`);
    expect(changes[0].n).toBe(1);
  }, 120_000);
});

describe('plan and checklist', () => {
  it('shows the next stage late once its planned date has passed', async () => {
    let r = await call('PUT', '/regions/6474/mpp/plan', admin, { plan: { pembangunan: '2023-06-30', uji_coba: '2024-06-01', diresmikan: '2024-12-01' }, planNote: 'Peresmian serentak tahap II' });
    expect(r.status).toBe(200);
    expect(r.body.next).toEqual({ stage: 'pembangunan', plannedDate: '2023-06-30', late: true, daysLate: 1244 });
    expect(r.body.planNote).toBe('Peresmian serentak tahap II');
    r = await call('PUT', '/regions/6474/mpp/plan', admin, { plan: { uji_coba: '2023-01-01' } });
    expect(r.status).toBe(400);
    expect(r.body.errors[0]).toMatchObject({ field: 'body.plan.uji_coba', code: 'out_of_order' });
    r = await call('PUT', '/regions/6474/mpp/plan', admin, { plan: { opening: '2023-01-01' } });
    expect(r.body.errors[0]).toMatchObject({ field: 'body.plan.opening', code: 'unknown_stage' });
    const list = await call('GET', '/regions/64/mpp', auditor);
    expect(list.body.find((x: Json) => x.regencyCode === '6474')).toMatchObject({ stage: 'koordinasi', daysInStage: 1455, next: { stage: 'pembangunan', late: true } });
  });

  it('keeps entered checklist values and refuses unknown items, wrong types and derived items', async () => {
    let r = await call('PUT', '/regions/6474/mpp/checklist', admin, { values: { 'usulan.instansi_direncanakan': 2, 'koordinasi.rencana_aksi': true } });
    expect(r.status).toBe(200);
    const koordinasi = r.body.checklist.find((c: Json) => c.stage === 'koordinasi').items;
    expect(koordinasi.find((i: Json) => i.key === 'rencana_aksi')).toMatchObject({ done: true, value: true });
    expect(koordinasi.find((i: Json) => i.key === 'pks_instansi')).toMatchObject({ done: false, value: 0, target: 2 });
    r = await call('PUT', '/regions/6474/mpp/checklist', admin, { values: { 'koordinasi.nothing': true, 'pembangunan.progres_fisik': 120, 'koordinasi.kesepakatan_bersama': true } });
    expect(r.status).toBe(400);
    expect(r.body.errors.map((e: Json) => [e.field, e.code])).toEqual([
      ['body.values.koordinasi.nothing', 'unknown_item'],
      ['body.values.pembangunan.progres_fisik', 'not_percent'],
      ['body.values.koordinasi.kesepakatan_bersama', 'derived'],
    ]);
    r = await call('PUT', '/regions/6474/mpp/checklist', admin, { values: { 'koordinasi.rencana_aksi': null } });
    expect(r.body.checklist.find((c: Json) => c.stage === 'koordinasi').items.find((i: Json) => i.key === 'rencana_aksi').done).toBe(false);
  });
});

describe('evidence documents', () => {
  it('stores a reached stage’s document encrypted and counts PKS per agency against the plan', async () => {
    let r = await upload('6474', 'kind=kesepakatan_bersama&title=Kesepakatan%20Bersama&documentDate=2022-11-20');
    expect(r.status).toBe(200);
    r = await upload('6474', `kind=pks&agencyName=${encodeURIComponent('Kantor Imigrasi Samarinda')}`);
    r = await upload('6474', `kind=pks&agencyName=${encodeURIComponent('BPJS Kesehatan')}`, PNG, 'pks.png', 'image/png');
    expect(r.status).toBe(200);
    const items = r.body.checklist.find((c: Json) => c.stage === 'koordinasi').items;
    expect(items.find((i: Json) => i.key === 'kesepakatan_bersama')).toMatchObject({ done: true, value: 1 });
    expect(items.find((i: Json) => i.key === 'pks_instansi')).toMatchObject({ done: true, value: 2, target: 2 });
    expect(r.body.documents.map((d: Json) => [d.kind, d.stage, d.agencyName, d.mediaType])).toEqual([
      ['kesepakatan_bersama', 'koordinasi', null, 'application/pdf'],
      ['pks', 'koordinasi', 'Kantor Imigrasi Samarinda', 'application/pdf'],
      ['pks', 'koordinasi', 'BPJS Kesehatan', 'image/png'],
    ]);
    const [stored] = await rows<{ content_enc: Buffer }>(t.ctx.db, sql`SELECT content_enc FROM stored_files WHERE purpose = 'establishment.evidence' ORDER BY created_at LIMIT 1`);
    expect(Buffer.from(stored.content_enc).includes(Buffer.from('%PDF'))).toBe(false);
    const doc = r.body.documents[0];
    const dl = await call('GET', `/regions/6474/mpp/documents/${doc.id}/content`, auditor);
    expect(dl.status).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(Buffer.from(dl.raw).equals(PDF)).toBe(true);
    const [a] = await rows<{ actor_label: string }>(t.ctx.db, sql`SELECT actor_label FROM audit_log WHERE action = 'establishment.document_downloaded'`);
    expect(a.actor_label).not.toBe('pemprov-uji');
  });

  it('refuses a stage not reached (409), a PKS without its agency (400), a file of the wrong type (415)', async () => {
    let r = await upload('6474', 'kind=berita_acara_uji_coba');
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ code: 'establishment.stage_not_reached', currentStage: 'koordinasi' });
    r = await upload('6474', 'kind=pks');
    expect(r.status).toBe(400);
    expect(r.body.errors[0]).toMatchObject({ field: 'querystring.agencyName', code: 'required' });
    r = await upload('6474', 'kind=surat_usulan', 'just text', 'surat.pdf', 'application/pdf');
    expect(r.status).toBe(415);
    r = await upload('6474', 'kind=surat_usulan', PDF, 'surat.pdf', 'application/pdf', auditor);
    expect(r.status).toBe(403);
    const record = await call('GET', '/regions/6474/mpp/record', admin);
    expect(record.body.documents).toHaveLength(3);
  });

  it('unlinks a document after which it is gone from the record and its download', async () => {
    const record = await call('GET', '/regions/6474/mpp/record', admin);
    const pks = record.body.documents.find((d: Json) => d.agencyName === 'BPJS Kesehatan');
    const r = await call('DELETE', `/regions/6474/mpp/documents/${pks.id}`, admin);
    expect(r.status).toBe(200);
    expect(r.body.documents).toHaveLength(2);
    expect((await call('GET', `/regions/6474/mpp/documents/${pks.id}/content`, admin)).status).toBe(404);
    expect((await call('DELETE', `/regions/6474/mpp/documents/${pks.id}`, admin)).status).toBe(404);
  });
});

describe('the site of an MPP in trial', () => {
  it('is created from the record once the trial starts, in the province zone, then opens on inauguration', async () => {
    for (const [s, d] of [['usulan', '2021-02-01'], ['verifikasi', '2021-05-01'], ['koordinasi', '2021-08-01'], ['pembangunan', '2022-01-10']] as const) {
      expect((await stage('6471', { stage: s, date: d })).status).toBe(200);
    }
    let r = await call('POST', '/regions/6471/mpp/site', admin, { name: 'MPP Kota Balikpapan', slug: 'mpp-balikpapan-uji', address: 'Jl. Jenderal Sudirman' });
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ code: 'establishment.site_too_early', currentStage: 'pembangunan' });
    expect((await stage('6471', { stage: 'uji_coba', date: '2022-06-14' })).status).toBe(200);
    r = await call('POST', '/regions/6471/mpp/site', f.tokens.siteAdmin, { name: 'MPP Kota Balikpapan', slug: 'mpp-balikpapan-uji' });
    expect(r.status).toBe(403);
    r = await call('POST', '/regions/6471/mpp/site', admin, { name: 'MPP Kota Balikpapan', slug: f.slug });
    expect(r.status).toBe(409);
    expect(r.body.errors[0]).toMatchObject({ field: 'body.slug', code: 'taken' });
    r = await call('POST', '/regions/6471/mpp/site', admin, { name: 'MPP Kota Balikpapan', slug: 'mpp-balikpapan-uji', address: 'Jl. Jenderal Sudirman' });
    expect(r.status).toBe(201);
    expect(r.body.site).toMatchObject({ name: 'MPP Kota Balikpapan', slug: 'mpp-balikpapan-uji', status: 'trial' });
    const site = (await call('GET', `/sites/${r.body.site.id}`)).body;
    expect(site).toMatchObject({ regency: 'Kota Balikpapan', province: 'Kalimantan Timur', timeZone: 'Asia/Makassar', status: 'trial', address: 'Jl. Jenderal Sudirman' });
    expect((await call('POST', '/regions/6471/mpp/site', admin, { name: 'Lagi', slug: 'mpp-lagi' })).body.code).toBe('establishment.site_exists');
    r = await stage('6471', { stage: 'diresmikan', date: '2023-02-20' });
    expect(r.body.site.status).toBe('operating');
    expect((await call('GET', `/sites/${r.body.site.id}`)).body.status).toBe('operating');
    const list = (await call('GET', '/regions/64/mpp', admin)).body.find((x: Json) => x.regencyCode === '6471');
    expect(list).toMatchObject({ stage: 'diresmikan', siteId: r.body.site.id, agencies: 0, services: 0, visitorsLast30Days: 0, next: null });
  });

  it('shows an operating MPP’s figures from the catalogue, the queue, the survey, complaints and applications', async () => {
    // The fixture's site stands for Samarinda's, linked as an operating MPP.
    await t.ctx.db.execute(sql`INSERT INTO mpp_establishments (id, regency_code, province_code, stage, stage_since, site_id, created_at, updated_at)
      VALUES (gen_random_uuid(), '6472', '64', 'diresmikan', '2019-12-19', ${f.siteId}, now(), now())`);
    const issued = [];
    for (let i = 0; i < 5; i++) issued.push(await call('POST', `/sites/${f.siteId}/tickets`, f.kioskToken, { serviceId: f.service.ktp }));
    expect(issued.every((x) => x.status === 201)).toBe(true);
    t.clock.advance(6 * 60_000);
    for (let i = 0; i < 5; i++) {
      const called = await call('POST', `/counters/${f.counter.c1}/call-next`, f.tokens.officer.dukcapil);
      expect(called.status).toBe(200);
      expect((await call('POST', `/tickets/${called.body.ticket.id}/finish`, f.tokens.officer.dukcapil)).status).toBe(200);
    }
    // Five citizens rate the service: every element "sangat" (4) → IKM 100, grade A.
    const answers = { persyaratan: 4, prosedur: 4, waktu: 4, biaya: 4, produk: 4, kompetensi: 4, perilaku: 4, pengaduan: 4, sarana: 4 };
    for (const x of issued) expect((await call('POST', `/sites/${f.siteId}/surveys`, null, { trackingCode: x.body.trackingCode, answers })).status).toBe(201);
    // A complaint, verified by the desk and answered by the agency the same day: on time.
    const filed = await call('POST', `/sites/${f.siteId}/complaints`, null, { classification: 'pengaduan', title: 'Antrean KTP lama', body: 'Menunggu lama di loket KTP-el.', anonymous: true });
    expect(filed.status).toBe(201);
    expect((await call('POST', `/complaints/${filed.body.id}/transition`, f.tokens.siteAdmin, { to: 'verified', agencyId: f.agency.dukcapil })).status).toBe(200);
    expect((await call('POST', `/complaints/${filed.body.id}/transition`, f.tokens.agencyAdmin, { to: 'responded', text: 'Loket KTP-el ditambah satu petugas.' })).status).toBe(200);
    const row = (await call('GET', '/regions/64/mpp', auditor)).body.find((x: Json) => x.regencyCode === '6472');
    expect(row).toMatchObject({ stage: 'diresmikan', siteId: f.siteId, visitorsLast30Days: 5, ikm: 100 });
    expect(row.figures.complaintsOnTime).toMatchObject({ available: true, value: 1, asOf: '2026-11-25' });
    expect(row.figures.complaintsOnTime.source).toContain('1 ditindaklanjuti');
    expect(row.agencies).toBeGreaterThan(0);
    expect(row.figures.waitMinutesMean).toMatchObject({ value: 6, available: true, asOf: '2026-11-25' });
    expect(row.figures.ikm).toMatchObject({ available: true, value: 100, grade: 'A' });
    expect(row.figures.ikm.source).toContain('5 responden');
    // Nothing completed yet: no share, but the figure is there with its source.
    expect(row.figures.applicationsOnTime).toMatchObject({ available: true, value: null, asOf: '2026-11-25' });
    expect(row.figures.applicationsOnTime.source).toContain('0 dari 0');
  });

  it('counts applications completed within their working-day deadline, through the applications module', async () => {
    const officer = f.tokens.officer.dukcapil;
    const register = async (n: number) => {
      const r = await call('POST', `/sites/${f.siteId}/applications`, officer, { serviceId: f.service.kk, applicant: { nik: nik(n), name: 'Pemohon Uji' } });
      expect(r.status).toBe(201);
      expect(r.body.dueDate).toBe('2026-11-30'); // KK: 3 working days from Wednesday 25 November
      return r.body.id as string;
    };
    const ready = async (id: string) => {
      for (const to of ['in_process', 'ready']) expect((await call('POST', `/applications/${id}/transition`, officer, { to })).status).toBe(200);
    };
    const [onTime, late] = [await register(5101), await register(5102)];
    await ready(onTime);
    const figure = async () => (await call('GET', '/regions/64/mpp', admin)).body.find((x: Json) => x.regencyCode === '6472').figures.applicationsOnTime;
    expect(await figure()).toMatchObject({ available: true, value: 1, asOf: '2026-11-25' });
    // The second is ready on Wednesday 2 December, past its due date of Monday 30 November.
    t.clock.set('2026-12-02T10:00:00+08:00');
    await ready(late);
    const f2 = await figure();
    expect(f2).toMatchObject({ available: true, value: 0.5, asOf: '2026-12-02' });
    expect(f2.source).toContain('1 dari 2 selesai tepat waktu');
  });
});

describe('export for the ministry', () => {
  it('gives XLSX and PDF, each figure with its source, audited', async () => {
    const x = await call('GET', '/regions/64/mpp/export?format=xlsx', auditor);
    expect(x.status).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.raw as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tahapan', 'MPP beroperasi', 'Sumber data']);
    const stages = wb.getWorksheet('Tahapan')!.getSheetValues().flat().map(String);
    expect(stages).toContain('Kota Bontang');
    expect(stages).toContain('Koordinasi');
    const sources = wb.getWorksheet('Sumber data')!.getSheetValues().flat().map(String).join(' ');
    expect(sources).toContain('Kepmendagri No. 300.2.2-2138 Tahun 2025');
    const figures = wb.getWorksheet('MPP beroperasi')!.getSheetValues().flat().map(String);
    expect(figures).toContain('Permohonan tepat waktu');
    expect(figures).toContain('50 %'); // one of the two applications completed on time
    expect(figures).not.toContain('belum tersedia');
    expect(sources).toContain('Permohonan selesai dalam jangka waktu standar pelayanan');
    const p = await call('GET', '/regions/64/mpp/export?format=pdf', admin);
    expect(p.status).toBe(200);
    expect(p.headers['content-type']).toBe('application/pdf');
    expect(Buffer.from(p.raw).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await call('GET', '/regions/64/mpp/export?format=pdf', f.tokens.siteAdmin)).status).toBe(403);
    const audit = await rows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'establishment.exported'`);
    expect(audit[0].n).toBe(2);
  });
});
