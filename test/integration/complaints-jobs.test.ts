import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as c from '../../src/contracts/complaints';
import { forgetCachedCatalog } from '../../src/server/modules/catalog/catalog.lookup';
import { complaintJobHandlers, sweepComplaints } from '../../src/server/modules/complaints/complaints.jobs';
import { rows } from '../../src/server/platform/db';
import { runDueJobs } from '../../src/server/platform/jobs';
import { memoryNotifier } from '../../src/server/platform/notifier';
import { bearer, createTestApp, type TestApp } from '../support/app';
import { ok } from '../support/contract';
import { addClosure, createMppFixture, type MppFixture } from '../support/fixtures';

/*
 * Escalation and auto-close as jobs, with the clock moved across working days (weekends and a
 * site closure skipped). Filed Wednesday 25 Nov 2026, 09:00 WITA: verification due Monday 30 Nov.
 */
let t: TestApp;
let f: MppFixture;
const notifier = memoryNotifier();
const post = (url: string, payload: unknown, token?: string) => t.app.inject({ method: 'POST', url, payload: payload as object, headers: token ? bearer(token) : {}, remoteAddress: '10.3.0.1' });
const get = (url: string, token?: string) => t.app.inject({ method: 'GET', url, headers: token ? bearer(token) : {} });
const at = (iso: string) => t.clock.set(iso);
const jobs = () => runDueJobs(t.ctx.db, t.clock, complaintJobHandlers({ ...t.ctx, notifier }));
const file = async () => {
  const res = await post(`/api/v1/sites/${f.siteId}/complaints`, { classification: 'pengaduan', title: 'Pelayanan lambat', body: 'Sudah seminggu belum ada kabar.', reporter: { name: 'Dewi Lestari', email: 'dewi@example.test' } });
  return ok(res, c.filedResponse, 201);
};
const status = async (code: string) => ok(await get(`/api/v1/complaints/by-code/${code}`), c.publicComplaint);
const overdueBoard = async () => ok(await get(`/api/v1/sites/${f.siteId}/complaints?overdue=1`, f.tokens.siteAdmin), c.complaintPage);
const move = async (id: string, body: Record<string, unknown>, token?: string) => ok(await post(`/api/v1/complaints/${id}/transition`, body, token), c.transitioned);

beforeAll(async () => {
  // Staff sessions outlive the months the clock is moved here.
  t = await createTestApp({ config: { sessionTtlHours: 24 * 30 * 6 } });
  f = await createMppFixture(t);
  await t.ctx.db.execute(sql`UPDATE sites SET email = 'admin@mpp-samarinda.test' WHERE id = ${f.siteId}`);
  forgetCachedCatalog();
}, 120_000);
afterAll(async () => t?.close());

describe('escalation of overdue steps', () => {
  it('escalates an unverified complaint once, the day after its deadline, to the site admin; the board shows it red', async () => {
    at('2026-11-25T09:00:00+08:00');
    const filed = await file();
    expect(filed.verifyBy).toBe('2026-11-30');

    at('2026-11-30T16:00:00+08:00'); // the last day: not yet
    expect(await sweepComplaints(t.ctx)).toEqual({ escalated: 0, closed: 0 });
    at('2026-12-01T07:00:00+08:00');
    expect((await sweepComplaints(t.ctx)).escalated).toBe(1);
    expect((await sweepComplaints(t.ctx)).escalated).toBe(0); // once
    await jobs();
    const mail = notifier.sent.find((m) => m.kind === 'complaint.escalated');
    expect(mail?.to.email).toBe('admin@mpp-samarinda.test');
    expect(mail?.text).toContain('2026-11-30');
    expect(JSON.stringify(mail)).not.toContain('Dewi');

    const board = await overdueBoard();
    expect(board.items.map((i) => i.id)).toEqual([filed.id]);
    expect(board.items[0]).toMatchObject({ overdue: 'verify', escalated: true, workingDaysLeft: -1 });
    const [e] = await rows<{ meta: { step: string; due: string } }>(t.ctx.db, sql`SELECT meta FROM events WHERE aggregate_id = ${filed.id} AND type = 'complaint.escalated'`);
    expect(e.meta).toMatchObject({ step: 'verify', due: '2026-11-30' });

    // Verified late: it counts as not on time; the agency's own deadline starts then.
    const v = await move(filed.id, { to: 'verified', agencyId: f.agency.bpjs }, f.tokens.siteAdmin);
    expect(v.respondBy).toBe('2026-12-08');
    at('2026-12-09T08:00:00+08:00');
    expect((await sweepComplaints(t.ctx)).escalated).toBe(1);
    const again = await overdueBoard();
    expect(again.items[0]).toMatchObject({ id: filed.id, overdue: 'respond', escalated: true });
    // Another agency takes it over: a fresh deadline, no longer overdue.
    const moved = await post(`/api/v1/complaints/${filed.id}/assign`, { agencyId: f.agency.dukcapil }, f.tokens.siteAdmin);
    expect(ok(moved, c.transitioned)).toMatchObject({ status: 'verified', agencyId: f.agency.dukcapil, respondBy: '2026-12-16' });
    expect((await overdueBoard()).items).toEqual([]);
    const figures = ok(await get(`/api/v1/sites/${f.siteId}/complaints/figures?from=2026-11&to=2026-12`, f.tokens.siteAdmin), c.figuresResponse);
    expect(figures).toEqual([expect.objectContaining({ month: '2026-11', agency: { id: f.agency.dukcapil, name: 'Dinas Kependudukan dan Pencatatan Sipil' }, received: 1, verified: 1, verifiedOnTime: 0, responded: 0, followedUp: 0 })]);
  });
});

