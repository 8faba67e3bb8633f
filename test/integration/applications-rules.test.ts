import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { uuidv7 } from 'uuidv7';
import { applicationJobHandlers, warnDueSoon } from '../../src/server/modules/applications/applications.jobs';
import { rows } from '../../src/server/platform/db';
import { runDueJobs } from '../../src/server/platform/jobs';
import { createTestApp, type TestApp } from '../support/app';
import { caller, createApplicationsFixture } from '../support/applications-fixture';
import type { MppFixture } from '../support/fixtures';
import { mailText, notifyChannels } from '../support/notify-channels';
import { nik } from '../support/site-fixture';

/*
 * Who may do what, bad input, the boards and exports, settings, and the agency's deadline warning.
 * Wednesday 25 November 2026 in Samarinda unless a test moves the clock.
 */
let t: TestApp;
let f: MppFixture;
let call: ReturnType<typeof caller>;
let channels: Awaited<ReturnType<typeof notifyChannels>>;
const at = (local: string) => t.clock.set(`${local}+08:00`);
let serial = 100;
const person = () => ({ nik: nik(serial++), name: `Warga ${serial}`, phone: '081298765432' });
const register = (body: Record<string, unknown>, token = f.tokens.officer.dukcapil) => call('POST', `/sites/${f.siteId}/applications`, token, { serviceId: f.service.kk, applicant: person(), ...body });
const count = async () => (await rows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM applications`))[0].n;

beforeAll(async () => {
  channels = await notifyChannels();
  t = await createTestApp({ start: '2026-11-25T09:00:00+08:00', config: { ...channels.config, sessionTtlHours: 24 * 30 } });
  f = await createApplicationsFixture(t);
  call = caller(t);
}, 180_000);
afterAll(async () => {
  await t?.close();
  await channels?.close();
});

describe('bad input: a 400 naming the field, nothing written', () => {
  it('refuses a bad NIK, an unknown service, a note over the limit, a requirement the standard lacks', async () => {
    const before = await count();
    const badNik = await register({ applicant: { nik: '1234', name: 'Budi' } });
    expect(badNik.status).toBe(400);
    expect(badNik.body.errors[0]).toMatchObject({ field: 'body.applicant.nik', code: 'nik.wrong_length' });
    expect(badNik.body.messages.id).toBeTruthy();
    const wrongDate = await register({ applicant: { nik: '6472013213900001', name: 'Budi' } });
    expect(wrongDate.body.errors[0].field).toBe('body.applicant.nik');
    const unknown = await register({ serviceId: uuidv7() });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0]).toMatchObject({ field: 'body.serviceId', code: 'not_found' });
    expect(unknown.body.messages.en).toBeTruthy();
    const long = await register({ note: 'x'.repeat(501) });
    expect(long.status).toBe(400);
    expect(long.body.errors[0].field).toBe('body.note');
    const notReq = await register({ received: ['ktp_el', 'paspor'] });
    expect(notReq.status).toBe(400);
    expect(notReq.body.errors[0]).toMatchObject({ field: 'body.received.1', code: 'not_a_requirement' });
    const noApplicant = await call('POST', `/sites/${f.siteId}/applications`, f.tokens.officer.dukcapil, { serviceId: f.service.kk });
    expect(noApplicant.body.errors[0].field).toBe('body.applicant');
    const inactive = await register({ serviceId: f.service.akta });
    expect(inactive.status).toBe(409);
    expect(inactive.body.code).toBe('applications.service_inactive');
    expect(await count()).toBe(before);
    const [{ n }] = await rows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM application_sequences`);
    expect(n).toBe(0);
  });

  it('registers unticked requirements as incomplete with what is missing, clock stopped', async () => {
    const r = await register({ received: ['ktp_el'], missing: ['Surat pengantar RT'] });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ status: 'incomplete', paused: true, missing: ['Kartu Keluarga (KK lama)', 'Surat pengantar RT'], history: [{ status: 'received' }, { status: 'incomplete', from: 'received' }] });
    expect(r.body.checklist.map((c: { received: boolean }) => c.received)).toEqual([true, false]);
  });

  it('refuses a ticket of another agency or one not being served', async () => {
    const issued = await call('POST', `/sites/${f.siteId}/tickets`, f.kioskToken, { serviceId: f.service.bpjs });
    const other = await register({ ticketId: issued.body.id });
    expect(other.status).toBe(400);
    expect(other.body.errors[0]).toMatchObject({ field: 'body.ticketId', code: 'other_agency' });
    const waiting = await call('POST', `/sites/${f.siteId}/tickets`, f.kioskToken, { serviceId: f.service.kk });
    const notServed = await register({ ticketId: waiting.body.id });
    expect(notServed.body.errors[0]).toMatchObject({ field: 'body.ticketId', code: 'not_served' });
    const unknown = await register({ ticketId: uuidv7() });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0]).toMatchObject({ field: 'body.ticketId', code: 'not_found' });
  });

  it('needs a reason to reject and a missing list to pause; an unreachable status is a 409 naming the current one', async () => {
    const r = await register({});
    const id = r.body.id;
    const ready = await call('POST', `/applications/${id}/transition`, f.tokens.officer.dukcapil, { to: 'ready' });
    expect(ready.status).toBe(409);
    expect(ready.body).toMatchObject({ code: 'applications.invalid_transition', status: 'received', to: 'ready', allowed: ['in_process', 'incomplete', 'rejected', 'withdrawn'] });
    expect(ready.body.messages.id).toContain('diterima');
    const reject = await call('POST', `/applications/${id}/transition`, f.tokens.officer.dukcapil, { to: 'rejected' });
    expect(reject.status).toBe(400);
    expect(reject.body.errors[0].field).toBe('body.note');
    const pause = await call('POST', `/applications/${id}/transition`, f.tokens.officer.dukcapil, { to: 'incomplete', missing: [' '] });
    expect(pause.body.errors[0].field).toBe('body.missing.0');
    const stale = await call('POST', `/applications/${id}/transition`, f.tokens.officer.dukcapil, { to: 'in_process', version: 7 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'applications.changed', status: 'received', version: 1 });
    const bad = await call('POST', `/applications/${id}/transition`, f.tokens.officer.dukcapil, { to: 'teleported' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('body.to');
    const rejected = await call('POST', `/applications/${id}/transition`, f.tokens.officer.dukcapil, { to: 'rejected', note: 'Domisili di luar Kota Samarinda' });
    expect(rejected.body).toMatchObject({ status: 'rejected', onTime: null, closedOn: '2026-11-25' });
    const pub = await call('GET', `/applications/by-code/${r.body.trackingCode}`);
    expect(pub.body.history.at(-1)).toMatchObject({ status: 'rejected', note: 'Domisili di luar Kota Samarinda' });
  });
});

