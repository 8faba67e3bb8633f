/**
 * Requests and responses of the catalogue (sites, agencies, services and their standards,
 * counters, document types, holidays). The public shapes of DESIGN §6 are a contract: fields may
 * be added, never renamed or removed.
 */
import { z } from 'zod';
import { AGENCY_KINDS, DAY_KEYS, DURATION_UNITS, HOLIDAY_KINDS, NATIONAL_DAY_KINDS, SITE_DAY_KINDS, SITE_STATUSES } from '../domain/catalog-values';
import { calendarDate, counterParams, httpUrl, idParams, page, siteParams } from './common';

export { AGENCY_KINDS, DAY_KEYS, DURATION_UNITS, HOLIDAY_KINDS, NATIONAL_DAY_KINDS, SITE_DAY_KINDS, SITE_STATUSES, counterParams, idParams, page, siteParams };

const iso = z.string().describe('ISO 8601 instant');
export const isoDate = calendarDate;

// ---------- params and queries ----------
export const siteRefParams = z.object({ siteId: z.string().trim().min(1).max(100).describe('Site id (UUID) or slug') });
export const holidayParams = z.object({ siteId: z.uuid(), holidayId: z.uuid() });

export const servicesQuery = z.object({
  q: z.string().max(200).optional().describe('Search: case, diacritics and punctuation do not matter; matches service names, codes, keywords and agency names'),
  agencyId: z.uuid().optional(),
  bookable: z.enum(['true', 'false']).optional(),
});

const statusFilter = z.enum(['all', 'active', 'inactive']).default('all');
export const pageQuery = z.object({
  q: z.string().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(25),
  status: statusFilter.describe('active, inactive or all (default)'),
});
export const adminAgenciesQuery = pageQuery.extend({ kind: z.enum(AGENCY_KINDS).optional() });
export const adminServicesQuery = pageQuery.extend({ agencyId: z.uuid().optional() });
export const adminCountersQuery = pageQuery.extend({ agencyId: z.uuid().optional() });
export const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().describe('Default: the current year in the site zone') });


// ---------- shared pieces ----------
export const timeRange = z.object({
  start: z.string().max(5).describe('HH:MM local time'),
  end: z.string().max(5).describe('HH:MM local time, exclusive; 24:00 allowed'),
});
export const weeklyHours = z
  .partialRecord(z.enum(DAY_KEYS), z.array(timeRange).max(8))
  .describe('Opening hours per ISO weekday (1 = Monday … 7 = Sunday): several ranges a day, no overlaps; a missing day is closed');

const today = z.object({
  date: isoDate,
  ranges: z.array(timeRange).describe('Opening ranges of the local date'),
  closed: z.object({ name: z.string(), kind: z.string() }).nullable().describe('The holiday or closure that shuts the day'),
});
const openState = {
  openNow: z.boolean().describe('Open at this moment in the site zone'),
  nextOpening: iso.nullable().describe('Now when open, else the next opening within 30 days, else null'),
  today,
};

const contacts = z.object({ phone: z.string().nullable(), email: z.string().nullable(), whatsapp: z.string().nullable(), website: z.string().nullable() });

// ---------- sites ----------
export const siteSummary = z.object({ id: z.uuid(), slug: z.string(), name: z.string(), timeZone: z.string(), status: z.string(), regency: z.string(), province: z.string() });

export const siteDetail = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  regency: z.string(),
  province: z.string(),
  address: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  timeZone: z.string(),
  status: z.string(),
  description: z.string(),
  contacts,
  maklumat: z.string().nullable().describe('Maklumat pelayanan: the signed service pledge'),
  agencyCount: z.number().int(),
  serviceCount: z.number().int(),
  ...openState,
});

const optText = (max: number) => z.string().trim().max(max).nullish();
const siteFields = {
  name: z.string().trim().min(3).max(120),
  regency: z.string().trim().max(120).optional(),
  province: z.string().trim().max(120).optional(),
  address: z.string().trim().max(300).optional(),
  latitude: z.number().min(-90).max(90).nullish(),
  longitude: z.number().min(-180).max(180).nullish(),
  status: z.enum(SITE_STATUSES).optional(),
  description: z.string().trim().max(2000).optional(),
  phone: optText(40),
  email: z.email().max(200).nullish(),
  whatsapp: optText(40),
  website: httpUrl.nullish(),
  maklumat: z.string().trim().max(5000).nullish(),
};
export const createSiteBody = z
  .object({
    slug: z.string().trim().toLowerCase().min(3).max(60).describe('URL name: lowercase letters, digits and dashes'),
    timeZone: z.string().trim().min(3).max(60).describe('IANA zone, e.g. Asia/Makassar (WITA)'),
    ...siteFields,
  })
  .strict();
