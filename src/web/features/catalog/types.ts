/**
 * Shapes of the catalogue API as the web uses them (mirrors src/server/modules/catalog/*.contracts.ts).
 * Fields the pages can do without are optional, so a server that sends less still renders.
 */

export const AGENCY_KINDS = ['opd', 'vertikal', 'bumn', 'bumd', 'swasta'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const DAY_KEYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
export type DayKey = (typeof DAY_KEYS)[number];
export interface TimeRange {
  start: string;
  end: string;
}
/** ISO weekday ('1' = Monday … '7' = Sunday) → ranges; a missing or empty day is closed. */
export type WeeklyHours = Partial<Record<DayKey, TimeRange[]>>;

export const DURATION_UNITS = ['minutes', 'hours', 'days', 'working_days'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

export interface Contacts {
  phone: string | null;
  email: string | null;
  whatsapp?: string | null;
  website: string | null;
}

/** Whether a place is open now, in the site's zone. */
export interface OpenState {
  openNow: boolean;
  /** Now when open, else the next opening within 30 days (ISO instant), else null. */
  nextOpening: string | null;
  today?: { date: string; ranges: TimeRange[]; closed: { name: string; kind: string } | null };
}

export interface SiteDetail extends OpenState {
  id: string;
  slug: string;
  name: string;
  regency: string;
  province: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  timeZone: string;
  status: string;
  description: string;
  contacts: Contacts;
  maklumat: string | null;
  agencyCount?: number;
  serviceCount?: number;
}

/** An agency as the public sees it, with its state now in the site's zone. */
export interface PublicAgency extends OpenState {
  id: string;
  kind: AgencyKind | string;
  name: string;
  shortName: string;
  /** The public logo's address (versioned by its content), or null. */
  logoUrl?: string | null;
  description: string;
  contacts?: Contacts;
  hasAgreement?: boolean;
  hours: WeeklyHours;
  hoursText?: string;
  serviceCount: number;
  counterNumbers?: number[];
}

export interface PublishedStandard {
  requirements: Array<{ documentType: { key: string; name: string }; note: string | null }>;
  procedure: string[];
  durationText: string;
  duration?: { value: number; unit: DurationUnit };
  /** Whole rupiah; 0 = free unless `feeVariable`. */
  fee: number;
  /** "Sesuai tarif": the amount depends on the case; `fee` is then the starting amount or 0. */
  feeVariable?: boolean;
  feeBasis: string;
  product: string;
  complaintChannel: string;
}

export interface ServiceSummary {
  id: string;
  code: string;
  prefix?: string;
  name: string;
  bookable: boolean;
  keywords?: string[];
  description?: string;
  handlingMinutes?: number;
  agency: { id: string; name: string; kind: AgencyKind | string; shortName?: string };
  standard: PublishedStandard;
}

export interface ServiceDetail extends ServiceSummary, Partial<OpenState> {
  site: { id: string; slug: string; name: string; timeZone: string };
  hours?: WeeklyHours;
  hoursText?: string;
  counters?: Array<{ id: string; number: number; name: string }>;
}

export interface DocumentType {
  id: string;
  key: string;
  name: string;
  description: string | null;
  active: boolean;
  /** null: shared by every site (the platform admin's); else the site whose own type it is. */
  siteId: string | null;
}
/** A document type in the administration: with how many active services (all sites) name it. */
export interface DocumentTypeAdmin extends DocumentType {
  serviceCount: number;
  /** Whether the signed-in user may rename or (de)activate it (the server decides). */
  editable: boolean;
}
export interface DocumentTypeInput {
  key?: string;
  name: string;
  description: string | null;
  /** On creation: the owning site, or null for a shared type (platform admin). */
  siteId?: string | null;
}

export type HolidayKind = 'national' | 'cuti_bersama' | 'closure' | 'open';
export interface Holiday {
  id: string;
  date: string;
  name: string;
  kind: HolidayKind | string;
  siteId: string | null;
  /** Whether the site is closed that day, after its own overrides. */
  closed: boolean;
}

/* ---------------------------------------------------------------- admin */

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** A stored document as the admin views show it (the bytes are downloaded separately). */
export interface StoredDocument {
  filename: string;
  /** Sniffed from the content: application/pdf, image/jpeg or image/png. */
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
}

/** Present when the agency has an agreement number or a signed document on file (either may come first). */
export interface Agreement {
  number: string | null;
  signedOn: string | null;
  validUntil: string | null;
  fileId?: string | null;
  /** The scanned, signed agreement. */
  document?: StoredDocument | null;
}

export interface AgencyAdmin {
  id: string;
  siteId: string;
  kind: AgencyKind;
  name: string;
  shortName: string;
  /** The public logo's address (versioned by its content), or null; set through its own requests. */
  logoUrl: string | null;
  description: string;
  phone: string | null;
  email: string | null;
  website: string | null;
  agreement: Agreement | null;
  agreementExpired: boolean;
  hours: WeeklyHours;
  hoursText: string;
  active: boolean;
  serviceCount: number;
  counterCount: number;
}
export interface AgencyInput {
  kind: AgencyKind;
  name: string;
  shortName: string;
  description?: string;
  phone?: string | null;
  email?: string | null;
  website?: string | null;
  agreement?: { number: string; signedOn?: string | null; validUntil?: string | null } | null;
  hours: WeeklyHours;
  active?: boolean;
}

export interface InternalStandard {
  legalBasis?: string;
  facilities?: string;
  competence?: string;
  supervision?: string;
  staffCount?: number;
  guarantee?: string;
  security?: string;
  evaluation?: string;
}
export const INTERNAL_TEXT_KEYS = ['legalBasis', 'facilities', 'competence', 'supervision', 'guarantee', 'security', 'evaluation'] as const;

export interface ServiceAdmin extends ServiceSummary {
  siteId: string;
  agencyId: string;
  prefix: string;
  keywords: string[];
  description: string;
  handlingMinutes: number;
  internal: InternalStandard;
  hours: WeeklyHours | null;
  hoursText: string | null;
  walkInQuota: number;
  bookingQuota: number;
  active: boolean;
  counterIds: string[];
  /** The stored text; null = generated from the duration. */
  durationText: string | null;
}
export interface ServiceInput {
  agencyId: string;
  code: string;
  prefix: string;
  name: string;
  keywords: string[];
  description: string;
  requirements: Array<{ documentTypeKey: string; note: string | null }>;
  procedure: string[];
  duration: { value: number; unit: DurationUnit };
  durationText: string | null;
  fee: number;
  feeVariable: boolean;
  feeBasis: string;
  product: string;
  complaintChannel: string;
  internal: InternalStandard;
  hours: WeeklyHours | null;
  handlingMinutes: number;
  bookable: boolean;
  walkInQuota: number;
  bookingQuota: number;
  active: boolean;
}

export interface UserRef {
  id: string;
  username: string;
  displayName: string;
  active: boolean;
}
export interface CounterAdmin {
  id: string;
  siteId: string;
  agencyId: string;
  agency: { id: string; name: string; shortName: string };
  number: number;
  name: string;
  zone: string;
  active: boolean;
  serviceIds: string[];
  services: Array<{ id: string; code: string; name: string }>;
  officers: UserRef[];
}
export interface CounterInput {
  agencyId: string;
  number: number;
  name: string;
  zone: string;
  active: boolean;
  serviceIds: string[];
}

export type SiteUpdate = Partial<{
  name: string;
  regency: string;
  province: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  status: string;
  description: string;
  phone: string | null;
  email: string | null;
  whatsapp: string | null;
  website: string | null;
  maklumat: string | null;
  timeZone: string;
}>;

export const STAFF_ROLES = ['site_admin', 'agency_admin', 'officer', 'auditor'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export interface StaffMembership {
  role: StaffRole | string;
  agencyId: string | null;
  agencyName: string | null;
}
export interface StaffUser {
  id: string;
  username: string;
  displayName: string;
  active: boolean;
  isDemo: boolean;
  memberships: StaffMembership[];
  elsewhere: boolean;
  createdAt: string;
}

export interface Device {
  id: string;
  siteId: string;
  role: 'kiosk' | 'display' | string;
  name: string;
  createdAt: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
}
export interface Pairing {
  code: string;
  expiresAt: string;
  role: 'kiosk' | 'display';
  name: string;
}

export interface ImportProblem {
  sheet: string;
  row: number;
  field: string;
  code: string;
  messages: { id: string; en: string };
}
export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}
export interface ImportResult {
  dryRun: boolean;
  documentTypes: ImportCounts;
  agencies: ImportCounts;
  services: ImportCounts;
  counters: ImportCounts;
}
