/**
 * The one error type of the domain. Services throw AppError with a stable code; the HTTP layer
 * turns it into application/problem+json (RFC 9457). The web translates codes, and every code
 * carries an Indonesian and an English message for API clients.
 */
export const ERRORS = {
  validation_failed: { status: 400, id: 'Data yang dikirim tidak valid.', en: 'The request is not valid.' },
  malformed_json: { status: 400, id: 'Isi permintaan bukan JSON yang valid.', en: 'The request body is not valid JSON.' },
  payload_too_large: { status: 413, id: 'Isi permintaan terlalu besar.', en: 'The request body is too large.' },
  unsupported_media_type: { status: 415, id: 'Jenis konten tidak didukung.', en: 'Unsupported content type.' },
  not_found: { status: 404, id: 'Data tidak ditemukan.', en: 'Not found.' },
  route_not_found: { status: 404, id: 'Alamat API tidak dikenal.', en: 'Unknown API route.' },
  malformed_url: { status: 400, id: 'Alamat (URL) tidak valid.', en: 'The URL is malformed.' },
  uri_too_long: { status: 414, id: 'Alamat (URL) atau salah satu bagiannya terlalu panjang.', en: 'The URL or one of its parts is too long.' },
  headers_too_large: { status: 431, id: 'Header permintaan terlalu besar.', en: 'The request headers are too large.' },
  method_not_allowed: { status: 405, id: 'Metode tidak diizinkan.', en: 'Method not allowed.' },
  not_acceptable: { status: 406, id: 'Format jawaban yang diminta tidak tersedia.', en: 'The requested response format is not available.' },
  request_timeout: { status: 408, id: 'Permintaan terlalu lama.', en: 'The request took too long.' },
  bad_request: { status: 400, id: 'Permintaan tidak valid.', en: 'Bad request.' },
  internal: { status: 500, id: 'Terjadi kesalahan pada server.', en: 'Internal server error.' },
  not_ready: { status: 503, id: 'Layanan belum siap.', en: 'Service not ready.' },
  'db.timeout': { status: 503, id: 'Basis data terlalu lama menjawab. Coba lagi sebentar lagi.', en: 'The database took too long to answer. Try again shortly.' },
  'db.unavailable': { status: 503, id: 'Basis data tidak menjawab.', en: 'The database is not answering.' },

  'auth.unauthenticated': { status: 401, id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' },
  'auth.invalid_credentials': { status: 401, id: 'Nama pengguna atau kata sandi salah.', en: 'Wrong username or password.' },
  'auth.rate_limited': { status: 429, id: 'Terlalu banyak percobaan. Coba lagi nanti.', en: 'Too many attempts. Try again later.' },
  'auth.forbidden': { status: 403, id: 'Anda tidak berwenang melakukan tindakan ini.', en: 'You are not allowed to do this.' },
  'auth.csrf': { status: 403, id: 'Token keamanan (CSRF) tidak valid. Muat ulang halaman.', en: 'Invalid CSRF token. Reload the page.' },
  'auth.user_inactive': { status: 403, id: 'Akun ini dinonaktifkan.', en: 'This account is disabled.' },
  'setup.already_done': { status: 409, id: 'Penyiapan awal sudah dilakukan.', en: 'First-run setup is already done.' },
  'user.username_taken': { status: 409, id: 'Nama pengguna sudah dipakai.', en: 'Username already taken.' },
  'device.pairing_invalid': { status: 400, id: 'Kode pemasangan tidak valid atau kedaluwarsa.', en: 'Pairing code is invalid or expired.' },
  'rate_limited': { status: 429, id: 'Terlalu banyak permintaan. Coba lagi nanti.', en: 'Too many requests. Try again later.' },
  conflict: { status: 409, id: 'Terjadi konflik dengan data yang ada.', en: 'Conflict with existing data.' },
  invalid_state: { status: 409, id: 'Tindakan tidak sesuai dengan status saat ini.', en: 'Action not allowed in the current state.' },
  'file.missing': { status: 400, id: 'Tidak ada berkas yang dikirim.', en: 'No file was sent.' },
  'file.too_large': { status: 413, id: 'Berkas terlalu besar.', en: 'The file is too large.' },
  'file.type_not_allowed': { status: 415, id: 'Jenis berkas tidak diizinkan.', en: 'This type of file is not allowed.' },
} as const satisfies Record<string, { status: number; id: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS | (string & {});

export interface FieldError {
  field: string;
  code: string;
  messages: { id: string; en: string };
}

export interface ErrorDetails {
  /** Overrides the catalogue's messages (e.g. with the specific reason). */
  messages?: { id: string; en: string };
  errors?: FieldError[];
  /** Extra members added to the problem document (e.g. nextOpening, retryAfter). */
  extra?: Record<string, unknown>;
  headers?: Record<string, string>;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    status?: number,
    readonly details: ErrorDetails = {},
  ) {
    const known = (ERRORS as Record<string, { status: number; id: string; en: string }>)[code];
    const resolved = status ?? known?.status ?? 400;
    // A 4xx is an answer, not a fault: nobody reads its stack, and capturing one for each of the
    // thousands of refusals in a booking rush is measurable. 5xx keep theirs.
    const limit = Error.stackTraceLimit;
    if (resolved < 500) Error.stackTraceLimit = 0;
    super(details.messages?.en ?? known?.en ?? code);
    Error.stackTraceLimit = limit;
    this.status = resolved;
  }

  /** Just {id, en} (the catalogue entry also holds the status, which is no message). */
  get messages(): { id: string; en: string } {
    const known = (ERRORS as Record<string, { id: string; en: string }>)[this.code];
    return this.details.messages ?? (known ? { id: known.id, en: known.en } : { id: this.message, en: this.message });
  }
}

/** A 400 naming one field: the common case for domain validation beyond the zod schema. */
export function fieldError(field: string, code: string, messages: { id: string; en: string }): AppError {
  return new AppError('validation_failed', 400, {
    messages: { id: `${ERRORS.validation_failed.id} ${messages.id}`, en: `${ERRORS.validation_failed.en} ${messages.en}` },
    errors: [{ field, code, messages }],
  });
}

/** 404 naming what was missing, e.g. notFound('Tiket', 'Ticket'). */
export const notFound = (whatId: string, whatEn: string) =>
  new AppError('not_found', 404, { messages: { id: `${whatId} tidak ditemukan.`, en: `${whatEn} not found.` } });

export const forbidden = () => new AppError('auth.forbidden');

/**
 * For lookups where "not there" is an answer: null for a 404 AppError, any other failure (a
 * database error, a guard) is thrown on, never mistaken for absence.
 */
export function nullIfNotFound(err: unknown): null {
  if (err instanceof AppError && err.status === 404) return null;
  throw err;
}
