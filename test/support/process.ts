import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServer } from 'node:net';

const ROOT = path.resolve(import.meta.dirname, '../..');

export function tempDataDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'loket-it-'));
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * How long a test that starts real server processes may take, and how long one start may take.
 * Hang catchers, not speed checks: on a busy 2-core machine a start (tsx, PGlite, migrations) has
 * taken over a minute.
 */
export const PROCESS_TEST_TIMEOUT = 600_000;
const READY_WITHIN_MS = 180_000;

/**
 * Starts a real `loket serve` process and waits until /api/ready answers. `unset` removes
 * variables of the defaults (e.g. HOST, to see where the server listens by itself).
 */
export async function startServerProcess(env: Record<string, string>, opts: { unset?: string[] } = {}): Promise<ServerProcess> {
  const port = await freePort();
  let out = '';
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test', HOST: '127.0.0.1', PORT: String(port), LOKET_LOG_LEVEL: 'warn', LOKET_SECRET: 'process-test-secret-process-test-secret', ...env };
  for (const k of opts.unset ?? []) delete childEnv[k];
  const child = spawn(process.execPath, ['bin/loket.mjs', 'serve', '--no-web-build'], { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + READY_WITHIN_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}):\n${out}`);
    try {
      const res = await fetch(`${url}/api/ready`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not become ready:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    child,
    url,
    output: () => out,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

export async function json(url: string, init: Omit<RequestInit, 'body'> & { body?: unknown } = {}) {
  const res = await fetch(url, {
    ...init,
    headers: { ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...(init.headers as Record<string, string>) },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}
