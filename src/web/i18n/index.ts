import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import id from './id.json';

/**
 * Bahasa Indonesia is the default and the fallback, bundled with the entry; English is fetched as
 * its own small chunk the first time it is needed. The choice is kept in localStorage and mirrored
 * into <html lang>.
 *
 * Shared and staff-shell texts live in id.json / en.json (same keys in both; a test checks). A large
 * feature (kiosk, display) may ship its own texts inside its lazy chunk with
 * `i18n.addResourceBundle(lang, 'translation', {...}, true)`.
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

export default i18n;
