import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import type { TestApp } from '../support/app';
import { caller, createApplicationsFixture } from '../support/applications-fixture';
import { citizensApp, signIn, type Gateway } from '../support/citizens';
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
