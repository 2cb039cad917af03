'use client';

import { useEffect } from 'react';

/**
 * Keeps the tab's title as `title` (a text in the language shown). The prerendered
 * page's title (its metadata, in English) stands until then, and should it be
 * written again after hydration, the given title is put back.
 */
export function useDocumentTitle(title: string) {
  useEffect(() => {
    const apply = () => {
      if (document.title !== title) document.title = title;
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [title]);
}
