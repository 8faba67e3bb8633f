/** Problem codes of online booking: slots, the citizen's booking, check-in at the kiosk. */
import { carries, type Catalogue } from './define';

export const BOOKING_ERRORS = {
  'booking.service_inactive': { status: 409, id: 'Layanan ini sedang tidak aktif.', en: 'This service is not active.' },
  'booking.not_bookable': { status: 409, id: 'Layanan ini tidak melayani booking online.', en: 'This service does not take online bookings.' },
  'booking.day_closed': { status: 409, id: 'Layanan tidak menerima booking pada hari itu (tutup atau libur).', en: 'The service takes no bookings that day (closed or holiday).' },
  'booking.full': { status: 409, id: 'Slot ini sudah penuh. Silakan pilih jam atau hari lain.', en: 'This slot is full. Please choose another time or day.' },
  'booking.duplicate': { status: 409, id: 'NIK ini sudah punya booking untuk layanan ini pada hari itu.', en: 'This NIK already holds a booking for this service that day.' },
  'booking.week_limit': { status: 409, id: 'NIK ini sudah mencapai batas booking per minggu.', en: 'This NIK holds as many bookings this week as allowed.' },
  'booking.no_show_limit': {
    status: 409,
    id: 'NIK ini terlalu sering tidak hadir; booking online ditangguhkan. Silakan datang langsung.',
    en: 'This NIK missed too many bookings; online booking is suspended. Please walk in.',
  },
  /** The one answer for an unknown code, a code of another site and a wrong NIK (docs/api.md). */
  'booking.not_found': { status: 404, id: 'Tidak ada booking dengan kode dan NIK ini.', en: 'No booking matches this code and NIK.' },
  'booking.invalid_state': { status: 409, id: 'Tindakan tidak sesuai dengan status booking saat ini.', en: "The action does not fit the booking's current status." },
  'booking.too_early': { status: 409, id: 'Check-in belum dibuka.', en: 'Check-in is not open yet.', extra: carries<{ checkInOpensAt: string }>('checkInOpensAt') },
  'booking.too_late': { status: 409, id: 'Waktu check-in sudah lewat.', en: 'The check-in window has passed.' },
} as const satisfies Catalogue;
