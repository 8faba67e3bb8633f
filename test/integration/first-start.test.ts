// What a new operator sees on a fresh machine (issue #11, items 13–16): a clean install, one
// readable log line per request, a production bundle whatever NODE_ENV says, the demo's logins
// and screens printed at start, and a server that stays on localhost unless asked.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import semver from 'semver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';
import { startServerProcess, tempDataDir } from '../support/process';

const ROOT = path.resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

describe('npm install on the Node version package.json promises', () => {
  it('installs no package whose engines refuse the oldest Node that engines allows', () => {
    const oldest = semver.minVersion(pkg.engines.node)!.version;
    const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8'));
    const refused = Object.entries(lock.packages as Record<string, { version?: string; engines?: { node?: string } | string[]; optional?: boolean; dev?: boolean }>)
      .filter(([where, p]) => where && p.engines && !Array.isArray(p.engines) && p.engines.node && !semver.satisfies(oldest, p.engines.node))
      .map(([where, p]) => `${where}@${p.version} wants node ${(p.engines as { node: string }).node}`);
    expect(refused).toEqual([]);
    // The two that warned before (cookie@2, content-disposition@3) are held at versions for Node 20.
    expect(pkg.overrides).toMatchObject({ cookie: expect.any(String), 'content-disposition': expect.any(String) });
  });

  it('says which install scripts may run (esbuild checks its binary), so npm does not warn', () => {
    const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8'));
    const withScripts = Object.entries(lock.packages as Record<string, { hasInstallScript?: boolean }>)
      .filter(([, p]) => p.hasInstallScript)
      .map(([where]) => where.split('node_modules/').at(-1)!);
    expect(withScripts.length).toBeGreaterThan(0);
    for (const name of withScripts) expect(pkg.allowScripts, name).toHaveProperty([name]);
  });
});

describe('the request log', () => {
  const lines: string[] = [];
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ logger: { level: 'info', stream: { write: (s: string) => void lines.push(s) } } });
  });
  afterAll(async () => t?.close());

  it('writes one line per request, with method, path, status and time, after the answer', async () => {
    lines.length = 0;
    await t.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'req-health', authorization: 'Bearer not-logged' } });
    await t.app.inject({ method: 'GET', url: '/api/v1/tickets/by-code/NOPE99', headers: { 'x-request-id': 'req-unknown' } });
    const entries = lines.map((l) => JSON.parse(l));
    const health = entries.filter((e) => e.reqId === 'req-health');
    expect(health).toHaveLength(1);
    expect(health[0]).toMatchObject({ level: 30, method: 'GET', url: '/api/health', statusCode: 200 });
    expect(health[0].msg).toMatch(/^GET \/api\/health 200 [\d.]+ ms$/);
    expect(typeof health[0].ms).toBe('number');
    // No request headers (and so no authorization) in the line.
    expect(lines.join('')).not.toContain('not-logged');
    const unknown = entries.filter((e) => e.reqId === 'req-unknown');
    expect(unknown).toHaveLength(1);
    expect(unknown[0].msg).toMatch(/^GET \/api\/v1\/tickets\/by-code\/NOPE99 404 /);
  });
});

describe('log format of a real server process', () => {
  it('development: readable single lines (pino-pretty); production: JSON lines', async () => {
    const dev = await startServerProcess({ NODE_ENV: 'development', LOKET_DATA_DIR: tempDataDir(), LOKET_LOG_LEVEL: 'info' });
    try {
      await fetch(`${dev.url}/api/health`);
      await waitFor(() => /GET \/api\/health 200/.test(dev.output()), dev.output);
      const line = dev.output().split('\n').find((l) => l.includes('GET /api/health 200'))!;
      expect(line).toMatch(/INFO.*GET \/api\/health 200 [\d.]+ ms/);
      expect(() => JSON.parse(line)).toThrow();
      expect(dev.output()).not.toContain('incoming request');
    } finally {
      await dev.stop();
    }
    const prod = await startServerProcess({ NODE_ENV: 'production', LOKET_DATA_DIR: tempDataDir(), LOKET_LOG_LEVEL: 'info' });
    try {
      await fetch(`${prod.url}/api/health`);
      await waitFor(() => prod.output().includes('"url":"/api/health"'), prod.output);
      const entries = prod.output().trim().split('\n').map((l) => JSON.parse(l));
      expect(entries.filter((e) => e.url === '/api/health')).toHaveLength(1);
    } finally {
      await prod.stop();
    }
  }, 180_000);
});

// The data directory of these processes is PGlite's.
describe.skipIf(!!process.env.TEST_DATABASE_URL)('npm run demo and HOST', () => {
  it('prints the demo logins and the URLs of kiosk, display, console and booking; they answer', async () => {
    const server = await startServerProcess({ LOKET_DATA_DIR: tempDataDir(), LOKET_DEMO: '1' });
    try {
      await waitFor(() => server.output().includes('TV display'), server.output);
      const out = server.output();
      expect(out).toContain('"loket-demo"');
      expect(out).toMatch(/admin +site admin/);
      expect(out).toMatch(/petugas-1 … petugas-\d+/);
      const urls = [...out.matchAll(/(http:\/\/127\.0\.0\.1:\d+\/[^\s)]*)/g)].map((m) => m[1]!);
      for (const p of ['/kiosk', '/console', '/booking', '/display/mpp-samarinda', '/login']) expect(urls.map((u) => new URL(u).pathname)).toContain(p);
      // The display's slug is a real site.
      const sites = await (await fetch(`${server.url}/api/v1/sites`)).json();
      expect(sites.map((s: { slug: string }) => s.slug)).toContain('mpp-samarinda');
    } finally {
      await server.stop();
    }
  }, 180_000);

  it('without HOST listens on localhost only, and says how to open it to the network', async () => {
    const lan = Object.values(networkInterfaces()).flat().find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
    const server = await startServerProcess({ NODE_ENV: 'development', LOKET_DATA_DIR: tempDataDir(), LOKET_LOG_LEVEL: 'info', LOKET_LOG_FORMAT: 'json' }, { unset: ['HOST'] });
    try {
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      expect(server.output()).toContain('this computer only; HOST=0.0.0.0');
      if (lan) await expect(fetch(server.url.replace('127.0.0.1', lan), { signal: AbortSignal.timeout(5_000) })).rejects.toThrow();
    } finally {
      await server.stop();
    }
  }, 120_000);
});

describe('the web bundle', () => {
  it('is a production build even when the caller has NODE_ENV=development', () => {
    const outDir = mkdtempSync(path.join(tmpdir(), 'loket-web-'));
    const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'development' },
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    const js = readdirSync(path.join(outDir, 'assets')).filter((f) => f.endsWith('.js'));
    const all = js.map((f) => readFileSync(path.join(outDir, 'assets', f), 'utf8')).join('\n');
    expect(all).toContain('createRoot');
    // React's development builds call jsxDEV and print "Warning:"-style component stacks.
    expect(all).not.toContain('jsxDEV');
    expect(all).not.toMatch(/react-dom\.development|react\.development/);
  }, 180_000);
});

async function waitFor(ok: () => boolean, output: () => string, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out; output:\n${output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
