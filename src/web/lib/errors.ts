import i18n, { currentLang } from '../i18n';
import { ApiError, type Lang } from './api';

/** Lookup by a key built from a server's code: checked at run time (`exists`), not by the key types. */
const lookup = (i18n.t as unknown as (key: string, options: Record<string, unknown>) => unknown).bind(i18n);

/** A translation that exists and is a string (not a nested object of keys). */
function translated(key: string, lang: Lang, vars?: Record<string, unknown>): string | undefined {
  if (!i18n.exists(key, { lng: lang })) return undefined;
  const v = lookup(key, { ...vars, lng: lang, returnObjects: true });
  return typeof v === 'string' ? v : undefined;
}

/**
 * The text to show for a failure: our own translation of its code (`errors.<code>`) first, then
 * the server's message in that language, then the problem title.
 */
export function problemMessage(err: unknown, lang: Lang = currentLang()): string {
  if (err instanceof ApiError) {
    const vars: Record<string, unknown> = { seconds: err.retryAfter };
    // Scalar members of the problem (e.g. retryAfter, nextOpening) are available to translations.
    for (const [k, v] of Object.entries(err.problem)) if (typeof v === 'string' || typeof v === 'number') vars[k] = v;
    return translated(`errors.${err.code}`, lang, vars) ?? (err.messages?.[lang] || undefined) ?? err.title;
  }
  if (err instanceof Error && err.message) return translated('errors.unexpected', lang) ?? err.message;
  return translated('errors.unexpected', lang) ?? String(err);
}

/**
 * Field errors of a 400 problem keyed by the form field (`body.password` → `password`, nested
 * paths keep their dots: `body.items.0.name` → `items.0.name`). The first message per field wins.
 */
export function fieldErrors(err: unknown, lang: Lang = currentLang()): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(err instanceof ApiError) || !err.errors) return out;
  for (const e of err.errors) {
    const field = e.field.replace(/^(body|query|querystring|params|headers)\./, '');
    if (out[field]) continue;
    // The server's messages are specific ("Minimal 10 karakter.") and already bilingual.
    out[field] = e.messages[lang] || e.messages.id || e.code;
  }
  return out;
}

type Toast = { color: string; title?: string; message: string; autoClose: number };

/** Toasts load @mantine/notifications on first use, keeping it out of the entry chunk (kiosk budget). */
function toast(t: Toast): void {
  // The close button is an icon: it needs a name for screen readers (axe: button-name).
  void import('@mantine/notifications').then(({ notifications }) => notifications.show({ ...t, closeButtonProps: { 'aria-label': i18n.t('common.close') } }));
}

/** A red toast for a failure that has no better place on the page. */
export function notifyError(err: unknown, title?: string): void {
  toast({ color: 'red', title: title ?? i18n.t('common.errorTitle'), message: problemMessage(err), autoClose: 8000 });
}

export function notifySuccess(message: string, title?: string): void {
  toast({ color: 'green', title, message, autoClose: 4000 });
}
