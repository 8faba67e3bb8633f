/**
 * The problems catalog throws with its own codes (the catalogue and its import). The codes, their
 * statuses, messages and extra members are declared once, in src/contracts/errors/catalog.ts; the
 * platform's common codes (not_found, validation_failed, auth.forbidden, …) go through `appError`
 * of platform/errors.
 */
import { CATALOG_ERRORS } from '../../../contracts/errors';
import { errorsOf } from '../../platform/errors';

export const catalogError = errorsOf(CATALOG_ERRORS);
