import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, request as newRequest, test, type Page } from '@playwright/test';

/*
 * Online booking through the real pages, against the demo server (clock: Wednesday 25 Nov 2026
 * 09:00 WITA, so "tomorrow" is Thursday 26 Nov). A citizen books KTP-el for tomorrow, gets the
 * code and the confirmation (screenshot), reloads it, then finds the booking with code + NIK,
 * moves it to another slot and cancels it. A second citizen's booking is then seen by the MPP
 * operator on /admin/booking with a masked NIK, with the close-day dialog counting who would be told.
 *
 * The whole journey (book → check in at the kiosk on the day → called at the counter) needs the
 * clock to move to the booked day: bookings start tomorrow and check-in opens 30 minutes before
 * the slot. That test runs its own server twice on one data directory: Wednesday 09:00 to book,
 * then Thursday 08:05 to check in.
 */

const TOMORROW = '2026-11-26';
// Valid NIKs: Kalimantan Timur (64), Kota Samarinda (72), district 01, born 17-08-1990 / 03-03-1985 (woman: day + 40).
const NIK_A = '6472011708900001';
const NIK_B = '6472014303850002';
const NIK_C = '6472010512920003';
const PASSWORD = 'loket-demo';


async function openBookingForKtp(page: Page) {
  await page.goto('/booking');
  // Two demo sites (Samarinda, Balikpapan on trial): the flow starts by choosing one.
  const title = page.getByTestId('booking-step-title');
  await expect(title).toHaveText(/Pilih MPP|Pilih layanan/);
  if ((await title.textContent()) === 'Pilih MPP') await page.getByRole('link', { name: /Kota Samarinda/ }).click();
  await expect(page.getByTestId('booking-step-title')).toHaveText('Pilih layanan');
  await page.getByTestId('booking-service-search').fill('ktp');
  await page.getByTestId('booking-services').getByRole('button', { name: /Perekaman dan Pencetakan KTP-el/ }).click();
  await expect(page.getByTestId('booking-step-title')).toHaveText('Pilih tanggal dan jam');
  await expect(page.getByTestId('booking-chosen-service')).toHaveText('Perekaman dan Pencetakan KTP-el');
}

async function pickTomorrowSlot(page: Page, nth = 0): Promise<string> {
  const day = page.getByTestId('booking-dates').locator(`[data-date="${TOMORROW}"]`);
  await expect(day).toBeEnabled();
  await day.click();
  await expect(day).toHaveAttribute('aria-pressed', 'true');
  const slot = page.getByTestId('booking-slots').locator('button:enabled').nth(nth);
  await expect(slot).toBeVisible();
  const start = (await slot.getAttribute('data-start'))!;
  await slot.click();
  return start;
}

