/**
 * What the browser checks of an attachment before sending it, mirroring the server's limits
 * (docs/complaints.md: images and PDF, 5 MiB each, 10 per complaint). The server checks again,
 * from the content; these only spare a citizen on a slow connection a useless upload.
 */
export const ATTACHMENT_MAX_MB = 5;
export const ATTACHMENT_MAX_FILES = 10;
export const ATTACHMENT_ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf';
const TYPES = new Set(ATTACHMENT_ACCEPT.split(','));

export type AttachmentProblem = { key: 'tooBig' | 'wrongType'; name: string } | { key: 'tooMany' } | null;

export function checkAttachments(files: File[]): AttachmentProblem {
  if (files.length > ATTACHMENT_MAX_FILES) return { key: 'tooMany' };
  for (const f of files) {
    if (f.type && !TYPES.has(f.type)) return { key: 'wrongType', name: f.name };
    if (f.size > ATTACHMENT_MAX_MB * 1024 * 1024) return { key: 'tooBig', name: f.name };
  }
  return null;
}
