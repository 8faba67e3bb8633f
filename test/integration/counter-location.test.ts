import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/app';
import { createMppFixture, type MppFixture } from '../support/fixtures';

/* Issue #11 item 8: a counter's location (lantai / zona) is stored, edited by the admin and public. */
let t: TestApp;
let f: MppFixture;

beforeAll(async () => {
  t = await createTestApp({ start: '2026-11-25T09:00:00+08:00' });
  f = await createMppFixture(t);
});
afterAll(async () => t?.close());

type Json = Record<string, any>;
async function call(method: 'GET' | 'POST' | 'PATCH', url: string, token?: string | null, payload?: unknown) {
  const res = await t.app.inject({ method, url: `/api/v1${url}`, headers: token ? bearer(token) : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
  return { status: res.statusCode, body: (res.body ? res.json() : null) as Json };
}

describe('counter location', () => {
  it('is saved on create and edit, shown to the public with the counter, and too long a text is a 400 naming the field', async () => {
    const made = await call('POST', `/sites/${f.siteId}/catalog/counters`, f.tokens.siteAdmin, { agencyId: f.agency.dukcapil, number: 31, zone: 'Lantai 2', location: 'Lantai 2, Zona C (dekat eskalator)', serviceIds: [f.service.ktp] });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ number: 31, zone: 'Lantai 2', location: 'Lantai 2, Zona C (dekat eskalator)' });
    // The agency's own admin may move it.
    const moved = await call('PATCH', `/catalog/counters/${made.body.id}`, f.tokens.agencyAdmin, { location: '  Lantai 2, Zona D  ' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.location).toBe('Lantai 2, Zona D');
    const pub = (await call('GET', `/sites/${f.siteId}/counters`)).body as Json[];
    expect(pub.find((c) => c.id === made.body.id)).toMatchObject({ location: 'Lantai 2, Zona D', zone: 'Lantai 2' });
    // Counters without one answer an empty location.
    expect(pub.find((c) => c.id === f.counter.c1)?.location).toBe('');

    const long = await call('PATCH', `/catalog/counters/${made.body.id}`, f.tokens.siteAdmin, { location: 'x'.repeat(121) });
    expect(long.status).toBe(400);
    expect(long.body.errors[0].field).toBe('body.location');
    const audit = (await call('GET', `/audit?siteId=${f.siteId}&action=catalog.counter_updated`, f.tokens.siteAdmin)).body;
    const row = (audit.items as Json[]).find((a) => a.targetId === made.body.id);
    expect(row?.details.changes.location).toEqual({ from: 'Lantai 2, Zona C (dekat eskalator)', to: 'Lantai 2, Zona D' });
  });
});
