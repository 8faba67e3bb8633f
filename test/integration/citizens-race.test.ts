/**
 * A revocation raced against concurrent reads over real HTTP (issue #12): no read is granted once
 * the revocation has committed, and every granted read is in the citizen's access log. Runs on
 * PGlite and, with TEST_DATABASE_URL, on PostgreSQL (where the reads really run in parallel and
 * the FOR SHARE lock on the consent is what orders them against the revoking UPDATE).
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenDocument, consentCreated } from '../../src/contracts/citizens';
import { citizenAccessLog } from '../../src/server/modules/citizens/citizens.schema';
import type { TestApp } from '../support/app';
import { ok, okHttp } from '../support/contract';
import { citizensApp, createCitizensFixture, pdf, signIn, uploadDocument, type CitizensFixture, type Gateway } from '../support/citizens';

let t: TestApp;
let gw: Gateway;
let f: CitizensFixture;
let base: string;
let citizen: string;
let officer: string;
let doc: string;

beforeAll(async () => {
  ({ t, gw } = await citizensApp());
  f = await createCitizensFixture(t);
  citizen = (await signIn(t, gw, 'balapan@contoh.id')).token;
  officer = await f.officer(f.bpjs);
  doc = ok(await uploadDocument(t, citizen, f.types.kk, pdf('KK BALAPAN')), citizenDocument, 201).id;
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}/api/v1`;
});
afterAll(async () => {
  await t?.close();
  await gw?.close();
});

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

describe('revoking while an officer reads', () => {
  it('grants no read after the revocation commits, and logs every read it granted', async () => {
    let grantedInAll = 0;
    for (let round = 0; round < 3; round++) {
      const created = await fetch(`${base}/me/consents`, { method: 'POST', headers: { ...auth(citizen), 'content-type': 'application/json' }, body: JSON.stringify({ agencyId: f.bpjs, documentIds: [doc], purpose: `Balapan ${round}` }) });
      const { id, shareCode } = await okHttp(created, consentCreated, 201);

      let revokedAt = Infinity;
      const reads: Array<{ startedAt: number; status: number }> = [];
      const read = async () => {
        const startedAt = performance.now();
        const res = await fetch(`${base}/shared/${shareCode}/documents/${doc}/content`, { headers: auth(officer) });
        await res.arrayBuffer();
        reads.push({ startedAt, status: res.status });
      };
      // Waves of reads before, during and after the revocation.
      const readers = Array.from({ length: 8 }, async () => {
        for (let i = 0; i < 6; i++) await read();
      });
      await new Promise((r) => setTimeout(r, 30 + round * 20));
      const revoke = fetch(`${base}/me/consents/${id}`, { method: 'DELETE', headers: auth(citizen) }).then((res) => {
        revokedAt = performance.now();
        return res.status;
      });
      expect(await revoke).toBe(204);
      await Promise.all(readers);
      // And after everything settled: still refused.
      await read();

      const after = reads.filter((r) => r.startedAt > revokedAt);
      expect(after.length).toBeGreaterThan(0);
      expect(after.filter((r) => r.status !== 404)).toEqual([]);
      expect(reads.every((r) => r.status === 200 || r.status === 404)).toBe(true);
      const granted = reads.filter((r) => r.status === 200).length;
      const logged = await t.ctx.db.select().from(citizenAccessLog).where(and(eq(citizenAccessLog.consentId, id), eq(citizenAccessLog.action, 'document.read')));
      expect(logged.length).toBe(granted);
      const refused = await t.ctx.db.select().from(citizenAccessLog).where(and(eq(citizenAccessLog.consentId, id), eq(citizenAccessLog.action, 'read_refused')));
      expect(refused.length).toBe(reads.length - granted);
      grantedInAll += granted;
    }
    // The race was a race: reads before the revocation were granted.
    expect(grantedInAll).toBeGreaterThan(0);
  }, 180_000);
});
