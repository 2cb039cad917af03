'use client';

import { useSyncExternalStore } from 'react';

const neverChanges = () => () => {};

/**
 * False on the server and while React hydrates the prerendered page, true after. The
 * page is prerendered at build time, in UTC: text that the reader's clock, time zone or
 * language changes (a local time, "in 3 days") must wait for it, or hydration fails.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(neverChanges, () => true, () => false);
}
