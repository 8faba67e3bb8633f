/**
 * The one rule for text in every request (see server/platform/input.ts, which applies it to all
 * params, queries and bodies, and the catalogue import, which applies it to each cell). Text may
 * not hold
 * - NUL (PostgreSQL text cannot store it),
 * - a lone UTF-16 surrogate (not encodable as UTF-8: silently stored as U+FFFD),
 * - another C0 control character other than tab, line feed and carriage return (invisible,
 *   breaks printed tickets, CSV and log lines; nobody types one on purpose).
 */

/** C0 controls except \t \n \r; NUL is among them. */
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export type UnsafeText = 'nul' | 'surrogate' | 'control';

/** Why a string may not be accepted, or null when it is fine. */
export function unsafeText(s: string): UnsafeText | null {
  if (s.includes('\u0000')) return 'nul';
  if (FORBIDDEN_CONTROL.test(s)) return 'control';
  if (LONE_SURROGATE.test(s)) return 'surrogate';
  return null;
}

const MESSAGES: Record<UnsafeText, { id: string; en: string }> = {
  nul: { id: 'Teks memuat karakter NUL yang tidak diizinkan.', en: 'Text contains a NUL character, which is not allowed.' },
  surrogate: { id: 'Teks memuat karakter Unicode yang rusak.', en: 'Text contains a broken Unicode character (lone surrogate).' },
  control: { id: 'Teks memuat karakter kontrol yang tidak diizinkan.', en: 'Text contains a control character, which is not allowed.' },
};

/** The bilingual message for a refused string. */
export const unsafeTextMessages = (why: UnsafeText) => MESSAGES[why];
