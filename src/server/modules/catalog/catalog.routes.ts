import type { FastifyRequest } from 'fastify';
import { validatorCompiler as zodValidator, type FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { fileResponse, noContent, SECURITY } from '../../platform/openapi';
import { callerOf } from '../access/access.lookup';
import * as c from '../../../contracts/catalog';
import { createAgency, getAdminAgency, listAdminAgencies, listPublicAgencies, setAgencyActive, updateAgency } from './agencies.service';
import { createCounter, getAdminCounter, getCounterOfficers, listAdminCounters, setCounterActive, setCounterOfficers, updateCounter } from './counters.service';
import { createDocumentType, listAdminDocumentTypes, listDocumentTypes, setDocumentTypeActive, updateDocumentType } from './document-types.service';
import {
  addNationalDay,
  addSiteDay,
  listNationalHolidays,
  listSiteHolidays,
  removeNationalDay,
  removeSiteDay,
  seedNationalYear,
  updateNationalDay,
} from './holidays.service';
import { createService, getAdminService, getPublicService, listAdminServices, listPublicServices, setServiceActive, updateService } from './services.service';
import { createSite, getPublicSite, listPublicSites, updateSite } from './sites.service';
import { exportCatalog, importCatalog, XLSX_TYPE } from './transfer.service';

const tags = ['catalog'];
const adminTags = ['catalog admin'];

/** Kept for other modules that described sites with it. */
export const siteSummary = c.siteSummary;

export const catalogRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const caller = (req: FastifyRequest) => callerOf(ctx, req);

  // The XLSX import takes the workbook as the raw body (only in this plugin).
  for (const type of [XLSX_TYPE, 'application/octet-stream']) {
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: 10 * 1024 * 1024 }, (_req, body, done) => done(null, body));
  }

  // ---------- public (no login) ----------
  app.get('/sites', { schema: { tags, security: SECURITY.none, summary: 'Sites (DESIGN §6)', response: { 200: z.array(c.siteSummary) } } }, async () => listPublicSites(ctx));

  app.get('/sites/:siteId', { schema: { tags, security: SECURITY.none, summary: 'Site page: address, contacts, maklumat, open now', params: c.siteRefParams, response: { 200: c.siteDetail } } }, async (req) =>
    getPublicSite(ctx, req.params.siteId),
  );

  app.get(
    '/sites/:siteId/services',
    { schema: { tags, security: SECURITY.none, summary: 'Active services with their published standard (DESIGN §6); ?q= searches', params: c.siteRefParams, querystring: c.servicesQuery, response: { 200: z.array(c.publicService) } } },
    async (req) => listPublicServices(ctx, req.params.siteId, req.query),
  );

  app.get('/services/:id', { schema: { tags, security: SECURITY.none, summary: 'Public service page', params: c.idParams, response: { 200: c.publicServiceDetail } } }, async (req) => getPublicService(ctx, req.params.id));

  app.get('/sites/:siteId/agencies', { schema: { tags, security: SECURITY.none, summary: 'Agencies in kind order, open now and next opening (site zone)', params: c.siteRefParams, response: { 200: z.array(c.publicAgency) } } }, async (req) =>
    listPublicAgencies(ctx, req.params.siteId),
  );

  app.get('/document-types', { schema: { tags, security: SECURITY.none, summary: 'Active document types', querystring: c.documentTypesQuery, response: { 200: z.array(c.documentType) } } }, async (req) => listDocumentTypes(ctx, req.query.siteId));

  app.get('/sites/:siteId/holidays', { schema: { tags, security: SECURITY.none, summary: 'National holidays, cuti bersama and the site days of a year', params: c.siteRefParams, querystring: c.yearQuery, response: { 200: z.array(c.holiday) } } }, async (req) =>
    listSiteHolidays(ctx, req.params.siteId, req.query.year),
  );

  app.get('/holidays', { schema: { tags, security: SECURITY.none, summary: 'National holidays and cuti bersama of a year', querystring: c.yearQuery, response: { 200: z.array(c.holiday) } } }, async (req) =>
    listNationalHolidays(ctx, req.query.year),
  );

  // ---------- sites (platform admin creates, site admin edits) ----------
  app.post('/sites', { schema: { tags: adminTags, security: SECURITY.staff, summary: 'Platform admin: a new site (seeds national holidays)', body: c.createSiteBody, response: { 201: c.siteDetail } } }, async (req, reply) =>
    reply.status(201).send(await createSite(ctx, await caller(req), req.body)),
  );
  app.patch('/sites/:siteId', { schema: { tags: adminTags, security: SECURITY.staff, summary: 'Site admin: settings, contacts, maklumat, status', params: c.siteParams, body: c.updateSiteBody, response: { 200: c.siteDetail } } }, async (req) =>
    updateSite(ctx, await caller(req), req.params.siteId, req.body),
  );

  // ---------- agencies ----------
  app.get('/sites/:siteId/catalog/agencies', { schema: { tags: adminTags, security: SECURITY.staff, summary: 'Agencies of the site for administration, filtered and paged', params: c.siteParams, querystring: c.adminAgenciesQuery, response: { 200: c.page(c.adminAgency) } } }, async (req) =>
    listAdminAgencies(ctx, await caller(req), req.params.siteId, req.query),
  );
  app.post('/sites/:siteId/catalog/agencies', { schema: { tags: adminTags, security: SECURITY.staff, summary: 'A new agency of the site (kind, names, contacts, agreement, hours)', params: c.siteParams, body: c.createAgencyBody, response: { 201: c.adminAgency } } }, async (req, reply) =>
    reply.status(201).send(await createAgency(ctx, await caller(req), req.params.siteId, req.body)),
  );
  app.get('/catalog/agencies/:id', { schema: { tags: adminTags, security: SECURITY.staff, summary: 'An agency for administration', params: c.idParams, response: { 200: c.adminAgency } } }, async (req) => getAdminAgency(ctx, await caller(req), req.params.id));
  app.patch('/catalog/agencies/:id', { schema: { tags: adminTags, security: SECURITY.staff, summary: 'Edit an agency (agency admins: their hours and contacts only)', params: c.idParams, body: c.updateAgencyBody, response: { 200: c.adminAgency } } }, async (req) =>
    updateAgency(ctx, await caller(req), req.params.id, req.body),
  );
  app.post('/catalog/agencies/:id/deactivate', { schema: { tags: adminTags, security: SECURITY.staff, summary: 'The agency leaves: it, its services and counters are deactivated', params: c.idParams, response: { 200: c.adminAgency } } }, async (req) =>
    setAgencyActive(ctx, await caller(req), req.params.id, false),
  );
  app.post('/catalog/agencies/:id/activate', { schema: { tags: adminTags, security: SECURITY.staff, summary: 'The agency returns: active again (its services and counters stay as they are)', params: c.idParams, response: { 200: c.adminAgency } } }, async (req) => setAgencyActive(ctx, await caller(req), req.params.id, true));

  // ---------- services ----------
  app.get('/sites/:siteId/catalog/services', { schema: { tags: adminTags, security: SECURITY.staff, summary: 'Services of the site for administration, filtered and paged', params: c.siteParams, querystring: c.adminServicesQuery, response: { 200: c.page(c.adminService) } } }, async (req) =>
    listAdminServices(ctx, await caller(req), req.params.siteId, req.query),
  );
  app.post('/sites/:siteId/catalog/services', { schema: { tags: adminTags, security: SECURITY.staff, summary: 'A new service with its published and internal standard', params: c.siteParams, body: c.createServiceBody, response: { 201: c.adminService } } }, async (req, reply) =>
    reply.status(201).send(await createService(ctx, await caller(req), req.params.siteId, req.body)),
  );
  app.get('/catalog/services/:id', { schema: { tags: adminTags, security: SECURITY.staff, summary: 'A service for administration', params: c.idParams, response: { 200: c.adminService } } }, async (req) => getAdminService(ctx, await caller(req), req.params.id));
  app.patch('/catalog/services/:id', { schema: { tags: adminTags, security: SECURITY.staff, summary: 'Edit a service (the fields sent are replaced)', params: c.idParams, body: c.updateServiceBody, response: { 200: c.adminService } } }, async (req) =>
    updateService(ctx, await caller(req), req.params.id, req.body),
  );
  app.post('/catalog/services/:id/deactivate', { schema: { tags: adminTags, security: SECURITY.staff, summary: 'Stop offering a service (kept for history)', params: c.idParams, response: { 200: c.adminService } } }, async (req) => setServiceActive(ctx, await caller(req), req.params.id, false));
  app.post('/catalog/services/:id/activate', { schema: { tags: adminTags, security: SECURITY.staff, summary: 'Offer a service again', params: c.idParams, response: { 200: c.adminService } } }, async (req) => setServiceActive(ctx, await caller(req), req.params.id, true));

  // ---------- counters ----------
  app.get('/sites/:siteId/catalog/counters', { schema: { tags: adminTags, security: SECURITY.staff, summary: 'Counters of the site for administration, filtered and paged', params: c.siteParams, querystring: c.adminCountersQuery, response: { 200: c.page(c.adminCounter) } } }, async (req) =>
    listAdminCounters(ctx, await caller(req), req.params.siteId, req.query),
  );
  app.post('/sites/:siteId/catalog/counters', { schema: { tags: adminTags, security: SECURITY.staff, summary: 'A new counter of an agency, with the services it serves', params: c.siteParams, body: c.createCounterBody, response: { 201: c.adminCounter } } }, async (req, reply) =>
    reply.status(201).send(await createCounter(ctx, await caller(req), req.params.siteId, req.body)),
  );
  app.get('/catalog/counters/:id', { schema: { tags: adminTags, security: SECURITY.staff, summary: 'A counter for administration', params: c.idParams, response: { 200: c.adminCounter } } }, async (req) => getAdminCounter(ctx, await caller(req), req.params.id));
  app.patch('/catalog/counters/:id', { schema: { tags: adminTags, security: SECURITY.staff, summary: 'Edit a counter (the fields sent are replaced)', params: c.idParams, body: c.updateCounterBody, response: { 200: c.adminCounter } } }, async (req) =>
    updateCounter(ctx, await caller(req), req.params.id, req.body),
  );
  app.post('/catalog/counters/:id/deactivate', { schema: { tags: adminTags, security: SECURITY.staff, summary: 'Close a counter (kept for history)', params: c.idParams, response: { 200: c.adminCounter } } }, async (req) => setCounterActive(ctx, await caller(req), req.params.id, false));
  app.post('/catalog/counters/:id/activate', { schema: { tags: adminTags, security: SECURITY.staff, summary: 'Open a counter again', params: c.idParams, response: { 200: c.adminCounter } } }, async (req) => setCounterActive(ctx, await caller(req), req.params.id, true));
  app.get('/counters/:counterId/officers', { schema: { tags: adminTags, security: SECURITY.staff, summary: 'Who staffs the counter', params: c.counterParams, response: { 200: c.counterOfficers } } }, async (req) =>
    getCounterOfficers(ctx, await caller(req), req.params.counterId),
  );
  app.put('/counters/:counterId/officers', { schema: { tags: adminTags, security: SECURITY.staff, summary: 'Who staffs the counter (replaces the list)', params: c.counterParams, body: c.officersBody, response: { 200: c.counterOfficers } } }, async (req) =>
    setCounterOfficers(ctx, await caller(req), req.params.counterId, req.body.userIds),
  );

  // ---------- document types ----------
  app.get('/catalog/document-types', { schema: { tags: adminTags, security: SECURITY.staff, summary: 'Every document type the caller sees (shared, and of their sites; inactive too) with how many active services use it and whether the caller may edit it; ?q= searches', querystring: c.adminDocumentTypesQuery, response: { 200: c.page(c.adminDocumentType) } } }, async (req) =>
    listAdminDocumentTypes(ctx, await caller(req), req.query),
  );
  app.post('/catalog/document-types', { schema: { tags: adminTags, security: SECURITY.staff, summary: 'A new document type (key unique on the platform, name unique among the types the site sees): shared (platform admin) or of one site (its site admin)', body: c.createDocumentTypeBody, response: { 201: c.adminDocumentType } } }, async (req, reply) =>
    reply.status(201).send(await createDocumentType(ctx, await caller(req), req.body)),
  );
  app.patch('/catalog/document-types/:id', { schema: { tags: adminTags, security: SECURITY.staff, summary: 'Rename, describe, (de)activate (shared types: platform admin; a site type: its site admins); the key never changes', params: c.idParams, body: c.updateDocumentTypeBody, response: { 200: c.adminDocumentType } } }, async (req) =>
    updateDocumentType(ctx, await caller(req), req.params.id, req.body),
  );
  app.post('/catalog/document-types/:id/deactivate', { schema: { tags: adminTags, security: SECURITY.staff, summary: 'No longer offered for new requirements; services naming it keep it', params: c.idParams, response: { 200: c.adminDocumentType } } }, async (req) =>
    setDocumentTypeActive(ctx, await caller(req), req.params.id, false),
  );
  app.post('/catalog/document-types/:id/activate', { schema: { tags: adminTags, security: SECURITY.staff, summary: 'Offer a document type again for new requirements', params: c.idParams, response: { 200: c.adminDocumentType } } }, async (req) => setDocumentTypeActive(ctx, await caller(req), req.params.id, true));

  // ---------- holidays ----------
  app.post('/sites/:siteId/holidays', { schema: { tags: adminTags, security: SECURITY.staff, summary: 'Site admin: close the site on a date, or open it on a holiday', params: c.siteParams, body: c.siteDayBody, response: { 201: c.holiday } } }, async (req, reply) =>
    reply.status(201).send(await addSiteDay(ctx, await caller(req), req.params.siteId, req.body)),
  );
  app.delete('/sites/:siteId/holidays/:holidayId', { schema: { tags: adminTags, security: SECURITY.staff, summary: "Site admin: remove one of the site's own days", params: c.holidayParams, response: { 204: noContent } } }, async (req, reply) => {
    await removeSiteDay(ctx, await caller(req), req.params.siteId, req.params.holidayId);
    return reply.status(204).send(null);
  });
  app.post('/holidays', { schema: { tags: adminTags, security: SECURITY.staff, summary: 'Platform admin: a national holiday or cuti bersama', body: c.nationalDayBody, response: { 201: c.holiday } } }, async (req, reply) =>
    reply.status(201).send(await addNationalDay(ctx, await caller(req), req.body)),
  );
  app.patch('/holidays/:id', { schema: { tags: adminTags, security: SECURITY.staff, summary: 'Platform admin: edit a national holiday or cuti bersama', params: c.idParams, body: c.updateNationalDayBody, response: { 200: c.holiday } } }, async (req) =>
    updateNationalDay(ctx, await caller(req), req.params.id, req.body),
  );
  app.delete('/holidays/:id', { schema: { tags: adminTags, security: SECURITY.staff, summary: 'Platform admin: remove a national holiday or cuti bersama', params: c.idParams, response: { 204: noContent } } }, async (req, reply) => {
    await removeNationalDay(ctx, await caller(req), req.params.id);
    return reply.status(204).send(null);
  });
  app.post('/holidays/seed', { schema: { tags: adminTags, security: SECURITY.staff, summary: 'Platform admin: load a year from the built-in list where missing', body: c.seedHolidaysBody, response: { 200: c.seededHolidays } } }, async (req) =>
    seedNationalYear(ctx, await caller(req), req.body.year),
  );

  // ---------- import / export ----------
  app.get(
    '/sites/:siteId/catalog/export',
    {
      schema: {
        tags: adminTags,
        security: SECURITY.staff,
        summary: 'The catalogue as JSON (the catalogFile schema) or an XLSX workbook',
        params: c.siteParams,
        querystring: c.transferQuery,
        produces: ['application/json', XLSX_TYPE],
        response: {
          200: { description: 'The catalogue file (an attachment)', content: { 'application/json': { schema: c.catalogFile }, ...fileResponse('', [XLSX_TYPE]).content } },
        },
      },
    },
    async (req, reply) => {
      const out = await exportCatalog(ctx, await caller(req), req.params.siteId, req.query.format);
      // Written here, not by the response schema: an export must never fail on an old row that a
      // schema of today would refuse (a serializer validates what it writes).
      const body = Buffer.isBuffer(out.body) ? out.body : JSON.stringify(out.body);
      return reply.type(out.contentType).header('content-disposition', `attachment; filename="${out.filename}"`).send(body as never);
    },
  );
  app.post(
    '/sites/:siteId/catalog/import',
    {
      schema: {
        tags: adminTags,
        security: SECURITY.staff,
        summary: `Import a catalogue: JSON body (catalogFile) or an XLSX workbook as the raw body (${XLSX_TYPE}). Every bad row is reported (400, errors: [{sheet,row,field,messages}]) and nothing is written.`,
        params: c.siteParams,
        querystring: c.importQuery,
        body: c.catalogFile,
        response: { 200: c.importResult },
      },
      bodyLimit: 10 * 1024 * 1024,
      // The file is checked row by row by the service (sheet/row errors), for JSON and XLSX alike.
      validatorCompiler: (route) => (route.httpPart === 'body' ? (data: unknown) => ({ value: data }) : zodValidator(route as never)),
    },
    async (req) => {
      const format = req.query.format ?? (Buffer.isBuffer(req.body) ? 'xlsx' : 'json');
      const dryRun = req.query.dryRun === '1' || req.query.dryRun === 'true';
      return importCatalog(ctx, await caller(req), req.params.siteId, { format, body: req.body, dryRun });
    },
  );
};
