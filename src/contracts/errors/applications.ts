/** Problem codes of applications after the counter: registering, moving through the statuses, pickup. */
import { carries, type Catalogue } from './define';

export const APPLICATIONS_ERRORS = {
  /** `to` is not reachable from where the application stands: the problem names the current status. */
  'applications.invalid_transition': {
    status: 409,
    id: 'Status permohonan tidak bisa diubah ke status itu dari status sekarang.',
    en: 'The application cannot move to that status from its current one.',
    extra: carries<{ status: string; to: string; allowed: string[] }>('status', 'to', 'allowed'),
  },
  /** Someone changed the application since the caller read it (or at the same moment). */
  'applications.changed': {
    status: 409,
    id: 'Permohonan baru saja diubah oleh petugas lain. Muat ulang dan periksa statusnya.',
    en: 'Another officer has just changed the application. Reload and check its status.',
    extra: carries<{ status: string; version: number }>('status', 'version'),
  },
  'applications.service_inactive': { status: 409, id: 'Layanan ini sedang tidak aktif; permohonan tidak bisa didaftarkan.', en: 'This service is not active; no application can be registered.' },
  'applications.not_ready': {
    status: 409,
    id: 'Dokumen permohonan ini belum siap diambil.',
    en: 'The documents of this application are not ready for collection.',
    extra: carries<{ status: string }>('status'),
  },
} as const satisfies Catalogue;
