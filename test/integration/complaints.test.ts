import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as c from '../../src/contracts/complaints';
import { issuedTicket } from '../../src/contracts/queue';
import { rows } from '../../src/server/platform/db';
import { forgetCachedCatalog } from '../../src/server/modules/catalog/catalog.lookup';
import { bearer, createTestApp, type TestApp } from '../support/app';
import { ok, okHttp, problem, problemHttp } from '../support/contract';
import { addClosure, createMppFixture, type MppFixture } from '../support/fixtures';

// Wednesday 25 Nov 2026, 09:00 WITA. Verification is due 3 working days later: Monday 30 Nov.
let t: TestApp;
let f: MppFixture;
type Site = Pick<MppFixture, 'siteId'>;
const post = (url: string, payload: unknown, headers: Record<string, string> = {}, ip = '10.1.0.1') => t.app.inject({ method: 'POST', url, payload: payload as object, headers, remoteAddress: ip });
const get = (url: string, token?: string) => t.app.inject({ method: 'GET', url, headers: token ? bearer(token) : {} });
const file = (body: Record<string, unknown>, ip?: string, headers?: Record<string, string>, site: Site = f) =>
  post(`/api/v1/sites/${site.siteId}/complaints`, { classification: 'pengaduan', title: 'Antrean KTP tidak dipanggil', body: 'Saya menunggu dua jam, nomor saya dilewati.', reporter: { name: 'Siti Aminah', phone: '081298765432' }, ...body }, headers, ip);

beforeAll(async () => {
  t = await createTestApp();
  f = await createMppFixture(t, { settings: { complaints: { perAddressPerHour: 1000, perContactPerDay: 1000 } } });
}, 120_000);
afterAll(async () => t?.close());

