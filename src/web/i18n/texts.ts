/**
 * The texts of one language in the shape of the Indonesian ones: the same keys, any strings. A key
 * `x_other` (Indonesian's only plural form) requires `x_one` beside it (English needs both), so a
 * missing or extra key fails `tsc`. Write `export const en: TextsOf<typeof id> = { … }` and register
 * both with `registerTexts` (./index.ts).
 */
export type TextsOf<T> = {
  [K in keyof T as K extends `${infer Base}_other` ? K | `${Base}_one` : K]: T[K] extends string ? string : TextsOf<T[K]>;
};

/**
 * A translator limited to the keys a helper outside a component needs, e.g.
 * `Translate<'fee.free' | 'fee.from'>`: a component's typed `t` fits, and so does a test's stand-in.
 */
export type Translate<K extends string> = (key: K, values?: Record<string, unknown>) => string;
