import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as c from '../../../contracts/reports';
import type { Monthly } from '../../../contracts/reports';
import type { AppContext } from '../../platform/context';
import { fileResponse, jsonOrFileResponse, SECURITY, XLSX } from '../../platform/openapi';
import { callerOf } from '../access/access.lookup';
import { monthlyCsv, monthlyPdf, monthlyXlsx, summaryCsv, summaryXlsx } from './export';
import { getNotes, keepMonthly, keptMonthlyFor, listArchive, monthlyFor, saveNotes } from './monthly.service';
import { getReportSettings, updateReportSettings } from './settings.service';
import { summaryFor } from './summary.service';
import { transparencyOf } from './transparency.service';

const tags = ['reports'];
const FILES = ['text/csv', XLSX, 'application/pdf'];
const TYPE = { csv: 'text/csv; charset=utf-8', xlsx: XLSX, pdf: 'application/pdf' } as const;

/** The monthly report in the asked format: JSON through its schema, or a file to download. */
async function sendMonthly(reply: FastifyReply, m: Monthly, format: (typeof c.REPORT_FORMATS)[number]) {
  if (format === 'json') return m;
  const body = format === 'csv' ? monthlyCsv(m) : format === 'xlsx' ? await monthlyXlsx(m) : await monthlyPdf(m);
  const slug = m.summary.site.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return reply.type(TYPE[format]).header('content-disposition', `attachment; filename="laporan-${slug}-${m.month}.${format}"`).send(body);
}

export const reportsRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const caller = (req: FastifyRequest) => callerOf(ctx, req);

  app.get('/sites/:siteId/reports/summary', { schema: { tags, summary: 'Staff: figures of the MPP, an agency, service, counter or officer over a period (DESIGN §7); agency admins see their agency, officers their own', security: SECURITY.staff, params: c.siteParams, querystring: c.summaryQuery, response: { 200: c.summary } } }, async (req) =>
    summaryFor(ctx, await caller(req), req.params.siteId, req.query),
  );
  app.get('/sites/:siteId/reports/summary/export', { schema: { tags, summary: 'Staff: the summary as CSV or XLSX (a sheet per table)', security: SECURITY.staff, params: c.siteParams, querystring: c.summaryQuery.extend({ format: z.enum(['csv', 'xlsx']) }), produces: ['text/csv', XLSX], response: { 200: fileResponse('The summary', ['text/csv', XLSX]) } } }, async (req, reply) => {
    const { format, ...q } = req.query;
    const s = await summaryFor(ctx, await caller(req), req.params.siteId, q);
    const body = format === 'csv' ? summaryCsv(s) : await summaryXlsx(s);
    return reply.type(TYPE[format]).header('content-disposition', `attachment; filename="ringkasan-${s.from}_${s.to}.${format}"`).send(body);
  });
  app.get('/sites/:siteId/reports/monthly', { schema: { tags, summary: 'Staff: the monthly report to the ministry and the regional government, live (DESIGN §7): JSON, CSV, XLSX or PDF', security: SECURITY.staff, params: c.siteParams, querystring: c.monthlyQuery, produces: ['application/json', ...FILES], response: { 200: jsonOrFileResponse('The monthly report', c.monthly, FILES) } } }, async (req, reply) =>
    sendMonthly(reply, await monthlyFor(ctx, await caller(req), req.params.siteId, req.query), req.query.format),
  );
  app.get('/sites/:siteId/reports/monthly/:month/notes', { schema: { tags, summary: "Staff: the operator's notes of a month", security: SECURITY.staff, params: c.notesParams, response: { 200: c.notesResponse } } }, async (req) =>
    getNotes(ctx, await caller(req), req.params.siteId, req.params.month),
  );
  app.put('/sites/:siteId/reports/monthly/:month/notes', { schema: { tags, summary: "Site admin: the operator's notes of a month (the report's last section)", security: SECURITY.staff, params: c.notesParams, body: c.notesBody, response: { 200: c.notesResponse } } }, async (req) =>
    saveNotes(ctx, await caller(req), req.params.siteId, req.params.month, req.body.notes),
  );
  app.get('/sites/:siteId/reports/archive', { schema: { tags, summary: 'Staff: the monthly reports kept (automatically on the 1st, or by the operator)', security: SECURITY.staff, params: c.siteParams, response: { 200: z.array(c.archiveItem) } } }, async (req) =>
    listArchive(ctx, await caller(req), req.params.siteId),
  );
  app.post('/sites/:siteId/reports/archive/:month', { schema: { tags, summary: 'Site admin: keep the report of a month that is over as it stands now (replaces the kept one)', security: SECURITY.staff, problems: [409], params: c.notesParams, response: { 201: c.archiveItem } } }, async (req, reply) =>
    reply.status(201).send(await keepMonthly(ctx, await caller(req), req.params.siteId, req.params.month)),
  );
  app.get('/sites/:siteId/reports/archive/:month', { schema: { tags, summary: 'Staff: a kept monthly report as it was generated: JSON, CSV, XLSX or PDF', security: SECURITY.staff, params: c.notesParams, querystring: c.monthlyQuery.pick({ format: true }), produces: ['application/json', ...FILES], response: { 200: jsonOrFileResponse('The kept report', c.monthly, FILES) } } }, async (req, reply) =>
    sendMonthly(reply, await keptMonthlyFor(ctx, await caller(req), req.params.siteId, req.params.month), req.query.format),
  );
  app.get('/sites/:siteId/reports/settings', { schema: { tags, summary: "Staff: the site's target wait and the monthly report's indicators", security: SECURITY.staff, params: c.siteParams, response: { 200: c.settingsSchema } } }, async (req) =>
    getReportSettings(ctx, await caller(req), req.params.siteId),
  );
  app.put('/sites/:siteId/reports/settings', { schema: { tags, summary: "Site admin: the target wait and the monthly report's indicators (the ministry's template is not published)", security: SECURITY.staff, params: c.siteParams, body: c.settingsBody, response: { 200: c.settingsSchema } } }, async (req) =>
    updateReportSettings(ctx, await caller(req), req.params.siteId, req.body),
  );
  app.get('/sites/:siteId/transparency', { schema: { tags, summary: "Public: the MPP's published results of a month that is over (visitors, wait per agency, IKM, complaints)", security: SECURITY.none, params: c.siteParams, querystring: z.object({ month: c.monthKey.optional() }), response: { 200: c.transparency } } }, async (req) =>
    transparencyOf(ctx, req.params.siteId, req.query),
  );
};
