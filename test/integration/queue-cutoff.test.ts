import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuedTicket } from '../../src/contracts/queue';
import { bearer, createTestApp, type TestApp } from '../support/app';
import { ok, problem } from '../support/contract';
import { createMppFixture, type MppFixture } from '../support/fixtures';

/**
 * The site's issuing cut-off (`queuePolicy.stopIssuingBeforeCloseMin`) as the kiosk and the
 * counter see it: a 409 `queue.closed` problem naming the field, with the next opening after
 * the current range. The decision itself is `domain/issuing`'s; this pins the problem document.
 */
let t: TestApp;
let f: MppFixture;

beforeAll(async () => {
  t = await createTestApp({ start: '2026-11-25T14:00:00+08:00' }); // Wednesday; the office closes at 15:00
  f = await createMppFixture(t, { settings: { queuePolicy: { stopIssuingBeforeCloseMin: 30 } } });
});
afterAll(async () => t?.close());

const at = (local: string) => t.clock.set(`${local}+08:00`);
const post = (url: string, token: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: bearer(token), payload });
const issue = (serviceId: string) => post(`/sites/${f.siteId}/tickets`, f.kioskToken, { serviceId });
const closed = async (res: ReturnType<typeof post>) => problem(await res, 409, 'queue.closed');

describe('issuing cut-off before closing', () => {
  it('issues up to the cut-off, then refuses with the next opening after this range', async () => {
    at('2026-11-25T14:30:00');
    ok(await issue(f.service.ktp), issuedTicket, 201);
    at('2026-11-25T14:31:00');
    const r = await closed(issue(f.service.ktp));
    expect(r).toMatchObject({ code: 'queue.closed', nextOpening: '2026-11-26T00:00:00.000Z', serviceId: f.service.ktp });
    expect(r.errors).toEqual([{ field: 'body.serviceId', code: 'closed', messages: expect.objectContaining({ id: expect.stringContaining('sudah ditutup untuk sesi ini') }) }]);
    expect(r.messages.id).toContain('Layanan buka kembali Kamis, 26 Nov 08.00 WITA');
    expect(r.messages.en).toContain('closed for this session');
  });

  it('on the Friday short day the next opening is Monday', async () => {
    at('2026-11-27T11:10:00');
    expect(await closed(issue(f.service.ktp))).toMatchObject({ code: 'queue.closed', nextOpening: '2026-11-30T00:00:00.000Z' });
  });

  it('holds a transfer to a service past its cut-off too', async () => {
    at('2026-11-25T14:00:00');
    const ticket = ok(await issue(f.service.ktp), issuedTicket, 201);
    at('2026-11-25T14:45:00');
    const r = await closed(post(`/tickets/${ticket.id}/transfer`, f.tokens.officer.dukcapil, { serviceId: f.service.bpjs }));
    expect(r).toMatchObject({ code: 'queue.closed', nextOpening: '2026-11-26T00:00:00.000Z', serviceId: f.service.bpjs });
    expect(r.errors?.[0]).toMatchObject({ field: 'body.serviceId', code: 'closed' });
  });
});
