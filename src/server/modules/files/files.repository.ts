import { eq, inArray } from 'drizzle-orm';
import type { Conn } from '../../platform/db';
import { storedFiles } from './files.schema';

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
