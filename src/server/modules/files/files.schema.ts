import { customType, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * Uploaded documents (an agency's signed agreement; later the citizens' requirement documents).
 * The content lives in the database, encrypted (AES-256-GCM), so that a file and the record that
 * points to it are written in one transaction and every process of a site sees the same files.
 * Type and size are checked from the content before a row is written.
 */
export const storedFiles = pgTable(
  'stored_files',
  {
    id: uuid('id').primaryKey(),
    siteId: uuid('site_id'),
    /** What the file is for, e.g. 'agency.agreement'. */
    purpose: text('purpose').notNull(),
    /** The name the uploader gave it (shown, never used as a path). */
    filename: text('filename').notNull(),
    /** Sniffed from the content, not taken from the upload's headers. */
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    /** Of the plain content, hex: lets a download be verified and duplicates be recognised. */
    sha256: text('sha256').notNull(),
    /** nonce ‖ ciphertext ‖ tag; null for a file stored in chunks (`chunkCount`). */
    contentEnc: bytea('content_enc'),
    /**
     * Set for a file that was streamed in: its content is in stored_file_chunks, `chunkCount`
     * sealed pieces (see files.spool.ts), so neither an upload nor a download holds it whole.
     */
    chunkCount: integer('chunk_count'),
    createdAt: ts('created_at').notNull(),
    createdBy: uuid('created_by'),
  },
  (t) => [index('stored_files_site_idx').on(t.siteId, t.purpose)],
);

/**
 * The content of a streamed file, in pieces of at most 256 KiB of plain content, each sealed on
 * its own (AES-256-GCM, bound to its file and position). Deleted with the file.
 */
export const storedFileChunks = pgTable(
  'stored_file_chunks',
  {
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    contentEnc: bytea('content_enc').notNull(),
  },
  (t) => [primaryKey({ columns: [t.fileId, t.seq] })],
);
