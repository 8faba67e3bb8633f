import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as c from '../../src/contracts/catalog';
import { bearer, createTestApp, type TestApp } from '../support/app';
import { buildCatalog, type CatalogFixture } from '../support/catalog-fixture';
import { ok, problem } from '../support/contract';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let t: TestApp;
let f: CatalogFixture;

beforeAll(async () => {
  t = await createTestApp({ start: '2026-11-25T09:00:00+08:00' });
  f = await buildCatalog(t);
  // Some variety the round trip must keep: a service with its own hours, internal components, an inactive counter.
  ok(await t.app.inject({ method: 'PATCH', url: `/api/v1/catalog/services/${f.services.SKCK}`, headers: bearer(f.admin), payload: { hours: { '1': [{ start: '08:00', end: '11:00' }], '3': [{ start: '08:00', end: '11:00' }] }, internal: { legalBasis: 'Perpol 6/2023', staffCount: 4, security: 'CCTV' }, fee: 30000, durationText: 'Selesai hari itu juga' } }), c.adminService);
  ok(await t.app.inject({ method: 'POST', url: `/api/v1/catalog/counters/${f.counters[4]}/deactivate`, headers: bearer(f.admin) }), c.adminCounter);
  // …and a fee "sesuai tarif" with a starting amount.
  const variable = await t.app.inject({ method: 'PATCH', url: `/api/v1/catalog/services/${f.services.PASPOR}`, headers: bearer(f.admin), payload: { fee: 350000, feeVariable: true, feeBasis: 'PP 28/2019: paspor biasa Rp350.000, elektronik Rp650.000' } });
  ok(variable, c.adminService);
});
afterAll(async () => t?.close());

