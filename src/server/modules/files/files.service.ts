/**
 * Uploaded files, stored encrypted in the database (stored_files). The content is checked before
 * anything is written: its real type is sniffed from the bytes (the name and the type the upload
 * claims are ignored) and must be one the caller's policy allows, and its size must be within the
 * policy's limit. Other modules call `storeFile` inside their own transaction, so a file and the
 * record that points to it commit together.
 *
 * A storage service, not a use case: it knows nothing of what a file is for. Callers authorize
 * first and bring the purpose (a label kept with the file) and its policy.
 */
import { fileTypeFromBuffer } from 'file-type';
import { uuidv7 } from 'uuidv7';
import { FILES_ERRORS } from '../../../contracts/errors';
import type { AppContext } from '../../platform/context';
import { decryptBytes, encryptBytes, sha256Bytes } from '../../platform/crypto';
import { ambientConn, type Conn } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { filesError } from './files.errors';
import * as repo from './files.repository';

export type { StoredFileMeta } from './files.repository';

/** What a caller accepts for one purpose of its files. */
export interface FilePolicy {
  maxBytes: number;
  /** Allowed media types (as sniffed) → the file name extensions that go with each, first preferred. */
  types: Record<string, readonly string[]>;
}

/** The name of the multipart field (and of the field named in problems). */
export const FILE_FIELD = 'file';

