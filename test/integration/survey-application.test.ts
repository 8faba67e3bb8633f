// The SKM by an application's tracking code (DESIGN §7: "trackingCode is a ticket's or an
// application's"), the code printed on the application receipt: it rates the application's
// service as part of the visit it was registered in, so the ticket's code and the receipt's
// cannot rate it twice; its window runs from the application's closing when that is later.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/app';
import { createApplicationsFixture } from '../support/applications-fixture';
import type { MppFixture } from '../support/fixtures';
import { nik } from '../support/site-fixture';

let t: TestApp;
let f: MppFixture;
const at = (local: string) => t.clock.set(`${local}+08:00`);
const all = (n: number) => ({ persyaratan: n, prosedur: n, waktu: n, biaya: n, produk: n, kompetensi: n, perilaku: n, pengaduan: n, sarana: n });
async function call(method: 'GET' | 'POST', url: string, token?: string, payload?: object) {
  const res = await t.app.inject({ method, url: `/api/v1${url}`, headers: token ? bearer(token) : {}, ...(payload ? { payload } : {}) });
  return { status: res.statusCode, body: res.json() };
}
const submit = (trackingCode: string) => call('POST', `/sites/${f.siteId}/surveys`, undefined, { trackingCode, answers: all(4) });
const officer = () => f.tokens.officer.dukcapil;

/** A KK ticket served at counter 1 with an application registered from it; `finish`: the ticket is done. */
async function registered(serial: number, finish = true) {
  const issued = await call('POST', `/sites/${f.siteId}/tickets`, f.kioskToken, { serviceId: f.service.kk });
  const called = await call('POST', `/counters/${f.counter.c1}/call-next`, officer());
  expect(called.status).toBe(200);
  await call('POST', `/tickets/${called.body.ticket.id}/start`, officer());
  const app = await call('POST', `/sites/${f.siteId}/applications`, officer(), { serviceId: f.service.kk, applicant: { nik: nik(serial), name: 'Siti Rahmawati' }, ticketId: called.body.ticket.id });
  expect(app.status, JSON.stringify(app.body)).toBe(201);
  if (finish) expect((await call('POST', `/tickets/${called.body.ticket.id}/finish`, officer(), {})).status).toBe(200);
  return { ticketCode: issued.body.trackingCode as string, appCode: app.body.trackingCode as string, appId: app.body.id as string, ticketId: called.body.ticket.id as string };
}

beforeAll(async () => {
  t = await createTestApp({ start: '2026-11-25T09:00:00+08:00', config: { sessionTtlHours: 24 * 30 } });
  f = await createApplicationsFixture(t);
});
afterAll(async () => t?.close());

describe('rating by the application receipt', () => {
  it("counts once for the application's service, whichever of the two codes comes first", async () => {
    const a = await registered(5101);
    const offer = await call('GET', `/surveys/by-code/${a.appCode}`);
    expect(offer.status).toBe(200);
    expect(offer.body.services).toEqual([expect.objectContaining({ serviceId: f.service.kk, answered: false, open: true })]);
    expect((await submit(a.appCode)).status).toBe(201);
    expect((await submit(a.appCode)).body.code).toBe('survey.already_answered');
    expect((await submit(a.ticketCode)).body.code).toBe('survey.already_answered');
    expect((await call('GET', `/surveys/by-code/${a.appCode}`)).body.services[0]).toMatchObject({ answered: true, open: false });

    const b = await registered(5102);
    expect((await submit(b.ticketCode)).status).toBe(201);
    expect((await submit(b.appCode)).body.code).toBe('survey.already_answered');
  });

  it('is not open before the counter has finished serving, nor on another site', async () => {
    const c = await registered(5103, false);
    const r = await submit(c.appCode);
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('survey.not_served');
    const other = await call('POST', `/sites/0190f5b2-0000-7000-8000-000000000000/surveys`, undefined, { trackingCode: c.appCode, answers: all(4) });
    expect(other.status).toBe(404);
    // Once the counter finishes, the receipt may rate it.
    expect((await call('POST', `/tickets/${c.ticketId}/finish`, officer(), {})).status).toBe(200);
    expect((await submit(c.appCode)).status).toBe(201);
  });

  it("stays open for the window after the application is closed, past the ticket's own", async () => {
    at('2026-11-26T09:00:00');
    const d = await registered(5104);
    await call('POST', `/applications/${d.appId}/transition`, officer(), { to: 'in_process' });
    at('2026-12-01T10:00:00');
    expect((await call('POST', `/applications/${d.appId}/transition`, officer(), { to: 'ready' })).body.status).toBe('ready');
    // The ticket was served on 26 November: its own 7-day window has ended, the receipt's has not.
    at('2026-12-05T10:00:00');
    expect((await call('GET', `/surveys/by-code/${d.ticketCode}`)).body.services[0].open).toBe(false);
    expect((await submit(d.appCode)).status).toBe(201);
    at('2026-12-09T10:00:00');
    // And ends seven days after the closing day.
    expect((await submit(d.appCode)).body.code).toBe('survey.window_closed');
  });
});
