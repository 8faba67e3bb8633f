import { expect, request as newRequest, test, type Page } from '@playwright/test';

/*
 * The live floor view end to end, on the demo server (MPP Samarinda, Wednesday 09:00 WITA): the
 * site admin opens "Pantauan lantai", a ticket issued through the API appears there live, and an
 * announcement typed there runs on the TV display's ticker (live, and after a reload) until the
 * admin removes it.
 */

const PASSWORD = 'loket-demo';
const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/${name}.png` });

async function signIn(page: Page) {
  await page.goto('/login');
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

/**
 * Accessibility basics of a page (without axe-core, which is not installed): the language is set,
 * one h1/h2 title, every control has an accessible name, every image-like icon in a button is
 * hidden or labelled, and no id is used twice.
 */
async function checkAccessible(page: Page) {
  await expect(page.locator('html')).toHaveAttribute('lang', /^(id|en)/);
  // Controls hidden from assistive technology on purpose (a number field's spin arrows) are skipped.
  const controls = page.locator('main').locator(':is(input:not([type=hidden]), textarea, select, button, [role=combobox], a[href]):not([aria-hidden="true"])');
  const n = await controls.count();
  expect(n).toBeGreaterThan(3);
  for (let i = 0; i < n; i++) {
    const c = controls.nth(i);
    if (await c.isVisible()) await expect(c, `control ${i} has a name`).toHaveAccessibleName(/\S/);
  }
  const duplicateIds = await page.evaluate(() => {
    const seen = new Map<string, number>();
    for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
    return [...seen].filter(([, k]) => k > 1).map(([id]) => id);
  });
  expect(duplicateIds).toEqual([]);
}

test('the admin watches the floor live and puts an announcement on the TV', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const api = await newRequest.newContext({ baseURL });
  const login = await api.post('/api/v1/auth/login', { data: { username: 'admin', password: PASSWORD } });
  expect(login.ok()).toBeTruthy();
  const auth = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
  const site = ((await (await api.get('/api/v1/sites')).json()) as Array<{ id: string; slug: string }>).find((s) => s.slug === 'mpp-samarinda')!;
  // A service the other specs leave alone (they queue at KTP-EL), open now, with a counter and nobody waiting.
  const services = (await (await api.get(`/api/v1/sites/${site.id}/services`)).json()) as Array<{ id: string; code: string }>;
  const counters = (await (await api.get(`/api/v1/sites/${site.id}/counters`)).json()) as Array<{ id: string; serviceIds: string[]; paused: boolean }>;
  const summary = (await (await api.get(`/api/v1/sites/${site.id}/queue/summary`)).json()) as { services: Array<{ serviceId: string; waiting: number }> };
  const candidates = services
    .filter((s) => s.code !== 'KTP-EL' && summary.services.some((x) => x.serviceId === s.id && x.waiting === 0))
    .map((s) => ({ service: s, counter: counters.find((c) => !c.paused && c.serviceIds.length === 1 && c.serviceIds[0] === s.id) }))
    .filter((x) => x.counter);
  expect(candidates.length).toBeGreaterThan(0);
  const { service, counter } = candidates[0];

  // The admin opens the floor view from the navigation.
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await signIn(page);
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Pantauan lantai' }).click();
  await expect(page).toHaveURL(/\/floor$/);
  await expect(page.getByRole('heading', { name: 'Pantauan lantai' })).toBeVisible();
  await expect(page.getByTestId('floor-stream')).toHaveText('Langsung');
  await expect(page.locator('[data-testid^="floor-counter-"]').first()).toBeVisible();
  const row = page.getByTestId(`floor-service-${service.code}`);
  const waitingCell = row.getByTestId('floor-service-waiting');
  // Services nobody waits for are folded away: the row may not be there yet.
  const before = (await row.count()) ? Number((await waitingCell.innerText()).trim()) : 0;

  // A ticket issued elsewhere (the front desk, through the API) appears without a reload.
  const issued = await api.post(`/api/v1/sites/${site.id}/tickets`, { headers: auth, data: { serviceId: service.id } });
  expect(issued.status()).toBe(201);
  const ticket = (await issued.json()) as { id: string };
  await expect(waitingCell).toHaveText(String(before + 1));
  await shot(page, 'floor');
  await checkAccessible(page);

  // The TV display, already open, shows the site's name on its ticker.
  const display = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await display.goto('/display/mpp-samarinda');
  await expect(display.getByTestId('display-clock')).toContainText('WITA');
  await expect(display.getByTestId('display-ticker')).toBeVisible();

  // The admin types an announcement; it runs on the TV at once.
  const text = 'Layanan SIM hari ini sampai pukul 12.00 WITA. (uji e2e)';
  await page.getByTestId('floor-announcement-text').fill(text);
  await page.getByTestId('floor-announcement-post').click();
  await expect(page.getByTestId('floor-announcement')).toContainText(text);
  await expect(display.getByTestId('display-announcement')).toContainText(text);
  await shot(display, 'display-announcement');

  // After a reload the TV still shows it (from the summary).
  await display.reload();
  await expect(display.getByTestId('display-announcement')).toContainText(text);

  // Removing asks first; then the TV shows its usual line again.
  await page.getByTestId('floor-announcement-clear').click();
  await expect(page.getByRole('dialog')).toContainText(text);
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('floor-announcement-none')).toBeVisible();
  await expect(display.getByTestId('display-announcement')).toHaveCount(0);
  await expect(display.getByTestId('display-ticker')).toBeVisible();

  // English on request.
  await page.getByRole('button', { name: /English/ }).first().click();
  await expect(page.getByRole('heading', { name: 'Floor view' })).toBeVisible();

  // Leave the demo as found for the specs after this one: the ticket is called and served (a
  // no-show would have to wait for the grace period after the call).
  const called = await api.post(`/api/v1/counters/${counter!.id}/call-next`, { headers: auth });
  expect(((await called.json()) as { ticket: { id: string } }).ticket.id).toBe(ticket.id);
  expect((await api.post(`/api/v1/tickets/${ticket.id}/finish`, { headers: auth, data: {} })).status()).toBe(200);
  await api.dispose();
});
