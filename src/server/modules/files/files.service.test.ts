import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors';
import { checkContent, contentDisposition, sanitizeFilename, type FilePolicy } from './files.service';

/** A policy like the catalogue's for agency agreements: PDF, JPEG or PNG up to 10 MiB. */
const PDF_OR_IMAGE: FilePolicy = { maxBytes: 10 * 1024 * 1024, types: { 'application/pdf': ['pdf'], 'image/jpeg': ['jpg', 'jpeg'], 'image/png': ['png'] } };

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0', 'latin1'), Buffer.alloc(64)]);

async function refusal(content: Buffer): Promise<AppError> {
  try {
    await checkContent(PDF_OR_IMAGE, content);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('accepted');
}

describe('sanitizeFilename', () => {
  it('keeps only the last path segment and drops control and bidi characters', () => {
    expect(sanitizeFilename('../../etc/passwd.pdf')).toBe('passwd.pdf');
    expect(sanitizeFilename('C:\\Users\\ani\\Dokumen\\PKS.pdf')).toBe('PKS.pdf');
    expect(sanitizeFilename('tagihan\u202Efdp.exe')).toBe('tagihanfdp.exe');
    expect(sanitizeFilename('a\u0000b\r\nc\u0085.pdf')).toBe('abc.pdf');
    expect(sanitizeFilename('  ..hidden.pdf. ')).toBe('hidden.pdf');
    expect(sanitizeFilename('PKS <final>: "v2"?.pdf')).toBe('PKS _final__ _v2__.pdf');
  });

  it('names what has no name, and matches the extension to the content', () => {
    expect(sanitizeFilename('', ['pdf'])).toBe('dokumen.pdf');
    expect(sanitizeFilename(undefined)).toBe('dokumen');
    expect(sanitizeFilename('scan', ['jpg', 'jpeg'])).toBe('scan.jpg');
    expect(sanitizeFilename('scan.JPEG', ['jpg', 'jpeg'])).toBe('scan.JPEG');
    expect(sanitizeFilename('x.txt', ['pdf'])).toBe('x.txt.pdf');
  });

  it('limits the length to 120 characters, keeping the extension and whole characters', () => {
    const long = sanitizeFilename(`${'Perjanjian '.repeat(30)}.pdf`, ['pdf']);
    expect(Array.from(long).length).toBeLessThanOrEqual(120);
    expect(long.endsWith('.pdf')).toBe(true);
    const emoji = sanitizeFilename(`${'📄'.repeat(200)}.png`, ['png']);
    expect(Array.from(emoji)).toHaveLength(120);
    expect(emoji).toBe(`${'📄'.repeat(116)}.png`);
  });
});

describe('contentDisposition', () => {
  it('offers an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('PKS 2026.pdf')).toBe(`attachment; filename="PKS 2026.pdf"; filename*=UTF-8''PKS%202026.pdf`);
    expect(contentDisposition("Kerja Sama – Dinas (A)'s 100%.pdf")).toBe(
      `attachment; filename="Kerja Sama _ Dinas (A)'s 100_.pdf"; filename*=UTF-8''Kerja%20Sama%20%E2%80%93%20Dinas%20%28A%29%27s%20100%25.pdf`,
    );
  });
});

describe('checkContent', () => {
  it('takes PDF, JPEG and PNG by their content', async () => {
    expect(await checkContent(PDF_OR_IMAGE, Buffer.from('%PDF-1.4\n%%EOF\n'))).toEqual({ mediaType: 'application/pdf', extensions: ['pdf'] });
    expect((await checkContent(PDF_OR_IMAGE, JPEG)).mediaType).toBe('image/jpeg');
    expect((await checkContent(PDF_OR_IMAGE, PNG)).mediaType).toBe('image/png');
  });

  it('refuses empty, oversized and other content with the field named', async () => {
    expect(await refusal(Buffer.alloc(0))).toMatchObject({ code: 'file.missing', status: 400 });
    const big = await refusal(Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(PDF_OR_IMAGE.maxBytes)]));
    expect(big).toMatchObject({ code: 'file.too_large', status: 413 });
    const text = await refusal(Buffer.from('bukan pdf'));
    expect(text).toMatchObject({ code: 'file.type_not_allowed', status: 415 });
    expect(text.details.errors?.[0]).toMatchObject({ field: 'file', code: 'type_not_allowed' });
    const gif = await refusal(Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'));
    expect(gif.details.extra).toMatchObject({ detectedType: 'image/gif' });
  });
});
