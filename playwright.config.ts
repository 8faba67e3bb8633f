import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3917);
/** A second server without demo data, for the first-run flow. */
export const FRESH_PORT = port + 1;

/**
 * e2e against the real server (PGlite in a throw-away data directory, clock at a Wednesday morning
 * in Samarinda) in Debian's Chromium. Flags: headless as root on a machine without network.
 */
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    screenshot: 'only-on-failure',
    trace: 'off',
    locale: 'id-ID',
    timezoneId: 'Asia/Makassar',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    },
  },
  webServer: [
    {
      command: `node test/e2e/serve.mjs ${port}`,
      url: `http://127.0.0.1:${port}/api/ready`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: `node test/e2e/serve.mjs ${FRESH_PORT} fresh`,
      url: `http://127.0.0.1:${FRESH_PORT}/api/ready`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