describe('filing', () => {
  it('answers with a tracking code, its QR and the verification deadline in working days', async () => {
    const res = await file({ agencyId: f.agency.dukcapil, serviceId: f.service.ktp });
    const filed = ok(res, c.filedResponse, 201);
    expect(filed).toMatchObject({ status: 'submitted', verifyBy: '2026-11-30', warnings: [] });
    expect(filed.trackingCode).toMatch(/^[A-HJ-NP-Z2-9]{10}$/);
    expect(filed.qrSvg).toContain('<svg');
    expect(filed.trackingUrl).toBe(`/pengaduan/lacak/${filed.trackingCode}`);
    const pub = ok(await get(`/api/v1/complaints/by-code/${filed.trackingCode}`), c.publicComplaint);
    expect(pub).toMatchObject({ status: 'submitted', verifyBy: '2026-11-30', respondBy: null, replies: [], agency: { id: f.agency.dukcapil }, canReopen: false, canConfirm: false, canReply: true });
    // Identity is stored encrypted, never readable, and never on the public page.
    const [row] = await rows<{ reporter_name_enc: string; reporter_phone_enc: string }>(t.ctx.db, sql`SELECT reporter_name_enc, reporter_phone_enc FROM complaints WHERE id = ${filed.id}`);
    expect(row.reporter_name_enc).not.toContain('Siti');
    expect(row.reporter_phone_enc).not.toContain('0812');
    expect(JSON.stringify(pub)).not.toContain('Siti');
  });

  it('counts working days on the site calendar: a closure moves the deadline', async () => {
    // A site of its own: the closure must not move the other tests' deadlines.
    const site = await createMppFixture(t, { users: false });
    await addClosure(t, site.siteId, '2026-11-27', 'Cuti bersama uji');
    forgetCachedCatalog(); // written straight into the table, without the catalogue's event
    const res = await file({}, undefined, undefined, site);
    expect(ok(res, c.filedResponse, 201).verifyBy).toBe('2026-12-01'); // Thu, (Fri closed), Mon, Tue
  });

  it('links a ticket by its tracking code, takes its agency when none was named, and warns when the service was long ago', async () => {
    const kiosk = bearer(f.kioskToken);
    const ticket = ok(await post(`/api/v1/sites/${f.siteId}/tickets`, { serviceId: f.service.bpjs }, kiosk), issuedTicket, 201);
    const linked = ok(await file({ trackingCode: ticket.trackingCode }), c.filedResponse, 201);
    const detail = ok(await get(`/api/v1/complaints/${linked.id}`, f.tokens.siteAdmin), c.complaintDetail);
    expect(detail.requestedAgency?.id).toBe(f.agency.bpjs);
    expect(detail.linked).toMatchObject({ kind: 'ticket', code: ticket.trackingCode, number: ticket.number });
    expect(detail.serviceDate).toBe('2026-11-25');
    const late = ok(await file({ serviceDate: '2026-10-20' }), c.filedResponse, 201);
    expect(late.warnings.map((w) => w.code)).toEqual(['late_filing']);
  });

  it('links an application by its tracking code too, with its registration number and agency', async () => {
    const registered = await post(`/api/v1/sites/${f.siteId}/applications`, { serviceId: f.service.ktp, applicant: { nik: '6472014107900003', name: 'Rina Wulandari' } }, bearer(f.tokens.officer.dukcapil));
    expect(registered.statusCode).toBe(201);
    const a = registered.json();
    const linked = await file({ trackingCode: a.trackingCode.toLowerCase() });
    expect(linked.statusCode).toBe(201);
    // Still open: the service is going on, so no late-filing warning whatever its age.
    expect(linked.json().warnings).toEqual([]);
    const detail = (await get(`/api/v1/complaints/${linked.json().id}`, f.tokens.siteAdmin)).json();
    expect(detail.linked).toEqual({ kind: 'application', code: a.trackingCode, number: a.registrationNumber });
    expect(detail.requestedAgency.id).toBe(f.agency.dukcapil);
    expect(detail.service.id).toBe(f.service.ktp);
    // A code of nothing at this site names the field.
    const unknown = await file({ trackingCode: 'ZZZZZZZZZZ' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('body.trackingCode');
  });

  it('refuses bad input with 400 naming the field, and writes nothing', async () => {
    const before = (await rows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM complaints`))[0].n;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ agencyId: '01900000-0000-7000-8000-000000000000' }, 'body.agencyId'],
      [{ serviceId: '01900000-0000-7000-8000-000000000000' }, 'body.serviceId'],
      [{ agencyId: f.agency.bpjs, serviceId: f.service.ktp }, 'body.serviceId'],
      [{ title: '   ' }, 'body.title'],
      [{ body: 'x'.repeat(10_001) }, 'body.body'],
      [{ classification: 'keluhan' }, 'body.classification'],
      [{ reporter: null }, 'body.reporter.name'],
      [{ trackingCode: 'ZZZZZZZZZZ' }, 'body.trackingCode'],
      [{ serviceDate: '2026-02-30' }, 'body.serviceDate'],
    ];
    for (const [body, field] of cases) {
      const res = problem(await file(body), 400);
      expect(res.errors?.map((e) => e.field), field).toContain(field);
      expect(res.messages.id, field).toBeTruthy();
    }
    expect((await rows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM complaints`))[0].n).toBe(before);
  });

  it('an anonymous complaint keeps no identity at all, even when one is sent', async () => {
    const kiosk = bearer(f.kioskToken);
    const ticket = ok(await post(`/api/v1/sites/${f.siteId}/tickets`, { serviceId: f.service.ktp }, kiosk), issuedTicket, 201);
    const res = ok(await file({ anonymous: true, reporter: { name: 'Budi Anonim', email: 'budi.anonim@example.test' }, trackingCode: ticket.trackingCode }), c.filedResponse, 201);
    const [row] = await rows<Record<string, unknown>>(t.ctx.db, sql`SELECT * FROM complaints WHERE id = ${res.id}`);
    expect(row).toMatchObject({ reporter_name_enc: null, reporter_phone_enc: null, reporter_email_enc: null, linked_code: null, linked_number: null, anonymous: true });
    const desk = ok(await get(`/api/v1/complaints/${res.id}`, f.tokens.siteAdmin), c.complaintDetail);
    expect(desk.reporter).toBeNull();
    expect(desk.linked).toBeNull();
    // The database refuses identity on an anonymous row whatever a service might try.
    await expect(t.ctx.db.execute(sql`UPDATE complaints SET reporter_name_enc = 'x' WHERE id = ${res.id}`)).rejects.toThrow();
  });

  it('an officer files for a walk-in (channel desk, audited)', async () => {
    const res = ok(await file({ agencyId: f.agency.dukcapil }, '10.9.9.9', bearer(f.tokens.officer.dukcapil)), c.filedResponse, 201);
    const detail = ok(await get(`/api/v1/complaints/${res.id}`, f.tokens.siteAdmin), c.complaintDetail);
    expect(detail.channel).toBe('desk');
    const [audit] = await rows<{ action: string }>(t.ctx.db, sql`SELECT action FROM audit_log WHERE target_id = ${res.id} AND action = 'complaints.filed_for_walk_in'`);
    expect(audit).toBeTruthy();
  });
});

