import { negotiateLocale } from './negotiate';
import { isLocale, type Locale } from './locales';

/** Where the chosen language is remembered: only its code, never anything else. */
export const LANGUAGE_STORAGE_KEY = 'jwt-workbench-language';

/**
 * The language a visit opens in: a link's `lang` (documentation that links here in a
 * given language) wins, then the reader's own earlier choice, then their browser's
 * languages. A shared link carries no `lang`, so it opens in the reader's language.
 */
export function chooseLocale(input: { linkLang?: string | null; stored?: string | null; languages: readonly string[] }): Locale {
  if (isLocale(input.linkLang)) return input.linkLang;
  if (isLocale(input.stored)) return input.stored;
  return negotiateLocale(input.languages);
}

/**
 * The `lang` a link carries, in its fragment (`#token=…&lang=ja`, or after the `?` of
 * `#debugger-io?…`) or its query: null when it has none.
 */
export function linkLanguage(href: string): string | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  let fragment = url.hash.slice(1);
  const query = fragment.indexOf('?');
  if (query >= 0) fragment = fragment.slice(query + 1);
  const fromFragment = new URLSearchParams(fragment).get('lang');
  return isLocale(fromFragment) ? fromFragment : (url.searchParams.get('lang') ?? fromFragment);
}
