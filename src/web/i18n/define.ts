/** A tree of strings: leaves are texts, branches group them. */
export interface LocaleTree {
  [key: string]: string | LocaleTree;
}

/** The same keys as `T`, with any string values (so a missing Indonesian key fails the type check). */
export type SameKeys<T> = { [K in keyof T]: T[K] extends string ? string : SameKeys<T[K]> };

export interface FeatureLocales<T extends LocaleTree = LocaleTree> {
  en: T;
  id: SameKeys<T>;
}

/**
 * Declares a feature's strings in English and Bahasa Indonesia.
 * `export const contactsLocales = defineLocales({ en: {...}, id: {...} })` in features/<name>/locales.ts.
 */
export function defineLocales<const T extends LocaleTree>(locales: { en: T; id: SameKeys<T> }): FeatureLocales<T> {
  return locales;
}

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'id', label: 'Bahasa Indonesia' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];
