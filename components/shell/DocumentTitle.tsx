'use client';

import { useEffect } from 'react';
import { useLocale } from '@/components/i18n/useLocale';
import { t } from './messages';

const TITLES = {
  home: () => t('ui-shell.documentTitle'),
  privacy: () => t('ui-shell.privacyTitle'),
} as const;

/**
 * Keeps the tab's title in the language shown. The prerendered page's title (its
 * metadata, the same English) stands until another language is shown.
 */
export function DocumentTitle({ page }: { page: keyof typeof TITLES }) {
  const locale = useLocale();
  const title = TITLES[page]();
  useEffect(() => {
    const apply = () => {
      if (document.title !== title) document.title = title;
    };
    apply();
    // The page's own <title> (its metadata) may be written again after hydration: the language's title stays.
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [title, locale]);
  return null;
}