export const updateSiteBody = createSiteBody.partial().strict();

// ---------- document types ----------
export const documentType = z.object({
  id: z.uuid(),
  key: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  active: z.boolean(),
  siteId: z.uuid().nullable().describe('null: shared by every site (managed by the platform admin); else the site whose own type it is'),
});
export const documentTypesQuery = z.object({ siteId: z.uuid().optional().describe("The shared types and this site's own; default: all") });
export const adminDocumentTypesQuery = pageQuery.extend({ siteId: z.uuid().optional().describe("The shared types and this site's own (a site's admin page)") });
export const createDocumentTypeBody = z
  .object({
    key: z.string().trim().toLowerCase().min(2).max(60).describe('Stable key: lowercase letters, digits, dashes (e.g. ktp-el)'),
    name: z.string().trim().min(2).max(160),
    description: z.string().trim().max(1000).nullish(),
    siteId: z.uuid().nullish().describe('The site whose own type it is; null: shared (platform admin only); absent: shared for the platform admin, the site of a site admin of one site'),
  })
  .strict();
export const updateDocumentTypeBody = z.object({ name: z.string().trim().min(2).max(160).optional(), description: z.string().trim().max(1000).nullish(), active: z.boolean().optional() }).strict();
export const adminDocumentType = documentType.extend({
  serviceCount: z.number().int().describe('Active services, of every site, whose requirements name this type'),
  editable: z.boolean().describe('Whether the caller may rename or (de)activate it: shared types by the platform admin, a site type by its site admins'),
});

// ---------- agencies ----------
export const agencyRef = z.object({ id: z.uuid(), name: z.string(), kind: z.string() });

const agreement = z.object({
  number: z.string().trim().min(1).max(120).describe('Number of the PKS / MoU'),
  signedOn: isoDate.nullish(),
  validUntil: isoDate.nullish(),
});

export const publicAgency = z.object({
  id: z.uuid(),
  name: z.string(),
  shortName: z.string(),
  kind: z.enum(AGENCY_KINDS).or(z.string()),
  logoUrl: z.string().nullable().describe('The public logo (GET /sites/{siteId}/agencies/{agencyId}/logo, versioned with ?v= by its content), or null'),
  description: z.string(),
  contacts: contacts.omit({ whatsapp: true }),
  hasAgreement: z.boolean().describe('Joined through a signed agreement (PKS / MoU)'),
  hours: weeklyHours,
  hoursText: z.string().describe('e.g. "Sen-Kam 08:00-12:00,13:00-15:00; Jum 08:00-11:30"'),
  serviceCount: z.number().int(),
  counterNumbers: z.array(z.number().int()),
  ...openState,
});

/** A stored file as views show it (no content). */
export const agreementDocument = z.object({
  filename: z.string(),
  mediaType: z.string().describe('Sniffed from the content: application/pdf, image/jpeg or image/png'),
  sizeBytes: z.number().int(),
  sha256: z.string().describe('Of the plain content, hex'),
  uploadedAt: iso,
});
/** The files of an agency (agreement document, logo) are addressed under its site. */
export const agencyFileParams = z.object({ siteId: z.uuid(), agencyId: z.uuid() });

export const adminAgency = z.object({
  id: z.uuid(),
  siteId: z.uuid(),
  name: z.string(),
  shortName: z.string(),
  kind: z.string(),
  logoUrl: z.string().nullable().describe('The public logo (GET /sites/{siteId}/agencies/{agencyId}/logo, versioned with ?v= by its content), or null'),
  description: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  agreement: z
    .object({
      number: z.string().nullable().describe('Null when only the signed document is on file so far'),
      signedOn: z.string().nullable(),
      validUntil: z.string().nullable(),
      fileId: z.string().nullable(),
      document: agreementDocument.nullable().describe('The scanned, signed agreement (see /sites/{siteId}/agencies/{agencyId}/agreement-document)'),
    })
    .nullable()
    .describe('Null when there is neither an agreement number nor a document'),
  agreementExpired: z.boolean().describe('The agreement end date has passed (site zone)'),
  hours: weeklyHours,
  hoursText: z.string(),
  active: z.boolean(),
  serviceCount: z.number().int(),
  counterCount: z.number().int(),
  createdAt: iso,
  updatedAt: iso,
});

