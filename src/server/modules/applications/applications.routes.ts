import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { fileResponse, SECURITY, XLSX } from '../../platform/openapi';
import { callerOf } from '../access/access.lookup';
import { requireCitizen, signedInCitizen } from '../citizens/citizens.lookup';
import * as c from '../../../contracts/applications';
import { exportApplications } from './export.service';
import { fileOnline, myApplications, withdrawOwn } from './online.service';
import { pickupTicket } from './pickup.service';
import { applicationByCode, applicationsSummary, getApplication, listApplications } from './read.service';
import { registerApplication } from './register.service';
import { getApplicationSettings, setApplicationSettings } from './settings.service';
import { transitionApplication } from './transition.service';

const tags = ['applications'];

export const applicationsRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const caller = (req: FastifyRequest) => callerOf(ctx, req);

  app.post(
    '/sites/:siteId/applications',
    {
      schema: {
        tags,
        summary: "Register an application (DESIGN §7): at the counter by staff of the service's agency, or online by a signed-in citizen {serviceId} (status submitted; applicant, ticket and checklist come from the counter)",
        security: [...SECURITY.staff, ...SECURITY.citizen],
        params: c.siteParams,
        body: c.registerBody,
        response: { 201: c.registered },
      },
    },
    async (req, reply) => {
      const staff = await caller(req);
      // Without a staff session a signed-in citizen files for themselves; staff always register at the counter.
      const citizen = staff.actor.kind === 'anonymous' ? await signedInCitizen(ctx, req) : null;
      if (citizen) return reply.status(201).send(await fileOnline(ctx, citizen, req.params.siteId, req.body));
      return reply.status(201).send(await registerApplication(ctx, staff, req.params.siteId, req.body));
    },
  );
  app.get(
    '/me/applications',
    { schema: { tags, summary: "The signed-in citizen's own applications, newest first (those filed online and those the counter linked to the account)", security: SECURITY.citizen, response: { 200: c.myApplications } } },
    async (req) => myApplications(ctx, await requireCitizen(ctx, req)),
  );
  app.post(
    '/me/applications/:id/withdraw',
    { schema: { tags, summary: "The signed-in citizen withdraws their own open application (404 for another's, 409 when closed)", security: SECURITY.citizen, params: c.idParams, body: c.withdrawBody, response: { 200: c.registered } } },
    async (req) => withdrawOwn(ctx, await requireCitizen(ctx, req), req.params.id, req.body),
  );
  app.get(
    '/sites/:siteId/applications',
    { schema: { tags, summary: "A board's list: filters, pagination and the scope's counts (staff, scoped; a personal-data read)", security: SECURITY.staff, params: c.siteParams, querystring: c.listQuery, response: { 200: c.listResponse } } },
    async (req) => listApplications(ctx, await caller(req), req.params.siteId, req.query),
  );
  app.get(
    '/sites/:siteId/applications/summary',
    { schema: { tags, summary: 'Per agency and service: open, due today, overdue, incomplete, ready, and the share on time over a period (no personal data)', security: SECURITY.staff, params: c.siteParams, querystring: c.figuresQuery, response: { 200: c.summaryResponse } } },
    async (req) => applicationsSummary(ctx, await caller(req), req.params.siteId, req.query),
  );
  app.get(
    '/sites/:siteId/applications/export',
    { schema: { tags, summary: 'Applications of a period as CSV or XLSX (staff, scoped; masked NIK, audited)', security: SECURITY.staff, params: c.siteParams, querystring: c.exportQuery, produces: ['text/csv', XLSX], response: { 200: fileResponse('The applications of the period', ['text/csv', XLSX]) } } },
    async (req, reply) => {
      const file = await exportApplications(ctx, await caller(req), req.params.siteId, req.query);
      const type = req.query.format === 'csv' ? 'text/csv; charset=utf-8' : XLSX;
      return reply.type(type).header('content-disposition', `attachment; filename="${file.name}"`).send(file.body);
    },
  );
  app.post(
    '/sites/:siteId/applications/pickup',
    { schema: { tags, summary: 'Kiosk "Ambil dokumen": a pickup ticket to the agency\'s counter for a ready application, by tracking code', security: SECURITY.deviceOrStaff, params: c.siteParams, body: c.pickupBody, response: { 200: c.pickupResponse, 201: c.pickupResponse } } },
    async (req, reply) => {
      const r = await pickupTicket(ctx, await caller(req), req.params.siteId, req.body);
      return reply.status(r.ticket.replayed ? 200 : 201).send(r);
    },
  );
  app.get(
    '/applications/by-code/:trackingCode',
    { schema: { tags, summary: 'The public tracking page (DESIGN §7): status, steps, due date, what is missing; no personal data', security: SECURITY.none, params: c.trackingParams, response: { 200: c.publicApplication } } },
    async (req) => applicationByCode(ctx, req.params.trackingCode),
  );
  app.get(
    '/applications/:id',
    { schema: { tags, summary: 'One application with its history (staff of its agency, site admins, auditors; audited)', security: SECURITY.staff, params: c.idParams, response: { 200: c.applicationDetail } } },
    async (req) => getApplication(ctx, await caller(req), req.params.id),
  );
  app.post(
    '/applications/:id/transition',
    { schema: { tags, summary: 'Move an application to another status (DESIGN §7): 409 when not reachable from the current one, 403 for another agency', security: SECURITY.staff, params: c.idParams, body: c.transitionBody, response: { 200: c.applicationDetail } } },
    async (req) => transitionApplication(ctx, await caller(req), req.params.id, req.body),
  );
  app.get(
    '/agencies/:agencyId/application-settings',
    { schema: { tags, summary: "An agency's registration number format, with the next number as an example", security: SECURITY.staff, params: c.agencyParams, response: { 200: c.settingsResponse } } },
    async (req) => getApplicationSettings(ctx, await caller(req), req.params.agencyId),
  );
  app.put(
    '/agencies/:agencyId/application-settings',
    { schema: { tags, summary: "Set the agency's registration number format (agency admin, site admin)", security: SECURITY.staff, params: c.agencyParams, body: c.settingsBody, response: { 200: c.settingsResponse } } },
    async (req) => setApplicationSettings(ctx, await caller(req), req.params.agencyId, req.body),
  );
};