test.describe.serial('booking on the demo server', () => {
  test('a citizen books KTP-el for tomorrow, gets the code, then reschedules and cancels it', async ({ page }) => {
    await openBookingForKtp(page);

    // The strip shows the next 14 days; the weekend is closed (Disdukcapil works Monday to Friday).
    const dates = page.getByTestId('booking-dates');
    await expect(dates.locator('button')).toHaveCount(14);
    await expect(dates.locator('[data-date="2026-11-28"]')).toHaveAttribute('data-state', 'closed');
    await expect(dates.locator('[data-date="2026-11-28"]')).toBeDisabled();
    await expect(dates.locator('[data-date="2026-11-28"]')).toContainText('Tutup');

    await pickTomorrowSlot(page);
    await expect(page.getByTestId('booking-step-title')).toHaveText('Isi data diri');
    await expect(page.getByTestId('booking-chosen-slot')).toContainText('26 November 2026');
    await expect(page.getByTestId('booking-chosen-slot')).toContainText('WITA');
    // The NIK is never part of the address.
    expect(page.url()).not.toContain(NIK_A);

    // Instant NIK feedback from src/domain/nik.ts, and the consent is required.
    const nik = page.getByTestId('booking-nik');
    await nik.fill('64720117O8');
    await expect(page.getByText('NIK hanya boleh berisi angka.')).toBeVisible();
    await nik.fill('9972011708900001');
    await expect(page.getByText('Dua digit pertama NIK bukan kode provinsi yang terdaftar.')).toBeVisible();
    await nik.fill(NIK_A);
    await expect(page.getByText('Dua digit pertama NIK bukan kode provinsi yang terdaftar.')).toHaveCount(0);
    await page.getByTestId('booking-name').fill('Siti Rahmawati');
    await page.getByTestId('booking-phone').fill('0812 3456 7890');
    await page.getByTestId('booking-submit').click();
    await expect(page.getByText('Centang persetujuan untuk melanjutkan.')).toBeVisible();
    await page.getByTestId('booking-consent').check();
    await page.getByTestId('booking-submit').click();

    // Confirmation: the code large, the QR as an image, the time in WITA, what to bring.
    await expect(page).toHaveURL(/\/booking\/done\/[A-Z0-9]+$/);
    await expect(page.getByTestId('booking-done-title')).toHaveText('Booking berhasil');
    const code = (await page.getByTestId('booking-code').textContent())!.trim();
    expect(code).toMatch(/^[A-Z0-9]{6,12}$/);
    expect(page.url()).toContain(`/booking/done/${code}`);
    expect(page.url()).not.toContain(NIK_A);
    await expect(page.getByTestId('booking-qr')).toHaveAttribute('src', /^data:image\/svg\+xml/);
    await expect(page.getByTestId('booking-when')).toContainText('26 November 2026');
    await expect(page.getByTestId('booking-when')).toContainText('WITA');
    await expect(page.getByTestId('booking-card')).toContainText('6472••••••••0001');
    await expect(page.getByTestId('booking-requirements').locator('li').first()).toBeVisible();
    await expect(page.getByTestId('booking-ics')).toHaveAttribute('href', `/api/v1/bookings/${code}/ics`);
    await page.screenshot({ path: 'test-results/screenshots/booking-confirmation.png', fullPage: true });

    // The calendar file is served for that code.
    const ics = await page.request.get(`/api/v1/bookings/${code}/ics`);
    expect(ics.ok()).toBe(true);
    expect(await ics.text()).toContain('BEGIN:VEVENT');

    // The confirmation survives a reload (sessionStorage, without the NIK).
    await page.reload();
    await expect(page.getByTestId('booking-code')).toHaveText(code);
    await expect(page.getByTestId('booking-qr')).toBeVisible();
    const stored = await page.evaluate(() => JSON.stringify(Object.entries(sessionStorage)));
    expect(stored).toContain(code);
    expect(stored).not.toContain(NIK_A);

    // Manage: code prefilled from the confirmation, NIK typed; a wrong NIK is refused at the field.
    await page.getByRole('link', { name: 'Pindah jadwal atau batalkan' }).click();
    await expect(page).toHaveURL(new RegExp(`/booking/manage\\?code=${code}$`));
    await expect(page.getByTestId('manage-code')).toHaveValue(code);
    await page.getByTestId('manage-nik').fill('6472011708900002');
    await page.getByTestId('manage-submit').click();
    await expect(page.getByText('NIK tidak sesuai.')).toBeVisible();
    await page.getByTestId('manage-nik').fill(NIK_A);
    await page.getByTestId('manage-submit').click();
    await expect(page.getByTestId('booking-status')).toHaveText('Terjadwal');
    await expect(page.getByTestId('booking-code')).toHaveText(code);
    expect(page.url()).not.toContain(NIK_A);

    // Reschedule to another slot on the same day: a new code replaces the old one.
    await page.getByTestId('manage-reschedule').click();
    await expect(page.getByTestId('booking-dates').locator(`[data-date="${TOMORROW}"]`)).toHaveAttribute('aria-pressed', 'true');
    await page.getByTestId('booking-slots').locator('button:enabled').nth(2).click();
    await page.getByTestId('manage-reschedule-confirm').click();
    await expect(page.getByTestId('manage-new-code')).toBeVisible();
    const newCode = (await page.getByTestId('booking-code').textContent())!.trim();
    expect(newCode).not.toBe(code);
    await expect(page.getByTestId('booking-status')).toHaveText('Terjadwal');

    // The old code now says where the booking went (issue #11 item 5), and leads to the new one.
    await page.goto(`/booking/manage?code=${code}`);
    await page.getByTestId('manage-nik').fill(NIK_A);
    await page.getByTestId('manage-submit').click();
    await expect(page.getByTestId('booking-status')).toHaveText('Dipindahkan');
    await expect(page.getByTestId('booking-moved-to')).toContainText(`Dipindahkan ke ${newCode}, `);
    await expect(page.getByTestId('booking-moved-to')).toContainText('WITA');
    await page.screenshot({ path: 'test-results/screenshots/booking-moved.png', fullPage: true });
    await page.getByTestId('booking-moved-open').click();
    await expect(page.getByTestId('manage-code')).toHaveValue(newCode);
    await page.getByTestId('manage-nik').fill(NIK_A);
    await page.getByTestId('manage-submit').click();
    await expect(page.getByTestId('booking-code')).toHaveText(newCode);
    await expect(page.getByTestId('booking-status')).toHaveText('Terjadwal');

    // Cancel, after confirming in a dialog.
    await page.getByTestId('manage-cancel').click();
    const dialog = page.getByRole('dialog', { name: 'Batalkan booking?' });
    await expect(dialog).toContainText(newCode);
    await dialog.getByTestId('manage-cancel-confirm').click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('booking-status')).toHaveText('Dibatalkan');
    await expect(page.getByTestId('manage-cancel')).toHaveCount(0);
  });

  test('the operator sees the day with masked NIK, the close-day count and the export', async ({ page }) => {
    // A second citizen books (English UI this time) and keeps the booking.
    await openBookingForKtp(page);
    await page.getByTestId('lang-switch').click();
    await expect(page.getByTestId('booking-step-title')).toHaveText('Choose a date and time');
    await pickTomorrowSlot(page, 1);
    await page.getByTestId('booking-nik').fill(NIK_B);
    await page.getByTestId('booking-name').fill('Rina Kartika');
    await page.getByTestId('booking-email').fill('rina@example.id');
    await page.getByTestId('booking-consent').check();
    await page.getByTestId('booking-submit').click();
    await expect(page.getByTestId('booking-done-title')).toHaveText('Booking confirmed');
    const code = (await page.getByTestId('booking-code').textContent())!.trim();
    await page.getByTestId('lang-switch').click();

    await page.goto('/login?next=/admin/booking');
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('loket-demo');
    await page.getByTestId('login-submit').click();
    await expect(page).toHaveURL(/\/admin\/booking/);
    await expect(page.getByRole('link', { name: 'Booking' })).toBeVisible();

    const service = page.getByTestId('admin-booking-service');
    await service.click();
    await service.fill('KTP-el');
    await page.getByRole('option', { name: /Perekaman dan Pencetakan KTP-el/ }).click();
    await expect(page.getByTestId('admin-booking-month')).toHaveText('November 2026');

    const cell = page.getByTestId('admin-booking-calendar').locator(`[data-date="${TOMORROW}"]`);
    await expect(cell).toContainText(/[1-9]\d*\/\d+/);
    await cell.click();
    const panel = page.getByTestId('admin-booking-day');
    const row = panel.getByTestId('admin-booking-row').filter({ hasText: code });
    await expect(row).toContainText('Rina Kartika');
    await expect(row).toContainText('6472••••••••0002');
    await expect(row).not.toContainText(NIK_B);
    await expect(row).toContainText('Terjadwal');
    // The first citizen's old code points to its replacement (item 5); phone and status stay in view at 1366 px (item 12).
    await expect(panel.getByTestId('admin-booking-moved-to').first()).toContainText('Dipindahkan ke ');
    await page.setViewportSize({ width: 1366, height: 768 });
    const panelBox = (await panel.boundingBox())!;
    for (const part of [row.getByTestId('booking-status'), row.getByText('••', { exact: false }).last()]) {
      const box = (await part.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(panelBox.x + panelBox.width);
    }
    await page.screenshot({ path: 'test-results/screenshots/booking-admin-day.png', fullPage: true });

    // Closing the day asks first, saying how many citizens will be told; here it is only opened.
    await panel.getByTestId('admin-close-day').click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('admin-close-count')).toContainText('1 warga');
    await dialog.getByRole('button', { name: 'Batal' }).click();
    await expect(dialog).toBeHidden();

    // Export through fetch + blob (cookie session): the browser receives a CSV file.
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByTestId('admin-export-csv').click()]);
    expect(download.suggestedFilename()).toBe(`booking-${TOMORROW}.csv`);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain(code);
    expect(csv).not.toContain(NIK_B);

    // Capacity override for Friday: one seat per slot.
    await page.getByTestId('admin-booking-calendar').locator('[data-date="2026-11-27"]').click();
    await expect(panel).toContainText('Jumat, 27 November 2026');
    await panel.getByTestId('admin-capacity').fill('1');
    await panel.getByTestId('admin-capacity-save').click();
    await expect(panel).toContainText('Kuota diubah: 1/slot');

    // Closing Thursday for real: the citizen's booking is cancelled (and they are notified).
    await page.getByTestId('admin-booking-calendar').locator(`[data-date="${TOMORROW}"]`).click();
    // A future day's button names its date, never "hari ini".
    await expect(panel.getByTestId('admin-close-day')).toHaveText('Tutup booking Kamis, 26 November 2026');
    await panel.getByTestId('admin-close-day').click();
    await page.getByRole('dialog').getByLabel('Alasan (dikirim kepada warga)').fill('Gangguan jaringan SIAK');
    await page.getByRole('dialog').getByTestId('admin-close-confirm').click();
    await expect(page.getByText('1 warga diberi tahu')).toBeVisible();
    await expect(cell).toHaveAttribute('data-fill', 'closed');
    await expect(row).toContainText('Dibatalkan');
  });
});

