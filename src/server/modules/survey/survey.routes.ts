import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { localDate } from '../../../domain/opening-hours';
import type { AppContext } from '../../platform/context';
import { fileResponse, SECURITY, XLSX } from '../../platform/openapi';
import { callerOf } from '../access/access.lookup';
import * as c from '../../../contracts/survey';
import { createAction, listActions, updateAction } from './actions.service';
import { offerByCode, submitByCode } from './answer.service';
import { ikmByAgency, ikmOf } from './ikm.service';
import { reportPdf, reportXlsx } from './report.export';
import { surveyReport } from './report.service';
import { getSettings, getSignatory, setSignatory, updateSettings } from './settings.service';
import { listTablets, placeTablet, submitFromTablet, tabletOffers } from './tablet.service';

const tags = ['survey'];

export const surveyRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const caller = (req: FastifyRequest) => callerOf(ctx, req);

  // Citizens (public: the tracking code is the proof of having been served)
  app.post('/sites/:siteId/surveys', { schema: { tags, summary: 'Answer the SKM for a served service (DESIGN §7): 400 naming each bad element, then 404 unknown code, 409 answered, 422 not served or too late', security: SECURITY.none, problems: [404, 409, 422], params: c.siteParams, body: c.submitBody, response: { 201: c.submitted } } }, async (req, reply) =>
    reply.status(201).send(await submitByCode(ctx, await caller(req), req.params.siteId, req.body)),
  );
  app.get('/surveys/by-code/:trackingCode', { schema: { tags, summary: 'What a tracking code may rate: its served services, answered or not, and until when', security: SECURITY.none, params: c.codeParams, response: { 200: c.surveyOffer } } }, async (req) =>
    offerByCode(ctx, req.params.trackingCode),
  );

  // Published results
  app.get('/sites/:siteId/ikm', { schema: { tags, summary: 'The published IKM of a scope and period (DESIGN §7); figures withheld below the minimum group size', security: SECURITY.none, params: c.siteParams, querystring: c.ikmQuery, response: { 200: c.ikmResponse } } }, async (req) =>
    ikmOf(ctx, req.params.siteId, req.query),
  );
  app.get('/sites/:siteId/ikm/agencies', { schema: { tags, summary: "The MPP's IKM and each agency's, for the public results page", security: SECURITY.none, params: c.siteParams, querystring: c.ikmQuery, response: { 200: c.agencyIkm } } }, async (req) =>
    ikmByAgency(ctx, req.params.siteId, req.query),
  );
  app.get('/sites/:siteId/survey/settings', { schema: { tags, summary: 'The site’s survey rules (answer window, minimum group size, tablet offer time)', security: SECURITY.none, params: c.siteParams, response: { 200: c.settingsSchema } } }, async (req) =>
    getSettings(ctx, req.params.siteId),
  );

  // Survey tablet (a paired device of role survey)
  app.get('/survey-tablet/offers', { schema: { tags, summary: 'Tablet: the tickets just finished at its counter (or anywhere, at the exit), not yet rated', security: SECURITY.device, problems: [409], response: { 200: c.tabletOffers } } }, async (req) =>
    tabletOffers(ctx, await caller(req)),
  );
  app.post('/survey-tablet/tickets/:ticketId/answers', { schema: { tags, summary: 'Tablet: the answer for a ticket it offers (403 survey.not_offered otherwise)', security: SECURITY.device, problems: [409], params: c.ticketParams, body: c.tabletAnswerBody, response: { 201: c.submitted } } }, async (req, reply) =>
    reply.status(201).send(await submitFromTablet(ctx, await caller(req), req.params.ticketId, req.body)),
  );

  // Staff
  app.get('/sites/:siteId/survey/report', { schema: { tags, summary: 'Staff: the SKM report of the MPP, an agency or a service for a period (comments read are audited)', security: SECURITY.staff, params: c.siteParams, querystring: c.reportQuery, response: { 200: c.surveyReport } } }, async (req) =>
    surveyReport(ctx, await caller(req), req.params.siteId, req.query),
  );
  app.get('/sites/:siteId/survey/report/export', { schema: { tags, summary: 'Staff: the report as XLSX or a printable, signed PDF', security: SECURITY.staff, params: c.siteParams, querystring: c.exportQuery, produces: [XLSX, 'application/pdf'], response: { 200: fileResponse('The SKM report', [XLSX, 'application/pdf']) } } }, async (req, reply) => {
    const report = await surveyReport(ctx, await caller(req), req.params.siteId, req.query);
    const name = `skm-${report.period.key ?? `${report.period.from}_${report.period.to}`}.${req.query.format}`;
    reply.header('content-disposition', `attachment; filename="${name}"`);
    if (req.query.format === 'xlsx') return reply.type(XLSX).send(await reportXlsx(report));
    return reply.type('application/pdf').send(await reportPdf(report, localDate(ctx.clock.now(), report.scope.site.timeZone)));
  });
  app.get('/sites/:siteId/survey/actions', { schema: { tags, summary: 'Staff: follow-up actions (rencana tindak lanjut) of the caller’s agencies', security: SECURITY.staff, params: c.siteParams, querystring: c.actionsQuery, response: { 200: z.array(c.actionSchema) } } }, async (req) =>
    listActions(ctx, await caller(req), req.params.siteId, req.query),
  );
  app.post('/sites/:siteId/survey/actions', { schema: { tags, summary: 'Staff: record a follow-up action on a weak element of a period', security: SECURITY.staff, params: c.siteParams, body: c.createActionBody, response: { 201: c.actionSchema } } }, async (req, reply) =>
    reply.status(201).send(await createAction(ctx, await caller(req), req.params.siteId, req.body)),
  );
  app.patch('/survey/actions/:id', { schema: { tags, summary: 'Staff: change a follow-up action (what, who, by when, status)', security: SECURITY.staff, params: c.actionParams, body: c.updateActionBody, response: { 200: c.actionSchema } } }, async (req) =>
    updateAction(ctx, await caller(req), req.params.id, req.body),
  );
  app.put('/sites/:siteId/survey/settings', { schema: { tags, summary: 'Site admin: the survey rules', security: SECURITY.staff, params: c.siteParams, body: c.updateSettingsBody, response: { 200: c.settingsSchema } } }, async (req) =>
    updateSettings(ctx, await caller(req), req.params.siteId, req.body),
  );
  app.get('/sites/:siteId/survey/signatory', { schema: { tags, summary: 'Staff: who signs the report of the MPP or an agency', security: SECURITY.staff, params: c.siteParams, querystring: c.signatoryQuery, response: { 200: c.signatorySchema.nullable() } } }, async (req) =>
    getSignatory(ctx, await caller(req), req.params.siteId, req.query.agencyId ?? null),
  );
  app.put('/sites/:siteId/survey/signatory', { schema: { tags, summary: 'Staff: set the head of the unit who signs the report', security: SECURITY.staff, params: c.siteParams, body: c.signatoryBody, response: { 200: c.signatorySchema } } }, async (req) =>
    setSignatory(ctx, await caller(req), req.params.siteId, req.body),
  );
  app.get('/sites/:siteId/survey/tablets', { schema: { tags, summary: 'Site admin: survey tablets and where each stands', security: SECURITY.staff, params: c.siteParams, response: { 200: z.array(c.tabletSchema) } } }, async (req) =>
    listTablets(ctx, await caller(req), req.params.siteId),
  );
  app.put('/sites/:siteId/survey/tablets/:deviceId', { schema: { tags, summary: 'Site admin: place a survey tablet beside a counter or at the exit (counterId null)', security: SECURITY.staff, params: c.deviceParams, body: c.placeTabletBody, response: { 200: c.tabletSchema } } }, async (req) =>
    placeTablet(ctx, await caller(req), req.params.siteId, req.params.deviceId, req.body.counterId),
  );
};
