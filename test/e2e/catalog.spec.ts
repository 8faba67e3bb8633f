import { expect, test, type Page } from '@playwright/test';

/*
 * The catalogue end to end, on the demo server (MPP Samarinda, clock at Wed 25 Nov 2026 09:00 WITA):
 * a site admin adds an agency, a service with its published standard and a counter; then a citizen
 * finds the service by typing "ktp" on the MPP's public page and reads its standard.
 */

const AGENCY = { name: 'Dinas Uji Katalog Kota Samarinda', shortName: 'DUKAT' };
const SERVICE = { code: 'DUKAT-KTP', prefix: 'QZ', name: 'Legalisasi Salinan KTP-el (uji e2e)' };

async function signIn(page: Page) {
  await page.goto('/login');
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill('loket-demo');
  await page.getByTestId('login-submit').click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

test.describe.serial('service catalogue', () => {
  test('a site admin adds an agency, a service with its standard, and a counter', async ({ page }) => {
    await signIn(page);
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Katalog layanan' }).click();
    await expect(page).toHaveURL(/\/admin\/catalog\/agencies$/);
    await expect(page.getByTestId('agency-row').first()).toBeVisible();

    // --- Instansi
    await page.getByTestId('agency-new').click();
    // Nothing filled in: the browser-side checks name the fields.
    await page.getByTestId('agency-save').click();
    await expect(page.getByText('Wajib diisi.').first()).toBeVisible();
    await page.getByTestId('agency-kind').selectOption('opd');
    await page.getByTestId('agency-name').fill(AGENCY.name);
    await page.getByTestId('agency-short-name').fill(AGENCY.shortName);
    await page.getByTestId('agency-agreement-number').fill('PKS/E2E/2026');
    await page.getByLabel('Tanggal ditandatangani').fill('2026-01-15');
    await page.getByLabel('Berlaku sampai').fill('2029-01-14');
    // Weekly hours: Mon–Thu 08:00–16:00 and Friday with a break are the defaults; open Saturday morning too.
    const saturday = page.getByTestId('hours-day-6');
    await saturday.getByRole('switch').check({ force: true });
    // Opening a day copies the day before (Friday, with its break): keep one morning range.
    await saturday.getByRole('button', { name: 'Hapus rentang 2 pada Sabtu' }).click();
    await saturday.getByLabel('Jam selesai Sabtu, rentang 1').fill('12:00');
    await page.getByTestId('agency-save').click();
    await expect(page).toHaveURL(/\/admin\/catalog\/agencies$/);
    await page.getByLabel('Cari', { exact: true }).fill(AGENCY.shortName);
    const agencyRow = page.getByTestId('agency-row').filter({ hasText: AGENCY.name });
    await expect(agencyRow).toBeVisible();
    await expect(agencyRow).toContainText('PKS/E2E/2026');

    // --- The signed agreement, scanned: a text file dressed as PDF is refused, a real PDF is kept
    await agencyRow.getByRole('link', { name: AGENCY.name, exact: true }).click();
    const fileInput = page.getByTestId('agreement-document').locator('input[type="file"]');
    await fileInput.setInputFiles({ name: 'pks.pdf', mimeType: 'application/pdf', buffer: Buffer.from('bukan PDF, hanya teks') });
    await page.getByTestId('agreement-upload').click();
    await expect(page.getByTestId('agreement-document')).toContainText('Hanya berkas PDF');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
    await fileInput.setInputFiles({ name: 'PKS E2E 2026.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByTestId('agreement-upload').click();
    await expect(page.getByTestId('agreement-document-name')).toHaveText('PKS E2E 2026.pdf');
    // ... and its logo (a real 1×1 PNG), shown once the server has it.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
    await page.getByTestId('agency-logo').locator('input[type="file"]').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png });
    await page.getByTestId('agency-logo-upload').click();
    const preview = page.getByTestId('agency-logo-preview');
    await expect(preview).toBeVisible();
    await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    await page.goBack();

    // --- Layanan with its six published components
    await page.getByTestId('catalog-tab-services').click();
    await page.getByTestId('service-new').click();
    await page.getByTestId('service-agency').selectOption({ label: `${AGENCY.shortName} · ${AGENCY.name}` });
    // A code that MPP Samarinda already uses: the server's 409 shows next to the field.
    await page.getByTestId('service-code').fill('KTP-EL');
    await page.getByTestId('service-prefix').fill(SERVICE.prefix);
    await page.getByTestId('service-name').fill(SERVICE.name);
    await page.getByTestId('service-keywords').fill('legalisir ktp');
    await page.getByTestId('service-keywords').press('Enter');

    await page.getByTestId('requirement-add').click();
    await page.getByTestId('requirement-doc-0').click();
    await page.getByTestId('requirement-doc-0').fill('Kartu Keluarga');
    await page.getByRole('option', { name: 'Kartu Keluarga', exact: true }).click();
    await page.getByTestId('requirement-note-0').fill('fotokopi 2 lembar');
    await page.getByTestId('requirement-add').click();
    await page.getByTestId('requirement-doc-1').click();
    await page.getByTestId('requirement-doc-1').fill('KTP-el');
    await page.getByRole('option', { name: 'KTP-el', exact: true }).click();
    await page.getByTestId('requirement-note-1').fill('asli');

    await page.getByTestId('procedure-step-0').fill('Serahkan salinan KTP-el di loket');
    await page.getByTestId('procedure-add').click();
    await page.getByTestId('procedure-step-1').fill('Ambil salinan yang sudah dilegalisasi');
    await page.getByTestId('procedure-add').click();
    await page.getByTestId('procedure-step-2').fill('Petugas memeriksa kecocokan dengan dokumen asli');
    // Reorder: the check comes before the pick-up.
    await page.getByRole('button', { name: 'Naikkan Langkah 3' }).click();
    await expect(page.getByTestId('procedure-step-1')).toHaveValue('Petugas memeriksa kecocokan dengan dokumen asli');

    await page.getByTestId('service-duration-value').fill('3');
    await page.getByTestId('service-duration-unit').selectOption('working_days');
    await page.getByTestId('service-fee').fill('350000');
    await page.getByTestId('service-fee-basis').fill('Peraturan Daerah Kota Samarinda Nomor 1 Tahun 2026');
    await page.getByTestId('service-product').fill('Salinan KTP-el yang dilegalisasi');
    await page.getByTestId('service-complaint').fill('SP4N-LAPOR! (lapor.go.id, SMS 1708) atau meja pengaduan MPP');
    await page.getByTestId('internal-toggle').click();
    await page.getByLabel('Dasar hukum', { exact: true }).fill('UU 24/2013 tentang Administrasi Kependudukan');
    await page.getByTestId('service-save').click();

    const codeField = page.getByTestId('service-code');
    await expect(codeField).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Kode layanan sudah dipakai di MPP ini.')).toBeVisible();
    await codeField.fill(SERVICE.code);
    await page.getByTestId('service-save').click();
    await expect(page).toHaveURL(/\/admin\/catalog\/services$/);
    await page.getByLabel('Cari', { exact: true }).fill(SERVICE.code);
    await expect(page.getByTestId('service-row').filter({ hasText: SERVICE.name })).toBeVisible();

    // --- Loket serving the new service (only that agency's services are offered)
    await page.getByTestId('catalog-tab-counters').click();
    await page.getByTestId('counter-new').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('counter-number').fill('45');
    await dialog.getByTestId('counter-name').fill('Loket Uji Katalog');
    // Where it is: printed on tickets and shown on the TV with the call (issue #11 item 8).
    await dialog.getByTestId('counter-location').fill('Lantai 2, Zona D (dekat eskalator)');
    await dialog.getByTestId('counter-agency').selectOption({ label: `${AGENCY.shortName} · ${AGENCY.name}` });
    await dialog.getByTestId('counter-services').click();
    await page.getByRole('option', { name: `${SERVICE.code} · ${SERVICE.name}` }).click();
    await dialog.getByRole('heading', { name: 'Loket baru' }).click();
    await dialog.getByTestId('counter-save').click();
    await expect(dialog).toBeHidden();
    const counterRow = page.getByTestId('counter-row').filter({ hasText: 'Loket Uji Katalog' });
    await expect(counterRow).toBeVisible();
    await expect(counterRow).toContainText(SERVICE.name);
    await expect(counterRow.getByTestId('counter-row-location')).toHaveText('Lantai 2, Zona D (dekat eskalator)');
    await page.screenshot({ path: 'test-results/screenshots/counter-location.png' });
  });

  test('the operator keeps document types and reads the national calendar; a tax reads "Sesuai tarif"', async ({ page }) => {
    await signIn(page);
    await page.goto('/admin/catalog/document-types');
    await page.getByTestId('doctype-new').click();
    await page.getByTestId('doctype-name').fill('Surat Keterangan Uji E2E');
    await page.getByTestId('doctype-save').click();
    await expect(page.getByRole('dialog')).toBeHidden();
    await page.getByLabel('Cari', { exact: true }).fill('uji e2e');
    const row = page.getByTestId('doctype-row').filter({ hasText: 'Surat Keterangan Uji E2E' });
    await expect(row).toBeVisible();
    // The operator's new type is this MPP's own, which it may edit…
    await expect(row.getByTestId('doctype-owner')).toHaveText('MPP ini');
    await expect(row.getByTestId('doctype-toggle')).toBeVisible();
    // The same name again is refused on the field.
    await page.getByTestId('doctype-new').click();
    await page.getByTestId('doctype-name').fill('surat keterangan uji  e2e');
    await page.getByTestId('doctype-save').click();
    await expect(page.getByRole('dialog')).toContainText('sudah');
    await page.keyboard.press('Escape');
    // …while a shared type (every MPP's pages show it) is the platform admin's: no edit offered.
    await page.getByLabel('Cari', { exact: true }).fill('kartu keluarga');
    const shared = page.getByTestId('doctype-row').filter({ hasText: 'Kartu Keluarga' }).first();
    await expect(shared.getByTestId('doctype-owner')).toHaveText('Bersama');
    await expect(shared.getByTestId('doctype-readonly')).toBeVisible();
    await expect(shared.getByTestId('doctype-toggle')).toHaveCount(0);

    // The national list is the platform admin's; the operator sees it, and that 2027's cuti bersama
    // are still missing (the SKB is not transcribed).
    await page.goto('/admin/catalog/holidays');
    await expect(page.getByTestId('cuti-missing-2027')).toBeVisible();
    await expect(page.getByTestId('cuti-missing-2026')).toHaveCount(0);
    await expect(page.getByTestId('holiday-row').filter({ hasText: 'Kemerdekaan' })).toBeVisible();
    await page.screenshot({ path: 'test-results/screenshots/holidays.png', fullPage: true });

    // A tax whose amount depends on the object: never "Gratis".
    await page.goto('/mpp/mpp-samarinda?q=pbb');
    await page.getByTestId('service-result').filter({ hasText: 'Pembayaran PBB-P2' }).click();
    await expect(page.getByTestId('std-fee')).toHaveAttribute('data-fee-kind', 'variable');
    await expect(page.getByTestId('std-fee')).toContainText('Sesuai tarif');
    await expect(page.getByTestId('std-fee-basis')).toContainText('Sesuai ketentuan');
  });

  test('a citizen finds the service by typing "ktp" and reads its standard', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('site-link').filter({ hasText: 'Samarinda' }).click();
    await expect(page).toHaveURL(/\/mpp\/mpp-samarinda$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mal Pelayanan Publik Kota Samarinda');
    await expect(page.getByTestId('map-link')).toHaveAttribute('href', /openstreetmap\.org\/\?mlat=-0\.\d+&mlon=117\.\d+/);
    await expect(page.getByTestId('maklumat')).toContainText('menyelenggarakan pelayanan');

    // The new agency is listed under OPD and is open on Wednesday 09:00 WITA.
    const opd = page.getByRole('region', { name: /Perangkat Daerah/ });
    const card = opd.getByTestId('agency-card').filter({ hasText: AGENCY.name });
    await expect(card).toBeVisible();
    await expect(card.getByTestId('open-status')).toHaveAttribute('data-open', 'true');
    await expect.poll(() => card.getByTestId('agency-logo').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    await expect(card).toContainText('Sabtu 08.00–12.00');
    // Its services load when the list is opened.
    await card.getByText('Lihat 1 layanan').click();
    await expect(card.getByRole('link', { name: SERVICE.name })).toBeVisible();

    await page.getByTestId('service-search').fill('ktp');
    await page.getByTestId('service-search').press('Enter');
    await expect(page).toHaveURL(/\?q=ktp$/);
    const result = page.getByTestId('service-result').filter({ hasText: SERVICE.name });
    await expect(result).toBeVisible();
    await expect(page.getByTestId('service-result').filter({ hasText: 'Perekaman dan Pencetakan KTP-el' })).toBeVisible();
    await result.click();

    await expect(page).toHaveURL(/\/layanan\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('service-title')).toHaveText(SERVICE.name);
    await expect(page.getByTestId('std-requirements')).toContainText('Kartu Keluarga (fotokopi 2 lembar)');
    await expect(page.getByTestId('std-requirements')).toContainText('KTP-el (asli)');
    const steps = page.getByTestId('std-procedure').getByRole('listitem');
    await expect(steps).toHaveText(['Serahkan salinan KTP-el di loket', 'Petugas memeriksa kecocokan dengan dokumen asli', 'Ambil salinan yang sudah dilegalisasi']);
    await expect(page.getByTestId('std-duration')).toHaveText('3 hari kerja');
    await expect(page.getByTestId('std-fee')).toHaveText('Rp350.000');
    await expect(page.getByText('Peraturan Daerah Kota Samarinda Nomor 1 Tahun 2026')).toBeVisible();
    await expect(page.getByTestId('std-product')).toHaveText('Salinan KTP-el yang dilegalisasi');
    await expect(page.getByTestId('std-complaint')).toContainText('SP4N-LAPOR!');
    // Internal components never reach the public page.
    await expect(page.getByText('UU 24/2013 tentang Administrasi Kependudukan')).toHaveCount(0);
    await expect(page.getByTestId('service-qr')).toBeVisible();
    await expect(page.getByTestId('booking-button')).toHaveCount(0);
    await page.screenshot({ path: 'test-results/screenshots/service-page.png', fullPage: true });

    // A bookable demo service offers online booking.
    await page.goto('/mpp/mpp-samarinda?q=ktp');
    await page.getByTestId('service-result').filter({ hasText: 'Perekaman dan Pencetakan KTP-el' }).click();
    await expect(page.getByTestId('std-fee')).toHaveText('Gratis');
    await expect(page.getByTestId('booking-button')).toHaveAttribute('href', /^\/booking\/mpp-samarinda\?service=[0-9a-f-]{36}$/);
  });
});
