import { connect } from 'node:net';
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { PROCESS_TEST_TIMEOUT, startServerProcess, tempDataDir, type ServerProcess } from '../support/process';

// A real `loket serve` on PGlite (a data directory of its own), stopped by a signal.
const dirs: string[] = [];
const started: ServerProcess[] = [];
afterAll(async () => {
  for (const s of started) await s.stop('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function serve(env: Record<string, string> = {}) {
  const dir = tempDataDir();
  dirs.push(dir);
  const s = await startServerProcess({ LOKET_DATA_DIR: dir, LOKET_JOBS: '0', ...env });
  started.push(s);
  return s;
}

describe.runIf(!process.env.TEST_DATABASE_URL)('shutdown', () => {
  it('exits cleanly on SIGTERM and leaves the data directory unlocked', { timeout: PROCESS_TEST_TIMEOUT }, async () => {
    const s = await serve();
    expect(await s.stop('SIGTERM')).toBe(0);
  });

  it('exits by its deadline even when a request never completes', { timeout: PROCESS_TEST_TIMEOUT }, async () => {
    const s = await serve({ LOKET_SHUTDOWN_TIMEOUT_MS: '1500' });
    // A client that sends half a request and then nothing: the connection is never idle, so a
    // plain close would wait for it forever.
    const { port } = new URL(s.url);
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise<void>((r) => socket.once('connect', () => r()));
    socket.write('POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"user');
    await new Promise((r) => setTimeout(r, 200));
    const code = await s.stop('SIGTERM');
    socket.destroy();
    // It exited by itself at the deadline (1: work was left unfinished), not killed.
    expect(code).toBe(1);
    expect(s.output()).toContain('shutdown deadline passed');
  });
});
