/**
 * The catalogue file (JSON and XLSX share it): sections, their columns and how a cell is read.
 * Rows are matched by agency shortName, service code and counter number. Pure: no database.
 */
import { canonicalHours, formatHoursText, parseHoursText, validateWeeklyHours, type WeeklyHoursMap } from '../../../domain/hours-text';
import { calendarDate } from '../../platform/date-input';
import { HTTP_URL_MESSAGES, isHttpUrl } from '../../platform/http-url';
import { findUnsafeText, unsafeTextMessages } from '../../platform/input';
import { CODE_RE, DOC_KEY_RE, FEE_BASIS_NEEDED, PREFIX_RE } from './catalog.validation';

export const FILE_FORMAT = 'loket.catalog';
export const FILE_VERSION = 1;

export type SectionKey = 'documentTypes' | 'agencies' | 'services' | 'counters';
export const SECTIONS: readonly SectionKey[] = ['documentTypes', 'agencies', 'services', 'counters'];

export interface FileDocumentType {
  key: string;
  name: string;
  description: string | null;
}
export interface FileAgency {
  shortName: string;
  name: string;
  kind: string;
  description: string;
  phone: string | null;
  email: string | null;
  website: string | null;
  agreementNumber: string | null;
  agreementSignedOn: string | null;
  agreementValidUntil: string | null;
  hours: WeeklyHoursMap;
  active: boolean;
}
export interface FileService {
  code: string;
  agency: string;
  prefix: string;
  name: string;
  keywords: string[];
  description: string;
  requirements: Array<{ documentType: string; note: string | null }>;
  procedure: string[];
  durationValue: number;
  durationUnit: string;
  durationText: string | null;
  fee: number;
  /** "Sesuai tarif": the amount depends on the case; `fee` is the starting amount or 0. */
  feeVariable: boolean;
  feeBasis: string;
  product: string;
  complaintChannel: string;
  legalBasis: string;
  facilities: string;
  competence: string;
  supervision: string;
  staffCount: number | null;
  guarantee: string;
  security: string;
  evaluation: string;
  hours: WeeklyHoursMap | null;
  handlingMinutes: number;
  bookable: boolean;
  walkInQuota: number;
  bookingQuota: number;
  active: boolean;
}
export interface FileCounter {
  number: number;
  name: string;
  zone: string;
  agency: string;
  services: string[];
  active: boolean;
}

export interface CatalogFile {
  format: typeof FILE_FORMAT;
  version: typeof FILE_VERSION;
  site: { slug: string; name: string; timeZone: string };
  exportedAt: string;
  documentTypes: FileDocumentType[];
  agencies: FileAgency[];
  services: FileService[];
  counters: FileCounter[];
}

export { INTERNAL_TEXT_KEYS as INTERNAL_KEYS } from '../../../domain/catalog-values';

type Kind = 'text' | 'optText' | 'url' | 'int' | 'optInt' | 'bool' | 'list' | 'lines' | 'requirements' | 'hours' | 'optHours' | 'date' | 'enum';

export interface Column {
  key: string;
  /** Indonesian header label; the header cell reads "<label> (<key>)". */
  label: string;
  kind: Kind;
  required?: boolean;
  max?: number;
  min?: number;
  values?: readonly string[];
  width?: number;
  note: string;
}

