import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/server/platform/db';
import { forgetCachedCatalog } from '../../src/server/modules/catalog/catalog.lookup';
import { bearer, createTestApp, type TestApp } from '../support/app';
import { addClosure, createMppFixture, type MppFixture } from '../support/fixtures';

// Wednesday 25 Nov 2026, 09:00 WITA. Verification is due 3 working days later: Monday 30 Nov.
let t: TestApp;
let f: MppFixture;
const post = (url: string, payload: unknown, headers: Record<string, string> = {}, ip = '10.1.0.1') => t.app.inject({ method: 'POST', url, payload: payload as object, headers, remoteAddress: ip });
const get = (url: string, token?: string) => t.app.inject({ method: 'GET', url, headers: token ? bearer(token) : {} });
const file = (body: Record<string, unknown>, ip?: string, headers?: Record<string, string>) =>
  post(`/api/v1/sites/${f.siteId}/complaints`, { classification: 'pengaduan', title: 'Antrean KTP tidak dipanggil', body: 'Saya menunggu dua jam, nomor saya dilewati.', reporter: { name: 'Siti Aminah', phone: '081298765432' }, ...body }, headers, ip);

beforeAll(async () => {
  t = await createTestApp();
  f = await createMppFixture(t, { settings: { complaints: { perAddressPerHour: 1000, perContactPerDay: 1000 } } });
}, 120_000);
afterAll(async () => t?.close());

