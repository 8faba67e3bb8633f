import { expect, request as newRequest, test } from '@playwright/test';

/*
 * The citizen's status page (issue #11, items 3 and 6): an unknown tracking code is not a dead end
 * (a box to type it again and a way home), and "Diperbarui" is the site's time with its zone label,
 * whatever zone the phone is set to.
 */

const PASSWORD = 'loket-demo';

test('an unknown tracking code offers an input and a link home; the time is the site’s (WITA)', async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const api = await newRequest.newContext({ baseURL });
  const login = await api.post('/api/v1/auth/login', { data: { username: 'admin', password: PASSWORD } });
  const { token } = (await login.json()) as { token: string };
  const sites = (await (await api.get('/api/v1/sites')).json()) as Array<{ id: string; slug: string }>;
  const site = sites.find((s) => s.slug === 'mpp-samarinda')!;
  const services = (await (await api.get(`/api/v1/sites/${site.id}/services`)).json()) as Array<{ id: string; code: string }>;
  const issued = await api.post(`/api/v1/sites/${site.id}/tickets`, { headers: { authorization: `Bearer ${token}` }, data: { serviceId: services.find((s) => s.code === 'KTP-EL')!.id } });
  expect(issued.status()).toBe(201);
  const ticket = (await issued.json()) as { number: string; trackingCode: string };

  // A phone set to another zone (Jakarta, WIB): the page must still speak WITA.
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, timezoneId: 'Asia/Jakarta', locale: 'id-ID' });
  const phone = await context.newPage();
  await phone.goto('/t/SALAH123');
  const lookup = phone.getByTestId('tracking-lookup');
  await expect(lookup.getByRole('heading', { level: 1 })).toHaveText('Kode pelacakan tidak ditemukan');
  const input = phone.getByLabel('Kode pelacakan');
  await expect(input).toHaveValue('SALAH123');
  await phone.screenshot({ path: 'test-results/screenshots/status-not-found.png', fullPage: true });

  // Typed as people type it: lower case, with a space in the middle.
  const typed = `${ticket.trackingCode.slice(0, 5).toLowerCase()} ${ticket.trackingCode.slice(5)}`;
  await input.fill(typed);
  await input.press('Enter');
  await expect(phone).toHaveURL(new RegExp(`/t/${ticket.trackingCode}$`));
  await expect(phone.getByTestId('status-number')).toHaveText(ticket.number);
  await expect(phone.getByTestId('tracking-lookup')).toHaveCount(0);

  // "Diperbarui 10.16 WITA": the site's clock (one hour ahead of the phone's WIB), not the phone's.
  const updated = phone.getByText(/Diperbarui \d{2}\.\d{2} WITA/);
  await expect(updated).toBeVisible();
  const shown = (await updated.innerText()).match(/Diperbarui (\d{2}\.\d{2}) WITA/)![1]!;
  const wita = (ms: number) => new Intl.DateTimeFormat('id-ID', { timeZone: 'Asia/Makassar', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);
  expect([wita(Date.now()), wita(Date.now() - 60_000)]).toContain(shown);
  await phone.screenshot({ path: 'test-results/screenshots/status-page.png', fullPage: true });

  // And the way home from a wrong code.
  await phone.goto('/t/SALAH123');
  await phone.getByTestId('tracking-home').click();
  await expect(phone).toHaveURL(/\/$/);
  await context.close();
});
