// Starts the real server for the e2e suite: a fresh PGlite data directory, the demo data, and the
// clock at Wednesday 25 Nov 2026 09:00 WITA so opening hours apply at any real hour.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const port = process.argv[2] ?? '3917';
const fresh = process.argv[3] === 'fresh';
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'loket-e2e-'));
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
  },
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill('SIGTERM'));
child.on('exit', (code) => process.exit(code ?? 0));
