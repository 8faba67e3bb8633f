/** Problem codes of the catalogue (sites, agencies, services, counters, import). */
import type { Catalogue } from './define';

export const CATALOG_ERRORS = {
  /** Its `errors` name `{sheet, row, field}` of the file instead of a request field. */
  'catalog.import_invalid': { status: 400, id: 'Berkas katalog berisi kesalahan; tidak ada yang disimpan.', en: 'The catalogue file has problems; nothing was saved.' },
} as const satisfies Catalogue;
