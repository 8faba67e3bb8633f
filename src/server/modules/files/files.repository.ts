import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Conn } from '../../platform/db';
import { storedFileChunks, storedFiles } from './files.schema';

export type StoredFileRow = typeof storedFiles.$inferSelect;
/** A stored file without its (large) content. */
export type StoredFileMeta = Omit<StoredFileRow, 'contentEnc'>;

const META = {
  id: storedFiles.id,
  siteId: storedFiles.siteId,
  purpose: storedFiles.purpose,
  filename: storedFiles.filename,
  mediaType: storedFiles.mediaType,
  sizeBytes: storedFiles.sizeBytes,
  sha256: storedFiles.sha256,
  chunkCount: storedFiles.chunkCount,
  createdAt: storedFiles.createdAt,
  createdBy: storedFiles.createdBy,
};

export async function insertFile(conn: Conn, row: typeof storedFiles.$inferInsert): Promise<StoredFileMeta> {
  const [f] = await conn.insert(storedFiles).values(row).returning(META);
  return f;
}

/** One file with its sealed content. */
export async function findFile(conn: Conn, id: string): Promise<StoredFileRow | undefined> {
  const [f] = await conn.select().from(storedFiles).where(eq(storedFiles.id, id));
  return f;
}

/** The metadata of several files at once (for listings), without reading their content. */
export function fileMetas(conn: Conn, ids: string[]): Promise<StoredFileMeta[]> {
  if (!ids.length) return Promise.resolve([]);
  return conn.select(META).from(storedFiles).where(inArray(storedFiles.id, ids));
}

/** One file's metadata, without its content. */
export async function findFileMeta(conn: Conn, id: string): Promise<StoredFileMeta | undefined> {
  const [f] = await conn.select(META).from(storedFiles).where(eq(storedFiles.id, id));
  return f;
}

export async function insertChunk(conn: Conn, row: typeof storedFileChunks.$inferInsert): Promise<void> {
  await conn.insert(storedFileChunks).values(row);
}

/** One sealed piece of a streamed file. */
export async function findChunk(conn: Conn, fileId: string, seq: number): Promise<Buffer | undefined> {
  const [c] = await conn
    .select({ contentEnc: storedFileChunks.contentEnc })
    .from(storedFileChunks)
    .where(and(eq(storedFileChunks.fileId, fileId), eq(storedFileChunks.seq, seq)));
  return c?.contentEnc;
}

/** Every sealed piece of a streamed file, in order. */
export async function findChunks(conn: Conn, fileId: string): Promise<Buffer[]> {
  const rows = await conn.select({ contentEnc: storedFileChunks.contentEnc }).from(storedFileChunks).where(eq(storedFileChunks.fileId, fileId)).orderBy(asc(storedFileChunks.seq));
  return rows.map((r) => r.contentEnc);
}

/** Deletes a file; its pieces go with it (ON DELETE CASCADE). */
export async function deleteFile(conn: Conn, id: string): Promise<boolean> {
  const gone = await conn.delete(storedFiles).where(eq(storedFiles.id, id)).returning({ id: storedFiles.id });
  return gone.length > 0;
}
