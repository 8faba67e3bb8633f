import type { AppContext, Caller } from '../../platform/context';
import { decryptText, normaliseCode, safeEqual } from '../../platform/crypto';
import { AppError, appError, fieldError } from '../../platform/errors';
import { admit, limitKey, settle, waitText, type Outcome, type Refusal, type Rule } from '../../platform/rate-limit';
import { nikHashOf } from './book.service';
import { bookingError } from './booking.errors';
import * as repo from './booking.repository';

/**
 * A booking is proved by its code and the citizen's NIK: the whole NIK on the web (lookup, cancel,
 * reschedule), its last digits at the kiosk. Wrong proofs are limited (docs/api.md, "Sign-in and
 * proof limits"):
 *  - per code: 5 wrong proofs an hour, then the code takes no proof until the hour is over. The
 *    web (whole NIK) and the kiosk (4 digits, 10,000 possibilities) count apart, so guessing on
 *    the web cannot lock a citizen out of the kiosk. Staff checking a booking in at the front
 *    desk, who see the KTP, are not held by a locked code;
 *  - per source: 30 wrong proofs per 15 minutes per address; a paired kiosk counts by its device
 *    (one lobby address serves many citizens) and staff by their account, 60 each.
 * An unknown code and a wrong NIK give the same answer and are counted alike: no existence oracle.
 */
export const PROOF_LIMITS = {
  code: { max: 5, windowSeconds: 60 * 60, maxPending: 2, resetOnSuccess: true },
  address: { max: 30, windowSeconds: 15 * 60, maxPending: 20 },
  device: { max: 60, windowSeconds: 15 * 60, maxPending: 20 },
  staff: { max: 60, windowSeconds: 15 * 60, maxPending: 20 },
} as const;

export type ProofMode = 'nik' | 'digits';

export function sourceRule(caller: Caller): Rule {
  const a = caller.actor;
  if (a.kind === 'device') return { kind: 'window', key: limitKey('proof', 'device', a.id), ...PROOF_LIMITS.device };
  if (a.kind === 'user') return { kind: 'window', key: limitKey('proof', 'staff', a.id), ...PROOF_LIMITS.staff };
  return { kind: 'window', key: limitKey('proof', 'address', caller.ip ?? 'unknown'), ...PROOF_LIMITS.address };
}

function proofRules(caller: Caller, code: string, mode: ProofMode): Rule[] {
  const rules = [sourceRule(caller)];
  // Staff checking a booking in at the front desk see the KTP: a code locked by guesses at the
  // kiosk must not turn the citizen away there too.
  if (!(mode === 'digits' && caller.actor.kind === 'user')) rules.push({ kind: 'window', key: limitKey('proof', `code-${mode}`, code), ...PROOF_LIMITS.code });
  return rules;
}

/** The one answer for an unknown code, a code of another site and a wrong NIK. */
export const noMatch = (codeField: string) =>
  bookingError('booking.not_found', {
    errors: [
      { field: codeField, code: 'no_match', messages: { id: 'Periksa kode booking.', en: 'Check the booking code.' } },
      { field: 'body.nik', code: 'no_match', messages: { id: 'Periksa NIK.', en: 'Check the NIK.' } },
    ],
  });

export function proofRefused(r: Refusal): AppError {
  const wait = waitText(r.retryAfter);
  const limit = r.rule.key.split(':')[1];
  return appError('rate_limited', {
    messages: {
      id: `Terlalu banyak percobaan kode booking dan NIK yang salah. Coba lagi dalam ${wait.id}.`,
      en: `Too many wrong booking code and NIK attempts. Try again in ${wait.en}.`,
    },
    extra: { retryAfter: r.retryAfter, limit: limit.startsWith('code') ? 'code' : limit },
    headers: { 'retry-after': String(r.retryAfter) },
  });
}

/** Runs `attempt` under the given limits: a thrown AppError below 500 counts as a wrong proof. */
export async function limited<T>(ctx: AppContext, rules: Rule[], attempt: () => Promise<T>): Promise<T> {
  const refused = await admit(ctx.db, rules, ctx.clock.now());
  if (refused) throw proofRefused(refused);
  let outcome: Outcome = 'abandoned';
  try {
    const value = await attempt();
    outcome = 'success';
    return value;
  } catch (err) {
    if (err instanceof AppError && err.status < 500) outcome = 'failure';
    throw err;
  } finally {
    await settle(ctx.db, rules, outcome, ctx.clock.now());
  }
}

/**
 * The booking `code` names, if `nik` proves it (and it belongs to `siteId` when given); otherwise
 * `noMatch`. Runs outside any transaction: a wrong proof must stay counted when the request fails.
 */
export async function proveBooking(
  ctx: AppContext,
  caller: Caller,
  input: { code: string; nik: string; mode: ProofMode; codeField: string; siteId?: string },
): Promise<repo.BookingRow> {
  const code = normaliseCode(input.code);
  // Computed before the lookup whatever it finds, so an unknown code costs the same work.
  const given = input.mode === 'nik' ? nikHashOf(ctx, input.nik.trim()) : input.nik.replace(/\D/g, '');
  // Too few digits is the caller's mistake whatever the code: answered before any counting.
  if (input.mode === 'digits' && given.length < 4) {
    throw fieldError('body.nik', 'too_short', { id: 'Masukkan minimal 4 digit terakhir NIK.', en: 'Enter at least the last 4 digits of the NIK.' });
  }
  return limited(ctx, proofRules(caller, code, input.mode), async () => {
    const b = await repo.findByCode(ctx.db, code);
    const ok = !!b && (!input.siteId || b.siteId === input.siteId) && proves(ctx, b, given, input.mode);
    if (!ok) throw noMatch(input.codeField);
    return b;
  });
}

function proves(ctx: AppContext, b: repo.BookingRow, given: string, mode: ProofMode): boolean {
  if (mode === 'nik') return !!b.nikHash && safeEqual(b.nikHash, given);
  // The last digits (at least 4). Purged bookings prove nothing.
  const nik = b.nikEnc ? decryptText(ctx.keys.encryption, b.nikEnc) : '';
  return nik.length >= given.length && safeEqual(nik.slice(-given.length), given);
}
