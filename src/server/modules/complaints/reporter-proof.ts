import type { AppContext, Caller } from '../../platform/context';
import { normaliseCode } from '../../platform/crypto';
import { AppError, appError } from '../../platform/errors';
import { admit, limitKey, settle, waitText, type Outcome, type Rule } from '../../platform/rate-limit';
import { unknownCode } from './complaints.errors';
import * as repo from './complaints.repository';

/**
 * The tracking code is the reporter's only key (anonymous complaints have no other). Codes are
 * 10 characters of a 31-letter alphabet (about 8·10^14), and wrong codes are limited anyway: 30
 * per 15 minutes per address; an unknown code answers like any other unknown code.
 */
export const CODE_LIMIT = { max: 30, windowSeconds: 15 * 60, maxPending: 20 } as const;

const rulesOf = (caller: Caller): Rule[] => [{ kind: 'window', key: limitKey('complaint', 'code', caller.ip ?? 'unknown'), ...CODE_LIMIT }];

/**
 * The complaint of `code` (and of `id` when given), counting a miss against the caller's address.
 * Runs outside any transaction: a miss must stay counted.
 */
export async function proveReporter(ctx: AppContext, caller: Caller, code: string, id?: string, field = 'params.trackingCode'): Promise<repo.ComplaintRow> {
  const rules = rulesOf(caller);
  const refused = await admit(ctx.db, rules, ctx.clock.now());
  if (refused) {
    const wait = waitText(refused.retryAfter);
    throw appError('rate_limited', {
      messages: { id: `Terlalu banyak kode pelacakan yang salah. Coba lagi dalam ${wait.id}.`, en: `Too many wrong tracking codes. Try again in ${wait.en}.` },
      extra: { retryAfter: refused.retryAfter, limit: 'code' },
      headers: { 'retry-after': String(refused.retryAfter) },
    });
  }
  let outcome: Outcome = 'abandoned';
  try {
    const c = await repo.findByCode(ctx.db, normaliseCode(code));
    if (!c || (id && c.id !== id)) throw unknownCode(id ? 'body.trackingCode' : field);
    outcome = 'success';
    return c;
  } catch (err) {
    if (err instanceof AppError && err.status < 500) outcome = 'failure';
    throw err;
  } finally {
    await settle(ctx.db, rules, outcome, ctx.clock.now());
  }
}
