import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationFigures } from '../../src/server/modules/applications/applications.lookup';
import { applicationJobHandlers } from '../../src/server/modules/applications/applications.jobs';
import { forgetCachedCatalog } from '../../src/server/modules/catalog/catalog.lookup';
import { rows } from '../../src/server/platform/db';
import { runDueJobs } from '../../src/server/platform/jobs';
import { createTestApp, type TestApp } from '../support/app';
import { caller, createApplicationsFixture } from '../support/applications-fixture';
import type { MppFixture } from '../support/fixtures';
import { mailText, notifyChannels } from '../support/notify-channels';
import { nik } from '../support/site-fixture';

/*
 * The whole path of an application on a moving clock (Samarinda, WITA): registered at the
 * counter from the ticket being served on Wednesday 25 November 2026 (KK: 3 working days → due
 * Monday 30), in process, incomplete from Thursday to Monday (two working days: due Wednesday
 * 2 December), a national holiday added on Tuesday 1 December (due Thursday 3), ready, a pickup
 * ticket at the kiosk, collected by a proxy. Messages go through a real SMTP server and an HTTP
 * gateway on loopback; every read happens with cold catalogue caches.
 */
let t: TestApp;
let f: MppFixture;
let channels: Awaited<ReturnType<typeof notifyChannels>>;
let call: ReturnType<typeof caller>;
let platformAdmin: string;
const at = (local: string) => t.clock.set(`${local}+08:00`);
const runJobs = () => runDueJobs(t.ctx.db, t.clock, applicationJobHandlers(t.ctx));
const officer = () => f.tokens.officer.dukcapil;

beforeAll(async () => {
  channels = await notifyChannels();
  // Sessions outlive the clock's travel across the fortnight.
  t = await createTestApp({ start: '2026-11-25T09:00:00+08:00', config: { ...channels.config, sessionTtlHours: 24 * 30 } });
  f = await createApplicationsFixture(t);
  call = caller(t);
  platformAdmin = await t.userToken({ memberships: [{ role: 'platform_admin', siteId: null, agencyId: null }] });
}, 180_000);
afterAll(async () => {
  await t?.close();
  await channels?.close();
});

/** A KK ticket from the kiosk, called and started at counter 1: the ticket being served. */
async function servedTicket() {
  const issued = await call('POST', `/sites/${f.siteId}/tickets`, f.kioskToken, { serviceId: f.service.kk });
  expect(issued.status).toBe(201);
  const called = await call('POST', `/counters/${f.counter.c1}/call-next`, officer());
  expect(called.status).toBe(200);
  expect((await call('POST', `/tickets/${called.body.ticket.id}/start`, officer())).status).toBe(200);
  return called.body.ticket as { id: string; number: string };
}

const applicant = { nik: nik(4242), name: 'Siti Rahmawati', phone: '081234567890', email: 'siti@example.test' };

