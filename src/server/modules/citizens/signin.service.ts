/**
 * Citizens sign in with a one-time 6-digit code sent to their email or mobile number (the
 * notifier: SMTP, an SMS/WhatsApp webhook, or the log in development). docs/citizens.md has the
 * rules; in short:
 *  - a code lives 10 minutes, is kept only as an HMAC, dies when used, after 5 wrong tries, or
 *    when a newer one is sent to the same contact;
 *  - a new code to the same contact within 30 s, or past 5 codes an hour, is refused (429 with
 *    Retry-After); so is a 21st code an hour from one address (many contacts, one attacker);
 *  - wrong answers are also limited per address (the platform's failed-attempt store).
 * The limits are rows in the database, so every process behind a load balancer shares them.
 */
import { randomInt } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import { contactMessages, maskContact, parseContact, type Contact } from '../../../domain/contact';
import type { AppContext } from '../../platform/context';
import { encryptText, hmac, randomToken, safeEqual, sha256 } from '../../platform/crypto';
import { AppError, fieldError, notFound } from '../../platform/errors';
import { admit, limitKey, settle, waitText, type Outcome, type Rule } from '../../platform/rate-limit';
import { citizenCsrfFor, CITIZEN_TOKEN_PREFIX, type CitizenCaller } from './citizen.caller';
import { citizensError } from './citizens.errors';
import * as repo from './citizens.repository';
import { presentSelf } from './profile.service';

export const SIGN_IN = {
  codeTtlSeconds: 10 * 60,
  resendAfterSeconds: 30,
  codesPerContactHour: 5,
  codesPerAddressHour: 20,
  maxWrongTries: 5,
  sessionDays: 14,
  /** Wrong codes per address (any contact): the platform's failed-attempt store. */
  wrongPerAddress: { max: 30, windowSeconds: 15 * 60, maxPending: 20 },
} as const;

export const contactHashOf = (ctx: AppContext, c: Contact) => hmac(ctx.keys.blindIndex, `contact:${c.value}`);
const codeHashOf = (ctx: AppContext, codeId: string, code: string) => hmac(ctx.keys.session, `citizen-login:${codeId}:${code}`);

function contactOf(input: string): Contact {
  const parsed = parseContact(input);
  if (!parsed.ok) throw fieldError('body.contact', `contact.${parsed.reason}`, contactMessages[parsed.reason]);
  return parsed.contact;
}

function throttled(retryAfter: number, limit: 'contact_30s' | 'contact_hour' | 'address') {
  const wait = waitText(retryAfter);
  return citizensError('citizen.code_throttled', {
    messages: { id: `Kode baru bisa diminta lagi dalam ${wait.id}.`, en: `A new code can be requested in ${wait.en}.` },
    extra: { retryAfter, limit },
    headers: { 'retry-after': String(retryAfter) },
  });
}

/** POST /citizen/login: sends a code (202), or refuses within the limits. */
export async function requestCode(ctx: AppContext, ip: string | null, input: { contact: string }) {
  const contact = contactOf(input.contact);
  const now = ctx.clock.now();
  const contactHash = contactHashOf(ctx, contact);
  const sourceHash = hmac(ctx.keys.blindIndex, `source:${ip ?? 'unknown'}`);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const id = uuidv7();
  const hourAgo = new Date(now.getTime() - 3600_000);
  const secondsUntil = (from: Date, plusSeconds: number) => Math.max(1, Math.ceil((from.getTime() + plusSeconds * 1000 - now.getTime()) / 1000));

  await ctx.db.transaction(async (tx) => {
    // Two requests for one contact (or from one address) are counted one after the other.
    await repo.lockKeys(tx, `c:${contactHash}`, `s:${sourceHash}`);
    const recent = await repo.codesSince(tx, 'contact', contactHash, hourAgo);
    if (recent.length && now.getTime() - recent[0].createdAt.getTime() < SIGN_IN.resendAfterSeconds * 1000) {
      throw throttled(secondsUntil(recent[0].createdAt, SIGN_IN.resendAfterSeconds), 'contact_30s');
    }
    if (recent.length >= SIGN_IN.codesPerContactHour) throw throttled(secondsUntil(recent[SIGN_IN.codesPerContactHour - 1].createdAt, 3600), 'contact_hour');
    const fromSource = await repo.codesSince(tx, 'source', sourceHash, hourAgo);
    if (fromSource.length >= SIGN_IN.codesPerAddressHour) throw throttled(secondsUntil(fromSource[SIGN_IN.codesPerAddressHour - 1].createdAt, 3600), 'address');
    await repo.insertCode(tx, { id, contactHash, sourceHash, codeHash: codeHashOf(ctx, id, code), createdAt: now, expiresAt: new Date(now.getTime() + SIGN_IN.codeTtlSeconds * 1000) });
  });

  try {
    await ctx.notifier.send({
      to: contact.kind === 'email' ? { email: contact.value } : { phone: contact.value },
      kind: 'citizen.login_code',
      subject: 'Kode masuk akun MPP',
      text: `Kode masuk akun MPP Anda: ${code}\nBerlaku ${SIGN_IN.codeTtlSeconds / 60} menit. Jangan berikan kode ini kepada siapa pun, termasuk petugas.`,
      data: { code, expiresInMinutes: SIGN_IN.codeTtlSeconds / 60 },
    });
  } catch (err) {
    ctx.log.warn({ err: (err as Error).message }, 'citizen login code could not be sent');
    throw citizensError('citizen.notify_failed');
  }
  return { sentTo: maskContact(contact), channel: contact.kind, expiresInSeconds: SIGN_IN.codeTtlSeconds, resendAfterSeconds: SIGN_IN.resendAfterSeconds };
}

