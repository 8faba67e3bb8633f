// Queue operations over HTTP against raw SQL doing the same work, in the same run and database.
// One cycle = issue a ticket (staff), call-next, start, finish at one counter: four operations.
//  1. Throughput: W workers (one per counter) run cycles back to back for BENCH_SECONDS.
//  2. Latency at a fixed rate: 200 operations/s (50 cycles/s) for BENCH_SECONDS, p50/p99 per op.
// Then the same operations as raw SQL (advisory lock, sequence upsert, ticket row, event row;
// SKIP LOCKED call; conditional updates) through one pool, for the ratio.
//   node bench/queue-load.mjs     BENCH_DATABASE_URL=postgres://… for PostgreSQL (else PGlite)
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { fmt, machine } from './lib.mjs';
import { startDemo } from './demo.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 8);
const RATE = Number(process.env.BENCH_RATE ?? 200);

const demo = await startDemo();
const { api, site } = demo;
const admin = await demo.login('admin');
const counters = (await api(`/api/v1/sites/${site.id}/counters`)).body.filter((c) => c.serviceIds.length);
// Counters of distinct services so workers do not steal each other's tickets.
const lanes = [];
const usedServices = new Set();
for (const c of counters) {
  const serviceId = c.serviceIds.find((s) => !usedServices.has(s));
  if (!serviceId || lanes.length >= WORKERS) continue;
  usedServices.add(serviceId);
  const number = Number(/\d+/.exec(c.name)?.[0] ?? c.number);
  lanes.push({ counter: c, serviceId, token: await demo.login(`petugas-${number}`) });
}

const pct = (xs, p) => xs[Math.min(xs.length - 1, Math.max(0, Math.ceil((p / 100) * xs.length) - 1))];

async function cycleHttp(lane, lat) {
  const timed = async (fn) => {
    const t0 = performance.now();
    const r = await fn();
    lat?.push(performance.now() - t0);
    return r;
  };
  const issued = await timed(() => api(`/api/v1/sites/${site.id}/tickets`, { method: 'POST', token: admin, body: { serviceId: lane.serviceId } }));
  if (issued.status !== 201) throw new Error(`issue ${issued.status} ${JSON.stringify(issued.body)}`);
  const called = await timed(() => api(`/api/v1/counters/${lane.counter.id}/call-next`, { method: 'POST', token: lane.token }));
  if (called.status !== 200) throw new Error(`call ${called.status} ${JSON.stringify(called.body)}`);
  const id = called.body.ticket.id;
  const s = await timed(() => api(`/api/v1/tickets/${id}/start`, { method: 'POST', token: lane.token }));
  if (s.status !== 200) throw new Error(`start ${s.status}`);
  const f = await timed(() => api(`/api/v1/tickets/${id}/finish`, { method: 'POST', token: lane.token, body: {} }));
  if (f.status !== 200) throw new Error(`finish ${f.status} ${JSON.stringify(f.body)}`);
}

async function closedLoop(cycle) {
  let cycles = 0;
  const until = performance.now() + SECONDS * 1000;
  const t0 = performance.now();
  await Promise.all(lanes.map(async (lane) => {
    while (performance.now() < until) {
      await cycle(lane);
      cycles++;
    }
  }));
  return (cycles * 4) / ((performance.now() - t0) / 1000);
}

async function fixedRate(cycle) {
  const lat = [];
  const perSecond = RATE / 4;
  const jobs = [];
  const t0 = performance.now();
  for (let i = 0; i < perSecond * SECONDS; i++) {
    const at = t0 + (i * 1000) / perSecond;
    const wait = at - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    jobs.push(cycle(lanes[i % lanes.length], lat));
  }
  await Promise.all(jobs);
  return lat.sort((a, b) => a - b);
}

// Per lane, cycles must not overlap (one counter serves one ticket at a time).
const serial = (cycle) => {
  const chains = new Map();
  return (lane, lat) => {
    const next = (chains.get(lane) ?? Promise.resolve()).then(() => cycle(lane, lat));
    chains.set(lane, next.catch(() => {}));
    return next;
  };
};

const httpOps = await closedLoop((lane) => cycleHttp(lane));
const httpLat = await fixedRate(serial(cycleHttp));

