/** Problem codes of uploaded files (content checked by type and size). */
import { carries, type Catalogue } from './define';

export const FILES_ERRORS = {
  'file.missing': { status: 400, id: 'Tidak ada berkas yang dikirim.', en: 'No file was sent.' },
  'file.too_large': { status: 413, id: 'Berkas terlalu besar.', en: 'The file is too large.', extra: carries<{ maxBytes: number }>('maxBytes') },
  'file.type_not_allowed': {
    status: 415,
    id: 'Jenis berkas tidak diizinkan.',
    en: 'This type of file is not allowed.',
    /** `detectedType`: the media type sniffed from the content, when one was recognised. */
    extra: carries<{ allowedTypes: string[]; detectedType?: string }>('allowedTypes', 'detectedType'),
  },
} as const satisfies Catalogue;
