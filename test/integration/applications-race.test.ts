import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickupResponse, registered } from '../../src/contracts/applications';
import { rows } from '../../src/server/platform/db';
import { createTestApp, type TestApp } from '../support/app';
import { okHttp } from '../support/contract';
import { createApplicationsFixture } from '../support/applications-fixture';
import type { MppFixture } from '../support/fixtures';
import { nik } from '../support/site-fixture';

/**
 * Races over real HTTP: 50 registrations at once never repeat a registration number (and leave
 * no gap), two officers moving one application at once cannot both succeed.
 */
let t: TestApp;
let f: MppFixture;
let base: string;

beforeAll(async () => {
  t = await createTestApp();
  f = await createApplicationsFixture(t);
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
}, 180_000);
afterAll(async () => t?.close());

const send = (path: string, token: string, body: unknown) =>
  fetch(`${base}/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
const register = async (token: string, body: unknown) => okHttp(await send(`/sites/${f.siteId}/applications`, token, body), registered, 201);
/** A move: the application, or the refusal as sent (its `status` member is the application's status, not the HTTP status). */
const move = (id: string, token: string, body: unknown) =>
  send(`/applications/${id}/transition`, token, body).then(async (r) => {
    if (r.status === 200) await okHttp(r, registered);
    return { status: r.status, refusal: r.status === 200 ? null : ((await r.json()) as { code: string; status: string }) };
  });

describe('concurrent registrations', () => {
  it('gives 50 registrations at once 50 different numbers, 1 to 50', async () => {
    const officers = [f.tokens.officer.dukcapil, f.tokens.officer.dukcapil2];
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => register(officers[i % 2], { serviceId: f.service.kk, applicant: { nik: nik(5000 + i), name: `Pemohon ${i}` } })),
    );
    const numbers = results.map((r) => r.registrationNumber);
    expect(new Set(numbers).size).toBe(50);
    expect(numbers.map((n) => Number(n.split('/')[2])).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(results.map((r) => r.trackingCode)).size).toBe(50);
    const [{ last }] = await rows<{ last: number }>(t.ctx.db, sql`SELECT last FROM application_sequences WHERE agency_id = ${f.agency.dukcapil}`);
    expect(last).toBe(50);
  }, 120_000);
});

describe('concurrent transitions', () => {
  it('lets only one of two officers acting at once move the application', async () => {
    const created = await register(f.tokens.officer.dukcapil, { serviceId: f.service.kk, applicant: { nik: nik(6000), name: 'Satu Pemohon' } });
    const id = created.id;
    for (let round = 0; round < 5; round++) {
      const [a, b] = await Promise.all([
        move(id, f.tokens.officer.dukcapil, round % 2 ? { to: 'in_process' } : { to: 'incomplete', missing: [`Dokumen ${round}`] }),
        move(id, f.tokens.officer.dukcapil2, round % 2 ? { to: 'in_process' } : { to: 'incomplete', missing: [`Dokumen ${round}b`] }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const loser = a.status === 409 ? a : b;
      expect(['applications.invalid_transition', 'applications.changed']).toContain(loser.refusal?.code);
      expect(loser.refusal?.status).toBe(round % 2 ? 'in_process' : 'incomplete');
    }
    const [{ n }] = await rows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM events WHERE aggregate_id = ${id} AND type = 'application.status_changed'`);
    expect(n).toBe(5);
    const [{ version }] = await rows<{ version: number }>(t.ctx.db, sql`SELECT version FROM applications WHERE id = ${id}`);
    expect(version).toBe(6);
  }, 120_000);

  it('issues one pickup ticket when the kiosk is tapped five times at once', async () => {
    const created = await register(f.tokens.officer.dukcapil, { serviceId: f.service.kk, applicant: { nik: nik(6001), name: 'Dua Pemohon' } });
    const id = created.id;
    await okHttp(await send(`/applications/${id}/transition`, f.tokens.officer.dukcapil, { to: 'in_process' }), registered);
    await okHttp(await send(`/applications/${id}/transition`, f.tokens.officer.dukcapil, { to: 'ready' }), registered);
    const taps = await Promise.all(
      Array.from({ length: 5 }, async () => {
        const r = await send(`/sites/${f.siteId}/applications/pickup`, f.kioskToken, { trackingCode: created.trackingCode });
        expect([200, 201]).toContain(r.status);
        return okHttp(r, pickupResponse, r.status);
      }),
    );
    const [{ n }] = await rows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM tickets WHERE source = 'pickup'`);
    expect(n).toBe(1);
    expect(new Set(taps.map((r) => r.ticket.id)).size).toBe(1);
  }, 120_000);
});
