/** The survey's wire types: the contracts' own (src/contracts/survey), as JSON carries them. */
import type { RequestOf, ResponseOf } from '../../../contracts/common';
import type * as c from '../../../contracts/survey';

export type SurveyOffer = ResponseOf<typeof c.surveyOffer>;
export type OfferedService = SurveyOffer['services'][number];
export type SubmitBody = RequestOf<typeof c.submitBody>;
export type TabletAnswerBody = RequestOf<typeof c.tabletAnswerBody>;
export type Submitted = ResponseOf<typeof c.submitted>;
export type TabletOffers = ResponseOf<typeof c.tabletOffers>;
export type IkmResponse = ResponseOf<typeof c.ikmResponse>;
export type AgencyIkm = ResponseOf<typeof c.agencyIkm>;
export type IkmFigures = ResponseOf<typeof c.ikmFigures>;
export type SurveyReport = ResponseOf<typeof c.surveyReport>;
export type SurveyAction = ResponseOf<typeof c.actionSchema>;
export type CreateActionBody = RequestOf<typeof c.createActionBody>;
export type UpdateActionBody = RequestOf<typeof c.updateActionBody>;
export type Tablet = ResponseOf<typeof c.tabletSchema>;
export type SurveySettings = ResponseOf<typeof c.settingsSchema>;
export type Signatory = ResponseOf<typeof c.signatorySchema>;
export type SignatoryBody = RequestOf<typeof c.signatoryBody>;
export type Answers = SubmitBody['answers'];
export type Respondent = NonNullable<SubmitBody['respondent']>;
