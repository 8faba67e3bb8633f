// Booking rush: 20,000 attempts for 1,000 seats over HTTP (distinct NIKs, 64 at a time), then the
// same reservations as raw SQL in the same run. Prints elapsed time, successes, 409s, 5xx and
// overbooked seats. Uses PostgreSQL when BENCH_DATABASE_URL is set (a database is created and
// dropped), else PGlite in a temp directory.
//   node bench/booking-rush.mjs            BENCH_ATTEMPTS=20000 BENCH_CONCURRENCY=64
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { fmt, machine } from './lib.mjs';
import { startDemo } from './demo.mjs';

const ATTEMPTS = Number(process.env.BENCH_ATTEMPTS ?? 20_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const TARGET_SEATS = 1000;
const DATE = '2026-11-26';

// Distinct valid NIKs: serial 0001–9999 (0000 is invalid), then the next birth day.
const nik = (i) => `647201${String(1 + Math.floor(i / 9999)).padStart(2, '0')}0790${String(1 + (i % 9999)).padStart(4, '0')}`;

async function pool(n, worker) {
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    for (let i = next++; i < n; i = next++) await worker(i);
  }));
}

const demo = await startDemo({ LOKET_TRUST_PROXY: '1' });
const { api, site } = demo;
const siteId = site.id;
const admin = await demo.login('admin');
const service = (await api(`/api/v1/sites/${siteId}/services`)).body.find((s) => s.bookable);
const serviceId = service.id;
const before = (await api(`/api/v1/sites/${siteId}/services/${serviceId}/slots?date=${DATE}`)).body;
const perSlot = Math.ceil(TARGET_SEATS / before.length);
const set = await api(`/api/v1/sites/${siteId}/services/${serviceId}/booking-days`, { method: 'PUT', token: admin, body: { date: DATE, capacityPerSlot: perSlot, closed: false } });
if (set.status !== 200) throw new Error(`capacity override failed: ${JSON.stringify(set.body)}`);
const offered = (await api(`/api/v1/sites/${siteId}/services/${serviceId}/slots?date=${DATE}`)).body;
const slots = offered.map((s) => s.start);
const SEATS_TOTAL = offered.reduce((n, s) => n + s.capacity, 0);

// HTTP rush
const counts = { 201: 0, 409: 0, other4xx: 0, '5xx': 0, errors: 0 };
const t0 = performance.now();
await pool(ATTEMPTS, async (i) => {
  try {
    // A rush comes from many people: one address per 4 attempts (the per-IP limit stays in force).
    const res = await fetch(`${demo.server.url}/api/v1/sites/${siteId}/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.${(i >> 10) & 255}.${(i >> 2) & 255}.1` },
      body: JSON.stringify({ serviceId, start: slots[i % slots.length], nik: nik(i), name: `Warga ${i}` }),
    });
    await res.arrayBuffer();
    if (res.status === 201) counts[201]++;
    else if (res.status === 409) counts[409]++;
    else if (res.status >= 500) counts['5xx']++;
    else counts.other4xx++;
  } catch {
    counts.errors++;
  }
});
const httpMs = performance.now() - t0;

const after = (await api(`/api/v1/sites/${siteId}/services/${serviceId}/slots?date=${DATE}`)).body;
const seatsBooked = after.reduce((n, s) => n + (s.capacity - s.available), 0);
const calendar = (await api(`/api/v1/sites/${siteId}/bookings?date=${DATE}&serviceId=${serviceId}`, { token: admin })).body;
const perStart = new Map();
for (const b of calendar) if (b.status === 'booked') perStart.set(b.start, (perStart.get(b.start) ?? 0) + 1);
const overbooked = after.reduce((n, s) => n + Math.max(0, (perStart.get(new Date(s.start).toISOString()) ?? 0) - s.capacity), 0) + Math.max(0, counts[201] - SEATS_TOTAL);
await demo.stop();

// Raw SQL baseline: the same reservations (seat upsert + booking row, one transaction each), on the
// same kind of database, with the same concurrency.
const rawSql = [
  `CREATE TABLE raw_seats (start timestamptz PRIMARY KEY, capacity int NOT NULL, booked int NOT NULL CHECK (booked <= capacity))`,
  `CREATE TABLE raw_bookings (id uuid PRIMARY KEY, start timestamptz NOT NULL, nik text NOT NULL, UNIQUE (nik, start))`,
];
let rawOk = 0;
let run;
let close;
if (process.env.BENCH_DATABASE_URL) {
  const rawPool = new pg.Pool({ connectionString: process.env.BENCH_DATABASE_URL, max: 20 });
  for (const q of ['DROP TABLE IF EXISTS raw_bookings', 'DROP TABLE IF EXISTS raw_seats', ...rawSql]) await rawPool.query(q);
  run = async (fn) => {
    const c = await rawPool.connect();
    try {
      await c.query('BEGIN');
      await fn((q, p) => c.query(q, p));
      await c.query('COMMIT');
    } catch {
      await c.query('ROLLBACK');
    } finally {
      c.release();
    }
  };
  close = async () => {
    await rawPool.query('DROP TABLE raw_bookings; DROP TABLE raw_seats');
    await rawPool.end();
  };
} else {
  const lite = new PGlite();
  for (const q of rawSql) await lite.exec(q);
  run = (fn) => lite.transaction((tx) => fn((q, p) => tx.query(q, p))).catch(() => {});
  close = () => lite.close();
}
const t1 = performance.now();
await pool(ATTEMPTS, (i) =>
  run(async (q) => {
    const r = await q(
      `INSERT INTO raw_seats (start, capacity, booked) VALUES ($1, $2, 1) ON CONFLICT (start) DO UPDATE SET booked = raw_seats.booked + 1 WHERE raw_seats.booked < raw_seats.capacity RETURNING booked`,
      [slots[i % slots.length], perSlot],
    );
    if ((r.rowCount ?? r.rows.length) === 1) {
      await q(`INSERT INTO raw_bookings (id, start, nik) VALUES ($1, $2, $3)`, [randomUUID(), slots[i % slots.length], nik(i)]);
      rawOk++;
    }
  }),
);
const rawMs = performance.now() - t1;
await close();

console.log(`machine: ${machine()}; database: ${demo.kind}; concurrency ${CONCURRENCY}`);
console.log(`HTTP rush: ${ATTEMPTS} attempts for ${SEATS_TOTAL} seats in ${fmt(httpMs / 1000, 2)} s (${fmt(ATTEMPTS / (httpMs / 1000), 0)} attempts/s)   budget ≤ 10 s`);
console.log(`  201: ${counts[201]}   409: ${counts[409]}   other 4xx: ${counts.other4xx}   5xx: ${counts['5xx']}   network errors: ${counts.errors}`);
console.log(`  seats booked: ${seatsBooked}   overbooked seats: ${overbooked}`);
console.log(`raw SQL, same reservations: ${fmt(rawMs / 1000, 2)} s (${rawOk} reserved)`);
console.log(`ratio raw SQL time / HTTP time: ${fmt((rawMs / httpMs) * 100)} %`);