describe('scopes', () => {
  it('keeps other agencies out (403), and lists only what the caller may see', async () => {
    const r = await register({});
    const id = r.body.id;
    const bpjs = f.tokens.officer.bpjs;
    expect((await call('GET', `/applications/${id}`, bpjs)).status).toBe(403);
    expect((await call('POST', `/applications/${id}/transition`, bpjs, { to: 'in_process' })).status).toBe(403);
    expect((await call('GET', `/sites/${f.siteId}/applications?agencyId=${f.agency.dukcapil}`, bpjs)).status).toBe(403);
    const mine = await call('GET', `/sites/${f.siteId}/applications`, bpjs);
    expect(mine.body).toMatchObject({ items: [], total: 0, counts: { open: 0 } });
    // Nobody signed in: 401; staff of the agency register, the others may not.
    expect((await call('GET', `/applications/${id}`)).status).toBe(401);
    expect((await register({}, f.tokens.officer.bpjs)).status).toBe(403);
    expect((await register({}, f.tokens.auditor)).status).toBe(403);
    // Site admins and auditors read across agencies; nobody moves what is not theirs.
    expect((await call('GET', `/applications/${id}`, f.tokens.siteAdmin)).status).toBe(200);
    expect((await call('GET', `/applications/${id}`, f.tokens.auditor)).status).toBe(200);
    expect((await call('POST', `/applications/${id}/transition`, f.tokens.auditor, { to: 'in_process' })).status).toBe(403);
    // The public page of a code, but no pickup from anyone but a kiosk or staff.
    expect((await call('POST', `/sites/${f.siteId}/applications/pickup`, null, { trackingCode: r.body.trackingCode })).status).toBe(401);
    const notReady = await call('POST', `/sites/${f.siteId}/applications/pickup`, f.kioskToken, { trackingCode: r.body.trackingCode });
    expect(notReady.status).toBe(409);
    expect(notReady.body).toMatchObject({ code: 'applications.not_ready', status: 'received' });
  });
});

