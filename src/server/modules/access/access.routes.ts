import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { secureCookies } from '../../platform/https';
import * as c from '../../../contracts/access';
import { changePassword, login, logout, me, startSession, type SessionIssued } from './auth.service';
import { listAudit } from './audit.service';
import { callerOf, CSRF_COOKIE, SESSION_COOKIE } from './caller';
import { claimPairing, createPairing, listDevices, revokeDevice, whoAmI } from './devices.service';
import { createFirstAdmin, createUser, setupNeeded } from './users.service';

const tags = ['access'];

function setSessionCookies(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, s: SessionIssued) {
  const secure = secureCookies(ctx.config, req);
  const common = { path: '/', sameSite: 'lax' as const, secure, expires: s.expiresAt };
  reply.setCookie(SESSION_COOKIE, s.token, { ...common, httpOnly: true });
  // Readable by the page so it can echo it in the x-csrf-token header.
  reply.setCookie(CSRF_COOKIE, s.csrfToken, { ...common, httpOnly: false });
}

function clearSessionCookies(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}

export const accessRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const caller = (req: FastifyRequest) => callerOf(ctx, req);

  app.get('/setup', { schema: { tags, response: { 200: z.object({ needed: z.boolean() }) } } }, async () => ({ needed: await setupNeeded(ctx) }));

  app.post('/setup', { schema: { tags, body: c.setupBody, response: { 201: c.sessionResponse } } }, async (req, reply) => {
    const who = await caller(req);
    const user = await createFirstAdmin(ctx, who, req.body);
    const session = await startSession(ctx, user, who, req.headers['user-agent']);
    setSessionCookies(ctx, req, reply, session);
    return reply.status(201).send({ token: session.token, user: session.user });
  });

  app.post('/auth/login', { schema: { tags, body: c.loginBody, response: { 200: c.sessionResponse } } }, async (req, reply) => {
    const session = await login(ctx, await caller(req), req.body, req.headers['user-agent']);
    setSessionCookies(ctx, req, reply, session);
    return { token: session.token, user: session.user };
  });

  app.post('/auth/logout', { schema: { tags } }, async (req, reply) => {
    await logout(ctx, await caller(req));
    clearSessionCookies(reply);
    return reply.status(204).send();
  });

  app.get('/auth/me', { schema: { tags, response: { 200: c.userSchema } } }, async (req) => me(ctx, (await caller(req)).actor));

  app.post('/auth/password', { schema: { tags, body: c.changePasswordBody } }, async (req, reply) => {
    await changePassword(ctx, await caller(req), req.body);
    return reply.status(204).send();
  });

  app.post('/users', { schema: { tags, body: c.createUserBody, response: { 201: z.object({ id: z.uuid(), username: z.string() }) } } }, async (req, reply) => {
    const user = await createUser(ctx, await caller(req), req.body);
    return reply.status(201).send({ id: user.id, username: user.username });
  });

  app.get('/audit', { schema: { tags, querystring: c.auditQuery } }, async (req) => listAudit(ctx, await caller(req), req.query));

  const siteParams = z.object({ siteId: z.uuid() });
  app.post('/sites/:siteId/device-pairings', { schema: { tags, params: siteParams, body: c.pairingBody } }, async (req, reply) => {
    return reply.status(201).send(await createPairing(ctx, await caller(req), req.params.siteId, req.body));
  });
  app.get('/sites/:siteId/devices', { schema: { tags, params: siteParams } }, async (req) => listDevices(ctx, await caller(req), req.params.siteId));
  app.post('/devices/claim', { schema: { tags, body: c.claimBody } }, async (req, reply) => {
    return reply.status(201).send(await claimPairing(ctx, await caller(req), req.body.code));
  });
  app.get('/devices/me', { schema: { tags } }, async (req) => whoAmI((await caller(req)).actor));
  app.post('/devices/:deviceId/revoke', { schema: { tags, params: z.object({ deviceId: z.uuid() }) } }, async (req, reply) => {
    await revokeDevice(ctx, await caller(req), req.params.deviceId);
    return reply.status(204).send();
  });
};