type CatalogFile = z.output<typeof c.catalogFile>;
type FileService = NonNullable<CatalogFile['services']>[number];
type FileCounter = NonNullable<CatalogFile['counters']>[number];
const exportJson = async (siteId: string, token = f.admin) => {
  const res = await t.app.inject({ url: `/api/v1/sites/${siteId}/catalog/export?format=json`, headers: bearer(token) });
  const file = ok(res, c.catalogFile);
  // An export has every section (the schema lets an import leave them out).
  return { ...file, documentTypes: file.documentTypes!, agencies: file.agencies!, services: file.services!, counters: file.counters! };
};
const imported = (res: Awaited<ReturnType<typeof importFile>>) => ok(res, c.importResult);
const rowProblems = (res: Awaited<ReturnType<typeof importFile>>) => problem(res, 400, 'catalog.import_invalid');
const serviceOf = (file: { services: FileService[] }, code: string) => file.services.find((s) => s.code === code)!;
const exportXlsx = async (siteId: string, token = f.admin) => {
  const res = await t.app.inject({ url: `/api/v1/sites/${siteId}/catalog/export?format=xlsx`, headers: bearer(token) });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain(XLSX);
  expect(res.headers['content-disposition']).toMatch(/attachment; filename="katalog-.*\.xlsx"/);
  return res.rawPayload;
};
const importFile = (siteId: string, body: Buffer | object, opts: { dryRun?: boolean; token?: string } = {}) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/sites/${siteId}/catalog/import${opts.dryRun ? '?dryRun=1' : ''}`,
    headers: { ...bearer(opts.token ?? f.admin), ...(Buffer.isBuffer(body) ? { 'content-type': XLSX } : {}) },
    payload: body as never,
  });
const catalogue = (file: Awaited<ReturnType<typeof exportJson>>) => ({ documentTypes: file.documentTypes, agencies: file.agencies, services: file.services, counters: file.counters });

async function newSite() {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/sites', headers: bearer(f.platform), payload: { slug: `mpp-salinan-${Math.random().toString(36).slice(2, 8)}`, name: 'MPP Salinan', timeZone: 'Asia/Makassar' } });
  return ok(res, c.siteDetail, 201).id;
}

describe('export', () => {
  it('exports the whole catalogue as JSON with stable keys', async () => {
    const file = await exportJson(f.siteId);
    expect(file).toMatchObject({ format: 'loket.catalog', version: 1, site: { name: 'MPP Kota Samarinda', timeZone: 'Asia/Makassar' } });
    expect(file.agencies.map((a) => a.shortName)).toEqual(['BPJS Kesehatan', 'BPJS TK', 'Disdukcapil', 'Imigrasi', 'Polresta']);
    expect(serviceOf(file, 'SKCK')).toMatchObject({
      agency: 'Polresta',
      prefix: 'S',
      fee: 30000,
      durationText: 'Selesai hari itu juga',
      legalBasis: 'Perpol 6/2023',
      staffCount: 4,
      security: 'CCTV',
      hours: { '1': [{ start: '08:00', end: '11:00' }], '3': [{ start: '08:00', end: '11:00' }] },
      requirements: [{ documentType: 'ktp-el', note: null }, { documentType: 'pas-foto', note: '4x6 latar merah, 6 lembar' }],
    });
    expect(serviceOf(file, 'PASPOR')).toMatchObject({ fee: 350000, feeVariable: true, feeBasis: 'PP 28/2019: paspor biasa Rp350.000, elektronik Rp650.000' });
    expect(serviceOf(file, 'SKCK').feeVariable).toBe(false);
    expect(file.counters.find((k) => k.number === 1)).toEqual({ number: 1, name: 'Loket 1', zone: 'Lantai 1', agency: 'Disdukcapil', services: ['AKTA-LAHIR', 'KK', 'KTP-EL'], active: true });
    expect(file.documentTypes.map((d) => d.key)).toEqual(['akta-kelahiran', 'kk', 'ktp-el', 'pas-foto', 'surat-pengantar']);
  });

  it('writes a workbook officers can read: one sheet per entity, hours as text', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportXlsx(f.siteId)) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Petunjuk', 'Jenis Dokumen', 'Instansi', 'Layanan', 'Loket']);
    const agencies = wb.getWorksheet('Instansi')!;
    const header = agencies.getRow(1).values as string[];
    expect(header).toContain('Jam layanan (hours)');
    const hoursCol = header.indexOf('Jam layanan (hours)');
    const dukcapil = agencies.getRows(2, 5)!.find((r) => r.getCell(1).value === 'Disdukcapil')!;
    expect(dukcapil.getCell(hoursCol).value).toBe('Sen-Kam 08:00-12:00,13:00-15:00; Jum 08:00-11:30');
    const services = wb.getWorksheet('Layanan')!;
    const sHeader = services.getRow(1).values as string[];
    const feeVariableCol = sHeader.indexOf('Biaya sesuai tarif (feeVariable)');
    expect(feeVariableCol).toBeGreaterThan(sHeader.indexOf('Biaya (Rp) (fee)'));
    const codeCol = sHeader.indexOf('Kode layanan (code)');
    const cell = (code: string) => services.getRows(2, services.rowCount - 1)!.find((r) => r.getCell(codeCol).value === code)!.getCell(feeVariableCol).value;
    expect([cell('PASPOR'), cell('SKCK')]).toEqual(['ya', 'tidak']);
  });
});

describe('round trip', () => {
  it('JSON: export → import into an empty site → the same catalogue', async () => {
    const original = await exportJson(f.siteId);
    const copy = await newSite();
    const res = await importFile(copy, original, { token: f.platform });
    expect(imported(res)).toMatchObject({ dryRun: false, agencies: { created: 5 }, services: { created: 8 }, counters: { created: 5 }, documentTypes: { unchanged: 5 } });
    expect(catalogue(await exportJson(copy, f.platform))).toEqual(catalogue(original));
    // The imported site serves the same public catalogue.
    const codes = ok(await t.app.inject(`/api/v1/sites/${copy}/services?q=paspor`), z.array(c.publicService)).map((s) => s.code);
    expect(codes.sort()).toEqual(['PASPOR', 'PASPOR-GANTI']);
  });

  it('JSON: importing a site its own export changes nothing', async () => {
    const res = await importFile(f.siteId, await exportJson(f.siteId));
    expect(imported(res)).toMatchObject({ agencies: { created: 0, updated: 0, unchanged: 5 }, services: { created: 0, updated: 0, unchanged: 8 }, counters: { created: 0, updated: 0, unchanged: 5 } });
  });

  it('XLSX: export → dry run writes nothing → import → the same catalogue', async () => {
    const original = await exportJson(f.siteId);
    const workbook = await exportXlsx(f.siteId);
    const copy = await newSite();
    const dry = await importFile(copy, workbook, { dryRun: true, token: f.platform });
    expect(imported(dry)).toMatchObject({ dryRun: true, agencies: { created: 5 }, services: { created: 8 }, counters: { created: 5 } });
    expect((await exportJson(copy, f.platform)).services).toEqual([]);
    imported(await importFile(copy, workbook, { token: f.platform }));
    expect(catalogue(await exportJson(copy, f.platform))).toEqual(catalogue(original));
    // And back again: the copy's workbook imported into the original changes nothing.
    const back = await importFile(f.siteId, await exportXlsx(copy, f.platform));
    expect(imported(back)).toMatchObject({ agencies: { updated: 0 }, services: { updated: 0 }, counters: { updated: 0 } });
  });

  it('round-trips fees "sesuai tarif" and reads older files without the column as fixed fees', async () => {
    const original = await exportJson(f.siteId);
    const copy = await newSite();
    // A file from before the column: no feeVariable anywhere (JSON), …
    const old = catalogue(original);
    const withoutColumn = { ...old, services: old.services.map(({ feeVariable: _dropped, ...rest }) => rest) };
    imported(await importFile(copy, withoutColumn, { token: f.platform }));
    const copied = await exportJson(copy, f.platform);
    expect(copied.services.every((s) => s.feeVariable === false)).toBe(true);
    expect(serviceOf(copied, 'PASPOR')).toMatchObject({ fee: 350000, feeVariable: false });
    // … then the current file updates just that flag and the copy equals the original again.
    const again = await importFile(copy, original, { token: f.platform });
    expect(imported(again)).toMatchObject({ services: { created: 0, updated: 1, unchanged: 7 } });
    expect(catalogue(await exportJson(copy, f.platform))).toEqual(catalogue(original));
    expect(ok(await t.app.inject(`/api/v1/sites/${copy}/services?q=paspor baru`), z.array(c.publicService))[0].standard).toMatchObject({ fee: 350000, feeVariable: true });

    // XLSX: a sheet without the column reads as "tidak" too.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportXlsx(f.siteId)) as never);
    const services = wb.getWorksheet('Layanan')!;
    services.spliceColumns((services.getRow(1).values as string[]).indexOf('Biaya sesuai tarif (feeVariable)'), 1);
    const dry = await importFile(copy, Buffer.from(await wb.xlsx.writeBuffer()), { dryRun: true, token: f.platform });
    expect(imported(dry)).toMatchObject({ services: { updated: 1, unchanged: 7 } });
  });

  it('refuses a fee "sesuai tarif" without its legal basis, naming the row', async () => {
    const file = await exportJson(f.siteId);
    const skck = file.services.findIndex((s) => s.code === 'SKCK');
    file.services[skck] = { ...file.services[skck], feeVariable: true, feeBasis: '' };
    const kk = file.services.findIndex((s) => s.code === 'KK');
    // Not a boolean: bad input on purpose.
    const services: unknown[] = file.services.map((s, i) => (i === kk ? { ...s, feeVariable: 'mungkin' } : s));
    const res = rowProblems(await importFile(f.siteId, { ...file, services }));
    const found = res.errors?.map((e) => `${e.sheet}:${e.row}:${e.field}`);
    expect(found).toEqual(expect.arrayContaining([`services:${skck + 1}:feeBasis`, `services:${kk + 1}:feeVariable`]));
    expect(res.errors?.find((e) => e.field === 'feeBasis')?.messages.id).toContain('dasar hukum');
  });

  it('updates matched rows and swaps prefixes in one go', async () => {
    const file = await exportJson(f.siteId);
    const svc = (code: string) => serviceOf(file, code);
    svc('PASPOR').prefix = 'Q';
    svc('PASPOR-GANTI').prefix = 'P';
    svc('KK').name = 'Penerbitan Kartu Keluarga (KK)';
    file.services.push({ ...svc('JHT'), code: 'JKK', prefix: 'L', name: 'Klaim Jaminan Kecelakaan Kerja' });
    const counter4 = file.counters.find((k) => k.number === 4) as FileCounter;
    counter4.services = [...(counter4.services as string[]), 'JKK'];
    const res = await importFile(f.siteId, file);
    expect(imported(res)).toMatchObject({ services: { created: 1, updated: 3, unchanged: 5 }, counters: { updated: 1 } });
    const after = await exportJson(f.siteId);
    expect(serviceOf(after, 'PASPOR').prefix).toBe('Q');
    expect(after.counters.find((k) => k.number === 4)?.services).toEqual(['JHT', 'JKK']);
  });
});

describe('a bad file', () => {
  it('XLSX: lists every bad row and writes nothing', async () => {
    const before = await exportJson(f.siteId);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportXlsx(f.siteId)) as never);
    const col = (ws: ExcelJS.Worksheet, key: string) => (ws.getRow(1).values as string[]).findIndex((h) => typeof h === 'string' && h.endsWith(`(${key})`));
    const rowOf = (ws: ExcelJS.Worksheet, key: string, value: unknown) => ws.getRows(2, ws.rowCount - 1)!.find((r) => r.getCell(col(ws, key)).value === value)!;

    const agencies = wb.getWorksheet('Instansi')!;
    const services = wb.getWorksheet('Layanan')!;
    const counters = wb.getWorksheet('Loket')!;
    // A good change that must not be written, next to the bad ones.
    rowOf(services, 'code', 'KK').getCell(col(services, 'name')).value = 'Nama yang tidak boleh tersimpan';
    rowOf(agencies, 'shortName', 'Polresta').getCell(col(agencies, 'hours')).value = 'Sen-Jum 12:00-08:00';
    rowOf(agencies, 'shortName', 'Imigrasi').getCell(col(agencies, 'kind')).value = 'kementerian';
    const paspor = rowOf(services, 'code', 'PASPOR');
    paspor.getCell(col(services, 'prefix')).value = '1X';
    paspor.getCell(col(services, 'durationUnit')).value = 'minggu';
    rowOf(services, 'code', 'SKCK').getCell(col(services, 'agency')).value = 'Polda';
    rowOf(services, 'code', 'JHT').getCell(col(services, 'requirements')).value = 'ktp-el\nsurat-sakti: asli';
    rowOf(services, 'code', 'AKTA-LAHIR').getCell(col(services, 'prefix')).value = 'A';
    rowOf(counters, 'number', 1).getCell(col(counters, 'services')).value = 'KTP-EL, PASPOR';
    const extra = services.addRow([]);
    extra.getCell(col(services, 'code')).value = 'BARU';
    const bad = Buffer.from(await wb.xlsx.writeBuffer());

    const res = rowProblems(await importFile(f.siteId, bad));
    expect(res).toMatchObject({ code: 'catalog.import_invalid', messages: { id: expect.stringContaining('tidak ada yang disimpan') } });
    const errors = res.errors ?? [];
    const found = errors.map((e) => `${e.sheet}:${e.row}:${e.field}`);
    const r = (ws: ExcelJS.Worksheet, key: string, value: unknown) => rowOf(ws, key, value).number;
    expect(found).toEqual(
      expect.arrayContaining([
        `Instansi:${r(agencies, 'shortName', 'Polresta')}:hours`,
        `Instansi:${r(agencies, 'shortName', 'Imigrasi')}:kind`,
        `Layanan:${r(services, 'code', 'PASPOR')}:prefix`,
        `Layanan:${r(services, 'code', 'PASPOR')}:durationUnit`,
        `Layanan:${r(services, 'code', 'SKCK')}:agency`,
        `Layanan:${r(services, 'code', 'JHT')}:requirements`,
        // The second service with prefix A is the one reported (KTP-EL comes after AKTA-LAHIR).
        `Layanan:${r(services, 'code', 'KTP-EL')}:prefix`,
        `Layanan:${extra.number}:agency`,
        `Layanan:${extra.number}:name`,
        `Layanan:${extra.number}:product`,
        `Loket:${r(counters, 'number', 1)}:services`,
      ]),
    );
    for (const e of errors) expect(e.messages.id && e.messages.en).toBeTruthy();
    expect(errors.find((e) => e.field === 'hours')!.messages.id).toContain('harus sebelum');
    // Nothing was written, not even the good row.
    expect(catalogue(await exportJson(f.siteId))).toEqual(catalogue(before));
  });

  it('JSON: names the array and the 1-based row, including unknown fields', async () => {
    const res = await importFile(f.siteId, {
      agencies: [{ shortName: 'Dinsos', name: 'Dinas Sosial', kind: 'opd', hours: 'Sen 08:00-12:00', colour: 'merah' }],
      services: [{ code: 'DTKS', agency: 'Dinsos', prefix: 'D', name: 'DTKS' }],
      counters: [{ number: 7, agency: 'Dinsos', services: ['DTKS', 'TIDAK-ADA'] }],
    });
    const found = rowProblems(res).errors?.map((e) => `${e.sheet}:${e.row}:${e.field}`);
    expect(found).toEqual(['agencies:1:colour', 'services:1:procedure', 'services:1:durationValue', 'services:1:durationUnit', 'services:1:product', 'services:1:complaintChannel', 'counters:1:services']);
    expect(ok(await t.app.inject(`/api/v1/sites/${f.siteId}/agencies`), z.array(c.publicAgency)).map((a) => a.shortName)).not.toContain('Dinsos');
  });

  it('refuses something that is not a workbook, and refuses officers', async () => {
    const junk = await importFile(f.siteId, Buffer.from('bukan excel'));
    expect(problem(junk, 400).errors?.[0]).toMatchObject({ field: 'file', code: 'invalid_file' });
    const officer = await t.userToken({ memberships: [{ role: 'officer', siteId: f.siteId, agencyId: f.agencies.Imigrasi }] });
    problem(await importFile(f.siteId, {}, { token: officer }), 403, 'auth.forbidden');
    const agencyAdmin = await t.userToken({ memberships: [{ role: 'agency_admin', siteId: f.siteId, agencyId: f.agencies.Imigrasi }] });
    problem(await t.app.inject({ url: `/api/v1/sites/${f.siteId}/catalog/export`, headers: bearer(agencyAdmin) }), 403, 'auth.forbidden');
  });
});
