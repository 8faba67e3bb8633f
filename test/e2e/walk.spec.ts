import { expect, request as newRequest, test, type APIRequestContext, type Page } from '@playwright/test';
import { FRESH_PORT } from '../../playwright.config';

/*
 * Issue #11, "a day at the MPP, walked through", on the demo server (MPP Samarinda, Wednesday
 * 25 Nov 2026 09:00 WITA): the places where a new operator, an officer, a citizen and the TV got
 * stuck, each driven through the real pages. Screenshots of the changed screens go to
 * test-results/screenshots/.
 */

const PASSWORD = 'loket-demo';
const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage });

async function staffApi(baseURL: string | undefined, username = 'admin') {
  const api = await newRequest.newContext({ baseURL });
  const login = await api.post('/api/v1/auth/login', { data: { username, password: PASSWORD } });
  expect(login.ok()).toBeTruthy();
  const { token } = (await login.json()) as { token: string };
  const sites = (await (await api.get('/api/v1/sites')).json()) as Array<{ id: string; slug: string }>;
  const site = sites.find((s) => s.slug === 'mpp-samarinda')!;
  return { api, auth: { authorization: `Bearer ${token}` }, site };
}

async function signIn(page: Page, username = 'admin') {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page).not.toHaveURL(/\/login/);
}

async function pairingCode(api: APIRequestContext, auth: Record<string, string>, siteId: string, role: 'kiosk' | 'display', name: string) {
  const r = await api.post(`/api/v1/sites/${siteId}/device-pairings`, { headers: auth, data: { role, name } });
  expect(r.status()).toBe(201);
  return ((await r.json()) as { code: string }).code;
}

