/**
 * What other modules may use of the survey (the reports, the province view): the published
 * figures of a scope and period, computed exactly as the public index (the minimum group size
 * applies). No authorization: the figures are public by regulation.
 */
export { figuresOf, groupedFigures, ikmByAgency, ikmOf, type Figures, type IkmQuery } from './ikm.service';
export { surveySettingsOf, SURVEY_DEFAULTS, type SurveySettings } from './survey.settings';
