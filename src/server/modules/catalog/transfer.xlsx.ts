/**
 * The catalogue as an XLSX workbook officers can edit: one sheet per section, a header row
 * "<label> (<key>)", lists and hours as text, and a first sheet explaining every column.
 */
import ExcelJS from 'exceljs';
import { COLUMNS, SECTIONS, SHEET_NAMES, writeCell, type CatalogFile, type ImportIssue, type RawSection, type SectionKey } from './transfer.format';

export async function writeWorkbook(file: CatalogFile): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Loket';
  wb.created = new Date(file.exportedAt);
  const help = wb.addWorksheet('Petunjuk');
  help.columns = [{ width: 22 }, { width: 26 }, { width: 90 }];
  help.addRow([`Katalog layanan ${file.site.name} (${file.site.slug}), diekspor ${file.exportedAt}`]).font = { bold: true };
  help.addRow(['Baris dicocokkan dengan singkatan instansi, kode layanan dan nomor loket. Baris yang tidak ada di berkas tidak diubah. Kolom tambahan diabaikan.']);
  help.addRow(['Rows are matched by agency short name, service code and counter number. Rows not in the file are left alone. Extra columns are ignored.']);
  help.addRow([]);
  help.addRow(['Lembar', 'Kolom', 'Keterangan']).font = { bold: true };
  for (const key of SECTIONS) for (const c of COLUMNS[key]) help.addRow([SHEET_NAMES[key], `${c.label} (${c.key})`, `${c.required ? 'Wajib. ' : ''}${c.note}`]);

  for (const key of SECTIONS) {
    const ws = wb.addWorksheet(SHEET_NAMES[key], { views: [{ state: 'frozen', ySplit: 1 }] });
    const cols = COLUMNS[key];
    ws.columns = cols.map((c) => ({ header: `${c.label} (${c.key})`, key: c.key, width: c.width ?? 16 }));
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.alignment = { vertical: 'top', wrapText: true };
    cols.forEach((c, i) => {
      if (c.required) header.getCell(i + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
      header.getCell(i + 1).note = c.note;
    });
    for (const item of file[key] as unknown as Array<Record<string, unknown>>) {
      const row = ws.addRow(cols.map((c) => writeCell(c, item[c.key])));
      row.alignment = { vertical: 'top', wrapText: true };
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** What a cell holds, whatever Excel or LibreOffice made of it (rich text, links, formulas). */
function cellValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return undefined;
  if (v instanceof Date) {
    // Excel dates have no zone: read the calendar date as stored.
    return v.toISOString().slice(0, 10);
  }
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellValue(v.result as ExcelJS.CellValue);
    if ('error' in v) return undefined;
    return undefined;
  }
  return v;
}

/** "Kode layanan (code)" → "code"; a bare key or label also works. */
function columnKey(section: SectionKey, header: string): string | null {
  const h = header.trim();
  const m = /\(([A-Za-z]+)\)\s*$/.exec(h);
  const cols = COLUMNS[section];
  if (m && cols.some((c) => c.key === m[1])) return m[1];
  const lower = h.toLowerCase();
  return cols.find((c) => c.key.toLowerCase() === lower || c.label.toLowerCase() === lower)?.key ?? null;
}

function findSheet(wb: ExcelJS.Workbook, key: SectionKey): ExcelJS.Worksheet | undefined {
  const wanted = [SHEET_NAMES[key].toLowerCase(), key.toLowerCase()];
  return wb.worksheets.find((ws) => {
    const n = ws.name.trim().toLowerCase();
    return wanted.includes(n) || n.endsWith(`(${key.toLowerCase()})`);
  });
}

const MAX_ROWS = 5000;

/** Reads the sections of a workbook; a file that is not a workbook is one issue. */
export async function readWorkbook(data: Buffer): Promise<{ sections: RawSection[]; issues: ImportIssue[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return {
      sections: [],
      issues: [{ sheet: '', row: 0, field: 'file', code: 'invalid_file', messages: { id: 'Berkas bukan buku kerja XLSX yang valid.', en: 'The file is not a valid XLSX workbook.' } }],
    };
  }
  const sections: RawSection[] = [];
  const issues: ImportIssue[] = [];
  for (const key of SECTIONS) {
    const ws = findSheet(wb, key);
    if (!ws) continue;
    const keys: Array<string | null> = [];
    ws.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
      keys[col] = columnKey(key, String(cellValue(cell.value) ?? ''));
    });
    for (const c of COLUMNS[key]) {
      if (c.required && !keys.includes(c.key)) {
        issues.push({ sheet: ws.name, row: 1, field: c.key, code: 'missing_column', messages: { id: `Kolom wajib "${c.label} (${c.key})" tidak ada.`, en: `Required column "${c.label} (${c.key})" is missing.` } });
      }
    }
    const rows: RawSection['rows'] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (rowNumber === 1) return;
      const values: Record<string, unknown> = {};
      let any = false;
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        const k = keys[col];
        if (!k) return;
        const v = cellValue(cell.value);
        if (v !== undefined && !(typeof v === 'string' && v.trim() === '')) any = true;
        values[k] = v;
      });
      if (any) rows.push({ row: rowNumber, values });
    });
    if (rows.length > MAX_ROWS) {
      issues.push({ sheet: ws.name, row: MAX_ROWS + 2, field: 'file', code: 'too_many_rows', messages: { id: `Maksimal ${MAX_ROWS} baris per lembar.`, en: `At most ${MAX_ROWS} rows per sheet.` } });
    }
    sections.push({ key, sheet: ws.name, rows: rows.slice(0, MAX_ROWS) });
  }
  if (sections.length === 0 && issues.length === 0) {
    issues.push({ sheet: '', row: 0, field: 'file', code: 'no_sheets', messages: { id: 'Tidak ada lembar Instansi, Layanan, Loket atau Jenis Dokumen.', en: 'No Instansi, Layanan, Loket or Jenis Dokumen sheet found.' } });
  }
  return { sections, issues };
}
