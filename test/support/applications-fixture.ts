import { eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { documentTypes, services } from '../../src/server/modules/catalog/catalog.schema';
import { bearer, type TestApp } from './app';
import { createMppFixture, type MppFixtureOptions } from './fixtures';

/**
 * The MPP fixture with what applications need: the KK service of Disdukcapil takes 3 working
 * days with two requirements (KTP-el, the old KK), SIM of Polri is same-day (minutes), BPJS has a
 * standard in calendar days (no working-day deadline).
 */
export async function createApplicationsFixture(t: TestApp, opts: MppFixtureOptions = {}) {
  const f = await createMppFixture(t, opts);
  const db = t.ctx.db;
  await db
    .insert(documentTypes)
    .values([
      { id: uuidv7(), key: 'ktp_el', name: 'KTP-el' },
      { id: uuidv7(), key: 'kk', name: 'Kartu Keluarga' },
    ])
    .onConflictDoNothing();
  await db
    .update(services)
    .set({ durationUnit: 'working_days', durationValue: 3, requirements: [{ documentTypeKey: 'ktp_el', note: 'asli' }, { documentTypeKey: 'kk', note: 'KK lama' }], product: 'Kartu Keluarga baru' })
    .where(eq(services.id, f.service.kk));
  await db.update(services).set({ durationUnit: 'minutes', durationValue: 30 }).where(eq(services.id, f.service.sim));
  await db.update(services).set({ durationUnit: 'days', durationValue: 14 }).where(eq(services.id, f.service.bpjs));
  return f;
}

type Json = Record<string, any>;

/** `call(t)('POST', '/sites/…', token, body)`: status and JSON body of one request. */
export const caller =
  (t: TestApp) =>
  async (method: 'GET' | 'POST' | 'PUT', url: string, token?: string | null, payload?: unknown) => {
    const res = await t.app.inject({ method, url: `/api/v1${url}`, headers: token ? bearer(token) : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
    return { status: res.statusCode, body: (res.body && res.headers['content-type']?.toString().includes('json') ? res.json() : res.body) as Json, headers: res.headers, raw: res };
  };
