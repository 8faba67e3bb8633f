/**
 * Retention (issue #12, item 8), tested with the clock: ended consents and the documents of deleted
 * accounts are purged after the site's retention period, not before; and the history (item 2):
 * a booking made while signed in appears in Riwayat.
 */
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sites } from '../../src/server/modules/catalog/catalog.schema';
import { sweepCitizenRetention } from '../../src/server/modules/citizens/citizens.jobs';
import { citizenConsents, citizenDocuments, citizens } from '../../src/server/modules/citizens/citizens.schema';
import { storedFileChunks, storedFiles } from '../../src/server/modules/files/files.schema';
import { forgetCachedCatalog } from '../../src/server/modules/catalog/catalog.lookup';
import { z } from 'zod';
import { bookingResponse, slotSchema } from '../../src/contracts/booking';
import * as c from '../../src/contracts/citizens';
import { bearer, type TestApp } from '../support/app';
import { ok } from '../support/contract';
import { citizensApp, createCitizensFixture, pdf, signIn, uploadDocument, type CitizensFixture, type Gateway } from '../support/citizens';
import { nik } from '../support/site-fixture';

let t: TestApp;
let gw: Gateway;
let f: CitizensFixture;
const DAY = 86_400_000;

beforeAll(async () => {
  ({ t, gw } = await citizensApp());
  f = await createCitizensFixture(t);
  await t.ctx.db.update(sites).set({ settings: { citizens: { retentionDays: 10 } } }).where(eq(sites.id, f.siteId));
  forgetCachedCatalog();
});
afterAll(async () => {
  await t?.close();
  await gw?.close();
});

describe('the retention sweep', () => {
  it("purges an ended consent's code and links after the site's period, and a deleted account's files after it", async () => {
    const s = await signIn(t, gw, 'simpan@contoh.id');
    const doc = ok(await uploadDocument(t, s.token, f.types.kk, pdf('KK SIMPAN')), c.citizenDocument, 201).id;
    const consent = ok(await t.app.inject({ method: 'POST', url: '/api/v1/me/consents', headers: bearer(s.token), payload: { agencyId: f.bpjs, documentIds: [doc], purpose: 'Daftar JKN', expiresInDays: 1 } }), c.consentCreated, 201);
    const [file] = await t.ctx.db.select({ fileId: citizenDocuments.fileId }).from(citizenDocuments).where(eq(citizenDocuments.id, doc));

    // Day 1: the consent expired; day 10 after that it is still kept.
    t.clock.advance(DAY + 1000);
    expect((await sweepCitizenRetention(t.ctx)).consents).toBe(0);
    t.clock.advance(9 * DAY);
    expect((await sweepCitizenRetention(t.ctx)).consents).toBe(0);
    t.clock.advance(DAY);
    expect((await sweepCitizenRetention(t.ctx)).consents).toBe(1);
    const [row] = await t.ctx.db.select().from(citizenConsents).where(eq(citizenConsents.id, consent.id));
    expect(row).toMatchObject({ codeEnc: null, purgedAt: expect.any(Date) });
    expect(row.codeHash).toMatch(/^purged:/);
    const [{ n: links }] = await t.ctx.db.select({ n: count() }).from(sql`citizen_consent_documents`).where(sql`consent_id = ${consent.id}`);
    expect(links).toBe(0);
    // The document itself is the citizen's and stays.
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/me/documents/${doc}/content`, headers: bearer(s.token) })).statusCode).toBe(200);

    // The account is deleted: its files stay for the retention period (10 days, the site it shared with), then go.
    expect((await t.app.inject({ method: 'DELETE', url: '/api/v1/me', headers: bearer(s.token) })).statusCode).toBe(204);
    t.clock.advance(9 * DAY);
    expect((await sweepCitizenRetention(t.ctx)).accounts).toBe(0);
    expect(await t.ctx.db.select().from(storedFiles).where(eq(storedFiles.id, file.fileId!))).toHaveLength(1);
    t.clock.advance(DAY + 1000);
    expect(await sweepCitizenRetention(t.ctx)).toMatchObject({ accounts: 1, files: 1 });
    expect(await t.ctx.db.select().from(storedFiles).where(eq(storedFiles.id, file.fileId!))).toEqual([]);
    expect(await t.ctx.db.select().from(storedFileChunks).where(eq(storedFileChunks.fileId, file.fileId!))).toEqual([]);
    const [acc] = await t.ctx.db.select().from(citizens).where(eq(citizens.id, s.citizen.id));
    expect(acc).toMatchObject({ nameEnc: null, nikEnc: null, contactEnc: '', purgedAt: expect.any(Date) });
    // Swept again: nothing more to do.
    expect(await sweepCitizenRetention(t.ctx)).toMatchObject({ consents: 0, accounts: 0, files: 0 });
  }, 120_000);

  it('keeps the files of a deleted account that never shared for the default 30 days', async () => {
    const s = await signIn(t, gw, 'diam@contoh.id');
    ok(await uploadDocument(t, s.token, f.types.kk, pdf('KK DIAM')), c.citizenDocument, 201);
    await t.app.inject({ method: 'DELETE', url: '/api/v1/me', headers: bearer(s.token) });
    t.clock.advance(29 * DAY);
    expect((await sweepCitizenRetention(t.ctx)).accounts).toBe(0);
    t.clock.advance(DAY + 1000);
    expect((await sweepCitizenRetention(t.ctx)).accounts).toBe(1);
  }, 120_000);
});

describe('history', () => {
  it('shows a booking made while signed in, and not one made signed out', async () => {
    const s = await signIn(t, gw, 'riwayat@contoh.id');
    const today = t.clock.now();
    let start: string | undefined;
    let other: string | undefined;
    for (let d = 1; d <= 10 && !start; d++) {
      const date = new Date(today.getTime() + d * DAY).toISOString().slice(0, 10);
      const slots = ok(await t.app.inject({ url: `/api/v1/sites/${f.siteId}/services/${f.services.paspor}/slots?date=${date}` }), z.array(slotSchema));
      if (slots.length > 1) [start, other] = [slots[0].start, slots[1].start];
    }
    expect(start).toBeDefined();
    const booked = await t.app.inject({ method: 'POST', url: `/api/v1/sites/${f.siteId}/bookings`, headers: bearer(s.token), payload: { serviceId: f.services.paspor, start, nik: nik(7), name: 'Rina' } });
    const mine = ok(booked, bookingResponse, 201);
    const anon = await t.app.inject({ method: 'POST', url: `/api/v1/sites/${f.siteId}/bookings`, payload: { serviceId: f.services.paspor, start: other, nik: nik(8), name: 'Lain' } });
    ok(anon, bookingResponse, 201);
    const history = ok(await t.app.inject({ method: 'GET', url: '/api/v1/me/history', headers: bearer(s.token) }), z.array(c.historyItem));
    expect(history).toEqual([
      expect.objectContaining({ kind: 'booking', code: mine.code, at: new Date(start!).toISOString(), service: { id: f.services.paspor, name: 'Paspor baru' }, site: expect.objectContaining({ id: f.siteId }) }),
    ]);
  }, 120_000);
});
