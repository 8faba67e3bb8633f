/**
 * Applications after the counter (permohonan, DESIGN §7): the statuses, which status may follow
 * which, what each move needs, and the registration number. Pure data and functions, shared by
 * the server (which enforces them with a conditional update) and the web (which offers only the
 * moves this table allows).
 */

/** The statuses of DESIGN §7, in the order an application normally goes through them. */
export const APPLICATION_STATUSES = ['submitted', 'received', 'in_process', 'incomplete', 'ready', 'collected', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** What to bring when collecting: keys the web and the messages translate (receipt, KTP-el, a proxy's surat kuasa). */
export const PICKUP_BRING = ['receipt', 'ktp', 'proxy_letter'] as const;

/** Longest note an officer may give (shown to the applicant on the tracking page). */
export const NOTE_MAX = 500;

/** Where the deadline clock runs or is paused: the application is with the agency or the applicant. */
export const OPEN_STATUSES = ['received', 'in_process', 'incomplete'] as const satisfies readonly ApplicationStatus[];
/** Nothing follows these. */
export const FINAL_STATUSES = ['collected', 'rejected', 'withdrawn'] as const satisfies readonly ApplicationStatus[];

/**
 * Who moves an application: the agency's staff, or the applicant (a signed-in citizen withdrawing
 * their own application).
 */
export type Mover = 'staff' | 'applicant';

export interface TransitionRule {
  /** Who may make the move. */
  by: readonly Mover[];
  /** The move needs a note (the reason of a rejection, shown to the applicant). */
  noteRequired?: boolean;
  /** The move needs the list of what is missing (incomplete). */
  missingRequired?: boolean;
  /** The deadline clock: stops (waiting for the applicant) or runs again. */
  clock?: 'pause' | 'resume';
}

const staff = { by: ['staff'] } as const;
const reject: TransitionRule = { by: ['staff'], noteRequired: true };
const withdraw: TransitionRule = { by: ['staff', 'applicant'] };
const pause: TransitionRule = { by: ['staff'], missingRequired: true, clock: 'pause' };

/**
 * The transition table. received → in_process ⇄ incomplete → … → ready → collected; rejected
 * (with a reason) and withdrawn end it from any open status. A file found incomplete right at
 * the counter may go received → incomplete. Leaving `incomplete` for `in_process` is the officer
 * accepting what the applicant brought: the clock runs again.
 */
export const TRANSITIONS: Readonly<Record<ApplicationStatus, Readonly<Partial<Record<ApplicationStatus, TransitionRule>>>>> = {
  submitted: { received: staff, rejected: reject, withdrawn: withdraw },
  received: { in_process: staff, incomplete: pause, rejected: reject, withdrawn: withdraw },
  in_process: { incomplete: pause, ready: staff, rejected: reject, withdrawn: withdraw },
  incomplete: { in_process: { by: ['staff'], clock: 'resume' }, rejected: reject, withdrawn: withdraw },
  ready: { collected: staff },
  collected: {},
  rejected: {},
  withdrawn: {},
};

export const isOpen = (s: ApplicationStatus): boolean => (OPEN_STATUSES as readonly string[]).includes(s);
export const isFinal = (s: ApplicationStatus): boolean => (FINAL_STATUSES as readonly string[]).includes(s);

/** The statuses reachable in one move from `from` by `who`. */
export function nextStatuses(from: ApplicationStatus, who: Mover = 'staff'): ApplicationStatus[] {
  return (Object.entries(TRANSITIONS[from]) as [ApplicationStatus, TransitionRule][]).filter(([, r]) => r.by.includes(who)).map(([to]) => to);
}

export type TransitionRefusal =
  | { ok: false; reason: 'unreachable'; from: ApplicationStatus; to: ApplicationStatus }
  | { ok: false; reason: 'not_allowed'; from: ApplicationStatus; to: ApplicationStatus }
  | { ok: false; reason: 'note_required' }
  | { ok: false; reason: 'missing_required' };

export type TransitionDecision = { ok: true; rule: TransitionRule } | TransitionRefusal;

/**
 * Whether `who` may move an application from `from` to `to` with this note and missing list.
 * Unreachable moves (the 409 naming the current status) are told apart from a move the mover may
 * not make and from a move that lacks its note or missing list (400 naming the field).
 */
export function decideTransition(from: ApplicationStatus, to: ApplicationStatus, who: Mover, input: { note?: string | null; missing?: readonly string[] | null } = {}): TransitionDecision {
  const rule = TRANSITIONS[from][to];
  if (!rule) return { ok: false, reason: 'unreachable', from, to };
  if (!rule.by.includes(who)) return { ok: false, reason: 'not_allowed', from, to };
  if (rule.noteRequired && !input.note?.trim()) return { ok: false, reason: 'note_required' };
  if (rule.missingRequired && !(input.missing ?? []).some((m) => m.trim())) return { ok: false, reason: 'missing_required' };
  return { ok: true, rule };
}

// ---------------------------------------------------------------------------------------------
// Registration numbers

/**
 * The default format: the agency's short name, the year and a six-digit sequence, e.g.
 * `DPMPTSP/2026/000123`. Tokens: `{agency}` (short name, upper case, letters and digits only),
 * `{year}`, `{month}` (two digits), `{service}` (the service code) and `{seq}` or `{seq:N}`
 * (the sequence padded to N digits, 1–10). The sequence restarts every year, so a format needs
 * `{seq}` and `{year}` to stay unique.
 */
export const DEFAULT_NUMBER_FORMAT = '{agency}/{year}/{seq:6}';

const TOKEN = /\{(agency|year|month|service|seq)(?::(\d{1,2}))?\}/g;

export type NumberFormatError = 'seq_missing' | 'year_missing' | 'unknown_token' | 'bad_padding' | 'bad_characters' | 'too_long';

export const numberFormatMessages: Record<NumberFormatError, { id: string; en: string }> = {
  seq_missing: { id: 'Format harus memuat {seq} (nomor urut).', en: 'The format must contain {seq} (the sequence).' },
  year_missing: { id: 'Format harus memuat {year}: nomor urut dimulai lagi setiap tahun.', en: 'The format must contain {year}: the sequence restarts every year.' },
  unknown_token: { id: 'Hanya {agency}, {year}, {month}, {service} dan {seq} atau {seq:N} yang dikenal.', en: 'Only {agency}, {year}, {month}, {service} and {seq} or {seq:N} are known.' },
  bad_padding: { id: 'Panjang nomor urut {seq:N} harus 1 sampai 10 digit.', en: 'The sequence width {seq:N} must be 1 to 10 digits.' },
  bad_characters: { id: 'Hanya huruf, angka, spasi dan . / - _ yang boleh dipakai.', en: 'Only letters, digits, spaces and . / - _ may be used.' },
  too_long: { id: 'Format paling panjang 60 karakter.', en: 'The format is at most 60 characters.' },
};

/** Why a number format cannot be used, or null when it can. */
export function checkNumberFormat(format: string): NumberFormatError | null {
  if (format.length > 60) return 'too_long';
  const tokens = [...format.matchAll(TOKEN)];
  const rest = format.replace(TOKEN, '');
  if (/[{}]/.test(rest)) return 'unknown_token';
  if (!/^[A-Za-z0-9 ./_-]*$/.test(rest)) return 'bad_characters';
  const seq = tokens.filter((t) => t[1] === 'seq');
  if (!seq.length) return 'seq_missing';
  if (!tokens.some((t) => t[1] === 'year')) return 'year_missing';
  for (const t of tokens) {
    if (t[2] === undefined) continue;
    const n = Number(t[2]);
    if (t[1] !== 'seq' || n < 1 || n > 10) return t[1] === 'seq' ? 'bad_padding' : 'unknown_token';
  }
  return null;
}

/** The short name as a number part: `BPJS Kesehatan` → `BPJSKESEHATAN`. */
export const agencyToken = (shortName: string): string =>
  shortName
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]/g, '')
    .toUpperCase() || 'INSTANSI';

/** The registration number of sequence `seq` (a format `checkNumberFormat` accepts). */
export function formatRegistrationNumber(format: string, parts: { agency: string; year: number; month: number; service: string; seq: number }): string {
  if (!Number.isInteger(parts.seq) || parts.seq < 1) throw new RangeError(`seq must be a positive integer, got ${parts.seq}`);
  return format.replace(TOKEN, (_m, name: string, pad?: string) => {
    switch (name) {
      case 'agency':
        return agencyToken(parts.agency);
      case 'year':
        return String(parts.year);
      case 'month':
        return String(parts.month).padStart(2, '0');
      case 'service':
        return parts.service.toUpperCase().replace(/[^A-Z0-9-]/g, '');
      default:
        return String(parts.seq).padStart(pad ? Number(pad) : 1, '0');
    }
  });
}