export const COLUMNS: Record<SectionKey, Column[]> = {
  documentTypes: [
    { key: 'key', label: 'Kunci', kind: 'text', required: true, max: 60, width: 18, note: 'Huruf kecil, angka, tanda hubung (mis. ktp-el). Tidak diubah setelah dipakai.' },
    { key: 'name', label: 'Nama dokumen', kind: 'text', required: true, max: 160, width: 36, note: 'Nama yang dibaca warga.' },
    { key: 'description', label: 'Keterangan', kind: 'optText', max: 1000, width: 40, note: 'Opsional.' },
  ],
  agencies: [
    { key: 'shortName', label: 'Singkatan', kind: 'text', required: true, max: 40, width: 18, note: 'Unik di MPP ini; dipakai untuk mencocokkan baris.' },
    { key: 'name', label: 'Nama instansi', kind: 'text', required: true, max: 200, width: 40, note: 'Nama lengkap.' },
    { key: 'kind', label: 'Jenis', kind: 'enum', required: true, values: ['opd', 'vertikal', 'bumn', 'bumd', 'swasta'], width: 10, note: 'opd, vertikal, bumn, bumd atau swasta.' },
    { key: 'description', label: 'Keterangan', kind: 'text', max: 2000, width: 30, note: 'Opsional.' },
    { key: 'phone', label: 'Telepon', kind: 'optText', max: 40, width: 16, note: 'Opsional.' },
    { key: 'email', label: 'Email', kind: 'optText', max: 200, width: 24, note: 'Opsional.' },
    { key: 'website', label: 'Situs web', kind: 'url', max: 300, width: 24, note: 'Opsional; diawali http:// atau https://.' },
    { key: 'agreementNumber', label: 'Nomor PKS/MoU', kind: 'optText', max: 120, width: 24, note: 'Nomor perjanjian kerja sama.' },
    { key: 'agreementSignedOn', label: 'Tanggal PKS', kind: 'date', width: 14, note: 'TTTT-BB-HH.' },
    { key: 'agreementValidUntil', label: 'PKS berlaku s.d.', kind: 'date', width: 14, note: 'TTTT-BB-HH.' },
    { key: 'hours', label: 'Jam layanan', kind: 'hours', width: 44, note: 'Mis. "Sen-Kam 08:00-12:00,13:00-15:00; Jum 08:00-11:30". Kosong = tutup.' },
    { key: 'active', label: 'Aktif', kind: 'bool', width: 8, note: 'ya / tidak (bawaan: ya).' },
  ],
  services: [
    { key: 'code', label: 'Kode layanan', kind: 'text', required: true, max: 32, width: 16, note: 'Unik di MPP ini; dipakai untuk mencocokkan baris.' },
    { key: 'agency', label: 'Instansi (singkatan)', kind: 'text', required: true, max: 40, width: 16, note: 'Singkatan instansi pada lembar Instansi.' },
    { key: 'prefix', label: 'Awalan antrean', kind: 'text', required: true, max: 4, width: 10, note: '1–4 huruf, unik di MPP ini (mis. A untuk A-001).' },
    { key: 'name', label: 'Nama layanan', kind: 'text', required: true, max: 200, width: 36, note: 'Nama yang dibaca warga.' },
    { key: 'keywords', label: 'Kata kunci', kind: 'list', width: 24, note: 'Dipisah koma; membantu pencarian.' },
    { key: 'description', label: 'Keterangan', kind: 'text', max: 4000, width: 30, note: 'Opsional.' },
    { key: 'requirements', label: 'Persyaratan', kind: 'requirements', width: 40, note: 'Satu per baris: "kunci-dokumen: catatan" (kunci dari lembar Jenis Dokumen).' },
    { key: 'procedure', label: 'Prosedur', kind: 'lines', required: true, width: 50, note: 'Satu langkah per baris, berurutan.' },
    { key: 'durationValue', label: 'Jangka waktu (angka)', kind: 'int', required: true, min: 0, max: 10000, width: 10, note: 'Bilangan bulat.' },
    { key: 'durationUnit', label: 'Satuan waktu', kind: 'enum', required: true, values: ['minutes', 'hours', 'days', 'working_days'], width: 14, note: 'minutes, hours, days atau working_days.' },
    { key: 'durationText', label: 'Jangka waktu (teks)', kind: 'optText', max: 200, width: 20, note: 'Opsional; kosong = dari angka dan satuan.' },
    { key: 'fee', label: 'Biaya (Rp)', kind: 'int', min: 0, max: 1_000_000_000, width: 12, note: 'Rupiah, bilangan bulat; 0 = gratis (kecuali biaya sesuai tarif).' },
    { key: 'feeVariable', label: 'Biaya sesuai tarif', kind: 'bool', width: 10, note: 'ya = besaran biaya tergantung kasus (pajak, tarif menurut PP/Perda); Biaya (Rp) lalu berarti "mulai dari", atau 0, dan Dasar biaya wajib diisi. Bawaan: tidak.' },
    { key: 'feeBasis', label: 'Dasar biaya', kind: 'text', max: 1000, width: 24, note: 'Dasar hukum tarif; wajib bila biaya sesuai tarif.' },
    { key: 'product', label: 'Produk layanan', kind: 'text', required: true, max: 1000, width: 24, note: 'Yang diterima warga.' },
    { key: 'complaintChannel', label: 'Pengaduan', kind: 'text', required: true, max: 1000, width: 24, note: 'Saluran pengaduan, saran dan masukan.' },
    { key: 'legalBasis', label: 'Dasar hukum', kind: 'text', max: 4000, width: 24, note: 'Komponen internal.' },
    { key: 'facilities', label: 'Sarana dan prasarana', kind: 'text', max: 4000, width: 24, note: 'Komponen internal.' },
    { key: 'competence', label: 'Kompetensi pelaksana', kind: 'text', max: 4000, width: 24, note: 'Komponen internal.' },
    { key: 'supervision', label: 'Pengawasan internal', kind: 'text', max: 4000, width: 24, note: 'Komponen internal.' },
    { key: 'staffCount', label: 'Jumlah pelaksana', kind: 'optInt', min: 0, max: 10000, width: 10, note: 'Komponen internal; bilangan bulat.' },
    { key: 'guarantee', label: 'Jaminan pelayanan', kind: 'text', max: 4000, width: 24, note: 'Komponen internal.' },
    { key: 'security', label: 'Jaminan keamanan', kind: 'text', max: 4000, width: 24, note: 'Komponen internal.' },
    { key: 'evaluation', label: 'Evaluasi kinerja', kind: 'text', max: 4000, width: 24, note: 'Komponen internal.' },
    { key: 'hours', label: 'Jam layanan khusus', kind: 'optHours', width: 36, note: 'Kosong = mengikuti jam instansi.' },
    { key: 'handlingMinutes', label: 'Menit per warga', kind: 'int', min: 1, max: 480, width: 10, note: 'Rata-rata waktu di loket (bawaan 10).' },
    { key: 'bookable', label: 'Bisa dipesan online', kind: 'bool', width: 10, note: 'ya / tidak (bawaan: tidak).' },
    { key: 'walkInQuota', label: 'Kuota datang langsung', kind: 'int', min: 0, max: 100000, width: 10, note: 'Per hari (bawaan 100).' },
    { key: 'bookingQuota', label: 'Kuota pesan online', kind: 'int', min: 0, max: 100000, width: 10, note: 'Per hari (bawaan 0).' },
    { key: 'active', label: 'Aktif', kind: 'bool', width: 8, note: 'ya / tidak (bawaan: ya).' },
  ],
  counters: [
    { key: 'number', label: 'Nomor loket', kind: 'int', required: true, min: 1, max: 9999, width: 10, note: 'Unik di MPP ini; dipakai untuk mencocokkan baris.' },
    { key: 'name', label: 'Nama loket', kind: 'text', max: 80, width: 16, note: 'Bawaan: "Loket <nomor>".' },
    { key: 'zone', label: 'Zona', kind: 'text', max: 80, width: 12, note: 'Opsional (mis. Lantai 1).' },
    { key: 'agency', label: 'Instansi (singkatan)', kind: 'text', required: true, max: 40, width: 16, note: 'Singkatan instansi.' },
    { key: 'services', label: 'Layanan (kode)', kind: 'list', width: 30, note: 'Kode layanan dipisah koma; harus milik instansi loket.' },
    { key: 'active', label: 'Aktif', kind: 'bool', width: 8, note: 'ya / tidak (bawaan: ya).' },
  ],
};

