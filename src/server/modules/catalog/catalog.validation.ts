/**
 * Rules beyond the zod schemas (patterns with readable messages, hours, cross-field checks), and
 * unique violations turned into 409 problems naming the field.
 */
import { validateWeeklyHours } from '../../../domain/hours-text';
import { isUniqueViolation } from '../../platform/db';
import { AppError, appError, ERRORS, type FieldError } from '../../platform/errors';

type Messages = { id: string; en: string };

/** Collects field errors; `throwIfAny()` raises one 400 naming every field at fault. */
export class FieldErrors {
  readonly list: FieldError[] = [];
  add(field: string, code: string, messages: Messages): this {
    this.list.push({ field, code, messages });
    return this;
  }
  throwIfAny(): void {
    if (this.list.length === 0) return;
    const fields = [...new Set(this.list.map((e) => e.field))].join(', ');
    throw appError('validation_failed', {
      messages: { id: `${ERRORS.validation_failed.id} Periksa: ${fields}.`, en: `${ERRORS.validation_failed.en} Check: ${fields}.` },
      errors: this.list,
    });
  }
}

export const CODE_RE = /^[A-Z0-9][A-Z0-9_-]{0,31}$/;
export const PREFIX_RE = /^[A-Z]{1,4}$/;
export const DOC_KEY_RE = /^[a-z0-9][a-z0-9_-]{1,59}$/;
export const SLUG_RE = /^[a-z0-9](?:[a-z0-9-]{1,58}[a-z0-9])$/;

export function checkCode(errs: FieldErrors, field: string, code: string | undefined): void {
  if (code !== undefined && !CODE_RE.test(code)) {
    errs.add(field, 'invalid_code', { id: 'Kode hanya boleh huruf, angka, tanda hubung (-) dan garis bawah (_), maksimal 32 karakter.', en: 'The code may contain only letters, digits, dash and underscore, at most 32 characters.' });
  }
}

export function checkPrefix(errs: FieldErrors, field: string, prefix: string | undefined): void {
  if (prefix !== undefined && !PREFIX_RE.test(prefix)) {
    errs.add(field, 'invalid_prefix', { id: 'Awalan nomor antrean harus 1–4 huruf A–Z (mis. A).', en: 'The ticket prefix must be 1–4 letters A–Z (e.g. A).' });
  }
}

/** Adds one error per problem of weekly hours, at `<field>.<day>.<index>[.start|.end]`. */
export function checkHours(errs: FieldErrors, field: string, hours: Record<string, ReadonlyArray<{ start: string; end: string }>> | null | undefined): void {
  if (!hours) return;
  for (const p of validateWeeklyHours(hours)) errs.add(p.path ? `${field}.${p.path}` : field, p.code, p.messages);
}

/** Messages of the fee rule, shared by the API and the import. */
export const FEE_BASIS_NEEDED = {
  id: 'Sebutkan dasar hukum tarifnya (mis. Perda tentang Pajak Daerah dan Retribusi Daerah) karena biaya sesuai tarif.',
  en: 'Name the legal basis of the tariff (e.g. the regional regulation on taxes and levies), since the fee depends on the case.',
};

/**
 * The fee as published (UU 25/2009: biaya/tarif with its legal basis): free (0), a fixed amount, or
 * "sesuai tarif" (`feeVariable`: the amount depends on the case; `fee` is the starting amount or 0),
 * which must name the rule it follows.
 */
export function checkFee(errs: FieldErrors, prefix: string, fee: { fee: number; feeVariable: boolean; feeBasis: string }): void {
  if (fee.feeVariable && !fee.feeBasis.trim()) errs.add(`${prefix}feeBasis`, 'required', FEE_BASIS_NEEDED);
}

export function checkDateOrder(errs: FieldErrors, field: string, from: string | null | undefined, to: string | null | undefined): void {
  if (from && to && to < from) {
    errs.add(field, 'before_start', { id: 'Tanggal berakhir tidak boleh sebelum tanggal mulai.', en: 'The end date cannot be before the start date.' });
  }
}

/** What a unique constraint means, per field. */
const CONFLICTS: Record<string, { field: string; messages: Messages }> = {
  services_site_code_uq: { field: 'code', messages: { id: 'Kode layanan sudah dipakai di MPP ini.', en: 'This service code is already used in this site.' } },
  services_site_prefix_uq: { field: 'prefix', messages: { id: 'Awalan nomor antrean sudah dipakai layanan lain di MPP ini.', en: 'This ticket prefix is already used by another service in this site.' } },
  counters_site_number_uq: { field: 'number', messages: { id: 'Nomor loket sudah dipakai di MPP ini.', en: 'This counter number is already used in this site.' } },
  agencies_site_short_uq: { field: 'shortName', messages: { id: 'Singkatan instansi sudah dipakai di MPP ini.', en: 'This agency short name is already used in this site.' } },
  sites_slug_unique: { field: 'slug', messages: { id: 'Slug sudah dipakai MPP lain.', en: 'This slug is already used by another site.' } },
  document_types_key_unique: { field: 'key', messages: { id: 'Kunci jenis dokumen sudah ada.', en: 'This document type key already exists.' } },
  holidays_site_date_uq: { field: 'date', messages: { id: 'Sudah ada hari libur atau penutupan pada tanggal ini.', en: 'There is already a holiday or closure on this date.' } },
};

export function conflict(field: string, messages: Messages, prefix = 'body'): AppError {
  return appError('conflict', {
    messages: { id: `${ERRORS.conflict.id} ${messages.id}`, en: `${ERRORS.conflict.en} ${messages.en}` },
    errors: [{ field: `${prefix}.${field}`, code: 'taken', messages }],
  });
}

/** Maps a unique violation of a known constraint to a 409 naming the field; rethrows anything else. */
export function rethrowConflict(err: unknown, prefix = 'body'): never {
  for (const [constraint, c] of Object.entries(CONFLICTS)) {
    if (isUniqueViolation(err, constraint)) throw conflict(c.field, c.messages, prefix);
  }
  if (isUniqueViolation(err)) throw appError('conflict');
  throw err;
}

/** Runs a write, turning unique violations into 409 problems. */
export async function withConflicts<T>(work: () => Promise<T>, prefix = 'body'): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof AppError) throw e;
    rethrowConflict(e, prefix);
  }
}
