import { readStored, writeStored } from '../lib/storage.ts';

export const languages = ['en', 'zh'] as const;
export type Language = (typeof languages)[number];

/**
 * Each language is named in itself, whatever the current interface language, so a person who
 * cannot read the current one still finds their own.
 */
export const languageNames: Record<Language, string> = { en: 'English', zh: '中文' };

/** The value for `<html lang>`: lets the browser pick Simplified Chinese glyphs and hyphenation. */
export const htmlLang: Record<Language, string> = { en: 'en', zh: 'zh-CN' };

/** Shared with the inline script in index.html, which sets `<html lang>` before the first paint. */
export const languageStorageKey = 'console.language';

export function isLanguage(value: string | null | undefined): value is Language {
  return (languages as readonly (string | null | undefined)[]).includes(value);
}

/** A remembered choice wins; otherwise the browser's preferred languages decide. */
export function detectLanguage(stored: string | null, preferred: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

export function initialLanguage(): Language {
  return detectLanguage(readStored(languageStorageKey), navigator.languages ?? [navigator.language]);
}

export function rememberLanguage(language: Language): void {
  writeStored(languageStorageKey, language);
}
