/**
 * The problems queue throws with its own codes (issuing tickets and serving them). The codes,
 * their statuses, messages and extra members are declared once, in src/contracts/errors/queue.ts;
 * the platform's common codes (not_found, validation_failed, auth.forbidden, …) go through
 * `appError` of platform/errors.
 */
import { QUEUE_ERRORS } from '../../../contracts/errors';
import { errorsOf } from '../../platform/errors';

export const queueError = errorsOf(QUEUE_ERRORS);

/** 409: the ticket's status does not allow the action (`start`, `recall`, `transfer`, …). */
export const invalidState = (t: { status: string; number: string }, action: string) =>
  queueError('queue.invalid_state', {
    messages: {
      id: `Tiket ${t.number} berstatus ${t.status}; tindakan "${action}" tidak bisa dilakukan.`,
      en: `Ticket ${t.number} is ${t.status}; "${action}" is not possible.`,
    },
    extra: { status: t.status, action },
  });

/** 409: "no-show" within the grace period after the first call (queuePolicy.noShowGraceSeconds). */
export const noShowTooEarly = (t: { number: string }, retryAfter: number, graceSeconds: number) =>
  queueError('queue.no_show_too_early', {
    messages: {
      id: `Tiket ${t.number} baru dipanggil. Tunggu ${retryAfter} detik lagi sebelum menandai tidak hadir (panggil ulang bila perlu).`,
      en: `Ticket ${t.number} was only just called. Wait ${retryAfter} more seconds before marking a no-show (recall it if needed).`,
    },
    extra: { retryAfter, graceSeconds },
    headers: { 'retry-after': String(retryAfter) },
  });

/** 409: the counter still has an active ticket (one at a time). */
export const counterBusy = (t: { id: string; number: string }) =>
  queueError('queue.counter_busy', {
    messages: {
      id: `Loket masih melayani tiket ${t.number}. Selesaikan, tandai tidak hadir, atau tunda dulu.`,
      en: `The counter still has ticket ${t.number}. Finish it, mark it a no-show or park it first.`,
    },
    extra: { ticketId: t.id, number: t.number },
  });
