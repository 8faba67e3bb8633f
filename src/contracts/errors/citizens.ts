/** Problem codes of citizens' accounts: sign-in by code, the wallet, consents and shared documents. */
import { carries, type Catalogue } from './define';

export const CITIZENS_ERRORS = {
  'citizen.code_invalid': { status: 401, id: 'Kode salah atau sudah kedaluwarsa. Minta kode baru bila perlu.', en: 'The code is wrong or has expired. Ask for a new one if needed.' },
  'citizen.code_throttled': {
    status: 429,
    id: 'Kode baru belum bisa dikirim. Coba lagi sebentar lagi.',
    en: 'A new code cannot be sent yet. Try again shortly.',
    /** `limit`: `contact_30s`, `contact_hour` or `address` (docs/citizens.md). */
    extra: carries<{ retryAfter: number; limit: string }>('retryAfter', 'limit'),
  },
  'citizen.notify_failed': { status: 503, id: 'Kode tidak dapat dikirim saat ini. Coba lagi nanti.', en: 'The code could not be sent right now. Try again later.' },
  'citizen.unauthenticated': { status: 401, id: 'Silakan masuk ke akun warga terlebih dahulu.', en: "Please sign in to your citizen's account first." },
  'citizen.csrf': { status: 403, id: 'Token keamanan (CSRF) tidak valid. Muat ulang halaman.', en: 'Invalid CSRF token. Reload the page.' },
  'citizen.document_not_found': { status: 404, id: 'Dokumen tidak ditemukan.', en: 'Document not found.' },
  'citizen.document_in_use': { status: 409, id: 'Dokumen ini masih dipakai oleh permohonan yang berjalan.', en: 'This document is still used by an open application.' },
  'citizen.document_state': { status: 409, id: 'Tindakan ini tidak sesuai dengan status dokumen.', en: "The action does not fit the document's status." },
  /** The one answer for an unknown, expired or revoked share code, and for staff of another agency. */
  'citizen.share_not_found': { status: 404, id: 'Kode berbagi tidak ditemukan, sudah kedaluwarsa, atau dicabut.', en: 'The share code is unknown, expired or revoked.' },
} as const satisfies Catalogue;
