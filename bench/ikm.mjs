// The published IKM over a year of answers: GET /sites/{siteId}/ikm over HTTP against the
// hand-written SQL aggregate for the same figures (respondents, the nine sums, the served
// population), in the same run and database (DESIGN §5: ≤ 500 ms on PostgreSQL, within 2× of the
// SQL). The demo's MPP Samarinda gets BENCH_TICKETS served tickets over 2026 and BENCH_ANSWERS
// answers (every other ticket rated), seeded by SQL; the HTTP figures are checked against the
// SQL ones before anything is timed.
//   node bench/ikm.mjs        BENCH_DATABASE_URL=postgres://… for PostgreSQL (else PGlite)
// PGlite belongs to the server process: there the SQL side runs in this process on the same data
// directory while the server is stopped (seed → HTTP → SQL), on PostgreSQL the two alternate.
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startDemo } from './demo.mjs';
import { fmt, machine, tempDir } from './lib.mjs';

const ANSWERS = Number(process.env.BENCH_ANSWERS ?? 300_000);
const TICKETS = Number(process.env.BENCH_TICKETS ?? 2 * ANSWERS);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const WARMUP = 3;
const FROM = '2026-01-01';
const TO = '2026-12-31';
/** Seeded days: 1 Jan to 25 Nov 2026 (the demo clock's today), 329 days. */
const DAYS = 329;
const KEYS = ['persyaratan', 'prosedur', 'waktu', 'biaya', 'produk', 'kompetensi', 'perilaku', 'pengaduan', 'sarana'];

// Scores lean to 3 and 4 like real surveys; hashint4 makes them deterministic per (ticket, element).
const score = (k) => `(ARRAY[2,3,3,3,4,4,4,4])[(hashint4(i * 9 + ${k}) & 7) + 1]`;
const SEED = [
  // One visit and one served ticket per i, over the services of the site, round-robin. $1 site,
  // $2 tickets, $3 answers.
  `CREATE TEMP TABLE bench_svc AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, id, agency_id FROM services WHERE site_id = $1`,
  `INSERT INTO visits (id, site_id, tracking_code, local_date, created_at)
     SELECT gen_random_uuid(), $1, 'BENCH' || lpad(i::text, 9, '0'), DATE '2026-01-01' + (i % ${DAYS}), TIMESTAMPTZ '2026-01-01 09:00+08' + (i % ${DAYS}) * interval '1 day'
       FROM generate_series(0, $2 - 1) AS i`,
  `INSERT INTO tickets (id, site_id, visit_id, service_id, agency_id, prefix, local_date, seq, number, status, source, issued_at, queued_at, called_at, started_at, finished_at, updated_at)
     SELECT gen_random_uuid(), $1, v.id, s.id, s.agency_id, 'BZ', v.local_date, g.i, 'BZ-' || g.i, 'done', 'walk_in',
            v.created_at, v.created_at, v.created_at + interval '7 min', v.created_at + interval '8 min', v.created_at + interval '18 min', v.created_at + interval '18 min'
       FROM (SELECT i, 'BENCH' || lpad(i::text, 9, '0') AS code FROM generate_series(0, $2 - 1) AS i) g
       JOIN visits v ON v.tracking_code = g.code
       JOIN bench_svc s ON s.n = g.i % (SELECT count(*) FROM bench_svc)`,
  `INSERT INTO survey_responses (id, site_id, agency_id, service_id, subject_type, subject_id, ticket_id, served_date, channel, ${KEYS.join(', ')}, answered_at)
     SELECT gen_random_uuid(), t.site_id, t.agency_id, t.service_id, 'visit', t.visit_id, t.id, t.local_date, 'web', ${KEYS.map((_, k) => score(k)).join(', ')}, t.finished_at + interval '5 min'
       FROM (SELECT t.*, t.seq AS i FROM tickets t WHERE t.site_id = $1 AND t.prefix = 'BZ') t
      WHERE t.i % ${Math.max(1, Math.round(TICKETS / ANSWERS))} = 0 AND $2::int > 0
      LIMIT $3`,
  `ANALYZE visits`,
  `ANALYZE tickets`,
  `ANALYZE survey_responses`,
];

/**
 * The hand-written aggregate: the same figures the endpoint returns, as two statements (answers'
 * sums, served population) run side by side where the database allows (the service does the
 * same on PostgreSQL; PGlite has one connection and runs them one after the other).
 */
const SUMS_SQL = `SELECT count(*) AS respondents, ${KEYS.map((k) => `sum(${k}) AS ${k}`).join(', ')}
  FROM survey_responses WHERE site_id = $1 AND served_date BETWEEN $2 AND $3 AND ($4::uuid IS NULL OR agency_id = $4)`;
const POPULATION_SQL = `SELECT count(*) AS population FROM tickets
  WHERE site_id = $1 AND local_date BETWEEN $2 AND $3 AND status = 'done' AND ($4::uuid IS NULL OR agency_id = $4)`;
const aggregate = async (query, params) => {
  const [[sums], [pop]] = await Promise.all([query(SUMS_SQL, params), query(POPULATION_SQL, params)]);
  return { ...sums, ...pop };
};

/** The IKM unit from the sums, as DOMAIN §3 says (exact 1/9, rounded half up to 2 decimals). */
function unitOf(row) {
  const n = Number(row.respondents);
  const total = KEYS.reduce((s, k) => s + Number(row[k]), 0);
  return { respondents: n, population: Number(row.population), ikmUnit: Math.floor((5000 * total + 9 * n) / (18 * n)) / 100 };
}