describe('the path of one application', () => {
  let id: string;
  let code: string;
  let registrationNumber: string;

  it('is registered at the counter from the ticket being served, with its number, code and deadline', async () => {
    const ticket = await servedTicket();
    forgetCachedCatalog();
    const r = await call('POST', `/sites/${f.siteId}/applications`, officer(), { serviceId: f.service.kk, applicant, ticketId: ticket.id });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      registrationNumber: 'DISDUKCAPIL/2026/000001',
      status: 'received',
      dueDate: '2026-11-30',
      workingDaysLeft: 3,
      overdue: false,
      paused: false,
      receivedOn: '2026-11-25',
      ticket: { id: ticket.id, number: ticket.number },
      applicant: { name: 'Siti Rahmawati', nik: '6472••••••••4242', phone: '0812•••••890', email: 'si•••@example.test' },
      service: { id: f.service.kk, name: 'Kartu Keluarga', durationText: '3 hari kerja' },
      checklist: [
        { documentTypeKey: 'ktp_el', name: 'KTP-el', note: 'asli', received: true },
        { documentTypeKey: 'kk', name: 'Kartu Keluarga', note: 'KK lama', received: true },
      ],
      next: ['in_process', 'incomplete', 'rejected', 'withdrawn'],
      history: [{ status: 'received', from: null, event: 'registered' }],
    });
    expect(r.body.trackingCode).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{10}$/);
    expect(r.body.trackingPath).toBe(`/lacak/${r.body.trackingCode}`);
    ({ id, trackingCode: code, registrationNumber } = r.body);

    // Stored encrypted, with a blind index: no readable NIK, name or phone in the row.
    const [row] = await rows<Record<string, string>>(t.ctx.db, sql`SELECT nik_enc, nik_hash, name_enc, phone_enc FROM applications WHERE id = ${id}`);
    expect(JSON.stringify(row)).not.toMatch(/6472|Siti|0812/);

    // The applicant is told, by email and by the SMS gateway.
    await runJobs();
    expect(channels.mails.at(-1)!.to).toEqual(['siti@example.test']);
    expect(mailText(channels.mails.at(-1)!.data)).toContain('DISDUKCAPIL/2026/000001');
    expect(channels.posts.at(-1)).toMatchObject({ kind: 'application.received', to: { phone: '081234567890' }, data: { registrationNumber, trackingCode: code, dueDate: '2026-11-30' } });
  });

  it('shows the public tracking page without any personal data', async () => {
    const r = await call('GET', `/applications/by-code/${code.toLowerCase()}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ registrationNumber, status: 'received', dueDate: '2026-11-30', workingDaysLeft: 3, missing: [], pickup: null, history: [{ status: 'received' }] });
    expect(JSON.stringify(r.body)).not.toMatch(/Siti|Rahmawati|4242|0812|example\.test/);
    expect((await call('GET', '/applications/by-code/ZZZZZZZZZZ')).status).toBe(404);
  });

  it('stops the clock while incomplete: two working days waiting move the due date by two', async () => {
    at('2026-11-26T10:00:00');
    forgetCachedCatalog();
    expect((await call('POST', `/applications/${id}/transition`, officer(), { to: 'in_process' })).body).toMatchObject({ status: 'in_process', dueDate: '2026-11-30', workingDaysLeft: 2 });
    const paused = await call('POST', `/applications/${id}/transition`, officer(), { to: 'incomplete', missing: ['Surat pengantar RT/RW', 'Fotokopi buku nikah'], note: 'Mohon dilengkapi di loket Disdukcapil.' });
    expect(paused.status).toBe(200);
    expect(paused.body).toMatchObject({ status: 'incomplete', paused: true, missing: ['Surat pengantar RT/RW', 'Fotokopi buku nikah'] });
    await runJobs();
    expect(channels.posts.at(-1)).toMatchObject({ kind: 'application.incomplete', data: { missing: ['Surat pengantar RT/RW', 'Fotokopi buku nikah'] } });
    expect(channels.posts.at(-1)!.text).toContain('Surat pengantar RT/RW');

    // The citizen's phone on Friday: what to bring; the clock stands (still two working days left).
    at('2026-11-27T08:30:00');
    const phone = await call('GET', `/applications/by-code/${code}`);
    expect(phone.body).toMatchObject({ status: 'incomplete', paused: true, missing: ['Surat pengantar RT/RW', 'Fotokopi buku nikah'], workingDaysLeft: 2, dueDate: '2026-12-01' });
    expect(phone.body.history.at(-1)).toMatchObject({ status: 'incomplete', note: 'Mohon dilengkapi di loket Disdukcapil.', missing: ['Surat pengantar RT/RW', 'Fotokopi buku nikah'] });

    // Resumed on Monday: paused Thursday → Monday is two working days (Friday, Monday).
    at('2026-11-30T09:00:00');
    forgetCachedCatalog();
    const resumed = await call('POST', `/applications/${id}/transition`, officer(), { to: 'in_process' });
    expect(resumed.body).toMatchObject({ status: 'in_process', paused: false, dueDate: '2026-12-02', workingDaysLeft: 2, missing: [] });
  });

  it('moves an open deadline when a holiday is added after registration', async () => {
    const added = await call('POST', '/holidays', platformAdmin, { date: '2026-12-01', name: 'Libur uji (SKB perubahan)', kind: 'cuti_bersama' });
    expect(added.status).toBe(201);
    forgetCachedCatalog();
    const r = await call('GET', `/applications/${id}`, officer());
    expect(r.body).toMatchObject({ dueDate: '2026-12-03', workingDaysLeft: 2 });
  });

  it('is ready on time: the applicant is told what to bring and when', async () => {
    at('2026-12-02T14:00:00');
    const r = await call('POST', `/applications/${id}/transition`, officer(), { to: 'ready' });
    expect(r.body).toMatchObject({ status: 'ready', closedOn: '2026-12-02', dueDate: '2026-12-03', onTime: true, workingDaysLeft: null, next: ['collected'] });
    await runJobs();
    const mail = mailText(channels.mails.at(-1)!.data);
    expect(mail).toContain('Dokumen siap diambil');
    expect(mail).toContain('KTP-el asli');
    expect(mail).toContain(code);
    const pub = await call('GET', `/applications/by-code/${code}`);
    expect(pub.body.pickup).toEqual({ bring: ['receipt', 'ktp', 'proxy_letter'], product: 'Kartu Keluarga baru', nextOpening: '2026-12-02T06:00:00.000Z' });
    expect(pub.body.history.map((h: { status: string }) => h.status)).toEqual(['received', 'in_process', 'incomplete', 'in_process', 'ready']);
  });

  it('gives a pickup ticket at the kiosk, the same one on a second tap', async () => {
    const first = await call('POST', `/sites/${f.siteId}/applications/pickup`, f.kioskToken, { trackingCode: code });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ ticket: { number: 'B-001', serviceId: f.service.kk, status: 'waiting', replayed: false }, application: { registrationNumber, service: { name: 'Kartu Keluarga' } } });
    const again = await call('POST', `/sites/${f.siteId}/applications/pickup`, f.kioskToken, { trackingCode: code });
    expect(again.status).toBe(200);
    expect(again.body.ticket).toMatchObject({ id: first.body.ticket.id, replayed: true });
    const [ticket] = await rows<{ source: string }>(t.ctx.db, sql`SELECT source FROM tickets WHERE id = ${first.body.ticket.id}`);
    expect(ticket.source).toBe('pickup');
    const detail = await call('GET', `/applications/${id}`, officer());
    expect(detail.body.history.at(-1)).toMatchObject({ event: 'pickup_issued', by: 'device:Kiosk lobby' });
  });

  it('records who collected: a proxy needs a name and a power of attorney', async () => {
    const noName = await call('POST', `/applications/${id}/transition`, officer(), { to: 'collected', collector: { kind: 'proxy' } });
    expect(noName.status).toBe(400);
    expect(noName.body.errors[0].field).toBe('body.collector.name');
    const done = await call('POST', `/applications/${id}/transition`, officer(), { to: 'collected', collector: { kind: 'proxy', name: 'Ahmad Fauzi', powerOfAttorney: 'Surat kuasa bermeterai 2 Des 2026' } });
    expect(done.body).toMatchObject({ status: 'collected', collectedBy: 'proxy', next: [] });
    const [row] = await rows<{ collector_enc: string }>(t.ctx.db, sql`SELECT collector_enc FROM applications WHERE id = ${id}`);
    expect(row.collector_enc).not.toContain('Ahmad');
    // Nothing follows collected.
    const again = await call('POST', `/applications/${id}/transition`, officer(), { to: 'in_process' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'applications.invalid_transition', status: 'collected', to: 'in_process', allowed: [] });
  });

  it('wrote the history, an event and an audit row for every change', async () => {
    const events = await rows<{ type: string }>(t.ctx.db, sql`SELECT type FROM events WHERE aggregate_type = 'application' AND aggregate_id = ${id} ORDER BY id`);
    expect(events.map((e) => e.type)).toEqual(['application.registered', 'application.status_changed', 'application.status_changed', 'application.status_changed', 'application.status_changed', 'application.pickup_issued', 'application.status_changed']);
    const audit = await rows<{ action: string }>(t.ctx.db, sql`SELECT action FROM audit_log WHERE target_id = ${id} ORDER BY id`);
    expect(audit.filter((a) => a.action === 'applications.status_changed')).toHaveLength(5);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['applications.registered', 'applications.read']));
  });

  it('counts it on time in the figures of the agency and the service', async () => {
    const figures = await applicationFigures(t.ctx, f.siteId, '2026-11-01', '2026-12-31');
    expect(figures).toMatchObject({ received: 1, completed: 1, onTime: 1, late: 0, onTimeShare: 1 });
    expect(figures.byService).toEqual([expect.objectContaining({ serviceId: f.service.kk, onTime: 1, onTimeShare: 1 })]);
    expect(figures.byAgency).toEqual([expect.objectContaining({ agencyId: f.agency.dukcapil, completed: 1 })]);
  });
});
