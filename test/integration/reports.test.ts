// Reports (issue #16): a known day replayed at fixed clock times (issue, call, serve, no-show,
// transfer, booking check-in) with every figure of the summary asserted exactly, in the site's
// zone (WITA, UTC+8: the morning's tickets are issued just after midnight UTC); who may read
// which scope; bad periods; the monthly report in every format, its notes, archive and the
// automatic run on the 1st; the public transparency page.
import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as c from '../../src/contracts/reports';
import { userSchema as sessionUser } from '../../src/contracts/access';
import { keepMonthlyReports } from '../../src/server/modules/reports/reports.jobs';
import { bearer, createTestApp, type TestApp } from '../support/app';
import { ok, problem } from '../support/contract';
import { createMppFixture, type MppFixture } from '../support/fixtures';
import { nik } from '../support/site-fixture';

let t: TestApp;
let f: MppFixture;
const DAY = '2026-11-25';
const at = (local: string) => t.clock.set(`${local}+08:00`);
const api = (method: 'GET' | 'POST' | 'PUT', url: string, token?: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: token ? bearer(token) : {}, ...(payload ? { payload } : {}) });
async function step(method: 'POST', url: string, token: string, payload?: object) {
  const res = await api(method, url, token, payload ?? {});
  expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(300);
  return res.json();
}
const summary = (token: string, q = `from=${DAY}&to=${DAY}`) => api('GET', `/sites/${f.siteId}/reports/summary?${q}`, token);

beforeAll(async () => {
  // Sessions outlive the two days (and the 1st of December) the test walks through.
  t = await createTestApp({ start: '2026-11-24T14:00:00+08:00', config: { sessionTtlHours: 24 * 30 } });
  f = await createMppFixture(t, { settings: { booking: { perIpPerHour: 10_000 } } });
  // The day before: one served ticket that must not count on the 25th, and two bookings for it.
  const before = await step('POST', `/sites/${f.siteId}/tickets`, f.kioskToken, { serviceId: f.service.ktp });
  at('2026-11-24T14:05:00');
  await step('POST', `/counters/${f.counter.c1}/call-next`, f.tokens.officer.dukcapil);
  await step('POST', `/tickets/${before.id}/finish`, f.tokens.officer.dukcapil, {});
  const booking = await step('POST', `/sites/${f.siteId}/bookings`, '', { serviceId: f.service.kk, start: `${DAY}T09:00:00+08:00`, name: 'Rina Wati', nik: nik(41) });
  await step('POST', `/sites/${f.siteId}/bookings`, '', { serviceId: f.service.kk, start: `${DAY}T10:00:00+08:00`, name: 'Agus Salim', nik: nik(42) });

  // The day: times in WITA.
  const issue = async (time: string, serviceId: string) => {
    at(`${DAY}T${time}:00`);
    return step('POST', `/sites/${f.siteId}/tickets`, f.kioskToken, { serviceId });
  };
  const act = async (time: string, url: string, token = f.tokens.officer.dukcapil, body?: object) => {
    at(`${DAY}T${time}:00`);
    return step('POST', url, token, body);
  };
  const t1 = await issue('08:00', f.service.ktp);
  const t2 = await issue('08:02', f.service.ktp);
  const t3 = await issue('08:05', f.service.bpjs);
  await act('08:05', `/counters/${f.counter.c3}/call-next`, f.tokens.officer.bpjs); // t3: no wait at all
  await act('08:06', `/tickets/${t3.id}/start`, f.tokens.officer.bpjs);
  await act('08:10', `/counters/${f.counter.c1}/call-next`); // t1: 10 min
  await act('08:11', `/tickets/${t1.id}/start`);
  await act('08:20', `/tickets/${t3.id}/transfer`, f.tokens.officer.bpjs, { serviceId: f.service.ktp }); // t4 issued 08:20
  await act('08:21', `/tickets/${t1.id}/finish`, undefined, {}); // served 10 min
  await act('08:21', `/counters/${f.counter.c1}/call-next`); // t2: 19 min
  await act('08:29', `/tickets/${t2.id}/no-show`);
  const t4 = await act('08:30', `/counters/${f.counter.c1}/call-next`); // t4: 10 min
  await act('08:30', `/tickets/${t4.ticket?.id ?? t4.id}/start`);
  await act('08:45', `/tickets/${t4.ticket?.id ?? t4.id}/finish`, undefined, {}); // served 15 min
  at(`${DAY}T08:50:00`);
  const t5 = await step('POST', `/sites/${f.siteId}/tickets`, f.kioskToken, { bookingCode: booking.code, nik: nik(41).slice(-4) });
  await act('09:00', `/counters/${f.counter.c1}/call-next`); // t5: 10 min
  await act('09:00', `/tickets/${t5.id}/start`);
  await act('09:05', `/tickets/${t5.id}/finish`, undefined, {}); // served 5 min
  void t2;
  at(`${DAY}T16:00:00`);
});
afterAll(async () => t?.close());

