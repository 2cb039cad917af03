'use client';

import { useSyncExternalStore } from 'react';
import { DEFAULT_LOCALE, type Locale } from '@/lib/i18n/locales';
import { activeLocale, onLocaleChange } from '@/lib/i18n/translate';

/**
 * The language shown. A component that shows text calls it, so it renders again when
 * the language changes; values that `lib/` words (errors, findings) are recomputed
 * with it as a dependency. The page is prerendered and hydrated in English.
 */
export function useLocale(): Locale {
  return useSyncExternalStore(onLocaleChange, activeLocale, () => DEFAULT_LOCALE);
}
