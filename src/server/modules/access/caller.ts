import type { FastifyRequest } from 'fastify';
import { anonymous, type Actor } from '../../platform/authz';
import type { AppContext, Caller } from '../../platform/context';
import { safeEqual } from '../../platform/crypto';
import { accessError } from './access.errors';
import { actorFromSession, csrfTokenFor } from './auth.service';
import { actorFromDeviceToken } from './devices.service';

export const SESSION_COOKIE = 'loket_session';
export const CSRF_COOKIE = 'loket_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const cache = new WeakMap<FastifyRequest, Promise<Caller>>();

/**
 * Who is calling: a bearer token (API clients, kiosks, displays) or the session cookie (the web
 * app). Resolved lazily, once per request, so public routes never touch the session table.
 * Cookie-authenticated mutations must echo the session's CSRF token in a header; bearer tokens
 * cannot be sent by a browser on its own, so they need none.
 */
export function callerOf(ctx: AppContext, req: FastifyRequest): Promise<Caller> {
  let p = cache.get(req);
  if (!p) {
    p = resolve(ctx, req);
    cache.set(req, p);
  }
  return p;
}

async function resolve(ctx: AppContext, req: FastifyRequest): Promise<Caller> {
  const ip = req.ip ?? null;
  const auth = req.headers.authorization;
  let actor: Actor = anonymous;
  if (auth?.startsWith('Bearer ')) {
    const token = auth.slice(7).trim();
    actor = (token.startsWith('ld_') ? await actorFromDeviceToken(ctx, token) : await actorFromSession(ctx, token)) ?? anonymous;
    return { actor, ip };
  }
  const cookie = req.cookies?.[SESSION_COOKIE];
  if (cookie) {
    const user = await actorFromSession(ctx, cookie);
    if (user && !SAFE_METHODS.has(req.method)) {
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !user.sessionId || !safeEqual(sent, csrfTokenFor(ctx, user.sessionId))) {
        throw accessError('auth.csrf');
      }
    }
    actor = user ?? anonymous;
  }
  return { actor, ip };
}
