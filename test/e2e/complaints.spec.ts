import { expect, request as newRequest, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';

/*
 * Complaints (pengaduan) end to end on the demo server (MPP Samarinda, Wednesday 25 Nov 2026 09:00
 * WITA): a citizen with a queue ticket opens "Sampaikan pengaduan" on the status page of their
 * phone, files a confidential complaint with a photo and follows it by its tracking code; the
 * MPP's complaint desk (admin) verifies it and passes it to Disdukcapil; Disdukcapil's admin, who
 * never sees the reporter, writes an internal note and the response; the citizen sees the
 * response (and not the note) on the phone and confirms it, which closes the complaint.
 */

const PASSWORD = 'loket-demo';
const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
type Json = Record<string, any>;

/** A 1×1 PNG: the attachment the citizen sends (the server checks the type from the content). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

async function bearer(baseURL: string | undefined, username: string) {
  const ctx: APIRequestContext = await newRequest.newContext({ baseURL });
  const r = await ctx.post('/api/v1/auth/login', { data: { username, password: PASSWORD } });
  expect(r.ok()).toBeTruthy();
  const token = ((await r.json()) as { token: string }).token;
  await ctx.dispose();
  return { authorization: `Bearer ${token}` };
}

/** A staff member signed in through the login page, in a browser context of their own. */
async function staffPage(browser: Browser, username: string) {
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page).toHaveURL(/\/dashboard/);
  return page;
}

/**
 * Stands in for an axe scan (@axe-core/playwright is not installed here): every form control of
 * the page has an accessible name, every image a text alternative, and there is one h1.
 */
