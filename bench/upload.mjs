// Wallet uploads (POST /api/v1/me/documents): 10 MiB PDFs, one after another, as a signed-in
// citizen: p50/p95 time (type sniffed, sealed in pieces, committed) and the server's RSS growth
// while they stream, against two baselines measured in the same run on the same bytes:
//   - a bare Fastify + @fastify/multipart route that streams the file to disk (the HTTP and
//     multipart cost with no checks, no encryption, no database), in its own process;
//   - a plain fs write of the bytes (the disk alone).
// DESIGN §5 budget: a 10 MiB upload p95 ≤ 1 s, server memory not growing by more than twice the
// file size. PostgreSQL when BENCH_DATABASE_URL is set, else PGlite.
//   node bench/upload.mjs            BENCH_UPLOADS=20 BENCH_MIB=10
import { randomBytes } from 'node:crypto';
import { writeFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { startDemo } from './demo.mjs';
import { fmt, freePort, machine, rssMiB, run, tempDir, waitFor } from './lib.mjs';

const UPLOADS = Number(process.env.BENCH_UPLOADS ?? 20);
const MIB = Number(process.env.BENCH_MIB ?? 10);
const SIZE = MIB * 1024 * 1024 - 64 * 1024; // under the 10 MiB limit with the multipart framing

/** A valid PDF of `SIZE` bytes: a real one-page document with a comment of random bytes inside. */
function bigPdf() {
  const head = Buffer.from('%PDF-1.4\n%');
  const body = Buffer.from(
    '\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  );
  const pad = randomBytes(SIZE - head.length - body.length).map((b) => (b === 10 || b === 13 ? 32 : b));
  return Buffer.concat([head, pad, body]);
}

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};

/** Runs `send` `n` times, sampling the RSS of `pid` every 10 ms: times (ms) and the peak RSS growth over the RSS before. */
async function measure(pid, n, send) {
  const before = rssMiB(pid);
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, rssMiB(pid))), 10);
  const times = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await send(i);
    times.push(performance.now() - t0);
  }
  clearInterval(timer);
  // What stays once the garbage of the last upload is collected (off-heap Buffers go at the next GC).
  await new Promise((r) => setTimeout(r, 2000));
  const after = rssMiB(pid);
  return { times, before, peak, growth: peak - before, after };
}

const form = (pdf, documentTypeId) => {
  const f = new FormData();
  if (documentTypeId) f.append('documentTypeId', documentTypeId);
  f.append('file', new Blob([pdf], { type: 'application/pdf' }), 'kk.pdf');
  return f;
};

// ---- a loopback SMS gateway for the sign-in code
const messages = [];
const gateway = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => (messages.push(JSON.parse(body)), res.writeHead(202).end()));
});
await new Promise((r) => gateway.listen(0, '127.0.0.1', r));

const demo = await startDemo({ LOKET_NOTIFY_WEBHOOK_URL: `http://127.0.0.1:${gateway.address().port}/sms` });
const { api, server } = demo;
const contact = 'bench@contoh.id';
if ((await api('/api/v1/citizen/login', { method: 'POST', body: { contact } })).status !== 202) throw new Error('login refused');
const code = messages.findLast((m) => m.kind === 'citizen.login_code').data.code;
const { token } = (await api('/api/v1/citizen/verify', { method: 'POST', body: { contact, code } })).body;
const kk = (await api('/api/v1/document-types')).body.find((t) => t.key === 'kk');

const pdf = bigPdf();
const upload = async () => {
  const res = await fetch(`${server.url}/api/v1/me/documents`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form(pdf, kk.id) });
  const doc = await res.json();
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${JSON.stringify(doc)}`);
  // Deleted again, so every upload meets the same wallet (and the database does not grow).
  const del = await fetch(`${server.url}/api/v1/me/documents/${doc.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
  if (del.status !== 204) throw new Error(`delete: ${del.status}`);
};

// ---- the bare baseline: multipart streamed to a file, nothing else
const barePort = await freePort();
const bareDir = tempDir('loket-bench-bare-');
const bare = run(process.execPath, [
  '-e',
  `
  const { createWriteStream } = require('node:fs');
  const { pipeline } = require('node:stream/promises');
  const path = require('node:path');
  const app = require('fastify')();
  app.register(require('@fastify/multipart'), { limits: { fileSize: ${MIB * 1024 * 1024}, files: 1 } });
  app.get('/ready', async () => 'ok');
  let n = 0;
  app.post('/upload', async (req, reply) => {
    const part = await req.file();
    await pipeline(part.file, createWriteStream(path.join(${JSON.stringify(bareDir)}, String(n++))));
    return reply.status(201).send({ ok: true });
  });
  app.listen({ port: ${barePort}, host: '127.0.0.1' });
`,
]);
await waitFor(`http://127.0.0.1:${barePort}/ready`);
const bareUpload = async () => {
  const res = await fetch(`http://127.0.0.1:${barePort}/upload`, { method: 'POST', body: form(pdf) });
  if (res.status !== 201) throw new Error(`bare: ${res.status}`);
  await res.text();
};

// Warm-up (JIT, connection, PGlite's buffers), then the measured runs.
for (let i = 0; i < 3; i++) (await upload(), await bareUpload());
const loket = await measure(server.child.pid, UPLOADS, upload);
const base = await measure(bare.child.pid, UPLOADS, bareUpload);
const fsTimes = [];
for (let i = 0; i < UPLOADS; i++) {
  const t0 = performance.now();
  await writeFile(path.join(bareDir, `fs-${i}`), pdf);
  fsTimes.push(performance.now() - t0);
}

const line = (name, m) => `${name.padEnd(34)} p50 ${fmt(quantile(m.times, 0.5))} ms  p95 ${fmt(quantile(m.times, 0.95))} ms  ${fmt((pdf.length / 2 ** 20 / (quantile(m.times, 0.5) / 1000)), 0)} MiB/s`;
console.log(`machine: ${machine()}; ${demo.kind}; ${UPLOADS} uploads of ${fmt(pdf.length / 2 ** 20, 2)} MiB each, one at a time`);
console.log(line('Loket POST /me/documents:', loket));
console.log(line('bare Fastify multipart → file:', base));
console.log(`${'plain fs write of the bytes:'.padEnd(34)} p50 ${fmt(quantile(fsTimes, 0.5))} ms  p95 ${fmt(quantile(fsTimes, 0.95))} ms`);
console.log(`ratio Loket p95 / bare p95:        ${fmt(quantile(loket.times, 0.95) / quantile(base.times, 0.95), 2)} ×   (budget: p95 ≤ 1000 ms)`);
const rss = (name, m) => `${name} ${fmt(m.before, 0)} MiB before, peak ${fmt(m.peak, 0)} MiB (growth ${fmt(m.growth)} MiB = ${fmt(m.growth / (pdf.length / 2 ** 20), 2)} × the file), ${fmt(m.after, 0)} MiB 2 s after (${fmt((m.after - m.before) / (pdf.length / 2 ** 20), 2)} ×)`;
console.log(rss('server RSS:', loket) + '   (budget: growth ≤ 2 ×)');
console.log(rss('bare RSS:  ', base));

await bare.stop();
await demo.stop();
gateway.close();
await rm(bareDir, { recursive: true, force: true });