describe('auto-close 10 working days after the response', () => {
  it('closes on the first day after the answer period, counting the site’s closures; not before', async () => {
    at('2026-12-01T09:00:00+08:00'); // Tuesday
    const filed = await file();
    await move(filed.id, { to: 'verified', agencyId: f.agency.dukcapil }, f.tokens.siteAdmin);
    await addClosure(t, f.siteId, '2026-12-10', 'Libur daerah uji');
    forgetCachedCatalog();
    at('2026-12-02T10:00:00+08:00');
    const r = await move(filed.id, { to: 'responded', text: 'Berkas Anda sudah selesai, silakan diambil.' }, f.tokens.agencyAdmin);
    // Wed 2 Dec + 10 working days, Thu 10 Dec closed: 3, 4, 7, 8, 9, 11, 14, 15, 16, 17.
    expect(r.autoCloseAfter).toBe('2026-12-17');
    expect((await status(filed.trackingCode)).autoCloseAfter).toBe('2026-12-17');

    at('2026-12-17T15:00:00+08:00');
    expect((await sweepComplaints(t.ctx)).closed).toBe(0);
    expect((await status(filed.trackingCode)).status).toBe('responded');
    at('2026-12-18T00:30:00+08:00');
    expect((await sweepComplaints(t.ctx)).closed).toBe(1);
    const closed = await status(filed.trackingCode);
    expect(closed).toMatchObject({ status: 'closed', closedBy: 'system', canReopen: true, canConfirm: false });
    await jobs();
    expect(notifier.sent.some((m) => m.kind === 'complaint.auto_closed' && m.to.email === 'dewi@example.test')).toBe(true);
    expect((await sweepComplaints(t.ctx)).closed).toBe(0);

    // The reporter may still reopen once: back to the agency, 5 working days from today, with
    // the national holidays (cuti bersama 24 Dec, Christmas 25 Dec) skipped.
    await addClosure(t, null, '2026-12-24', 'Cuti bersama Natal');
    await addClosure(t, null, '2026-12-25', 'Hari Raya Natal');
    forgetCachedCatalog();
    const reopened = await post(`/api/v1/complaints/by-code/${filed.trackingCode}/reopen`, { reason: 'Berkas belum bisa diambil, loket tutup.' });
    expect(ok(reopened, c.publicComplaint)).toMatchObject({ status: 'verified', respondBy: '2026-12-29' });
  });

  it('a reporter’s confirmation before the deadline closes it at once; the sweep then has nothing to do', async () => {
    at('2026-12-21T09:00:00+08:00');
    const filed = await file();
    await move(filed.id, { to: 'verified', agencyId: f.agency.dukcapil }, f.tokens.siteAdmin);
    await move(filed.id, { to: 'responded', text: 'Selesai.' }, f.tokens.agencyAdmin);
    await move(filed.id, { to: 'closed', trackingCode: filed.trackingCode });
    at('2027-02-01T09:00:00+08:00');
    await sweepComplaints(t.ctx);
    const [row] = await rows<{ closed_by: string }>(t.ctx.db, sql`SELECT closed_by FROM complaints WHERE id = ${filed.id}`);
    expect(row.closed_by).toBe('reporter');
  });
});
