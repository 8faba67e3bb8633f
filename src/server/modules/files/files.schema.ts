import { customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

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
    /** nonce ‖ ciphertext ‖ tag. */
    contentEnc: bytea('content_enc').notNull(),
    createdAt: ts('created_at').notNull(),
    createdBy: uuid('created_by'),
  },
  (t) => [index('stored_files_site_idx').on(t.siteId, t.purpose)],
);
