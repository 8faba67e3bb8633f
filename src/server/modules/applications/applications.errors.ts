/**
 * The problems applications throw with their own codes (src/contracts/errors/applications.ts);
 * the platform's common codes go through `appError` of platform/errors.
 */
import { APPLICATIONS_ERRORS } from '../../../contracts/errors';
import { nextStatuses, type ApplicationStatus } from '../../../domain/applications';
import { errorsOf } from '../../platform/errors';

export const applicationsError = errorsOf(APPLICATIONS_ERRORS);

const LABEL: Record<ApplicationStatus, { id: string; en: string }> = {
  submitted: { id: 'diajukan daring', en: 'submitted online' },
  received: { id: 'diterima', en: 'received' },
  in_process: { id: 'diproses', en: 'in process' },
  incomplete: { id: 'belum lengkap', en: 'incomplete' },
  ready: { id: 'siap diambil', en: 'ready' },
  collected: { id: 'sudah diambil', en: 'collected' },
  rejected: { id: 'ditolak', en: 'rejected' },
  withdrawn: { id: 'dibatalkan', en: 'withdrawn' },
};
export const statusLabel = (s: ApplicationStatus) => LABEL[s];

/** 409: `to` is not reachable from the current status; names it and what is reachable. */
export const unreachable = (current: ApplicationStatus, to: ApplicationStatus) =>
  applicationsError('applications.invalid_transition', {
    messages: {
      id: `Permohonan berstatus "${LABEL[current].id}"; tidak bisa diubah menjadi "${LABEL[to].id}".`,
      en: `The application is ${LABEL[current].en}; it cannot become ${LABEL[to].en}.`,
    },
    extra: { status: current, to, allowed: nextStatuses(current) },
  });

/** 409: someone changed it first (the version moved). */
export const changedMeanwhile = (a: { status: ApplicationStatus; version: number }) =>
  applicationsError('applications.changed', {
    messages: {
      id: `Permohonan baru saja diubah oleh petugas lain dan kini berstatus "${LABEL[a.status].id}". Muat ulang lalu periksa.`,
      en: `Another officer has just changed the application; it is now ${LABEL[a.status].en}. Reload and check.`,
    },
    extra: { status: a.status, version: a.version },
  });