// ---------- the whole journey, with the clock moved to the booked day ----------

const JOURNEY_PORT = Number(process.env.E2E_PORT ?? 3917) + 10;
const JOURNEY_URL = `http://127.0.0.1:${JOURNEY_PORT}`;

async function startServer(dataDir: string, clockStart: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['bin/loket.mjs', 'serve', '--no-web-build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(JOURNEY_PORT),
      HOST: '127.0.0.1',
      LOKET_DATA_DIR: dataDir,
      LOKET_DEMO: '1',
      LOKET_CLOCK_START: clockStart,
      LOKET_LOG_LEVEL: 'warn',
    },
  });
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${JOURNEY_URL}/api/ready`)).ok) return child;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill('SIGTERM');
  throw new Error('server did not become ready');
}

async function stopServer(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

test.describe.serial('booking → kiosk check-in → counter', () => {
  test.use({ baseURL: JOURNEY_URL });
  let dataDir = '';
  let server: ChildProcess | undefined;

  test.beforeAll(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'loket-e2e-journey-'));
  });
  test.afterAll(async () => {
    await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('a booked citizen checks in at the kiosk on the day and is called at the counter', async ({ browser }) => {
    test.setTimeout(240_000);

    // Wednesday 09:00: book the first slot tomorrow (Thursday 08:00–08:30).
    server = await startServer(dataDir, '2026-11-25T09:00:00+08:00');
    const citizen = await browser.newPage({ baseURL: JOURNEY_URL, viewport: { width: 390, height: 844 } });
    await openBookingForKtp(citizen);
    const start = await pickTomorrowSlot(citizen, 0);
    expect(new Date(start).toISOString()).toBe('2026-11-26T00:00:00.000Z');
    await citizen.getByTestId('booking-nik').fill(NIK_C);
    await citizen.getByTestId('booking-name').fill('Budi Santoso');
    await citizen.getByTestId('booking-phone').fill('081298765432');
    await citizen.getByTestId('booking-consent').check();
    await citizen.getByTestId('booking-submit').click();
    await expect(citizen.getByTestId('booking-done-title')).toHaveText('Booking berhasil');
    const code = (await citizen.getByTestId('booking-code').textContent())!.trim();
    await citizen.close();

    // Thursday 08:05 (check-in window 07:30–08:15): the same data, the clock on the booked day.
    await stopServer(server);
    server = await startServer(dataDir, '2026-11-26T08:05:00+08:00');

    const api = await newRequest.newContext({ baseURL: JOURNEY_URL });
    const login = await api.post('/api/v1/auth/login', { data: { username: 'admin', password: PASSWORD } });
    expect(login.ok()).toBeTruthy();
    const { token } = (await login.json()) as { token: string };
    const sites = (await (await api.get('/api/v1/sites')).json()) as Array<{ id: string; slug: string }>;
    const site = sites.find((s) => s.slug === 'mpp-samarinda')!;
    const pairing = await api.post(`/api/v1/sites/${site.id}/device-pairings`, { headers: { authorization: `Bearer ${token}` }, data: { role: 'kiosk', name: 'Kiosk lobi (e2e booking)' } });
    expect(pairing.status()).toBe(201);
    const { code: pairCode } = (await pairing.json()) as { code: string };

    // Kiosk: pair, "I have a booking code" → code + last 4 NIK digits (the booking names its service).
    const kiosk = await browser.newPage({ baseURL: JOURNEY_URL, viewport: { width: 1280, height: 1024 } });
    await kiosk.addInitScript(() => {
      window.print = () => undefined;
    });
    await kiosk.goto('/kiosk');
    await kiosk.getByTestId('pair-code').fill(pairCode);
    await kiosk.getByTestId('pair-submit').click();
    await expect(kiosk.getByTestId('kiosk-site')).toHaveText('Mal Pelayanan Publik Kota Samarinda');
    await kiosk.getByTestId('kiosk-have-booking').click();
    // A QR scanner at the kiosk types the code it reads and presses Enter; the NIK digits follow.
    await expect(kiosk.getByTestId('kiosk-booking-code')).toBeFocused();
    await kiosk.keyboard.type(code);
    await kiosk.keyboard.press('Enter');
    await expect(kiosk.getByTestId('kiosk-nik')).toBeFocused();
    await kiosk.keyboard.type(NIK_C.slice(-4));
    await kiosk.keyboard.press('Enter');
    const numberEl = kiosk.getByTestId('kiosk-ticket-number');
    await expect(numberEl).toHaveText(/^[A-Z]{1,4}-\d{3,}$/);
    const number = (await numberEl.innerText()).trim();
    await kiosk.screenshot({ path: 'test-results/screenshots/booking-kiosk-checkin.png' });

    // The booking now reads "checked in" for the citizen.
    // The citizen asks from a context of their own: `api` holds the admin's session cookie, and a
    // cookie-authenticated POST without the CSRF header is refused (403 auth.csrf), as it should be.
    const citizenApi = await newRequest.newContext({ baseURL: JOURNEY_URL });
    const looked = await citizenApi.post(`/api/v1/bookings/${code}/lookup`, { data: { nik: NIK_C } });
    expect(((await looked.json()) as { status: string }).status).toBe('checked_in');
    await citizenApi.dispose();

    // The Disdukcapil officer at Loket 4 calls the next ticket: the booked citizen.
    const officer = await browser.newPage({ baseURL: JOURNEY_URL, viewport: { width: 1440, height: 960 } });
    await officer.goto('/login?next=%2Fconsole');
    await officer.getByTestId('login-username').fill('petugas-4');
    await officer.getByTestId('login-password').fill(PASSWORD);
    await officer.getByTestId('login-submit').click();
    // Assigned to Loket 4: the console opens it without asking (issue #11 item 10).
    await expect(officer.getByTestId('console-counter-name')).toHaveText('Loket 4');
    await expect(officer.getByTestId('console-waiting')).toContainText(number);
    await officer.getByTestId('console-call-next').click();
    await expect(officer.getByTestId('console-current-number')).toHaveText(number);
    await officer.screenshot({ path: 'test-results/screenshots/booking-called.png' });
    await api.dispose();
  });
});
