/**
 * The summary and the monthly report as files: CSV (one table of figures), XLSX (a sheet per
 * table) through exceljs, the printable PDF through pdfkit with its bundled standard fonts (no
 * network). Labels are Indonesian: the report goes to the ministry and the regional government.
 * The monthly report prints its indicators in the order the operator configured.
 */
import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import PDFDocument from 'pdfkit';
import type { MinuteStats, Monthly, Summary } from '../../../contracts/reports';
import { toCsv, type CsvCell } from '../../platform/csv';

const num = (n: number | null | undefined, digits = 0) => (n === null || n === undefined ? '–' : n.toLocaleString('id-ID', { minimumFractionDigits: digits, maximumFractionDigits: digits }));
const pct = (share: number | null) => (share === null ? '–' : `${num(share * 100, 1)}%`);
const dateId = (iso: string) => DateTime.fromISO(iso).setLocale('id').toFormat('d MMMM yyyy');
const monthId = (month: string) => DateTime.fromISO(`${month}-01`).setLocale('id').toFormat('MMMM yyyy');
const stats = (s: MinuteStats) => `rata-rata ${num(s.mean, 1)} · median ${num(s.p50, 1)} · p90 ${num(s.p90, 1)} menit (${num(s.count)} tiket)`;

export function scopeName(s: Summary): string {
  const parts = [s.scope.officer?.name, s.scope.counter?.name, s.scope.service?.name, s.scope.agency?.name, s.site.name].filter(Boolean);
  return parts.join(' · ');
}

type Line = [label: string, value: string];
/** The figures of each indicator as label/value lines (the indicators the settings name). */
function indicatorLines(s: Summary, indicator: string): Line[] {
  switch (indicator) {
    case 'visitors':
      return [['Pengunjung (kunjungan)', num(s.visitors)]];
    case 'tickets':
      return [['Tiket', num(s.tickets)], ['Datang langsung', num(s.walkIns)], ['Dari booking', num(s.fromBookings)]];
    case 'served':
      return [['Dilayani', num(s.served)], ['Dialihkan', num(s.transfers)], ['Dibatalkan', num(s.cancelled)], ['Belum selesai', num(s.open)]];
    case 'noShows':
      return [['Tidak hadir saat dipanggil', num(s.noShows)]];
    case 'wait':
      return [['Waktu tunggu', stats(s.waitMinutes)], ['Waktu tunggu (datang langsung)', stats(s.waitMinutes.walkIn)], ['Waktu tunggu (booking)', stats(s.waitMinutes.booking)]];
    case 'service':
      return [['Waktu layanan', stats(s.serviceMinutes)]];
    case 'withinTarget':
      return [[`Dipanggil dalam ${s.withinTarget.targetMinutes} menit`, `${num(s.withinTarget.withinTarget)} dari ${num(s.withinTarget.called)} (${pct(s.withinTarget.share)})`]];
    case 'bookings':
      return s.bookings ? [['Booking', `${num(s.bookings.made)} dibuat, ${num(s.bookings.checkedIn)} hadir (${pct(s.bookings.showRate)})`]] : [];
    case 'ikm':
      return [['IKM (SKM, PermenPANRB 14/2017)', s.ikm === null ? `tidak ditampilkan (${num(s.ikmRespondents)} responden)` : `${num(s.ikm, 2)} (mutu ${s.ikmGrade}, ${num(s.ikmRespondents)} responden)`]];
    case 'complaints':
      return s.complaints ? [['Pengaduan', `${num(s.complaints.received)} diterima, ${num(s.complaints.onTime)} ditanggapi tepat waktu, ${num(s.complaints.overdue)} terlambat`]] : [];
    case 'applications':
      return s.applications ? [['Permohonan', `${num(s.applications.received)} diterima, ${num(s.applications.onTime)} selesai tepat waktu, ${num(s.applications.late)} terlambat${s.applications.open === null ? '' : `, ${num(s.applications.open)} dalam proses`}`]] : [];
    default:
      return [];
  }
}