const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
async function timed(fn) {
  const t0 = performance.now();
  const r = await fn();
  return [performance.now() - t0, r];
}

const dataDir = tempDir();
let demo = await startDemo({ LOKET_DATA_DIR: dataDir });
const { site } = demo;
const kind = demo.kind;
console.log(`IKM over a year of answers, ${kind}; ${machine()}`);

// ---- seed
let sqlQuery;
let closeSql = async () => {};
let pgliteDir = null;
const seedWith = async (query) => {
  const t0 = performance.now();
  // Each statement gets the parameters it names ($1…$n, in order).
  for (const s of SEED) await query(s, [site.id, TICKETS, ANSWERS].slice(0, Math.max(0, ...[...s.matchAll(/\$(\d)/g)].map((m) => Number(m[1])))));
  console.log(`seeded ${TICKETS} served tickets and ${ANSWERS} answers over ${DAYS} days in ${fmt((performance.now() - t0) / 1000)} s`);
};
if (demo.databaseUrl) {
  const pool = new pg.Pool({ connectionString: demo.databaseUrl, max: 2 });
  const client = await pool.connect();
  await seedWith((text, values) => client.query(text, values));
  client.release();
  sqlQuery = async (text, values) => (await pool.query(text, values)).rows;
  closeSql = () => pool.end();
} else {
  await demo.server.stop();
  const { PGlite } = await import('@electric-sql/pglite');
  pgliteDir = path.join(dataDir, 'pglite');
  const db = new PGlite(pgliteDir, { postgresqlconf: ['shared_buffers=32MB'] });
  await seedWith((text, values) => db.query(text, values));
  await db.close();
  demo = await startDemo({ LOKET_DATA_DIR: dataDir });
}

// The busiest agency, for a second, smaller scope.
const agencies = (await demo.api(`/api/v1/sites/${site.id}/ikm/agencies?from=${FROM}&to=${TO}`)).body.agencies;
const agency = [...agencies].sort((a, b) => b.respondents - a.respondents)[0].agency;
const scopes = [
  { name: 'MPP, year', query: `from=${FROM}&to=${TO}`, agencyId: null },
  { name: `${agency.shortName}, year`, query: `from=${FROM}&to=${TO}&agencyId=${agency.id}`, agencyId: agency.id },
];
const http = (s) => demo.api(`/api/v1/sites/${site.id}/ikm?${s.query}`);

// ---- HTTP (and, on PostgreSQL, SQL alternating with it)
const results = new Map(scopes.map((s) => [s.name, { http: [], sql: [], httpBody: null, sqlRow: null }]));
for (const s of scopes) {
  const r = results.get(s.name);
  for (let i = 0; i < WARMUP; i++) r.httpBody = (await http(s)).body;
  if (sqlQuery) for (let i = 0; i < WARMUP; i++) r.sqlRow = await aggregate(sqlQuery, [site.id, FROM, TO, s.agencyId]);
  for (let i = 0; i < RUNS; i++) {
    const [ms, res] = await timed(() => http(s));
    if (res.status !== 200) throw new Error(`ikm ${res.status} ${JSON.stringify(res.body)}`);
    r.http.push(ms);
    if (sqlQuery) r.sql.push((await timed(() => aggregate(sqlQuery, [site.id, FROM, TO, s.agencyId])))[0]);
  }
}
await closeSql();
await demo.stop();

// ---- SQL on PGlite: the same data directory, this process, the server stopped
if (pgliteDir) {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = new PGlite(pgliteDir, { postgresqlconf: ['shared_buffers=32MB'] });
  const query = async (text, values) => (await db.query(text, values)).rows;
  for (const s of scopes) {
    const r = results.get(s.name);
    for (let i = 0; i < WARMUP; i++) r.sqlRow = await aggregate(query, [site.id, FROM, TO, s.agencyId]);
    for (let i = 0; i < RUNS; i++) r.sql.push((await timed(() => aggregate(query, [site.id, FROM, TO, s.agencyId])))[0]);
  }
  await db.close();
}

// ---- report
for (const s of scopes) {
  const r = results.get(s.name);
  const want = unitOf(r.sqlRow);
  const got = { respondents: r.httpBody.respondents, population: r.httpBody.population, ikmUnit: r.httpBody.ikmUnit };
  if (JSON.stringify(want) !== JSON.stringify(got)) throw new Error(`${s.name}: HTTP ${JSON.stringify(got)} ≠ SQL ${JSON.stringify(want)}`);
  const [h50, q50] = [pct(r.http, 50), pct(r.sql, 50)];
  console.log(
    `${s.name.padEnd(22)} ${String(want.respondents).padStart(7)} answers of ${want.population} served, IKM ${want.ikmUnit} ${r.httpBody.grade}:` +
      `  HTTP p50 ${fmt(h50)} ms p95 ${fmt(pct(r.http, 95))} ms   SQL p50 ${fmt(q50)} ms p95 ${fmt(pct(r.sql, 95))} ms   HTTP/SQL ${fmt(h50 / q50, 2)}×`,
  );
}
console.log(`load average while measuring: ${os.loadavg().map((x) => fmt(x)).join(' ')}`);
console.log(`budget: ≤ 500 ms on PostgreSQL and ≤ 2× the SQL aggregate (${RUNS} runs after ${WARMUP} warm-up per side)`);