/** Sheet names in the workbook (errors name the sheet as the officer sees it). */
export const SHEET_NAMES: Record<SectionKey, string> = { documentTypes: 'Jenis Dokumen', agencies: 'Instansi', services: 'Layanan', counters: 'Loket' };

export interface ImportIssue {
  sheet: string;
  row: number;
  field: string;
  code: string;
  messages: { id: string; en: string };
}

/** A section as read from a file: raw cell values by column key, with the row number to report. */
export interface RawSection {
  key: SectionKey;
  sheet: string;
  rows: Array<{ row: number; values: Record<string, unknown> }>;
}

// ---------- cells → values ----------

const TRUE = new Set(['ya', 'y', 'yes', 'true', '1', 'aktif', 'benar']);
const FALSE = new Set(['tidak', 't', 'no', 'n', 'false', '0', 'nonaktif', 'salah']);

function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

// The API's date rule (a Date round trip threw a RangeError on 2026-13-45: a 500).
const validDate = (s: string) => calendarDate.safeParse(s).success;

type Issue = { code: string; messages: { id: string; en: string } };
const issue = (code: string, id: string, en: string): Issue => ({ code, messages: { id, en } });

/** Reads one cell by its column's kind; returns the value or an issue. */
export function readCell(col: Column, raw: unknown): { value: unknown } | { issue: Issue } {
  const empty = raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '') || (Array.isArray(raw) && raw.length === 0);
  if (empty && col.required) return { issue: issue('required', 'Wajib diisi.', 'Required.') };
  // The API's text rule (platform/input): a workbook reaches the service without the request hook.
  const unsafe = findUnsafeText(raw, '');
  if (unsafe) return { issue: { code: `text.${unsafe.why}`, messages: unsafeTextMessages(unsafe.why) } };
  switch (col.kind) {
    case 'text':
    case 'optText':
    case 'enum': {
      if (typeof raw === 'object' && raw !== null && !(raw instanceof Date)) return { issue: issue('invalid_type', 'Harus berupa teks.', 'Must be text.') };
      const s = text(raw);
      if (col.max && s.length > col.max) return { issue: issue('too_big', `Maksimal ${col.max} karakter.`, `At most ${col.max} characters.`) };
      if (col.kind === 'enum') {
        const v = s.toLowerCase();
        if (!col.values!.includes(v)) return { issue: issue('invalid_value', `Nilai tidak dikenal. Pilihan: ${col.values!.join(', ')}.`, `Unknown value. Options: ${col.values!.join(', ')}.`) };
        return { value: v };
      }
      return { value: col.kind === 'optText' ? s || null : s };
    }
    case 'url': {
      // The same rule as the API's website fields: an imported file must not smuggle in a
      // javascript: link that the public pages would render.
      if (empty) return { value: null };
      const s = text(raw);
      if (typeof raw !== 'string' || s.length > (col.max ?? 300) || !isHttpUrl(s)) return { issue: issue('invalid_url', HTTP_URL_MESSAGES.id, HTTP_URL_MESSAGES.en) };
      return { value: s };
    }
    case 'int':
    case 'optInt': {
      if (empty) return { value: col.kind === 'optInt' ? null : undefined };
      const n = typeof raw === 'number' ? raw : Number(text(raw).replace(/[.\s](?=\d{3}\b)/g, ''));
      if (!Number.isInteger(n)) return { issue: issue('invalid_type', 'Harus bilangan bulat.', 'Must be a whole number.') };
      if (col.min !== undefined && n < col.min) return { issue: issue('too_small', `Minimal ${col.min}.`, `Must be at least ${col.min}.`) };
      if (col.max !== undefined && n > col.max) return { issue: issue('too_big', `Maksimal ${col.max}.`, `Must be at most ${col.max}.`) };
      return { value: n };
    }
    case 'bool': {
      if (empty) return { value: undefined };
      if (typeof raw === 'boolean') return { value: raw };
      const s = text(raw).toLowerCase();
      if (TRUE.has(s)) return { value: true };
      if (FALSE.has(s)) return { value: false };
      return { issue: issue('invalid_value', 'Isi "ya" atau "tidak".', 'Write "yes" or "no" ("ya" / "tidak").') };
    }
    case 'date': {
      if (empty) return { value: null };
      const s = text(raw);
      if (!validDate(s)) return { issue: issue('invalid_date', 'Tanggal harus TTTT-BB-HH (mis. 2024-03-01).', 'The date must be YYYY-MM-DD (e.g. 2024-03-01).') };
      return { value: s };
    }
    case 'list': {
      const items = Array.isArray(raw) ? raw.map(text) : text(raw).split(/[,;\n]/).map((x) => x.trim());
      return { value: items.filter(Boolean) };
    }
    case 'lines': {
      const items = Array.isArray(raw) ? raw.map(text) : text(raw).split(/\r?\n/).map((x) => x.replace(/^\s*(?:\d+[.)]|[-•*])\s+/, '').trim());
      const steps = items.filter(Boolean);
      if (col.required && steps.length === 0) return { issue: issue('required', 'Wajib diisi.', 'Required.') };
      if (steps.some((s) => s.length > 1000)) return { issue: issue('too_big', 'Setiap baris maksimal 1000 karakter.', 'Each line at most 1000 characters.') };
      return { value: steps };
    }
    case 'requirements': {
      const list: Array<{ documentType: string; note: string | null }> = [];
      const entries = Array.isArray(raw) ? raw : text(raw).split(/\r?\n/);
      for (const e of entries) {
        if (typeof e === 'string') {
          const line = e.replace(/^\s*(?:\d+[.)]|[-•*])\s+/, '').trim();
          if (!line) continue;
          const i = line.indexOf(':');
          const key = (i < 0 ? line : line.slice(0, i)).trim().toLowerCase();
          const note = i < 0 ? '' : line.slice(i + 1).trim();
          list.push({ documentType: key, note: note || null });
        } else if (e && typeof e === 'object' && typeof (e as { documentType?: unknown }).documentType === 'string') {
          const r = e as { documentType: string; note?: unknown };
          list.push({ documentType: r.documentType.trim().toLowerCase(), note: text(r.note) || null });
        } else {
          return { issue: issue('invalid_type', 'Persyaratan: satu "kunci-dokumen: catatan" per baris.', 'Requirements: one "document-key: note" per line.') };
        }
      }
      return { value: list };
    }
    case 'hours':
    case 'optHours': {
      if (empty) return { value: col.kind === 'optHours' ? null : {} };
      if (typeof raw === 'object' && raw !== null && !(raw instanceof Date)) {
        const problems = validateWeeklyHours(raw as Record<string, Array<{ start: string; end: string }>>);
        if (problems.length) return { issue: { code: problems[0].code, messages: problems[0].messages } };
        const h = canonicalHours(raw as WeeklyHoursMap);
        return { value: col.kind === 'optHours' && Object.keys(h).length === 0 ? null : h };
      }
      const parsed = parseHoursText(text(raw));
      if (parsed.problems.length) return { issue: { code: parsed.problems[0].code, messages: parsed.problems[0].messages } };
      return { value: col.kind === 'optHours' && Object.keys(parsed.hours).length === 0 ? null : parsed.hours };
    }
  }
}

