/**
 * Streamed files: an upload is read piece by piece, checked (type sniffed from its first bytes,
 * size counted as it comes), sealed in pieces of 256 KiB and spooled to a temporary file that has
 * no name (O_TMPFILE on Linux; elsewhere unlinked the moment it is opened): only this process's
 * descriptor reaches it, and when the process dies (even by kill -9) the kernel frees it. No half-written file is ever visible and no
 * orphan bytes stay behind. Only when the whole upload has arrived and passed its checks does a
 * (short) transaction copy the sealed pieces into stored_file_chunks with the caller's record.
 * A download reads the pieces one at a time. Memory stays at a few pieces whatever the file's size.
 */
import { createHash, randomBytes } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import { open, unlink, type FileHandle } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';
import { uuidv7 } from 'uuidv7';
import type { AppContext } from '../../platform/context';
import { decryptBytes, encryptBytes } from '../../platform/crypto';
import { ambientConn, type Conn } from '../../platform/db';
import { notFound } from '../../platform/errors';
import * as repo from './files.repository';
import { fileMissing, fileTooLarge, fileTypeNotAllowed, readFile, sanitizeFilename, type FilePolicy } from './files.service';

/** Plain bytes per sealed piece. */
export const CHUNK_BYTES = 256 * 1024;
/** What file-type reads to recognise a format. */
const SNIFF_BYTES = 4100;

const aadOf = (id: string, seq: number) => `stored_files:${id}:${seq}`;

/** An upload that arrived whole and passed its checks, sealed on disk, not yet stored. */
export interface SpooledFile {
  id: string;
  filename: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  /** Byte length of each sealed piece in the spool, in order. */
  pieces: number[];
  /** Frees the spool (always call it: `finally`). */
  discard(): Promise<void>;
  /** The sealed pieces, one at a time. */
  sealedPieces(): AsyncGenerator<Buffer>;
}

/** Linux's O_TMPFILE (with O_DIRECTORY, as the kernel defines it): a file that never has a name. */
const O_TMPFILE = 0o20000000 | fsConstants.O_DIRECTORY;

async function openSpool(): Promise<FileHandle> {
  // Linux: a file without a name from the start, so even a kill -9 between two system calls
  // cannot leave one behind.
  if (process.platform === 'linux') {
    try {
      return await open(os.tmpdir(), O_TMPFILE | fsConstants.O_RDWR, 0o600);
    } catch {
      // a file system without O_TMPFILE: below
    }
  }
  const name = path.join(os.tmpdir(), `loket-spool-${randomBytes(8).toString('hex')}`);
  const fh = await open(name, 'wx+', 0o600);
  // Unlinked at once: the bytes live only as long as this descriptor (POSIX). Where unlinking an
  // open file is refused (Windows), the name is removed by `discard`.
  const unlinked = await unlink(name).then(
    () => true,
    () => false,
  );
  const close = fh.close.bind(fh);
  fh.close = async () => {
    await close();
    if (!unlinked) await unlink(name).catch(() => {});
  };
  return fh;
}

/**
 * Reads `source` (an upload's file stream) to its end into a sealed spool, refusing it as soon as
 * it is known to be too large or of a type `policy` does not take. On refusal the rest of the
 * source is drained (so the request can be answered) and nothing remains.
 */
