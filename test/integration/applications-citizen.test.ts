import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import type { TestApp } from '../support/app';
import { caller, createApplicationsFixture } from '../support/applications-fixture';
import { eq } from 'drizzle-orm';
import { documentTypes } from '../../src/server/modules/catalog/catalog.schema';
import { citizensApp, pdf, signIn, uploadDocument, type Gateway } from '../support/citizens';
import type { MppFixture } from '../support/fixtures';
import { nik } from '../support/site-fixture';

/*
 * A signed-in citizen's side of applications (issue #13): filing online (`submitted` until the
 * counter receives it), seeing only their own, withdrawing their own open one. Wednesday
 * 25 November 2026 in Samarinda; the KK service takes 3 working days.
 */
let t: TestApp;
let gw: Gateway;
let f: MppFixture;
let call: ReturnType<typeof caller>;
let siti: { token: string };
let budi: { token: string };
let noNik: { token: string };

beforeAll(async () => {
  ({ t, gw } = await citizensApp({ start: '2026-11-25T09:00:00+08:00', config: { sessionTtlHours: 24 * 30 } }));
  f = await createApplicationsFixture(t);
  call = caller(t);
  siti = await signIn(t, gw, 'siti@example.org');
  budi = await signIn(t, gw, '081211112222', '+6281211112222');
  noNik = await signIn(t, gw, 'tanpa-nik@example.org');
  t.clock.set('2026-11-25T09:00:00+08:00');
  expect((await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { authorization: `Bearer ${siti.token}` }, payload: { name: 'Siti Rahma', nik: nik(7) } })).statusCode).toBe(200);
  expect((await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { authorization: `Bearer ${budi.token}` }, payload: { name: 'Budi Santoso', nik: nik(8) } })).statusCode).toBe(200);
}, 180_000);
afterAll(async () => {
  await t?.close();
  await gw?.close();
});

const file = (token: string, body: Record<string, unknown> = {}) => call('POST', `/sites/${f.siteId}/applications`, token, { serviceId: f.service.kk, ...body });

describe('filing online', () => {
  let id = '';
  let code = '';

  it('files as `submitted`, numbered, without a clock, in the citizen’s name and history', async () => {
    const r = await file(siti.token, { note: 'Saya bawa berkas besok.' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ status: 'submitted', channel: 'online', dueDate: null, receivedOn: null, applicant: { name: 'Siti Rahma' }, next: ['withdrawn'] });
    expect(r.body.registrationNumber).toMatch(/^DISDUKCAPIL\/2026\/\d{6}$/);
    expect(r.body.applicant.nik).toContain('•');
    expect(r.body.checklist.every((c: { received: boolean }) => !c.received)).toBe(true);
    id = r.body.id;
    code = r.body.trackingCode;
    const history = await call('GET', '/me/history', siti.token);
    expect(history.body).toContainEqual(expect.objectContaining({ kind: 'application', id, code }));
    const pub = await call('GET', `/applications/by-code/${code}`);
    expect(pub.body).toMatchObject({ status: 'submitted', dueDate: null });
    expect(JSON.stringify(pub.body)).not.toContain('Siti');
  });

  it('lists only the citizen’s own; another citizen sees none of them and cannot withdraw it', async () => {
    const mine = await call('GET', '/me/applications', siti.token);
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual([expect.objectContaining({ id, trackingCode: code, trackingPath: `/lacak/${code}`, status: 'submitted', mayWithdraw: true, service: expect.objectContaining({ id: f.service.kk }) })]);
    expect((await call('GET', '/me/applications', budi.token)).body).toEqual([]);
    const other = await call('POST', `/me/applications/${id}/withdraw`, budi.token, {});
    expect(other.status).toBe(404);
    expect((await call('GET', '/me/applications')).status).toBe(401);
    // A staff token is no citizen's.
    expect((await call('GET', '/me/applications', f.tokens.officer.dukcapil)).status).toBe(401);
  });

  it('shows on the agency’s board; the counter receives it and the clock starts', async () => {
    const board = await call('GET', `/sites/${f.siteId}/applications?status=submitted`, f.tokens.officer.dukcapil);
    expect(board.body.items.map((i: { id: string }) => i.id)).toContain(id);
    const received = await call('POST', `/applications/${id}/transition`, f.tokens.officer.dukcapil, { to: 'received' });
    expect(received.status).toBe(200);
    expect(received.body).toMatchObject({ status: 'received', receivedOn: '2026-11-25', dueDate: '2026-11-30' });
    const mine = await call('GET', '/me/applications', siti.token);
    expect(mine.body[0]).toMatchObject({ status: 'received', dueDate: '2026-11-30', workingDaysLeft: 3, mayWithdraw: true });
  });

  it('lets the citizen withdraw their own open application, once', async () => {
    const r = await call('POST', `/me/applications/${id}/withdraw`, siti.token, { note: 'Sudah diurus di kecamatan.' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'withdrawn', next: [] });
    expect(r.body.history.at(-1)).toMatchObject({ status: 'withdrawn', from: 'received', note: 'Sudah diurus di kecamatan.' });
    const again = await call('POST', `/me/applications/${id}/withdraw`, siti.token, {});
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'applications.invalid_transition', status: 'withdrawn' });
    expect((await call('GET', '/me/applications', siti.token)).body[0]).toMatchObject({ status: 'withdrawn', mayWithdraw: false });
  });
});