async function expectNamedControls(page: Page) {
  for (const role of ['textbox', 'radio', 'combobox', 'checkbox', 'button'] as const) {
    for (const el of await page.getByRole(role).all()) {
      if (await el.isVisible()) await expect(el).toHaveAccessibleName(/\S/);
    }
  }
  for (const img of await page.locator('img').all()) await expect(img).toHaveAttribute('alt', /\S/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
}

test('a citizen files a complaint from the status page, the desk assigns it, the agency responds, the citizen sees it and closes it', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const api = await newRequest.newContext({ baseURL });
  const admin = await bearer(baseURL, 'admin');
  const site = ((await (await api.get('/api/v1/sites')).json()) as Json[]).find((s) => s.slug === 'mpp-samarinda')!;
  const services = (await (await api.get(`/api/v1/sites/${site.id}/services`)).json()) as Json[];
  const ktp = services.find((s) => s.code === 'KTP-EL')!;

  // A kiosk issues the citizen's ticket.
  const pairing = await api.post(`/api/v1/sites/${site.id}/device-pairings`, { headers: admin, data: { role: 'kiosk', name: 'Anjungan pengaduan (e2e)' } });
  const claim = await api.post('/api/v1/devices/claim', { data: { code: ((await pairing.json()) as Json).code } });
  const kiosk = { authorization: `Bearer ${((await claim.json()) as Json).token}` };
  const issued = await api.post(`/api/v1/sites/${site.id}/tickets`, { headers: kiosk, data: { serviceId: ktp.id } });
  expect(issued.status()).toBe(201);
  const ticket = (await issued.json()) as Json;

  // ---- The citizen, on a phone: the status page → "Sampaikan pengaduan" → the form knows the visit.
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await phone.goto(`/t/${ticket.trackingCode}`);
  await expect(phone.getByTestId('status-number')).toHaveText(ticket.number);
  await phone.getByTestId('status-complain').click();
  await expect(phone).toHaveURL(/\/pengaduan\?/);
  await expect(phone.getByRole('heading', { level: 1 })).toHaveText('Sampaikan pengaduan');
  await expect(phone.getByTestId('complaint-linked')).toContainText(ticket.trackingCode);
  await expect(phone.getByTestId('complaint-ticket')).toHaveValue(ticket.trackingCode);
  await expect(phone.getByTestId('complaint-service')).toHaveValue(new RegExp(`^${ktp.name}`));

  // Nothing is sent while the title and the reporter's name are missing: the fields say so.
  await phone.getByTestId('complaint-body').fill('Nomor saya dilewati dua kali saat pemanggilan di loket perekaman KTP-el. Saya meminta penjelasan dan perbaikan urutan panggilan.');
  await phone.getByTestId('complaint-submit').click();
  await expect(phone.getByTestId('complaint-title')).toHaveAttribute('aria-invalid', 'true');
  await expect(phone.getByTestId('complaint-name')).toHaveAttribute('aria-invalid', 'true');

  const TITLE = `Nomor antrean dilewati (e2e ${Date.now()})`;
  await phone.getByTestId('complaint-title').fill(TITLE);
  await phone.getByTestId('complaint-privacy-confidential').check();
  await expect(phone.getByText('Identitas hanya diketahui meja pengaduan MPP').first()).toBeVisible();
  await phone.getByTestId('complaint-name').fill('Siti Rahmawati');
  await phone.getByTestId('complaint-phone').fill('081234567890');
  await phone.locator('input[type="file"]').setInputFiles({ name: 'bukti-antrean.png', mimeType: 'image/png', buffer: PNG });
  await expectNamedControls(phone);
  await shot(phone, 'complaint-form');
  await phone.getByTestId('complaint-submit').click();

  // The receipt: the tracking code with its QR, the verification deadline, the photo uploaded.
  const receipt = phone.getByTestId('complaint-receipt');
  await expect(receipt).toContainText('Pengaduan diterima');
  const code = (await phone.getByTestId('complaint-code').textContent())!.trim();
  expect(code).toMatch(/^[A-Z0-9]{10}$/);
  await expect(phone.getByTestId('complaint-qr')).toBeVisible();
  // Filed on Wednesday 25 Nov: 3 working days → Monday 30 Nov.
  await expect(phone.getByTestId('complaint-verify-by')).toContainText('30 November 2026');
  await expect(phone.getByTestId('complaint-uploaded')).toContainText('1 lampiran terunggah');
  await shot(phone, 'complaint-receipt');

  // The tracking page is the path the server puts in its messages.
  await phone.getByTestId('complaint-track-link').click();
  await expect(phone).toHaveURL(new RegExp(`/pengaduan/lacak/${code}$`));
  await expect(phone.getByTestId('track-title')).toHaveText(TITLE);
  await expect(phone.getByTestId('track-status')).toHaveAttribute('data-status', 'submitted');
  await expect(phone.getByTestId('track-verify-by')).toContainText('30 November 2026');
  // The public page names files neutrally (a file name can name a person).
  await expect(phone.getByRole('link', { name: 'Unduh lampiran-1.png' })).toBeVisible();
  await expect(phone.getByText('Siti Rahmawati')).toHaveCount(0);
  await expectNamedControls(phone);

  // ---- The complaint desk (site admin): the board shows it with its deadline in working days.
  const desk = await staffPage(browser, 'admin');
  await desk.locator('#staff-navbar').getByRole('link', { name: 'Pengaduan', exact: true }).click();
  await expect(desk).toHaveURL(/\/admin\/complaints$/);
  await desk.getByRole('searchbox', { name: 'Cari judul atau nomor referensi' }).fill(TITLE);
  const row = desk.getByTestId('complaint-row').filter({ hasText: TITLE });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('complaint-deadline')).toContainText('3 hari kerja lagi');
  await expect(row).toContainText('Rahasia');
  await expect(row).toContainText('Menunggu verifikasi');
  await expectNamedControls(desk);
  await shot(desk, 'complaints-board');
  await row.getByRole('link').first().click();

  // The desk sees who reported (a confidential complaint hides that from the agency only).
  await expect(desk.getByTestId('complaint-detail')).toBeVisible();
  await expect(desk.getByTestId('complaint-reporter')).toContainText('Siti Rahmawati');
  await expect(desk.getByRole('button', { name: 'Unduh bukti-antrean.png' })).toBeVisible();
  await desk.getByTestId('complaint-action-verified').click();
  const verify = desk.getByTestId('complaint-dialog-verified');
  // The agency that served the ticket is proposed.
  await expect(verify.getByTestId('complaint-dialog-agency')).toHaveValue(ktp.agency.name);
  await verify.getByTestId('complaint-dialog-text').fill('Terima kasih, laporan Anda kami teruskan ke Disdukcapil.');
  await verify.getByTestId('complaint-dialog-submit').click();
  await expect(desk.getByTestId('complaint-status')).toHaveAttribute('data-status', 'verified');
  await expect(desk.getByTestId('complaint-action-responded')).toBeVisible();
  await shot(desk, 'complaint-verified');

  // ---- The agency (Disdukcapil's admin): no identity on the page, a note, then the response.
  const agency = await staffPage(browser, 'admin-disdukcapil');
  await agency.goto('/admin/complaints');
  const agencyRow = agency.getByTestId('complaint-row').filter({ hasText: TITLE });
  await expect(agencyRow).toHaveCount(1);
  await expect(agencyRow.getByTestId('complaint-deadline')).toContainText('5 hari kerja lagi');
  await agencyRow.getByRole('link').first().click();
  await expect(agency.getByTestId('complaint-detail')).toBeVisible();
  await expect(agency.getByText('Dirahasiakan dari instansi')).toBeVisible();
  await expect(agency.getByText('Siti Rahmawati')).toHaveCount(0);
  await expect(agency.getByText('081234567890')).toHaveCount(0);
  await expect(agency.getByRole('button', { name: 'Unduh lampiran-1.png' })).toBeVisible();
  await expect(agency.getByText(ticket.number, { exact: false })).toHaveCount(0);
  await agency.getByTestId('complaint-message-text').fill('Cek rekaman panggilan loket 4 pukul 09.00.');
  await agency.getByTestId('complaint-message-visibility').selectOption('staff');
  await agency.getByTestId('complaint-message-send').click();
  await expect(agency.getByTestId('complaint-message').filter({ hasText: 'Cek rekaman panggilan' })).toHaveAttribute('data-visibility', 'staff');
  await agency.getByTestId('complaint-action-responded').click();
  const respond = agency.getByTestId('complaint-dialog-responded');
  // A response needs its text.
  await respond.getByTestId('complaint-dialog-submit').click();
  await expect(respond.getByTestId('complaint-dialog-text')).toHaveAttribute('aria-invalid', 'true');
  const RESPONSE = 'Mohon maaf, terjadi kesalahan urutan pada sistem pemanggilan. Petugas loket 4 sudah kami tegur dan urutan sudah diperbaiki.';
  await respond.getByTestId('complaint-dialog-text').fill(RESPONSE);
  await respond.getByTestId('complaint-dialog-submit').click();
  await expect(agency.getByTestId('complaint-status')).toHaveAttribute('data-status', 'responded');
  await shot(agency, 'complaint-responded');

  // ---- The citizen's phone: the response is there (the internal note is not); confirming closes it.
  await phone.reload();
  await expect(phone.getByTestId('track-status')).toHaveAttribute('data-status', 'responded');
  const replies = phone.getByTestId('track-reply');
  await expect(replies.filter({ hasText: RESPONSE })).toHaveAttribute('data-from', 'agency');
  await expect(replies.filter({ hasText: 'kami teruskan ke Disdukcapil' })).toHaveAttribute('data-from', 'desk');
  await expect(phone.getByText('Cek rekaman panggilan')).toHaveCount(0);
  // Times in the site's zone.
  await expect(replies.first()).toContainText('WITA');
  await shot(phone, 'complaint-tracking-responded');
  await phone.getByTestId('track-confirm').click();
  // Asked first; "Batal" keeps it open.
  await phone.getByRole('button', { name: 'Batal' }).click();
  await expect(phone.getByTestId('track-status')).toHaveAttribute('data-status', 'responded');
  await phone.getByTestId('track-confirm').click();
  await phone.getByTestId('confirm-ok').click();
  await expect(phone.getByTestId('track-status')).toHaveAttribute('data-status', 'closed');
  await expect(phone.getByText('Ditutup setelah Anda mengonfirmasi tanggapan.')).toBeVisible();

  // The desk's board now lists it as closed.
  await desk.goto('/admin/complaints?state=closed');
  await expect(desk.getByTestId('complaint-row').filter({ hasText: TITLE })).toContainText('Selesai');

  // The SP4N-LAPOR! export: the report is in it, the confidential reporter is not (even for the desk).
  await desk.getByTestId('complaints-export').click();
  await desk.getByTestId('export-from').fill('2026-11-01');
  await desk.getByTestId('export-to').fill('2026-11-30');
  const [download] = await Promise.all([desk.waitForEvent('download'), desk.getByTestId('export-download').click()]);
  expect(download.suggestedFilename()).toMatch(/\.json$/);
  const reports = JSON.parse(await (await download.createReadStream()).toArray().then((b) => Buffer.concat(b).toString('utf8'))) as Json[];
  const report = reports.find((r) => r.judul === TITLE)!;
  expect(report).toMatchObject({ rahasia: true, anonim: false, status: 'closed', status_lapor: 'selesai', pelapor: null, kode_pelacakan: code });
  expect(JSON.stringify(report)).not.toContain('Siti Rahmawati');
});

