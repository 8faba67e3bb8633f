import { ApiError, type Lang } from '../../lib/api';
import { problemMessage } from '../../lib/errors';

/**
 * The text for a refusal: the server's own message in the UI language first (queue problems are
 * specific, e.g. "Layanan X sedang tutup. Layanan buka kembali Kamis, 26 Nov 08.00 WITA."), the
 * field messages of a 400, then the shared translation of the code.
 */
export function refusalText(err: unknown, lang: Lang): string {
  if (err instanceof ApiError) {
    if (err.code === 'network' || err.status >= 500) return problemMessage(err, lang);
    if (err.code === 'validation_failed' && err.errors?.length) {
      return err.errors.map((e) => e.messages[lang] || e.messages.id || e.code).join(' ');
    }
    const own = err.messages?.[lang];
    if (own) return own;
  }
  return problemMessage(err, lang);
}
