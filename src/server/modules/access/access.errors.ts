/**
 * The problems access throws with its own codes (sign-in, first-run setup, users and devices).
 * The codes, their statuses, messages and extra members are declared once, in
 * src/contracts/errors/access.ts; the platform's common codes (not_found, validation_failed,
 * auth.forbidden, …) go through `appError` of platform/errors.
 */
import { ACCESS_ERRORS } from '../../../contracts/errors';
import { errorsOf } from '../../platform/errors';

export const accessError = errorsOf(ACCESS_ERRORS);