test('an officer records an anonymous walk-in complaint; the figures count it', async ({ browser }) => {
  const desk = await staffPage(browser, 'admin');
  await desk.goto('/admin/complaints');
  await desk.getByTestId('complaints-new').click();
  await expect(desk.getByRole('heading', { level: 1 })).toHaveText('Catat pengaduan warga (datang langsung)');
  const TITLE = `Ruang tunggu panas (e2e ${Date.now()})`;
  await desk.getByTestId('complaint-kind-aspirasi').check();
  await desk.getByTestId('complaint-title').fill(TITLE);
  await desk.getByTestId('complaint-body').fill('Pendingin ruangan di ruang tunggu lantai 1 mati sejak pagi. Mohon diperbaiki.');
  await desk.getByTestId('complaint-privacy-anonymous').check();
  await expect(desk.getByTestId('complaint-name')).toHaveCount(0);
  await expectNamedControls(desk);
  await desk.getByTestId('complaint-submit').click();
  await expect(desk.getByTestId('complaint-receipt')).toContainText('Pengaduan anonim tidak dapat dipulihkan tanpa kode ini');
  await desk.getByTestId('complaint-open-filed').click();
  const detail = desk.getByTestId('complaint-detail');
  await expect(detail).toContainText(TITLE);
  await expect(detail).toContainText('Meja layanan (petugas)');
  await expect(detail).toContainText('Anonim (tidak ada identitas)');
  await expect(desk.getByTestId('complaint-action-verified')).toBeVisible();

  // Closing (archiving) asks first and says what it means.
  await desk.getByTestId('complaint-action-closed').click();
  const close = desk.getByTestId('complaint-dialog-closed');
  await expect(close).toContainText(`Pengaduan "${TITLE}" ditutup`);
  await close.getByRole('button', { name: 'Batal' }).click();
  await expect(desk.getByTestId('complaint-status')).toHaveAttribute('data-status', 'submitted');

  await desk.goto('/admin/complaints/figures?from=2026-11&to=2026-11');
  await expect(desk.getByTestId('figures-row').first()).toContainText('November 2026');
  await expectNamedControls(desk);
});

test('an unknown tracking code says so and offers the code box again', async ({ page }) => {
  await page.goto('/pengaduan/lacak/ZZZZZZZZZZ');
  await expect(page.getByTestId('track-not-found')).toBeVisible();
  await expect(page.getByTestId('track-code-input')).toHaveValue('ZZZZZZZZZZ');
});