describe('boards and exports', () => {
  it('lists with filters, counts and pages; overdue ones first', async () => {
    // Two more on Wednesday; a same-day SIM application that will be overdue on Thursday.
    await register({});
    const sim = await call('POST', `/sites/${f.siteId}/applications`, f.tokens.officer.polri, { serviceId: f.service.sim, applicant: person() });
    expect(sim.body).toMatchObject({ dueDate: '2026-11-25', workingDaysLeft: 0 });
    const bpjs = await call('POST', `/sites/${f.siteId}/applications`, f.tokens.officer.bpjs, { serviceId: f.service.bpjs, applicant: person() });
    expect(bpjs.body).toMatchObject({ dueDate: null, workingDaysLeft: null });
    at('2026-11-26T09:00:00');
    const board = await call('GET', `/sites/${f.siteId}/applications?overdue=1`, f.tokens.siteAdmin);
    expect(board.status).toBe(200);
    expect(board.body.items).toHaveLength(1);
    expect(board.body.items[0]).toMatchObject({ id: sim.body.id, overdue: true, workingDaysLeft: -1, agency: { shortName: 'Polri' } });
    expect(board.body.counts).toMatchObject({ overdue: 1, incomplete: 1 });
    const paged = await call('GET', `/sites/${f.siteId}/applications?agencyId=${f.agency.dukcapil}&state=open&pageSize=2&page=2`, f.tokens.agencyAdmin);
    // Open at Disdukcapil: the incomplete one, and two received.
    expect(paged.body).toMatchObject({ page: 2, pageSize: 2, total: 3 });
    expect(paged.body.items).toHaveLength(1);
    const byNumber = await call('GET', `/sites/${f.siteId}/applications?q=POLRI/2026`, f.tokens.siteAdmin);
    expect(byNumber.body.items.map((i: { id: string }) => i.id)).toEqual([sim.body.id]);
    const summary = await call('GET', `/sites/${f.siteId}/applications/summary?from=2026-11-01&to=2026-11-30`, f.tokens.siteAdmin);
    expect(summary.body.agencies.find((a: { agency: { id: string } }) => a.agency.id === f.agency.polri)).toMatchObject({ open: 1, overdue: 1, received: 1, completed: 0, onTimeShare: null });
    expect(JSON.stringify(summary.body)).not.toContain('Warga');
    at('2026-11-25T09:00:00');
  });

  it('exports CSV and XLSX with masked NIKs, and audits it', async () => {
    const csv = await call('GET', `/sites/${f.siteId}/applications/export?format=csv&from=2026-11-01&to=2026-11-30`, f.tokens.agencyAdmin);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = String(csv.raw.body).trim().split('\r\n');
    expect(lines[0]).toContain('Nomor registrasi');
    expect(lines.slice(1).every((l) => l.includes('DISDUKCAPIL/2026/'))).toBe(true);
    expect(String(csv.raw.body)).not.toMatch(/647201050790\d{4}/);
    const xlsx = await t.app.inject({ method: 'GET', url: `/api/v1/sites/${f.siteId}/applications/export?format=xlsx&from=2026-11-01&to=2026-11-30`, headers: { authorization: `Bearer ${f.tokens.siteAdmin}` } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Permohonan')!;
    expect(sheet.rowCount).toBeGreaterThan(4);
    expect(String(sheet.getRow(2).getCell(12).value)).toMatch(/^6472•+\d{4}$/);
    const [{ n }] = await rows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'applications.exported'`);
    expect(n).toBe(2);
    expect((await call('GET', `/sites/${f.siteId}/applications/export?from=2026-12-01&to=2026-11-01`, f.tokens.siteAdmin)).body.errors[0].field).toBe('querystring.from');
  });
});

describe('settings and numbers', () => {
  it('lets the agency set its number format; a format that would repeat numbers is refused', async () => {
    const bad = await call('PUT', `/agencies/${f.agency.polri}/application-settings`, f.tokens.siteAdmin, { numberFormat: 'SIM/{seq}' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'body.numberFormat', code: 'year_missing' });
    expect((await call('PUT', `/agencies/${f.agency.polri}/application-settings`, f.tokens.agencyAdmin, { numberFormat: '{year}/{seq}' })).status).toBe(403);
    const ok = await call('PUT', `/agencies/${f.agency.polri}/application-settings`, f.tokens.siteAdmin, { numberFormat: 'SIM-{service}/{seq:4}/{year}' });
    expect(ok.body).toEqual({ agencyId: f.agency.polri, numberFormat: 'SIM-{service}/{seq:4}/{year}', example: 'SIM-KODE/0002/2026' });
    const next = await call('POST', `/sites/${f.siteId}/applications`, f.tokens.officer.polri, { serviceId: f.service.sim, applicant: person() });
    expect(next.body.registrationNumber).toBe('SIM-SIM/0002/2026');
  });
});

describe("the agency's deadline warning", () => {
  it('warns once when a running application is due on the next working day', async () => {
    const r = await register({});
    expect(r.body.dueDate).toBe('2026-11-30');
    await t.ctx.db.execute(sql`UPDATE agencies SET email = 'dukcapil@samarinda.test' WHERE id = ${f.agency.dukcapil}`);
    at('2026-11-27T16:00:00'); // Friday: Monday is one working day away
    const queued = await warnDueSoon(t.ctx);
    expect(queued).toBeGreaterThanOrEqual(1);
    expect(await warnDueSoon(t.ctx)).toBe(0);
    await runDueJobs(t.ctx.db, t.clock, applicationJobHandlers(t.ctx));
    const warning = channels.mails.filter((m) => m.to.includes('dukcapil@samarinda.test')).map((m) => mailText(m.data));
    expect(warning.some((m) => m.includes(r.body.registrationNumber) && m.includes('1 hari kerja'))).toBe(true);
    // Paused ones (incomplete) are waiting for the applicant, not the agency: no warning for them.
    const [{ warned }] = await rows<{ warned: number }>(t.ctx.db, sql`SELECT count(*)::int AS warned FROM applications WHERE warned_due_on IS NOT NULL AND status = 'incomplete'`);
    expect(warned).toBe(0);
    at('2026-11-25T09:00:00');
  });
});