export async function spoolStream(ctx: Pick<AppContext, 'keys'>, source: Readable, policy: FilePolicy, filename: string | null | undefined): Promise<SpooledFile> {
  const id = uuidv7();
  const fh = await openSpool();
  const pieces: number[] = [];
  const hash = createHash('sha256');
  let size = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let sniffed: { mediaType: string; extensions: readonly string[] } | null = null;
  let position = 0;

  const sniff = async (head: Buffer) => {
    const found = await fileTypeFromBuffer(head);
    const extensions = found ? policy.types[found.mime] : undefined;
    if (!found || !extensions) throw fileTypeNotAllowed(policy, found?.mime);
    sniffed = { mediaType: found.mime, extensions };
  };
  const seal = async (plain: Buffer) => {
    const sealed = encryptBytes(ctx.keys.files, plain, aadOf(id, pieces.length));
    await fh.write(sealed, 0, sealed.length, position);
    position += sealed.length;
    pieces.push(sealed.length);
  };
  const flush = async (all: boolean) => {
    while (pendingBytes >= CHUNK_BYTES || (all && pendingBytes > 0)) {
      const joined = pending.length === 1 ? pending[0] : Buffer.concat(pending);
      const take = Math.min(CHUNK_BYTES, joined.length);
      await seal(joined.subarray(0, take));
      const rest = joined.subarray(take);
      pending = rest.length ? [rest] : [];
      pendingBytes = rest.length;
    }
  };

  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > policy.maxBytes) throw fileTooLarge(policy.maxBytes);
      hash.update(chunk);
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (!sniffed && pendingBytes >= SNIFF_BYTES) await sniff(Buffer.concat(pending));
      if (sniffed) await flush(false);
    }
    if ((source as Readable & { truncated?: boolean }).truncated) throw fileTooLarge(policy.maxBytes);
    if (size === 0) throw fileMissing(true);
    if (!sniffed) await sniff(Buffer.concat(pending));
    await flush(true);
  } catch (err) {
    source.resume();
    await fh.close();
    throw err;
  }
  const { mediaType, extensions } = sniffed!;
  let discarded = false;
  return {
    id,
    filename: sanitizeFilename(filename, extensions),
    mediaType,
    sizeBytes: size,
    sha256: hash.digest('hex'),
    pieces,
    async discard() {
      if (discarded) return;
      discarded = true;
      await fh.close();
    },
    async *sealedPieces() {
      let at = 0;
      for (const length of pieces) {
        const buf = Buffer.allocUnsafe(length);
        await fh.read(buf, 0, length, at);
        at += length;
        yield buf;
      }
    },
  };
}

/**
 * Stores a spooled file with its metadata in the caller's transaction: the record that points to
 * it commits with it, or neither does.
 */
export async function storeSpooled(tx: Conn, ctx: Pick<AppContext, 'clock'>, file: SpooledFile, input: { siteId: string | null; purpose: string; createdBy: string | null }): Promise<repo.StoredFileMeta> {
  const meta = await repo.insertFile(tx, {
    id: file.id,
    siteId: input.siteId,
    purpose: input.purpose,
    filename: file.filename,
    mediaType: file.mediaType,
    sizeBytes: file.sizeBytes,
    sha256: file.sha256,
    contentEnc: null,
    chunkCount: file.pieces.length,
    createdAt: ctx.clock.now(),
    createdBy: input.createdBy,
  });
  let seq = 0;
  for await (const sealed of file.sealedPieces()) await repo.insertChunk(tx, { fileId: file.id, seq: seq++, contentEnc: sealed });
  return meta;
}

/**
 * A stored file's metadata and its content as a stream of plain pieces, read one at a time
 * (each its own short query, so a slow download holds no transaction). The stream fails if a
 * piece was altered, is missing, or the whole does not match the stored checksum.
 */
export async function openFileStream(ctx: Pick<AppContext, 'keys' | 'db'>, id: string): Promise<{ meta: repo.StoredFileMeta; stream: Readable }> {
  const meta = await repo.findFileMeta(ambientConn(ctx.db), id);
  if (!meta) throw notFound('Berkas', 'File');
  if (meta.chunkCount == null) {
    const whole = await readFile(ctx, id);
    return { meta, stream: Readable.from([whole.content]) };
  }
  const count = meta.chunkCount;
  async function* pieces() {
    const hash = createHash('sha256');
    let size = 0;
    for (let seq = 0; seq < count; seq++) {
      const sealed = await repo.findChunk(ctx.db, id, seq);
      if (!sealed) throw new Error(`files: piece ${seq} of ${id} is missing`);
      const plain = decryptBytes(ctx.keys.files, sealed, aadOf(id, seq));
      hash.update(plain);
      size += plain.length;
      yield plain;
    }
    if (size !== meta!.sizeBytes || hash.digest('hex') !== meta!.sha256) throw new Error(`files: content of ${id} does not match its checksum`);
  }
  return { meta, stream: Readable.from(pieces()) };
}

/** The whole plain content of a streamed file (for work that needs it whole: a watermark). */
export async function readChunkedContent(ctx: Pick<AppContext, 'keys' | 'db'>, id: string): Promise<{ meta: repo.StoredFileMeta; content: Buffer }> {
  const { meta, stream } = await openFileStream(ctx, id);
  const parts: Buffer[] = [];
  for await (const p of stream) parts.push(p as Buffer);
  return { meta, content: Buffer.concat(parts) };
}

/** Deletes a stored file and its content (pieces go with it). */
export async function deleteStoredFile(conn: Conn, id: string): Promise<boolean> {
  return repo.deleteFile(conn, id);
}
