import { expect, test, type Page } from '@playwright/test';

/*
 * The province view end to end, on the demo server (Kalimantan Timur's MPPs at their stages as of
 * the seeds, clock at Wed 25 Nov 2026 09:00 WITA): the province admin opens the dashboard, moves
 * Bontang from koordinasi to pembangunan with a document, and sees the map change colour.
 */

/** A small real PDF: the server sniffs the content, not the name. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

async function signIn(page: Page, username: string) {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('loket-demo');
  await page.getByTestId('login-submit').click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

const fillOf = (page: Page, code: string) => page.getByTestId(`map-fill-${code}`).getAttribute('fill');

test.describe.serial('province view', () => {
  test('the province admin moves Bontang from koordinasi to pembangunan with a document, and the map changes colour', async ({ page }) => {
    await signIn(page, 'pemprov');
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Tahapan MPP' }).click();
    await expect(page).toHaveURL(/\/province$/);
    await expect(page.getByRole('heading', { name: 'Tahapan MPP Provinsi' })).toBeVisible();

    // The ten kabupaten/kota of Kalimantan Timur, Samarinda inaugurated, Balikpapan's 2022 inauguration late.
    const map = page.getByTestId('province-map');
    await expect(map.locator('[data-testid^="map-tile-"]')).toHaveCount(10);
    await expect(page.getByTestId('map-tile-6472')).toHaveAttribute('data-stage', 'diresmikan');
    await expect(page.getByTestId('province-row-6471')).toContainText('Terlambat');
    await expect(page.getByTestId('province-operating')).toContainText('Mal Pelayanan Publik Kota Samarinda');
    // Applications on time come from the applications module, with their source ("–" until one
    // is completed; the applications spec, on the same demo server, may have completed one).
    const applications = page.getByTestId('fig-applications-6472');
    await expect(applications).toHaveText(/^(–|\d+ %)$/);
    await applications.hover();
    await expect(page.getByText(/^Sumber: Permohonan/)).toContainText('Permohonan selesai dalam jangka waktu standar pelayanan');
    // Dates carry their year: Samarinda was inaugurated in 2019.
    await expect(page.getByTestId('province-row-6472')).toContainText('19 Des 2019');

    const bontang = page.getByTestId('map-tile-6474');
    await expect(bontang).toHaveAttribute('data-stage', 'koordinasi');
    const before = await fillOf(page, '6474');

    // Open Bontang from its tile with the keyboard.
    await bontang.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/province\/6474$/);
    await expect(page.getByTestId('record-title')).toHaveText('Kota Bontang');
    await expect(page.getByTestId('record-stage')).toHaveAttribute('data-stage', 'koordinasi');

    await page.getByTestId('stage-advance').click();
    const dialog = page.getByTestId('stage-dialog');
    await expect(dialog).toBeVisible();
    // A date in the future is refused by the server, naming the field.
    await page.getByTestId('stage-date').fill('2026-12-01');
    await page.getByTestId('stage-confirm').click();
    await expect(dialog.getByText('masa depan').first()).toBeVisible();
    await page.getByTestId('stage-date').fill('2026-11-20');
    await page.getByTestId('stage-note').fill('Lokasi gedung eks Kantor Kecamatan ditetapkan');
    await dialog.locator('input[type="file"]').setInputFiles({ name: 'penetapan-lokasi.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByTestId('stage-confirm').click();
    await expect(dialog).toBeHidden();

    await expect(page.getByTestId('record-stage')).toHaveAttribute('data-stage', 'pembangunan');
    await expect(page.getByTestId('documents-list').locator('[data-kind="rencana_gedung"]')).toContainText('penetapan-lokasi.pdf');
    await expect(page.getByTestId('history-list')).toContainText('Koordinasi → Pembangunan');

    // Back on the dashboard, Bontang's tile has the colour of its new stage.
    await page.getByRole('link', { name: 'Kembali ke tahapan provinsi' }).click();
    await expect(page.getByTestId('map-tile-6474')).toHaveAttribute('data-stage', 'pembangunan');
    const after = await fillOf(page, '6474');
    expect(after).not.toBe(before);
    expect(after).toBe(await fillOf(page, '6408')); // Kutai Timur, in pembangunan too
    await expect(page.getByTestId('province-row-6474')).toContainText('Pembangunan');
  });

  test('on a phone the dashboard and a record fit the screen, with dates that carry their year', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 780 });
    await signIn(page, 'pemprov');
    await page.goto('/province');
    await expect(page.getByTestId('map-tile-6472')).toBeVisible();
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBe(0);
    await page.goto('/province/6408');
    await expect(page.getByTestId('record-title')).toHaveText('Kabupaten Kutai Timur');
    // The stepper lists the stages top to bottom, each reached one with its full date.
    await expect(page.getByText('Dicapai 27 Nov 2023')).toBeVisible();
    expect(await overflow()).toBe(0);
  });

  test('an agency admin sees no province view', async ({ page }) => {
    await signIn(page, 'admin-disdukcapil');
    await expect(page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Tahapan MPP' })).toHaveCount(0);
  });
});
