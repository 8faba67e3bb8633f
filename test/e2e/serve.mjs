// Starts the real server for the e2e suite: a fresh PGlite data directory, the demo data, and the
// clock at Wednesday 25 Nov 2026 09:00 WITA so opening hours apply at any real hour.
//
// Messages (sign-in codes, booking confirmations) go to a loopback SMS/WhatsApp gateway started
// here: the notifier's real webhook channel posts to it, and a spec reads what it received from
// GET <sink>/messages, the way a test of a real gateway would. Its address is written to
// <tmpdir>/loket-e2e-sink-<port>.json (test/e2e/sink.ts reads it).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';

const port = process.argv[2] ?? '3917';
const fresh = process.argv[3] === 'fresh';
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'loket-e2e-'));

const messages = [];
const sink = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/messages') return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(messages));
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    try {
      messages.push({ ...JSON.parse(body), receivedAt: new Date().toISOString() });
      res.writeHead(202).end();
    } catch {
      res.writeHead(400).end();
    }
  });
});
await new Promise((resolve) => sink.listen(0, '127.0.0.1', resolve));
const sinkUrl = `http://127.0.0.1:${sink.address().port}`;
const sinkFile = path.join(os.tmpdir(), `loket-e2e-sink-${port}.json`);
writeFileSync(sinkFile, JSON.stringify({ url: sinkUrl }));

const child = spawn(process.execPath, ['bin/loket.mjs', 'serve', '--no-web-build'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    NODE_ENV: 'test',
    PORT: port,
    HOST: '127.0.0.1',
    LOKET_DATA_DIR: dataDir,
    LOKET_DEMO: fresh ? '0' : '1',
    LOKET_CLOCK_START: '2026-11-25T09:00:00+08:00',
    LOKET_LOG_LEVEL: 'warn',
    LOKET_NOTIFY_WEBHOOK_URL: process.env.LOKET_NOTIFY_WEBHOOK_URL ?? `${sinkUrl}/sms`,
  },
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill('SIGTERM'));
child.on('exit', (code) => {
  rmSync(sinkFile, { force: true });
  sink.close();
  process.exit(code ?? 0);
});
