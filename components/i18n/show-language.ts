import type { Locale } from '@/lib/i18n/locales';
import { loadCatalog } from '@/lib/i18n/load-catalog';
import { activateLocale } from '@/lib/i18n/translate';
import { LANGUAGE_STORAGE_KEY } from '@/lib/i18n/choose';
import { LANGUAGE_PENDING_ATTRIBUTE } from '@/lib/i18n/boot-script';

let latestRequest = 0;

/**
 * Shows the page in `locale`: loads its catalog, then switches every view at once
 * and names the language on <html>. When two switches overlap, the later one wins.
 * Resolves false when the catalog could not be loaded (the page keeps its language).
 */
export async function showLanguage(locale: Locale): Promise<boolean> {
  const request = ++latestRequest;
  try {
    const catalog = locale === 'en' ? undefined : await loadCatalog(locale);
    if (request !== latestRequest) return true;
    activateLocale(locale, catalog);
    document.documentElement.lang = locale;
    return true;
  } catch {
    return false;
  } finally {
    if (request === latestRequest) document.documentElement.removeAttribute(LANGUAGE_PENDING_ATTRIBUTE);
  }
}

/** Remembers the reader's choice (only its code) for later visits. */
export function rememberLanguage(locale: Locale) {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, locale);
  } catch {
    // Storage may be disabled: the choice still applies to this visit.
  }
}
