#!/usr/bin/env node
// Entry point of the `loket` CLI. Runs the TypeScript sources through tsx (no separate server
// build step) and, before `serve`, makes sure the web app in dist/web is built and current.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function ensureWebBuilt() {
  const stamp = path.join(root, 'dist/web/.build-stamp');
  const sources = ['src/web', 'src/domain', 'src/contracts'].map((d) => path.join(root, d)).filter(existsSync);
  const newest = Math.max(...sources.map(newestMtime), statSync(path.join(root, 'package.json')).mtimeMs);
  if (existsSync(stamp) && Number(readFileSync(stamp, 'utf8')) >= newest) return;
  console.log('Building the web app (first start or sources changed)...');
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  // A production bundle whatever NODE_ENV the caller has (vite.config.ts insists too): only
  // `npm run dev` serves development code.
  const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (r.status !== 0) process.exit(r.status ?? 1);
  const c = spawnSync(process.execPath, [path.join(root, 'scripts/compress-web.mjs')], { stdio: 'inherit' });
  if (c.status !== 0) process.exit(c.status ?? 1);
  writeFileSync(stamp, String(newest));
}

/**
 * `npm run dev`: the API server without a bundle, and Vite's dev server (development React, hot
 * reload) on port 5173 proxying /api to it. The dev server ends with this process.
 */
function startViteDevServer() {
  const port = process.env.PORT ?? '3000';
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  const child = spawn(process.execPath, [vite, '--clearScreen', 'false'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'development', LOKET_API_URL: `http://127.0.0.1:${port}` } });
  process.on('exit', () => child.kill('SIGTERM'));
  console.log('Development: open the web app from Vite (http://localhost:5173); the API listens on port ' + port + '.');
}

const [command = 'serve'] = process.argv.slice(2);
const dev = command === 'serve' && process.argv.includes('--dev');
if (dev) startViteDevServer();
else if (command === 'serve' && !process.argv.includes('--no-web-build')) ensureWebBuilt();
register();
const { main } = await import('../src/server/main.ts');
await main(process.argv.slice(2));
