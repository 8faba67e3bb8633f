import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/server/platform/db';
import { createTestApp, type TestApp } from '../support/app';
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

const post = (path: string, token: string, body: unknown) =>
  fetch(`${base}/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) }).then(async (r) => ({ status: r.status, body: await r.json() }));

describe('concurrent registrations', () => {
  it('gives 50 registrations at once 50 different numbers, 1 to 50', async () => {
    const officers = [f.tokens.officer.dukcapil, f.tokens.officer.dukcapil2];
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => post(`/sites/${f.siteId}/applications`, officers[i % 2], { serviceId: f.service.kk, applicant: { nik: nik(5000 + i), name: `Pemohon ${i}` } })),
    );
    expect(results.filter((r) => r.status !== 201)).toEqual([]);
    const numbers = results.map((r) => r.body.registrationNumber as string);
    expect(new Set(numbers).size).toBe(50);
    expect(numbers.map((n) => Number(n.split('/')[2])).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(results.map((r) => r.body.trackingCode)).size).toBe(50);
    const [{ last }] = await rows<{ last: number }>(t.ctx.db, sql`SELECT last FROM application_sequences WHERE agency_id = ${f.agency.dukcapil}`);
    expect(last).toBe(50);
  }, 120_000);
});

describe('concurrent transitions', () => {
  it('lets only one of two officers acting at once move the application', async () => {
    const created = await post(`/sites/${f.siteId}/applications`, f.tokens.officer.dukcapil, { serviceId: f.service.kk, applicant: { nik: nik(6000), name: 'Satu Pemohon' } });
    const id = created.body.id;
    for (let round = 0; round < 5; round++) {
      const [a, b] = await Promise.all([
        post(`/applications/${id}/transition`, f.tokens.officer.dukcapil, round % 2 ? { to: 'in_process' } : { to: 'incomplete', missing: [`Dokumen ${round}`] }),
        post(`/applications/${id}/transition`, f.tokens.officer.dukcapil2, round % 2 ? { to: 'in_process' } : { to: 'incomplete', missing: [`Dokumen ${round}b`] }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const loser = a.status === 409 ? a : b;
      expect(['applications.invalid_transition', 'applications.changed']).toContain(loser.body.code);
      expect(loser.body.status).toBe(round % 2 ? 'in_process' : 'incomplete');
    }
    const [{ n }] = await rows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM events WHERE aggregate_id = ${id} AND type = 'application.status_changed'`);
    expect(n).toBe(5);
    const [{ version }] = await rows<{ version: number }>(t.ctx.db, sql`SELECT version FROM applications WHERE id = ${id}`);
    expect(version).toBe(6);
  }, 120_000);

  it('issues one pickup ticket when the kiosk is tapped five times at once', async () => {
    const created = await post(`/sites/${f.siteId}/applications`, f.tokens.officer.dukcapil, { serviceId: f.service.kk, applicant: { nik: nik(6001), name: 'Dua Pemohon' } });
    const id = created.body.id;
    await post(`/applications/${id}/transition`, f.tokens.officer.dukcapil, { to: 'in_process' });
    await post(`/applications/${id}/transition`, f.tokens.officer.dukcapil, { to: 'ready' });
    const taps = await Promise.all(Array.from({ length: 5 }, () => post(`/sites/${f.siteId}/applications/pickup`, f.kioskToken, { trackingCode: created.body.trackingCode })));
    expect(taps.every((r) => r.status === 200 || r.status === 201)).toBe(true);
    const [{ n }] = await rows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM tickets WHERE source = 'pickup'`);
    expect(n).toBe(1);
    expect(new Set(taps.map((r) => r.body.ticket.id)).size).toBe(1);
  }, 120_000);
});
