/**
 * The province view for the ministry (GET /regions/{provinceCode}/mpp/export): XLSX or PDF, in
 * Indonesian (the report goes to KemenPANRB), each figure with its source and as-of date. Read
 * like the view itself (platform admins and auditors); the export is audited as a report taken.
 */
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import type { MppStage } from '../../../domain/establishment';
import { recordAudit } from '../../platform/audit';
import type { AppContext, Caller } from '../../platform/context';
import { FIGURE_SOURCES, VISITOR_DAYS, type Figure } from './figures';
import { REGION_SOURCE } from './regions';
import { provinceOr404, provinceView, todayIn } from './view.service';

export const STAGE_LABELS: Record<MppStage, string> = {
  none: 'Belum ada usulan',
  usulan: 'Usulan',
  verifikasi: 'Verifikasi',
  koordinasi: 'Koordinasi',
  pembangunan: 'Pembangunan',
  uji_coba: 'Uji coba',
  diresmikan: 'Diresmikan',
};

type Row = Awaited<ReturnType<typeof provinceView>>[number];

const NOT_AVAILABLE = 'belum tersedia';
const show = (f: Figure, format: (n: number) => string = String) => (!f.available ? NOT_AVAILABLE : f.value === null ? '–' : format(f.value));
const percent = (n: number) => `${Math.round(n * 1000) / 10} %`;

function stageRows(rows: Row[]) {
  return rows.map((r) => [
    r.regencyCode,
    r.regencyName,
    STAGE_LABELS[r.stage],
    r.stageSince ?? '',
    r.daysInStage ?? '',
    r.next ? STAGE_LABELS[r.next.stage] : '',
    r.next?.plannedDate ?? '',
    r.next?.late ? `terlambat ${r.next.daysLate} hari` : '',
    r.site?.name ?? '',
    r.note,
  ]);
}
const STAGE_HEADER = ['Kode', 'Kabupaten/Kota', 'Tahap', 'Sejak', 'Hari di tahap', 'Tahap berikutnya', 'Rencana', 'Keterlambatan', 'MPP (katalog)', 'Catatan'];

function figureRows(rows: Row[]) {
  return rows
    .filter((r) => r.figures)
    .map((r) => {
      const f = r.figures!;
      return [
        r.regencyName,
        r.site?.name ?? '',
        show(f.agencies),
        show(f.services),
        show(f.visitorsLast30Days),
        show(f.waitMinutesMean, (n) => `${n} menit`),
        f.ikm.available && f.ikm.value !== null ? `${f.ikm.value} (${f.ikm.grade ?? ''})` : show(f.ikm),
        show(f.complaintsOnTime, percent),
        show(f.applicationsOnTime, percent),
        f.agencies.asOf ?? '',
      ];
    });
}
const FIGURE_HEADER = ['Kabupaten/Kota', 'MPP', 'Instansi', 'Layanan', `Pengunjung ${VISITOR_DAYS} hari`, 'Rata-rata tunggu', 'IKM (mutu)', 'Pengaduan tepat waktu', 'Permohonan tepat waktu', 'Per tanggal'];

/** Every figure's source, with the date it is as of. */
function sourceRows(today: string) {
  return [
    ['Wilayah (kode dan nama)', REGION_SOURCE.name, REGION_SOURCE.asOf],
    ['Tahapan, rencana dan dokumen', 'Catatan Pemerintah Provinsi di Loket (riwayat tahapan)', today],
    ['Instansi dan layanan', FIGURE_SOURCES.catalog, today],
    ['Pengunjung dan waktu tunggu', FIGURE_SOURCES.queue, today],
    ['IKM', FIGURE_SOURCES.ikm, today],
    ['Pengaduan tepat waktu', FIGURE_SOURCES.complaints, today],
    ['Permohonan tepat waktu', FIGURE_SOURCES.applications, today],
  ];
}

export async function exportProvince(ctx: AppContext, caller: Caller, provinceCode: string, format: 'xlsx' | 'pdf'): Promise<{ body: Buffer; filename: string; type: string }> {
  const rows = await provinceView(ctx, caller, provinceCode);
  const province = provinceOr404(provinceCode);
  const today = todayIn(ctx, province);
  const title = `Tahapan Mal Pelayanan Publik Provinsi ${province.name}`;
  await recordAudit(ctx.db, ctx.clock, caller.actor, caller.ip, { action: 'establishment.exported', targetType: 'province', targetId: province.code, details: { format, regencies: rows.length } });
  const filename = `mpp-provinsi-${province.code}-${today}.${format}`;
  if (format === 'xlsx') return { body: await workbook(title, today, rows), filename, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
  return { body: await pdf(title, today, rows), filename, type: 'application/pdf' };
}

async function workbook(title: string, today: string, rows: Row[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Loket';
  const sheet = (name: string, header: string[], data: Array<Array<string | number>>) => {
    const ws = wb.addWorksheet(name);
    ws.addRow([title]).font = { bold: true, size: 13 };
    ws.addRow([`Per tanggal ${today}`]);
    ws.addRow([]);
    ws.addRow(header).font = { bold: true };
    data.forEach((r) => ws.addRow(r));
    ws.columns.forEach((c, i) => (c.width = i === 1 ? 32 : 18));
  };
  sheet('Tahapan', STAGE_HEADER, stageRows(rows));
  sheet('MPP beroperasi', FIGURE_HEADER, figureRows(rows));
  sheet('Sumber data', ['Angka', 'Sumber', 'Per tanggal'], sourceRows(today));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function pdf(title: string, today: string, rows: Row[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 36, info: { Title: title, Author: 'Loket' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const table = (header: string[], data: Array<Array<string | number>>, widths: number[]) => {
    doc.fontSize(7.5).table({
      columnStyles: widths,
      defaultStyle: { padding: [2, 3], border: 0.5, borderColor: '#888888' },
      data: [header.map((h) => ({ text: h, type: 'TH' as const, backgroundColor: '#e8eef5', font: { family: 'Helvetica-Bold' } })), ...data.map((r) => r.map((c) => String(c)))],
    });
    doc.moveDown();
  };
  doc.font('Helvetica-Bold').fontSize(14).text(title);
  doc.font('Helvetica').fontSize(9).text(`Per tanggal ${today}. Tahap "terlambat": tanggal rencana tahap berikutnya sudah lewat.`);
  doc.moveDown();
  table(STAGE_HEADER, stageRows(rows), [34, 120, 62, 56, 40, 66, 56, 66, 110, 160]);
  if (rows.some((r) => r.figures)) {
    doc.font('Helvetica-Bold').fontSize(11).text('MPP yang beroperasi');
    doc.font('Helvetica').moveDown(0.3);
    table(FIGURE_HEADER, figureRows(rows), [100, 130, 44, 44, 60, 60, 70, 70, 70, 56]);
  }
  doc.font('Helvetica-Bold').fontSize(11).text('Sumber data');
  doc.font('Helvetica').moveDown(0.3);
  table(['Angka', 'Sumber', 'Per tanggal'], sourceRows(today), [160, 440, 80]);
  doc.end();
  return done;
}
