/** Problem codes of the reports: the monthly archive. Bad periods and scopes are field errors (400) or 403. */
import type { Catalogue } from './define';

export const REPORTS_ERRORS = {
  'reports.not_archived': { status: 404, id: 'Laporan bulan ini belum dibuat dan disimpan.', en: 'No report has been generated and kept for this month.' },
  'reports.month_not_over': { status: 409, id: 'Bulan ini belum selesai; laporan bulanan dapat disimpan setelah bulan berakhir.', en: 'The month is not over yet; the monthly report can be kept once it has ended.' },
} as const satisfies Catalogue;
