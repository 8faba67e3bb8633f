/**
 * The problems files throws with its own codes (uploaded files). The codes, their statuses,
 * messages and extra members are declared once, in src/contracts/errors/files.ts; the platform's
 * common codes (not_found, validation_failed, auth.forbidden, …) go through `appError` of
 * platform/errors.
 */
import { FILES_ERRORS } from '../../../contracts/errors';
import { errorsOf } from '../../platform/errors';

export const filesError = errorsOf(FILES_ERRORS);