export const createAgencyBody = z
  .object({
    kind: z.enum(AGENCY_KINDS),
    name: z.string().trim().min(2).max(200),
    shortName: z.string().trim().min(2).max(40).describe('Unique within the site'),
    description: z.string().trim().max(2000).optional(),
    phone: optText(40),
    email: z.email().max(200).nullish(),
    website: httpUrl.nullish(),
    agreement: agreement.nullish(),
    hours: weeklyHours.default({}),
  })
  .strict();
export const updateAgencyBody = createAgencyBody.partial().extend({ active: z.boolean().optional() }).strict();

// ---------- services ----------
export const requirementInput = z.object({ documentTypeKey: z.string().trim().min(1).max(60), note: z.string().trim().max(500).nullish() }).strict();
export const internalStandard = z
  .object({
    legalBasis: z.string().trim().max(4000).optional().describe('Dasar hukum'),
    facilities: z.string().trim().max(4000).optional().describe('Sarana, prasarana dan/atau fasilitas (incl. for vulnerable groups)'),
    competence: z.string().trim().max(4000).optional().describe('Kompetensi pelaksana'),
    supervision: z.string().trim().max(4000).optional().describe('Pengawasan internal'),
    staffCount: z.number().int().min(0).max(10000).optional().describe('Jumlah pelaksana'),
    guarantee: z.string().trim().max(4000).optional().describe('Jaminan pelayanan'),
    security: z.string().trim().max(4000).optional().describe('Jaminan keamanan dan keselamatan pelayanan'),
    evaluation: z.string().trim().max(4000).optional().describe('Evaluasi kinerja pelaksana'),
  })
  .strict();

export const duration = z.object({ value: z.number().int().min(0).max(10000), unit: z.enum(DURATION_UNITS) });

export const standard = z.object({
  requirements: z.array(z.object({ documentType: z.object({ key: z.string(), name: z.string() }), note: z.string().nullable() })).describe('Persyaratan'),
  procedure: z.array(z.string()).describe('Sistem, mekanisme dan prosedur: the steps in order'),
  durationText: z.string().describe('Jangka waktu, as published'),
  duration,
  fee: z.number().int().describe('Biaya/tarif in whole rupiah; 0 = gratis unless feeVariable'),
  feeVariable: z.boolean().describe('"Sesuai tarif": the fee depends on the case (a tax, a tariff by regulation); fee is then the starting amount or 0 and feeBasis names the rule'),
  feeBasis: z.string().describe('Legal basis of the fee'),
  product: z.string().describe('Produk pelayanan'),
  complaintChannel: z.string().describe('Penanganan pengaduan, saran dan masukan'),
});

/** DESIGN §6: GET /api/v1/sites/{siteId}/services items. */
export const publicService = z.object({
  id: z.uuid(),
  code: z.string(),
  prefix: z.string().describe('Ticket letter(s), e.g. A for A-001'),
  name: z.string(),
  bookable: z.boolean(),
  keywords: z.array(z.string()),
  description: z.string(),
  handlingMinutes: z.number().int().describe('Typical time at the counter'),
  agency: agencyRef.extend({ shortName: z.string() }),
  standard,
});

export const publicServiceDetail = publicService.extend({
  site: z.object({ id: z.uuid(), slug: z.string(), name: z.string(), timeZone: z.string() }),
  hours: weeklyHours.describe("The service's own hours, or its agency's"),
  hoursText: z.string(),
  counters: z.array(z.object({ id: z.uuid(), number: z.number().int(), name: z.string() })),
  ...openState,
});

export const adminService = publicService.extend({
  siteId: z.uuid(),
  agencyId: z.uuid(),
  internal: internalStandard,
  hours: weeklyHours.nullable().describe('Override of the agency hours; null = the agency hours'),
  hoursText: z.string().nullable(),
  walkInQuota: z.number().int(),
  bookingQuota: z.number().int(),
  active: z.boolean(),
  counterIds: z.array(z.uuid()),
  durationText: z.string().nullable().describe('The stored text; null = generated from duration'),
  createdAt: iso,
  updatedAt: iso,
});

