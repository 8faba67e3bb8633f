// Queue operations over HTTP against raw SQL doing the same work, in the same run and database.
// One cycle = issue a ticket (staff), call-next, start, finish at one counter: four operations.
//  1. Throughput: W workers (one per counter) run cycles back to back for BENCH_SECONDS.
//  2. Latency at a fixed rate: 200 operations/s (50 cycles/s) for BENCH_SECONDS, p50/p99 per op.
// Then the same operations as raw SQL (the statements the service sends, below) through one pool,
// for the ratio.
//   node bench/queue-load.mjs     BENCH_DATABASE_URL=postgres://… for PostgreSQL (else PGlite)
import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
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

// A long run issues more tickets per service than the demo's daily walk-in quota (40–300): raise
// the lanes' quota first, through the catalogue API (which also tells the queue's catalogue cache),
// else straight in the database (PostgreSQL only; nothing is cached yet at this point).
for (const lane of lanes) {
  const r = await api(`/api/v1/catalog/services/${lane.serviceId}`, { method: 'PATCH', token: admin, body: { walkInQuota: 100000 } });
  if (r.status === 200) continue;
  if (!demo.databaseUrl) {
    console.warn(`could not raise the walk-in quota (${r.status}); a long run may hit queue.quota_full`);
    break;
  }
  const c = new pg.Client({ connectionString: demo.databaseUrl });
  await c.connect();
  await c.query('UPDATE services SET walk_in_quota = 100000 WHERE id = ANY($1::uuid[])', [lanes.map((l) => l.serviceId)]);
  await c.end();
  break;
}

