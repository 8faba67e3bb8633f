// Shared helpers for the benchmark scripts: start real server processes, wait for them, load them.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const tempDir = (prefix = 'loket-bench-') => mkdtempSync(path.join(os.tmpdir(), prefix));

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export async function waitFor(url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {}
    if (Date.now() > deadline) throw new Error(`timeout waiting for ${url}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Spawns a command, returns {child, stop()}; output is kept for error reports. */
export function run(cmd, args, env = {}) {
  let out = '';
  const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    child,
    output: () => out,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

/**
 * Starts `loket serve` and resolves when /api/ready answers. BENCH_PROFILE=<dir> writes a V8 CPU
 * profile of the server there when it stops (open it in Chrome DevTools).
 */
export async function startLoket(env = {}) {
  const port = await freePort();
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const p = run(process.execPath, [...profile, 'bin/loket.mjs', 'serve', '--no-web-build'], {
    NODE_ENV: 'production',
    LOKET_SECRET: 'bench-secret-bench-secret-bench-secret-00',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOKET_LOG_LEVEL: 'warn',
    ...env,
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/api/ready`);
  return { ...p, url, port };
}

export function rssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
}

export function load(opts) {
  return new Promise((resolve, reject) => {
    autocannon({ connections: 10, duration: 10, ...opts }, (err, res) => (err ? reject(err) : resolve(res)));
  });
}

export function machine() {
  const cpu = os.cpus()[0]?.model ?? 'unknown cpu';
  return `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}

export const fmt = (n, d = 1) => Number(n).toFixed(d);