/** A cell as written to the workbook (text forms of lists and hours). */
export function writeCell(col: Column, value: unknown): string | number {
  switch (col.kind) {
    case 'int':
      return value as number;
    case 'optInt':
      return value === null || value === undefined ? '' : (value as number);
    case 'bool':
      return value ? 'ya' : 'tidak';
    case 'list':
      return (value as string[]).join(', ');
    case 'lines':
      return (value as string[]).join('\n');
    case 'requirements':
      return (value as Array<{ documentType: string; note: string | null }>).map((r) => (r.note ? `${r.documentType}: ${r.note}` : r.documentType)).join('\n');
    case 'hours':
    case 'optHours':
      return value ? formatHoursText(value as WeeklyHoursMap) : '';
    default:
      return value === null || value === undefined ? '' : String(value);
  }
}

const DEFAULTS: Partial<Record<SectionKey, Record<string, unknown>>> = {
  agencies: { active: true, hours: {} },
  services: { fee: 0, feeVariable: false, handlingMinutes: 10, bookable: false, walkInQuota: 100, bookingQuota: 0, active: true, keywords: [], requirements: [], hours: null },
  counters: { active: true, services: [] },
};

/**
 * Reads every row of a section: each cell by its column, unknown JSON keys reported, defaults
 * applied, key fields normalised (codes and prefixes upper case). Rows with issues are reported,
 * not returned.
 */
