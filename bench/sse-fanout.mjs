// SSE fan-out: N subscribers (default 5,000) on one server process's public site stream, held by
// two client threads (like separate devices; one client thread would itself be the bottleneck).
// An officer calls tickets; each call is timed from sending call-next to the moment the last
// subscriber has received its `ticket.called` event. Prints p50/p99 over the calls.
//   node bench/sse-fanout.mjs     BENCH_SUBSCRIBERS=5000 BENCH_CALLS=20 BENCH_THREADS=2
import http from 'node:http';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { fmt, machine } from './lib.mjs';

const now = () => performance.timeOrigin + performance.now();

if (!isMainThread) {
  // A client thread: holds its share of the subscribers and reports when all got a given call.
  const { url, path, count } = workerData;
  const { hostname, port } = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  let waiting = null;
  let connected = 0;
  const subscribe = (i) =>
    new Promise((resolve, reject) => {
      http
        .get({ hostname, port, path, agent, headers: { accept: 'text/event-stream' } }, (res) => {
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
              if (waiting && frame.includes('event: ticket.called') && frame.includes(waiting.ticketId) && waiting.pending.delete(i) && waiting.pending.size === 0) {
                parentPort.postMessage({ type: 'done', ticketId: waiting.ticketId, at: now() });
                waiting = null;
              }
            }
          });
        })
        .on('error', reject);
    });
  for (let i = 0; i < count; i += 250) await Promise.all(Array.from({ length: Math.min(250, count - i) }, (_, k) => subscribe(i + k)));
  parentPort.postMessage({ type: 'ready', connected });
  parentPort.on('message', (m) => {
    if (m.type === 'expect') waiting = { ticketId: m.ticketId, pending: new Set(Array.from({ length: count }, (_, i) => i)) };
    if (m.type === 'exit') process.exit(0);
  });
} else {
  const { startDemo } = await import('./demo.mjs');
  const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 5000);
  const CALLS = Number(process.env.BENCH_CALLS ?? 20);
  const THREADS = Number(process.env.BENCH_THREADS ?? 2);

  const demo = await startDemo();
  const { api, site } = demo;
  const counter = (await api(`/api/v1/sites/${site.id}/counters`)).body[0];
  const serviceId = counter.serviceIds[0];
  const admin = await demo.login('admin');
  const officer = await demo.login(`petugas-${/\d+/.exec(counter.name)[0]}`);

  const workers = [];
  let connected = 0;
  for (let t = 0; t < THREADS; t++) {
    const count = Math.floor(SUBSCRIBERS / THREADS) + (t < SUBSCRIBERS % THREADS ? 1 : 0);
    const w = new Worker(new URL(import.meta.url), { workerData: { url: demo.server.url, path: `/api/v1/sites/${site.id}/stream`, count } });
    connected += await new Promise((resolve) => w.once('message', (m) => resolve(m.connected)));
    workers.push(w);
  }
  console.log(`${connected} subscribers connected over ${THREADS} client threads`);

  const latencies = [];
  for (let c = 0; c < CALLS; c++) {
    const issued = await api(`/api/v1/sites/${site.id}/tickets`, { method: 'POST', body: { serviceId }, token: admin });
    if (issued.status !== 201) throw new Error(`issue failed: ${JSON.stringify(issued.body)}`);
    await new Promise((r) => setTimeout(r, 300)); // let the ticket.issued burst settle
    const done = Promise.all(
      workers.map((w) => {
        w.postMessage({ type: 'expect', ticketId: issued.body.id });
        return new Promise((resolve) => {
          const on = (m) => m.type === 'done' && m.ticketId === issued.body.id && (w.off('message', on), resolve(m.at));
          w.on('message', on);
        });
      }),
    );
    const t0 = now();
    const called = await api(`/api/v1/counters/${counter.id}/call-next`, { method: 'POST', token: officer });
    if (called.status !== 200) throw new Error(`call failed: ${called.status}`);
    latencies.push(Math.max(...(await done)) - t0);
    await api(`/api/v1/tickets/${issued.body.id}/no-show`, { method: 'POST', token: officer });
  }
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)];
  console.log(`machine: ${machine()}; database: ${demo.kind}`);
  console.log(`${SUBSCRIBERS} SSE subscribers, ${CALLS} calls: call → last subscriber p50 ${fmt(pct(50))} ms, p99 ${fmt(pct(99))} ms, max ${fmt(latencies.at(-1))} ms   budget p99 ≤ 500 ms`);
  for (const w of workers) w.postMessage({ type: 'exit' });
  await demo.stop();
  process.exit(0);
}
