/**
 * Staff, through a consent only (DESIGN §7): the routes an officer of the consent's agency uses
 * with a share code. Staff sessions only (access's callerOf); a citizen token is a 401 here.
 */
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as c from '../../../contracts/citizens';
import type { AppContext } from '../../platform/context';
import { fileResponse, SECURITY } from '../../platform/openapi';
import { callerOf } from '../access/access.lookup';
import { acceptUploads, contentDisposition, openUpload, refuseDeclaredOversize, uploadBody, uploadValidator } from '../files/files.lookup';
import { issueShared, openShared, reviewShared, sharedContent, verifySharedNik } from './shared.service';
import { DOCUMENT_MAX_BYTES } from './wallet.service';

const tags = ['shared'];
const security = SECURITY.staff;
const FILE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
const contentQuery = z.object({ watermark: z.enum(['0', '1']).default('0').describe('1: the viewer\'s PDF, stamped with the agency and the time') });

export const sharedRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  app.get('/shared/:shareCode', { schema: { tags, summary: "Staff of the consent's agency: the citizen's name, masked NIK and the shared documents; 404 for other staff, after revocation or expiry (logged)", security, params: c.shareParams, response: { 200: c.sharedView } } }, async (req) =>
    openShared(ctx, await callerOf(ctx, req), req.params.shareCode),
  );

  app.get('/shared/:shareCode/documents/:documentId/content', { schema: { tags, summary: 'A shared document (each read is logged for the citizen and in the audit log); watermark=1 gives the stamped PDF of the viewer', security, params: c.sharedDocParams, querystring: contentQuery, produces: FILE_TYPES, response: { 200: fileResponse('The document, or its stamped PDF', FILE_TYPES) } } }, async (req, reply) => {
    const out = await sharedContent(ctx, await callerOf(ctx, req), req.params.shareCode, req.params.documentId, req.query.watermark === '1');
    reply.header('cache-control', 'private, no-store').header('x-content-type-options', 'nosniff');
    // The console frames this address to show the document inline: a policy of its own, with
    // nothing to run and framing by this origin only (the app's object-src 'none' would stop the
    // browser's PDF viewer).
    reply.header('content-security-policy', "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'self'");
    if (out.kind === 'buffer') {
      return reply.type('application/pdf').header('content-disposition', contentDisposition(out.meta.filename.replace(/\.[a-z]+$/i, '') + '.pdf').replace(/^attachment/, 'inline')).send(out.content);
    }
    return reply.type(out.meta.mediaType).header('content-disposition', contentDisposition(out.meta.filename)).header('content-length', out.meta.sizeBytes).send(out.stream as never);
  });

  app.post('/shared/:shareCode/documents/:documentId/review', { schema: { tags, summary: 'Mark a shared document verified (compared with the original) or rejected with a reason', security, params: c.sharedDocParams, body: c.reviewBody, response: { 200: c.citizenDocument } } }, async (req) =>
    reviewShared(ctx, await callerOf(ctx, req), req.params.shareCode, req.params.documentId, req.body),
  );

  app.post('/shared/:shareCode/nik-verification', { schema: { tags, summary: "Confirm the citizen's declared NIK after seeing the KTP", security, params: c.shareParams, response: { 200: c.nikConfirmed } } }, async (req) =>
    verifySharedNik(ctx, await callerOf(ctx, req), req.params.shareCode),
  );

  await app.register(async (plugin) => {
    await acceptUploads(plugin, DOCUMENT_MAX_BYTES);
    const up = plugin.withTypeProvider<ZodTypeProvider>();
    up.post(
      '/shared/:shareCode/documents',
      {
        schema: {
          tags,
          summary: "Issue a document into the citizen's wallet as the product of a service (status issued: verified by construction)",
          description: 'multipart/form-data: `documentTypeId` (a field before the file, or the query parameter) and `file` (PDF, JPEG or PNG, at most 10 MiB).',
          security,
          problems: [413, 415],
          consumes: ['multipart/form-data'],
          params: c.shareParams,
          querystring: c.uploadQuery,
          body: uploadBody('PDF, JPEG or PNG'),
          response: { 201: c.citizenDocument },
        },
        validatorCompiler: uploadValidator,
        onRequest: refuseDeclaredOversize(DOCUMENT_MAX_BYTES),
      },
      async (req, reply) => {
        const caller = await callerOf(ctx, req);
        const upload = await openUpload(req, DOCUMENT_MAX_BYTES);
        return reply.status(201).send(await issueShared(ctx, caller, req.params.shareCode, upload, req.query.documentTypeId ?? upload.fields.documentTypeId));
      },
    );
  });
};
