import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE, ERROR_CODES, type ErrorEntry } from '../../contracts/errors';
import i18n, { setLanguage } from '../i18n';
import { ApiError, type Lang } from './api';
import { problemMessage } from './errors';

/** A key built from a code: checked at run time (`exists`), not by the key types. */
const lookup = (i18n.t as unknown as (key: string, options: Record<string, unknown>) => string).bind(i18n);

/** Codes the web makes up itself (no server answer to translate). */
const WEB_ONLY = new Set(['unexpected', 'network']);

/** The dotted keys under `errors.` that hold a text. */
function translatedCodes(o: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? translatedCodes(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

/** The problem exactly as the server sends it for a code with nothing more specific to say. */
const asSent = (code: string, e: ErrorEntry) => new ApiError({ status: e.status, code, title: e.en, detail: e.en, messages: { id: e.id, en: e.en } });

describe('the web speaks every problem code of the server', () => {
  it('translates no code the server does not have', async () => {
    await setLanguage('en', false);
    for (const lang of ['id', 'en'] as const) {
      const own = translatedCodes(i18n.getResourceBundle(lang, 'translation').errors as Record<string, unknown>);
      expect(own.filter((c) => !WEB_ONLY.has(c) && !(c in ERROR_CATALOGUE)), lang).toEqual([]);
    }
  });

  it('shows each code in the page language: its own translation, else the catalogue message the problem carries', async () => {
    await setLanguage('en', false);
    for (const code of ERROR_CODES) {
      const e = ERROR_CATALOGUE[code] as ErrorEntry;
      for (const lang of ['id', 'en'] as Lang[]) {
        const own = i18n.exists(`errors.${code}`, { lng: lang }) ? lookup(`errors.${code}`, { lng: lang }) : undefined;
        expect(problemMessage(asSent(code, e), lang), `${code} (${lang})`).toBe(own ?? e[lang]);
      }
    }
  });
});
