/** Shapes of the demo catalogue read by demo-seed.ts (one site = agencies, services, counters). */
export type AgencyKind = 'opd' | 'vertikal' | 'bumn' | 'bumd' | 'swasta';
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7; // ISO, 1 = Monday
export type TimeRange = { start: string; end: string }; // 'HH:MM'
export type WeeklyHours = Partial<Record<Weekday, TimeRange[]>>;
export interface DemoRequirement { documentType: string; note?: string }
export interface DemoService {
  code: string; prefix: string; name: string; keywords: string[]; description: string;
  requirements: DemoRequirement[]; procedure: string[];
  duration: { value: number; unit: 'minutes' | 'hours' | 'working_days' }; durationText?: string;
  /** `feeVariable`: "sesuai tarif", the amount depends on the case (`fee` is then the starting amount or 0). */
  fee: number; feeVariable: boolean; feeBasis: string; product: string; complaintChannel: string;
  internal: { legalBasis: string; facilities: string; competence: string; supervision: string; staffCount: number; guarantee: string; security: string; evaluation: string };
  handlingMinutes: number; bookable: boolean; walkInQuota: number; bookingQuota: number;
}
export interface DemoAgency { key: string; kind: AgencyKind; name: string; shortName: string; agreement: { number: string; signedOn: string; validUntil: string | null } | null; hours: WeeklyHours; services: DemoService[] }
export interface DemoCounter { number: number; name: string; zone: string; location: string; agencyKey: string; serviceCodes: string[] }
export interface DemoSite { slug: string; name: string; regency: string; province: string; address: string; latitude: number; longitude: number; timeZone: string; status: 'operating' | 'trial'; phone: string; email: string; maklumat: string; agencies: DemoAgency[]; counters: DemoCounter[] }
