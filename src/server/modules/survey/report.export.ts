/**
 * The report as files in the customary SKM layout: tabel NRR per unsur, IKM and konversi, mutu
 * pelayanan, respondents against the sample target, profil responden, the weak elements and
 * their rencana tindak lanjut, signed by the head of the unit. XLSX through exceljs, the
 * printable PDF through pdfkit with its bundled standard fonts (no network, nothing downloaded).
 */
import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import PDFDocument from 'pdfkit';
import { SKM_ELEMENT_KEYS, SKM_ELEMENTS } from '../../../domain/ikm';
import { AGE_BANDS, EDUCATIONS, OCCUPATIONS, SEXES } from '../../../domain/survey';
import type { SurveyReport } from './report.service';

const PROFILE_LABELS: Record<string, Record<string, string>> = {
  ageBand: Object.fromEntries(AGE_BANDS.map((b) => [b, b === '<20' ? '< 20 tahun' : b === '60+' ? '60 tahun ke atas' : `${b} tahun`])),
  sex: { L: 'Laki-laki', P: 'Perempuan' },
  education: { sd: 'SD ke bawah', smp: 'SMP', sma: 'SMA/SMK', diploma: 'D1–D3', s1: 'D4/S1', s2: 'S2', s3: 'S3' },
  occupation: { pns: 'PNS', tni_polri: 'TNI/Polri', swasta: 'Pegawai swasta', wirausaha: 'Wirausaha', pelajar: 'Pelajar/Mahasiswa', lainnya: 'Lainnya' },
};
const PROFILE_ORDER: Record<string, readonly string[]> = { ageBand: AGE_BANDS, sex: SEXES, education: EDUCATIONS, occupation: OCCUPATIONS };
const PROFILE_TITLES: Record<string, string> = { ageBand: 'Umur', sex: 'Jenis kelamin', education: 'Pendidikan', occupation: 'Pekerjaan' };
const STATUS_LABELS: Record<string, string> = { planned: 'Direncanakan', in_progress: 'Berjalan', done: 'Selesai', cancelled: 'Dibatalkan' };

const num = (n: number | null, digits: number) => (n === null ? '–' : n.toLocaleString('id-ID', { minimumFractionDigits: digits, maximumFractionDigits: digits }));
const dateId = (iso: string) => DateTime.fromISO(iso).setLocale('id').toFormat('d MMMM yyyy');

export function unitName(r: SurveyReport): string {
  return r.scope.service ? `${r.scope.service.name} · ${r.scope.agency?.name}` : (r.scope.agency?.name ?? r.scope.site.name);
}

/** The rows both formats print: element, NRR, weighted NRR (× 1/9). */
function nrrRows(r: SurveyReport) {
  return SKM_ELEMENT_KEYS.map((k, i) => {
    const nrr = r.result.nrr?.[k] ?? null;
    return { no: `U${i + 1}`, key: k, label: SKM_ELEMENTS[k].label, nrr, weighted: nrr === null ? null : nrr / 9, weak: r.weakElements.includes(k) };
  });
}

function profileRows(r: SurveyReport) {
  if (!r.profile) return [];
  const total = r.result.respondents;
  return Object.entries(r.profile).flatMap(([field, counts]) =>
    [...PROFILE_ORDER[field], 'none'].map((v) => ({ field: PROFILE_TITLES[field], value: v === 'none' ? 'Tidak mengisi' : PROFILE_LABELS[field][v], n: counts[v] ?? 0, share: total ? (counts[v] ?? 0) / total : 0 })),
  );
}

const withheld = (r: SurveyReport) => `Nilai tidak ditampilkan: ${r.result.respondents} responden, kurang dari batas minimum ${r.minGroupSize} (agar penilai tidak dapat dikenali).`;

