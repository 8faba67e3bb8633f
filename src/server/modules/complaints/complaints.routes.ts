import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as c from '../../../contracts/complaints';
import type { AppContext } from '../../platform/context';
import { fileResponse, SECURITY } from '../../platform/openapi';
import { callerOf } from '../access/access.lookup';
import { acceptUploads, contentDisposition, readUpload, refuseDeclaredOversize, uploadBody, uploadValidator } from '../files/files.lookup';
import { ATTACHMENT_MAX_BYTES, attachByReporter, attachByStaff, reporterAttachment, staffAttachment } from './attachments.service';
import { complaintDetail, listComplaints, setLaporTicket, staffMessage } from './board.service';
import { exportComplaints } from './export.service';
import { figuresForCaller } from './figures.service';
import { fileComplaint } from './file.service';
import { complaintByCode, reopenByCode, reporterReply } from './track.service';
import { assignComplaint, transitionComplaint } from './workflow.service';

const tags = ['complaints'];
const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'];
const uploadDescription = `multipart/form-data with the file in the field \`file\` (JPG, PNG, WebP or PDF, at most ${ATTACHMENT_MAX_BYTES / (1024 * 1024)} MiB, checked from the content); stored encrypted. 413 file.too_large, 415 file.type_not_allowed; nothing is written then.`;

function sendFile(reply: FastifyReply, file: { mediaType: string; filename: string; content: Buffer }) {
  return reply
    .type(file.mediaType)
    .header('content-disposition', contentDisposition(file.filename))
    .header('content-length', String(file.content.length))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(file.content);
}

