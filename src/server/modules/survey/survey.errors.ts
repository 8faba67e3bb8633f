/**
 * The problems the survey throws with its own codes; declared once, in
 * src/contracts/errors/survey.ts. The platform's common codes go through `appError`.
 */
import { SURVEY_ERRORS } from '../../../contracts/errors';
import { errorsOf } from '../../platform/errors';

export const surveyError = errorsOf(SURVEY_ERRORS);
