/**
 * The officer's viewer shows a shared document as a PDF stamped on every page with the agency
 * and the time of the read (and the share's purpose): a screenshot or a print carries where and
 * when it was seen. Images (JPEG, PNG) are placed on a page of their own size. pdf-lib, no
 * native code. A PDF that cannot be parsed (encrypted, damaged) is shown on a page that says so,
 * never passed through unstamped.
 */
import { degrees, PDFDocument, rgb, StandardFonts, type PDFPage } from 'pdf-lib';

export interface Stamp {
  /** e.g. "BPJS Kesehatan · Rabu, 25 Nov 09.12 WITA" */
  line: string;
  /** e.g. "Keperluan: pendaftaran peserta" */
  detail: string;
}

// The standard fonts speak WinAnsi only: anything else (emoji, other scripts) becomes '?'.
const winAnsi = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e\u00a0-\u00ff]/g, '?');

function stampPage(page: PDFPage, font: Awaited<ReturnType<PDFDocument['embedFont']>>, stamp: Stamp) {
  const { width, height } = page.getSize();
  const size = Math.max(10, Math.min(width, height) / 28);
  const line = winAnsi(stamp.line);
  const detail = winAnsi(stamp.detail);
  // Diagonal, repeated and faint across the page; a solid line at the foot.
  for (let y = -height; y < height * 1.5; y += size * 9) {
    page.drawText(`${line}   ${line}`, { x: -width * 0.2, y, size, font, color: rgb(0.75, 0.1, 0.1), opacity: 0.18, rotate: degrees(30) });
  }
  page.drawRectangle({ x: 0, y: 0, width, height: size * 2.6, color: rgb(1, 1, 1), opacity: 0.85 });
  page.drawText(line, { x: size * 0.6, y: size * 1.4, size: size * 0.8, font, color: rgb(0.6, 0.05, 0.05) });
  page.drawText(detail, { x: size * 0.6, y: size * 0.45, size: size * 0.7, font, color: rgb(0.2, 0.2, 0.2) });
}

export async function watermarked(content: Buffer, mediaType: string, stamp: Stamp): Promise<Buffer> {
  let doc: PDFDocument;
  if (mediaType === 'application/pdf') {
    try {
      doc = await PDFDocument.load(content, { updateMetadata: false });
    } catch {
      doc = await PDFDocument.create();
      const font = await doc.embedFont(StandardFonts.Helvetica);
      const page = doc.addPage([595, 842]);
      page.drawText('Dokumen PDF ini tidak dapat ditampilkan (terenkripsi atau rusak).', { x: 40, y: 780, size: 12, font });
      stampPage(page, font, stamp);
      return Buffer.from(await doc.save());
    }
  } else {
    doc = await PDFDocument.create();
    const image = mediaType === 'image/png' ? await doc.embedPng(content) : await doc.embedJpg(content);
    // At most A4 at 150 dpi on its long side, keeping the proportions.
    const scale = Math.min(1, 1240 / Math.max(image.width, image.height));
    const page = doc.addPage([image.width * scale, image.height * scale]);
    page.drawImage(image, { x: 0, y: 0, width: image.width * scale, height: image.height * scale });
  }
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const page of doc.getPages()) stampPage(page, font, stamp);
  doc.setTitle(winAnsi(stamp.line));
  return Buffer.from(await doc.save());
}
