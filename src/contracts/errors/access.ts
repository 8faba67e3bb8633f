/** Problem codes of access: sign-in, first-run setup, users and devices. */
import { carries, type Catalogue } from './define';

export const ACCESS_ERRORS = {
  'auth.invalid_credentials': { status: 401, id: 'Nama pengguna atau kata sandi salah.', en: 'Wrong username or password.' },
  'auth.rate_limited': {
    status: 429,
    id: 'Terlalu banyak percobaan. Coba lagi nanti.',
    en: 'Too many attempts. Try again later.',
    /** `limit`: `account`, `address` or `account_address` (docs/api.md). */
    extra: carries<{ retryAfter: number; limit: string }>('retryAfter', 'limit'),
  },
  'auth.csrf': { status: 403, id: 'Token keamanan (CSRF) tidak valid. Muat ulang halaman.', en: 'Invalid CSRF token. Reload the page.' },
  'auth.user_inactive': { status: 403, id: 'Akun ini dinonaktifkan.', en: 'This account is disabled.' },
  'setup.already_done': { status: 409, id: 'Penyiapan awal sudah dilakukan.', en: 'First-run setup is already done.' },
  'user.username_taken': { status: 409, id: 'Nama pengguna sudah dipakai.', en: 'Username already taken.' },
  'device.pairing_invalid': { status: 400, id: 'Kode pemasangan tidak valid atau kedaluwarsa.', en: 'Pairing code is invalid or expired.' },
} as const satisfies Catalogue;
