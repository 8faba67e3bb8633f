/**
 * The problems citizens throws with its own codes (sign-in by code, wallet, consents, shares).
 * The codes, their statuses, messages and extra members are declared once, in
 * src/contracts/errors/citizens.ts.
 */
import { CITIZENS_ERRORS } from '../../../contracts/errors';
import { errorsOf } from '../../platform/errors';

export const citizensError = errorsOf(CITIZENS_ERRORS);

/** The one answer for an unknown, expired or revoked share code and for staff of another agency. */
export const shareNotFound = () => citizensError('citizen.share_not_found');
export const documentNotFound = () => citizensError('citizen.document_not_found');
