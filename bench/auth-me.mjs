// GET /api/v1/auth/me with a bearer token against a bare Fastify route in the same run:
// requests/s, p99 latency and their ratio (the cost of session lookup, memberships and the stack).
import { machine, load, run, startLoket, tempDir, waitFor, freePort, fmt } from './lib.mjs';

const loket = await startLoket({ LOKET_DATA_DIR: tempDir() });
const setup = await fetch(`${loket.url}/api/v1/setup`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'bench', displayName: 'Bench', password: 'bench-password-123' }),
});
const { token } = await setup.json();

const barePort = await freePort();
const bare = run(process.execPath, ['-e', `
  const app = require('fastify')();
  app.get('/bare', async () => ({ id: 'x', username: 'bench', displayName: 'Bench', locale: null, memberships: [] }));
  app.listen({ port: ${barePort}, host: '127.0.0.1' });
`]);
await waitFor(`http://127.0.0.1:${barePort}/bare`);

const opts = { connections: 10, duration: Number(process.env.BENCH_SECONDS ?? 10) };
await load({ ...opts, duration: 2, url: `${loket.url}/api/v1/auth/me`, headers: { authorization: `Bearer ${token}` } }); // warm-up
const me = await load({ ...opts, url: `${loket.url}/api/v1/auth/me`, headers: { authorization: `Bearer ${token}` } });
const base = await load({ ...opts, url: `http://127.0.0.1:${barePort}/bare` });

console.log(`machine: ${machine()}; ${opts.connections} connections, ${opts.duration} s each`);
console.log(`bare Fastify route:        ${fmt(base.requests.average, 0)} req/s  p50 ${base.latency.p50} ms  p99 ${base.latency.p99} ms`);
console.log(`GET /api/v1/auth/me:       ${fmt(me.requests.average, 0)} req/s  p50 ${me.latency.p50} ms  p99 ${me.latency.p99} ms  non-2xx ${me.non2xx}`);
console.log(`ratio auth/me / bare:      ${fmt((me.requests.average / base.requests.average) * 100)} %`);
await bare.stop();
await loket.stop();