export const createServiceBody = z
  .object({
    agencyId: z.uuid(),
    code: z.string().trim().toUpperCase().min(1).max(32).describe('Unique within the site: letters, digits, dash, underscore'),
    prefix: z.string().trim().toUpperCase().min(1).max(4).describe('Ticket prefix, 1–4 letters, unique within the site'),
    name: z.string().trim().min(3).max(200),
    keywords: z.array(z.string().trim().min(1).max(60)).max(30).default([]),
    description: z.string().trim().max(4000).default(''),
    requirements: z.array(requirementInput).max(50).describe('Persyaratan'),
    procedure: z.array(z.string().trim().min(1).max(1000)).min(1).max(50).describe('Prosedur: steps in order'),
    duration,
    durationText: z.string().trim().max(200).nullish().describe('Published text; empty = generated from duration'),
    fee: z.number().int().min(0).max(1_000_000_000),
    feeVariable: z.boolean().default(false).describe('"Sesuai tarif": the fee depends on the case; fee is the starting amount or 0; feeBasis is then required'),
    feeBasis: z.string().trim().max(1000).default(''),
    product: z.string().trim().min(2).max(1000),
    complaintChannel: z.string().trim().min(2).max(1000),
    internal: internalStandard.default({}),
    hours: weeklyHours.nullish(),
    handlingMinutes: z.number().int().min(1).max(480).default(10),
    bookable: z.boolean().default(false),
    walkInQuota: z.number().int().min(0).max(100000).default(100),
    bookingQuota: z.number().int().min(0).max(100000).default(0),
    active: z.boolean().default(true),
  })
  .strict();

export const updateServiceBody = z
  .object({
    agencyId: z.uuid(),
    code: createServiceBody.shape.code,
    prefix: createServiceBody.shape.prefix,
    name: createServiceBody.shape.name,
    keywords: z.array(z.string().trim().min(1).max(60)).max(30),
    description: z.string().trim().max(4000),
    requirements: z.array(requirementInput).max(50),
    procedure: z.array(z.string().trim().min(1).max(1000)).min(1).max(50),
    duration,
    durationText: z.string().trim().max(200).nullable(),
    fee: z.number().int().min(0).max(1_000_000_000),
    feeVariable: z.boolean(),
    feeBasis: z.string().trim().max(1000),
    product: z.string().trim().min(2).max(1000),
    complaintChannel: z.string().trim().min(2).max(1000),
    internal: internalStandard,
    hours: weeklyHours.nullable(),
    handlingMinutes: z.number().int().min(1).max(480),
    bookable: z.boolean(),
    walkInQuota: z.number().int().min(0).max(100000),
    bookingQuota: z.number().int().min(0).max(100000),
    active: z.boolean(),
  })
  .partial()
  .strict();

// ---------- counters ----------
const userRef = z.object({ id: z.uuid(), username: z.string(), displayName: z.string(), active: z.boolean() });
export const adminCounter = z.object({
  id: z.uuid(),
  siteId: z.uuid(),
  agencyId: z.uuid(),
  agency: z.object({ id: z.uuid(), name: z.string(), shortName: z.string() }),
  number: z.number().int(),
  name: z.string(),
  zone: z.string(),
  location: z.string().describe('Where in the building (lantai / zona), printed on tickets and shown on the TV'),
  active: z.boolean(),
  serviceIds: z.array(z.uuid()),
  services: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string() })),
  officers: z.array(userRef),
  createdAt: iso,
  updatedAt: iso,
});
export const createCounterBody = z
  .object({
    agencyId: z.uuid(),
    number: z.number().int().min(1).max(9999).describe('Unique within the site'),
    name: z.string().trim().min(1).max(80).optional().describe('Default "Loket <number>"'),
    zone: z.string().trim().max(80).default('').describe('Display group: /display/{site}?zone= shows only its counters'),
    location: z.string().trim().max(120).default('').describe('Where in the building, e.g. "Lantai 2, Zona B"'),
    serviceIds: z.array(z.uuid()).max(200).default([]).describe("Services served here; each must belong to the counter's agency"),
    active: z.boolean().default(true),
  })
  .strict();
export const updateCounterBody = z
  .object({
    agencyId: z.uuid(),
    number: createCounterBody.shape.number,
    name: z.string().trim().min(1).max(80),
    zone: z.string().trim().max(80),
    location: z.string().trim().max(120),
    serviceIds: z.array(z.uuid()).max(200),
    active: z.boolean(),
  })
  .partial()
  .strict();
export const officersBody = z.object({ userIds: z.array(z.uuid()).max(100) }).strict();
export const counterOfficers = z.object({ counterId: z.uuid(), officers: z.array(userRef) });

// ---------- holidays ----------
export const holiday = z.object({
  id: z.uuid(),
  date: isoDate,
  name: z.string(),
  kind: z.enum(HOLIDAY_KINDS).or(z.string()).describe('national, cuti_bersama (everyone), closure (this site closed), open (this site open despite a holiday)'),
  siteId: z.uuid().nullable(),
  closed: z.boolean().describe('Whether the site is closed on that date, after its own overrides'),
});
export const siteDayBody = z
  .object({ date: isoDate, name: z.string().trim().min(2).max(200), kind: z.enum(SITE_DAY_KINDS).default('closure') })
  .strict();
