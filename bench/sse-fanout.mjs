// SSE fan-out: N subscribers (default 5,000) on one server process's public site stream; an
// officer calls tickets; we time each call from the moment the call-next request is sent to the
// moment the last subscriber has received its `ticket.called` event. Prints p50/p99 over the calls.
//   node bench/sse-fanout.mjs     BENCH_SUBSCRIBERS=5000 BENCH_CALLS=20
import http from 'node:http';
import { fmt, machine } from './lib.mjs';
import { startDemo } from './demo.mjs';

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 5000);
const CALLS = Number(process.env.BENCH_CALLS ?? 20);

const demo = await startDemo();
const { api, site } = demo;
const counters = (await api(`/api/v1/sites/${site.id}/counters`)).body;
const counter = counters[0];
const serviceId = counter.serviceIds[0];
const admin = await demo.login('admin');
const officer = await demo.login('petugas-1');

const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
const { hostname, port } = new URL(demo.server.url);
let waiting = null; // { ticketId, pending: Set<number>, resolve }
let connected = 0;

function subscribe(i) {
  return new Promise((resolve, reject) => {
    const req = http.get({ hostname, port, path: `/api/v1/sites/${site.id}/stream`, agent, headers: { accept: 'text/event-stream' } }, (res) => {
      res.setEncoding('utf8');
      let buf = '';
      connected++;
      resolve();
      res.on('data', (chunk) => {
        buf += chunk;
        let idx;
        while ((idx = buf.indexOf('\n\n')) >= 0) {
          const frame = buf.slice(0, idx);
          buf = buf.slice(idx + 2);
          if (!frame.includes('event: ticket.called') || !waiting) continue;
          const data = JSON.parse(frame.split('\n').find((l) => l.startsWith('data: ')).slice(6));
          if (data.ticketId === waiting.ticketId && waiting.pending.delete(i) && waiting.pending.size === 0) waiting.resolve();
        }
      });
    });
    req.on('error', reject);
  });
}

for (let i = 0; i < SUBSCRIBERS; i += 250) await Promise.all(Array.from({ length: Math.min(250, SUBSCRIBERS - i) }, (_, k) => subscribe(i + k)));
console.log(`${connected} subscribers connected`);

const latencies = [];
for (let c = 0; c < CALLS; c++) {
  const issued = await api(`/api/v1/sites/${site.id}/tickets`, { method: 'POST', body: { serviceId }, token: admin });
  if (issued.status !== 201) throw new Error(`issue failed: ${JSON.stringify(issued.body)}`);
  const done = new Promise((resolve) => (waiting = { ticketId: issued.body.id, pending: new Set(Array.from({ length: SUBSCRIBERS }, (_, i) => i)), resolve }));
  const t0 = performance.now();
  const called = await api(`/api/v1/counters/${counter.id}/call-next`, { method: 'POST', token: officer });
  if (called.status !== 200) throw new Error(`call failed: ${called.status}`);
  await done;
  latencies.push(performance.now() - t0);
  await api(`/api/v1/tickets/${issued.body.id}/no-show`, { method: 'POST', token: officer });
}
latencies.sort((a, b) => a - b);
const pct = (p) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)];
console.log(`machine: ${machine()}; database: ${demo.kind}`);
console.log(`${SUBSCRIBERS} SSE subscribers, ${CALLS} calls: call → last subscriber p50 ${fmt(pct(50))} ms, p99 ${fmt(pct(99))} ms, max ${fmt(latencies.at(-1))} ms   budget p99 ≤ 500 ms`);
agent.destroy();
await demo.stop();
process.exit(0);
