import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUserWithRoles } from '../../src/server/modules/access/users.service';
import { bearer, createTestApp, type TestApp } from '../support/app';

// The log of a real app (the options buildApp gives every logger) captured in memory.
const lines: string[] = [];
const stream = { write: (s: string) => void lines.push(s) };
const logged = () => lines.join('');

const PASSWORD = 'kuda-liar-baterai-benar-77';
const NIK = '6472010507900042';
const PHONE = '081298765432';
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({
    logger: { level: 'info', stream },
    beforeReady: (app, ctx) => {
      // Routes that fail inside the database with secrets among the statement's parameters.
      app.post('/test/user-with-nul', async () => {
        await insertUserWithRoles(ctx.db, ctx.clock.now(), { username: 'nul-user', displayName: 'Nama\u0000Rusak', password: PASSWORD, memberships: [] });
        return { ok: true };
      });
      app.post('/test/nik-as-uuid', async () => {
        await ctx.db.execute(sql`SELECT ${NIK}::uuid AS id, ${PHONE}::text AS phone`);
        return { ok: true };
      });
      app.post('/test/duplicate', async () => {
        await ctx.db.execute(sql`CREATE TEMP TABLE IF NOT EXISTS t_nik (nik text PRIMARY KEY)`);
        await ctx.db.execute(sql`INSERT INTO t_nik VALUES (${NIK}) ON CONFLICT DO NOTHING`);
        await ctx.db.execute(sql`INSERT INTO t_nik VALUES (${NIK})`);
        return { ok: true };
      });
    },
  });
});
afterAll(async () => t?.close());

describe('the log of a failed query', () => {
  it('keeps the SQL and the database error, never the parameters (argon2 hash of a new user)', async () => {
    lines.length = 0;
    const res = await t.app.inject({ method: 'POST', url: '/test/user-with-nul', headers: { authorization: 'Bearer secret-session-token' } });
    // The database refused the input: a 400 for the client (platform/pg-problem), logged as a warning.
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toContain('argon2');
    const entry = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'database refused the input');
    expect(entry, logged()).toBeDefined();
    // Useful for the operator: the statement and the database's reason are still there…
    expect(entry.err.query).toMatch(/insert into "users"/i);
    expect(JSON.stringify(entry.err)).toMatch(/invalid byte sequence|0x00/);
    // …but not what was in it.
    expect(entry.err.params).toBeUndefined();
    expect(logged()).not.toContain('$argon2');
    expect(logged()).not.toContain('Nama');
    expect(logged()).not.toContain(PASSWORD);
    expect(logged()).not.toContain('secret-session-token');
  });

  it('drops values PostgreSQL repeats in its own message, detail and context (NIK, phone)', async () => {
    lines.length = 0;
    expect((await t.app.inject({ method: 'POST', url: '/test/nik-as-uuid' })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'POST', url: '/test/duplicate' })).statusCode).toBe(409);
    const errors = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'database refused the input');
    expect(errors).toHaveLength(2);
    expect(JSON.stringify(errors[0].err)).toContain('invalid input syntax for type uuid');
    expect(JSON.stringify(errors[1].err)).toContain('23505');
    expect(logged()).not.toContain(NIK);
    expect(logged()).not.toContain(PHONE);
  });

  it('the same through a real staff route (POST /users with a NUL display name)', async () => {
    lines.length = 0;
    const admin = await t.userToken({ memberships: [{ role: 'platform_admin', siteId: null, agencyId: null }] });
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: bearer(admin), payload: { username: 'petugas-nul', displayName: 'Petugas\u0000Nul', password: PASSWORD, memberships: [{ role: 'platform_admin', siteId: null, agencyId: null }] } });
    // Whether the input is refused first (400) or reaches the database (500), no secret is logged.
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(logged()).not.toContain('$argon2');
    expect(logged()).not.toContain(PASSWORD);
    expect(logged()).not.toContain(admin);
  });
});
