import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionResponse } from '../../src/contracts/access';
import { insertUserWithRoles } from '../../src/server/modules/access/users.service';
import { createTestApp, type TestApp } from '../support/app';
import { ok, problem } from '../support/contract';

/**
 * Staff sign-in limits (docs/api.md, "Sign-in and proof limits"): only failures count, per
 * address, per account and address (growing delays) and per account across addresses.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const PASSWORD = 'correct-horse-battery';
const login = (username: string, password: string, ip: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: ip });
const user = (username: string) => insertUserWithRoles(t.ctx.db, t.clock.now(), { username, displayName: username, password: PASSWORD, memberships: [{ role: 'auditor', siteId: null, agencyId: null }] });
/** Each test starts past every window of the one before. */
const nextDay = () => t.clock.advance(24 * 3600_000);

describe('per address', () => {
  it('lets 40 officers sign in correctly from one address, one after another and all at once', { timeout: 120_000 }, async () => {
    nextDay();
    const names = Array.from({ length: 40 }, (_, i) => `petugas-nat-${i + 1}`);
    for (const n of names) await user(n);
    for (const n of names) ok(await login(n, PASSWORD, '10.1.1.1'), sessionResponse);
    const together = await Promise.all(names.map((n) => login(n, PASSWORD, '10.1.1.1')));
    expect(together.map((r) => r.statusCode)).toEqual(names.map(() => 200));
  });

  it('counts failures only: the 31st failed attempt from one address is refused, other addresses are not', async () => {
    nextDay();
    await user('kasir-a');
    for (let i = 0; i < 29; i++) problem(await login(`nobody-${i}`, 'guess', '10.2.2.2'), 401, 'auth.invalid_credentials');
    // Successes in between use up nothing.
    for (let i = 0; i < 5; i++) ok(await login('kasir-a', PASSWORD, '10.2.2.2'), sessionResponse);
    problem(await login('nobody-29', 'guess', '10.2.2.2'), 401, 'auth.invalid_credentials');
    const refused = await login('kasir-a', PASSWORD, '10.2.2.2');
    expect(problem(refused, 429, 'auth.rate_limited')).toMatchObject({ code: 'auth.rate_limited', limit: 'address' });
    ok(await login('kasir-a', PASSWORD, '10.2.2.3'), sessionResponse);
    t.clock.advance(Number(refused.headers['retry-after']) * 1000);
    ok(await login('kasir-a', PASSWORD, '10.2.2.2'), sessionResponse);
  });
});

describe('per account and address', () => {
  it('after 5 wrong passwords the owner still signs in from another address', async () => {
    nextDay();
    await user('petugas-korban');
    for (let i = 0; i < 5; i++) problem(await login('petugas-korban', `guess-${i}`, '10.3.3.3'), 401, 'auth.invalid_credentials');
    const locked = await login('petugas-korban', PASSWORD, '10.3.3.3');
    const lockedProblem = problem(locked, 429, 'auth.rate_limited');
    expect(locked.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(locked.headers['retry-after']).toBe('1');
    expect(lockedProblem).toMatchObject({
      status: 429,
      code: 'auth.rate_limited',
      limit: 'account_address',
      retryAfter: 1,
      messages: { id: expect.stringContaining('1 detik'), en: expect.stringContaining('1 second') },
    });
    ok(await login('petugas-korban', PASSWORD, '10.3.3.4'), sessionResponse);
  });

  it('grows the delay 1 s, 2 s, 4 s … up to 15 minutes, and a success clears it', async () => {
    nextDay();
    await user('petugas-lupa');
    const ip = '10.4.4.4';
    for (let i = 0; i < 4; i++) problem(await login('petugas-lupa', 'wrong', ip), 401, 'auth.invalid_credentials');
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      problem(await login('petugas-lupa', 'wrong', ip), 401, 'auth.invalid_credentials');
      const refused = await login('petugas-lupa', 'wrong', ip);
      problem(refused, 429, 'auth.rate_limited');
      const wait = Number(refused.headers['retry-after']);
      waits.push(wait);
      // One second early is still refused; the stated wait is enough.
      if (wait > 1) {
        t.clock.advance((wait - 1) * 1000);
        problem(await login('petugas-lupa', PASSWORD, ip), 429, 'auth.rate_limited');
        t.clock.advance(1000);
      } else t.clock.advance(wait * 1000);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900]);
    ok(await login('petugas-lupa', PASSWORD, ip), sessionResponse);
    // Cleared: five more tries before the next delay.
    for (let i = 0; i < 4; i++) problem(await login('petugas-lupa', 'wrong', ip), 401, 'auth.invalid_credentials');
    ok(await login('petugas-lupa', PASSWORD, ip), sessionResponse);
  });

  it('lets at most the free tries through when guesses arrive all at once', async () => {
    nextDay();
    await user('petugas-serbu');
    const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => login('petugas-serbu', `guess-${i}`, '10.5.5.5')));
    const codes = burst.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401).length).toBeLessThanOrEqual(5);
    expect(codes.filter((c) => c !== 401).every((c) => c === 429), JSON.stringify(burst.filter((r) => r.statusCode !== 401 && r.statusCode !== 429).map((r) => r.body))).toBe(true);
  });

  it('limits unknown usernames the same way (no account oracle)', async () => {
    nextDay();
    for (let i = 0; i < 5; i++) problem(await login('tidak-ada', 'guess', '10.6.6.6'), 401, 'auth.invalid_credentials');
    const refused = await login('tidak-ada', 'guess', '10.6.6.6');
    expect(problem(refused, 429, 'auth.rate_limited').limit).toBe('account_address');
  });
});

describe('per account, across addresses', () => {
  it('refuses the account for the rest of the hour after 100 failures spread over many addresses', async () => {
    nextDay();
    await user('kepala-dinas');
    // Four guesses from each of 25 addresses: no single pair reaches its delays.
    for (let a = 0; a < 25; a++) {
      for (let i = 0; i < 4; i++) problem(await login('kepala-dinas', `guess-${a}-${i}`, `10.7.${a}.1`), 401, 'auth.invalid_credentials');
      t.clock.advance(1000);
    }
    const refused = await login('kepala-dinas', PASSWORD, '10.8.8.8');
    expect(problem(refused, 429, 'auth.rate_limited')).toMatchObject({ code: 'auth.rate_limited', limit: 'account' });
    const wait = Number(refused.headers['retry-after']);
    expect(wait).toBeGreaterThan(3500);
    expect(wait).toBeLessThanOrEqual(3600);
    // Other accounts are not affected.
    await user('staf-lain');
    ok(await login('staf-lain', PASSWORD, '10.8.8.8'), sessionResponse);
    t.clock.advance(wait * 1000);
    ok(await login('kepala-dinas', PASSWORD, '10.8.8.8'), sessionResponse);
  });
});
