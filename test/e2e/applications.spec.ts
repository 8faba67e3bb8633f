import AxeBuilder from '@axe-core/playwright';
import { expect, request as newRequest, test, type Page } from '@playwright/test';

/*
 * An application after the counter, end to end on the demo server (MPP Samarinda, Wednesday
 * 09:00 WITA): an officer of Disdukcapil registers a KK application from the ticket being served,
 * with one requirement not handed in, and prints the receipt; the citizen's phone shows
 * "berkas belum lengkap" with what to bring; the officer accepts the file and marks it ready; the
 * phone shows what to bring to collect it; the kiosk's "Ambil dokumen" issues a pickup ticket.
 * The public page never shows the applicant's name or NIK.
 */

const PASSWORD = 'loket-demo';
const NIK = '6472015501900001';
const NAME = 'Siti Rahmawati';
const COUNTER = 5; // a Disdukcapil counter queue.spec does not use
const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/${name}.png` });

/** A bearer token of `username`, from a context of its own (a session cookie would ask for CSRF). */
async function tokenOf(baseURL: string | undefined, username: string): Promise<Record<string, string>> {
  const api = await newRequest.newContext({ baseURL });
  const login = await api.post('/api/v1/auth/login', { data: { username, password: PASSWORD } });
  expect(login.ok(), `${username}: ${await login.text()}`).toBeTruthy();
  const token = ((await login.json()) as { token: string }).token;
  await api.dispose();
  return { authorization: `Bearer ${token}` };
}

/** Every form control on the page has an accessible name (the labels the officers and citizens read). */
async function expectLabelled(page: Page, scope = 'body') {
  const unnamed = await page.locator(`${scope} input:not([type=hidden]):not([hidden]), ${scope} textarea, ${scope} select`).evaluateAll((els) =>
    els
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .filter((el) => {
        const id = el.getAttribute('id');
        const byFor = id ? document.querySelector(`label[for="${CSS.escape(id)}"]`) : null;
        return !byFor && !el.closest('label') && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby');
      })
      .map((el) => el.outerHTML.slice(0, 120)),
  );
  expect(unnamed).toEqual([]);
}

/** axe-core's WCAG 2 A/AA rules on the page (or one part of it): no violation. */
async function expectAccessible(page: Page, include?: string) {
  let axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']);
  if (include) axe = axe.include(include);
  const { violations } = await axe.analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} (${n.any.map((a) => a.message).join('; ')})`).join(', ')}`)).toEqual([]);
}

test.describe.serial('applications after the counter', () => {
  test('register from a served ticket → receipt → incomplete → ready → tracked by code → pickup ticket', async ({ browser, baseURL }) => {
    test.setTimeout(150_000);
    const api = await newRequest.newContext({ baseURL });
    const admin = await tokenOf(baseURL, 'admin');
    const officerAuth = await tokenOf(baseURL, `petugas-${COUNTER}`);
    const site = ((await (await api.get('/api/v1/sites')).json()) as Array<{ id: string; slug: string }>).find((s) => s.slug === 'mpp-samarinda')!;
    const services = (await (await api.get(`/api/v1/sites/${site.id}/services`)).json()) as Array<{ id: string; code: string; agency: { shortName: string } }>;
    const kk = services.find((s) => s.code === 'KK' && s.agency.shortName === 'Disdukcapil')!;
    const counters = (await (await api.get(`/api/v1/sites/${site.id}/counters`)).json()) as Array<{ id: string; number: number }>;
    const counter = counters.find((c) => c.number === COUNTER)!;

    // A citizen takes a KK ticket; the counter calls until it is theirs (earlier tickets are served).
    const issued = await api.post(`/api/v1/sites/${site.id}/tickets`, { headers: { ...admin, 'idempotency-key': `e2e-app-${Date.now()}` }, data: { serviceId: kk.id } });
    expect(issued.status()).toBe(201);
    const ticket = (await issued.json()) as { id: string; number: string };
    for (let i = 0; i < 20; i++) {
      const called = await api.post(`/api/v1/counters/${counter.id}/call-next`, { headers: officerAuth });
      expect(called.status()).toBe(200);
      const { ticket: t } = (await called.json()) as { ticket: { id: string } };
      if (t.id === ticket.id) break;
      await api.post(`/api/v1/tickets/${t.id}/finish`, { headers: officerAuth, data: {} });
    }

    // The officer signs in; the console shows the citizen at the counter.
    const officer = await (await browser.newContext({ viewport: { width: 1440, height: 960 } })).newPage();
    await officer.addInitScript(() => {
      const w = window as unknown as { __prints: number; print: () => void };
      w.__prints = 0;
      w.print = () => {
        w.__prints += 1;
      };
    });
    await officer.goto('/login?next=%2Fconsole');
    await officer.getByTestId('login-username').fill(`petugas-${COUNTER}`);
    await officer.getByTestId('login-password').fill(PASSWORD);
    await officer.getByTestId('login-submit').click();
    // The officer lands at the console of the counter the admin assigned them to (issue #11 item 10).
    await expect(officer.getByTestId('console-counter-name')).toHaveText(`Loket ${COUNTER}`);
    await expect(officer.getByTestId('console-current-number')).toHaveText(ticket.number);

    // "Daftarkan permohonan": NIK, name, phone; the form F-1.02 was not handed in.
    await officer.getByTestId('console-register-application').click();
    const dialog = officer.getByRole('dialog');
    await expect(dialog.getByTestId('register-checklist')).toBeVisible();
    await expectLabelled(officer, '[role=dialog]');
    await expectAccessible(officer, '[role=dialog]');
    await dialog.getByTestId('register-submit').click();
    await expect(dialog.getByTestId('register-nik')).toHaveAttribute('aria-invalid', 'true');
    await dialog.getByTestId('register-nik').fill(NIK);
    await dialog.getByTestId('register-name').fill(NAME);
    await dialog.getByTestId('register-phone').fill('081234567890');
    await dialog.locator('[data-testid="register-requirement"][data-key="formulir"]').uncheck();
    await expect(dialog.getByTestId('register-incomplete')).toBeVisible();
    await shot(officer, 'application-register');
    await dialog.getByTestId('register-submit').click();

    // The receipt: registration number, tracking code with its QR code, the due date; printed.
    const receipt = dialog.getByTestId('receipt');
    await expect(receipt.getByTestId('receipt-number')).toHaveText(/^DISDUKCAPIL\/2026\/\d{6}$/);
    await expect(receipt.getByTestId('receipt-qr')).toBeVisible();
    await expect(receipt.getByTestId('receipt-due')).not.toBeEmpty();
    await expect(receipt).toContainText('Formulir');
    const regNumber = (await receipt.getByTestId('receipt-number').innerText()).trim();
    const code = (await receipt.getByTestId('receipt-code').innerText()).trim();
    expect(code).toMatch(/^[A-Z0-9]{10}$/);
    await shot(officer, 'application-receipt');
    await receipt.getByTestId('receipt-print').click();
    await expect.poll(() => officer.evaluate(() => (window as unknown as { __prints: number }).__prints)).toBe(1);
    await officer.emulateMedia({ media: 'print' });
    await expect(officer.locator('.loket-receipt-print .loket-receipt__number')).toHaveText(regNumber);
    await officer.locator('.loket-receipt-print .loket-receipt').screenshot({ path: 'test-results/screenshots/application-receipt-print.png' });
    await officer.emulateMedia({ media: 'screen' });
    await receipt.getByTestId('receipt-close').click();

    // The citizen's phone: incomplete, what to bring, no name or NIK.
    const phone = await (await browser.newContext({ viewport: { width: 390, height: 800 } })).newPage();
    await phone.goto(`/lacak/${code}`);
    await expect(phone.getByTestId('track-number')).toHaveText(regNumber);
    await expect(phone.getByTestId('application-status')).toHaveAttribute('data-status', 'incomplete');
    await expect(phone.getByTestId('track-missing')).toContainText('Formulir');
    await expect(phone.locator('body')).not.toContainText(NAME);
    await expect(phone.locator('body')).not.toContainText(NIK.slice(6, 12));
    await expectLabelled(phone);
    await expectAccessible(phone);
    await shot(phone, 'application-track-incomplete');

    // The board: the officer finds it, accepts the file, then marks it ready.
    await officer.goto('/applications?view=incomplete');
    await expect(officer.getByTestId('count-incomplete-value')).not.toHaveText('0');
    const row = officer.locator(`[data-testid="application-row"][data-code="${code}"]`);
    await expect(row).toBeVisible();
    await expectLabelled(officer);
    await expectAccessible(officer, 'main');
    await shot(officer, 'application-board');
    await row.getByTestId('application-open').click();
    await expect(officer.getByTestId('detail-number')).toHaveText(regNumber);
    await expect(officer.getByTestId('application-detail')).toContainText('•');
    await officer.getByTestId('move-in_process').click();
    await officer.getByRole('dialog').getByTestId('transition-submit').click();
    await expect(officer.getByTestId('application-detail').getByTestId('application-status').first()).toHaveAttribute('data-status', 'in_process');
    // A rejection asks first and needs the reason; cancelled here.
    await officer.getByTestId('move-rejected').click();
    await officer.getByRole('dialog').getByTestId('transition-submit').click();
    await expect(officer.getByRole('dialog').getByTestId('transition-note')).toHaveAttribute('aria-invalid', 'true');
    await officer.getByRole('dialog').getByRole('button', { name: 'Batal' }).click();
    await officer.getByTestId('move-ready').click();
    await officer.getByRole('dialog').getByTestId('transition-note').fill('KK sudah dicetak.');
    await officer.getByRole('dialog').getByTestId('transition-submit').click();
    await expect(officer.getByTestId('application-detail').getByTestId('application-status').first()).toHaveAttribute('data-status', 'ready');
    await expect(officer.getByTestId('move-collected')).toBeVisible();
    await expectAccessible(officer, 'main');
    await shot(officer, 'application-detail');

    // The phone: ready, what to bring.
    await phone.reload();
    await expect(phone.getByTestId('application-status')).toHaveAttribute('data-status', 'ready');
    await expect(phone.getByTestId('track-ready')).toBeVisible();
    await expect(phone.getByTestId('track-history')).toContainText('KK sudah dicetak.');
    // The receipt's code also rates the service and files a complaint about it.
    await expect(phone.getByTestId('track-survey')).toHaveAttribute('href', `/survei/${code}`);
    await expect(phone.getByTestId('track-complain')).toHaveAttribute('href', new RegExp(`^/pengaduan\\?situs=.*tiket=${code}`));
    await expectAccessible(phone);
    await shot(phone, 'application-track-ready');

    // The kiosk: "Ambil dokumen" with the tracking code issues a pickup ticket.
    const pairing = await api.post(`/api/v1/sites/${site.id}/device-pairings`, { headers: admin, data: { role: 'kiosk', name: 'Kiosk ambil dokumen (e2e)' } });
    expect(pairing.status()).toBe(201);
    const kiosk = await (await browser.newContext({ viewport: { width: 1280, height: 1024 } })).newPage();
    await kiosk.addInitScript(() => {
      (window as unknown as { print: () => void }).print = () => undefined;
    });
    await kiosk.goto('/kiosk');
    await kiosk.getByTestId('pair-code').fill(((await pairing.json()) as { code: string }).code);
    await kiosk.getByTestId('pair-submit').click();
    await kiosk.getByTestId('kiosk-pickup').click();
    await kiosk.getByTestId('kiosk-pickup-code').fill(code);
    await expectLabelled(kiosk);
    await kiosk.getByTestId('kiosk-pickup-take').click();
    await expect(kiosk.getByTestId('kiosk-ticket-number')).toHaveText(/^[A-Z]{1,4}-\d{3,}$/);
    await shot(kiosk, 'application-pickup-ticket');

    // Leave the counter free for whatever runs next.
    await api.post(`/api/v1/tickets/${ticket.id}/finish`, { headers: officerAuth, data: {} });
    await api.dispose();
  });

  test('an unknown tracking code gets a box to type it again', async ({ page }) => {
    await page.goto('/lacak/ZZZZZZZZZZ');
    await expect(page.getByTestId('track-not-found')).toBeVisible();
    await page.getByTestId('track-code').fill('abcd efgh');
    await page.getByTestId('track-submit').click();
    await expect(page).toHaveURL(/\/lacak\/ABCDEFGH$/);
  });
});
