import { expect, request as newRequest, test, type Page } from '@playwright/test';

/*
 * The TV and the citizen's phone follow every state change of a call live, and after a dropped
 * connection (issue #11, item 4): park, break, resume, start, finish. The officer acts through the
 * API; the display and the status page are real pages in Chromium.
 */

const PASSWORD = 'loket-demo';
const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/${name}.png` });

/** A bearer token (from a context of its own: a session cookie in `api` would ask for CSRF). */
async function signIn(baseURL: string | undefined, username: string) {
  const ctx = await newRequest.newContext({ baseURL });
  const res = await ctx.post('/api/v1/auth/login', { data: { username, password: PASSWORD } });
  expect(res.ok()).toBeTruthy();
  const { token } = (await res.json()) as { token: string };
  await ctx.dispose();
  return { authorization: `Bearer ${token}` };
}

test('the TV and the status page follow a park, a break and a reconnect', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const api = await newRequest.newContext({ baseURL });
  const admin = await signIn(baseURL, 'admin');
  const officer = await signIn(baseURL, 'petugas-4');
  const site = ((await (await api.get('/api/v1/sites')).json()) as Array<{ id: string; slug: string }>).find((s) => s.slug === 'mpp-samarinda')!;
  const counters = (await (await api.get(`/api/v1/sites/${site.id}/counters`)).json()) as Array<{ id: string; number: number; serviceIds: string[] }>;
  const loket4 = counters.find((c) => c.number === 4)!;
  const act = async (path: string, expected = 200) => {
    const res = await api.post(`/api/v1${path}`, { headers: officer });
    expect(res.status(), path).toBe(expected);
    return res.status() === 200 ? ((await res.json()) as { ticket: { id: string; number: string } }) : null;
  };
  // Loket 4 free, nobody waiting for it: whatever other specs left is served now.
  await api.post(`/api/v1/counters/${loket4.id}/open`, { headers: officer });
  for (;;) {
    const res = await api.post(`/api/v1/counters/${loket4.id}/call-next`, { headers: officer });
    if (res.status() === 204) break;
    expect(res.status()).toBe(200);
    await act(`/tickets/${((await res.json()) as { ticket: { id: string } }).ticket.id}/finish`);
  }

  const issued = await api.post(`/api/v1/sites/${site.id}/tickets`, {
    headers: { ...admin, 'idempotency-key': `e2e-live-${Date.now()}` },
    data: { serviceId: loket4.serviceIds[0] },
  });
  expect(issued.status()).toBe(201);
  const ticket = (await issued.json()) as { id: string; number: string; statusPath: string };

  const display = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await display.goto('/display/mpp-samarinda');
  await expect(display.getByTestId('display-clock')).toContainText('WITA');
  const phone = await browser.newPage({ viewport: { width: 390, height: 800 } });
  await phone.goto(ticket.statusPath);
  await expect(phone.getByTestId('status-state')).toHaveAttribute('data-status', 'waiting');

  // Called: on the TV and on the phone.
  await act(`/counters/${loket4.id}/call-next`);
  await expect(display.getByTestId('display-latest-number')).toHaveText(ticket.number);
  await expect(phone.getByTestId('status-state')).toHaveAttribute('data-status', 'called');

  // Parked ("Tunda"): the TV stops calling it at once, without a reload.
  await act(`/tickets/${ticket.id}/park`);
  await expect(display.getByTestId('display-latest')).not.toContainText(ticket.number);
  await expect(display.getByTestId('display-serving')).not.toContainText(ticket.number);
  await expect(phone.getByTestId('status-state')).toHaveAttribute('data-status', 'parked');
  await shot(phone, 'status-parked');

  // A break: the TV says Loket 4 rests.
  await act(`/counters/${loket4.id}/pause`);
  await expect(display.getByTestId('display-break').filter({ hasText: 'Loket 4' })).toBeVisible();
  await shot(display, 'display-break');

  // The TV loses its connection: back from the break, the ticket resumed and called again, serving.
  await display.context().setOffline(true);
  await expect(display.getByTestId('display-offline')).toBeVisible({ timeout: 20_000 });
  await act(`/counters/${loket4.id}/open`);
  await act(`/tickets/${ticket.id}/resume`);
  await act(`/counters/${loket4.id}/call-next`);
  await act(`/tickets/${ticket.id}/start`);
  await display.context().setOffline(false);
  await expect(display.getByTestId('display-latest-number')).toHaveText(ticket.number, { timeout: 45_000 });
  await expect(display.getByTestId('display-break')).toHaveCount(0);
  await expect(display.getByTestId('display-serving')).toContainText(`${ticket.number} Loket 4`);

  // Both offline while the officer finishes: both catch up once back.
  await display.context().setOffline(true);
  await phone.context().setOffline(true);
  await expect(display.getByTestId('display-offline')).toBeVisible({ timeout: 20_000 });
  await act(`/tickets/${ticket.id}/finish`);
  await display.context().setOffline(false);
  await phone.context().setOffline(false);
  await expect(display.getByTestId('display-latest')).not.toContainText(ticket.number, { timeout: 45_000 });
  await expect(display.getByTestId('display-serving')).not.toContainText(ticket.number);
  await expect(phone.getByTestId('status-state')).toHaveAttribute('data-status', 'done', { timeout: 45_000 });
  await shot(display, 'display-after-reconnect');

  await api.dispose();
});
