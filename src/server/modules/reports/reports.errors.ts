/**
 * The problems the reports throw with their own codes; declared once, in
 * src/contracts/errors/reports.ts. The platform's common codes go through `appError`.
 */
import { REPORTS_ERRORS } from '../../../contracts/errors';
import { errorsOf } from '../../platform/errors';

export const reportsError = errorsOf(REPORTS_ERRORS);