test.describe.serial('a day at the MPP (issue #11)', () => {
  test('item 2: a TV pairs at /display like a kiosk, remembers its site, and a revoked one asks again', async ({ browser, page, baseURL }) => {
    const { api, auth, site } = await staffApi(baseURL);

    // The devices page names addresses that exist.
    await signIn(page);
    await page.goto('/admin/catalog/devices');
    await expect(page.getByTestId('device-how')).toContainText(`${baseURL}/display`);

    const tv = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await tv.goto('/display');
    await expect(tv.getByRole('heading', { level: 1 })).toHaveText('Pasangkan layar panggilan');
    await shot(tv, 'display-pairing');

    // A kiosk's code is not a display's.
    await tv.getByTestId('pair-code').fill(await pairingCode(api, auth, site.id, 'kiosk', 'Anjungan salah (e2e)'));
    await tv.getByTestId('pair-submit').click();
    await expect(tv.getByTestId('pair-error')).toContainText('bukan untuk layar panggilan');

    await tv.getByTestId('pair-code').fill(await pairingCode(api, auth, site.id, 'display', 'Layar lobi (e2e)'));
    await tv.getByTestId('pair-submit').click();
    await expect(tv.getByTestId('display-clock')).toContainText('WITA');
    await expect(tv.getByText('Mal Pelayanan Publik Kota Samarinda').first()).toBeVisible();
    await shot(tv, 'display-paired');

    // Remembered: a restart of the TV opens its site again, no code asked.
    await tv.reload();
    await expect(tv.getByTestId('display-clock')).toContainText('WITA');

    // Revoked by the admin: back to pairing with the reason.
    const devices = (await (await api.get(`/api/v1/sites/${site.id}/devices`, { headers: auth })).json()) as Array<{ id: string; name: string; revokedAt: string | null }>;
    const mine = devices.find((d) => d.name === 'Layar lobi (e2e)' && !d.revokedAt)!;
    expect((await api.post(`/api/v1/devices/${mine.id}/revoke`, { headers: auth })).status()).toBe(204);
    await tv.reload();
    await expect(tv.getByRole('status')).toContainText('dilepas oleh admin');
    await expect(tv.getByTestId('pair-code')).toBeVisible();

    // The public display by slug stays for quick use.
    await tv.goto('/display/mpp-samarinda');
    await expect(tv.getByTestId('display-clock')).toContainText('WITA');
    await tv.close();
  });

  test('item 1: on a fresh install the platform admin creates the first MPP, edits it, and the empty catalogue offers the first steps', async ({ browser }) => {
    // The second server has no demo data; platform.spec may already have made its first admin.
    const fresh = `http://127.0.0.1:${FRESH_PORT}`;
    const api = await newRequest.newContext({ baseURL: fresh });
    const setup = (await (await api.get('/api/v1/setup')).json()) as { needed: boolean };
    if (setup.needed) expect((await api.post('/api/v1/setup', { data: { username: 'provadmin', displayName: 'Admin Provinsi', password: 'rahasia-sekali-123' } })).status()).toBe(201);
    const ctx = await browser.newContext({ baseURL: fresh, viewport: { width: 1366, height: 768 } });
    const page = await ctx.newPage();
    await page.goto('/login');
    await page.getByTestId('login-username').fill('provadmin');
    await page.getByTestId('login-password').fill('rahasia-sekali-123');
    await page.getByTestId('login-submit').click();
    await expect(page).toHaveURL(/\/dashboard$/);

    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Katalog layanan' }).click();
    await expect(page.getByRole('heading', { name: 'Buat MPP pertama' })).toBeVisible();
    await expect(page.getByText('Hubungi admin platform')).toHaveCount(0);

    await page.getByTestId('site-create').click();
    await expect(page.getByTestId('site-name')).toHaveAttribute('aria-invalid', 'true');
    await page.getByTestId('site-name').fill('Mal Pelayanan Publik Kota Bontang');
    await expect(page.getByTestId('site-slug')).toHaveValue('mpp-kota-bontang');
    await page.getByTestId('site-zone').selectOption('Asia/Makassar');
    await page.getByTestId('site-regency').fill('Kota Bontang');
    await page.getByTestId('site-province').fill('Kalimantan Timur');
    await page.getByTestId('site-address').fill('Jl. Awang Long No. 1, Bontang Utara');
    await page.getByTestId('site-phone').fill('0548 21000');
    await shot(page, 'site-create', true);
    await page.getByTestId('site-create').click();

    // The new, empty catalogue guides the first steps.
    await expect(page).toHaveURL(/\/admin\/catalog\/agencies$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Mal Pelayanan Publik Kota Bontang');
    await expect(page.getByTestId('agency-first')).toHaveText('Tambah instansi pertama');
    await expect(page.getByTestId('catalog-import-first')).toHaveText('Impor berkas katalog');
    await shot(page, 'catalog-empty');
    await page.getByTestId('catalog-import-first').click();
    await expect(page).toHaveURL(/\/admin\/catalog\/transfer$/);

    // Editing: the settings hold what was entered; a change is saved.
    await page.getByTestId('catalog-tab-settings').click();
    await expect(page.getByLabel('Kabupaten/kota')).toHaveValue('Kota Bontang');
    await page.getByLabel('Status').selectOption('trial');
    await page.getByTestId('settings-save').click();
    await expect(page.getByText('Pengaturan MPP disimpan.')).toBeVisible();
    const sites = (await (await api.get('/api/v1/sites')).json()) as Array<{ slug: string; status: string; timeZone: string; regency: string }>;
    expect(sites.find((s) => s.slug === 'mpp-kota-bontang')).toMatchObject({ status: 'trial', timeZone: 'Asia/Makassar', regency: 'Kota Bontang' });

    // A second MPP with a taken address is refused on the field.
    await page.getByTestId('site-new').click();
    await expect(page.getByRole('heading', { name: 'Tambah MPP' })).toBeVisible();
    await page.getByTestId('site-name').fill('MPP Bontang kedua');
    await page.getByTestId('site-slug').fill('mpp-kota-bontang');
    await page.getByTestId('site-create').click();
    await expect(page.getByTestId('site-slug')).toHaveAttribute('aria-invalid', 'true');
    await ctx.close();
  });

  test('item 10: an officer starts at the console of their counter; no-show waits for the grace period; the picker names agencies in natural order', async ({ browser, page, baseURL }) => {
    const { api, auth, site } = await staffApi(baseURL);
    const counters = (await (await api.get(`/api/v1/sites/${site.id}/counters`)).json()) as Array<{ id: string; number: number; serviceIds: string[] }>;
    const c5 = counters.find((c) => c.number === 5)!;
    // A kiosk issues a ticket for a service of Loket 5 (its own request context: no staff cookie).
    const kioskApi = await newRequest.newContext({ baseURL });
    const claim = await kioskApi.post('/api/v1/devices/claim', { data: { code: await pairingCode(api, auth, site.id, 'kiosk', 'Anjungan uji (e2e)') } });
    expect(claim.status()).toBe(201);
    const kiosk = { authorization: `Bearer ${((await claim.json()) as { token: string }).token}` };
    const issued = await kioskApi.post(`/api/v1/sites/${site.id}/tickets`, { headers: { ...kiosk, 'idempotency-key': `walk-${Date.now()}` }, data: { serviceId: c5.serviceIds[0] } });
    expect(issued.status(), await issued.text()).toBe(201);
    const { number } = (await issued.json()) as { number: string };

    const officer = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await officer.goto('/login');
    await officer.getByTestId('login-username').fill('petugas-5');
    await officer.getByTestId('login-password').fill(PASSWORD);
    await officer.getByTestId('login-submit').click();
    await expect(officer).toHaveURL(new RegExp(`/console/${c5.id}$`));
    await expect(officer.getByTestId('console-counter-name')).toHaveText('Loket 5');
    // Call until our ticket is up (earlier specs may have left others waiting).
    for (let i = 0; i < 20; i++) {
      await officer.getByTestId('console-call-next').click();
      await expect(officer.getByTestId('console-current-number')).toBeVisible();
      if ((await officer.getByTestId('console-current-number').innerText()).trim() === number) break;
      await officer.getByTestId('console-finish').click();
      await expect(officer.getByTestId('console-current-number')).toHaveCount(0);
    }
    await expect(officer.getByTestId('console-current-number')).toHaveText(number);
    await officer.getByTestId('console-no-show').click();
    await officer.getByTestId('console-no-show-confirm').click();
    await expect(officer.getByText(/baru dipanggil\. Tunggu \d+ detik lagi/)).toBeVisible();
    await expect(officer.getByTestId('console-current-number')).toHaveText(number);
    await shot(officer, 'console-no-show-grace');
    await officer.close();

    // The site admin's counter picker: agency names, counters 1, 2, … 10 in order.
    await signIn(page);
    await page.goto('/console?pick=1');
    const cards = page.getByTestId('console-counter');
    await expect(cards.first()).toBeVisible();
    const order = (await cards.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-number')))));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    await expect(cards.first().getByTestId('console-counter-agency')).not.toBeEmpty();
    await shot(page, 'console-picker');
  });

  test('item 12: admin tables fit 1366 px and become cards on a phone; the booking desk sees all services of a day; dates read the app way', async ({ browser }) => {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await ctx.newPage();
    await signIn(page);
    await page.goto('/admin/catalog/agencies');
    const first = page.getByTestId('agency-row').first();
    await expect(first).toBeVisible();
    await expect(first.getByRole('button', { name: /^Nonaktifkan/ })).toBeInViewport();
    await shot(page, 'agencies-1366');

    // The booking desk: every bookable service of one day.
    await page.goto('/admin/booking');
    await page.getByTestId('admin-booking-view').getByText('Semua layanan sehari').click();
    await expect(page).toHaveURL(/view=overview/);
    const overview = page.getByTestId('admin-booking-overview');
    await expect(overview.getByRole('heading', { name: 'Semua layanan, Rabu, 25 November 2026' })).toBeVisible();
    await expect(overview.getByTestId('admin-overview-service').first()).toBeVisible();
    await expect(overview.getByTestId('admin-overview-total')).toContainText('Total:');
    // The date field reads and takes dates day first, in Indonesian (never mm/dd/yyyy).
    const date = overview.getByTestId('admin-overview-date');
    await expect(date).toHaveValue('25 November 2026');
    await date.fill('26/11/2026');
    await date.blur();
    await expect(overview.getByRole('heading', { name: 'Semua layanan, Kamis, 26 November 2026' })).toBeVisible();
    await expect(date).toHaveValue('26 November 2026');
    await shot(page, 'booking-overview', true);
    await overview.getByTestId('admin-overview-service').first().getByRole('button').click();
    await expect(page).toHaveURL(/day=2026-11-26/);
    await expect(page.getByTestId('admin-booking-day')).toBeVisible();
    await ctx.close();

    // A phone: rows are cards, nothing scrolls sideways, the actions are in reach.
    const phoneCtx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const phone = await phoneCtx.newPage();
    await signIn(phone);
    await phone.goto('/admin/catalog/agencies');
    const card = phone.getByTestId('agency-row').first();
    await expect(card).toBeVisible();
    const deactivate = card.getByRole('button', { name: /^Nonaktifkan/ });
    await deactivate.scrollIntoViewIfNeeded();
    await expect(deactivate).toBeInViewport();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await shot(phone, 'agencies-phone');
    await phoneCtx.close();
  });
});