const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
/** How a type is named in messages when its upper-cased extension is not the usual spelling. */
const TYPE_LABELS: Record<string, string> = { webp: 'WebP' };
const typeLabels = (p: FilePolicy) => Object.values(p.types).map((exts) => TYPE_LABELS[exts[0]] ?? exts[0].toUpperCase());
const list = (items: string[], and: string) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`);

type Messages = { id: string; en: string };
/** The catalogue's message of `code` followed by the specific one, and that one on the file field. */
function fileDetails(code: keyof typeof FILES_ERRORS, fieldCode: string, messages: Messages) {
  const base = FILES_ERRORS[code];
  return {
    messages: { id: `${base.id} ${messages.id}`, en: `${base.en} ${messages.en}` },
    errors: [{ field: FILE_FIELD, code: fieldCode, messages }],
  };
}

/** 400 `file.missing`: no file part, or an empty one. */
export const fileMissing = (empty = false) =>
  filesError(
    'file.missing',
    fileDetails(
      'file.missing',
      empty ? 'empty' : 'missing',
      empty ? { id: 'Berkas yang dipilih kosong.', en: 'The chosen file is empty.' } : { id: 'Pilih berkas untuk diunggah.', en: 'Choose a file to upload.' },
    ),
  );

/** 413 `file.too_large`, naming the limit. */
export const fileTooLarge = (maxBytes: number) =>
  filesError('file.too_large', {
    ...fileDetails('file.too_large', 'too_large', { id: `Ukuran maksimal ${megabytes(maxBytes)}.`, en: `The limit is ${megabytes(maxBytes)}.` }),
    extra: { maxBytes },
  });

/** 415 `file.type_not_allowed`, naming the types the purpose takes. */
export const fileTypeNotAllowed = (policy: FilePolicy, found?: string) =>
  filesError('file.type_not_allowed', {
    ...fileDetails('file.type_not_allowed', 'type_not_allowed', {
      id: `Hanya berkas ${list(typeLabels(policy), 'atau')} yang diterima (isi berkas yang diperiksa, bukan namanya).`,
      en: `Only ${list(typeLabels(policy), 'or')} files are accepted (the content is checked, not the name).`,
    }),
    extra: { allowedTypes: Object.keys(policy.types), ...(found ? { detectedType: found } : {}) },
  });

/**
 * Checks content against a policy: not empty, within the size limit, and of an allowed type as
 * sniffed from the bytes. Returns the sniffed media type; throws the problem otherwise.
 */
export async function checkContent(policy: FilePolicy, content: Uint8Array): Promise<{ mediaType: string; extensions: readonly string[] }> {
  if (content.length === 0) throw fileMissing(true);
  if (content.length > policy.maxBytes) throw fileTooLarge(policy.maxBytes);
  const sniffed = await fileTypeFromBuffer(content);
  const extensions = sniffed ? policy.types[sniffed.mime] : undefined;
  if (!sniffed || !extensions) throw fileTypeNotAllowed(policy, sniffed?.mime);
  return { mediaType: sniffed.mime, extensions };
}

const FILENAME_MAX = 120;
// C0/C1 controls, zero-width and bidirectional formatting characters (they can disguise an
// extension: "invoice\u202Efdp.exe").
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/**
 * A file name safe to show and to offer in Content-Disposition: the last path segment only, no
 * control or formatting characters, no characters reserved on common file systems, no leading
 * dots, at most 120 characters (the extension kept). When `extensions` is given and the name does
 * not end in one of them, the first is appended, so the name matches the sniffed content.
 */
export function sanitizeFilename(raw: string | null | undefined, extensions?: readonly string[]): string {
  let name = (raw ?? '').normalize('NFC');
  name = name.split(/[\\/]/).pop() ?? '';
  name = name.replace(INVISIBLE, '').replace(/[<>:"|?*]/g, '_').replace(/\s+/g, ' ').trim().replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  if (!name) name = 'dokumen';
  if (extensions?.length) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
    if (!extensions.includes(ext)) name = `${name}.${extensions[0]}`;
  }
  const chars = Array.from(name);
  if (chars.length <= FILENAME_MAX) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 11 ? Array.from(name.slice(dot)) : [];
  return chars.slice(0, FILENAME_MAX - ext.length).join('').trimEnd() + ext.join('');
}

/** `attachment` with an ASCII fallback name and the exact name as RFC 5987 UTF-8. */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** The sealed content is bound to its row: bytes copied to another row do not decrypt. */
const aadOf = (id: string) => `stored_files:${id}`;

export interface StoreFileInput {
  siteId: string | null;
  /** What the file is for (kept with it, e.g. "agency.logo"). */
  purpose: string;
  /** What that purpose accepts (types and size). */
  policy: FilePolicy;
  /** As the uploader named it; sanitized before it is stored. */
  filename: string | null | undefined;
  content: Buffer;
  /** The staff user who uploaded it. */
  createdBy: string | null;
}

/**
 * Checks `content` (see `checkContent`), then writes it encrypted with its metadata, in the
 * caller's transaction `tx`. Nothing is written when a check fails.
 */
export async function storeFile(tx: Conn, ctx: Pick<AppContext, 'keys' | 'clock'>, input: StoreFileInput): Promise<repo.StoredFileMeta> {
  const { mediaType, extensions } = await checkContent(input.policy, input.content);
  const id = uuidv7();
  return repo.insertFile(tx, {
    id,
    siteId: input.siteId,
    purpose: input.purpose,
    filename: sanitizeFilename(input.filename, extensions),
    mediaType,
    sizeBytes: input.content.length,
    sha256: sha256Bytes(input.content),
    contentEnc: encryptBytes(ctx.keys.files, input.content, aadOf(id)),
    createdAt: ctx.clock.now(),
    createdBy: input.createdBy,
  });
}

/** A file's metadata and its decrypted content; 404 when there is no such file. */
export async function readFile(ctx: Pick<AppContext, 'keys' | 'db'>, id: string, conn: Conn = ambientConn(ctx.db)): Promise<repo.StoredFileMeta & { content: Buffer }> {
  const row = await repo.findFile(conn, id);
  if (!row) throw notFound('Berkas', 'File');
  const { contentEnc, ...meta } = row;
  // A streamed file (files.spool) is kept in sealed pieces, each bound to its position.
  const content = contentEnc
    ? decryptBytes(ctx.keys.files, contentEnc, aadOf(id))
    : Buffer.concat((await repo.findChunks(conn, id)).map((sealed, seq) => decryptBytes(ctx.keys.files, sealed, `${aadOf(id)}:${seq}`)));
  if (content.length !== meta.sizeBytes || sha256Bytes(content) !== meta.sha256) throw new Error(`files: content of ${id} does not match its checksum`);
  return { ...meta, content };
}

/** What a view shows of a stored file. */
export interface FileView {
  id: string;
  filename: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
}

/** The views of several files by id (for listings), without reading their content. */
export async function describeFiles(conn: Conn, ids: Array<string | null | undefined>): Promise<Map<string, FileView>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  const rows = await repo.fileMetas(conn, wanted);
  return new Map(rows.map((r) => [r.id, { id: r.id, filename: r.filename, mediaType: r.mediaType, sizeBytes: r.sizeBytes, sha256: r.sha256, uploadedAt: r.createdAt.toISOString() }]));
}
