import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROCESS_TEST_TIMEOUT, startServerProcess, tempDataDir } from '../support/process';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Runs `loket <args>` as a real process; its exit code and what it printed. */
function loket(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/loket.mjs', ...args], { cwd: ROOT, env: { ...process.env, NODE_ENV: 'test', LOKET_SECRET: 'process-test-secret-process-test-secret', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

// The data-directory lock is PGlite's; PostgreSQL has none.
describe.skipIf(!!process.env.TEST_DATABASE_URL)('loket CLI while the server holds the data directory', () => {
  it('user:create says so in one sentence and exits 75, without a stack trace; works once the server stopped', async () => {
    const dataDir = tempDataDir();
    const env = { LOKET_DATA_DIR: dataDir, LOKET_PASSWORD: 'correct-horse-battery' };
    const server = await startServerProcess({ LOKET_DATA_DIR: dataDir });
    try {
      const refused = await loket(['user:create', '--username', 'admin', '--display-name', 'Admin'], env);
      expect(refused.code).toBe(75);
      const printed = refused.stderr.trim();
      expect(printed.split('\n'), printed).toHaveLength(1);
      expect(printed).toContain(`the data directory ${dataDir} is in use by a running Loket server (process ${server.child.pid})`);
      expect(printed).not.toMatch(/\n\s+at |Error:/);
      expect(refused.stdout).toBe('');
    } finally {
      await server.stop();
    }
    const created = await loket(['user:create', '--username', 'admin', '--display-name', 'Admin'], env);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain('Created admin (platform_admin).');
  }, PROCESS_TEST_TIMEOUT);
});

// The CLI opens its own database (PGlite in a temporary data directory), whatever the suite runs on.
describe('loket site:create', () => {
  it('creates a site from the shell with its zone by name, refuses a taken slug and bad input naming the flag; the server lists it', async () => {
    const dataDir = tempDataDir();
    const env = { LOKET_DATA_DIR: dataDir };
    const args = ['site:create', '--slug', 'mpp-bontang', '--name', 'Mal Pelayanan Publik Kota Bontang', '--time-zone', 'WITA', '--regency', 'Kota Bontang', '--province', 'Kalimantan Timur', '--address', 'Jl. Awang Long, Bontang'];
    const created = await loket(args, env);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain('Created site mpp-bontang (Mal Pelayanan Publik Kota Bontang, Asia/Makassar, status preparation)');

    const again = await loket(args, env);
    expect(again.code).toBe(65);
    expect(again.stderr).toMatch(/--slug: .*(already|taken|in use)/i);

    const badZone = await loket(['site:create', '--slug', 'mpp-mars', '--name', 'MPP Mars', '--time-zone', 'Mars/Olympus'], env);
    expect(badZone.code).toBe(65);
    expect(badZone.stderr).toContain('--time-zone: Unknown time zone');
    const badSlug = await loket(['site:create', '--slug', 'MPP Bontang!', '--name', 'MPP X', '--time-zone', 'WIB'], env);
    expect(badSlug.code).toBe(65);
    expect(badSlug.stderr).toContain('--slug:');
    const missing = await loket(['site:create', '--slug', 'mpp-x'], env);
    expect(missing.code).toBe(64);
    expect(missing.stderr).toContain('Usage: loket site:create');

    const server = await startServerProcess({ LOKET_DATA_DIR: dataDir });
    try {
      const sites = (await (await fetch(`${server.url}/api/v1/sites`)).json()) as Array<{ slug: string; timeZone: string; regency: string; status: string }>;
      expect(sites).toEqual([expect.objectContaining({ slug: 'mpp-bontang', timeZone: 'Asia/Makassar', regency: 'Kota Bontang', status: 'preparation' })]);
      const holidays = (await (await fetch(`${server.url}/api/v1/sites/mpp-bontang/holidays?year=2027`)).json()) as unknown[];
      expect(holidays.length).toBeGreaterThan(0);
    } finally {
      await server.stop();
    }
  }, PROCESS_TEST_TIMEOUT);
});