describe('at the counter with the citizen’s share code', () => {
  it('links the application to the account and holds the shared documents until it ends', async () => {
    const [kkType] = await t.ctx.db.select().from(documentTypes).where(eq(documentTypes.key, 'kk'));
    const up = await uploadDocument(t, budi.token, kkType.id, pdf('Kartu Keluarga Budi'));
    expect(up.statusCode, up.body).toBe(201);
    const docId = up.json().id;
    const consent = await call('POST', '/me/consents', budi.token, { agencyId: f.agency.dukcapil, documentIds: [docId], purpose: 'Penerbitan KK' });
    expect(consent.status).toBe(201);
    const shareCode = consent.body.shareCode;
    const reg = await call('POST', `/sites/${f.siteId}/applications`, f.tokens.officer.dukcapil, { serviceId: f.service.kk, applicant: { nik: nik(8), name: 'Budi Santoso' }, shareCode });
    expect(reg.status).toBe(201);
    const mine = await call('GET', '/me/applications', budi.token);
    expect(mine.body).toEqual([expect.objectContaining({ id: reg.body.id, channel: 'counter', status: 'received' })]);
    expect((await call('GET', '/me/history', budi.token)).body).toContainEqual(expect.objectContaining({ kind: 'application', id: reg.body.id }));
    // The officer's use of the share is in the citizen's access log.
    expect((await call('GET', '/me/access-log', budi.token)).body[0]).toMatchObject({ agency: { id: f.agency.dukcapil } });
    // Held while open: the citizen cannot delete it; free again once the application is rejected.
    const del = () => t.app.inject({ method: 'DELETE', url: `/api/v1/me/documents/${docId}`, headers: { authorization: `Bearer ${budi.token}` } });
    expect((await del()).statusCode).toBe(409);
    const rejected = await call('POST', `/applications/${reg.body.id}/transition`, f.tokens.officer.dukcapil, { to: 'rejected', note: 'Bukan domisili Samarinda.' });
    expect(rejected.status).toBe(200);
    expect((await del()).statusCode).toBe(204);
  });

  it('refuses an unknown share code, or one for another agency, as a 400 naming the field; nothing is written', async () => {
    const before = (await call('GET', `/sites/${f.siteId}/applications`, f.tokens.officer.dukcapil)).body.total;
    const body = { serviceId: f.service.kk, applicant: { nik: nik(9), name: 'Rina' } };
    const unknown = await call('POST', `/sites/${f.siteId}/applications`, f.tokens.officer.dukcapil, { ...body, shareCode: 'ABCD-2345' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0]).toMatchObject({ field: 'body.shareCode', code: 'not_found' });
    // A share for BPJS, shown at the Disdukcapil counter by an officer who serves both agencies.
    const [kkType] = await t.ctx.db.select().from(documentTypes).where(eq(documentTypes.key, 'kk'));
    const doc = (await uploadDocument(t, siti.token, kkType.id, pdf('KK Siti'))).json().id;
    const consent = await call('POST', '/me/consents', siti.token, { agencyId: f.agency.bpjs, documentIds: [doc], purpose: 'JKN' });
    expect(consent.status).toBe(201);
    const both = await t.userToken({ memberships: [{ role: 'officer', siteId: f.siteId, agencyId: f.agency.dukcapil }, { role: 'officer', siteId: f.siteId, agencyId: f.agency.bpjs }] });
    const other = await call('POST', `/sites/${f.siteId}/applications`, both, { ...body, shareCode: consent.body.shareCode });
    expect(other.status).toBe(400);
    expect(other.body.errors[0]).toMatchObject({ field: 'body.shareCode', code: 'not_found' });
    // The same officer with only Disdukcapil cannot use BPJS's share at all (the citizens module's one 404, here a 400).
    expect((await call('POST', `/sites/${f.siteId}/applications`, f.tokens.officer.dukcapil, { ...body, shareCode: consent.body.shareCode })).status).toBe(400);
    expect((await call('GET', `/sites/${f.siteId}/applications`, f.tokens.officer.dukcapil)).body.total).toBe(before);
  });
});

describe('bad input', () => {
  it('needs a declared NIK, a known service, a note within the limit; nothing is written', async () => {
    const before = (await call('GET', `/sites/${f.siteId}/applications`, f.tokens.officer.dukcapil)).body.total;
    const missingNik = await file(noNik.token);
    expect(missingNik.status).toBe(400);
    expect(missingNik.body.errors[0]).toMatchObject({ field: 'body.applicant.nik', code: 'required' });
    const unknown = await file(siti.token, { serviceId: uuidv7() });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0]).toMatchObject({ field: 'body.serviceId', code: 'not_found' });
    const long = await file(siti.token, { note: 'x'.repeat(501) });
    expect(long.status).toBe(400);
    expect(long.body.errors[0].field).toBe('body.note');
    expect((await call('GET', `/sites/${f.siteId}/applications`, f.tokens.officer.dukcapil)).body.total).toBe(before);
    // Without any session: staff rights are asked for.
    expect((await file('')).status).toBe(401);
  });
});
