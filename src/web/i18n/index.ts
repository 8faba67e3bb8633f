import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Lang } from '../lib/api';
import type { TextsOf } from './texts';
import id from './id.json';

/**
 * Bahasa Indonesia is the default and the fallback, bundled with the entry; English is fetched as
 * its own small chunk the first time it is needed. The choice is kept in localStorage and mirrored
 * into <html lang>.
 *
 * Shared and staff-shell texts live in id.json / en.json (same keys in both; a test checks). Each
 * feature keeps its own in its namespace, `<feature>/i18n/{id,en}.ts` (or `<area>.{id,en}.ts`),
 * `en` typed by `id` (texts.ts) and registered by the feature's `i18n/index.ts`, which its pages
 * import: the texts travel in the feature's lazy chunks. Keys are typed (i18next.d.ts).
 */
export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANG_STORAGE_KEY = 'loket.lang';

const loaders: Record<Language, () => Promise<Record<string, unknown>>> = {
  id: async () => id,
  en: () => import('./en.json').then((m) => m.default as Record<string, unknown>),
};

function storedLanguage(): Language | undefined {
  try {
    const v = globalThis.localStorage?.getItem(LANG_STORAGE_KEY);
    return v === 'id' || v === 'en' ? v : undefined;
  } catch {
    return undefined;
  }
}

export const hasStoredLanguage = (): boolean => storedLanguage() !== undefined;

function reflect(lng: string) {
  if (typeof document !== 'undefined') document.documentElement.lang = lng.startsWith('en') ? 'en' : 'id';
}

i18n.on('languageChanged', reflect);

void i18n.use(initReactI18next).init({
  resources: { id: { translation: id } },
  partialBundledLanguages: true,
  lng: 'id',
  fallbackLng: 'id',
  supportedLngs: [...LANGUAGES],
  initAsync: false,
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
});
reflect('id');

async function ensureLoaded(lng: Language): Promise<void> {
  if (i18n.hasResourceBundle(lng, 'translation')) return;
  i18n.addResourceBundle(lng, 'translation', await loaders[lng](), true, true);
}

/**
 * Switches the UI language (loading its texts first). `persist: false` applies e.g. the account's
 * preference without overriding this browser's explicit choice.
 */
export async function setLanguage(lng: Language, persist = true): Promise<void> {
  if (persist) {
    try {
      localStorage.setItem(LANG_STORAGE_KEY, lng);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }
  await ensureLoaded(lng);
  await i18n.changeLanguage(lng);
}

/** Resolves once the stored language is ready; main.tsx waits for it so English users see no flash. */
export const i18nReady: Promise<void> = (async () => {
  const stored = storedLanguage();
  if (stored && stored !== 'id') await setLanguage(stored, false).catch(() => undefined);
})();

/** One of the two languages the server speaks, from an i18next language tag. */
export const langOf = (language: string | undefined): Lang => (language?.startsWith('en') ? 'en' : 'id');

/** The UI language now (for code outside components: toasts, error texts). */
export const currentLang = (): Lang => langOf(i18n.language);

/** The UI language in a component, which renders again when it changes. */
export function useLang(): Lang {
  const { i18n: instance } = useTranslation();
  return langOf(instance.language);
}

/**
 * Adds a feature's texts to its namespace in both languages (deep merge, so a feature may add its
 * areas one by one). Called by the feature's `i18n/index.ts`, which its pages import, so the texts
 * travel in the chunks of those pages and the entry chunk never carries them. (Here, not in a
 * module of its own: every page needs it and one more tiny chunk costs more than it saves.)
 */
export function registerTexts<T extends object>(ns: string, texts: { id: T; en: TextsOf<T> }): void {
  i18n.addResourceBundle('id', ns, texts.id, true, true);
  i18n.addResourceBundle('en', ns, texts.en, true, true);
}

export default i18n;
