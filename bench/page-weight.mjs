// Page weight: the JavaScript a real browser downloads (gzip, as sent on the wire) to show
// the paired kiosk home, the TV display and the citizen's status page, against the budget of
// DESIGN §5 (≤ 250 KB gzipped each). Needs a built web app (`npm run build`) and Chromium.
//   node bench/page-weight.mjs            CHROMIUM_PATH=/usr/bin/chromium
import { chromium } from '@playwright/test';
import { fmt, machine } from './lib.mjs';
import { startDemo } from './demo.mjs';

const BUDGET_KB = 250;
const demo = await startDemo();
const { api, site } = demo;
const admin = await demo.login('admin');
const pairing = (await api(`/api/v1/sites/${site.id}/device-pairings`, { method: 'POST', token: admin, body: { role: 'kiosk', name: 'page-weight bench' } })).body;
const claimed = (await api('/api/v1/devices/claim', { method: 'POST', body: { code: pairing.code } })).body;
const service = (await api(`/api/v1/sites/${site.id}/services`)).body.find((s) => s.code === 'KTP-EL');
const ticket = (await api(`/api/v1/sites/${site.id}/tickets`, { method: 'POST', token: claimed.token, body: { serviceId: service.id } })).body;
if (!ticket.trackingCode) throw new Error(`ticket not issued: ${JSON.stringify(ticket)}`);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});

/** Opens a page in a fresh context and sums the encoded body sizes of its scripts once it is shown. */
async function weigh(name, path, ready, setup) {
  // The budget is in gzip: ask for gzip only (the server would otherwise send smaller brotli).
  const context = await browser.newContext({ baseURL: demo.server.url, locale: 'id-ID', timezoneId: 'Asia/Makassar', extraHTTPHeaders: { 'accept-encoding': 'gzip' } });
  if (setup) await context.addInitScript(setup.script, setup.arg);
  const page = await context.newPage();
  const scripts = [];
  page.on('requestfinished', async (req) => {
    if (req.resourceType() !== 'script') return;
    const sizes = await req.sizes();
    const res = await req.response();
    scripts.push({ url: req.url(), bytes: sizes.responseBodySize, encoding: res?.headers()['content-encoding'] ?? 'identity' });
  });
  await page.goto(path);
  await page.getByTestId(ready).first().waitFor({ timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  await context.close();
  const total = scripts.reduce((n, s) => n + s.bytes, 0);
  const encodings = [...new Set(scripts.map((s) => s.encoding))].join(', ');
  return { name, kb: total / 1024, files: scripts.length, encodings };
}

const device = { token: claimed.token, deviceId: claimed.device.id, siteId: site.id, name: claimed.device.name };
const results = [
  await weigh('kiosk (paired, home)', '/kiosk', 'kiosk-agency', { script: (d) => localStorage.setItem('loket.kiosk.device', JSON.stringify(d)), arg: device }),
  await weigh('TV display', '/display/mpp-samarinda', 'display-clock'),
  await weigh('status page', `/t/${ticket.trackingCode}`, 'status-number'),
];
await browser.close();
await demo.stop();

console.log(`machine: ${machine()}; JS as sent (content-encoding in brackets), budget ≤ ${BUDGET_KB} KB`);
for (const r of results) {
  console.log(`${r.name.padEnd(22)} ${fmt(r.kb, 1).padStart(7)} KB in ${r.files} files [${r.encodings}]   ${r.kb <= BUDGET_KB ? 'within budget' : 'OVER BUDGET'}`);
}
