/**
 * Compact builders for the demo catalogue: standard opening hours, a `svc()` that fills the
 * service-standard defaults (internal components, complaint channel, quotas, fee), requirement
 * specs written as 'key: note', agencies and counters.
 */
import type { AgencyKind, DemoAgency, DemoCounter, DemoRequirement, DemoService, TimeRange, WeeklyHours } from './types';

const r = (start: string, end: string): TimeRange => ({ start, end });
const days = (list: number[], ranges: TimeRange[]): WeeklyHours => Object.fromEntries(list.map((d) => [d, ranges.map((x) => ({ ...x }))])) as WeeklyHours;

/** Mon–Thu 08:00–12:00 + 13:00–15:30, Fri 08:00–11:30 + 13:30–15:30 (Friday prayer break). */
export const WEEKDAYS_FULL: WeeklyHours = {
  ...days([1, 2, 3, 4], [r('08:00', '12:00'), r('13:00', '15:30')]),
  5: [r('08:00', '11:30'), r('13:30', '15:30')],
};
/** Mon–Fri 08:00–12:00 (e.g. SIM, KPP Pratama: served only until 12.00 WITA). */
export const MORNINGS_ONLY: WeeklyHours = days([1, 2, 3, 4, 5], [r('08:00', '12:00')]);
/** Low-traffic tenants on scheduled days: Mon/Wed/Fri 08:00–12:00 + 13:00–15:00. */
export const MWF: WeeklyHours = days([1, 3, 5], [r('08:00', '12:00'), r('13:00', '15:00')]);
/** Banks and BUMN desks: Mon–Fri 08:00–15:00 without a break (staff rotate). */
export const BANK_HOURS: WeeklyHours = days([1, 2, 3, 4, 5], [r('08:00', '15:00')]);

/** 'ktp_el: asli' → { documentType: 'ktp_el', note: 'asli' }; 'kk' → { documentType: 'kk' }. */
export function req(spec: string, note?: string): DemoRequirement {
  const i = spec.indexOf(':');
  if (note !== undefined || i < 0) return note ? { documentType: spec.trim(), note } : { documentType: spec.trim() };
  return { documentType: spec.slice(0, i).trim(), note: spec.slice(i + 1).trim() };
}

export const wd = (value: number) => ({ value, unit: 'working_days' as const });
export const mins = (value: number) => ({ value, unit: 'minutes' as const });
export const hrs = (value: number) => ({ value, unit: 'hours' as const });

export const FREE = 'Tidak dipungut biaya';
export const complaint = (mpp: string) =>
  `Meja pengaduan ${mpp} lantai 1, SP4N-LAPOR! (lapor.go.id, SMS 1708), kotak saran di ruang tunggu, atau survei kepuasan di layar antrean`;

const BASE_LAW = 'UU 25/2009 tentang Pelayanan Publik; Perpres 89/2021 tentang Penyelenggaraan Mal Pelayanan Publik';
export const DEFAULT_INTERNAL: DemoService['internal'] = {
  legalBasis: BASE_LAW,
  facilities: 'Loket pelayanan, ruang tunggu ber-AC, kursi prioritas bagi lansia, ibu hamil dan penyandang disabilitas, jalur kursi roda, toilet difabel, ruang laktasi, area bermain anak, komputer dan jaringan internet',
  competence: 'Pelaksana memahami standar pelayanan dan SOP, menguasai aplikasi layanan instansi, serta ramah dan komunikatif',
  supervision: 'Pengawasan melekat oleh atasan langsung dan koordinator MPP; pemantauan harian antrean dan waktu layanan',
  staffCount: 2,
  guarantee: 'Pelayanan diberikan sesuai standar pelayanan yang dipublikasikan; ketidaksesuaian dapat diadukan dan ditindaklanjuti',
  security: 'Data pemohon dijaga kerahasiaannya (UU 27/2022 tentang Pelindungan Data Pribadi); CCTV, APAR dan jalur evakuasi tersedia',
  evaluation: 'Evaluasi kinerja pelaksana setiap triwulan melalui Survei Kepuasan Masyarakat dan data waktu tunggu serta waktu layanan',
};

