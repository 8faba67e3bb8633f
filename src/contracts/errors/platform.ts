/** Problem codes of the platform: HTTP and input failures, sign-in and rights, the database. */
import { carries, type Catalogue } from './define';

export const PLATFORM_ERRORS = {
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
  /** Also any framework 4xx that has no code of its own, with that status (platform/problem). */
  bad_request: { status: 400, id: 'Permintaan tidak valid.', en: 'Bad request.' },
  internal: { status: 500, id: 'Terjadi kesalahan pada server.', en: 'Internal server error.' },
  not_ready: { status: 503, id: 'Layanan belum siap.', en: 'Service not ready.' },
  'db.timeout': { status: 503, id: 'Basis data terlalu lama menjawab. Coba lagi sebentar lagi.', en: 'The database took too long to answer. Try again shortly.' },
  'db.busy': { status: 503, id: 'Basis data sedang sibuk. Coba lagi sebentar lagi.', en: 'The database is busy. Try again shortly.' },
  'db.unavailable': { status: 503, id: 'Basis data tidak menjawab.', en: 'The database is not answering.', extra: carries<{ database: string }>('database') },
  'auth.unauthenticated': { status: 401, id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' },
  'auth.forbidden': { status: 403, id: 'Anda tidak berwenang melakukan tindakan ini.', en: 'You are not allowed to do this.' },
  rate_limited: {
    status: 429,
    id: 'Terlalu banyak permintaan. Coba lagi nanti.',
    en: 'Too many requests. Try again later.',
    /** `limit` names the limit that refused, when there are several (booking proofs). */
    extra: carries<{ retryAfter: number; limit?: string }>('retryAfter', 'limit'),
  },
  conflict: { status: 409, id: 'Terjadi konflik dengan data yang ada.', en: 'Conflict with existing data.' },
  invalid_state: { status: 409, id: 'Tindakan tidak sesuai dengan status saat ini.', en: 'Action not allowed in the current state.' },
} as const satisfies Catalogue;
