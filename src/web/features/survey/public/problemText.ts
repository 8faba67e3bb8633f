import { ApiError, type Lang } from '../../../lib/api';
import { problemMessage } from '../../../lib/errors';

/** A refusal in the page language: the server's own message (409 already rated, 422 too late …), else the shared one. */
export function problemText(err: unknown, lang: Lang): string {
  if (err instanceof ApiError && err.status < 500 && err.code !== 'network') {
    if (err.code === 'validation_failed' && err.errors?.length) return err.errors.map((e) => e.messages[lang] || e.messages.id).join(' ');
    const own = err.messages?.[lang];
    if (own) return own;
  }
  return problemMessage(err, lang);
}
