import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { withDatabase } from '../support/db';
import { json, PROCESS_TEST_TIMEOUT, startServerProcess, type ServerProcess } from '../support/process';

/**
 * Two server processes on one PostgreSQL: both start and migrate at the same moment (advisory
 * lock), and a call made through one reaches an SSE client connected to the other.
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)('two processes on one PostgreSQL', () => {
  const base = process.env.TEST_DATABASE_URL ?? 'postgres://skipped/';
  const name = `loket_mp_${randomBytes(5).toString('hex')}`;
  const url = withDatabase(base, name);
  const servers: ServerProcess[] = [];

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  });

  it('migrate together, then share realtime events', async () => {
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();

    const env = { DATABASE_URL: url, LOKET_CLOCK_START: '2026-11-25T09:00:00+08:00', LOKET_JOBS: '0' };
    servers.push(...(await Promise.all([startServerProcess(env), startServerProcess(env)])));
    const [a, b] = servers;
    expect((await json(`${a.url}/api/ready`)).status).toBe(200);
    expect((await json(`${b.url}/api/ready`)).status).toBe(200);

    // Demo data through the CLI (a third process), then use it through both servers.
    const seed = spawnSync(process.execPath, ['bin/loket.mjs', 'seed', '--demo'], { env: { ...process.env, ...env, NODE_ENV: 'test', LOKET_SECRET: 'process-test-secret-process-test-secret' }, encoding: 'utf8' });
    expect(seed.status, seed.stderr).toBe(0);

    const login = async (username: string) => (await json(`${a.url}/api/v1/auth/login`, { method: 'POST', body: { username, password: 'loket-demo' } })).body.token as string;
    const site = (await json(`${a.url}/api/v1/sites`)).body.find((s: { slug: string }) => s.slug === 'mpp-samarinda');
    const counter = (await json(`${a.url}/api/v1/sites/${site.id}/counters`)).body[0];
    const adminToken = await login('admin');
    const officer = await login(`petugas-${/\d+/.exec(counter.name)![0]}`);

    // An SSE client on B.
    const controller = new AbortController();
    const res = await fetch(`${b.url}/api/v1/sites/${site.id}/stream`, { signal: controller.signal });
    const reader = res.body!.getReader();
    const frames: string[] = [];
    const reading = (async () => {
      const dec = new TextDecoder();
      let buf = '';
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        buf += dec.decode(value, { stream: true });
        let i;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          frames.push(buf.slice(0, i));
          buf = buf.slice(i + 2);
        }
      }
    })();

    // Issue and call through A.
    const issued = await json(`${a.url}/api/v1/sites/${site.id}/tickets`, { method: 'POST', headers: { authorization: `Bearer ${adminToken}` }, body: { serviceId: counter.serviceIds[0] } });
    expect(issued.status).toBe(201);
    const called = await json(`${a.url}/api/v1/counters/${counter.id}/call-next`, { method: 'POST', headers: { authorization: `Bearer ${officer}` } });
    expect(called.status).toBe(200);

    await expect.poll(() => frames.some((f) => f.includes('event: ticket.called') && f.includes(issued.body.id)), { timeout: 10_000 }).toBe(true);
    const calledFrame = frames.find((f) => f.includes('event: ticket.called'))!;
    expect(calledFrame).toMatch(/^id: \d+$/m);
    controller.abort();
    await reading;
  }, PROCESS_TEST_TIMEOUT);
});