const wrongCode = (triesLeft: number | null) =>
  citizensError('citizen.code_invalid', {
    errors: [
      {
        field: 'body.code',
        code: 'wrong_code',
        messages:
          triesLeft && triesLeft > 0
            ? { id: `Kode salah. Sisa percobaan: ${triesLeft}.`, en: `Wrong code. Tries left: ${triesLeft}.` }
            : { id: 'Kode salah atau kedaluwarsa. Minta kode baru.', en: 'Wrong or expired code. Ask for a new one.' },
      },
    ],
  });

/** POST /citizen/verify: a right code opens a session (and the account, the first time). */
export async function verifyCode(ctx: AppContext, ip: string | null, input: { contact: string; code: string }, userAgent: string | null = null) {
  const contact = contactOf(input.contact);
  const contactHash = contactHashOf(ctx, contact);
  const rules: Rule[] = [{ kind: 'window', key: limitKey('citizen-code', 'address', ip ?? 'unknown'), ...SIGN_IN.wrongPerAddress }];
  const refused = await admit(ctx.db, rules, ctx.clock.now());
  if (refused) throw throttled(refused.retryAfter, 'address');
  let outcome: Outcome = 'abandoned';
  try {
    const now = ctx.clock.now();
    const live = await repo.liveCode(ctx.db, contactHash, now, SIGN_IN.maxWrongTries);
    if (!live) throw wrongCode(null);
    if (!safeEqual(codeHashOf(ctx, live.id, input.code.trim()), live.codeHash)) {
      await repo.failCode(ctx.db, live.id, SIGN_IN.maxWrongTries);
      throw wrongCode(SIGN_IN.maxWrongTries - live.failedAttempts - 1);
    }
    const session = await ctx.db.transaction(async (tx) => {
      if (!(await repo.useCode(tx, live.id, now, SIGN_IN.maxWrongTries))) throw wrongCode(null);
      const citizen = await repo.upsertCitizen(tx, { id: uuidv7(), contactKind: contact.kind, contactHash, contactEnc: encryptText(ctx.keys.encryption, contact.value), createdAt: now });
      const token = `${CITIZEN_TOKEN_PREFIX}${randomToken()}`;
      const sessionId = uuidv7();
      const expiresAt = new Date(now.getTime() + SIGN_IN.sessionDays * 86_400_000);
      await repo.insertSession(tx, { id: sessionId, citizenId: citizen.id, tokenHash: sha256(token), createdAt: now, expiresAt, userAgent: userAgent?.slice(0, 200) || null });
      return { token, sessionId, expiresAt, citizen };
    });
    outcome = 'success';
    return { token: session.token, csrfToken: citizenCsrfFor(ctx, session.sessionId), maxAgeSeconds: SIGN_IN.sessionDays * 86_400, citizen: await presentSelf(ctx, session.citizen) };
  } catch (err) {
    if (err instanceof AppError && err.status === 401) outcome = 'failure';
    throw err;
  } finally {
    await settle(ctx.db, rules, outcome, ctx.clock.now());
  }
}

/** POST /citizen/logout */
export async function signOut(ctx: AppContext, sessionId: string): Promise<void> {
  await repo.revokeSession(ctx.db, sessionId, ctx.clock.now());
}

/** GET /me/sessions: where the account is signed in (the browser it was opened from), this one marked. */
export async function listSessions(ctx: AppContext, caller: CitizenCaller) {
  const rows = await repo.liveSessionsOf(ctx.db, caller.citizenId, ctx.clock.now());
  return rows.map((s) => ({ id: s.id, createdAt: s.createdAt.toISOString(), expiresAt: s.expiresAt.toISOString(), userAgent: s.userAgent, current: s.id === caller.sessionId }));
}

/** DELETE /me/sessions/{id}: signs one session out (a lost phone); another citizen's, an ended or an unknown one is a 404. */
export async function endSession(ctx: AppContext, caller: CitizenCaller, id: string): Promise<void> {
  if (!(await repo.revokeSessionOf(ctx.db, caller.citizenId, id, ctx.clock.now()))) throw notFound('Sesi', 'Session');
}
