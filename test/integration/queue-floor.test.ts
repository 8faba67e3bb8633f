import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/app';
import { createMppFixture, type MppFixture } from '../support/fixtures';
import { openSse } from '../support/sse';

let t: TestApp;
let f: MppFixture;

beforeAll(async () => {
  t = await createTestApp({ start: '2026-11-25T09:00:00+08:00' }); // a Wednesday morning in Samarinda
  f = await createMppFixture(t);
});
afterAll(async () => t?.close());

type Json = Record<string, any>;
async function call(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, token?: string | null, payload?: unknown) {
  const res = await t.app.inject({ method, url: `/api/v1${url}`, headers: token ? bearer(token) : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
  return { status: res.statusCode, body: (res.body ? res.json() : null) as Json };
}
const issue = (serviceId: string) => call('POST', `/sites/${f.siteId}/tickets`, f.kioskToken, { serviceId });
const floor = (token: string | null = f.tokens.siteAdmin) => call('GET', `/sites/${f.siteId}/queue/floor`, token);
const summary = async () => (await call('GET', `/sites/${f.siteId}/queue/summary`)).body;
const minutes = (n: number) => t.clock.advance(n * 60_000);
const counterOf = (body: Json, id: string) => body.counters.find((c: Json) => c.id === id);
const serviceOf = (body: Json, id: string) => body.services.find((s: Json) => s.serviceId === id);

describe('the live floor view', () => {
  it('is for monitors only: an officer gets 403, nobody 401, a display device 403', async () => {
    expect((await floor(f.tokens.officer.dukcapil)).status).toBe(403);
    expect((await floor(f.tokens.officer.dukcapil)).body.code).toBe('auth.forbidden');
    expect((await floor(null)).status).toBe(401);
    expect((await floor(f.displayToken)).status).toBe(403);
    expect((await floor(f.tokens.auditor)).status).toBe(200);
    expect((await call('GET', `/sites/0190f5b2-0000-7000-8000-000000000000/queue/floor`, f.tokens.siteAdmin)).status).toBe(403);
  });

  it('shows every counter idle at the start, with the default target of 15 minutes', async () => {
    const r = await floor();
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ date: '2026-11-25', targetWaitMinutes: 15, scope: { all: true, agencyIds: [] }, announcement: null });
    expect(r.body.counters.map((c: Json) => [c.name, c.state, c.current, c.officer])).toEqual([
      ['Loket 1', 'idle', null, null],
      ['Loket 2', 'idle', null, null],
      ['Loket 3', 'idle', null, null],
      ['Loket 4', 'idle', null, null],
    ]);
    expect(serviceOf(r.body, f.service.ktp)).toMatchObject({ waiting: 0, oldestSince: null, longestWaitMinutes: null, overTarget: 0, overTargetTickets: [], openCounters: 2 });
    // The inactive service is not on the floor.
    expect(serviceOf(r.body, f.service.akta)).toBeUndefined();
  });

  it('counts waits against the target, shows serving and break states with the officer', async () => {
    const a1 = (await issue(f.service.ktp)).body; // 09:00
    minutes(10);
    const a2 = (await issue(f.service.ktp)).body; // 09:10
    minutes(10);
    const a3 = (await issue(f.service.ktp)).body; // 09:20
    minutes(6); // 09:26: A-001 waited 26 min, A-002 16, A-003 6
    let r = await floor();
    expect(serviceOf(r.body, f.service.ktp)).toMatchObject({
      waiting: 3,
      oldestSince: '2026-11-25T01:00:00.000Z',
      longestWaitMinutes: 26,
      overTarget: 2,
      overTargetTickets: [
        { ticketId: a1.id, number: a1.number, since: '2026-11-25T01:00:00.000Z', minutes: 26 },
        { ticketId: a2.id, number: a2.number, since: '2026-11-25T01:10:00.000Z', minutes: 16 },
      ],
    });
    expect(r.body.services[0].serviceId).toBe(f.service.ktp); // the longest waits first
    expect(a3.number).toBe('A-003');

    // Loket 1 calls A-001 and starts serving it; Loket 2 goes on a break.
    const called = await call('POST', `/counters/${f.counter.c1}/call-next`, f.tokens.officer.dukcapil);
    expect(called.body.ticket.id).toBe(a1.id);
    minutes(2);
    expect((await call('POST', `/tickets/${a1.id}/start`, f.tokens.officer.dukcapil)).status).toBe(200);
    expect((await call('POST', `/counters/${f.counter.c2}/pause`, f.tokens.officer.dukcapil2)).status).toBe(200);
    r = await floor();
    const c1 = counterOf(r.body, f.counter.c1);
    expect(c1).toMatchObject({ state: 'serving', agency: { id: f.agency.dukcapil, shortName: 'Disdukcapil' }, current: { ticketId: a1.id, number: 'A-001', status: 'serving', since: '2026-11-25T01:28:00.000Z' } });
    expect(c1.officer.displayName).toMatch(/^user/);
    expect(counterOf(r.body, f.counter.c2)).toMatchObject({ state: 'on_break', current: null, pausedAt: '2026-11-25T01:28:00.000Z' });
    // 09:28: A-002 waited 18 min, A-003 8; only the working counter counts as open.
    expect(serviceOf(r.body, f.service.ktp)).toMatchObject({ waiting: 2, longestWaitMinutes: 18, overTarget: 1, openCounters: 1 });

    // Finished: the counter is idle again, keeps its officer of the day and its count.
    expect((await call('POST', `/tickets/${a1.id}/finish`, f.tokens.officer.dukcapil)).status).toBe(200);
    r = await floor();
    expect(counterOf(r.body, f.counter.c1)).toMatchObject({ state: 'idle', current: null, officer: { displayName: c1.officer.displayName }, servedToday: 1 });
    expect((await call('POST', `/counters/${f.counter.c2}/open`, f.tokens.officer.dukcapil2)).status).toBe(200);
  });

  it('follows the target the site admin sets (bad values: 400 naming the field; others: 403)', async () => {
    const bad = await call('PUT', `/sites/${f.siteId}/queue/settings`, f.tokens.siteAdmin, { targetWaitMinutes: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('body.targetWaitMinutes');
    expect((await call('PUT', `/sites/${f.siteId}/queue/settings`, f.tokens.siteAdmin, { targetWaitMinutes: 'lima' })).body.errors[0].field).toBe('body.targetWaitMinutes');
    expect((await call('PUT', `/sites/${f.siteId}/queue/settings`, f.tokens.agencyAdmin, { targetWaitMinutes: 5 })).status).toBe(403);
    const ok = await call('PUT', `/sites/${f.siteId}/queue/settings`, f.tokens.siteAdmin, { targetWaitMinutes: 5 });
    expect(ok).toEqual({ status: 200, body: { targetWaitMinutes: 5 } });
    expect((await call('GET', `/sites/${f.siteId}/queue/settings`, f.tokens.agencyAdmin)).body).toEqual({ targetWaitMinutes: 5 });
    const r = await floor();
    expect(r.body.targetWaitMinutes).toBe(5);
    // 09:28: A-002 waited 18 min, A-003 8: both over 5.
    expect(serviceOf(r.body, f.service.ktp)).toMatchObject({ waiting: 2, overTarget: 2 });
    await call('PUT', `/sites/${f.siteId}/queue/settings`, f.tokens.siteAdmin, { targetWaitMinutes: 15 });
  });

  it("shows an agency admin only their own agency's counters and services", async () => {
    await issue(f.service.bpjs);
    const mine = await floor(f.tokens.agencyAdmin);
    expect(mine.status).toBe(200);
    expect(mine.body.scope).toEqual({ all: false, agencyIds: [f.agency.dukcapil] });
    expect(mine.body.counters.map((c: Json) => c.id)).toEqual([f.counter.c1, f.counter.c2]);
    expect(new Set(mine.body.services.map((s: Json) => s.agency.id))).toEqual(new Set([f.agency.dukcapil]));
    expect(serviceOf(mine.body, f.service.bpjs)).toBeUndefined();
    const all = await floor();
    expect(serviceOf(all.body, f.service.bpjs)).toMatchObject({ waiting: 1 });
  });

  it('shows counters as closed outside their hours', async () => {
    const saved = t.clock.now();
    try {
      t.clock.set('2026-11-25T12:30:00+08:00'); // Polri serves mornings only
      const r = await floor();
      expect(counterOf(r.body, f.counter.c4).state).toBe('closed');
      expect(counterOf(r.body, f.counter.c3).state).toBe('idle');
    } finally {
      t.clock.set(saved.toISOString());
    }
  });
});

describe('announcements on the TV ticker', () => {
  const post = (body: unknown, token = f.tokens.siteAdmin) => call('POST', `/sites/${f.siteId}/announcements`, token, body);
  const clear = (token = f.tokens.siteAdmin) => call('DELETE', `/sites/${f.siteId}/announcements`, token);

  it('refuses bad input naming the field, and anyone but the site admin', async () => {
    const long = await post({ text: 'x'.repeat(201) });
    expect(long.status).toBe(400);
    expect(long.body.errors[0].field).toBe('body.text');
    expect((await post({ text: '   ' })).body.errors[0].field).toBe('body.text');
    expect((await post({})).body.errors[0].field).toBe('body.text');
    expect((await post({ text: 'Halo', until: 'besok' })).body.errors[0].field).toBe('body.until');
    const past = await post({ text: 'Halo', until: '2026-11-25T08:00:00+08:00' });
    expect(past.status).toBe(400);
    expect(past.body.errors[0]).toMatchObject({ field: 'body.until', code: 'in_past' });
    expect((await post({ text: 'Halo' }, f.tokens.agencyAdmin)).status).toBe(403);
    expect((await post({ text: 'Halo' }, f.tokens.officer.dukcapil)).status).toBe(403);
    expect((await clear(f.tokens.agencyAdmin)).status).toBe(403);
    expect((await summary()).announcement).toBeNull();
  });

  it('appears in the display summary and on the floor, replaces the previous one, and is cleared', async () => {
    const first = await post({ text: 'Layanan SIM hari ini sampai pukul 12.00 WITA.' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ text: 'Layanan SIM hari ini sampai pukul 12.00 WITA.', until: null });
    expect((await summary()).announcement).toEqual(first.body);
    expect((await floor(f.tokens.agencyAdmin)).body.announcement).toEqual(first.body);

    const second = await post({ text: '  Mohon   siapkan\nKTP asli.  ' });
    expect(second.body.text).toBe('Mohon siapkan KTP asli.');
    expect((await summary()).announcement.id).toBe(second.body.id);

    const events = await t.ctx.db.execute(`SELECT type, payload FROM events WHERE site_id = '${f.siteId}' AND type LIKE 'announcement.%' ORDER BY id`);
    const list = (events as unknown as { rows: Json[] }).rows.map((e) => [e.type, typeof e.payload === 'string' ? JSON.parse(e.payload) : e.payload]);
    expect(list).toEqual([
      ['announcement.posted', { announcementId: first.body.id, text: first.body.text, until: null }],
      ['announcement.posted', { announcementId: second.body.id, text: 'Mohon siapkan KTP asli.', until: null }],
    ]);

    expect((await clear()).status).toBe(204);
    expect((await summary()).announcement).toBeNull();
    expect((await clear()).status).toBe(204); // nothing running: nothing to do
    const cleared = await t.ctx.db.execute(`SELECT count(*)::int AS n FROM events WHERE site_id = '${f.siteId}' AND type = 'announcement.cleared'`);
    expect((cleared as unknown as { rows: Json[] }).rows[0].n).toBe(1);
  });

  it('runs until its end time', async () => {
    const now = t.clock.now().getTime();
    const until = new Date(now + 30 * 60_000).toISOString();
    const r = await post({ text: 'Istirahat siang 12.00–13.00.', until });
    expect(r.body.until).toBe(until);
    minutes(29);
    expect((await summary()).announcement?.id).toBe(r.body.id);
    minutes(1);
    expect((await summary()).announcement).toBeNull();
    expect((await floor()).body.announcement).toBeNull();
    // A new one after it expired (the expired row is cleared then, the unique index holds).
    expect((await post({ text: 'Selamat datang di MPP.' })).status).toBe(201);
    expect((await summary()).announcement.text).toBe('Selamat datang di MPP.');
  });
});

describe('announcements on the public site stream', () => {
  it('are sent live, with ids, and replayed after a reconnect', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const addr = t.app.server.address();
    if (!addr || typeof addr === 'string') throw new Error('no port');
    const url = `http://127.0.0.1:${addr.port}/api/v1/sites/${f.siteId}/stream`;
    const s = await openSse(url);
    try {
      const posted = await call('POST', `/sites/${f.siteId}/announcements`, f.tokens.siteAdmin, { text: 'Antrean BPJS dialihkan ke Loket 3.' });
      const live = await s.waitFor((e) => e.event === 'announcement.posted');
      expect(live.data).toEqual({ announcementId: posted.body.id, text: 'Antrean BPJS dialihkan ke Loket 3.', until: null });
      expect(live.id).toMatch(/^\d+$/);
      await call('DELETE', `/sites/${f.siteId}/announcements`, f.tokens.siteAdmin);
      const cleared = await s.waitFor((e) => e.event === 'announcement.cleared');
      expect(cleared.data).toEqual({ announcementId: posted.body.id });

      const again = await openSse(url, { 'last-event-id': String(Number(live.id) - 1) });
      try {
        expect((await again.waitFor((e) => e.event === 'announcement.posted')).data.announcementId).toBe(posted.body.id);
        expect((await again.waitFor((e) => e.event === 'announcement.cleared')).id).toBe(cleared.id);
      } finally {
        again.close();
      }
    } finally {
      s.close();
    }
  });
});