const stats = (count: number, mean: number | null, p50: number | null, p90: number | null) => ({ count, mean, p50, p90 });

describe('the summary of a known day', () => {
  it('counts every ticket, wait and service time exactly, in the site zone', async () => {
    const s = ok(await summary(f.tokens.siteAdmin), c.summary);
    expect(s).toMatchObject({
      from: DAY, to: DAY, visitors: 4, tickets: 5, served: 3, noShows: 1, transfers: 1, cancelled: 0, open: 0, walkIns: 3, fromBookings: 1,
      // Waits 0 (t3), 10, 19, 10, 10: the zero wait is counted, not dropped.
      waitMinutes: { ...stats(5, 9.8, 10, 15.4), walkIn: stats(3, 9.7, 10, 17.2), booking: stats(1, 10, 10, 10) },
      serviceMinutes: stats(3, 10, 10, 14),
      withinTarget: { targetMinutes: 15, called: 5, withinTarget: 4, share: 0.8 },
      bookings: { made: 2, checkedIn: 1, showRate: 0.5 },
      byDay: [{ date: DAY, visitors: 4, tickets: 5, served: 3 }],
      complaints: { received: 0, onTime: 0, overdue: 0 },
      applications: { received: 0, onTime: 0, late: 0, open: 0 },
      ikm: null,
    });
    // Wednesday (Monday = 0), 08.00–08.59 WITA: all five, although 00.xx UTC.
    expect(s.arrivals.heat[2][8]).toBe(5);
    expect(s.arrivals.byHour[8]).toBe(5);
    expect(s.arrivals.byHour[0]).toBe(0);
    expect(s.arrivals.byWeekday).toEqual([0, 0, 5, 0, 0, 0, 0]);
    const dukcapil = s.byAgency.find((a) => a.agencyId === f.agency.dukcapil)!;
    expect(dukcapil).toMatchObject({ name: 'Dinas Kependudukan dan Pencatatan Sipil', visitors: 4, tickets: 4, served: 3, noShows: 1, transfers: 0, waitMinutes: stats(4, 12.3, 10, 16.3) });
    expect(s.byAgency.find((a) => a.agencyId === f.agency.bpjs)).toMatchObject({ tickets: 1, transfers: 1, served: 0, waitMinutes: stats(1, 0, 0, 0) });
  });

  it('the day before is its own: one served ticket', async () => {
    const s = ok(await summary(f.tokens.siteAdmin, 'from=2026-11-24&to=2026-11-24'), c.summary);
    expect(s).toMatchObject({ tickets: 1, served: 1, visitors: 1 });
    const both = ok(await summary(f.tokens.siteAdmin, `from=2026-11-24&to=${DAY}`), c.summary);
    expect(both.byDay.map((d) => d.date)).toEqual(['2026-11-24', DAY]);
    expect(both.tickets).toBe(6);
  });

  it('narrows to a service, a counter and an officer', async () => {
    const kk = ok(await summary(f.tokens.siteAdmin, `from=${DAY}&to=${DAY}&serviceId=${f.service.kk}`), c.summary);
    expect(kk).toMatchObject({ tickets: 1, served: 1, fromBookings: 1, bookings: { made: 2, checkedIn: 1 }, complaints: null, scope: { service: { id: f.service.kk } } });
    const c1 = ok(await summary(f.tokens.siteAdmin, `from=${DAY}&to=${DAY}&counterId=${f.counter.c1}`), c.summary);
    expect(c1).toMatchObject({ tickets: 4, served: 3, bookings: null, applications: null, scope: { counter: { name: 'Loket 1' } } });
    const me = ok(await api('GET', '/auth/me', f.tokens.officer.dukcapil), sessionUser);
    const own = ok(await summary(f.tokens.officer.dukcapil, `from=${DAY}&to=${DAY}&officerId=${me.id}`), c.summary);
    expect(own).toMatchObject({ served: 3, noShows: 1, scope: { officer: { id: me.id } } });
  });
});

