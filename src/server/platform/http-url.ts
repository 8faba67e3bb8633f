import { z } from 'zod';

/**
 * Whether `s` is an absolute http(s) address, written as such. Stored URLs end up as `href`s on
 * public pages, so `javascript:`, `data:` or `vbscript:` would run in a citizen's browser. The
 * WHATWG parser alone is not enough: it accepts `http:example` and trims leading control
 * characters, so the text itself must start with the scheme and hold no whitespace or controls.
 */
export function isHttpUrl(s: string): boolean {
  if (!/^https?:\/\/[^\s\p{Cc}]+$/iu.test(s) || !URL.canParse(s)) return false;
  const u = new URL(s);
  return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
}

export const HTTP_URL_MESSAGES = {
  id: 'Harus alamat web lengkap yang diawali http:// atau https://.',
  en: 'Must be a full web address starting with http:// or https://.',
};

/** The one schema for every URL a client sends (agency and site websites, and any added later). */
export const httpUrl = z
  .string()
  .trim()
  .max(300)
  .refine(isHttpUrl, { message: HTTP_URL_MESSAGES.en, params: HTTP_URL_MESSAGES })
  .meta({ format: 'uri', description: 'http:// or https:// address' });
