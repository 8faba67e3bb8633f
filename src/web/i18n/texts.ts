import i18n from './index';

/**
 * The texts of one language in the shape of the Indonesian ones: the same keys, any strings. A key
 * `x_other` (Indonesian's only plural form) requires `x_one` beside it (English needs both), so a
 * missing or extra key fails `tsc`. Write `export const en: TextsOf<typeof id> = { … }`.
 */
export type TextsOf<T> = {
  [K in keyof T as K extends `${infer Base}_other` ? K | `${Base}_one` : K]: T[K] extends string ? string : TextsOf<T[K]>;
};

/**
 * Adds a feature's texts to its namespace in both languages (deep merge, so a feature may add its
 * areas one by one). Called by the module that holds them, so the texts travel in the chunk of
 * the pages that import it and the entry chunk never carries them.
 */
export function registerTexts<T extends object>(ns: string, texts: { id: T; en: TextsOf<T> }): void {
  i18n.addResourceBundle('id', ns, texts.id, true, true);
  i18n.addResourceBundle('en', ns, texts.en, true, true);
}
