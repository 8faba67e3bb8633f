import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { SECURITY } from '../../platform/openapi';
import { callerOf } from './caller';
import * as c from '../../../contracts/staff';
import { createStaff, listStaff, resetStaffPassword, setStaffActive, updateStaff } from './staff.service';

const tags = ['staff'];

/** Staff of one site (site_admin; agency_admin may list their agency's staff). */
export const staffRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const caller = (req: FastifyRequest) => callerOf(ctx, req);

  app.get('/sites/:siteId/staff', { schema: { tags, summary: 'Staff of the site (agency admins: of their agency), filtered and paged', security: SECURITY.staff, params: c.staffSiteParams, querystring: c.staffQuery, response: { 200: c.staffPage } } }, async (req) =>
    listStaff(ctx, await caller(req), req.params.siteId, req.query),
  );
  app.post('/sites/:siteId/staff', { schema: { tags, summary: 'Site admin: a staff user with roles in this site', security: SECURITY.staff, params: c.staffSiteParams, body: c.createStaffBody, response: { 201: c.staffMember } } }, async (req, reply) =>
    reply.status(201).send(await createStaff(ctx, await caller(req), req.params.siteId, req.body)),
  );
  app.patch('/sites/:siteId/staff/:userId', { schema: { tags, summary: "Site admin: rename a staff user or replace their roles in this site", security: SECURITY.staff, params: c.staffParams, body: c.updateStaffBody, response: { 200: c.staffMember } } }, async (req) =>
    updateStaff(ctx, await caller(req), req.params.siteId, req.params.userId, req.body),
  );
  app.post('/sites/:siteId/staff/:userId/deactivate', { schema: { tags, summary: 'Site admin: disable the account (its sessions end)', security: SECURITY.staff, params: c.staffParams, response: { 200: c.staffMember } } }, async (req) =>
    setStaffActive(ctx, await caller(req), req.params.siteId, req.params.userId, false),
  );
  app.post('/sites/:siteId/staff/:userId/activate', { schema: { tags, summary: 'Site admin: enable the account again', security: SECURITY.staff, params: c.staffParams, response: { 200: c.staffMember } } }, async (req) =>
    setStaffActive(ctx, await caller(req), req.params.siteId, req.params.userId, true),
  );
  app.post('/sites/:siteId/staff/:userId/reset-password', { schema: { tags, summary: 'Site admin: set a new password, or have a temporary one generated', security: SECURITY.staff, params: c.staffParams, body: c.resetPasswordBody.optional(), response: { 200: c.resetPasswordResult } } }, async (req) =>
    resetStaffPassword(ctx, await caller(req), req.params.siteId, req.params.userId, req.body ?? {}),
  );
};
