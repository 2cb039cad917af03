import type { Messages } from '@lingui/core';
import type { Locale } from './locales';

/**
 * A language's whole compiled catalog, loaded when that language is chosen: each is
 * its own chunk, so an English visit downloads none of them.
 */
export async function loadCatalog(locale: Exclude<Locale, 'en'>): Promise<Messages> {
  // JSON imports are typed by their contents, which TypeScript cannot match to a
  // compiled plural's tuple shape; the compiler's output is Messages by construction.
  return (await importCatalog(locale)).default as unknown as Messages;
}

// One import() per language with a literal path, so the bundler splits each into its own chunk.
function importCatalog(locale: Exclude<Locale, 'en'>) {
  switch (locale) {
    case 'ja':
      return import('./compiled/ja.json');
    case 'zh-Hans':
      return import('./compiled/zh-Hans.json');
    case 'ko':
      return import('./compiled/ko.json');
    case 'es':
      return import('./compiled/es.json');
    case 'pt-BR':
      return import('./compiled/pt-BR.json');
    case 'de':
      return import('./compiled/de.json');
    case 'fr':
      return import('./compiled/fr.json');
  }
}
