import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { secureCookies } from '../../platform/https';
import { noContent, SECURITY } from '../../platform/openapi';
import * as c from '../../../contracts/access';
import { changePassword, login, logout, me, startSession, type SessionIssued } from './auth.service';
import { listAudit } from './audit.service';
import { callerOf, CSRF_COOKIE, SESSION_COOKIE } from './caller';
import { claimPairing, createPairing, listDevices, revokeDevice, whoAmI } from './devices.service';
import { createFirstAdmin, createUser, setupNeeded } from './users.service';

const tags = ['access'];

function setSessionCookies(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, s: SessionIssued) {
  const secure = secureCookies(ctx.config, req);
  // Max-Age, not Expires: the browser counts it from its own clock, so a server clock that is
  // off (or a demo clock set in the past) cannot hand out a cookie that is already expired.
  // The server still ends the session at s.expiresAt by its own clock.
  const common = { path: '/', sameSite: 'lax' as const, secure, maxAge: ctx.config.sessionTtlHours * 3600 };
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

  app.get('/setup', { schema: { tags, summary: 'First run: whether the first platform admin is still to be created', security: SECURITY.none, response: { 200: c.setupState } } }, async () => ({ needed: await setupNeeded(ctx) }));

  app.post('/setup', { schema: { tags, summary: 'First run: create the first platform admin (only while no user exists) and sign in', security: SECURITY.none, body: c.setupBody, response: { 201: c.sessionResponse } } }, async (req, reply) => {
    const who = await caller(req);
    const user = await createFirstAdmin(ctx, who, req.body);
    const session = await startSession(ctx, user, who, req.headers['user-agent']);
    setSessionCookies(ctx, req, reply, session);
    return reply.status(201).send({ token: session.token, user: session.user });
  });

  app.post('/auth/login', { schema: { tags, summary: 'Staff sign-in (DESIGN §6): a bearer token, and the session and CSRF cookies; failures are limited (429)', security: SECURITY.none, problems: [401, 429], body: c.loginBody, response: { 200: c.sessionResponse } } }, async (req, reply) => {
    const session = await login(ctx, await caller(req), req.body, req.headers['user-agent']);
    setSessionCookies(ctx, req, reply, session);
    return { token: session.token, user: session.user };
  });

  app.post('/auth/logout', { schema: { tags, summary: 'End the session (token or cookie) and clear the cookies', security: SECURITY.staff, response: { 204: noContent } } }, async (req, reply) => {
    await logout(ctx, await caller(req));
    clearSessionCookies(reply);
    return reply.status(204).send(null);
  });

  app.get('/auth/me', { schema: { tags, summary: 'The signed-in staff user with their roles', security: SECURITY.staff, response: { 200: c.userSchema } } }, async (req) => me(ctx, (await caller(req)).actor));

  app.post('/auth/password', { schema: { tags, summary: 'Change the own password (the current one proves it)', security: SECURITY.staff, body: c.changePasswordBody, response: { 204: noContent } } }, async (req, reply) => {
    await changePassword(ctx, await caller(req), req.body);
    return reply.status(204).send(null);
  });

  app.post('/users', { schema: { tags, summary: 'Platform admin: a staff user with roles in any scope', security: SECURITY.staff, body: c.createUserBody, response: { 201: c.createdUser } } }, async (req, reply) => {
    const user = await createUser(ctx, await caller(req), req.body);
    return reply.status(201).send({ id: user.id, username: user.username });
  });

  app.get('/audit', { schema: { tags, summary: 'The audit log, newest first, limited to the scopes the caller may read', security: SECURITY.staff, querystring: c.auditQuery, response: { 200: c.auditPage } } }, async (req) => listAudit(ctx, await caller(req), req.query));

  const siteParams = z.object({ siteId: z.uuid() });
  app.post('/sites/:siteId/device-pairings', { schema: { tags, summary: 'Site admin: a pairing code (15 minutes) for a kiosk or display of the site', security: SECURITY.staff, params: siteParams, body: c.pairingBody, response: { 201: c.pairing } } }, async (req, reply) => {
    return reply.status(201).send(await createPairing(ctx, await caller(req), req.params.siteId, req.body));
  });
  app.get('/sites/:siteId/devices', { schema: { tags, summary: 'Site admin: the paired devices of the site, revoked ones too', security: SECURITY.staff, params: siteParams, response: { 200: z.array(c.device) } } }, async (req) => listDevices(ctx, await caller(req), req.params.siteId));
  app.post('/devices/claim', { schema: { tags, summary: 'A kiosk or display trades a pairing code for its device token', security: SECURITY.none, body: c.claimBody, response: { 201: c.claimedDevice } } }, async (req, reply) => {
    return reply.status(201).send(await claimPairing(ctx, await caller(req), req.body.code));
  });
  app.get('/devices/me', { schema: { tags, summary: 'The calling device (a kiosk checks it is still paired)', security: SECURITY.device, response: { 200: c.deviceSelf } } }, async (req) => whoAmI((await caller(req)).actor));
  app.post('/devices/:deviceId/revoke', { schema: { tags, summary: 'Site admin: revoke a device token at once', security: SECURITY.staff, params: c.deviceParams, response: { 204: noContent } } }, async (req, reply) => {
    await revokeDevice(ctx, await caller(req), req.params.deviceId);
    return reply.status(204).send(null);
  });
};
