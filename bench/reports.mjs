// Reports over a year of history: the month summary, the monthly report with its 12-month trend
// and a year's summary over HTTP, against hand-written SQL aggregates of the same figures in the
// same run and database (the ratio is the figure; DESIGN §5: ≤ 500 ms and within 2× of the SQL).
// A year of tickets for the demo MPP is generated in SQL (arrival peaks in the morning, waits and
// handling times spread, 90 % served, no-shows, transfers, bookings), BENCH_TICKETS of them.
//   node bench/reports.mjs      BENCH_DATABASE_URL=postgres://… for PostgreSQL (else PGlite)
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { startDemo } from './demo.mjs';
import { fmt, machine, startLoket, tempDir } from './lib.mjs';

const TICKETS = Number(process.env.BENCH_TICKETS ?? (process.env.BENCH_DATABASE_URL ? 300_000 : 100_000));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const MONTH = '2026-10';
const DAYS = 365;
const LAST_DAY = '2026-11-24';

const dataDir = process.env.BENCH_DATABASE_URL ? undefined : tempDir();
const demoEnv = dataDir ? { LOKET_DATA_DIR: dataDir } : {};
let demo = await startDemo(demoEnv);
const siteId = demo.site.id;

/** Runs SQL on the bench's own connection: pg beside the server, or PGlite with the server stopped. */
async function withSql(fn) {
  if (demo.databaseUrl) {
    const c = new pg.Client({ connectionString: demo.databaseUrl });
    await c.connect();
    try {
      return await fn((text, params) => c.query(text, params));
    } finally {
      await c.end();
    }
  }
  await demo.server.stop();
  const lite = new PGlite(dataDir);
  try {
    return await fn((text, params) => lite.query(text, params));
  } finally {
    await lite.close();
    const server = await startLoket({ ...demoEnv, NODE_ENV: 'test', LOKET_DEMO: '1', LOKET_CLOCK_START: '2026-11-25T09:00:00+08:00', LOKET_JOBS: '0' });
    demo = { ...demo, server, api: rebind(server.url) };
  }
}
function rebind(url) {
  return async (path, { token, method = 'GET', body } = {}) => {
    const headers = { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) };
    const res = await fetch(`${url}${path}`, { method, headers, body: body ? JSON.stringify(body) : undefined });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
}

const seedStarted = Date.now();
await withSql(async (q) => {
  const { rows: lanes } = await q(
    `SELECT s.id AS service_id, s.agency_id, s.prefix, (SELECT cs.counter_id FROM counter_services cs WHERE cs.service_id = s.id ORDER BY cs.counter_id LIMIT 1) AS counter_id
       FROM services s WHERE s.site_id = $1 AND s.active ORDER BY s.code`,
    [siteId],
  );
  const served = lanes.filter((l) => l.counter_id);
  const values = served.map((l, i) => `(${i}, '${l.service_id}'::uuid, '${l.agency_id}'::uuid, '${l.prefix}', '${l.counter_id}'::uuid)`).join(', ');
  // One generated row per ticket: its day, minute of arrival (peaking in the morning), wait and
  // handling minutes, outcome and source, all from the row number (reproducible, no randomness).
  const gen = `
    WITH g AS (
      SELECT i, (date '${LAST_DAY}' - (i % ${DAYS}))::date AS d,
             floor(390 * power(((i * 7919) % 1000) / 1000.0, 1.7))::int AS arrive,
             ((i * 31) % 45) AS wait, 3 + ((i * 17) % 25) AS handle,
             (i * 13) % 100 AS roll, i % ${served.length} AS lane
        FROM generate_series(1, ${TICKETS}) AS i),
    x AS (SELECT g.*, l.*, ((g.d + time '08:00' + make_interval(mins => g.arrive)) AT TIME ZONE 'Asia/Makassar') AS issued
            FROM g JOIN (VALUES ${values}) AS l(k, service_id, agency_id, prefix, counter_id) ON l.k = g.lane)`;
  await q(`INSERT INTO visits (id, site_id, tracking_code, local_date, created_at)
           ${gen} SELECT md5('v' || i)::uuid, '${siteId}', 'BENCH' || i, d, issued FROM x`);
  await q(`INSERT INTO tickets (id, site_id, visit_id, service_id, agency_id, prefix, local_date, seq, number, status, source,
                                issued_at, queued_at, called_at, started_at, finished_at, counter_id, updated_at)
           ${gen} SELECT md5('t' || i)::uuid, '${siteId}', md5('v' || i)::uuid, service_id, agency_id, prefix, d, 100000 + i, prefix || '-' || i,
                  CASE WHEN roll < 90 THEN 'done' WHEN roll < 95 THEN 'no_show' WHEN roll < 98 THEN 'transferred' ELSE 'cancelled' END,
                  CASE WHEN roll % 7 = 0 THEN 'booking' ELSE 'walk_in' END,
                  issued, issued,
                  CASE WHEN roll < 98 THEN issued + make_interval(mins => wait) END,
                  CASE WHEN roll < 90 OR roll >= 95 AND roll < 98 THEN issued + make_interval(mins => wait + 1) END,
                  CASE WHEN roll < 98 AND (roll < 90 OR roll >= 95) THEN issued + make_interval(mins => wait + 1 + handle) END,
                  counter_id, issued
             FROM x`);
  await q('ANALYZE tickets');
  await q('ANALYZE visits');
});
const seedSeconds = (Date.now() - seedStarted) / 1000;

