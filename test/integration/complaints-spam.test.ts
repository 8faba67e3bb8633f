import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as c from '../../src/contracts/complaints';
import { rows } from '../../src/server/platform/db';
import { bearer, createTestApp, type TestApp } from '../support/app';
import { ok, problem } from '../support/contract';
import { createMppFixture, type MppFixture } from '../support/fixtures';
import { fileBody, PNG } from '../support/multipart';

/* Spam throttling (per address, per contact), the honeypot, and attachments (type, size, count). */
let t: TestApp;
let f: MppFixture;
const count = async () => (await rows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM complaints`))[0].n;
const file = (ip: string, reporter: Record<string, unknown>, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: `/api/v1/sites/${f.siteId}/complaints`, remoteAddress: ip, headers, payload: { classification: 'aspirasi', title: 'Usul', body: 'Tambah loket.', reporter, ...extra } });

const filed = async (res: ReturnType<typeof file>) => ok(await res, c.filedResponse, 201);

beforeAll(async () => {
  t = await createTestApp();
  f = await createMppFixture(t, { settings: { complaints: { perAddressPerHour: 3, perContactPerDay: 2 } } });
}, 120_000);
afterAll(async () => t?.close());

describe('spam', () => {
  it('a filled honeypot is refused without saying why, and nothing is written', async () => {
    const before = await count();
    const res = await file('10.4.0.1', { name: 'Bot Bot' }, { homepage: 'http://spam.example' });
    problem(res, 400, 'complaints.rejected');
    expect(res.body).not.toContain('homepage');
    expect(await count()).toBe(before);
  });

  it('throttles per address: the fourth filing within the hour is 429 with Retry-After', async () => {
    for (let i = 0; i < 3; i++) await filed(file('10.4.0.2', { name: `Warga ${i}` }));
    const refused = await file('10.4.0.2', { name: 'Warga 4' });
    expect(problem(refused, 429, 'rate_limited')).toMatchObject({ code: 'rate_limited', limit: 'address' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Another address files; an hour later this one may again.
    await filed(file('10.4.0.3', { name: 'Warga lain' }));
    t.clock.advance(3601_000);
    await filed(file('10.4.0.2', { name: 'Warga 5' }));
  });

  it('throttles per contact across addresses (email case and phone punctuation do not matter); the contact is not stored readable', async () => {
    await filed(file('10.5.0.1', { name: 'Rina', email: 'Rina.Spam@Example.test' }));
    await filed(file('10.5.0.2', { name: 'Rina', email: 'rina.spam@example.test' }));
    const refused = await file('10.5.0.3', { name: 'Rina', email: 'RINA.SPAM@example.test' });
    expect(problem(refused, 429, 'rate_limited').limit).toBe('contact');
    await filed(file('10.5.0.4', { name: 'Rina', phone: '0812-1111-3333' }));
    await filed(file('10.5.0.5', { name: 'Rina', phone: '081211113333' }));
    expect(problem(await file('10.5.0.6', { name: 'Rina', phone: '0812 1111 3333' }), 429, 'rate_limited').limit).toBe('contact');
    const keys = await rows<{ key: string }>(t.ctx.db, sql`SELECT key FROM rate_limits WHERE key LIKE 'complaint%'`);
    expect(JSON.stringify(keys)).not.toMatch(/rina|081211113333/i);
  });

  it('an officer filing for walk-ins at the front desk is not throttled', async () => {
    for (let i = 0; i < 4; i++) await filed(file('10.6.0.1', { name: 'Pak Slamet', phone: '081299990000' }, {}, bearer(f.tokens.officer.dukcapil)));
  });
});

describe('attachments', () => {
  let code: string;
  let id: string;
  const upload = (content: Buffer | string, name: string, type: string, c = code) => {
    const b = fileBody(content, name, type);
    return t.app.inject({ method: 'POST', url: `/api/v1/complaints/by-code/${c}/attachments`, payload: b.payload, headers: b.headers, remoteAddress: '10.7.0.1' });
  };

  beforeAll(async () => {
    ({ trackingCode: code, id } = await filed(file('10.7.0.9', { name: 'Yanti' }, { agencyId: f.agency.dukcapil })));
  });

  it('takes an image from the reporter, encrypted, and gives it back by the tracking code', async () => {
    const res = await upload(PNG, 'foto.png', 'image/png');
    const fileId = ok(res, c.uploadedAttachment, 201).id;
    const [stored] = await rows<{ content_enc: Buffer; purpose: string; media_type: string }>(t.ctx.db, sql`SELECT content_enc, purpose, media_type FROM stored_files WHERE id = ${fileId}`);
    expect(stored).toMatchObject({ purpose: 'complaint.attachment', media_type: 'image/png' });
    expect(Buffer.from(stored.content_enc).includes(PNG.subarray(0, 16))).toBe(false);
    const back = await t.app.inject({ url: `/api/v1/complaints/by-code/${code}/attachments/${fileId}` });
    expect(back.statusCode).toBe(200);
    expect(back.headers['content-type']).toBe('image/png');
    expect(back.rawPayload.equals(PNG)).toBe(true);
    // Staff download it too, audited.
    const desk = await t.app.inject({ url: `/api/v1/complaints/${id}/attachments/${fileId}`, headers: bearer(f.tokens.siteAdmin) });
    expect(desk.statusCode).toBe(200);
    const [audit] = await rows<{ action: string }>(t.ctx.db, sql`SELECT action FROM audit_log WHERE target_id = ${id} AND action = 'complaints.attachment_read'`);
    expect(audit).toBeTruthy();
    // Another agency cannot.
    problem(await t.app.inject({ url: `/api/v1/complaints/${id}/attachments/${fileId}`, headers: bearer(f.tokens.officer.bpjs) }), 403);
  });

  it('refuses a file of the wrong type (415) or too big (413), naming the field, and keeps nothing', async () => {
    const before = (await rows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM stored_files`))[0].n;
    const text = await upload('<script>alert(1)</script>', 'foto.png', 'image/png');
    expect(problem(text, 415, 'file.type_not_allowed')).toMatchObject({ code: 'file.type_not_allowed', errors: [{ field: 'file' }] });
    const big = await upload(Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]), 'besar.png', 'image/png');
    problem(big, 413, 'file.too_large');
    expect((await rows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM stored_files`))[0].n).toBe(before);
  }, 60_000);

  it('at most 10 files per complaint; none once it is finished', async () => {
    const have = ok(await t.app.inject({ url: `/api/v1/complaints/by-code/${code}` }), c.publicComplaint).attachments.length;
    for (let i = have; i < 10; i++) ok(await upload(PNG, `foto-${i}.png`, 'image/png'), c.uploadedAttachment, 201);
    const over = await upload(PNG, 'lagi.png', 'image/png');
    expect(problem(over, 409, 'complaints.attachment_limit')).toMatchObject({ code: 'complaints.attachment_limit', max: 10 });

    const other = await filed(file('10.7.0.8', { name: 'Yanto' }));
    ok(await t.app.inject({ method: 'POST', url: `/api/v1/complaints/${other.id}/transition`, payload: { to: 'closed', text: 'Duplikat.' }, headers: bearer(f.tokens.siteAdmin) }), c.transitioned);
    problem(await upload(PNG, 'foto.png', 'image/png', other.trackingCode), 409, 'complaints.conversation_closed');
    problem(await upload(PNG, 'foto.png', 'image/png', 'TIDAKADA99'), 404);
  }, 60_000);
});