export async function reportXlsx(r: SurveyReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Loket';
  const ws = wb.addWorksheet('SKM');
  ws.columns = [{ width: 8 }, { width: 48 }, { width: 14 }, { width: 18 }];
  const bold = (row: ExcelJS.Row) => (row.font = { bold: true });
  bold(ws.addRow(['LAPORAN SURVEI KEPUASAN MASYARAKAT (SKM)']));
  ws.addRow(['Unit layanan', unitName(r)]);
  ws.addRow(['MPP', r.scope.site.name]);
  ws.addRow(['Periode', `${dateId(r.period.from)} – ${dateId(r.period.to)}${r.period.key ? ` (${r.period.key})` : ''}`]);
  ws.addRow([]);
  bold(ws.addRow(['No', 'Unsur pelayanan', 'NRR', 'NRR tertimbang (×1/9)']));
  for (const x of nrrRows(r)) {
    const row = ws.addRow([x.no, x.label, x.nrr, x.weighted]);
    row.getCell(3).numFmt = '0.000';
    row.getCell(4).numFmt = '0.000';
    if (x.weak) row.font = { color: { argb: 'FFB00020' }, bold: true };
  }
  ws.addRow(['', 'IKM (Σ NRR tertimbang)', r.result.ikm]).getCell(3).numFmt = '0.0000';
  ws.addRow(['', 'Konversi IKM (× 25)', r.result.ikmUnit]).getCell(3).numFmt = '0.00';
  ws.addRow(['', 'Mutu pelayanan', r.result.grade ? `${r.result.grade} (${r.result.gradeLabel})` : '–']);
  if (r.result.suppressed) ws.addRow(['', withheld(r)]);
  ws.addRow([]);
  ws.addRow(['', 'Responden', r.result.respondents]);
  ws.addRow(['', 'Populasi (dilayani)', r.result.population]);
  ws.addRow(['', 'Target sampel (Krejcie–Morgan)', r.result.sampleTarget]);
  ws.addRow([]);
  bold(ws.addRow(['', 'Profil responden', 'Jumlah', 'Persentase']));
  for (const p of profileRows(r)) ws.addRow([p.field, p.value, p.n, p.share]).getCell(4).numFmt = '0.0%';
  if (!r.profile) ws.addRow(['', withheld(r)]);

  const rtl = wb.addWorksheet('Rencana tindak lanjut');
  rtl.columns = [{ width: 28 }, { width: 50 }, { width: 24 }, { width: 14 }, { width: 14 }];
  bold(rtl.addRow(['Unsur', 'Tindak lanjut', 'Penanggung jawab', 'Batas waktu', 'Status']));
  for (const a of r.actions.items) rtl.addRow([SKM_ELEMENTS[a.element].label, a.action, a.responsible, a.dueDate, STATUS_LABELS[a.status]]);
  rtl.addRow([]);
  rtl.addRow(['Penyelesaian', r.actions.completion === null ? '–' : `${r.actions.done} dari ${r.actions.total} (${Math.round(r.actions.completion * 100)}%)`]);

  if (r.comments?.length) {
    const cs = wb.addWorksheet('Saran dan masukan');
    cs.columns = [{ width: 100 }];
    bold(cs.addRow(['Saran dan masukan responden']));
    r.comments.forEach((c) => cs.addRow([c]));
  }
  if (r.signatory) {
    ws.addRow([]);
    ws.addRow(['', r.signatory.title]);
    ws.addRow(['', r.signatory.name]);
    if (r.signatory.nip) ws.addRow(['', `NIP ${r.signatory.nip}`]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function reportPdf(r: SurveyReport, printedOn: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `SKM ${unitName(r)} ${r.period.from}–${r.period.to}`, Creator: 'Loket' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const left = 50;
  const width = doc.page.width - 100;

  doc.font('Helvetica-Bold').fontSize(13).text('LAPORAN SURVEI KEPUASAN MASYARAKAT (SKM)', { align: 'center' });
  doc.font('Helvetica').fontSize(10).text(unitName(r), { align: 'center' }).text(r.scope.site.name, { align: 'center' });
  doc.text(`Periode ${dateId(r.period.from)} – ${dateId(r.period.to)}`, { align: 'center' }).moveDown();

  const cols = [40, 285, 80, 90];
  const row = (cells: string[], opts: { bold?: boolean; red?: boolean } = {}) => {
    const y = doc.y;
    doc.font(opts.bold ? 'Helvetica-Bold' : 'Helvetica').fillColor(opts.red ? '#b00020' : 'black');
    let x = left;
    cells.forEach((c, i) => {
      doc.text(c, x + 3, y + 3, { width: cols[i] - 6, align: i >= 2 ? 'right' : 'left' });
      x += cols[i];
    });
    const h = Math.max(16, doc.y - y + 3);
    doc.rect(left, y, cols.reduce((a, b) => a + b, 0), h).strokeColor('#888').stroke();
    doc.y = y + h;
    doc.fillColor('black');
  };
  doc.font('Helvetica-Bold').text('I. Nilai rata-rata per unsur (NRR)', left).moveDown(0.3);
  row(['No', 'Unsur pelayanan', 'NRR', 'NRR × 1/9'], { bold: true });
  for (const x of nrrRows(r)) row([x.no, x.label + (x.weak ? ' *' : ''), num(x.nrr, 3), num(x.weighted, 3)], { red: x.weak });
  row(['', 'IKM', num(r.result.ikm, 4), ''], { bold: true });
  row(['', 'Konversi IKM (IKM × 25)', num(r.result.ikmUnit, 2), ''], { bold: true });
  row(['', 'Mutu pelayanan', r.result.grade ?? '–', r.result.gradeLabel ?? ''], { bold: true });
  doc.font('Helvetica').fontSize(8).text('* unsur terendah atau di bawah mutu "Baik": prioritas tindak lanjut', left).fontSize(10);
  if (r.result.suppressed) doc.moveDown(0.3).text(withheld(r), left, doc.y, { width });
  doc.moveDown();
  doc.font('Helvetica-Bold').text('II. Responden', left).font('Helvetica');
  doc.text(`${r.result.respondents} responden dari target sampel ${r.result.sampleTarget} (Krejcie–Morgan; populasi ${r.result.population} layanan selesai).`, left, doc.y, { width }).moveDown();

  doc.font('Helvetica-Bold').text('III. Profil responden', left).moveDown(0.3);
  if (r.profile) {
    row(['', 'Profil', 'Jumlah', '%'], { bold: true });
    for (const p of profileRows(r)) row(['', `${p.field}: ${p.value}`, String(p.n), num(p.share * 100, 1)]);
  } else doc.font('Helvetica').text(withheld(r), left, doc.y, { width });
  doc.moveDown();

  doc.font('Helvetica-Bold').text('IV. Rencana tindak lanjut', left).font('Helvetica').moveDown(0.3);
  if (!r.actions.items.length) doc.text('Belum ada rencana tindak lanjut untuk periode ini.', left);
  for (const a of r.actions.items) {
    doc.text(`• ${SKM_ELEMENTS[a.element].label}: ${a.action} — ${a.responsible}, batas ${dateId(a.dueDate)} (${STATUS_LABELS[a.status]})`, left, doc.y, { width });
  }
  if (r.actions.completion !== null) doc.text(`Penyelesaian: ${r.actions.done} dari ${r.actions.total} (${Math.round(r.actions.completion * 100)}%).`, left);

  // Signature block, at the right, kept on one page.
  if (doc.y > doc.page.height - 190) doc.addPage();
  doc.moveDown(2);
  const sx = left + width - 220;
  doc.text(`${dateId(printedOn)}`, sx, doc.y, { width: 220 });
  doc.text(r.signatory?.title ?? 'Kepala Unit Pelayanan', sx, doc.y, { width: 220 });
  doc.moveDown(3.5);
  doc.font('Helvetica-Bold').text(r.signatory?.name ?? '(.................................)', sx, doc.y, { width: 220, underline: !!r.signatory });
  doc.font('Helvetica').text(r.signatory?.nip ? `NIP ${r.signatory.nip}` : 'NIP', sx, doc.y, { width: 220 });
  doc.end();
  return done;
}