describe('who sees what', () => {
  it('an agency admin gets their agency, and 403 for another', async () => {
    const s = ok(await summary(f.tokens.agencyAdmin), c.summary);
    expect(s).toMatchObject({ tickets: 4, scope: { agency: { id: f.agency.dukcapil } } });
    expect(s.byAgency.map((a) => a.agencyId)).toEqual([f.agency.dukcapil]);
    problem(await summary(f.tokens.agencyAdmin, `from=${DAY}&to=${DAY}&agencyId=${f.agency.bpjs}`), 403, 'auth.forbidden');
    problem(await summary(f.tokens.agencyAdmin, `from=${DAY}&to=${DAY}&counterId=${f.counter.c3}`), 403, 'auth.forbidden');
  });

  it("an officer may read only their own figures; the auditor reads everything; nobody else", async () => {
    problem(await summary(f.tokens.officer.dukcapil), 403, 'auth.forbidden');
    const other = ok(await api('GET', '/auth/me', f.tokens.officer.bpjs), sessionUser);
    problem(await summary(f.tokens.officer.dukcapil, `from=${DAY}&to=${DAY}&officerId=${other.id}`), 403, 'auth.forbidden');
    expect(ok(await summary(f.tokens.auditor), c.summary).tickets).toBe(5);
    problem(await api('GET', `/sites/${f.siteId}/reports/summary?from=${DAY}&to=${DAY}`), 401, 'auth.unauthenticated');
    problem(await api('GET', `/sites/${f.siteId}/reports/monthly?month=2026-11`, f.tokens.officer.dukcapil), 403, 'auth.forbidden');
  });
});

describe('bad periods and scopes', () => {
  it('names the field', async () => {
    const cases: Array<[string, string]> = [
      [`from=${DAY}&to=2026-11-20`, 'querystring.to'],
      ['from=2025-01-01&to=2026-11-25', 'querystring.to'],
      ['from=2026-02-30&to=2026-03-01', 'querystring.from'],
      [`from=${DAY}`, 'querystring.to'],
      [`from=${DAY}&to=${DAY}&serviceId=${f.service.bpjs}&agencyId=${f.agency.dukcapil}`, 'querystring.serviceId'],
      [`from=${DAY}&to=${DAY}&officerId=0190f5b2-0000-7000-8000-000000000000`, 'querystring.officerId'],
    ];
    for (const [q, field] of cases) {
      const p = problem(await summary(f.tokens.siteAdmin, q), 400, 'validation_failed');
      expect(p.errors?.map((e) => e.field), q).toContain(field);
    }
    const m = problem(await api('GET', `/sites/${f.siteId}/reports/monthly?month=2026-13`, f.tokens.siteAdmin), 400, 'validation_failed');
    expect(m.errors?.[0].field).toBe('querystring.month');
    const future = problem(await api('GET', `/sites/${f.siteId}/reports/monthly?month=2027-01`, f.tokens.siteAdmin), 400, 'validation_failed');
    expect(future.errors?.[0]).toMatchObject({ field: 'querystring.month', code: 'future' });
    problem(await api('GET', `/sites/0190f5b2-0000-7000-8000-000000000000/reports/summary?from=${DAY}&to=${DAY}`, f.tokens.siteAdmin), 404);
  });
});

