/** Problem codes of the satisfaction survey (SKM): answering, tablets, follow-up. */
import type { Catalogue } from './define';

export const SURVEY_ERRORS = {
  'survey.already_answered': { status: 409, id: 'Layanan ini sudah dinilai dengan kode ini. Terima kasih!', en: 'This service was already rated with this code. Thank you!' },
  'survey.not_served': { status: 422, id: 'Layanan ini belum selesai dilayani untuk kode ini.', en: 'This service has not been completed for this code.' },
  'survey.window_closed': { status: 422, id: 'Waktu untuk mengisi survei layanan ini sudah lewat.', en: 'The time to rate this service has passed.' },
  'survey.not_offered': { status: 403, id: 'Tiket ini tidak ditawarkan di tablet survei ini.', en: 'This ticket was not offered on this survey tablet.' },
  'survey.tablet_unassigned': { status: 409, id: 'Tablet survei ini belum ditempatkan di loket atau pintu keluar.', en: 'This survey tablet has not been placed at a counter or the exit yet.' },
} as const satisfies Catalogue;
