/**
 * The problems the province view throws with its own codes (regions, stages, evidence, sites):
 * declared once in src/contracts/errors/establishment.ts.
 */
import { ESTABLISHMENT_ERRORS } from '../../../contracts/errors';
import { errorsOf } from '../../platform/errors';

export const establishmentError = errorsOf(ESTABLISHMENT_ERRORS);

/** 404 for a code that is no province or kabupaten/kota of the shipped region data. */
export const unknownRegion = () => establishmentError('establishment.unknown_region');