// Raw SQL: the same writes, straight through a pool (PostgreSQL) or PGlite in this process is not
// possible while the server owns the directory, so the raw baseline needs PostgreSQL.
let rawOps = null;
let rawLat = null;
if (demo.databaseUrl) {
  const pool = new pg.Pool({ connectionString: demo.databaseUrl, max: 20 });
  let day = 0;
  const date = () => `2099-01-${String(1 + (day % 28)).padStart(2, '0')}`;
  const tx = async (fn) => {
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      await c.query(`SELECT pg_advisory_xact_lock(hashtext('queue:' || $1))`, [site.id]);
      const r = await fn(c);
      await c.query('COMMIT');
      return r;
    } catch (e) {
      await c.query('ROLLBACK');
      throw e;
    } finally {
      c.release();
    }
  };
  const event = (c, type, id) => c.query(`INSERT INTO events (site_id, type, aggregate_type, aggregate_id, payload, meta, created_at) VALUES ($1, $2, 'ticket', $3, '{}', '{}', now())`, [site.id, type, id]);
  const cycleRaw = async (lane, lat) => {
    const timed = async (fn) => {
      const t0 = performance.now();
      const r = await tx(fn);
      lat?.push(performance.now() - t0);
      return r;
    };
    const d = date();
    await timed(async (c) => {
      const { rows: [s] } = await c.query(`INSERT INTO ticket_sequences (site_id, prefix, local_date, last) VALUES ($1, 'RAW', $2, 1) ON CONFLICT (site_id, prefix, local_date) DO UPDATE SET last = ticket_sequences.last + 1 RETURNING last`, [site.id, d]);
      const visit = randomUUID();
      await c.query(`INSERT INTO visits (id, site_id, tracking_code, local_date, created_at) VALUES ($1, $2, $3, $4, now())`, [visit, site.id, randomUUID().slice(0, 12), d]);
      const id = randomUUID();
      await c.query(
        `INSERT INTO tickets (id, site_id, visit_id, service_id, agency_id, prefix, local_date, seq, number, status, source, issued_at, queued_at, updated_at)
         SELECT $1, $2, $3, s.id, s.agency_id, 'RAW', $4, $5, $7, 'waiting', 'walk_in', now(), now(), now() FROM services s WHERE s.id = $6`,
        [id, site.id, visit, d, s.last, lane.serviceId, `RAW-${s.last}`],
      );
      await event(c, 'ticket.issued', id);
    });
    const id = await timed(async (c) => {
      const { rows: [t] } = await c.query(`SELECT id FROM tickets WHERE site_id = $1 AND local_date = $2 AND service_id = $3 AND status = 'waiting' ORDER BY queued_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`, [site.id, d, lane.serviceId]);
      await c.query(`UPDATE tickets SET status = 'called', counter_id = $2, called_at = now(), updated_at = now() WHERE id = $1 AND status = 'waiting'`, [t.id, lane.counter.id]);
      await event(c, 'ticket.called', t.id);
      return t.id;
    });
    await timed(async (c) => {
      await c.query(`UPDATE tickets SET status = 'serving', started_at = now(), updated_at = now() WHERE id = $1 AND status = 'called'`, [id]);
      await event(c, 'ticket.started', id);
    });
    await timed(async (c) => {
      await c.query(`UPDATE tickets SET status = 'done', finished_at = now(), updated_at = now() WHERE id = $1 AND status = 'serving'`, [id]);
      await event(c, 'ticket.finished', id);
    });
  };
  rawOps = await closedLoop((lane) => cycleRaw(lane));
  day++;
  rawLat = await fixedRate(serial(cycleRaw));
  await pool.end();
}
await demo.stop();

console.log(`machine: ${machine()}; database: ${demo.kind}; ${lanes.length} counters; ${SECONDS} s per phase`);
console.log(`HTTP  throughput: ${fmt(httpOps, 0)} ops/s   at ${RATE} ops/s: p50 ${fmt(pct(httpLat, 50))} ms  p99 ${fmt(pct(httpLat, 99))} ms  (budget p99 ≤ 25 ms)`);
if (rawOps) {
  console.log(`raw SQL throughput: ${fmt(rawOps, 0)} ops/s   at ${RATE} ops/s: p50 ${fmt(pct(rawLat, 50))} ms  p99 ${fmt(pct(rawLat, 99))} ms`);
  console.log(`ratio HTTP / raw SQL throughput: ${fmt((httpOps / rawOps) * 100)} %   (budget ≥ 60 %)`);
} else {
  console.log('raw SQL baseline needs BENCH_DATABASE_URL (PGlite is owned by the server process).');
}