describe('filing', () => {
  it('answers with a tracking code, its QR and the verification deadline in working days', async () => {
    const res = await file({ agencyId: f.agency.dukcapil, serviceId: f.service.ktp });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ status: 'submitted', verifyBy: '2026-11-30', warnings: [] });
    expect(c.trackingCode).toMatch(/^[A-HJ-NP-Z2-9]{10}$/);
    expect(c.qrSvg).toContain('<svg');
    expect(c.trackingUrl).toBe(`/pengaduan/lacak/${c.trackingCode}`);
    const pub = (await get(`/api/v1/complaints/by-code/${c.trackingCode}`)).json();
    expect(pub).toMatchObject({ status: 'submitted', verifyBy: '2026-11-30', respondBy: null, replies: [], agency: { id: f.agency.dukcapil }, canReopen: false, canConfirm: false, canReply: true });
    // Identity is stored encrypted, never readable, and never on the public page.
    const [row] = await rows<{ reporter_name_enc: string; reporter_phone_enc: string }>(t.ctx.db, sql`SELECT reporter_name_enc, reporter_phone_enc FROM complaints WHERE id = ${c.id}`);
    expect(row.reporter_name_enc).not.toContain('Siti');
    expect(row.reporter_phone_enc).not.toContain('0812');
    expect(JSON.stringify(pub)).not.toContain('Siti');
  });

  it('counts working days on the site calendar: a closure moves the deadline', async () => {
    await addClosure(t, f.siteId, '2026-11-27', 'Cuti bersama uji');
    forgetCachedCatalog(); // written straight into the table, without the catalogue's event
    const res = await file({});
    expect(res.json().verifyBy).toBe('2026-12-01'); // Thu, (Fri closed), Mon, Tue
  });

  it('links a ticket by its tracking code, takes its agency when none was named, and warns when the service was long ago', async () => {
    const kiosk = bearer(f.kioskToken);
    const ticket = await post(`/api/v1/sites/${f.siteId}/tickets`, { serviceId: f.service.bpjs }, kiosk);
    expect(ticket.statusCode).toBe(201);
    const linked = await file({ trackingCode: ticket.json().trackingCode });
    expect(linked.statusCode).toBe(201);
    const detail = (await get(`/api/v1/complaints/${linked.json().id}`, f.tokens.siteAdmin)).json();
    expect(detail.requestedAgency.id).toBe(f.agency.bpjs);
    expect(detail.linked).toMatchObject({ kind: 'ticket', code: ticket.json().trackingCode, number: ticket.json().number });
    expect(detail.serviceDate).toBe('2026-11-25');
    const late = await file({ serviceDate: '2026-10-20' });
    expect(late.statusCode).toBe(201);
    expect(late.json().warnings.map((w: { code: string }) => w.code)).toEqual(['late_filing']);
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
      const res = await file(body);
      expect(res.statusCode, field).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field), field).toContain(field);
      expect(res.json().messages.id, field).toBeTruthy();
    }
    expect((await rows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM complaints`))[0].n).toBe(before);
  });

  it('an anonymous complaint keeps no identity at all, even when one is sent', async () => {
    const kiosk = bearer(f.kioskToken);
    const ticket = await post(`/api/v1/sites/${f.siteId}/tickets`, { serviceId: f.service.ktp }, kiosk);
    const res = await file({ anonymous: true, reporter: { name: 'Budi Anonim', email: 'budi.anonim@example.test' }, trackingCode: ticket.json().trackingCode });
    expect(res.statusCode).toBe(201);
    const [row] = await rows<Record<string, unknown>>(t.ctx.db, sql`SELECT * FROM complaints WHERE id = ${res.json().id}`);
    expect(row).toMatchObject({ reporter_name_enc: null, reporter_phone_enc: null, reporter_email_enc: null, linked_code: null, linked_number: null, anonymous: true });
    const desk = (await get(`/api/v1/complaints/${res.json().id}`, f.tokens.siteAdmin)).json();
    expect(desk.reporter).toBeNull();
    expect(desk.linked).toBeNull();
    // The database refuses identity on an anonymous row whatever a service might try.
    await expect(t.ctx.db.execute(sql`UPDATE complaints SET reporter_name_enc = 'x' WHERE id = ${res.json().id}`)).rejects.toThrow();
  });

  it('an officer files for a walk-in (channel desk, audited)', async () => {
    const res = await file({ agencyId: f.agency.dukcapil }, '10.9.9.9', bearer(f.tokens.officer.dukcapil));
    expect(res.statusCode).toBe(201);
    const detail = (await get(`/api/v1/complaints/${res.json().id}`, f.tokens.siteAdmin)).json();
    expect(detail.channel).toBe('desk');
    const [audit] = await rows<{ action: string }>(t.ctx.db, sql`SELECT action FROM audit_log WHERE target_id = ${res.json().id} AND action = 'complaints.filed_for_walk_in'`);
    expect(audit).toBeTruthy();
  });
});

describe('the workflow', () => {
  it('desk verifies and assigns, the agency responds, the reporter confirms; times and replies show publicly', async () => {
    const filed = (await file({ agencyId: f.agency.dukcapil })).json();
    const move = (body: Record<string, unknown>, token?: string) => post(`/api/v1/complaints/${filed.id}/transition`, body, token ? bearer(token) : {});

    // Only the desk verifies; the agency cannot act before it is assigned.
    expect((await move({ to: 'verified', agencyId: f.agency.dukcapil }, f.tokens.agencyAdmin)).statusCode).toBe(403);
    const noAgency = await move({ to: 'verified' }, f.tokens.siteAdmin);
    expect(noAgency.statusCode).toBe(400);
    expect(noAgency.json().errors[0].field).toBe('body.agencyId');
    const verified = await move({ to: 'verified', agencyId: f.agency.dukcapil, text: 'Pengaduan diteruskan ke Disdukcapil.' }, f.tokens.siteAdmin);
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toMatchObject({ status: 'verified', agencyId: f.agency.dukcapil, respondBy: '2026-12-03' }); // 5 working days, Fri 27 closed

    // Another agency can neither read nor act.
    expect((await get(`/api/v1/complaints/${filed.id}`, f.tokens.officer.bpjs)).statusCode).toBe(403);
    expect((await move({ to: 'responded', text: 'Bukan kami.' }, f.tokens.officer.bpjs)).statusCode).toBe(403);
    const bpjsList = (await get(`/api/v1/sites/${f.siteId}/complaints`, f.tokens.officer.bpjs)).json();
    expect(bpjsList.items.map((i: { id: string }) => i.id)).not.toContain(filed.id);

    const noText = await move({ to: 'responded' }, f.tokens.agencyAdmin);
    expect(noText.statusCode).toBe(400);
    expect(noText.json().errors[0].field).toBe('body.text');
    t.clock.advance(3 * 3600_000);
    const responded = await move({ to: 'responded', text: 'Mohon maaf, petugas sudah kami tegur dan sistem panggilan diperbaiki.' }, f.tokens.officer.dukcapil);
    expect(responded.statusCode).toBe(200);
    expect(responded.json()).toMatchObject({ status: 'responded', autoCloseAfter: '2026-12-10' });
    // The same step twice: 409.
    expect((await move({ to: 'responded', text: 'lagi' }, f.tokens.officer.dukcapil)).statusCode).toBe(409);

    const pub = (await get(`/api/v1/complaints/by-code/${filed.trackingCode}`)).json();
    expect(pub.replies.map((r: { from: string }) => r.from)).toEqual(['desk', 'agency']);
    expect(pub.replies[1].at).toMatch(/Z$|[+-]\d\d:\d\d$/);
    expect(pub).toMatchObject({ status: 'responded', canConfirm: true, canReopen: true, respondBy: '2026-12-03' });

    // The reporter closes with the tracking code; a wrong code is refused.
    expect((await move({ to: 'closed', trackingCode: 'AAAAAAAAAA' })).statusCode).toBe(404);
    expect((await move({ to: 'closed' })).statusCode).toBe(400);
    const closed = await move({ to: 'closed', trackingCode: filed.trackingCode });
    expect(closed.statusCode).toBe(200);
    expect(closed.json().status).toBe('closed');

    // Reopen once with a reason: back to the agency with a fresh deadline; not twice.
    const reopen = await post(`/api/v1/complaints/by-code/${filed.trackingCode}/reopen`, { reason: 'Nomor saya masih dilewati hari ini.' });
    expect(reopen.statusCode).toBe(200);
    expect(reopen.json()).toMatchObject({ status: 'verified', canReopen: false });
    await move({ to: 'responded', text: 'Sudah kami periksa ulang.' }, f.tokens.agencyAdmin);
    expect((await post(`/api/v1/complaints/by-code/${filed.trackingCode}/reopen`, { reason: 'Masih belum puas sekali lagi.' })).statusCode).toBe(409);

    // Figures: received, verified on time, responded on time, the first reply within 24 h.
    const figures = (await get(`/api/v1/sites/${f.siteId}/complaints/figures?from=2026-11&to=2026-11`, f.tokens.siteAdmin)).json();
    const dukcapil = figures.find((r: { agency: { id: string } | null }) => r.agency?.id === f.agency.dukcapil);
    expect(dukcapil).toMatchObject({ month: '2026-11', received: 1, verified: 1, verifiedOnTime: 1, responded: 1, respondedOnTime: 1, followedUp: 1, followedUpShare: 1, repliedWithin24h: 1 });
    expect(dukcapil.medianHoursToFirstReply).toBe(0);
  });

  it('the conversation: internal notes never reach the reporter; desk-only notes never reach the agency', async () => {
    const filed = (await file({ agencyId: f.agency.dukcapil })).json();
    await post(`/api/v1/complaints/${filed.id}/transition`, { to: 'verified', agencyId: f.agency.dukcapil }, bearer(f.tokens.siteAdmin));
    const msg = (text: string, visibility: string, token: string) => post(`/api/v1/complaints/${filed.id}/messages`, { text, visibility }, bearer(token));
    expect((await msg('Catatan meja: pelapor sudah dua kali datang.', 'desk', f.tokens.siteAdmin)).statusCode).toBe(200);
    expect((await msg('Catatan internal instansi.', 'staff', f.tokens.agencyAdmin)).statusCode).toBe(200);
    expect((await msg('Kami sedang memeriksa rekaman antrean.', 'public', f.tokens.agencyAdmin)).statusCode).toBe(200);
    expect((await msg('Agency desk note', 'desk', f.tokens.agencyAdmin)).json().errors[0].field).toBe('body.visibility');
    expect((await post(`/api/v1/complaints/by-code/${filed.trackingCode}/replies`, { text: 'Terima kasih, saya tunggu.' })).statusCode).toBe(200);

    const pub = (await get(`/api/v1/complaints/by-code/${filed.trackingCode}`)).json();
    expect(pub.replies.map((r: { text: string }) => r.text)).toEqual(['Kami sedang memeriksa rekaman antrean.', 'Terima kasih, saya tunggu.']);
    const agency = (await get(`/api/v1/complaints/${filed.id}`, f.tokens.agencyAdmin)).json();
    expect(agency.messages.map((m: { visibility: string }) => m.visibility).sort()).toEqual(['public', 'public', 'staff']);
    const desk = (await get(`/api/v1/complaints/${filed.id}`, f.tokens.siteAdmin)).json();
    expect(desk.messages).toHaveLength(4);
    // The auditor reads but does not write.
    expect((await msg('x', 'staff', f.tokens.auditor)).statusCode).toBe(403);
  });

  it('the desk forwards what is not the MPP’s to handle, with where to; it is final', async () => {
    const filed = (await file({})).json();
    const move = (body: Record<string, unknown>) => post(`/api/v1/complaints/${filed.id}/transition`, body, bearer(f.tokens.siteAdmin));
    expect((await move({ to: 'not_authority' })).json().errors[0].field).toBe('body.forwardedTo');
    const res = await move({ to: 'not_authority', forwardedTo: 'Dinas Perhubungan Kota Samarinda' });
    expect(res.statusCode).toBe(200);
    const pub = (await get(`/api/v1/complaints/by-code/${filed.trackingCode}`)).json();
    expect(pub).toMatchObject({ status: 'not_authority', forwardedTo: 'Dinas Perhubungan Kota Samarinda', canReopen: false, canReply: false });
    expect((await move({ to: 'verified', agencyId: f.agency.dukcapil })).statusCode).toBe(409);
  });

  it('two desk officers verifying at once over real HTTP: one wins, the other gets 409', async () => {
    const secondDesk = await t.userToken({ memberships: [{ role: 'site_admin', siteId: f.siteId, agencyId: null }] });
    // The app listens from here on; afterAll closes it.
    const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    {
      for (let round = 0; round < 3; round++) {
        const filed = (await file({})).json();
        const verify = (token: string, agencyId: string) =>
          fetch(`${base}/api/v1/complaints/${filed.id}/transition`, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(token) }, body: JSON.stringify({ to: 'verified', agencyId }) });
        const [a, b] = await Promise.all([verify(f.tokens.siteAdmin, f.agency.dukcapil), verify(secondDesk, f.agency.bpjs)]);
        expect([a.status, b.status].sort()).toEqual([200, 409]);
        const loser = a.status === 409 ? await a.json() : await b.json();
        expect(loser.code).toBe('complaints.invalid_state');
        const [{ n }] = await rows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM events WHERE aggregate_id = ${filed.id} AND type = 'complaint.verified'`);
        expect(n).toBe(1);
      }
    }
  }, 120_000);
});
