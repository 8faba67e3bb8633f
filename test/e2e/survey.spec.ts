import { expect, request as newRequest, test, type APIRequestContext, type Page } from '@playwright/test';

/*
 * The satisfaction survey end to end on the demo server (MPP Samarinda, Wednesday 09:00 WITA):
 * a ticket is served to its end, the citizen's status page asks "Bagaimana pelayanan kami?",
 * the nine questions are answered one screen each on a phone, and the public IKM page counts the
 * new respondent for that agency.
 */

const PASSWORD = 'loket-demo';
const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
type Json = Record<string, any>;

/** A bearer token, signed in from a context of its own (its session cookie would ask for CSRF on every POST). */
async function login(baseURL: string | undefined, username: string) {
  const ctx: APIRequestContext = await newRequest.newContext({ baseURL });
  const r = await ctx.post('/api/v1/auth/login', { data: { username, password: PASSWORD } });
  expect(r.ok()).toBeTruthy();
  const token = ((await r.json()) as { token: string }).token;
  await ctx.dispose();
  return { authorization: `Bearer ${token}` };
}

test('finish a ticket → the status page asks for the survey → submit → the public IKM page shows the new respondent', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const api = await newRequest.newContext({ baseURL });
  const admin = await login(baseURL, 'admin');
  const site = ((await (await api.get('/api/v1/sites')).json()) as Json[]).find((s) => s.slug === 'mpp-samarinda')!;
  const services = (await (await api.get(`/api/v1/sites/${site.id}/services`)).json()) as Json[];
  const ktp = services.find((s) => s.code === 'KTP-EL')!;
  const counters = (await (await api.get(`/api/v1/sites/${site.id}/counters`)).json()) as Json[];
  const counter = counters.find((c) => c.serviceIds.includes(ktp.id) && c.number === 4)!;

  // A kiosk, paired through the API, issues the ticket.
  const pairing = await api.post(`/api/v1/sites/${site.id}/device-pairings`, { headers: admin, data: { role: 'kiosk', name: 'Kiosk survei (e2e)' } });
  const claim = await api.post('/api/v1/devices/claim', { data: { code: ((await pairing.json()) as Json).code } });
  const kiosk = { authorization: `Bearer ${((await claim.json()) as Json).token}` };
  const before = ((await (await api.get(`/api/v1/sites/${site.id}/ikm/agencies?period=2026`)).json()) as Json).agencies.find((a: Json) => a.agency.id === ktp.agency.id).respondents as number;
  const issued = await api.post(`/api/v1/sites/${site.id}/tickets`, { headers: kiosk, data: { serviceId: ktp.id } });
  expect(issued.status()).toBe(201);
  const ticket = (await issued.json()) as Json;

  // The citizen watches the status page on a phone while the officer of Loket 4 serves the queue.
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await phone.goto(`/t/${ticket.trackingCode}`);
  await expect(phone.getByTestId('status-number')).toHaveText(ticket.number);
  await expect(phone.getByTestId('survey-invite')).toHaveCount(0);
  const officer = await login(baseURL, 'petugas-4');
  for (let i = 0; i < 50; i++) {
    const called = await api.post(`/api/v1/counters/${counter.id}/call-next`, { headers: officer });
    expect(called.status()).toBe(200);
    const id = ((await called.json()) as Json).ticket.id as string;
    expect((await api.post(`/api/v1/tickets/${id}/finish`, { headers: officer, data: {} })).status()).toBe(200);
    if (id === ticket.id) break;
  }

  // Finished: the page turns to "selesai" and asks how the service was.
  await expect(phone.getByTestId('status-state')).toHaveAttribute('data-status', 'done');
  const invite = phone.getByTestId('survey-invite');
  await expect(invite).toContainText('Bagaimana pelayanan kami?');
  await shot(phone, 'survey-invite');
  await invite.getByTestId('survey-invite-go').click();

  // Nine questions, one per screen, with the regulation's answer labels; big targets.
  await expect(phone.getByRole('heading', { level: 1 })).toHaveText('Bagaimana pelayanan kami?');
  await expect(phone.getByTestId('survey-step-persyaratan')).toContainText('Sangat sesuai');
  const target = await phone.getByTestId('answer-4').boundingBox();
  expect(target!.height).toBeGreaterThanOrEqual(44);
  await shot(phone, 'survey-question');
  for (const key of ['persyaratan', 'prosedur', 'waktu', 'biaya', 'produk', 'kompetensi', 'perilaku', 'pengaduan', 'sarana']) {
    const step = phone.getByTestId(`survey-step-${key}`);
    await expect(step).toBeVisible();
    if (key === 'biaya') await expect(step).toContainText('Gratis');
    await step.getByTestId(key === 'pengaduan' ? 'answer-3' : 'answer-4').click();
  }
  // The optional profile and comment, then the review and sending.
  await phone.getByRole('button', { name: '30–39 tahun' }).click();
  await phone.getByTestId('survey-comment').fill('Petugas ramah, antrean cepat.');
  await expect(phone.getByText('Berfungsi kurang maksimal')).toBeVisible();
  await phone.getByTestId('survey-submit').click();
  await expect(phone.getByTestId('survey-thanks')).toContainText('Terima kasih');
  await shot(phone, 'survey-thanks');

  // The same code cannot rate the service again.
  await phone.goto(`/t/${ticket.trackingCode}`);
  await expect(phone.getByTestId('survey-invite-done')).toBeVisible();

  // The public IKM page counts the new respondent for the agency.
  await phone.goto(`/mpp/${site.slug}/ikm`);
  const row = phone.getByTestId(`ikm-agency-${ktp.agency.id}`);
  await expect(row.getByTestId('ikm-agency-respondents')).toContainText(`${before + 1} dari target`);
  await shot(phone, 'ikm-page');
  const desktop = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await desktop.goto(`/mpp/${site.slug}/ikm`);
  await expect(desktop.getByTestId('ikm-agencies')).toBeVisible();
  await expect(desktop.getByTestId('ikm-site-respondents')).toContainText('Responden');
});