const admin = (await demo.api('/api/v1/auth/login', { method: 'POST', body: { username: 'admin', password: 'loket-demo' } })).body.token;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function timeHttp(path) {
  const times = [];
  let body;
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    const res = await demo.api(path, { token: admin });
    times.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    body = res.body;
  }
  return { ms: median(times), body };
}

// The hand-written SQL of the same figures: the month's counts, distinct visits, mean and
// percentiles of wait (all, walk-ins, bookings) and service; the per-agency table; tickets per
// day; arrivals by weekday and hour in the site's zone; bookings made and checked in; the survey's
// sums; complaints and applications of the period. The service reads the same through lookups.
const wait = `extract(epoch FROM called_at - issued_at) / 60`;
const inScope = (from, to) => `site_id = '${siteId}' AND local_date BETWEEN '${from}' AND '${to}'`;
const figuresSql = (from, to) => [
  `SELECT count(*) AS tickets, count(DISTINCT visit_id) AS visitors, count(*) FILTER (WHERE status = 'done') AS served,
          count(*) FILTER (WHERE status = 'no_show') AS no_shows, count(*) FILTER (WHERE source = 'walk_in') AS walk_ins,
          avg(${wait}) FILTER (WHERE called_at IS NOT NULL) AS wait_mean,
          percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ${wait}) FILTER (WHERE called_at IS NOT NULL) AS wait_pct,
          percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ${wait}) FILTER (WHERE called_at IS NOT NULL AND source = 'walk_in') AS walk_pct,
          percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ${wait}) FILTER (WHERE called_at IS NOT NULL AND source = 'booking') AS book_pct,
          percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY extract(epoch FROM finished_at - started_at) / 60) FILTER (WHERE status = 'done') AS svc_pct
     FROM tickets WHERE ${inScope(from, to)}`,
  `SELECT agency_id, count(*), count(DISTINCT visit_id), avg(${wait}), percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ${wait}) FROM tickets WHERE ${inScope(from, to)} GROUP BY agency_id`,
  `SELECT local_date, count(*), count(DISTINCT visit_id) FROM tickets WHERE ${inScope(from, to)} GROUP BY local_date`,
  `SELECT extract(isodow FROM issued_at AT TIME ZONE 'Asia/Makassar'), extract(hour FROM issued_at AT TIME ZONE 'Asia/Makassar'), count(*) FROM tickets WHERE ${inScope(from, to)} GROUP BY 1, 2`,
  `SELECT count(*) FILTER (WHERE status <> 'cancelled'), count(*) FILTER (WHERE status = 'checked_in') FROM bookings WHERE ${inScope(from, to)}`,
  `SELECT count(*), sum(persyaratan), sum(prosedur), sum(waktu), sum(biaya), sum(produk), sum(kompetensi), sum(perilaku), sum(pengaduan), sum(sarana) FROM survey_responses WHERE site_id = '${siteId}' AND served_date BETWEEN '${from}' AND '${to}'`,
  `SELECT count(*), count(*) FILTER (WHERE responded_on_time) FROM complaints WHERE site_id = '${siteId}' AND filed_on BETWEEN '${from}' AND '${to}'`,
  `SELECT count(*) FROM applications WHERE site_id = '${siteId}' AND received_on BETWEEN '${from}' AND '${to}'`,
];
const trendSql = `SELECT to_char(local_date, 'YYYY-MM'), count(*), count(DISTINCT visit_id), avg(extract(epoch FROM called_at - issued_at)) FROM tickets WHERE site_id = '${siteId}' AND local_date BETWEEN '2025-11-01' AND '2026-10-31' GROUP BY 1`;

const cases = [
  { name: 'Month summary', path: `/api/v1/sites/${siteId}/reports/summary?from=${MONTH}-01&to=${MONTH}-31`, sql: figuresSql(`${MONTH}-01`, `${MONTH}-31`) },
  { name: 'Monthly report (summary + 12-month trend)', path: `/api/v1/sites/${siteId}/reports/monthly?month=${MONTH}`, sql: [...figuresSql(`${MONTH}-01`, `${MONTH}-31`), trendSql] },
  { name: 'Year summary', path: `/api/v1/sites/${siteId}/reports/summary?from=2025-11-25&to=${LAST_DAY}`, sql: figuresSql('2025-11-25', LAST_DAY) },
];
const results = [];
for (const c of cases) results.push({ ...c, http: await timeHttp(c.path) });
// The SQL side last: on PGlite it needs the database to itself.
await withSql(async (q) => {
  for (const c of results) {
    const times = [];
    for (let r = 0; r < ROUNDS; r++) {
      const t0 = performance.now();
      for (const s of c.sql) await q(s);
      times.push(performance.now() - t0);
    }
    c.sqlMs = median(times);
    const [check] = (await q(c.sql[0])).rows;
    c.sqlTickets = Number(check.tickets);
  }
});

console.log(`reports bench on ${demo.kind}, ${machine()}; ${TICKETS.toLocaleString('en')} tickets over ${DAYS} days seeded in ${fmt(seedSeconds)} s; median of ${ROUNDS}`);
for (const c of results) {
  const same = c.http.body.summary?.tickets ?? c.http.body.tickets;
  console.log(`${c.name.padEnd(44)} HTTP ${fmt(c.http.ms, 0).padStart(6)} ms   SQL ${fmt(c.sqlMs, 0).padStart(6)} ms   ratio ${fmt(c.http.ms / c.sqlMs, 2)}×   tickets ${same} (SQL ${c.sqlTickets})`);
  if (same !== c.sqlTickets) console.log('  !! the HTTP figures and the SQL disagree');
}
await demo.server.stop();
await demo.stop();
