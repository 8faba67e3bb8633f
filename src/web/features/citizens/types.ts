/** The citizens' wire types: the contracts' own (src/contracts/citizens), as JSON carries them. */
import type { RequestOf, ResponseOf } from '../../../contracts/common';
import type * as c from '../../../contracts/citizens';

export { CONSENT_DEFAULT_DAYS, CONSENT_MAX_DAYS, DOCUMENT_MAX_BYTES, DOCUMENT_MEDIA_TYPES, DOCUMENT_STATUSES } from '../../../contracts/citizen-values';

export type LoginBody = RequestOf<typeof c.loginBody>;
export type LoginAccepted = ResponseOf<typeof c.loginAccepted>;
export type VerifyBody = RequestOf<typeof c.verifyBody>;
export type CitizenSelf = ResponseOf<typeof c.citizenSelf>;
export type CitizenSession = ResponseOf<typeof c.citizenSession>;
export type PatchMeBody = RequestOf<typeof c.patchMeBody>;
export type SessionView = ResponseOf<typeof c.citizenSessionView>;
export type HistoryItem = ResponseOf<typeof c.historyItem>;
export type CitizenDocument = ResponseOf<typeof c.citizenDocument>;
export type DocumentStatus = CitizenDocument['status'];
export type Readiness = ResponseOf<typeof c.readiness>;
export type ConsentBody = RequestOf<typeof c.consentBody>;
export type ConsentCreated = ResponseOf<typeof c.consentCreated>;
export type ConsentView = ResponseOf<typeof c.consentView>;
export type AccessLogEntry = ResponseOf<typeof c.accessLogEntry>;
export type AccessAction = AccessLogEntry['action'];
export type SharedView = ResponseOf<typeof c.sharedView>;
export type ReviewBody = RequestOf<typeof c.reviewBody>;
