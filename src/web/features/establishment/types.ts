/** Shapes of the province view's API (src/contracts/establishment.ts): the contracts' own types. */
import type * as c from '../../../contracts/establishment';
import type { RequestOf, ResponseOf } from '../../../contracts/common';

export { MPP_STAGES, REACHABLE_STAGES, kindsOfStage, nextStage, previousStage, stageIndex, reached, type MppStage, type MppDocumentKind, type ReachableStage } from '../../../domain/establishment';

export type ProvinceSummary = ResponseOf<typeof c.provinceSummary>;
export type RegionMpp = ResponseOf<typeof c.regionMpp>;
export type Figure = NonNullable<RegionMpp['figures']>['agencies'];
export type MppRecord = ResponseOf<typeof c.mppRecord>;
export type MppDocument = ResponseOf<typeof c.mppDocument>;
export type ChecklistItemState = ResponseOf<typeof c.checklistItemState>;
export type StageRequest = RequestOf<typeof c.stageBody>;
export type PlanRequest = RequestOf<typeof c.planBody>;
export type ChecklistRequest = RequestOf<typeof c.checklistBody>;
export type SiteRequest = RequestOf<typeof c.siteBody>;
