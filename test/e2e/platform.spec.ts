import { expect, test } from '@playwright/test';
import { FRESH_PORT } from '../../playwright.config';

// The first-run flow needs a server without users: the second web server (no demo data).
test.use({ baseURL: `http://127.0.0.1:${FRESH_PORT}` });

test.describe.serial('first run, sign-in and language', () => {
  test('setup creates the first platform admin, then logout and login work', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/setup$/);
    await page.getByLabel('Nama lengkap').fill('Admin Provinsi');
    await page.getByLabel('Nama pengguna').fill('provadmin');
    await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill('rahasia-sekali-123');
    await page.getByLabel('Ulangi kata sandi').fill('rahasia-sekali-123');
    await page.getByRole('button', { name: 'Buat admin platform' }).click();
    await expect(page.getByText('Selamat datang, Admin Provinsi')).toBeVisible();
    await page.screenshot({ path: 'test-results/screenshots/dashboard.png' });

    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await expect(page).toHaveURL(/\/login/);

    // Setup is refused now that a user exists: the page sends us to the login instead.
    await page.goto('/setup');
    await expect(page).not.toHaveURL(/\/setup$/);

    await page.goto('/login');
    await page.getByTestId('login-username').fill('provadmin');
    await page.getByTestId('login-password').fill('rahasia-sekali-123');
    await page.getByTestId('login-submit').click();
    await expect(page.getByText('Selamat datang, Admin Provinsi')).toBeVisible();
  });

  test('a wrong password shows a clear message', async ({ page }) => {
    await page.goto('/login');
    await page.getByTestId('login-username').fill('provadmin');
    await page.getByTestId('login-password').fill('salah-total-999');
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('login-error')).toContainText('Nama pengguna atau kata sandi salah.');
    await page.screenshot({ path: 'test-results/screenshots/login-error.png' });
  });

  test('the language switch turns the interface to English and back', async ({ page }) => {
    await page.goto('/login');
    await expect(page.locator('html')).toHaveAttribute('lang', 'id');
    await expect(page.getByTestId('login-submit')).toHaveText('Masuk');
    await page.getByTestId('lang-switch').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByTestId('login-submit')).toHaveText('Sign in');
    // The choice is remembered across a reload.
    await page.reload();
    await expect(page.getByTestId('login-submit')).toHaveText('Sign in');
    await page.getByTestId('lang-switch').click();
    await expect(page.getByTestId('login-submit')).toHaveText('Masuk');
  });
});
