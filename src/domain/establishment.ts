/**
 * Establishing an MPP (DOMAIN §1, "Establishing an MPP"): the stages a kabupaten/kota passes
 * from proposal to inauguration, as pure tables and functions shared by the server (which
 * enforces them) and the web (which shows them). No I/O, no clock: callers pass "today".
 *
 * usulan (the bupati/wali kota's proposal with a kajian urgensi) → verifikasi (by KemenPANRB) →
 * koordinasi (kesepakatan bersama, a PKS with each agency, joint planning) → pembangunan
 * (building / fit-out) → uji_coba (trial, soft launch) → diresmikan (inauguration). `none`: no
 * proposal yet. Stages advance one at a time; a step back (a proposal returned by the ministry,
 * a trial stopped) goes to the previous stage only and needs a reason.
 */
import { DateTime } from 'luxon';

export const MPP_STAGES = ['none', 'usulan', 'verifikasi', 'koordinasi', 'pembangunan', 'uji_coba', 'diresmikan'] as const;
export type MppStage = (typeof MPP_STAGES)[number];
/** Stages that can be planned and reached (every one but `none`). */
export const REACHABLE_STAGES = ['usulan', 'verifikasi', 'koordinasi', 'pembangunan', 'uji_coba', 'diresmikan'] as const satisfies readonly MppStage[];
export type ReachableStage = Exclude<MppStage, 'none'>;

export const stageIndex = (s: MppStage): number => MPP_STAGES.indexOf(s);
export const nextStage = (s: MppStage): ReachableStage | null => (MPP_STAGES[stageIndex(s) + 1] as ReachableStage | undefined) ?? null;
export const previousStage = (s: MppStage): MppStage | null => (stageIndex(s) > 0 ? MPP_STAGES[stageIndex(s) - 1] : null);
/** Whether `stage` has been reached by a record now at `current`. */
export const reached = (current: MppStage, stage: MppStage): boolean => stageIndex(stage) <= stageIndex(current);

/** What a requested change is, or why it is refused. */
export type StageMove =
  | { ok: true; direction: 'advance' | 'back' }
  | { ok: false; why: 'unchanged' }
  | { ok: false; why: 'skipped'; expected: ReachableStage | null }
  | { ok: false; why: 'back_too_far'; expected: MppStage | null }
  | { ok: false; why: 'reason_required' };

/**
 * The stage machine: from `current` to `to`. Forward only to the next stage (anything further is
 * a skip: 409); back only to the previous stage, with a reason (a stated reason of at least one
 * non-blank character).
 */
export function stageMove(current: MppStage, to: MppStage, reason?: string | null): StageMove {
  const from = stageIndex(current);
  const target = stageIndex(to);
  if (target === from) return { ok: false, why: 'unchanged' };
  if (target > from) return target === from + 1 ? { ok: true, direction: 'advance' } : { ok: false, why: 'skipped', expected: nextStage(current) };
  if (target !== from - 1) return { ok: false, why: 'back_too_far', expected: previousStage(current) };
  if (!reason || !reason.trim()) return { ok: false, why: 'reason_required' };
  return { ok: true, direction: 'back' };
}

/** Why a stage date is refused, if it is. */
export type StageDateProblem = 'in_future' | 'before_previous';

/**
 * A stage is reached on a day that has come (`date <= today`, both in the region's zone) and not
 * before the day the record entered its current stage (`since`, null for a new record).
 */