const summaryLines = (s: Summary, indicators: readonly string[]) => indicators.flatMap((i) => indicatorLines(s, i));
const DEFAULT_ORDER = ['visitors', 'tickets', 'served', 'noShows', 'wait', 'service', 'withinTarget', 'bookings', 'ikm', 'complaints', 'applications'];

const AGENCY_HEADER = ['Instansi', 'Pengunjung', 'Tiket', 'Dilayani', 'Tidak hadir', 'Dialihkan', 'Tunggu rata-rata (menit)', 'Tunggu p90 (menit)', 'Layanan rata-rata (menit)'];
const agencyRow = (a: Summary['byAgency'][number]): CsvCell[] => [a.name, a.visitors, a.tickets, a.served, a.noShows, a.transfers, a.waitMinutes.mean, a.waitMinutes.p90, a.serviceMinutes.mean];

/** The summary as CSV: figure/value lines, then the per-agency table. */
export function summaryCsv(s: Summary): Buffer {
  const rows: CsvCell[][] = [['Cakupan', scopeName(s)], ['Periode', `${s.from} s.d. ${s.to}`], ...summaryLines(s, DEFAULT_ORDER), [], AGENCY_HEADER, ...s.byAgency.map(agencyRow)];
  return toCsv(['Indikator', 'Nilai'], rows);
}

function addTable(wb: ExcelJS.Workbook, name: string, header: string[], rows: CsvCell[][]) {
  const ws = wb.addWorksheet(name);
  ws.addRow(header).font = { bold: true };
  rows.forEach((r) => ws.addRow(r));
  ws.columns.forEach((c, i) => (c.width = i === 0 ? 40 : 18));
  return ws;
}

