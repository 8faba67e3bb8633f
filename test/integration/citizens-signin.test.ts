/**
 * Citizens' sign-in by one-time code (issue #12, item 1) through a real SMS/WhatsApp gateway on
 * loopback: codes expire, die after 5 wrong tries, are stored hashed, are throttled per contact
 * and per address; phone numbers are normalised and stored encrypted; citizen and staff sessions
 * never stand in for each other.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as c from '../../src/contracts/citizens';
import { citizenLoginCodes, citizens } from '../../src/server/modules/citizens/citizens.schema';
import { rows } from '../../src/server/platform/db';
import { bearer, type TestApp } from '../support/app';
import { ok, problem } from '../support/contract';
import { citizensApp, createCitizensFixture, signIn, type CitizensFixture, type Gateway } from '../support/citizens';

let t: TestApp;
let gw: Gateway;
let f: CitizensFixture;

beforeAll(async () => {
  ({ t, gw } = await citizensApp());
  f = await createCitizensFixture(t);
});
afterAll(async () => {
  await t?.close();
  await gw?.close();
});

const login = (contact: string, remoteAddress = '127.0.0.1') => t.app.inject({ method: 'POST', url: '/api/v1/citizen/login', payload: { contact }, remoteAddress });
const verify = (contact: string, code: string, remoteAddress = '127.0.0.1') => t.app.inject({ method: 'POST', url: '/api/v1/citizen/verify', payload: { contact, code }, remoteAddress });
const accepted = async (res: ReturnType<typeof login>) => ok(await res, c.loginAccepted, 202);
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('a sign-in code', () => {
  it('is sent through the gateway as citizen.login_code with a 6-character data.code, to the normalised number', async () => {
    const res = await login('0812-1111-2222', '127.0.1.1');
    expect(ok(res, c.loginAccepted, 202)).toMatchObject({ channel: 'phone', sentTo: '+62812•••••222', expiresInSeconds: 600, resendAfterSeconds: 30 });
    const m = gw.messages.at(-1)!;
    expect(m).toMatchObject({ kind: 'citizen.login_code', to: { phone: '+6281211112222' } });
    expect(String(m.data?.code)).toMatch(/^\d{6}$/);
    expect(m.text).toContain(String(m.data?.code));
  });

  it('opens a session, and 0812…, +62 812… and 62812… are one account, stored encrypted with a blind index', async () => {
    const a = await signIn(t, gw, '0812-3333-4444', '+6281233334444');
    const b = await signIn(t, gw, '+62 812 3333 4444', '+6281233334444');
    const d = await signIn(t, gw, '6281233334444', '+6281233334444');
    expect(a.token).toMatch(/^lc_/);
    expect(b.citizen.id).toBe(a.citizen.id);
    expect(d.citizen.id).toBe(a.citizen.id);
    expect(a.citizen).toMatchObject({ contact: '+6281233334444', contactKind: 'phone', nik: null, nikVerified: false, name: null });
    const stored = await rows<Record<string, unknown>>(t.ctx.db, sql`SELECT * FROM citizens WHERE id = ${a.citizen.id}`);
    expect(JSON.stringify(stored)).not.toContain('81233334444');
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(a.token) });
    expect(ok(me, c.citizenSelf).id).toBe(a.citizen.id);
  });

  it('is kept only as an HMAC', async () => {
    await accepted(login('hash@contoh.id', '127.0.1.2'));
    const code = gw.codeFor('hash@contoh.id');
    const all = await t.ctx.db.select().from(citizenLoginCodes);
    expect(JSON.stringify(all)).not.toContain(code);
  });

  it('answers 401 when wrong, and dies after 5 wrong tries even for the right code', async () => {
    await accepted(login('lima@contoh.id', '127.0.1.3'));
    const code = gw.codeFor('lima@contoh.id');
    for (let i = 0; i < 5; i++) {
      const r = await verify('lima@contoh.id', wrong(code), '127.0.1.3');
      expect(problem(r, 401, 'citizen.code_invalid')).toMatchObject({ code: 'citizen.code_invalid', errors: [{ field: 'body.code' }] });
    }
    const late = await verify('lima@contoh.id', code, '127.0.1.3');
    problem(late, 401, 'citizen.code_invalid');
  });

  it('expires after 10 minutes', async () => {
    await accepted(login('basi@contoh.id', '127.0.1.4'));
    const code = gw.codeFor('basi@contoh.id');
    t.clock.advance(10 * 60_000 + 1000);
    problem(await verify('basi@contoh.id', code, '127.0.1.4'), 401, 'citizen.code_invalid');
  });

  it('is used once, and a newer code makes the older one useless', async () => {
    await accepted(login('sekali@contoh.id', '127.0.1.5'));
    const first = gw.codeFor('sekali@contoh.id');
    t.clock.advance(31_000);
    await accepted(login('sekali@contoh.id', '127.0.1.5'));
    const second = gw.codeFor('sekali@contoh.id');
    if (first !== second) problem(await verify('sekali@contoh.id', first, '127.0.1.5'), 401, 'citizen.code_invalid');
    ok(await verify('sekali@contoh.id', second, '127.0.1.5'), c.citizenSession);
    problem(await verify('sekali@contoh.id', second, '127.0.1.5'), 401, 'citizen.code_invalid');
  });
});

describe('throttling', () => {
  it('refuses a new code to the same contact within 30 s, and past 5 codes an hour, with Retry-After', async () => {
    const contact = 'sering@contoh.id';
    await accepted(login(contact, '127.0.2.1'));
    const soon = await login(contact, '127.0.2.2');
    expect(problem(soon, 429, 'citizen.code_throttled')).toMatchObject({ code: 'citizen.code_throttled', limit: 'contact_30s' });
    expect(Number(soon.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(soon.headers['retry-after'])).toBeLessThanOrEqual(30);
    for (let i = 0; i < 4; i++) {
      t.clock.advance(31_000);
      await accepted(login(contact, '127.0.2.1'));
    }
    t.clock.advance(31_000);
    const sixth = await login(contact, '127.0.2.1');
    expect(problem(sixth, 429, 'citizen.code_throttled').limit).toBe('contact_hour');
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(30);
    t.clock.advance(3600_000);
    await accepted(login(contact, '127.0.2.1'));
  });

  it('refuses a 21st code an hour from one address, whatever the contacts', async () => {
    for (let i = 0; i < 20; i++) await accepted(login(`orang${i}@contoh.id`, '127.0.3.1'));
    const r = await login('orang20@contoh.id', '127.0.3.1');
    expect(problem(r, 429, 'citizen.code_throttled').limit).toBe('address');
    await accepted(login('orang20@contoh.id', '127.0.3.2'));
  });

  it('names the field of a contact that is neither an email nor an Indonesian mobile number', async () => {
    for (const contact of ['0541-123456', 'bukan-email@', '+60123456789', '']) {
      const r = await login(contact, '127.0.4.1');
      expect(problem(r, 400).errors?.[0], contact).toMatchObject({ field: 'body.contact', messages: { id: expect.any(String), en: expect.any(String) } });
    }
  });
});

describe('sessions', () => {
  it('keeps citizen and staff sessions apart: each token is refused on the other side', async () => {
    const citizen = await signIn(t, gw, 'pisah@contoh.id');
    const staff = await f.officer(f.bpjs);
    for (const url of ['/api/v1/auth/me', '/api/v1/audit', `/api/v1/sites/${f.siteId}/devices`, '/api/v1/shared/ABCD-2345']) {
      const r = await t.app.inject({ method: 'GET', url, headers: bearer(citizen.token) });
      problem(r, 401);
    }
    for (const url of ['/api/v1/me', '/api/v1/me/documents', '/api/v1/me/access-log', '/api/v1/me/consents']) {
      const r = await t.app.inject({ method: 'GET', url, headers: bearer(staff) });
      problem(r, 401, 'citizen.unauthenticated');
    }
    // The citizen's cookie is not a staff cookie either.
    const viaCookie = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: citizen.cookies.cookie } });
    problem(viaCookie, 401);
  });

  it('takes the cookie, and a cookie write needs the CSRF header', async () => {
    const s = await signIn(t, gw, 'kuki@contoh.id');
    ok(await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: s.cookies.cookie } }), c.citizenSelf);
    const noCsrf = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie: s.cookies.cookie }, payload: { name: 'Siti Aminah' } });
    problem(noCsrf, 403, 'citizen.csrf');
    const named = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie: s.cookies.cookie, 'x-citizen-csrf': s.cookies.csrf }, payload: { name: 'Siti Aminah' } });
    expect(ok(named, c.citizenSelf).name).toBe('Siti Aminah');
  });

  it('ends at sign-out, and a deleted account is signed out everywhere', async () => {
    const a = await signIn(t, gw, 'keluar@contoh.id');
    const b = await signIn(t, gw, 'keluar@contoh.id');
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/citizen/logout', headers: bearer(a.token) })).statusCode).toBe(204);
    problem(await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(a.token) }), 401, 'citizen.unauthenticated');
    ok(await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(b.token) }), c.citizenSelf);
    expect((await t.app.inject({ method: 'DELETE', url: '/api/v1/me', headers: bearer(b.token) })).statusCode).toBe(204);
    problem(await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(b.token) }), 401, 'citizen.unauthenticated');
    // Signing in again with the same contact opens a new, empty account.
    const again = await signIn(t, gw, 'keluar@contoh.id');
    expect(again.citizen.id).not.toBe(b.citizen.id);
    const [{ n }] = await rows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM ${citizens} WHERE deleted_at IS NOT NULL`);
    expect(n).toBeGreaterThanOrEqual(1);
  });
});

describe('profile', () => {
  it('takes a declared NIK, masks it, and names the field of a wrong one in both languages', async () => {
    const s = await signIn(t, gw, 'nik@contoh.id');
    const bad = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: bearer(s.token), payload: { nik: '6472013102900001' } });
    expect(problem(bad, 400).errors?.[0]).toMatchObject({ field: 'body.nik', code: 'nik.invalid_birth_date' });
    const declared = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: bearer(s.token), payload: { nik: '6472015007900001', name: 'Ani Wijaya' } });
    expect(ok(declared, c.citizenSelf)).toMatchObject({ nik: '6472••••••••0001', nikVerified: false, name: 'Ani Wijaya' });
    const stored = await rows<Record<string, unknown>>(t.ctx.db, sql`SELECT * FROM citizens WHERE id = ${s.citizen.id}`);
    expect(JSON.stringify(stored)).not.toContain('6472015007900001');
    expect(JSON.stringify(stored)).not.toContain('Ani Wijaya');
  });
});

describe('sessions (/akun: where am I signed in)', () => {
  it('lists the live sessions with their browser, marks this one, and signs another out at once', async () => {
    const ua = 'Mozilla/5.0 (Linux; Android 13) Chrome/120 Mobile';
    const sent = await t.app.inject({ method: 'POST', url: '/api/v1/citizen/login', payload: { contact: 'sesi@contoh.id' }, remoteAddress: '127.0.9.1' });
    expect(sent.statusCode).toBe(202);
    const opened = await t.app.inject({ method: 'POST', url: '/api/v1/citizen/verify', payload: { contact: 'sesi@contoh.id', code: gw.codeFor('sesi@contoh.id') }, remoteAddress: '127.0.9.1', headers: { 'user-agent': ua } });
    expect(opened.statusCode, opened.body).toBe(200);
    const phone = opened.json().token as string;
    t.clock.advance(31_000);
    const laptop = await signIn(t, gw, 'sesi@contoh.id');

    const list = await t.app.inject({ method: 'GET', url: '/api/v1/me/sessions', headers: bearer(laptop.token) });
    expect(list.statusCode, list.body).toBe(200);
    const sessions = list.json() as Array<{ id: string; current: boolean; userAgent: string | null }>;
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    const other = sessions.find((s) => !s.current)!;
    expect(other.userAgent).toBe(ua);

    // Another citizen cannot end it (404, like an unknown id); a staff token is not a citizen's.
    const stranger = await signIn(t, gw, 'asing@contoh.id');
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/me/sessions/${other.id}`, headers: bearer(stranger.token) })).statusCode).toBe(404);
    const staff = await f.officer(f.bpjs);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me/sessions', headers: bearer(staff) })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(phone) })).statusCode).toBe(200);

    const ended = await t.app.inject({ method: 'DELETE', url: `/api/v1/me/sessions/${other.id}`, headers: bearer(laptop.token) });
    expect(ended.statusCode, ended.body).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(phone) })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/me/sessions/${other.id}`, headers: bearer(laptop.token) })).statusCode).toBe(404);
    const after = (await t.app.inject({ method: 'GET', url: '/api/v1/me/sessions', headers: bearer(laptop.token) })).json();
    expect(after.map((s: { id: string }) => s.id)).toEqual([sessions.find((s) => s.current)!.id]);
  });
});
