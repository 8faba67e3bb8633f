import { expect, request as newRequest, test, type Page } from '@playwright/test';

/*
 * The integrated queue end to end, on the demo server (MPP Samarinda, Wednesday 09:00 WITA):
 * a kiosk is paired and issues a ticket, an officer calls it in the console, the TV display shows
 * the call and the citizen's status page turns to "dipanggil". A display that lost its connection
 * shows the call it missed once it is back.
 */

const PASSWORD = 'loket-demo';
const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/${name}.png` });

test.describe.serial('integrated queue', () => {
  test('kiosk → console → display → status page', async ({ browser, baseURL }) => {
    test.setTimeout(120_000);

    // The admin creates a kiosk pairing code through the API.
    const api = await newRequest.newContext({ baseURL });
    const login = await api.post('/api/v1/auth/login', { data: { username: 'admin', password: PASSWORD } });
    expect(login.ok()).toBeTruthy();
    const { token } = (await login.json()) as { token: string };
    const auth = { authorization: `Bearer ${token}` };
    const sites = (await (await api.get('/api/v1/sites')).json()) as Array<{ id: string; slug: string }>;
    const site = sites.find((s) => s.slug === 'mpp-samarinda')!;
    expect(site).toBeTruthy();
    const pairing = await api.post(`/api/v1/sites/${site.id}/device-pairings`, { headers: auth, data: { role: 'kiosk', name: 'Kiosk lobi (e2e)' } });
    expect(pairing.status()).toBe(201);
    const { code } = (await pairing.json()) as { code: string };

    // The TV display, open before anything happens (sound needs a tap unless the browser allows autoplay).
    const display = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await display.goto('/display/mpp-samarinda?zone=Lantai%201');
    await expect(display.getByTestId('display-clock')).toContainText('WITA');
    const soundButton = display.getByTestId('display-enable-sound');
    if (await soundButton.isVisible()) await soundButton.click();

    // Kiosk: pair, then Disdukcapil → KTP-el → take a number (a double tap prints one ticket).
    const kiosk = await browser.newPage({ viewport: { width: 1280, height: 1024 } });
    await kiosk.addInitScript(() => {
      const w = window as unknown as { __prints: number; print: () => void };
      w.__prints = 0;
      w.print = () => {
        w.__prints += 1;
      };
    });
    await kiosk.goto('/kiosk');
    await kiosk.getByTestId('pair-code').fill(code);
    await kiosk.getByTestId('pair-submit').click();
    await expect(kiosk.getByTestId('kiosk-site')).toHaveText('Mal Pelayanan Publik Kota Samarinda');
    await expect(kiosk.getByTestId('kiosk-agency').first()).toBeVisible();
    await shot(kiosk, 'kiosk');
    // English on request; Indonesian again for the next citizen.
    await kiosk.getByTestId('kiosk-lang').click();
    await expect(kiosk.getByRole('heading', { level: 1 })).toHaveText('Choose the agency you need');
    await kiosk.getByTestId('kiosk-lang').click();
    await expect(kiosk.getByRole('heading', { level: 1 })).toHaveText('Pilih instansi tujuan Anda');

    await kiosk.getByTestId('kiosk-agency').filter({ hasText: 'Kependudukan' }).click();
    await kiosk.getByTestId('kiosk-service').filter({ hasText: 'KTP-el' }).click();
    await expect(kiosk.getByTestId('kiosk-chosen')).toContainText('KTP-el');
    await shot(kiosk, 'kiosk-confirm');
    const waitingBefore = await waitingAt(api, site.id, 'KTP-EL');
    await kiosk.getByTestId('kiosk-take').dblclick();

    const numberEl = kiosk.getByTestId('kiosk-ticket-number');
    await expect(numberEl).toHaveText(/^[A-Z]{1,4}-\d{3,}$/);
    const number = (await numberEl.innerText()).trim();
    await expect.poll(() => kiosk.evaluate(() => (window as unknown as { __prints: number }).__prints)).toBe(1);
    await shot(kiosk, 'kiosk-ticket');
    const statusUrl = (await kiosk.locator('.loket-ticket--preview .loket-ticket__small').first().innerText()).trim();

    // The printed copy (print media: only the thermal ticket is shown).
    await kiosk.emulateMedia({ media: 'print' });
    await expect(kiosk.getByTestId('print-number')).toHaveText(number);
    // The ticket says where to go: the counters serving KTP-el and where they are (issue #11 item 8).
    await expect(kiosk.getByTestId('print-go-to')).toHaveText('Loket 4, 5, 6 · Lantai 1, Zona A');
    await kiosk.locator('.loket-ticket-print .loket-ticket').screenshot({ path: 'test-results/screenshots/ticket.png' });
    await kiosk.emulateMedia({ media: 'screen' });
    // One page, 58 mm wide (≈ 164 pt), as long as the ticket.
    const pdf = (await kiosk.pdf({ preferCSSPageSize: true })).toString('latin1');
    const pages = [...pdf.matchAll(/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)/g)];
    expect(pages).toHaveLength(1);
    expect(Math.round(Number(pages[0][1]))).toBe(164);
    // (Printing to PDF leaves the page laid out for paper: start the kiosk afresh.)
    await kiosk.reload();

    // A booking for a later day cannot check in today: the kiosk shows the server's reason.
    const ktpId = (await serviceId(api, site.id, 'KTP-EL'))!;
    // A fresh NIK per run: one booking per NIK and day.
    const nikTail = String(1000 + Math.floor(Math.random() * 9000));
    const citizen = await newRequest.newContext({ baseURL });
    // The first free slot on a coming working day (other specs may have closed or filled tomorrow).
    let slot: { start: string; available: number } | undefined;
    for (const date of ['2026-11-26', '2026-11-27', '2026-11-30', '2026-12-01', '2026-12-02']) {
      const slots = (await (await citizen.get(`/api/v1/sites/${site.id}/services/${ktpId}/slots?date=${date}`)).json()) as Array<{ start: string; available: number }>;
      slot = slots.find((x) => x.available > 0);
      if (slot) break;
    }
    expect(slot).toBeTruthy();
    const booking = await citizen.post(`/api/v1/sites/${site.id}/bookings`, {
      data: { serviceId: ktpId, start: slot!.start, nik: `647201120390${nikTail}`, name: 'Budi Santoso' },
    });
    expect(booking.status()).toBe(201);
    const bookingCode = ((await booking.json()) as { code: string }).code;
    await kiosk.getByTestId('kiosk-have-booking').click();
    await kiosk.getByTestId('kiosk-booking-code').fill(bookingCode);
    await kiosk.getByTestId('kiosk-nik').fill(nikTail);
    await kiosk.getByTestId('kiosk-take').click();
    await expect(kiosk.getByTestId('kiosk-refusal')).toContainText('Check-in dibuka');
    await shot(kiosk, 'kiosk-refusal');
    await kiosk.getByTestId('kiosk-back').click();

    // Exactly one ticket was issued for the double tap.
    expect(await waitingAt(api, site.id, 'KTP-EL')).toBe(waitingBefore + 1);

    // The citizen opens the status page from the QR code.
    expect(statusUrl).toMatch(/\/t\/[A-Z0-9]+$/);
    const phone = await browser.newPage({ viewport: { width: 390, height: 800 } });
    await phone.goto(new URL(statusUrl).pathname);
    await expect(phone.getByTestId('status-number')).toHaveText(number);
    await expect(phone.getByTestId('status-state')).toHaveAttribute('data-status', 'waiting');
    await phone.getByTestId('status-alerts').click();

    // The officer of Loket 4 (Disdukcapil) signs in, lands at the console of the counter the admin
    // assigned them to, and calls the next ticket.
    const officer = await browser.newPage({ viewport: { width: 1440, height: 960 } });
    await officer.goto('/login');
    await officer.getByTestId('login-username').fill('petugas-4');
    await officer.getByTestId('login-password').fill(PASSWORD);
    await officer.getByTestId('login-submit').click();
    await expect(officer.getByTestId('console-counter-name')).toHaveText('Loket 4');
    await expect(officer.getByTestId('console-waiting')).toContainText(number);
    await officer.getByTestId('console-call-next').click();
    await expect(officer.getByTestId('console-current-number')).toHaveText(number);
    await expect(officer.getByTestId('console-empty')).toBeVisible();
    await shot(officer, 'console');

    // The display shows the call; the status page says "dipanggil" with the counter.
    await expect(display.getByTestId('display-latest-number')).toHaveText(number);
    await expect(display.getByTestId('display-latest-counter')).toHaveText('Loket 4');
    await expect(display.getByTestId('display-latest-where')).toHaveText('Lantai 1, Zona A');
    await expect(display.getByTestId('display-serving')).toContainText(`${number} Loket 4`);
    await shot(display, 'display');
    await expect(phone.getByTestId('status-state')).toHaveAttribute('data-status', 'called');
    await expect(phone.getByTestId('status-called')).toContainText('Loket 4');
    await shot(phone, 'status-called');

    // Keyboard: S starts serving, F finishes; the citizen sees "Selesai".
    await officer.keyboard.press('s');
    await expect(officer.getByTestId('console-current-status')).toHaveText('Sedang dilayani');
    await officer.keyboard.press('f');
    await expect(officer.getByTestId('console-current-number')).toHaveCount(0);
    await expect(phone.getByTestId('status-state')).toHaveAttribute('data-status', 'done');

    // A display that lost its connection shows the call it missed once it is back.
    const issued = await api.post(`/api/v1/sites/${site.id}/tickets`, {
      headers: { ...auth, 'idempotency-key': `e2e-${Date.now()}` },
      data: { serviceId: ktpId },
    });
    expect(issued.status()).toBe(201);
    const second = ((await issued.json()) as { number: string }).number;
    await display.context().setOffline(true);
    await expect(display.getByTestId('display-offline')).toBeVisible({ timeout: 20_000 });
    await officer.keyboard.press('n');
    await expect(officer.getByTestId('console-current-number')).toHaveText(second);
    await display.context().setOffline(false);
    await expect(display.getByTestId('display-latest-number')).toHaveText(second, { timeout: 45_000 });

    // Leave the counter free for whatever runs next.
    await officer.keyboard.press('f');
    await expect(officer.getByTestId('console-current-number')).toHaveCount(0);

    await citizen.dispose();
    await api.dispose();
  });
});

async function waitingAt(api: Awaited<ReturnType<typeof newRequest.newContext>>, siteId: string, code: string): Promise<number> {
  const summary = (await (await api.get(`/api/v1/sites/${siteId}/queue/summary`)).json()) as { services: Array<{ code: string; waiting: number }> };
  return summary.services.find((s) => s.code === code)?.waiting ?? 0;
}

async function serviceId(api: Awaited<ReturnType<typeof newRequest.newContext>>, siteId: string, code: string): Promise<string | undefined> {
  const list = (await (await api.get(`/api/v1/sites/${siteId}/services`)).json()) as Array<{ id: string; code: string }>;
  return list.find((s) => s.code === code)?.id;
}