describe('the workflow', () => {
  it('desk verifies and assigns, the agency responds, the reporter confirms; times and replies show publicly', async () => {
    // A site of its own, closed on Friday 27 (its deadlines count it), where this complaint is
    // the month's only one (the figures below).
    const s = await createMppFixture(t, { settings: { complaints: { perAddressPerHour: 1000, perContactPerDay: 1000 } } });
    await addClosure(t, s.siteId, '2026-11-27', 'Cuti bersama uji');
    forgetCachedCatalog();
    const filed = ok(await file({ agencyId: s.agency.dukcapil }, undefined, undefined, s), c.filedResponse, 201);
    const move = (body: Record<string, unknown>, token?: string) => post(`/api/v1/complaints/${filed.id}/transition`, body, token ? bearer(token) : {});

    // Only the desk verifies; the agency cannot act before it is assigned.
    problem(await move({ to: 'verified', agencyId: s.agency.dukcapil }, s.tokens.agencyAdmin), 403);
    const noAgency = problem(await move({ to: 'verified' }, s.tokens.siteAdmin), 400);
    expect(noAgency.errors?.[0].field).toBe('body.agencyId');
    const verified = ok(await move({ to: 'verified', agencyId: s.agency.dukcapil, text: 'Pengaduan diteruskan ke Disdukcapil.' }, s.tokens.siteAdmin), c.transitioned);
    expect(verified).toMatchObject({ status: 'verified', agencyId: s.agency.dukcapil, respondBy: '2026-12-03' }); // 5 working days, Fri 27 closed

    // Another agency can neither read nor act.
    problem(await get(`/api/v1/complaints/${filed.id}`, s.tokens.officer.bpjs), 403);
    problem(await move({ to: 'responded', text: 'Bukan kami.' }, s.tokens.officer.bpjs), 403);
    const bpjsList = ok(await get(`/api/v1/sites/${s.siteId}/complaints`, s.tokens.officer.bpjs), c.complaintPage);
    expect(bpjsList.items.map((i) => i.id)).not.toContain(filed.id);

    const noText = problem(await move({ to: 'responded' }, s.tokens.agencyAdmin), 400);
    expect(noText.errors?.[0].field).toBe('body.text');
    t.clock.advance(3 * 3600_000);
    const responded = ok(await move({ to: 'responded', text: 'Mohon maaf, petugas sudah kami tegur dan sistem panggilan diperbaiki.' }, s.tokens.officer.dukcapil), c.transitioned);
    expect(responded).toMatchObject({ status: 'responded', autoCloseAfter: '2026-12-10' });
    // The same step twice: 409.
    problem(await move({ to: 'responded', text: 'lagi' }, s.tokens.officer.dukcapil), 409);

    const pub = ok(await get(`/api/v1/complaints/by-code/${filed.trackingCode}`), c.publicComplaint);
    expect(pub.replies.map((r) => r.from)).toEqual(['desk', 'agency']);
    expect(pub.replies[1].at).toMatch(/Z$|[+-]\d\d:\d\d$/);
    expect(pub).toMatchObject({ status: 'responded', canConfirm: true, canReopen: true, respondBy: '2026-12-03' });

    // The reporter closes with the tracking code; a wrong code is refused.
    problem(await move({ to: 'closed', trackingCode: 'AAAAAAAAAA' }), 404);
    problem(await move({ to: 'closed' }), 400);
    const closed = ok(await move({ to: 'closed', trackingCode: filed.trackingCode }), c.transitioned);
    expect(closed.status).toBe('closed');

    // Reopen once with a reason: back to the agency with a fresh deadline; not twice.
    const reopen = await post(`/api/v1/complaints/by-code/${filed.trackingCode}/reopen`, { reason: 'Nomor saya masih dilewati hari ini.' });
    expect(ok(reopen, c.publicComplaint)).toMatchObject({ status: 'verified', canReopen: false });
    ok(await move({ to: 'responded', text: 'Sudah kami periksa ulang.' }, s.tokens.agencyAdmin), c.transitioned);
    problem(await post(`/api/v1/complaints/by-code/${filed.trackingCode}/reopen`, { reason: 'Masih belum puas sekali lagi.' }), 409);

    // Figures: received, verified on time, responded on time, the first reply within 24 h.
    const figures = ok(await get(`/api/v1/sites/${s.siteId}/complaints/figures?from=2026-11&to=2026-11`, s.tokens.siteAdmin), c.figuresResponse);
    const dukcapil = figures.find((r) => r.agency?.id === s.agency.dukcapil);
    expect(dukcapil).toMatchObject({ month: '2026-11', received: 1, verified: 1, verifiedOnTime: 1, responded: 1, respondedOnTime: 1, followedUp: 1, followedUpShare: 1, repliedWithin24h: 1 });
    expect(dukcapil?.medianHoursToFirstReply).toBe(0);
  });

  it('the conversation: internal notes never reach the reporter; desk-only notes never reach the agency', async () => {
    const filed = ok(await file({ agencyId: f.agency.dukcapil }), c.filedResponse, 201);
    ok(await post(`/api/v1/complaints/${filed.id}/transition`, { to: 'verified', agencyId: f.agency.dukcapil }, bearer(f.tokens.siteAdmin)), c.transitioned);
    const msg = (text: string, visibility: string, token: string) => post(`/api/v1/complaints/${filed.id}/messages`, { text, visibility }, bearer(token));
    ok(await msg('Catatan meja: pelapor sudah dua kali datang.', 'desk', f.tokens.siteAdmin), c.complaintDetail);
    ok(await msg('Catatan internal instansi.', 'staff', f.tokens.agencyAdmin), c.complaintDetail);
    ok(await msg('Kami sedang memeriksa rekaman antrean.', 'public', f.tokens.agencyAdmin), c.complaintDetail);
    expect(problem(await msg('Agency desk note', 'desk', f.tokens.agencyAdmin), 400).errors?.[0].field).toBe('body.visibility');
    ok(await post(`/api/v1/complaints/by-code/${filed.trackingCode}/replies`, { text: 'Terima kasih, saya tunggu.' }), c.publicComplaint);

    const pub = ok(await get(`/api/v1/complaints/by-code/${filed.trackingCode}`), c.publicComplaint);
    expect(pub.replies.map((r) => r.text)).toEqual(['Kami sedang memeriksa rekaman antrean.', 'Terima kasih, saya tunggu.']);
    const agency = ok(await get(`/api/v1/complaints/${filed.id}`, f.tokens.agencyAdmin), c.complaintDetail);
    expect(agency.messages.map((m) => m.visibility).sort()).toEqual(['public', 'public', 'staff']);
    const desk = ok(await get(`/api/v1/complaints/${filed.id}`, f.tokens.siteAdmin), c.complaintDetail);
    expect(desk.messages).toHaveLength(4);
    // The auditor reads but does not write.
    problem(await msg('x', 'staff', f.tokens.auditor), 403);
  });

  it('the desk forwards what is not the MPP’s to handle, with where to; it is final', async () => {
    const filed = ok(await file({}), c.filedResponse, 201);
    const move = (body: Record<string, unknown>) => post(`/api/v1/complaints/${filed.id}/transition`, body, bearer(f.tokens.siteAdmin));
    expect(problem(await move({ to: 'not_authority' }), 400).errors?.[0].field).toBe('body.forwardedTo');
    ok(await move({ to: 'not_authority', forwardedTo: 'Dinas Perhubungan Kota Samarinda' }), c.transitioned);
    const pub = ok(await get(`/api/v1/complaints/by-code/${filed.trackingCode}`), c.publicComplaint);
    expect(pub).toMatchObject({ status: 'not_authority', forwardedTo: 'Dinas Perhubungan Kota Samarinda', canReopen: false, canReply: false });
    problem(await move({ to: 'verified', agencyId: f.agency.dukcapil }), 409);
  });

  it('two desk officers verifying at once over real HTTP: one wins, the other gets 409', async () => {
    const secondDesk = await t.userToken({ memberships: [{ role: 'site_admin', siteId: f.siteId, agencyId: null }] });
    // The app listens from here on; afterAll closes it.
    const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    {
      for (let round = 0; round < 3; round++) {
        const filed = ok(await file({}), c.filedResponse, 201);
        const verify = (token: string, agencyId: string) =>
          fetch(`${base}/api/v1/complaints/${filed.id}/transition`, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(token) }, body: JSON.stringify({ to: 'verified', agencyId }) });
        const [a, b] = await Promise.all([verify(f.tokens.siteAdmin, f.agency.dukcapil), verify(secondDesk, f.agency.bpjs)]);
        expect([a.status, b.status].sort()).toEqual([200, 409]);
        const [winner, loser] = a.status === 409 ? [b, a] : [a, b];
        await okHttp(winner, c.transitioned);
        await problemHttp(loser, 409, 'complaints.invalid_state');
        const [{ n }] = await rows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM events WHERE aggregate_id = ${filed.id} AND type = 'complaint.verified'`);
        expect(n).toBe(1);
      }
    }
  }, 120_000);
});