export const nationalDayBody = z.object({ date: isoDate, name: z.string().trim().min(2).max(200), kind: z.enum(NATIONAL_DAY_KINDS) }).strict();
export const updateNationalDayBody = nationalDayBody.partial().strict();
export const seedHolidaysBody = z.object({ year: z.number().int().min(2000).max(2100) }).strict();
export const seededHolidays = z.object({ year: z.number().int(), added: z.number().int() });

// ---------- import / export ----------
export const transferQuery = z.object({ format: z.enum(['json', 'xlsx']).default('json') });
export const importQuery = z.object({
  format: z.enum(['json', 'xlsx']).optional().describe('Default: from the Content-Type'),
  dryRun: z.enum(['0', '1', 'true', 'false']).optional().describe('1: validate and report what would change, write nothing'),
});

const fileAgency = z.object({
  shortName: z.string(),
  name: z.string(),
  kind: z.enum(AGENCY_KINDS),
  description: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: httpUrl.nullable(),
  agreementNumber: z.string().nullable(),
  agreementSignedOn: isoDate.nullable(),
  agreementValidUntil: isoDate.nullable(),
  hours: z.union([weeklyHours, z.string()]).describe('Object, or text "Sen-Kam 08:00-12:00,13:00-15:00; Jum 08:00-11:30"'),
  active: z.boolean(),
});
const fileService = z.object({
  code: z.string(),
  agency: z.string().describe("The agency's shortName"),
  prefix: z.string(),
  name: z.string(),
  keywords: z.union([z.array(z.string()), z.string()]),
  description: z.string(),
  requirements: z.union([z.array(z.object({ documentType: z.string(), note: z.string().nullable() })), z.string()]).describe('Array, or text: one "key: note" per line'),
  procedure: z.union([z.array(z.string()), z.string()]).describe('Array, or text: one step per line'),
  durationValue: z.number().int(),
  durationUnit: z.enum(DURATION_UNITS),
  durationText: z.string().nullable(),
  fee: z.number().int(),
  feeVariable: z.boolean().describe('Sesuai tarif; missing = false'),
  feeBasis: z.string(),
  product: z.string(),
  complaintChannel: z.string(),
  legalBasis: z.string(),
  facilities: z.string(),
  competence: z.string(),
  supervision: z.string(),
  staffCount: z.number().int().nullable(),
  guarantee: z.string(),
  security: z.string(),
  evaluation: z.string(),
  hours: z.union([weeklyHours, z.string()]).nullable().describe('null or empty: the agency hours'),
  handlingMinutes: z.number().int(),
  bookable: z.boolean(),
  walkInQuota: z.number().int(),
  bookingQuota: z.number().int(),
  active: z.boolean(),
});
const fileCounter = z.object({
  number: z.number().int(),
  name: z.string(),
  zone: z.string(),
  agency: z.string().describe("The agency's shortName"),
  services: z.union([z.array(z.string()), z.string()]).describe('Service codes'),
  active: z.boolean(),
});
const fileDocumentType = z.object({ key: z.string(), name: z.string(), description: z.string().nullable() });

export const catalogFile = z
  .object({
    format: z.literal('loket.catalog').optional(),
    version: z.literal(1).optional(),
    site: z.object({ slug: z.string(), name: z.string(), timeZone: z.string() }).partial().optional(),
    exportedAt: z.string().optional(),
    documentTypes: z.array(fileDocumentType.partial()).optional(),
    agencies: z.array(fileAgency.partial()).optional(),
    services: z.array(fileService.partial()).optional(),
    counters: z.array(fileCounter.partial()).optional(),
  })
  .describe('The catalogue of one site. Rows are matched by agency shortName, service code and counter number; rows not in the file are left alone. In XLSX each section is a sheet with a header row of these keys.');

export const importError = z.object({
  sheet: z.string().describe('Array key (JSON) or sheet name (XLSX)'),
  row: z.number().int().describe('1-based index in the array (JSON) or the row number in the sheet (XLSX)'),
  field: z.string(),
  code: z.string(),
  messages: z.object({ id: z.string(), en: z.string() }),
});

const counts = z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() });
export const importResult = z.object({
  dryRun: z.boolean(),
  documentTypes: counts,
  agencies: counts,
  services: counts,
  counters: counts,
});