/** Complaint handling (docs/complaints.md). Public filing and tracking; the board for staff. */
export const complaintsRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const caller = (req: FastifyRequest) => callerOf(ctx, req);
  await acceptUploads(app, ATTACHMENT_MAX_BYTES);

  // ---------- public: filing and tracking ----------
  app.post('/sites/:siteId/complaints', { schema: { tags, summary: 'File a complaint (DESIGN §7): public, or an officer for a walk-in; throttled per address and contact (429)', security: SECURITY.optional, problems: [429], params: c.siteParams, body: c.fileBody, response: { 201: c.filedResponse } } }, async (req, reply) =>
    reply.status(201).send(await fileComplaint(ctx, await caller(req), req.params.siteId, req.body)),
  );
  app.get('/complaints/by-code/:trackingCode', { schema: { tags, summary: 'A complaint by its tracking code (DESIGN §7): status, deadlines, public replies; no identity', security: SECURITY.none, problems: [429], params: c.codeParams, response: { 200: c.publicComplaint } } }, async (req) =>
    complaintByCode(ctx, await caller(req), req.params.trackingCode),
  );
  app.post('/complaints/by-code/:trackingCode/replies', { schema: { tags, summary: 'The reporter replies in the conversation', security: SECURITY.none, problems: [429], params: c.codeParams, body: c.replyBody, response: { 200: c.publicComplaint } } }, async (req) =>
    reporterReply(ctx, await caller(req), req.params.trackingCode, req.body.text),
  );
  app.post('/complaints/by-code/:trackingCode/reopen', { schema: { tags, summary: 'The reporter reopens a responded or closed complaint, once, with a reason', security: SECURITY.none, problems: [429], params: c.codeParams, body: c.reopenBody, response: { 200: c.publicComplaint } } }, async (req) =>
    reopenByCode(ctx, await caller(req), req.params.trackingCode, req.body.reason),
  );
  app.post(
    '/complaints/by-code/:trackingCode/attachments',
    {
      schema: { tags, summary: 'The reporter attaches a photo or PDF (while the complaint is open)', description: uploadDescription, security: SECURITY.none, problems: [413, 415, 429], consumes: ['multipart/form-data'], params: c.codeParams, body: uploadBody('JPG, PNG, WebP or PDF'), response: { 201: c.uploadedAttachment } },
      validatorCompiler: uploadValidator,
      onRequest: refuseDeclaredOversize(ATTACHMENT_MAX_BYTES),
    },
    async (req, reply) => reply.status(201).send(await attachByReporter(ctx, await caller(req), req.params.trackingCode, () => readUpload(req, ATTACHMENT_MAX_BYTES))),
  );
  app.get('/complaints/by-code/:trackingCode/attachments/:fileId', { schema: { tags, summary: 'The reporter downloads a public attachment', security: SECURITY.none, problems: [429], params: c.codeFileParams, produces: ATTACHMENT_TYPES, response: { 200: fileResponse('The attachment', ATTACHMENT_TYPES) } } }, async (req, reply) =>
    sendFile(reply, await reporterAttachment(ctx, await caller(req), req.params.trackingCode, req.params.fileId)),
  );

  // ---------- the workflow (staff, or the reporter closing with the tracking code) ----------
  app.post('/complaints/:id/transition', { schema: { tags, summary: 'Move a complaint (DESIGN §7): the desk verifies (agencyId) or forwards (not_authority), the agency responds, the desk or the reporter (trackingCode) closes; 409 when no longer possible', security: SECURITY.optional, problems: [429], params: c.idParams, body: c.transitionBody, response: { 200: c.transitioned } } }, async (req) =>
    transitionComplaint(ctx, await caller(req), req.params.id, req.body),
  );

  app.post('/complaints/:id/assign', { schema: { tags, summary: 'The desk hands a verified complaint to another agency (a fresh response deadline)', security: SECURITY.staff, params: c.idParams, body: c.assignBody, response: { 200: c.transitioned } } }, async (req) =>
    assignComplaint(ctx, await caller(req), req.params.id, req.body.agencyId),
  );

  // ---------- the board (staff) ----------
  app.get('/sites/:siteId/complaints', { schema: { tags, summary: 'The complaints board (DESIGN §7): scoped to the caller; a confidential complaint never shows its reporter to the agency', security: SECURITY.staff, params: c.siteParams, querystring: c.listQuery, response: { 200: c.complaintPage } } }, async (req) =>
    listComplaints(ctx, await caller(req), req.params.siteId, req.query),
  );
  app.get('/sites/:siteId/complaints/export', { schema: { tags, summary: 'SP4N-LAPOR! export (DESIGN §7; fields in docs/complaints.md): lapor = JSON array of reports, csv; identity never for rahasia/anonim', security: SECURITY.staff, params: c.siteParams, querystring: c.exportQuery, produces: ['application/json', 'text/csv'], response: { 200: { description: 'The reports', content: { 'application/json': { schema: c.laporReport.array() }, ...fileResponse('', ['text/csv']).content } } } } }, async (req, reply) => {
    const out = await exportComplaints(ctx, await caller(req), req.params.siteId, req.query);
    reply.header('content-disposition', contentDisposition(out.filename)).header('cache-control', 'private, no-store');
    // Written here, as text: the declared JSON schema documents the reports (and lets tests read them).
    if ('reports' in out) return reply.type('application/json; charset=utf-8').send(JSON.stringify(c.laporReport.array().parse(out.reports)) as never);
    return reply.type('text/csv; charset=utf-8').send(out.csv as never);
  });
  app.get('/sites/:siteId/complaints/figures', { schema: { tags, summary: 'Figures per agency and month: received, verified and responded on time, median hours to the first reply, share followed up', security: SECURITY.staff, params: c.siteParams, querystring: c.figuresQuery, response: { 200: c.figuresResponse } } }, async (req) =>
    figuresForCaller(ctx, await caller(req), req.params.siteId, req.query),
  );
  app.get('/complaints/:id', { schema: { tags, summary: 'One complaint with its conversation, attachments and history, as the caller may see it', security: SECURITY.staff, params: c.idParams, response: { 200: c.complaintDetail } } }, async (req) =>
    complaintDetail(ctx, await caller(req), req.params.id),
  );
  app.post('/complaints/:id/messages', { schema: { tags, summary: 'A reply to the reporter (public), a staff note, or a desk-only note', security: SECURITY.staff, params: c.idParams, body: c.messageBody, response: { 200: c.complaintDetail } } }, async (req) =>
    staffMessage(ctx, await caller(req), req.params.id, req.body),
  );
  app.put('/complaints/:id/lapor', { schema: { tags, summary: 'The desk records the SP4N-LAPOR! ticket number of a complaint also filed there', security: SECURITY.staff, params: c.idParams, body: c.laporBody, response: { 200: c.complaintDetail } } }, async (req) =>
    setLaporTicket(ctx, await caller(req), req.params.id, req.body.ticketNumber),
  );
  app.post(
    '/complaints/:id/attachments',
    {
      schema: { tags, summary: 'Staff attach a file (a letter, a photo), public or as a note', description: uploadDescription, security: SECURITY.staff, problems: [413, 415], consumes: ['multipart/form-data'], params: c.idParams, querystring: c.attachmentQuery, body: uploadBody('JPG, PNG, WebP or PDF'), response: { 201: c.uploadedAttachment } },
      validatorCompiler: uploadValidator,
      onRequest: refuseDeclaredOversize(ATTACHMENT_MAX_BYTES),
    },
    async (req, reply) => reply.status(201).send(await attachByStaff(ctx, await caller(req), req.params.id, req.query.visibility, () => readUpload(req, ATTACHMENT_MAX_BYTES))),
  );
  app.get('/complaints/:id/attachments/:fileId', { schema: { tags, summary: 'Staff download an attachment (audited)', security: SECURITY.staff, params: c.idFileParams, produces: ATTACHMENT_TYPES, response: { 200: fileResponse('The attachment', ATTACHMENT_TYPES) } } }, async (req, reply) =>
    sendFile(reply, await staffAttachment(ctx, await caller(req), req.params.id, req.params.fileId)),
  );
};
