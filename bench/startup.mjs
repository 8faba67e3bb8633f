// Cold and warm start of `npm start` on PGlite (time until /api/health answers) and RSS at idle.
// Cold: an empty data directory (creates the database and runs every migration).
// Warm: the same directory again. The web bundle is built beforehand (npm start does it once).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { freePort, machine, rssMiB, ROOT, run, tempDir, waitFor, fmt } from './lib.mjs';

if (!existsSync(path.join(ROOT, 'dist/web/index.html'))) {
  console.error('Build the web app first: npm run build:web');
  process.exit(1);
}

async function startOnce(dataDir) {
  const port = await freePort();
  const t0 = performance.now();
  const p = run('npm', ['start', '--silent', '--', '--no-web-build'], { PORT: String(port), HOST: '127.0.0.1', LOKET_DATA_DIR: dataDir, LOKET_LOG_LEVEL: 'warn' });
  await waitFor(`http://127.0.0.1:${port}/api/health`);
  const ms = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 2000)); // idle
  const pid = Number(readFileSync(path.join(dataDir, 'loket.pid'), 'utf8'));
  const rss = rssMiB(pid);
  process.kill(pid, 'SIGTERM');
  await p.stop();
  return { ms, rss };
}

const dir = tempDir();
const cold = await startOnce(dir);
const warm = [];
for (let i = 0; i < 3; i++) warm.push(await startOnce(dir));
const warmMs = warm.map((w) => w.ms).sort((a, b) => a - b)[1];
const rss = Math.max(...warm.map((w) => w.rss));
console.log(`machine: ${machine()}`);
console.log(`cold start (empty data dir, migrations): ${fmt(cold.ms, 0)} ms`);
console.log(`warm start (median of 3):                ${fmt(warmMs, 0)} ms   budget ≤ 5000 ms`);
console.log(`RSS at idle:                             ${fmt(rss)} MiB  budget ≤ 400 MiB`);
