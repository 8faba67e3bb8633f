/**
 * The province view's routes (DESIGN §7 "Province view"): thin, one service call each. Reading is
 * for platform admins and auditors of the whole platform; every change is a platform admin's.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as c from '../../../contracts/establishment';
import type { MppDocumentKind, MppStage } from '../../../domain/establishment';
import type { AppContext } from '../../platform/context';
import { fileResponse, SECURITY, XLSX } from '../../platform/openapi';
import { callerOf } from '../access/access.lookup';
import { acceptUploads, contentDisposition, readUpload, refuseDeclaredOversize, uploadBody, uploadValidator } from '../files/files.lookup';
import { addDocument, DOCUMENT_MAX_BYTES, documentContent, removeDocument } from './documents.service';
import { exportProvince } from './export.service';
import { updateChecklist, updatePlan } from './record.service';
import { createSiteFromRecord } from './site.service';
import { changeStage } from './stage.service';
import { listProvinces, mppRecord, provinceView } from './view.service';

const tags = ['province'];
const DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];

export const establishmentRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  await acceptUploads(app, DOCUMENT_MAX_BYTES);
  const caller = (req: Parameters<typeof callerOf>[1]) => callerOf(ctx, req);

  app.get('/regions', { schema: { tags, summary: 'The provinces of Indonesia (Kemendagri codes) with their zone and number of kabupaten/kota', security: SECURITY.staff, response: { 200: z.array(c.provinceSummary) } } }, async (req) =>
    listProvinces(ctx, await caller(req)),
  );

  app.get('/regions/:provinceCode/mpp', { schema: { tags, summary: "Every kabupaten/kota of a province with its MPP's stage, next planned step and, once operating, its figures (DESIGN §7)", security: SECURITY.staff, params: c.provinceParams, response: { 200: z.array(c.regionMpp) } } }, async (req) =>
    provinceView(ctx, await caller(req), req.params.provinceCode),
  );

  app.get('/regions/:provinceCode/mpp/export', { schema: { tags, summary: 'The province view for the ministry as XLSX or PDF, each figure with its source and as-of date (audited)', security: SECURITY.staff, params: c.provinceParams, querystring: c.exportQuery, produces: [XLSX, 'application/pdf'], response: { 200: fileResponse('The province view', [XLSX, 'application/pdf']) } } }, async (req, reply) => {
    const file = await exportProvince(ctx, await caller(req), req.params.provinceCode, req.query.format);
    return reply.type(file.type).header('content-disposition', contentDisposition(file.filename)).header('cache-control', 'private, no-store').send(file.body);
  });

  app.get('/regions/:regencyCode/mpp/record', { schema: { tags, summary: 'The MPP of one kabupaten/kota: stage, plan, checklists, evidence documents and history', security: SECURITY.staff, params: c.regencyParams, response: { 200: c.mppRecord } } }, async (req) =>
    mppRecord(ctx, await caller(req), req.params.regencyCode),
  );

  app.post('/regions/:regencyCode/mpp/stage', { schema: { tags, summary: 'Move the MPP to the next stage, or one back with a reason (DESIGN §7): 409 when a stage is skipped; 400 for a date in the future or before the current stage', security: SECURITY.staff, params: c.regencyParams, body: c.stageBody, response: { 200: c.mppRecord } } }, async (req) =>
    changeStage(ctx, await caller(req), req.params.regencyCode, { ...req.body, stage: req.body.stage as MppStage }),
  );

  app.put('/regions/:regencyCode/mpp/plan', { schema: { tags, summary: 'Planned date of each stage (a late stage shows as late) and the plan note', security: SECURITY.staff, params: c.regencyParams, body: c.planBody, response: { 200: c.mppRecord } } }, async (req) =>
    updatePlan(ctx, await caller(req), req.params.regencyCode, req.body),
  );

  app.put('/regions/:regencyCode/mpp/checklist', { schema: { tags, summary: 'Entered values of the stage checklists (document items follow the uploaded evidence)', security: SECURITY.staff, params: c.regencyParams, body: c.checklistBody, response: { 200: c.mppRecord } } }, async (req) =>
    updateChecklist(ctx, await caller(req), req.params.regencyCode, req.body.values),
  );

  app.post(
    '/regions/:regencyCode/mpp/documents',
    {
      schema: {
        tags,
        summary: 'Upload an evidence document of a reached stage (PDF, JPG or PNG, at most 10 MiB, stored encrypted)',
        description: 'multipart/form-data with the file in the field `file`; what it is in the query (`kind`, and `agencyName` for a PKS). 409 establishment.stage_not_reached for a stage not reached yet; 413/415 for a file refused (nothing is written then).',
        security: SECURITY.staff,
        problems: [413, 415],
        consumes: ['multipart/form-data'],
        params: c.regencyParams,
        querystring: c.documentQuery,
        body: uploadBody('PDF, JPG or PNG, at most 10 MiB'),
        response: { 200: c.mppRecord },
      },
      validatorCompiler: uploadValidator,
      onRequest: refuseDeclaredOversize(DOCUMENT_MAX_BYTES),
    },
    async (req) => addDocument(ctx, await caller(req), req.params.regencyCode, { ...req.query, kind: req.query.kind as MppDocumentKind }, () => readUpload(req, DOCUMENT_MAX_BYTES)),
  );

  app.get('/regions/:regencyCode/mpp/documents/:documentId/content', { schema: { tags, summary: 'Download an evidence document (audited)', security: SECURITY.staff, params: c.documentParams, produces: DOCUMENT_TYPES, response: { 200: fileResponse('The document', DOCUMENT_TYPES) } } }, async (req, reply) => {
    const file = await documentContent(ctx, await caller(req), req.params.regencyCode, req.params.documentId);
    return reply
      .type(file.mediaType)
      .header('content-disposition', contentDisposition(file.filename))
      .header('content-length', String(file.content.length))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(file.content);
  });

  app.delete('/regions/:regencyCode/mpp/documents/:documentId', { schema: { tags, summary: 'Unlink an evidence document (the stored file is kept for history)', security: SECURITY.staff, params: c.documentParams, response: { 200: c.mppRecord } } }, async (req) =>
    removeDocument(ctx, await caller(req), req.params.regencyCode, req.params.documentId),
  );

  app.post('/regions/:regencyCode/mpp/site', { schema: { tags, summary: "Create the MPP's site in the catalogue from its record (from uji coba on) and link it", security: SECURITY.staff, params: c.regencyParams, body: c.siteBody, response: { 201: c.mppRecord } } }, async (req, reply) =>
    reply.status(201).send(await createSiteFromRecord(ctx, await caller(req), req.params.regencyCode, req.body)),
  );
};
