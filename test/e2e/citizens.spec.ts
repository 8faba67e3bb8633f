import { expect, request as newRequest, test, type Page } from '@playwright/test';
import { minimalPdf } from '../support/multipart';
import { expectAccessible } from './a11y';
import { loginCodeFor } from './sink';

/*
 * Citizens' accounts end to end on the demo server (MPP Samarinda, Wednesday 09:00 WITA), on a
 * phone: sign-in with the code read from the loopback SMS/WhatsApp gateway, the KK uploaded into
 * the wallet, shared with BPJS Kesehatan for a purpose; the BPJS officer opens it by code in the
 * console and views it; the citizen sees that read in the access log, revokes, and the officer's
 * next read fails.
 */

const PASSWORD = 'loket-demo';
const EMAIL = 'warga.e2e@contoh.id';
const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
type Json = Record<string, any>;

test('sign in by code → upload the KK → share with BPJS Kesehatan → the officer reads it → the read is in the access log → revoke → the next read fails', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const api = await newRequest.newContext({ baseURL });
  const site = ((await (await api.get('/api/v1/sites')).json()) as Json[]).find((s) => s.slug === 'mpp-samarinda')!;
  const services = (await (await api.get(`/api/v1/sites/${site.id}/services`)).json()) as Json[];
  const jkn = services.find((s) => s.code === 'JKN-DAFTAR')!;
  const counters = (await (await api.get(`/api/v1/sites/${site.id}/counters`)).json()) as Json[];
  const bpjsCounter = counters.find((c) => c.agencyId === jkn.agency.id)!;

  // ---- the citizen, on a phone: /akun asks to sign in first; the code comes by the gateway.
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage();
  await phone.goto('/akun/berkas');
  await expect(phone).toHaveURL(/\/akun\/masuk\?next=%2Fakun%2Fberkas/);
  await expect(phone.getByRole('heading', { level: 1 })).toHaveText('Masuk akun warga');
  await expectAccessible(phone, 'sign-in');
  await phone.getByTestId('signin-contact').fill(EMAIL);
  await phone.getByTestId('signin-send').click();
  await expect(phone.getByTestId('signin-sent')).toContainText('Kode 6 angka sudah dikirim');
  const code = await loginCodeFor(EMAIL);
  await phone.getByTestId('signin-code').locator('input').first().click();
  await phone.keyboard.type(code);
  await expect(phone).toHaveURL(/\/akun\/berkas$/);

  // ---- the wallet: the KK from the phone (a PDF), with the type chosen first.
  await expect(phone.getByTestId('wallet-empty')).toBeVisible();
  await expectAccessible(phone, 'wallet (empty)');
  await phone.getByTestId('upload-type').click();
  await phone.getByRole('option', { name: /Kartu Keluarga/ }).click();
  await phone.getByTestId('upload-file').setInputFiles({ name: 'kk-keluarga.pdf', mimeType: 'application/pdf', buffer: minimalPdf('Kartu Keluarga 6472') });
  await expect(phone.getByTestId('upload-chosen')).toContainText('kk-keluarga.pdf');
  await phone.getByTestId('upload-submit').click();
  const kk = phone.getByTestId('wallet-document').filter({ hasText: 'Kartu Keluarga' });
  await expect(kk).toBeVisible();
  await expect(kk.getByTestId('document-status')).toHaveText('Diunggah');
  await shot(phone, 'citizens-wallet');
  await expectAccessible(phone, 'wallet');

  // ---- profile: a declared NIK, masked.
  await phone.getByTestId('citizen-tab-profile').click();
  await phone.getByTestId('profile-name').fill('Siti Rahmawati');
  await phone.getByTestId('profile-nik-input').fill('6472015007900001');
  await phone.getByTestId('profile-save').click();
  await expect(phone.getByTestId('profile-saved')).toBeVisible();
  await expect(phone.getByTestId('profile-nik')).toHaveText('6472••••••••0001');
  await expect(phone.getByTestId('session')).toHaveCount(1);

  // ---- readiness on the service page: the KK is there, the rest is missing.
  await phone.goto(`/layanan/${jkn.id}`);
  await expect(phone.getByTestId('readiness-summary')).toHaveText(`Sudah siap 1 dari ${jkn.standard.requirements.length}`);
  await expect(phone.getByTestId('readiness-item').filter({ hasText: 'Kartu Keluarga' })).toHaveAttribute('data-have', 'uploaded');

  // ---- share it with BPJS Kesehatan for a purpose: a code and its QR.
  await phone.goto('/akun/berbagi');
  await phone.getByTestId('share-site').click();
  await phone.getByRole('option', { name: site.name, exact: true }).click();
  await phone.getByTestId('share-agency').click();
  await phone.getByRole('option', { name: jkn.agency.name, exact: true }).click();
  await phone.getByRole('checkbox', { name: /Kartu Keluarga/ }).check();
  await phone.getByTestId('share-purpose').fill('Pendaftaran peserta JKN');
  await phone.getByTestId('share-submit').click();
  await expect(phone.getByTestId('share-created')).toBeVisible();
  await expect(phone.getByTestId('share-qr').first()).toBeVisible();
  const shareCode = (await phone.getByTestId('share-code').textContent())!.trim();
  expect(shareCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  await shot(phone, 'citizens-share');
  await expectAccessible(phone, 'sharing');

  // ---- the officer of BPJS Kesehatan opens it by code in the console and views the KK.
  const officer = await (await browser.newContext()).newPage();
  await officer.goto('/login?next=%2Fberkas-warga');
  await officer.getByTestId('login-username').fill(`petugas-${bpjsCounter.number}`);
  await officer.getByLabel('Kata sandi').fill(PASSWORD);
  await officer.getByRole('button', { name: 'Masuk' }).click();
  await expect(officer.getByRole('heading', { name: 'Buka berkas warga' })).toBeVisible();
  await officer.getByTestId('shared-code').fill(shareCode.toLowerCase());
  await officer.getByTestId('shared-open').click();
  await expect(officer.getByTestId('shared-name')).toHaveText('Siti Rahmawati');
  await expect(officer.getByTestId('shared-nik')).toHaveText('6472••••••••0001');
  const shared = officer.getByTestId('shared-document');
  await expect(shared).toHaveCount(1);
  await expect(shared).toContainText('Kartu Keluarga');
  await expectAccessible(officer, 'officer: shared documents');
  const read = officer.waitForResponse((r) => r.url().includes('/content?watermark=1'));
  await shared.getByTestId('shared-view-document').click();
  await expect(officer.getByTestId('viewer-frame')).toBeVisible();
  const served = await read;
  expect(served.status()).toBe(200);
  expect(served.headers()['content-type']).toContain('application/pdf');
  await shot(officer, 'citizens-officer-viewer');
  await officer.keyboard.press('Escape');
  await shared.getByTestId('shared-verify').click();
  await expect(shared.getByTestId('document-status')).toHaveText('Terverifikasi');

  // ---- the citizen sees who read what, when and why.
  await phone.goto('/akun/akses');
  const rows = phone.getByTestId('access-row');
  await expect(rows.filter({ hasText: 'Membaca dokumen' })).toHaveCount(1);
  const readRow = rows.filter({ hasText: 'Membaca dokumen' });
  await expect(readRow).toContainText(jkn.agency.name);
  await expect(readRow).toContainText('Petugas loket');
  await expect(readRow).toContainText('Kartu Keluarga');
  await expect(readRow).toContainText('Pendaftaran peserta JKN');
  await expect(readRow).not.toContainText(`petugas-${bpjsCounter.number}`);
  // Newest first: the verification after the read is above it.
  await expect(rows.first()).toHaveAttribute('data-action', 'document.verified');
  await shot(phone, 'citizens-access-log');
  await expectAccessible(phone, 'access log');

  // ---- the citizen revokes; the officer's next read fails like an unknown code.
  await phone.goto('/akun/berbagi');
  const consent = phone.locator(`[data-testid="consent"][data-code="${shareCode}"]`);
  await expect(consent).toHaveAttribute('data-status', 'active');
  await consent.getByTestId('consent-revoke').click();
  await phone.getByTestId('confirm-ok').click();
  await expect(phone.getByTestId('consent').first()).toHaveAttribute('data-status', 'revoked');

  const documentId = (await (await officer.request.get(`/api/v1/me/documents`)).status()) === 401 ? null : 'unexpected';
  expect(documentId).toBeNull(); // a staff session is not a citizen's
  await officer.goto(`/berkas-warga?code=${shareCode}`);
  await expect(officer.getByTestId('shared-not-found')).toBeVisible();
  const again = await officer.request.get(`/api/v1/shared/${shareCode}`);
  expect(again.status()).toBe(404);

  // The refused attempt is shown to the citizen too.
  await phone.goto('/akun/akses');
  await expect(phone.getByTestId('access-row').first()).toHaveAttribute('data-action', 'read_refused');
  await api.dispose();
});