/** What a data file writes for one service; everything else gets a default. */
export type SvcInput = Pick<DemoService, 'code' | 'prefix' | 'name' | 'keywords' | 'description' | 'procedure' | 'product'> & {
  /** Requirement specs, 'document_type: note'. */
  docs?: string[];
  duration?: DemoService['duration'];
  durationText?: string;
  fee?: number;
  /** "Sesuai tarif": a tax or a tariff that depends on the case; `fee` is the starting amount or 0. */
  feeVariable?: boolean;
  feeBasis?: string;
  complaintChannel?: string;
  /** Service-specific legal basis, put before UU 25/2009 and Perpres 89/2021. */
  law?: string;
  staff?: number;
  internal?: Partial<DemoService['internal']>;
  handlingMinutes?: number;
  bookable?: boolean;
  walkInQuota?: number;
  bookingQuota?: number;
};

export function svc(p: SvcInput): DemoService {
  const bookable = p.bookable ?? false;
  return {
    code: p.code,
    prefix: p.prefix,
    name: p.name,
    keywords: p.keywords,
    description: p.description,
    requirements: (p.docs ?? []).map((d) => req(d)),
    procedure: p.procedure,
    duration: p.duration ?? mins(15),
    ...(p.durationText ? { durationText: p.durationText } : {}),
    fee: p.fee ?? 0,
    feeVariable: p.feeVariable ?? false,
    feeBasis: p.feeBasis ?? FREE,
    product: p.product,
    complaintChannel: p.complaintChannel ?? complaint('MPP Samarinda'),
    internal: {
      ...DEFAULT_INTERNAL,
      ...(p.law ? { legalBasis: `${p.law}; ${BASE_LAW}` } : {}),
      ...(p.staff ? { staffCount: p.staff } : {}),
      ...p.internal,
    },
    handlingMinutes: p.handlingMinutes ?? 15,
    bookable,
    walkInQuota: p.walkInQuota ?? 100,
    bookingQuota: p.bookingQuota ?? (bookable ? 30 : 0),
  };
}

export const pks = (number: string, signedOn: string, validUntil: string | null = null): DemoAgency['agreement'] => ({ number, signedOn, validUntil });

export function agency(key: string, kind: AgencyKind, name: string, shortName: string, hours: WeeklyHours, services: DemoService[], agreement: DemoAgency['agreement'] = null): DemoAgency {
  return { key, kind, name, shortName, agreement, hours, services };
}

/** Rewrites every service's complaint channel (for sites other than Samarinda). */
export function withComplaintChannel(list: DemoAgency[], channel: string): DemoAgency[] {
  return list.map((a) => ({ ...a, services: a.services.map((s) => ({ ...s, complaintChannel: channel })) }));
}

/**
 * Counters numbered from 1 in plan order: `[agencyKey, howMany, zone?]`; each counter serves all of
 * its agency's services. The zone defaults to `zoneOf(number)`, the location to `locationOf(number)`
 * (else the zone).
 */
export function buildCounters(list: DemoAgency[], plan: Array<[string, number, string?]>, zoneOf: (n: number) => string = () => 'Lantai 1', locationOf?: (n: number) => string): DemoCounter[] {
  const out: DemoCounter[] = [];
  for (const [key, count, zone] of plan) {
    const a = list.find((x) => x.key === key);
    if (!a) throw new Error(`Demo counters: unknown agency "${key}"`);
    for (let i = 0; i < count; i++) {
      const number = out.length + 1;
      const z = zone ?? zoneOf(number);
      out.push({ number, name: `Loket ${number}`, zone: z, location: locationOf?.(number) ?? z, agencyKey: key, serviceCodes: a.services.map((s) => s.code) });
    }
  }
  return out;
}