// The measured requests go through node:http with keep-alive: the load generator shares the
// machine with the server and the database, and fetch (undici) costs about twice the CPU per
// request. BENCH_CLIENT=fetch measures with fetch instead.
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
const lean = (path, { method = 'GET', body, token } = {}) =>
  new Promise((resolve, reject) => {
    const data = body !== undefined ? JSON.stringify(body) : undefined;
    const headers = { ...(data !== undefined ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) };
    const req = http.request(`${demo.server.url}${path}`, { method, agent, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        resolve({ status: res.statusCode, body: text ? JSON.parse(text) : undefined });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(data);
  });
const client = process.env.BENCH_CLIENT === 'fetch' ? api : lean;

const pct = (xs, p) => xs[Math.min(xs.length - 1, Math.max(0, Math.ceil((p / 100) * xs.length) - 1))];

async function cycleHttp(lane, lat) {
  const timed = async (fn) => {
    const t0 = performance.now();
    const r = await fn();
    lat?.push(performance.now() - t0);
    return r;
  };
  const issued = await timed(() => client(`/api/v1/sites/${site.id}/tickets`, { method: 'POST', token: admin, body: { serviceId: lane.serviceId } }));
  if (issued.status !== 201) throw new Error(`issue ${issued.status} ${JSON.stringify(issued.body)}`);
  const called = await timed(() => client(`/api/v1/counters/${lane.counter.id}/call-next`, { method: 'POST', token: lane.token }));
  if (called.status !== 200) throw new Error(`call ${called.status} ${JSON.stringify(called.body)}`);
  const id = called.body.ticket.id;
  const s = await timed(() => client(`/api/v1/tickets/${id}/start`, { method: 'POST', token: lane.token }));
  if (s.status !== 200) throw new Error(`start ${s.status}`);
  const f = await timed(() => client(`/api/v1/tickets/${id}/finish`, { method: 'POST', token: lane.token, body: {} }));
  if (f.status !== 200) throw new Error(`finish ${f.status} ${JSON.stringify(f.body)}`);
}

const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);

// Each side first runs WARMUP seconds unmeasured (JIT, connection pools, caches), then SECONDS.
async function closedLoop(cycle, seconds = SECONDS) {
  let cycles = 0;
  const until = performance.now() + seconds * 1000;
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

if (WARMUP > 0) await closedLoop((lane) => cycleHttp(lane), WARMUP);
const httpOps = await closedLoop((lane) => cycleHttp(lane));
const httpLat = await fixedRate(serial(cycleHttp));

// Raw SQL: the same statements the service sends for each operation (PostgreSQL only: PGlite is
// owned by the server process), through one pool of the server's size, same site lock:
//   issue:  session lookup; BEGIN; lock; number + quota count; visit + ticket + event + audit row
//           + pg_notify (one statement); COMMIT; the service's waiting list, handling times, breaks
//   call:   session lookup; BEGIN; lock; counter state + active/resumed/candidate tickets (one
//           read); conditional update + event + audit row + pg_notify; COMMIT
//   start, finish: session lookup; ticket + visit plan; one statement committed on its own: lock,
//           conditional update, event + audit row + pg_notify
// What is left for the ratio is what HTTP, Fastify, validation, drizzle and the service's own code
// add. Notifications go to another channel so the idle server does not read the rows.
let rawOps = null;
let rawLat = null;
if (demo.databaseUrl) {
  const pool = new pg.Pool({ connectionString: demo.databaseUrl, max: Number(process.env.BENCH_POOL ?? 20) });
  const hash = (token) => createHash('sha256').update(token).digest('hex');
  const servingCounters = (serviceId) => counters.filter((c) => c.serviceIds.includes(serviceId)).map((c) => c.id);
  const adminUserId = (await pool.query('SELECT id FROM users WHERE username = $1', ['admin'])).rows[0].id;
  let day = 0;
  const date = () => `2099-01-${String(1 + (day % 28)).padStart(2, '0')}`;
  const session = (c, token) =>
    c.query(
      `SELECT s.id AS session_id, u.id, u.username, u.display_name, u.locale, u.active,
          (SELECT json_agg(json_build_object('role', m.role, 'siteId', m.site_id, 'agencyId', m.agency_id,
                   'siteName', st.name, 'agencyName', a.short_name))
             FROM memberships m
             LEFT JOIN sites st ON st.id = m.site_id
             LEFT JOIN agencies a ON a.id = m.agency_id
            WHERE m.user_id = u.id) AS memberships
        FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2`,
      [hash(token), new Date().toISOString()],
    );
  const tx = async (c, fn) => {
    await c.query('BEGIN');
    try {
      await c.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`queue:${site.id}`]);
      const r = await fn();
      await c.query('COMMIT');
      return r;
    } catch (e) {
      await c.query('ROLLBACK');
      throw e;
    }
  };
  // The outbox CTEs the service puts in front of its write: the event (with its notification)
  // and the audit row. Parameters $1…$11 of the statement.
  const OUTBOX = `outbox_e AS (INSERT INTO events (site_id, type, aggregate_type, aggregate_id, actor_id, payload, meta, created_at)
                    VALUES ($1, $2, 'ticket', $3, $4, $5, $6, $7) RETURNING id, pg_notify('loket_bench_raw', id::text)),
      outbox_w0 AS (INSERT INTO audit_log (at, actor_user_id, actor_device_id, actor_label, action, site_id, agency_id, target_type, target_id, ip, details)
                    VALUES ($7, $4, NULL, $8, $9, $1, $10, 'ticket', $3, '127.0.0.1', $11) RETURNING id)`;
  const EVENT_IDS = `(SELECT coalesce(json_agg(id ORDER BY id), '[]'::json) FROM outbox_e) AS event_ids`;
  const outboxParams = (type, t, userId, payload, meta, now) => [
    site.id, type, t.id, userId, JSON.stringify(payload), JSON.stringify(meta), now, 'user:bench', `queue.${type.replace('.', '_')}`, t.agencyId, JSON.stringify({ number: t.number, to: t.status }),
  ];
  const pub = (t, counter) => ({ ticketId: t.id, number: t.number, serviceId: t.serviceId, counter: counter ? { id: counter.id, name: counter.name, number: counter.number } : null });
  const withClient = async (fn) => {
    const c = await pool.connect();
    try {
      return await fn(c);
    } finally {
      c.release();
    }
  };
  const cycleRaw = async (lane, lat) => {
    const timed = async (fn) => {
      const t0 = performance.now();
      const r = await withClient(fn);
      lat?.push(performance.now() - t0);
      return r;
    };
    const d = date();
    const officer = lane.userId;
    await timed(async (c) => {
      await session(c, admin);
      await tx(c, async () => {
        const { rows: [n] } = await c.query(
          `WITH s AS (
             INSERT INTO ticket_sequences (site_id, prefix, local_date, last) VALUES ($1, 'RAW', $2, 1)
             ON CONFLICT (site_id, prefix, local_date) DO UPDATE SET last = ticket_sequences.last + 1
             RETURNING last)
           SELECT (SELECT last FROM s) AS seq,
                  (SELECT count(*)::int FROM tickets WHERE service_id = $3 AND local_date = $2 AND source IN ('walk_in', 'step')) AS issued`,
          [site.id, d, lane.serviceId],
        );
        const now = new Date().toISOString();
        const t = { id: randomUUID(), visitId: randomUUID(), serviceId: lane.serviceId, agencyId: lane.agencyId, number: `RAW-${String(n.seq).padStart(3, '0')}`, status: 'waiting' };
        await c.query(
          `WITH v AS (INSERT INTO visits (id, site_id, tracking_code, local_date, pending_service_ids, dropped_service_ids, created_at)
                      VALUES ($12, $1, $13, $14, '[]', '[]', $7) RETURNING id),
                ${OUTBOX}
           INSERT INTO tickets (id, site_id, visit_id, service_id, agency_id, prefix, local_date, seq, number, status, source, issued_at, queued_at, updated_at)
           VALUES ($3::uuid, $1, $12, $15, $10, 'RAW', $14, $16, $17, 'waiting', 'walk_in', $7, $7, $7) RETURNING *, ${EVENT_IDS}`,
          [
            ...outboxParams('ticket.issued', t, adminUserId, pub(t, null), { visitId: t.visitId, source: 'walk_in', priority: null, bookingId: null, previousTicketId: null, by: 'user:bench' }, now),
            t.visitId, randomUUID().slice(0, 10), d, lane.serviceId, n.seq, t.number,
          ],
        );
      });
      await c.query(
        `SELECT
           (SELECT coalesce(json_agg(json_build_object('id', id, 'queuedAt', (EXTRACT(EPOCH FROM queued_at) * 1000)::float8, 'priority', priority,
                    'bookingStart', (EXTRACT(EPOCH FROM booking_start) * 1000)::float8)), '[]'::json)
              FROM tickets WHERE service_id = $1 AND local_date = $2 AND status = 'waiting') AS waiting,
           (SELECT coalesce(json_agg(m), '[]'::json) FROM (
              SELECT EXTRACT(EPOCH FROM (finished_at - COALESCE(started_at, called_at)))::float8 / 60 AS m FROM tickets
              WHERE service_id = $1 AND local_date = $2 AND status = 'done' AND finished_at IS NOT NULL AND COALESCE(started_at, called_at) IS NOT NULL
              ORDER BY finished_at DESC LIMIT 20) h) AS handling,
           (SELECT count(*)::int FROM counter_states WHERE paused AND counter_id = ANY($3::uuid[])) AS paused`,
        [lane.serviceId, d, servingCounters(lane.serviceId)],
      );
    });
    const called = await timed(async (c) => {
      await session(c, lane.token);
      return tx(c, async () => {
        const { rows: found } = await c.query(
          `SELECT s.paused, s.priority_calls_in_a_row, t.*
           FROM (SELECT 1) AS one
           LEFT JOIN counter_states s ON s.counter_id = $1
           LEFT JOIN LATERAL (
             SELECT * FROM tickets WHERE counter_id = $1 AND status IN ('called', 'serving')
             UNION ALL
             SELECT * FROM tickets
             WHERE site_id = $2 AND local_date = $3 AND status = 'waiting'
               AND (pinned_counter_id = $1 OR (pinned_counter_id IS NULL AND service_id = ANY($4::uuid[]) AND (priority IS NOT NULL OR booking_start IS NOT NULL)))
             UNION ALL
             (SELECT * FROM tickets WHERE site_id = $2 AND local_date = $3 AND status = 'waiting' AND service_id = ANY($4::uuid[])
               AND pinned_counter_id IS NULL AND priority IS NULL AND booking_start IS NULL ORDER BY queued_at, id LIMIT 1)
           ) t ON true`,
          [lane.counter.id, site.id, d, lane.counter.serviceIds],
        );
        const next = found.filter((r) => r.status === 'waiting').sort((a, b) => a.queued_at - b.queued_at)[0];
        const now = new Date().toISOString();
        const t = { id: next.id, serviceId: next.service_id, agencyId: next.agency_id, number: next.number, status: 'called' };
        await c.query(
          `WITH ${OUTBOX}
           UPDATE tickets SET status = 'called', called_at = $7, counter_id = $12, officer_id = $4, pinned_counter_id = NULL, updated_at = $7
           WHERE id = $3::uuid AND status IN ('waiting') RETURNING *, ${EVENT_IDS}`,
          [
            ...outboxParams('ticket.called', t, officer, { ...pub(t, lane.counter), spoken: `Nomor antrean ${t.number}, silakan menuju ${lane.counter.name}` },
              { visitId: next.visit_id, counterId: lane.counter.id, officerId: officer, by: 'user:bench', priority: null, resumed: false, priorityCallsInARow: 0 }, now),
            lane.counter.id,
          ],
        );
        return { ...t, visitId: next.visit_id };
      });
    });
    // start, finish: one statement, committed on its own: the site lock, the conditional update,
    // and the event and audit row written only if the update applied (queue.repository
    // transitionAlone).
    const step = (status, from, column, type) =>
      timed(async (c) => {
        await session(c, lane.token);
        await c.query('SELECT t.*, jsonb_array_length(v.pending_service_ids) FROM tickets t JOIN visits v ON v.id = t.visit_id WHERE t.id = $1', [called.id]);
        const now = new Date().toISOString();
        const t = { ...called, status };
        const [siteId, evType, id, userId, payload, meta, at, label, action, agencyId, details] = outboxParams(type, t, officer, pub(t, lane.counter), { visitId: t.visitId, counterId: lane.counter.id, officerId: officer, by: 'user:bench', from: 'called' }, now);
        const { rows } = await c.query(
          `WITH site_lock AS (SELECT pg_advisory_xact_lock(hashtext($1))),
                change AS (UPDATE tickets SET status = $2, ${column} = $3, updated_at = $3
                           WHERE id = $4 AND status = ANY($5::text[]) AND EXISTS (SELECT 1 FROM site_lock) RETURNING *),
                outbox_e AS (INSERT INTO events (site_id, type, aggregate_type, aggregate_id, actor_id, payload, meta, created_at)
                             SELECT v.* FROM (VALUES ($6::uuid, $7::text, 'ticket'::text, $8::text, $9::uuid, $10::jsonb, $11::jsonb, $3::timestamptz)) AS v
                             WHERE EXISTS (SELECT 1 FROM change) RETURNING id, pg_notify('loket_bench_raw', id::text)),
                outbox_a AS (INSERT INTO audit_log (at, actor_user_id, actor_device_id, actor_label, action, site_id, agency_id, target_type, target_id, ip, details)
                             SELECT v.* FROM (VALUES ($3::timestamptz, $9::uuid, NULL::uuid, $12::text, $13::text, $6::uuid, $14::uuid, 'ticket'::text, $8::text, '127.0.0.1'::text, $15::jsonb)) AS v
                             WHERE EXISTS (SELECT 1 FROM change))
           SELECT change.*, (SELECT coalesce(json_agg(id ORDER BY id), '[]'::json) FROM outbox_e) AS event_ids FROM change`,
          [`queue:${site.id}`, status, at, called.id, from, siteId, evType, id, userId, payload, meta, label, action, agencyId, details],
        );
        if (rows.length !== 1) throw new Error(`raw ${type}: no change`);
      });
    await step('serving', ['called'], 'started_at', 'ticket.started');
    await step('done', ['called', 'serving'], 'finished_at', 'ticket.finished');
  };
  for (const lane of lanes) {
    lane.userId = (await pool.query('SELECT s.user_id FROM sessions s WHERE s.token_hash = $1', [hash(lane.token)])).rows[0].user_id;
    lane.agencyId = (await pool.query('SELECT agency_id FROM services WHERE id = $1', [lane.serviceId])).rows[0].agency_id;
  }
  if (WARMUP > 0) await closedLoop((lane) => cycleRaw(lane), WARMUP);
  rawOps = await closedLoop((lane) => cycleRaw(lane));
  day++;
  rawLat = await fixedRate(serial(cycleRaw));
  await pool.end();
}
await demo.stop();

console.log(`machine: ${machine()}; database: ${demo.kind}; ${lanes.length} counters; ${SECONDS} s per phase after ${WARMUP} s warm-up; HTTP client: ${client === api ? 'fetch' : 'node:http'}`);
console.log(`HTTP  throughput: ${fmt(httpOps, 0)} ops/s   at ${RATE} ops/s: p50 ${fmt(pct(httpLat, 50))} ms  p99 ${fmt(pct(httpLat, 99))} ms  (budget p99 ≤ 25 ms)`);
if (rawOps) {
  console.log(`raw SQL throughput: ${fmt(rawOps, 0)} ops/s   at ${RATE} ops/s: p50 ${fmt(pct(rawLat, 50))} ms  p99 ${fmt(pct(rawLat, 99))} ms`);
  console.log(`ratio HTTP / raw SQL throughput: ${fmt((httpOps / rawOps) * 100)} %   (budget ≥ 60 %)`);
} else {
  console.log('raw SQL baseline needs BENCH_DATABASE_URL (PGlite is owned by the server process).');
}