describe('the monthly report', () => {
  it('has the month, a 12-month trend and the notes; as CSV, XLSX and a real PDF with the MPP name', async () => {
    const notes = ok(await api('PUT', `/sites/${f.siteId}/reports/monthly/2026-11/notes`, f.tokens.siteAdmin, { notes: 'Genset diperbaiki; antrean Disdukcapil padat hari Rabu.' }), c.notesResponse);
    expect(notes.notes).toContain('Genset');
    problem(await api('PUT', `/sites/${f.siteId}/reports/monthly/2026-11/notes`, f.tokens.agencyAdmin, { notes: 'x' }), 403, 'auth.forbidden');
    const m = ok(await api('GET', `/sites/${f.siteId}/reports/monthly?month=2026-11`, f.tokens.siteAdmin), c.monthly);
    expect(m.summary).toMatchObject({ from: '2026-11-01', to: '2026-11-30', tickets: 6, served: 4 });
    expect(m.trend).toHaveLength(12);
    expect(m.trend[0].month).toBe('2025-12');
    expect(m.trend.at(-1)).toMatchObject({ month: '2026-11', tickets: 6, served: 4 });
    expect(m.notes).toContain('Genset');

    const csv = await api('GET', `/sites/${f.siteId}/reports/monthly?month=2026-11&format=csv`, f.tokens.siteAdmin);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Dinas Kependudukan dan Pencatatan Sipil');

    const xlsx = await api('GET', `/sites/${f.siteId}/reports/monthly?month=2026-11&format=xlsx`, f.tokens.siteAdmin);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Ringkasan', 'Per instansi', 'Per hari', 'Kedatangan per jam', 'Tren 12 bulan', 'Catatan']);
    expect(wb.getWorksheet('Per instansi')!.getRow(2).getCell(1).value).toBe('Dinas Kependudukan dan Pencatatan Sipil');

    const pdf = await api('GET', `/sites/${f.siteId}/reports/monthly?month=2026-11&format=pdf`, f.tokens.siteAdmin);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = (await new PDFParse({ data: new Uint8Array(pdf.rawPayload) }).getText()).text;
    expect(text).toContain('MPP Samarinda (uji)');
    expect(text).toContain('November 2026');
    expect(text).toContain('Genset diperbaiki');
  });

  it('follows the configured indicators', async () => {
    const s = ok(await api('PUT', `/sites/${f.siteId}/reports/settings`, f.tokens.siteAdmin, { indicators: ['ikm', 'visitors'] }), c.settingsSchema);
    expect(s).toEqual({ targetWaitMinutes: 15, indicators: ['ikm', 'visitors'] });
    const csv = (await api('GET', `/sites/${f.siteId}/reports/monthly?month=2026-11&format=csv`, f.tokens.siteAdmin)).body;
    expect(csv.indexOf('IKM')).toBeLessThan(csv.indexOf('Pengunjung'));
    expect(csv).not.toContain('Waktu tunggu');
    problem(await api('PUT', `/sites/${f.siteId}/reports/settings`, f.tokens.siteAdmin, { indicators: ['weather'] }), 400, 'validation_failed');
    ok(await api('PUT', `/sites/${f.siteId}/reports/settings`, f.tokens.siteAdmin, { indicators: [...c.INDICATORS] }), c.settingsSchema);
  });

  it('is kept on the 1st for the month before, once, and reads the same afterwards', async () => {
    problem(await api('POST', `/sites/${f.siteId}/reports/archive/2026-11`, f.tokens.siteAdmin), 409, 'reports.month_not_over');
    at('2026-12-01T00:30:00');
    expect(await keepMonthlyReports(t.ctx)).toBeGreaterThanOrEqual(1);
    expect(await keepMonthlyReports(t.ctx)).toBe(0);
    const list = ok(await api('GET', `/sites/${f.siteId}/reports/archive`, f.tokens.siteAdmin), z.array(c.archiveItem));
    expect(list).toEqual([{ month: '2026-11', generatedAt: '2026-11-30T16:30:00.000Z', automatic: true }]);
    // A later ticket in November does not change the kept report.
    const kept = ok(await api('GET', `/sites/${f.siteId}/reports/archive/2026-11`, f.tokens.siteAdmin), c.monthly);
    expect(kept.summary.tickets).toBe(6);
    expect((await api('GET', `/sites/${f.siteId}/reports/archive/2026-11?format=pdf`, f.tokens.siteAdmin)).rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    problem(await api('GET', `/sites/${f.siteId}/reports/archive/2026-10`, f.tokens.siteAdmin), 404, 'reports.not_archived');
  });
});

describe('the public transparency page', () => {
  it("shows last month's published figures without signing in", async () => {
    at('2026-12-02T09:00:00');
    const p = ok(await api('GET', `/sites/${f.siteId}/transparency`), c.transparency);
    expect(p).toMatchObject({ month: '2026-11', visitors: 5, ikm: null, complaints: { received: 0, followedUp: 0 } });
    expect(p.agencies.find((a) => a.agencyId === f.agency.dukcapil)).toMatchObject({ visitors: 5 });
    const now = problem(await api('GET', `/sites/${f.siteId}/transparency?month=2026-12`), 400, 'validation_failed');
    expect(now.errors?.[0].field).toBe('querystring.month');
  });
});
