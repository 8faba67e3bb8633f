/** Problem codes of the queue: issuing tickets and serving them at a counter. */
import { carries, type Catalogue } from './define';

/** What a refused walk-in ticket carries: when the service opens next (null: not scheduled). */
const refusal = () => carries<{ nextOpening: string | null; serviceId: string }>('nextOpening', 'serviceId');

export const QUEUE_ERRORS = {
  'queue.service_inactive': { status: 409, id: 'Layanan ini sedang tidak tersedia.', en: 'This service is not available.', extra: refusal() },
  'queue.holiday': { status: 409, id: 'Hari ini libur; layanan tutup.', en: 'Today is a holiday; the service is closed.', extra: refusal() },
  'queue.closed': { status: 409, id: 'Layanan sedang tutup.', en: 'The service is closed.', extra: refusal() },
  'queue.quota_full': { status: 409, id: 'Kuota antrean hari ini sudah habis.', en: "Today's ticket quota is used up.", extra: refusal() },
  'queue.idempotency_conflict': { status: 409, id: 'Kunci idempoten ini sudah dipakai untuk layanan lain.', en: 'This idempotency key was used for another service.' },
  'queue.invalid_state': {
    status: 409,
    id: 'Tindakan tidak sesuai dengan status tiket saat ini.',
    en: "The action does not fit the ticket's current status.",
    extra: carries<{ status: string; action: string }>('status', 'action'),
  },
  'queue.counter_busy': {
    status: 409,
    id: 'Loket masih melayani tiket lain.',
    en: 'The counter still has a ticket.',
    extra: carries<{ ticketId: string; number: string }>('ticketId', 'number'),
  },
  'queue.counter_paused': { status: 409, id: 'Loket sedang istirahat. Buka loket dulu untuk memanggil.', en: 'The counter is on a break. Open it to call.' },
  'queue.counter_inactive': { status: 409, id: 'Loket ini tidak aktif.', en: 'This counter is not active.' },
  'queue.recall_limit': { status: 409, id: 'Batas panggil ulang tiket ini tercapai.', en: 'This ticket was recalled as often as allowed.', extra: carries<{ maxRecalls: number }>('maxRecalls') },
  'queue.no_show_too_early': {
    status: 409,
    id: 'Warga baru saja dipanggil; beri waktu untuk datang ke loket sebelum menandai tidak hadir.',
    en: 'The citizen was only just called; give them time to reach the counter before marking a no-show.',
    extra: carries<{ retryAfter: number; graceSeconds: number }>('retryAfter', 'graceSeconds'),
  },
} as const satisfies Catalogue;
