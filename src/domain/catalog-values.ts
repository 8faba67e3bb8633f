/** The closed vocabularies of the catalogue, shared by the contracts, the import and the web. */
export const AGENCY_KINDS = ['opd', 'vertikal', 'bumn', 'bumd', 'swasta'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];
export const SITE_STATUSES = ['preparation', 'trial', 'operating', 'closed'] as const;
export type SiteStatus = (typeof SITE_STATUSES)[number];
export const DURATION_UNITS = ['minutes', 'hours', 'days', 'working_days'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];
/** ISO weekdays as the keys of weekly hours: '1' = Monday … '7' = Sunday. */
export const DAY_KEYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
export type DayKey = (typeof DAY_KEYS)[number];
/** A site's own days: closed on a working day, or open despite a holiday. */
export const SITE_DAY_KINDS = ['closure', 'open'] as const;
export const NATIONAL_DAY_KINDS = ['national', 'cuti_bersama'] as const;
export const HOLIDAY_KINDS = [...NATIONAL_DAY_KINDS, ...SITE_DAY_KINDS] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];
/** The text parts of a service's internal standard (komponen manajemen), in the published order. */
export const INTERNAL_TEXT_KEYS = ['legalBasis', 'facilities', 'competence', 'supervision', 'guarantee', 'security', 'evaluation'] as const;
