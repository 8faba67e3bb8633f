import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SKM_ELEMENT_KEYS } from '../../src/domain/ikm';
import { insertDevice } from '../../src/server/modules/access/access.repository';
import { forgetCachedCatalog } from '../../src/server/modules/catalog/catalog.lookup';
import { randomToken, sha256 } from '../../src/server/platform/crypto';
import { rows } from '../../src/server/platform/db';
import { bearer, createTestApp, type TestApp } from '../support/app';
import { createMppFixture, type MppFixture } from '../support/fixtures';

let t: TestApp;
let f: MppFixture;

beforeAll(async () => {
  t = await createTestApp({ start: '2026-11-25T09:00:00+08:00' }); // a Wednesday morning in Samarinda
  f = await createMppFixture(t, { simQuota: 100 });
}, 120_000);
afterAll(async () => t?.close());

type Json = Record<string, any>;
async function call(method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, token?: string | null, payload?: unknown) {
  const res = await t.app.inject({ method, url: `/api/v1${url}`, headers: token ? bearer(token) : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const json = res.headers['content-type']?.toString().includes('json') && res.body ? res.json() : null;
  return { status: res.statusCode, body: json as Json, raw: res.rawPayload, headers: res.headers };
}
const all = (score: number) => Object.fromEntries(SKM_ELEMENT_KEYS.map((k) => [k, score]));
const submit = (body: Json) => call('POST', `/sites/${f.siteId}/surveys`, null, body);

/** Issues a ticket at the kiosk and serves it to its end at a counter: a served visit. */
async function serve(serviceId = f.service.ktp, counterId = f.counter.c1, officer = f.tokens.officer.dukcapil, extra: Json = {}) {
  const issued = await call('POST', `/sites/${f.siteId}/tickets`, f.kioskToken, { serviceId, ...extra });
  expect(issued.status).toBe(201);
  await finishAt(counterId, officer, issued.body.id);
  return issued.body as { id: string; trackingCode: string; number: string };
}
async function finishAt(counterId: string, officer: string, expectedTicketId?: string) {
  const called = await call('POST', `/counters/${counterId}/call-next`, officer);
  expect(called.status).toBe(200);
  if (expectedTicketId) expect(called.body.ticket.id).toBe(expectedTicketId);
  expect((await call('POST', `/tickets/${called.body.ticket.id}/finish`, officer)).status).toBe(200);
  return called.body.ticket.id as string;
}

describe('answering by tracking code', () => {
  it('names every bad element in one 400, before looking the code up', async () => {
    const r = await submit({ trackingCode: 'ZZZZZZZZZZ', answers: { ...all(3), waktu: 5, biaya: 0, sarana: undefined, kecepatan: 4, U1: 2 } });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('validation_failed');
    const fields = r.body.errors.map((e: Json) => e.field).sort();
    expect(fields).toEqual(['body.answers.U1', 'body.answers.biaya', 'body.answers.kecepatan', 'body.answers.sarana', 'body.answers.waktu']);
    const unknown = r.body.errors.find((e: Json) => e.field === 'body.answers.kecepatan');
    expect(unknown.messages).toEqual({ id: 'Unsur tidak dikenal.', en: 'Unknown element.' });
    expect(r.body.errors.find((e: Json) => e.field === 'body.answers.sarana').messages.id).toBe('Wajib diisi.');
    // A profile field outside its list, and fields nobody may send (no NIK, no name).
    const p = await submit({ trackingCode: 'ZZZZZZZZZZ', answers: all(3), respondent: { sex: 'X', nik: '6472010101900001' } });
    expect(p.status).toBe(400);
    expect(p.body.errors.map((e: Json) => e.field).sort()).toEqual(['body.respondent', 'body.respondent.sex']);
  });

  it('404 for an unknown code and for a code of another site; 422 for a ticket not served yet', async () => {
    expect((await submit({ trackingCode: 'ZZZZZZZZZZ', answers: all(3) })).status).toBe(404);
    const waiting = await call('POST', `/sites/${f.siteId}/tickets`, f.kioskToken, { serviceId: f.service.bpjs });
    const r = await submit({ trackingCode: waiting.body.trackingCode, answers: all(3) });
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('survey.not_served');
    await finishAt(f.counter.c3, f.tokens.officer.bpjs, waiting.body.id);
    const other = await createMppFixture(t, { users: false });
    const elsewhere = await call('POST', `/sites/${other.siteId}/surveys`, null, { trackingCode: waiting.body.trackingCode, answers: all(3) });
    expect(elsewhere.status).toBe(404);
  });

  it('takes one answer per served service, refuses the second (409), and the row cannot be edited', async () => {
    const ticket = await serve();
    const offer = await call('GET', `/surveys/by-code/${ticket.trackingCode.toLowerCase()}`);
    expect(offer.status).toBe(200);
    expect(offer.body.services).toEqual([expect.objectContaining({ serviceId: f.service.ktp, number: ticket.number, answered: false, open: true, serviceName: 'Perekaman KTP-el' })]);
    const first = await submit({ trackingCode: ticket.trackingCode, answers: all(4), respondent: { age: 34, sex: 'P', education: 's1', occupation: 'swasta' }, comment: ' Cepat dan ramah ' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ serviceId: f.service.ktp, answeredAt: '2026-11-25T01:00:00.000Z' });
    const again = await submit({ trackingCode: ticket.trackingCode, answers: all(1) });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('survey.already_answered');
    expect((await call('GET', `/surveys/by-code/${ticket.trackingCode}`)).body.services[0]).toMatchObject({ answered: true, open: false });

    const [row] = await rows<Json>(t.ctx.db, sql`SELECT age_band, sex, comment, channel, counter_id FROM survey_responses WHERE id = ${first.body.id}`);
    expect(row).toEqual({ age_band: '30-39', sex: 'P', comment: 'Cepat dan ramah', channel: 'web', counter_id: f.counter.c1 });
    await expect(t.ctx.db.execute(sql`UPDATE survey_responses SET perilaku = 1 WHERE id = ${first.body.id}`)).rejects.toThrow();
  });

  it('a multi-service visit rates each service, and must name which', async () => {
    const issued = await call('POST', `/sites/${f.siteId}/tickets`, f.kioskToken, { serviceId: f.service.ktp, serviceIds: [f.service.bpjs] });
    await finishAt(f.counter.c1, f.tokens.officer.dukcapil, issued.body.id);
    await finishAt(f.counter.c3, f.tokens.officer.bpjs);
    const code = issued.body.trackingCode;
    const unnamed = await submit({ trackingCode: code, answers: all(3) });
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.errors[0].field).toBe('body.serviceId');
    expect((await submit({ trackingCode: code, serviceId: f.service.ktp, answers: all(3) })).status).toBe(201);
    expect((await submit({ trackingCode: code, serviceId: f.service.bpjs, answers: all(2), channel: 'qr' })).status).toBe(201);
    expect((await submit({ trackingCode: code, serviceId: f.service.sim, answers: all(2) })).status).toBe(422);
    expect((await submit({ trackingCode: code, serviceId: f.service.bpjs, answers: all(2) })).status).toBe(409);
  });

  it('stops taking answers after the configured number of days', async () => {
    const ticket = await serve();
    const saved = t.clock.now();
    try {
      t.clock.advance(7 * 86_400_000 + 60_000);
      const late = await submit({ trackingCode: ticket.trackingCode, answers: all(3) });
      expect(late.status).toBe(422);
      expect(late.body.code).toBe('survey.window_closed');
      // A site that allows more days takes it (staff sessions are set while the clock is back).
      t.clock.set(saved);
      const put = await call('PUT', `/sites/${f.siteId}/survey/settings`, f.tokens.siteAdmin, { windowDays: 10 });
      expect(put.body).toEqual({ windowDays: 10, minGroupSize: 5, offerMinutes: 15 });
      expect((await call('PUT', `/sites/${f.siteId}/survey/settings`, f.tokens.agencyAdmin, { windowDays: 30 })).status).toBe(403);
      expect((await call('PUT', `/sites/${f.siteId}/survey/settings`, f.tokens.siteAdmin, { windowDays: 0 })).body.errors[0].field).toBe('body.windowDays');
      t.clock.advance(7 * 86_400_000 + 60_000);
      expect((await submit({ trackingCode: ticket.trackingCode, answers: all(3) })).status).toBe(201);
    } finally {
      t.clock.set(saved);
      await call('PUT', `/sites/${f.siteId}/survey/settings`, f.tokens.siteAdmin, { windowDays: 7 });
    }
  });

  it('exactly one of many concurrent answers for the same service wins (real HTTP)', async () => {
    const ticket = await serve();
    const url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const statuses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        fetch(`${url}/api/v1/sites/${f.siteId}/surveys`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ trackingCode: ticket.trackingCode, answers: all((i % 4) + 1) }) }).then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(11);
  }, 60_000);
});

