import { AppError } from '../../platform/errors';
import { limitKey, waitText, type Refusal, type Rule } from '../../platform/rate-limit';
import { accessError } from './access.errors';

/**
 * The staff sign-in policy (docs/api.md, "Sign-in and proof limits"). Only failures count:
 *  - per address: 30 failed sign-ins per 15 minutes, whatever the account (39 officers behind one
 *    NAT signing in correctly are never refused);
 *  - per account and address: 5 failures free, then each failure locks that pair for 1 s, 2 s,
 *    4 s … at most 15 minutes; a success clears it. The owner elsewhere is not affected;
 *  - per account, all addresses: 100 failures per hour, against guessing spread over many
 *    addresses. This one does refuse the owner too, as the price of stopping it.
 */
export const LOGIN_LIMITS = {
  address: { max: 30, windowSeconds: 15 * 60, maxPending: 100 },
  accountAddress: { free: 5, baseSeconds: 1, capSeconds: 15 * 60, forgetSeconds: 60 * 60, maxPending: 2 },
  account: { max: 100, windowSeconds: 60 * 60, maxPending: 20 },
} as const;

export type LoginLimit = 'address' | 'account_address' | 'account';

export function loginRules(username: string, ip: string): Rule[] {
  const L = LOGIN_LIMITS;
  return [
    { kind: 'window', key: limitKey('login', 'address', ip), ...L.address },
    { kind: 'window', key: limitKey('login', 'account', username), ...L.account },
    { kind: 'backoff', key: limitKey('login', 'account-address', username, ip), ...L.accountAddress },
  ];
}

const limitOf = (r: Refusal): LoginLimit => (r.rule.kind === 'backoff' ? 'account_address' : r.rule.key.startsWith('login:address:') ? 'address' : 'account');

/** 429 with Retry-After; `limit` names the limit that refused (for clients and the docs). */
export function signInRefused(r: Refusal): AppError {
  const wait = waitText(r.retryAfter);
  return accessError('auth.rate_limited', {
    messages: {
      id: `Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam ${wait.id}.`,
      en: `Too many failed sign-in attempts. Try again in ${wait.en}.`,
    },
    extra: { retryAfter: r.retryAfter, limit: limitOf(r) },
    headers: { 'retry-after': String(r.retryAfter) },
  });
}
