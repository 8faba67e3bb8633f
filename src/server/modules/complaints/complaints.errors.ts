/**
 * The problems complaints throws with its own codes (declared once, in
 * src/contracts/errors/complaints.ts); the platform's common codes go through `appError`.
 */
import { COMPLAINTS_ERRORS } from '../../../contracts/errors';
import { errorsOf } from '../../platform/errors';

export const complaintsError = errorsOf(COMPLAINTS_ERRORS);

const STATUS_ID: Record<string, string> = {
  submitted: 'diterima',
  verified: 'diverifikasi',
  not_authority: 'bukan kewenangan',
  responded: 'ditanggapi',
  closed: 'selesai',
};

/** 409: the complaint is (now) in a status from which `to` cannot be reached by this caller. */
export const invalidState = (current: string, to: string) =>
  complaintsError('complaints.invalid_state', {
    messages: {
      id: `Pengaduan berstatus "${STATUS_ID[current] ?? current}"; perubahan ke "${STATUS_ID[to] ?? to}" tidak dapat dilakukan.`,
      en: `The complaint is ${current}; it cannot be moved to ${to}.`,
    },
    extra: { current, to },
  });

/** 404 for a tracking code that names no complaint. */
export const unknownCode = (field = 'params.trackingCode') =>
  complaintsError('complaints.not_found', {
    errors: [{ field, code: 'unknown', messages: { id: 'Periksa kode pelacakan.', en: 'Check the tracking code.' } }],
  });
