'use client';

import { useSyncExternalStore } from 'react';
import { LANGUAGE_PENDING_ATTRIBUTE } from '@/lib/i18n/boot-script';

function subscribe(onChange: () => void) {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: [LANGUAGE_PENDING_ATTRIBUTE] });
  return () => observer.disconnect();
}

/**
 * True while the visit's language is still loading (the views wait hidden, see
 * lib/i18n/boot-script.ts): what is painted before React, such as a link's
 * preview, stays until the page can show itself in that language.
 */
export function useLanguagePending(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => document.documentElement.hasAttribute(LANGUAGE_PENDING_ATTRIBUTE),
    () => false,
  );
}
