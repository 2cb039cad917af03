import { DEFAULT_LOCALE, LOCALES, type Locale } from './locales';

/**
 * The first of the reader's languages (as `navigator.languages` lists them) that the
 * workbench speaks. A tag matches by its language: `de-AT` reads German, `pt-PT`
 * Brazilian Portuguese, and any Chinese (`zh`, `zh-CN`, `zh-TW`, `zh-Hant`) the
 * Simplified Chinese catalog, the only Chinese one. No match: English.
 */
export function negotiateLocale(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const match = localeForTag(tag);
    if (match) return match;
  }
  return DEFAULT_LOCALE;
}

function localeForTag(tag: string): Locale | null {
  const normalised = tag.trim().toLowerCase();
  if (!normalised) return null;
  const exact = LOCALES.find((locale) => locale.toLowerCase() === normalised);
  if (exact) return exact;
  const language = normalised.split(/[-_]/)[0];
  return LOCALES.find((locale) => locale.toLowerCase().split('-')[0] === language) ?? null;
}
