/**
 * The routes of an agency's files: its signed agreement (PKS / MoU, staff only, downloads audited)
 * and its logo (public). The catalogue owns what these files are and who may change them
 * (agencies.service); the files module stores them and reads the upload off the request.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as c from '../../../contracts/catalog';
import type { AppContext } from '../../platform/context';
import { fileResponse, noContent, SECURITY } from '../../platform/openapi';
import { callerOf } from '../access/access.lookup';
import { acceptUploads, contentDisposition, etagOf, matchesNoneMatch, readUpload, refuseDeclaredOversize, uploadBody, uploadValidator } from '../files/files.lookup';
import { AGREEMENT_MAX_BYTES, getAgencyLogo, getAgreementDocument, LOGO_MAX_BYTES, putAgencyFile, removeAgencyFile, type AgencyFileSlot } from './agencies.service';

const tags = ['catalog admin'];
/** What the stored files are, as their content is sniffed (documented per content type). */
const AGREEMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'];

/** An agency's file, as its routes describe it. */
interface AgencyFileRoutes {
  slot: AgencyFileSlot;
  path: string;
  maxBytes: number;
  /** e.g. "PDF, JPG or PNG". */
  types: string;
  summaries: { put: string; delete: string };
}

export const agencyFilesRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  // multipart/form-data is parsed in this plugin only; a route may lower the size (readUpload).
  await acceptUploads(app, Math.max(AGREEMENT_MAX_BYTES, LOGO_MAX_BYTES));

  /** PUT uploads or replaces, DELETE unlinks: authorized like editing the agency, audited. */
  const agencyFileRoutes = ({ slot, path, maxBytes, types, summaries }: AgencyFileRoutes) => {
    const sizes = `${types}, at most ${maxBytes / (1024 * 1024)} MiB, checked from the content`;
    app.put(
      path,
      {
        schema: {
          tags,
          summary: summaries.put,
          security: SECURITY.staff,
          problems: [413, 415],
          description: `multipart/form-data with the file in the field \`file\` (${sizes}); stored encrypted. Cookie sessions send the CSRF header. 200: the agency. Problems: 400 file.missing, 413 file.too_large, 415 file.type_not_allowed (each naming the field \`file\`); nothing is written then.`,
          consumes: ['multipart/form-data'],
          params: c.agencyFileParams,
          body: uploadBody(types),
          response: { 200: c.adminAgency },
        },
        // The body schema only documents the form; the handler reads and checks the file itself.
        validatorCompiler: uploadValidator,
        onRequest: refuseDeclaredOversize(maxBytes),
      },
      async (req) => putAgencyFile(ctx, await callerOf(ctx, req), slot, req.params.siteId, req.params.agencyId, () => readUpload(req, maxBytes)),
    );
    app.delete(
      path,
      { schema: { tags, summary: summaries.delete, security: SECURITY.staff, params: c.agencyFileParams, response: { 200: c.adminAgency } } },
      async (req) => removeAgencyFile(ctx, await callerOf(ctx, req), slot, req.params.siteId, req.params.agencyId),
    );
  };

  // ---------- the signed agreement (PKS / MoU) ----------
  const agreementPath = '/sites/:siteId/agencies/:agencyId/agreement-document';
  agencyFileRoutes({
    slot: 'agreement',
    path: agreementPath,
    maxBytes: AGREEMENT_MAX_BYTES,
    types: 'PDF, JPG or PNG',
    summaries: {
      put: 'Upload or replace the signed agreement (PKS / MoU) of an agency',
      delete: 'Unlink the signed agreement document from the agency (the stored file is kept for history)',
    },
  });

  app.get(
    agreementPath,
    {
      schema: {
        tags,
        summary: 'Download the signed agreement of an agency (audited)',
        description: 'The decrypted bytes with their sniffed content type, as an attachment. 404 when there is none.',
        security: SECURITY.staff,
        params: c.agencyFileParams,
        produces: AGREEMENT_TYPES,
        response: { 200: fileResponse('The signed agreement', AGREEMENT_TYPES) },
      },
    },
    async (req, reply) => {
      const file = await getAgreementDocument(ctx, await callerOf(ctx, req), req.params.siteId, req.params.agencyId);
      return reply
        .type(file.mediaType)
        .header('content-disposition', contentDisposition(file.filename))
        .header('content-length', String(file.content.length))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(file.content);
    },
  );

  // ---------- the logo (public) ----------
  const logoPath = '/sites/:siteId/agencies/:agencyId/logo';
  agencyFileRoutes({
    slot: 'logo',
    path: logoPath,
    maxBytes: LOGO_MAX_BYTES,
    types: 'PNG, JPG or WebP',
    summaries: { put: "Upload or replace an agency's logo", delete: "Unlink the agency's logo (the stored file is kept for history)" },
  });

  app.get(
    logoPath,
    {
      schema: {
        tags: ['catalog'],
        summary: "An agency's logo (public, no login)",
        description:
          'The decrypted image with its sniffed content type (PNG, JPEG or WebP). ETag is its SHA-256; If-None-Match → 304. Cacheable for 5 minutes; the views link it with ?v= (the start of the SHA-256), so a new logo is a new address. 404 when there is none.',
        security: SECURITY.none,
        params: c.agencyFileParams,
        querystring: z.object({ v: z.string().max(64).optional().describe('Cache buster; ignored') }),
        produces: LOGO_TYPES,
        response: { 200: fileResponse('The logo', LOGO_TYPES), 304: noContent.describe('Not modified (If-None-Match names its ETag)') },
      },
    },
    async (req, reply) => {
      const logo = await getAgencyLogo(ctx, req.params.siteId, req.params.agencyId);
      const etag = etagOf(logo.sha256);
      reply
        .header('etag', etag)
        .header('cache-control', 'public, max-age=300')
        .header('x-content-type-options', 'nosniff')
        // Opened on its own, the image runs nothing and loads nothing.
        .header('content-security-policy', "default-src 'none'");
      if (matchesNoneMatch(req.headers['if-none-match'], etag)) return reply.status(304).send(null);
      const content = await logo.content();
      return reply.type(logo.mediaType).header('content-length', String(content.length)).send(content);
    },
  );
};