async function workbook(s: Summary, extra: (wb: ExcelJS.Workbook) => void, indicators: readonly string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Loket';
  addTable(wb, 'Ringkasan', ['Indikator', 'Nilai'], [['Cakupan', scopeName(s)], ['Periode', `${dateId(s.from)} – ${dateId(s.to)}`], ...summaryLines(s, indicators)]);
  addTable(wb, 'Per instansi', AGENCY_HEADER, s.byAgency.map(agencyRow));
  addTable(wb, 'Per hari', ['Tanggal', 'Pengunjung', 'Tiket', 'Dilayani'], s.byDay.map((d) => [d.date, d.visitors, d.tickets, d.served]));
  const days = ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'];
  addTable(wb, 'Kedatangan per jam', ['Hari', ...Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}.00`)], s.arrivals.heat.map((row, d) => [days[d], ...row]));
  extra(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const summaryXlsx = (s: Summary) => workbook(s, () => {}, DEFAULT_ORDER);

export function monthlyCsv(m: Monthly): Buffer {
  const s = m.summary;
  const rows: CsvCell[][] = [
    ['MPP', s.site.name],
    ['Bulan', monthId(m.month)],
    ...summaryLines(s, m.indicators),
    [],
    AGENCY_HEADER,
    ...s.byAgency.map(agencyRow),
    [],
    ['Bulan', 'Pengunjung', 'Tiket', 'Dilayani', 'Tunggu rata-rata (menit)'],
    ...m.trend.map((t) => [t.month, t.visitors, t.tickets, t.served, t.waitMinutesMean]),
    [],
    ['Catatan', m.notes],
  ];
  return toCsv(['Indikator', 'Nilai'], rows);
}

export const monthlyXlsx = (m: Monthly) =>
  workbook(
    m.summary,
    (wb) => {
      addTable(wb, 'Tren 12 bulan', ['Bulan', 'Pengunjung', 'Tiket', 'Dilayani', 'Tunggu rata-rata (menit)'], m.trend.map((t) => [t.month, t.visitors, t.tickets, t.served, t.waitMinutesMean]));
      addTable(wb, 'Catatan', ['Catatan operator'], [[m.notes || '–']]);
    },
    m.indicators,
  );

/** The printable monthly report: cover, summary figures, per-agency table, trend, notes. */
export function monthlyPdf(m: Monthly): Promise<Buffer> {
  const s = m.summary;
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `Laporan bulanan ${s.site.name} ${m.month}`, Creator: 'Loket' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const left = 50;
  const width = doc.page.width - 100;

  // Cover
  doc.moveDown(8).font('Helvetica-Bold').fontSize(20).text('LAPORAN BULANAN', { align: 'center' });
  doc.fontSize(16).text('MAL PELAYANAN PUBLIK', { align: 'center' }).moveDown();
  doc.fontSize(18).text(s.site.name, { align: 'center' }).moveDown();
  doc.font('Helvetica').fontSize(14).text(monthId(m.month), { align: 'center' });
  if (s.scope.agency) doc.fontSize(12).text(s.scope.agency.name, { align: 'center' });
  doc.moveDown(10).fontSize(9).text(`Dibuat ${DateTime.fromISO(m.generatedAt).setZone(s.site.timeZone).setLocale('id').toFormat('d MMMM yyyy HH.mm')} dengan Loket. Sumber: antrean, booking, SKM, pengaduan dan permohonan Loket.`, { align: 'center' });

  const table = (cols: number[], header: string[], rows: string[][]) => {
    const row = (cells: string[], bold: boolean) => {
      if (doc.y > doc.page.height - 80) doc.addPage();
      const y = doc.y;
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
      let x = left;
      cells.forEach((c, i) => {
        doc.text(c, x + 3, y + 3, { width: cols[i] - 6, align: i > 0 ? 'right' : 'left' });
        x += cols[i];
      });
      const h = Math.max(15, doc.y - y + 3);
      doc.rect(left, y, cols.reduce((a, b) => a + b, 0), h).strokeColor('#888').stroke();
      doc.y = y + h;
    };
    row(header, true);
    rows.forEach((r) => row(r, false));
    doc.x = left;
  };
  const heading = (text: string) => {
    if (doc.y > doc.page.height - 120) doc.addPage();
    doc.moveDown().font('Helvetica-Bold').fontSize(12).text(text, left).moveDown(0.4);
  };

  doc.addPage();
  heading('I. Ringkasan');
  doc.font('Helvetica').fontSize(10).text(`Periode ${dateId(s.from)} – ${dateId(s.to)}`, left).moveDown(0.4);
  table([200, width - 200], ['Indikator', 'Nilai'], summaryLines(s, m.indicators));
  if (m.indicators.includes('byAgency')) {
    heading('II. Per instansi');
    table([150, 50, 45, 50, 50, 50, width - 395], ['Instansi', 'Pengunjung', 'Tiket', 'Dilayani', 'Tidak hadir', 'Tunggu rata²', 'Layanan rata²'],
      s.byAgency.map((a) => [a.name, num(a.visitors), num(a.tickets), num(a.served), num(a.noShows), num(a.waitMinutes.mean, 1), num(a.serviceMinutes.mean, 1)]));
    if (!s.byAgency.length) doc.font('Helvetica').fontSize(10).text('Tidak ada tiket pada bulan ini.', left);
  }
  if (m.indicators.includes('trend')) {
    heading('III. Tren 12 bulan');
    table([120, 90, 90, 90, width - 390], ['Bulan', 'Pengunjung', 'Tiket', 'Dilayani', 'Tunggu rata² (menit)'],
      m.trend.map((t) => [monthId(t.month), num(t.visitors), num(t.tickets), num(t.served), num(t.waitMinutesMean, 1)]));
  }
  heading('IV. Catatan operator');
  doc.font('Helvetica').fontSize(10).text(m.notes || '–', left, doc.y, { width });
  doc.end();
  return done;
}
