/**
 * Shapes of the catalogue API as the web uses them: the server's own contracts
 * (src/contracts/catalog.ts), as types only, so no schema code reaches a page that does not
 * validate with it. Closed vocabularies come from src/domain.
 */
import type * as c from '../../../contracts/catalog';
import type * as access from '../../../contracts/access';
import type * as staff from '../../../contracts/staff';
import type { RequestOf, ResponseOf } from '../../../contracts/common';

export { AGENCY_KINDS, DAY_KEYS, DURATION_UNITS, INTERNAL_TEXT_KEYS, type AgencyKind, type DayKey, type DurationUnit, type HolidayKind } from '../../../domain/catalog-values';
export { STAFF_ROLES, type StaffRole } from '../../../domain/policy';

export type TimeRange = ResponseOf<typeof c.timeRange>;
/** ISO weekday ('1' = Monday … '7' = Sunday) → ranges; a missing or empty day is closed. */
export type WeeklyHours = ResponseOf<typeof c.weeklyHours>;

export type SiteDetail = ResponseOf<typeof c.siteDetail>;
export type Contacts = SiteDetail['contacts'];
/** Whether a place is open now, in the site's zone (a service's detail carries it too). */
export type OpenState = Pick<SiteDetail, 'openNow' | 'nextOpening'> & Partial<Pick<SiteDetail, 'today'>>;

/** An agency as the public sees it, with its state now in the site's zone. */
export type PublicAgency = ResponseOf<typeof c.publicAgency>;
export type PublishedStandard = ResponseOf<typeof c.standard>;
export type ServiceSummary = ResponseOf<typeof c.publicService>;
export type ServiceDetail = ResponseOf<typeof c.publicServiceDetail>;

export type DocumentType = ResponseOf<typeof c.documentType>;
/** A document type in the administration: with how many active services (all sites) name it. */
export type DocumentTypeAdmin = ResponseOf<typeof c.adminDocumentType>;
/** A new type (POST, with its key) or an edit (PATCH: the key never changes). */
export type DocumentTypeInput = RequestOf<typeof c.createDocumentTypeBody> | RequestOf<typeof c.updateDocumentTypeBody>;

export type Holiday = ResponseOf<typeof c.holiday>;

/* ---------------------------------------------------------------- admin */

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** A stored document as the admin views show it (the bytes are downloaded separately). */
export type StoredDocument = ResponseOf<typeof c.agreementDocument>;
export type AgencyAdmin = ResponseOf<typeof c.adminAgency>;
/** Present when the agency has an agreement number or a signed document on file (either may come first). */
export type Agreement = NonNullable<AgencyAdmin['agreement']>;
export type AgencyInput = RequestOf<typeof c.createAgencyBody> & Pick<RequestOf<typeof c.updateAgencyBody>, 'active'>;

export type InternalStandard = RequestOf<typeof c.internalStandard>;
export type ServiceAdmin = ResponseOf<typeof c.adminService>;
export type ServiceInput = RequestOf<typeof c.createServiceBody>;

export type CounterAdmin = ResponseOf<typeof c.adminCounter>;
export type UserRef = CounterAdmin['officers'][number];
export type CounterInput = RequestOf<typeof c.createCounterBody>;

export type SiteUpdate = RequestOf<typeof c.updateSiteBody>;
export type SiteCreate = RequestOf<typeof c.createSiteBody>;

export type StaffUser = ResponseOf<typeof staff.staffMember>;
export type StaffMembership = StaffUser['memberships'][number];

export type Device = ResponseOf<typeof access.device>;
export type Pairing = ResponseOf<typeof access.pairing>;

export type ImportProblem = ResponseOf<typeof c.importError>;
export type ImportResult = ResponseOf<typeof c.importResult>;
export type ImportCounts = ImportResult['agencies'];