export function readSection<T>(section: RawSection, strictKeys: boolean, issues: ImportIssue[]): Array<{ row: number; value: T }> {
  const cols = COLUMNS[section.key];
  const known = new Set(cols.map((c) => c.key));
  const out: Array<{ row: number; value: T }> = [];
  for (const { row, values } of section.rows) {
    const obj: Record<string, unknown> = {};
    const before = issues.length;
    const report = (field: string, i: Issue) => issues.push({ sheet: section.sheet, row, field, ...i });
    if (strictKeys) for (const k of Object.keys(values)) if (!known.has(k)) report(k, issue('unknown_field', `Kolom "${k}" tidak dikenal.`, `Unknown field "${k}".`));
    for (const col of cols) {
      const r = readCell(col, values[col.key]);
      if ('issue' in r) report(col.key, r.issue);
      else obj[col.key] = r.value === undefined ? DEFAULTS[section.key]?.[col.key] : r.value;
    }
    // Patterns and per-row rules, on every field that could be read (so one pass reports all).
    const has = (k: string) => k in obj;
    if (section.key === 'services') {
      if (has('code')) {
        obj.code = String(obj.code).toUpperCase();
        if (!CODE_RE.test(obj.code as string)) report('code', issue('invalid_code', 'Kode hanya huruf, angka, tanda hubung dan garis bawah.', 'The code may contain only letters, digits, dash and underscore.'));
      }
      if (has('prefix')) {
        obj.prefix = String(obj.prefix).toUpperCase();
        if (!PREFIX_RE.test(obj.prefix as string)) report('prefix', issue('invalid_prefix', 'Awalan nomor antrean harus 1–4 huruf A–Z.', 'The ticket prefix must be 1–4 letters A–Z.'));
      }
      if (has('keywords') && (obj.keywords as string[]).length > 30) report('keywords', issue('too_big', 'Maksimal 30 kata kunci.', 'At most 30 keywords.'));
      if (has('requirements')) {
        const seen = new Set<string>();
        for (const r of obj.requirements as Array<{ documentType: string }>) {
          if (seen.has(r.documentType)) report('requirements', issue('duplicate', `Dokumen "${r.documentType}" tercantum dua kali.`, `Document "${r.documentType}" is listed twice.`));
          seen.add(r.documentType);
        }
      }
      for (const k of ['product', 'complaintChannel']) {
        if (has(k) && (obj[k] as string).length < 2) report(k, issue('too_small', 'Minimal 2 karakter.', 'At least 2 characters.'));
      }
      if (obj.feeVariable === true && has('feeBasis') && !(obj.feeBasis as string)) report('feeBasis', { code: 'required', messages: FEE_BASIS_NEEDED });
    }
    if (section.key === 'agencies') {
      if (has('shortName') && (obj.shortName as string).length < 2) report('shortName', issue('too_small', 'Minimal 2 karakter.', 'At least 2 characters.'));
      if (obj.agreementSignedOn && obj.agreementValidUntil && (obj.agreementValidUntil as string) < (obj.agreementSignedOn as string)) {
        report('agreementValidUntil', issue('before_start', 'Tanggal berakhir tidak boleh sebelum tanggal PKS.', 'The end date cannot be before the signing date.'));
      }
    }
    if (section.key === 'counters') {
      if (has('services')) obj.services = (obj.services as string[]).map((s) => s.toUpperCase());
      if (!obj.name && has('number')) obj.name = `Loket ${obj.number as number}`;
    }
    if (section.key === 'documentTypes' && has('key')) {
      obj.key = String(obj.key).toLowerCase();
      if (!DOC_KEY_RE.test(obj.key as string)) report('key', issue('invalid_key', 'Kunci hanya huruf kecil, angka, tanda hubung dan garis bawah.', 'The key may contain only lowercase letters, digits, dash and underscore.'));
    }
    if (issues.length === before) out.push({ row, value: Object.fromEntries(cols.map((c) => [c.key, obj[c.key]])) as T });
  }
  return out;
}
