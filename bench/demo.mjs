// Starts Loket in demo mode (MPP Samarinda, clock on a Wednesday 09:00 WITA) for benchmarks, on
// PostgreSQL when BENCH_DATABASE_URL is set (a fresh database is created and dropped), else PGlite.
import pg from 'pg';
import { startLoket, tempDir } from './lib.mjs';

export async function startDemo(extraEnv = {}) {
  const base = process.env.BENCH_DATABASE_URL;
  let env = { LOKET_DATA_DIR: tempDir() };
  let drop = async () => {};
  let url;
  if (base) {
    const name = `loket_bench_${Date.now()}_${process.pid}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(base);
    u.pathname = `/${name}`;
    url = u.toString();
    env = { DATABASE_URL: url, LOKET_DB_POOL_SIZE: process.env.BENCH_POOL ?? '20' };
    drop = async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  const server = await startLoket({ ...env, NODE_ENV: 'test', LOKET_DEMO: '1', LOKET_CLOCK_START: '2026-11-25T09:00:00+08:00', LOKET_JOBS: '0', ...extraEnv });
  const api = async (path, { method = 'GET', body, token } = {}) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const login = async (username) => (await api('/api/v1/auth/login', { method: 'POST', body: { username, password: 'loket-demo' } })).body.token;
  const sites = (await api('/api/v1/sites')).body;
  const site = sites.find((s) => s.slug === 'mpp-samarinda') ?? sites[0];
  return {
    server,
    api,
    login,
    site,
    databaseUrl: url,
    kind: base ? 'PostgreSQL' : 'PGlite',
    async stop() {
      await server.stop();
      await drop();
    },
  };
}