export function stageDateProblem(date: string, today: string, since: string | null): StageDateProblem | null {
  if (date > today) return 'in_future';
  if (since && date < since) return 'before_previous';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Evidence documents: what proves each stage (stored encrypted by the files module).

export const MPP_DOCUMENT_KINDS = {
  surat_usulan: 'usulan',
  kajian_urgensi: 'usulan',
  surat_verifikasi: 'verifikasi',
  kesepakatan_bersama: 'koordinasi',
  pks: 'koordinasi',
  rencana_gedung: 'pembangunan',
  laporan_progres: 'pembangunan',
  berita_acara_uji_coba: 'uji_coba',
  berita_acara_peresmian: 'diresmikan',
} as const satisfies Record<string, ReachableStage>;
export type MppDocumentKind = keyof typeof MPP_DOCUMENT_KINDS;
export const MPP_DOCUMENT_KIND_KEYS = Object.keys(MPP_DOCUMENT_KINDS) as [MppDocumentKind, ...MppDocumentKind[]];
/** A PKS is signed with one agency: its document names the agency. */
export const PER_AGENCY_KINDS: ReadonlySet<MppDocumentKind> = new Set(['pks']);
export const kindsOfStage = (stage: MppStage): MppDocumentKind[] => MPP_DOCUMENT_KIND_KEYS.filter((k) => MPP_DOCUMENT_KINDS[k] === stage);

// ---------------------------------------------------------------------------------------------
// Checklists per stage (Perpres 89/2021 and PermenPANRB 23/2017 on the penyelenggaraan of MPPs):
// what a province checks before it reports a stage as done.

export type ChecklistItem =
  /** Done when a document of `kind` is on file. */
  | { key: string; type: 'document'; kind: MppDocumentKind }
  /** PKS documents (distinct agencies) against the agencies planned. */
  | { key: string; type: 'agency_documents'; kind: MppDocumentKind }
  /** Agencies serving: the linked site's active agencies, else the number entered; against the agencies planned. */
  | { key: string; type: 'agencies_serving' }
  | { key: string; type: 'check' }
  | { key: string; type: 'date' }
  | { key: string; type: 'percent' }
  /** The number of agencies planned (kajian urgensi): the target of the counts above. */
  | { key: string; type: 'agencies_planned' };

export const MPP_CHECKLIST: Readonly<Record<ReachableStage, readonly ChecklistItem[]>> = {
  usulan: [
    { key: 'surat_usulan', type: 'document', kind: 'surat_usulan' },
    { key: 'kajian_urgensi', type: 'document', kind: 'kajian_urgensi' },
    { key: 'instansi_direncanakan', type: 'agencies_planned' },
  ],
  verifikasi: [
    { key: 'surat_verifikasi', type: 'document', kind: 'surat_verifikasi' },
    { key: 'verifikasi_lapangan', type: 'date' },
  ],
  koordinasi: [
    { key: 'kesepakatan_bersama', type: 'document', kind: 'kesepakatan_bersama' },
    { key: 'pks_instansi', type: 'agency_documents', kind: 'pks' },
    { key: 'rencana_aksi', type: 'check' },
  ],
  pembangunan: [
    { key: 'lokasi_gedung', type: 'check' },
    { key: 'sk_penyelenggaraan', type: 'check' },
    { key: 'progres_fisik', type: 'percent' },
    { key: 'sistem_antrean', type: 'check' },
  ],
  uji_coba: [
    { key: 'soft_launch', type: 'date' },
    { key: 'instansi_melayani', type: 'agencies_serving' },
    { key: 'berita_acara_uji_coba', type: 'document', kind: 'berita_acara_uji_coba' },
  ],
  diresmikan: [{ key: 'berita_acara_peresmian', type: 'document', kind: 'berita_acara_peresmian' }],
};

/** Values the officer enters (the rest is derived from documents and the site). */
export type ChecklistValue = boolean | number | string | null;
export type ChecklistValues = Record<string, ChecklistValue>;
/** Checklist values are stored per stage and item: `koordinasi.rencana_aksi`. */
export const checklistKey = (stage: ReachableStage, key: string) => `${stage}.${key}`;

/** Which item a stored key names, if any. */
export function checklistItemOf(fullKey: string): { stage: ReachableStage; item: ChecklistItem } | null {
  const [stage, key] = fullKey.split('.', 2) as [ReachableStage, string];
  const item = MPP_CHECKLIST[stage]?.find((i) => i.key === key);
  return item ? { stage, item } : null;
}

/** Why an entered value does not fit its item, if it does not. */
export function checklistValueProblem(item: ChecklistItem, value: ChecklistValue): 'derived' | 'not_boolean' | 'not_date' | 'not_percent' | 'not_count' | null {
  if (value === null) return item.type === 'document' || item.type === 'agency_documents' ? 'derived' : null;
  switch (item.type) {
    case 'document':
    case 'agency_documents':
      return 'derived';
    case 'check':
      return typeof value === 'boolean' ? null : 'not_boolean';
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value).isValid ? null : 'not_date';
    case 'percent':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 100 ? null : 'not_percent';
    case 'agencies_planned':
    case 'agencies_serving':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 500 ? null : 'not_count';
  }
}

