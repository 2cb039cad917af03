'use client';

import { useEffect, useId, useState } from 'react';
import { LOCALES, LOCALE_NAMES, isLocale, type Locale } from '@/lib/i18n/locales';
import { t } from './messages';
import { rememberLanguage, showLanguage } from './show-language';
import { LANGUAGE_ATTRIBUTE } from '@/lib/i18n/boot-script';
import { useLocale } from './useLocale';
import { useHydrated } from '@/components/common/useHydrated';

/**
 * The language menu. It also shows the page, once hydrated, in the language the boot
 * script chose for this visit (the page is prerendered in English).
 */
export function LanguageSelect() {
  const locale = useLocale();
  // Until the page has hydrated, a choice would not be heard (React does not replay a select's change): the menu waits, disabled.
  const hydrated = useHydrated();
  const id = useId();
  const [failed, setFailed] = useState<Locale | null>(null);

  useEffect(() => {
    const chosen = document.documentElement.getAttribute(LANGUAGE_ATTRIBUTE);
    if (isLocale(chosen) && chosen !== locale) void showLanguage(chosen).then((shown) => setFailed(shown ? null : chosen));
    // Only once, for the language the visit opened in.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const choose = (next: Locale) => {
    rememberLanguage(next);
    document.documentElement.setAttribute(LANGUAGE_ATTRIBUTE, next);
    void showLanguage(next).then((shown) => setFailed(shown ? null : next));
  };

  return (
    <div className="flex items-center gap-1.5">
      <label htmlFor={id} className="sr-only">
        {t('language.label')}
      </label>
      {/* A drawn globe, not the emoji: an emoji's font loads late and nudges the header when it arrives. */}
      <svg aria-hidden="true" width="14" height="14" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.3" className="shrink-0 text-zinc-500 dark:text-zinc-400">
        <circle cx="8" cy="8" r="6.5" />
        <path d="M1.5 8h13M8 1.5c2 2 2.8 4.2 2.8 6.5S10 12.5 8 14.5M8 1.5C6 3.5 5.2 5.7 5.2 8S6 12.5 8 14.5" />
      </svg>
      <select
        disabled={!hydrated}
        id={id}
        data-testid="language-select"
        value={locale}
        onChange={(event) => {
          if (isLocale(event.target.value)) choose(event.target.value);
        }}
        className="rounded-md border border-zinc-300 bg-white px-1.5 py-1 text-xs text-zinc-800 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200"
      >
        {LOCALES.map((option) => (
          <option key={option} value={option} lang={option}>
            {LOCALE_NAMES[option]}
          </option>
        ))}
      </select>
      {failed ? (
        <p role="alert" className="text-xs text-red-700 dark:text-red-400">
          {t('language.failed', { language: LOCALE_NAMES[failed] })}
        </p>
      ) : null}
    </div>
  );
}
