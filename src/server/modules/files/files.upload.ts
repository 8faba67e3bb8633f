/**
 * The HTTP side of storing files: reading an upload off a multipart/form-data request. The parser
 * is registered only in a plugin that calls `acceptUploads` (not app-wide), and the file is read
 * only when a handler asks for it, after the caller is authorized (and, for a cookie session, the
 * CSRF header checked): an upload is streamed through busboy with a size limit, so a huge one is
 * cut off with 413 (at once when its Content-Length already says so) and never buffered whole.
 * Nothing here knows what a file is for: the caller's route brings the limit.
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { validatorCompiler as zodValidator } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, appError } from '../../platform/errors';
import { FILE_FIELD, fileMissing, fileTooLarge, type FilePolicy } from './files.service';
import { spoolStream } from './files.spool';

/** Room for the multipart boundaries and part headers around the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;

/** A file as it came in. */
export interface Upload {
  /** As the uploader named it (sanitized when stored). */
  filename: string | null | undefined;
  content: Buffer;
}

/**
 * Lets the routes of this plugin take one file per request, of at most `maxBytes` unless a route
 * asks for less (`readUpload`).
 */
export async function acceptUploads(app: FastifyInstance, maxBytes: number): Promise<void> {
  await app.register(multipart, {
    limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 1024, parts: 20, headerPairs: 100 },
    throwFileSizeLimit: true,
  });
}

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
export async function readUpload(req: FastifyRequest, maxBytes: number): Promise<Upload> {
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
export const refuseDeclaredOversize = (maxBytes: number) => async (req: FastifyRequest) => {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes + MULTIPART_OVERHEAD) throw fileTooLarge(maxBytes);
};

/** For the API docs: the form the upload is. */
export const uploadBody = (what: string) => z.object({ [FILE_FIELD]: z.string().meta({ format: 'binary' }).describe(what) }).optional();

/** The validator of an upload route: the body schema only documents the form; `readUpload` reads and checks the file. */
export const uploadValidator = (route: { httpPart?: string }) => (route.httpPart === 'body' ? (data: unknown) => ({ value: data }) : zodValidator(route as never));

/** How a download is answered: the ETag and If-None-Match of a stored file. */
/** The entity tag of a stored file: its SHA-256 (strong: the same bytes). */
export const etagOf = (sha256: string) => `"${sha256}"`;

/** Whether an If-None-Match header names the tag (weak comparison, as for GET, RFC 9110 §13.1.2). */
export function matchesNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}

/** An upload opened as a stream: the form fields sent before the file, and the file itself. */
export interface OpenUpload {
  fields: Record<string, string>;
  filename: string | null | undefined;
  stream: import('node:stream').Readable & { truncated?: boolean };
}

/**
 * Opens the one file of field `file` as a stream (at most `maxBytes`), with the text fields that
 * came before it in the form. Nothing is read of the file yet: the caller checks the fields, then
 * streams it (files.spool `spoolStream`, through `spoolUpload` for the problems).
 */
export async function openUpload(req: FastifyRequest, maxBytes: number): Promise<OpenUpload> {
  try {
    const part = await req.file({ limits: { fileSize: maxBytes + 1 } });
    if (!part) throw fileMissing();
    if (part.fieldname !== FILE_FIELD) {
      part.file.resume();
      throw fileMissing();
    }
    const fields: Record<string, string> = {};
    for (const [name, f] of Object.entries(part.fields)) {
      const one = Array.isArray(f) ? f[0] : f;
      if (one && one.type === 'field' && typeof one.value === 'string') fields[name] = one.value;
    }
    return { fields, filename: part.filename, stream: part.file };
  } catch (err) {
    throw problemOf(err, maxBytes);
  }
}

/** Streams an opened upload into a sealed spool (files.spool), with the parser's failures as problems. */
export async function spoolUpload(ctx: Parameters<typeof spoolStream>[0], upload: OpenUpload, policy: FilePolicy) {
  try {
    return await spoolStream(ctx, upload.stream, policy, upload.filename);
  } catch (err) {
    throw problemOf(err, policy.maxBytes);
  }
}
