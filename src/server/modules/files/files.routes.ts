/**
 * Routes that take and give files. multipart/form-data is parsed only in this plugin, and only
 * when a handler asks for the file, after the caller is authorized (and, for a cookie session,
 * the CSRF header checked): an upload is streamed through busboy with a size limit, so a huge one
 * is cut off with 413 (at once when its Content-Length already says so) and never buffered whole.
 */
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { validatorCompiler as zodValidator, type FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { AppError, appError } from '../../platform/errors';
import { callerOf } from '../access/caller';
import { getAgencyLogo, getAgreementDocument, putAgencyFile, removeAgencyFile, type AgencyFileSlot, type Upload } from '../catalog/agencies.service';
import * as c from '../catalog/catalog.contracts';
import { AGREEMENT_MAX_BYTES, contentDisposition, FILE_FIELD, fileMissing, fileTooLarge, LOGO_MAX_BYTES } from './files.service';

const tags = ['catalog admin'];
/** Room for the multipart boundaries and part headers around the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;

const uploadProblem = (id: string, en: string, code: string, problem: 'validation_failed' | 'unsupported_media_type' | 'payload_too_large' = 'validation_failed') =>
  appError(problem, { messages: { id, en }, errors: [{ field: FILE_FIELD, code, messages: { id, en } }] });

/** What the multipart parser throws, as the problem it stands for. */
function problemOf(err: unknown, maxBytes: number): unknown {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string } | null)?.code;
  switch (code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return fileTooLarge(maxBytes);
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return uploadProblem('Kirim berkas sebagai multipart/form-data pada kolom "file".', 'Send the file as multipart/form-data in the "file" field.', 'not_multipart', 'unsupported_media_type');
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return uploadProblem('Kirim satu berkas saja.', 'Send one file only.', 'too_many_parts', 'payload_too_large');
    default:
      // Anything else busboy refuses is a malformed request body.
      return uploadProblem('Isi unggahan tidak dapat dibaca. Coba unggah lagi.', 'The upload could not be read. Try again.', 'malformed');
  }
}

/**
 * Reads the one file of field `file` into memory (at most `maxBytes`; more is refused, not kept).
 * busboy cuts the stream at its limit and only flags it (`truncated`); @fastify/multipart's
 * `toBuffer` misses the flag when it is set after the last chunk was read, and a file a little
 * over the limit came back cut to exactly the limit, as if whole. So the parser is allowed one
 * byte more than the limit and the size is judged here: more than `maxBytes` is always a 413.
 */
async function readUpload(req: FastifyRequest, maxBytes: number): Promise<Upload> {
  try {
    const part = await req.file({ limits: { fileSize: maxBytes + 1 } });
    if (!part) throw fileMissing();
    if (part.fieldname !== FILE_FIELD) {
      part.file.resume();
      throw fileMissing();
    }
    const content = await part.toBuffer();
    if (content.length > maxBytes || part.file.truncated) throw fileTooLarge(maxBytes);
    return { filename: part.filename, content };
  } catch (err) {
    throw problemOf(err, maxBytes);
  }
}

/** Refuses an upload whose declared length is already too large, before its body is read. */
const refuseDeclaredOversize = (maxBytes: number) => async (req: FastifyRequest) => {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes + MULTIPART_OVERHEAD) throw fileTooLarge(maxBytes);
};

/** For the API docs: the form the upload is. */
const uploadBody = (what: string) => z.object({ [FILE_FIELD]: z.string().meta({ format: 'binary' }).describe(what) }).optional();

/** An agency's file, as its routes describe it. */
interface AgencyFileRoutes {
  slot: AgencyFileSlot;
  path: string;
  maxBytes: number;
  /** e.g. "PDF, JPG or PNG". */
  types: string;
  summaries: { put: string; delete: string };
}

/** The entity tag of a stored file: its SHA-256 (strong: the same bytes). */
const etagOf = (sha256: string) => `"${sha256}"`;

/** Whether an If-None-Match header names the tag (weak comparison, as for GET, RFC 9110 §13.1.2). */
function matchesNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}

export const filesRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  await app.register(multipart, {
    // The defaults of every multipart route here; a route may lower fileSize.
    limits: { fileSize: AGREEMENT_MAX_BYTES, files: 1, fields: 10, fieldSize: 1024, parts: 20, headerPairs: 100 },
    throwFileSizeLimit: true,
  });

  /** PUT uploads or replaces, DELETE unlinks: authorized like editing the agency, audited. */
  const agencyFileRoutes = ({ slot, path, maxBytes, types, summaries }: AgencyFileRoutes) => {
    const sizes = `${types}, at most ${maxBytes / (1024 * 1024)} MiB, checked from the content`;
    app.put(
      path,
      {
        schema: {
          tags,
          summary: summaries.put,
          description: `multipart/form-data with the file in the field \`file\` (${sizes}); stored encrypted. Cookie sessions send the CSRF header. 200: the agency. Problems: 400 file.missing, 413 file.too_large, 415 file.type_not_allowed (each naming the field \`file\`); nothing is written then.`,
          consumes: ['multipart/form-data'],
          params: c.agencyFileParams,
          body: uploadBody(types),
          response: { 200: c.adminAgency },
        },
        // The body schema only documents the form; the handler reads and checks the file itself.
        validatorCompiler: (route) => (route.httpPart === 'body' ? (data: unknown) => ({ value: data }) : zodValidator(route as never)),
        onRequest: refuseDeclaredOversize(maxBytes),
      },
      async (req) => putAgencyFile(ctx, await callerOf(ctx, req), slot, req.params.siteId, req.params.agencyId, () => readUpload(req, maxBytes)),
    );
    app.delete(
      path,
      { schema: { tags, summary: summaries.delete, params: c.agencyFileParams, response: { 200: c.adminAgency } } },
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
        params: c.agencyFileParams,
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
        params: c.agencyFileParams,
        querystring: z.object({ v: z.string().max(64).optional().describe('Cache buster; ignored') }),
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
      if (matchesNoneMatch(req.headers['if-none-match'], etag)) return reply.status(304).send();
      const content = await logo.content();
      return reply.type(logo.mediaType).header('content-length', String(content.length)).send(content);
    },
  );
};