export interface ChecklistFacts {
  values: ChecklistValues;
  /** Document kinds on file, with how many distinct agencies each names (PKS). */
  documents: Partial<Record<MppDocumentKind, { count: number; agencies: number }>>;
  /** Active agencies of the linked site, when there is one. */
  siteAgencies: number | null;
}

export interface ChecklistState {
  key: string;
  type: ChecklistItem['type'];
  done: boolean;
  /** The value shown: true/false, a date, a percentage, or a count. */
  value: ChecklistValue;
  /** For counts: what they are measured against (agencies planned). */
  target: number | null;
}

const plannedAgencies = (values: ChecklistValues): number | null => {
  const v = values[checklistKey('usulan', 'instansi_direncanakan')];
  return typeof v === 'number' ? v : null;
};

/** The state of one stage's checklist from what is entered and what is on file. */
export function checklistState(stage: ReachableStage, facts: ChecklistFacts): ChecklistState[] {
  const target = plannedAgencies(facts.values);
  return MPP_CHECKLIST[stage].map((item) => {
    const entered = facts.values[checklistKey(stage, item.key)] ?? null;
    switch (item.type) {
      case 'document': {
        const n = facts.documents[item.kind]?.count ?? 0;
        return { key: item.key, type: item.type, done: n > 0, value: n, target: null };
      }
      case 'agency_documents': {
        const n = facts.documents[item.kind]?.agencies ?? 0;
        return { key: item.key, type: item.type, done: target !== null ? n >= target && n > 0 : n > 0, value: n, target };
      }
      case 'agencies_serving': {
        const n = facts.siteAgencies ?? (typeof entered === 'number' ? entered : null);
        return { key: item.key, type: item.type, done: n !== null && n > 0 && (target === null || n >= target), value: n, target };
      }
      case 'agencies_planned':
        return { key: item.key, type: item.type, done: typeof entered === 'number' && entered > 0, value: entered, target: null };
      case 'percent':
        return { key: item.key, type: item.type, done: entered === 100, value: entered, target: 100 };
      case 'check':
        return { key: item.key, type: item.type, done: entered === true, value: entered ?? false, target: null };
      case 'date':
        return { key: item.key, type: item.type, done: typeof entered === 'string', value: entered, target: null };
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Planned dates and lateness.

/** The date each stage is planned to be reached (inaugurations come in national batches). */
export type MppPlan = Partial<Record<ReachableStage, string>>;

export interface NextStep {
  stage: ReachableStage;
  plannedDate: string | null;
  /** The planned date has passed and the stage is not reached. */
  late: boolean;
  /** Days past the planned date (0 when not late). */
  daysLate: number;
}

export const daysBetween = (from: string, to: string): number => Math.round(DateTime.fromISO(to).diff(DateTime.fromISO(from), 'days').days);

/** The next stage to reach and whether its planned date has passed; null when inaugurated. */
export function nextStep(current: MppStage, plan: MppPlan, today: string): NextStep | null {
  const stage = nextStage(current);
  if (!stage) return null;
  const plannedDate = plan[stage] ?? null;
  const late = plannedDate !== null && plannedDate < today;
  return { stage, plannedDate, late, daysLate: late ? daysBetween(plannedDate, today) : 0 };
}

/** Planned dates go forward with the stages: each one not before the previous stage's. Returns the first stage out of order. */
export function planOrderProblem(plan: MppPlan): ReachableStage | null {
  let last: string | null = null;
  for (const s of REACHABLE_STAGES) {
    const d = plan[s];
    if (!d) continue;
    if (last && d < last) return s;
    last = d;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Zones: every "today" of a region is its province's (DOMAIN §7).

const WIT_PROVINCES = new Set(['81', '82', '91', '92', '93', '94', '95', '96']);
const WITA_PROVINCES = new Set(['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76']);

/** The IANA zone of a province by its Kemendagri code (each province lies in one zone). */
export function zoneOfProvince(provinceCode: string): 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura' {
  if (WIT_PROVINCES.has(provinceCode)) return 'Asia/Jayapura';
  if (WITA_PROVINCES.has(provinceCode)) return 'Asia/Makassar';
  return 'Asia/Jakarta';
}

/** Region codes as the API writes them: Kemendagri codes without dots ("64", "6472"). */
export const PROVINCE_CODE_RE = /^\d{2}$/;
export const REGENCY_CODE_RE = /^\d{4}$/;
