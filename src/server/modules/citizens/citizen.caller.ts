import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context';
import { hmac, safeEqual, sha256 } from '../../platform/crypto';
import { citizensError } from './citizens.errors';
import * as repo from './citizens.repository';

/** A citizen's session lives apart from staff sessions: its own cookies, table and token prefix. */
export const CITIZEN_COOKIE = 'loket_citizen';
export const CITIZEN_CSRF_COOKIE = 'loket_citizen_csrf';
/** Its own header, so a browser signed in as staff too never mixes the two tokens. */
export const CSRF_HEADER = 'x-citizen-csrf';
export const CITIZEN_TOKEN_PREFIX = 'lc_';

export interface CitizenCaller {
  citizenId: string;
  sessionId: string;
  ip: string | null;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const cache = new WeakMap<FastifyRequest, Promise<CitizenCaller | null>>();

export const citizenCsrfFor = (ctx: AppContext, sessionId: string) => hmac(ctx.keys.session, `citizen-csrf:${sessionId}`);

/**
 * The signed-in citizen of a request, or null: a bearer token `lc_…` or the citizen cookie. A
 * staff token or cookie is not a citizen's (it is never looked up here), so no citizen route
 * accepts one, and access's `callerOf` never accepts a citizen token (it finds no staff session
 * with that hash). Cookie writes must echo the session's CSRF token in `x-csrf-token`.
 */
export function citizenOf(ctx: AppContext, req: FastifyRequest): Promise<CitizenCaller | null> {
  let p = cache.get(req);
  if (!p) {
    p = resolve(ctx, req);
    cache.set(req, p);
  }
  return p;
}

async function resolve(ctx: AppContext, req: FastifyRequest): Promise<CitizenCaller | null> {
  const ip = req.ip ?? null;
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) {
    const token = auth.slice(7).trim();
    if (!token.startsWith(CITIZEN_TOKEN_PREFIX)) return null;
    const s = await repo.findLiveSession(ctx.db, sha256(token), ctx.clock.now());
    return s ? { citizenId: s.citizenId, sessionId: s.sessionId, ip } : null;
  }
  const cookie = req.cookies?.[CITIZEN_COOKIE];
  if (!cookie) return null;
  const s = await repo.findLiveSession(ctx.db, sha256(cookie), ctx.clock.now());
  if (!s) return null;
  if (!SAFE_METHODS.has(req.method)) {
    const sent = req.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !safeEqual(sent, citizenCsrfFor(ctx, s.sessionId))) throw citizensError('citizen.csrf');
  }
  return { citizenId: s.citizenId, sessionId: s.sessionId, ip };
}

/** The signed-in citizen, or 401. */
export async function requireCitizen(ctx: AppContext, req: FastifyRequest): Promise<CitizenCaller> {
  const c = await citizenOf(ctx, req);
  if (!c) throw citizensError('citizen.unauthenticated');
  return c;
}
