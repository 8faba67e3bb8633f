/** Problem codes of the province view: regions, the stages of an MPP, its evidence and its site. */
import { carries, type Catalogue } from './define';

export const ESTABLISHMENT_ERRORS = {
  'establishment.unknown_region': { status: 404, id: 'Kode wilayah tidak dikenal (kode Kemendagri tanpa titik, mis. 64 atau 6472).', en: 'Unknown region code (a Kemendagri code without dots, e.g. 64 or 6472).' },
  'establishment.stage_skipped': {
    status: 409,
    id: 'Tahapan harus dilalui berurutan; tahap berikutnya belum dicapai.',
    en: 'Stages are passed in order; the next stage has not been reached.',
    extra: carries<{ currentStage: string; expectedStage: string | null }>('currentStage', 'expectedStage'),
  },
  'establishment.stage_back_too_far': {
    status: 409,
    id: 'Mundur hanya boleh satu tahap, ke tahap sebelumnya.',
    en: 'A step back goes to the previous stage only.',
    extra: carries<{ currentStage: string; expectedStage: string | null }>('currentStage', 'expectedStage'),
  },
  'establishment.stage_unchanged': { status: 409, id: 'MPP ini sudah berada pada tahap tersebut.', en: 'The MPP is already at that stage.', extra: carries<{ currentStage: string }>('currentStage') },
  'establishment.stage_moved': {
    status: 409,
    id: 'Tahap MPP ini baru saja diubah orang lain. Muat ulang lalu coba lagi.',
    en: 'Someone else just changed the stage of this MPP. Reload and try again.',
    extra: carries<{ currentStage: string }>('currentStage'),
  },
  'establishment.stage_not_reached': { status: 409, id: 'Tahap ini belum dicapai.', en: 'This stage has not been reached yet.', extra: carries<{ currentStage: string }>('currentStage') },
  'establishment.site_too_early': { status: 409, id: 'MPP baru dibuat di katalog saat tahap uji coba.', en: 'The site is created once the MPP starts its trial (uji coba).', extra: carries<{ currentStage: string }>('currentStage') },
  'establishment.site_exists': { status: 409, id: 'MPP ini sudah terhubung dengan data MPP di katalog.', en: 'This MPP is already linked to a site.', extra: carries<{ siteId: string }>('siteId') },
} as const satisfies Catalogue;
