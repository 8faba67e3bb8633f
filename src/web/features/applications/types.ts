/** The applications' wire types: the contracts' own (src/contracts/applications), as JSON carries them. */
import type * as c from '../../../contracts/applications';
import type { RequestOf, ResponseOf } from '../../../contracts/common';

export type ApplicationDetail = ResponseOf<typeof c.applicationDetail>;
export type PublicApplication = ResponseOf<typeof c.publicApplication>;
export type ApplicationListItem = ResponseOf<typeof c.listItem>;
export type ApplicationList = ResponseOf<typeof c.listResponse>;
export type BoardCounts = ResponseOf<typeof c.boardCounts>;
export type RegisterBody = RequestOf<typeof c.registerBody>;
export type TransitionBody = RequestOf<typeof c.transitionBody>;
export type ListQuery = Partial<RequestOf<typeof c.listQuery>>;
export type Settings = ResponseOf<typeof c.settingsResponse>;
export type SettingsBody = RequestOf<typeof c.settingsBody>;
export type PickupBody = RequestOf<typeof c.pickupBody>;
export type PickupResponse = ResponseOf<typeof c.pickupResponse>;
export type Summary = ResponseOf<typeof c.summaryResponse>;
