/** Problem codes of complaint handling (pengaduan): filing, the workflow, the conversation. */
import { carries, type Catalogue } from './define';

export const COMPLAINTS_ERRORS = {
  /** The one answer for an unknown tracking code and a code of another kind (no hint which). */
  'complaints.not_found': { status: 404, id: 'Tidak ada pengaduan dengan kode ini.', en: 'No complaint has this tracking code.' },
  'complaints.invalid_state': {
    status: 409,
    id: 'Tindakan tidak sesuai dengan status pengaduan saat ini.',
    en: "The action does not fit the complaint's current status.",
    extra: carries<{ current: string; to: string }>('current', 'to'),
  },
  'complaints.reopen_refused': {
    status: 409,
    id: 'Pengaduan ini tidak dapat dibuka kembali (hanya sekali, setelah ada tanggapan).',
    en: 'This complaint cannot be reopened (only once, after a response).',
  },
  'complaints.conversation_closed': { status: 409, id: 'Pengaduan ini sudah selesai; balasan tidak dapat ditambahkan.', en: 'This complaint is finished; no more replies can be added.' },
  'complaints.attachment_limit': {
    status: 409,
    id: 'Jumlah lampiran pengaduan ini sudah maksimal.',
    en: 'This complaint has as many attachments as allowed.',
    extra: carries<{ max: number }>('max'),
  },
  /** A filing the spam checks refused; deliberately says nothing of which check. */
  'complaints.rejected': { status: 400, id: 'Pengaduan tidak dapat diterima. Silakan coba lagi atau datang ke meja pengaduan MPP.', en: 'The complaint could not be accepted. Please try again or visit the MPP complaint desk.' },
} as const satisfies Catalogue;