describe('the published index', () => {
  it('counts respondents against the served population and withholds figures below the minimum group size', async () => {
    // Fresh agency scope: Polri (SIM) has no answers yet.
    const sim = await serve(f.service.sim, f.counter.c4, f.tokens.officer.polri);
    expect((await submit({ trackingCode: sim.trackingCode, answers: all(3) })).status).toBe(201);
    const one = await call('GET', `/sites/${f.siteId}/ikm?agencyId=${f.agency.polri}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ respondents: 1, population: 1, sampleTarget: 1, nrr: null, ikm: null, ikmUnit: null, grade: null, suppressed: true, minGroupSize: 5, from: '2026-01-01', to: '2026-11-25' });
    // Four more, with known answers: totals 9×(3 + 4 + 4 + 2) + (3 extra on sarana)
    const answers = [all(4), all(4), all(2), { ...all(3), sarana: 4, pengaduan: 1 }];
    for (const a of answers) {
      const tk = await serve(f.service.sim, f.counter.c4, f.tokens.officer.polri);
      expect((await submit({ trackingCode: tk.trackingCode, answers: a })).status).toBe(201);
    }
    await serve(f.service.sim, f.counter.c4, f.tokens.officer.polri); // served, not answered: population only
    forgetCachedCatalog();
    const r = await call('GET', `/sites/${f.siteId}/ikm?agencyId=${f.agency.polri}&from=2026-11-01&to=2026-11-30`);
    expect(r.body).toMatchObject({ respondents: 5, population: 6, sampleTarget: 6, suppressed: false, from: '2026-11-01', to: '2026-11-30' });
    // Sum of scores: 27 + 36 + 36 + 18 + (7×3 + 4 + 1) = 143 over 45 answers.
    expect(r.body.ikm).toBe(143 / 45);
    expect(r.body.ikmUnit).toBe(79.44);
    expect(r.body).toMatchObject({ grade: 'B', gradeLabel: 'Baik' });
    expect(r.body.nrr.pengaduan).toBe((3 + 4 + 4 + 2 + 1) / 5);
    expect(r.body.nrr.sarana).toBe((3 + 4 + 4 + 2 + 4) / 5);
    // Another period has nobody; a bad period or range names the field.
    expect((await call('GET', `/sites/${f.siteId}/ikm?agencyId=${f.agency.polri}&period=2026-Q3`)).body).toMatchObject({ respondents: 0, population: 0, ikm: null, suppressed: false, from: '2026-07-01', to: '2026-09-30' });
    const bad = await call('GET', `/sites/${f.siteId}/ikm?from=2026-11-30&to=2026-11-01`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('querystring.to');
    expect((await call('GET', `/sites/${f.siteId}/ikm?period=2026-Q5`)).body.errors[0].field).toBe('querystring.period');
    expect((await call('GET', `/sites/${f.siteId}/ikm?agencyId=${uuidv7()}`)).status).toBe(404);
  });

  it('lists every agency of the MPP with its own index', async () => {
    const r = await call('GET', `/sites/${f.siteId}/ikm/agencies?period=2026-Q4`);
    expect(r.status).toBe(200);
    const polri = r.body.agencies.find((a: Json) => a.agency.id === f.agency.polri);
    expect(polri).toMatchObject({ respondents: 5, ikmUnit: 79.44, grade: 'B' });
    expect(r.body.site.respondents).toBeGreaterThan(5);
    expect(r.body.agencies.map((a: Json) => a.agency.shortName).sort()).toEqual(['BPJS Kesehatan', 'Disdukcapil', 'Polri']);
  });
});

describe('the staff report', () => {
  it('agency admins see their agency, with weak elements, profile, comments and counter groups only at or above the minimum', async () => {
    const own = await call('GET', `/sites/${f.siteId}/survey/report?period=2026-Q4&agencyId=${f.agency.dukcapil}`, f.tokens.agencyAdmin);
    expect(own.status).toBe(200);
    expect(own.body.scope.agency.name).toBe('Dinas Kependudukan dan Pencatatan Sipil');
    expect((await call('GET', `/sites/${f.siteId}/survey/report?period=2026-Q4&agencyId=${f.agency.bpjs}`, f.tokens.agencyAdmin)).status).toBe(403);
    expect((await call('GET', `/sites/${f.siteId}/survey/report?period=2026-Q4`, f.tokens.agencyAdmin)).status).toBe(403);
    expect((await call('GET', `/sites/${f.siteId}/survey/report?period=2026-Q4`, f.tokens.officer.dukcapil)).status).toBe(403);

    const polri = await call('GET', `/sites/${f.siteId}/survey/report?period=2026-Q4&agencyId=${f.agency.polri}`, f.tokens.siteAdmin);
    expect(polri.body.result).toMatchObject({ respondents: 5, ikmUnit: 79.44, grade: 'B' });
    expect(polri.body.weakElements).toEqual(['pengaduan']);
    expect(polri.body.profile.sex).toEqual({ none: 5 });
    expect(polri.body.byCounter).toEqual([expect.objectContaining({ counter: { id: f.counter.c4, name: 'Loket 4' }, respondents: 5, suppressed: false })]);

    // Disdukcapil's counter 1 has enough answers, counter 2 none; BPJS has too few to show.
    const site = await call('GET', `/sites/${f.siteId}/survey/report?period=2026-Q4`, f.tokens.auditor);
    expect(site.status).toBe(200);
    const bpjs = site.body.byService.find((s: Json) => s.service.id === f.service.bpjs);
    expect(bpjs).toMatchObject({ suppressed: true, ikmUnit: null, nrr: null });
    expect(bpjs.respondents).toBeLessThan(5);
    expect(site.body.comments).toContain('Cepat dan ramah');
    expect(JSON.stringify(site.body.comments)).not.toMatch(/2026|Loket/);
    expect(site.body.channels.qr).toBe(1);

    // Below the minimum, nothing that could point at one citizen.
    const small = await call('GET', `/sites/${f.siteId}/survey/report?period=2026-Q4&serviceId=${f.service.bpjs}`, f.tokens.siteAdmin);
    expect(small.body).toMatchObject({ profile: null, comments: null, weakElements: [] });
    expect(small.body.result.suppressed).toBe(true);
  });

  it('exports XLSX in the customary layout and a printable PDF', async () => {
    await call('PUT', `/sites/${f.siteId}/survey/signatory`, f.tokens.siteAdmin, { agencyId: f.agency.polri, name: 'AKBP Budi Santoso', title: 'Kepala Satpas SIM', nip: '19800101 200501 1 001' });
    const x = await call('GET', `/sites/${f.siteId}/survey/report/export?period=2026-Q4&agencyId=${f.agency.polri}&format=xlsx`, f.tokens.siteAdmin);
    expect(x.status).toBe(200);
    expect(x.headers['content-disposition']).toContain('skm-2026-Q4.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.raw as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('SKM')!;
    const cells = ws.getSheetValues().flat().filter((v) => v !== undefined && v !== null).map(String);
    expect(cells).toEqual(expect.arrayContaining(['Persyaratan', 'Penanganan pengaduan, saran dan masukan', 'Konversi IKM (× 25)', '79.44', 'B (Baik)', 'AKBP Budi Santoso', 'NIP 198001012005011001']));
    const p = await call('GET', `/sites/${f.siteId}/survey/report/export?period=2026-Q4&agencyId=${f.agency.polri}&format=pdf`, f.tokens.siteAdmin);
    expect(p.status).toBe(200);
    expect(p.headers['content-type']).toBe('application/pdf');
    expect(p.raw.subarray(0, 5).toString()).toBe('%PDF-');
    expect(p.raw.length).toBeGreaterThan(2000);
    expect((await call('GET', `/sites/${f.siteId}/survey/report/export?period=2026-Q4&format=pdf`, null)).status).toBe(401);
  }, 60_000);
});

describe('follow-up actions (rencana tindak lanjut)', () => {
  it('records actions per weak element and reports their completion, with events and audit rows', async () => {
    const base = { agencyId: f.agency.dukcapil, periodKey: '2026-Q4', element: 'pengaduan', action: 'Sediakan kotak saran dan nomor WhatsApp pengaduan di loket', responsible: 'Sekretaris Disdukcapil', dueDate: '2026-12-20' };
    const a = await call('POST', `/sites/${f.siteId}/survey/actions`, f.tokens.agencyAdmin, base);
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ status: 'planned', overdue: false, completedAt: null });
    const b = await call('POST', `/sites/${f.siteId}/survey/actions`, f.tokens.agencyAdmin, { ...base, element: 'waktu', action: 'Tambah satu petugas pada jam sibuk', dueDate: '2026-11-20' });
    expect(b.body.overdue).toBe(true);
    expect((await call('POST', `/sites/${f.siteId}/survey/actions`, f.tokens.agencyAdmin, { ...base, agencyId: f.agency.bpjs })).status).toBe(403);
    expect((await call('POST', `/sites/${f.siteId}/survey/actions`, f.tokens.officer.dukcapil, base)).status).toBe(403);
    const bad = await call('POST', `/sites/${f.siteId}/survey/actions`, f.tokens.agencyAdmin, { ...base, element: 'kecepatan', dueDate: '2026-02-30' });
    expect(bad.body.errors.map((e: Json) => e.field).sort()).toEqual(['body.dueDate', 'body.element']);

    const done = await call('PATCH', `/survey/actions/${b.body.id}`, f.tokens.agencyAdmin, { status: 'done', note: 'Petugas tambahan mulai 18 Nov' });
    expect(done.body).toMatchObject({ status: 'done', overdue: false, completedAt: '2026-11-25T01:00:00.000Z' });
    const report = await call('GET', `/sites/${f.siteId}/survey/report?period=2026-11&agencyId=${f.agency.dukcapil}`, f.tokens.agencyAdmin);
    expect(report.body.actions).toMatchObject({ total: 2, done: 1, completion: 0.5 });
    expect((await call('GET', `/sites/${f.siteId}/survey/actions?period=2026-Q4`, f.tokens.agencyAdmin)).body).toHaveLength(2);

    const events = (await rows<Json>(t.ctx.db, sql`SELECT type FROM events WHERE aggregate_id = ${b.body.id} ORDER BY id`)).map((r) => r.type);
    expect(events).toEqual(['survey.action_recorded', 'survey.action_updated']);
    const audit = (await rows<Json>(t.ctx.db, sql`SELECT action FROM audit_log WHERE target_id = ${b.body.id} ORDER BY id`)).map((r) => r.action);
    expect(audit).toEqual(['survey.action_recorded', 'survey.action_updated']);
  });
});

describe('survey tablets', () => {
  it('offers only the tickets just finished at its counter and takes answers only for those', async () => {
    const token = `ld_${randomToken()}`;
    const deviceId = uuidv7();
    await insertDevice(t.ctx.db, { id: deviceId, siteId: f.siteId, role: 'survey', name: 'Tablet loket 1', tokenHash: sha256(token), createdAt: t.clock.now() });
    const unplaced = await call('GET', '/survey-tablet/offers', token);
    expect(unplaced.status).toBe(409);
    expect(unplaced.body.code).toBe('survey.tablet_unassigned');
    expect((await call('PUT', `/sites/${f.siteId}/survey/tablets/${deviceId}`, f.tokens.agencyAdmin, { counterId: f.counter.c1 })).status).toBe(403);
    const placed = await call('PUT', `/sites/${f.siteId}/survey/tablets/${deviceId}`, f.tokens.siteAdmin, { counterId: f.counter.c1 });
    expect(placed.body).toMatchObject({ deviceId, placed: true, counter: { id: f.counter.c1, name: 'Loket 1' } });

    t.clock.advance(60 * 60_000); // an hour later: earlier tickets are no longer offered
    const mine = await serve(f.service.ktp, f.counter.c1);
    const other = await serve(f.service.bpjs, f.counter.c3, f.tokens.officer.bpjs);
    const offers = await call('GET', '/survey-tablet/offers', token);
    expect(offers.status).toBe(200);
    expect(offers.body.counter).toEqual({ id: f.counter.c1, name: 'Loket 1' });
    expect(offers.body.offers).toEqual([expect.objectContaining({ ticketId: mine.id, number: mine.number, serviceName: 'Perekaman KTP-el' })]);
    expect(JSON.stringify(offers.body)).not.toContain(mine.trackingCode);

    const refused = await call('POST', `/survey-tablet/tickets/${other.id}/answers`, token, { answers: all(4) });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('survey.not_offered');
    expect((await call('POST', `/survey-tablet/tickets/${mine.id}/answers`, f.kioskToken, { answers: all(4) })).status).toBe(403);
    expect((await call('POST', `/survey-tablet/tickets/${mine.id}/answers`, token, { answers: { ...all(4), extra: 1 } })).status).toBe(400);
    expect((await call('POST', `/survey-tablet/tickets/${mine.id}/answers`, token, { answers: all(4) })).status).toBe(201);
    expect((await call('POST', `/survey-tablet/tickets/${mine.id}/answers`, token, { answers: all(4) })).status).toBe(409);
    expect((await call('GET', '/survey-tablet/offers', token)).body.offers).toEqual([]);
    // The same visit cannot answer again by its code either.
    expect((await submit({ trackingCode: mine.trackingCode, answers: all(1) })).status).toBe(409);

    // Past the offer time a finished ticket is gone from the tablet, and refused.
    const late = await serve(f.service.ktp, f.counter.c1);
    t.clock.advance(16 * 60_000);
    expect((await call('POST', `/survey-tablet/tickets/${late.id}/answers`, token, { answers: all(4) })).status).toBe(403);
    // At the exit, a tablet offers every counter's tickets.
    await call('PUT', `/sites/${f.siteId}/survey/tablets/${deviceId}`, f.tokens.siteAdmin, { counterId: null });
    const exitTicket = await serve(f.service.bpjs, f.counter.c3, f.tokens.officer.bpjs);
    expect((await call('GET', '/survey-tablet/offers', token)).body.offers.map((o: Json) => o.ticketId)).toEqual([exitTicket.id]);
    const list = await call('GET', `/sites/${f.siteId}/survey/tablets`, f.tokens.siteAdmin);
    expect(list.body).toEqual([{ deviceId, name: 'Tablet loket 1', revoked: false, placed: true, counter: null }]);
  });
});
